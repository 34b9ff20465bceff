// echarts_ssr.js - draw echarts.json's first indicator with Apache
// ECharts' server-side SVG renderer, as a dashboard would: a bar chart of
// districts (a series per year) and a line per district across the years
// (seriesLayoutBy 'row'), each with its values as labels. Then check that
// the SVG names every series and shows every value of the table.
// usage: NODE_PATH=DIR/node_modules node echarts_ssr.js ECHARTS.json TABLE.json
'use strict';
const fs = require('fs');
const echarts = require('echarts');

const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const table = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const ind = doc.indicators[0];
// (an older echarts.json put the header in `dimensions`: read it too, so
// the test shows what ECharts made of it)
const header = ind.dataset.dimensions || ind.dataset.source[0];
const years = header.slice(1);
const districts = ind.dataset.source.slice(ind.dataset.dimensions ? 0 : 1).map((r) => r[0]);
const problems = [];

function render(option) {
  const chart = echarts.init(null, null, {renderer: 'svg', ssr: true, width: 1200, height: 600});
  chart.setOption(Object.assign({animation: false, dataset: ind.dataset, legend: {}, tooltip: {}}, option));
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

function label(v) {
  return String(v);
}

const bar = render({
  xAxis: {type: 'category', axisLabel: {interval: 0}}, yAxis: {},
  series: years.map(() => ({type: 'bar', label: {show: true, position: 'top'}})),
});
const line = render({
  xAxis: {type: 'category'}, yAxis: {},
  series: districts.map(() => ({type: 'line', seriesLayoutBy: 'row', label: {show: true}})),
});

// bar: categories are districts, series (legend) are years
for (const d of districts) if (!bar.includes('>' + d + '<')) problems.push('bar chart lacks district ' + d);
for (const y of years) if (!bar.includes('>' + y + '<')) problems.push('bar chart legend lacks year ' + y);
// line: categories are years, series (legend) are districts
for (const y of years) if (!line.includes('>' + y + '<')) problems.push('line chart axis lacks year ' + y);
for (const d of districts) if (!line.includes('>' + d + '<')) problems.push('line chart legend lacks district ' + d);
if (line.includes('>district<')) problems.push('line chart took the header as data');
// every value of the table for this indicator is a label in both charts
for (const r of table.rows.filter((r) => r.indicator === ind.indicator)) {
  const v = '>' + label(r.value) + '<';
  if (!bar.includes(v)) problems.push('bar chart lacks ' + r.district + ' ' + r.year + ' = ' + r.value);
  if (!line.includes(v)) problems.push('line chart lacks ' + r.district + ' ' + r.year + ' = ' + r.value);
}
if (problems.length) {
  console.log('echarts_ssr: ' + problems.slice(0, 8).join('; '));
  process.exit(1);
}
console.log('echarts_ssr: ' + ind.indicator + ': ' + districts.length + ' districts x ' + years.length +
            ' years drawn right as bars and as lines');
