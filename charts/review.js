/* review.js - the review page's script (built into edustat): shows the
 * evidence of a cell, keeps the URL fragment in step with the selected
 * cell, filters and searches. Every text from documents is set with
 * textContent, never parsed as HTML. No network, no library. */
(function () {
  'use strict';
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });
  var data = JSON.parse(document.getElementById('edustat-data').textContent);
  var words = data.words;

  /* A mention as the page sends it (review.c, evidence()), as an object. */
  function mention(a) {
    return {quote: a[0], raw: a[1], file: data.files[a[2]], line: a[3], value: a[4], qualifier: a[5],
            year: a[6] || '未知', year_from: words.year_from[a[7]], basis: words.basis[a[8]],
            scope: words.scope[a[9]], district: a[10] || '未知', why: words.why[a[11]], chosen: a[11] === 0,
            left_out: a[11] >= words.first_reason, where: a[12] || ''};
  }

  /* A cell as the page sends it (review.c, cell_evidence()). */
  function cellOf(key) {
    var c = data.cells[key];
    if (!c) return null;
    var parts = key.split('/');
    return {title: (data.labels[parts[0]] || parts[0]) + ' · ' + parts[1] + ' · ' + parts[2] + ' 年',
            value: c[1], qualifier: c[2], conflict: !!c[3], documents: c[4], more: c[5],
            chosen: mention(c[0][0]), others: c[0].slice(1).map(mention)};
  }
  var panel = document.getElementById('evidence');
  var selectedKey = null;

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }

  /* The sentence with the figure marked (its first occurrence). */
  function quote(ev) {
    var p = el('p', 'quote');
    var q = ev.quote || '';
    var at = ev.raw ? q.indexOf(ev.raw) : -1;
    if (at < 0) {
      p.textContent = q || '（无上下文）';
      return p;
    }
    p.appendChild(document.createTextNode(q.slice(0, at)));
    p.appendChild(el('mark', null, ev.raw));
    p.appendChild(document.createTextNode(q.slice(at + ev.raw.length)));
    return p;
  }

  function facts(ev) {
    var dl = el('dl', 'facts');
    var rows = [['数值', ev.value + (ev.qualifier || '')], ['文件', ev.file + (ev.where ? ' ' + ev.where : ' 第 ' + ev.line + ' 行')],
                ['年份', ev.year + '（' + ev.year_from + '）'], ['性质', ev.basis], ['范围', ev.scope],
                ['区县', ev.district]];
    rows.forEach(function (r) { dl.appendChild(el('dt', null, r[0])); dl.appendChild(el('dd', null, r[1])); });
    return dl;
  }

  function evidenceBlock(ev, chosen) {
    var d = el('div', chosen ? 'ev chosen' : 'ev');
    d.appendChild(el('p', 'why', chosen ? '表中取值' : '未取：' + ev.why));
    d.appendChild(quote(ev));
    d.appendChild(facts(ev));
    return d;
  }

  function mark(key) {
    var old = document.querySelectorAll('[aria-pressed="true"]');
    for (var i = 0; i < old.length; i++) old[i].setAttribute('aria-pressed', 'false');
    var buttons = document.querySelectorAll('button[data-key]');
    for (var k = 0; k < buttons.length; k++) {
      if (buttons[k].getAttribute('data-key') === key) {
        buttons[k].setAttribute('aria-pressed', 'true');
        return buttons[k];
      }
    }
    return null;
  }

  function show(key) {
    var cell = cellOf(key), item = data.items[key] ? mention(data.items[key]) : null;
    if (!cell && !item) return false;
    selectedKey = key;
    panel.textContent = '';
    if (cell) {
      panel.appendChild(el('h3', null, cell.title));
      panel.appendChild(el('p', 'value', cell.value + (cell.qualifier || '')));
      if (cell.conflict)
        panel.appendChild(el('p', 'warn', '注意：' + cell.documents + ' 份文件给出的数值不同，表中按取值规则取其一。'));
      panel.appendChild(evidenceBlock(cell.chosen, true));
      if (cell.others.length)
        panel.appendChild(el('h3', null, '同一单元格的其他提及（' + (cell.others.length + cell.more) + '）'));
      cell.others.forEach(function (ev) { panel.appendChild(evidenceBlock(ev, false)); });
      if (cell.more) panel.appendChild(el('p', 'hint', '另有 ' + cell.more + ' 处未列出。'));
    } else {
      panel.appendChild(el('h3', null, item.left_out ? '未进入表格：' + item.why : item.why));
      panel.appendChild(evidenceBlock(item, false));
    }
    var b = mark(key);
    /* after layout: a cell chosen by the URL is scrolled to once the page stands */
    if (b && b.scrollIntoView)
      setTimeout(function () { if (!inView(b)) b.scrollIntoView({block: 'center'}); }, 0);
    return true;
  }

  function inView(n) {
    var r = n.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= (window.innerHeight || document.documentElement.clientHeight);
  }

  function keyFromHash() {
    var h = location.hash.slice(1);
    try { return decodeURIComponent(h); } catch (e) { return h; }
  }

  function fromHash() {
    var k = keyFromHash();
    if (k && k !== selectedKey) show(k);
  }

  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('button[data-key]') : null;
    if (!b) return;
    var key = b.getAttribute('data-key');
    show(key);
    if (history.replaceState) history.replaceState(null, '', '#' + encodeURI(key));
    else location.hash = key;
  });
  window.addEventListener('hashchange', fromHash);

  /* Filters: an indicator hides the other sections, a district the other
   * rows, a year the other columns. */
  var fInd = document.getElementById('f-ind'), fDist = document.getElementById('f-district'),
      fYear = document.getElementById('f-year'), q = document.getElementById('q'),
      results = document.getElementById('results');
  function applyFilters() {
    var ind = fInd.value, dist = fDist.value, year = fYear.value;
    var secs = document.querySelectorAll('section.ind');
    for (var i = 0; i < secs.length; i++)
      secs[i].classList.toggle('hidden', ind !== '' && secs[i].getAttribute('data-ind') !== ind);
    var rows = document.querySelectorAll('tr[data-district]');
    for (var r = 0; r < rows.length; r++)
      rows[r].classList.toggle('hidden', dist !== '' && rows[r].getAttribute('data-district') !== dist);
    var cols = document.querySelectorAll('[data-year]');
    for (var c = 0; c < cols.length; c++)
      cols[c].classList.toggle('hidden', year !== '' && cols[c].getAttribute('data-year') !== year);
  }
  [fInd, fDist, fYear].forEach(function (s) { s.addEventListener('change', applyFilters); });

  /* Search: the sentences of every cell and listed figure. */
  var timer = null;
  function search() {
    var term = q.value.trim();
    results.textContent = '';
    if (term === '') return;
    var hits = [];
    function look(key, ev, label) {
      if ((ev.quote && ev.quote.indexOf(term) >= 0) || (ev.raw && ev.raw.indexOf(term) >= 0) ||
          (ev.file && ev.file.indexOf(term) >= 0))
        hits.push([key, label, ev]);
    }
    Object.keys(data.cells).forEach(function (k) {
      var c = cellOf(k);
      look(k, c.chosen, c.title);
      c.others.forEach(function (ev) { look(k, ev, c.title); });
    });
    Object.keys(data.items).forEach(function (k) { look(k, mention(data.items[k]), '未进入表格'); });
    results.appendChild(el('p', 'meta', '“' + term + '”：' + hits.length + ' 处' + (hits.length > 100 ? '，列出前 100 处' : '')));
    var ol = el('ol');
    hits.slice(0, 100).forEach(function (h) {
      var li = el('li');
      var b = el('button', 'item', h[1]);
      b.type = 'button';
      b.setAttribute('data-key', h[0]);
      li.appendChild(b);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('span', 'ctx', h[2].quote));
      ol.appendChild(li);
    });
    results.appendChild(ol);
  }
  q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(search, 150); });

  fromHash();

  /* Test hook for the e2e suite: ?selftest[&click=KEY] clicks a cell as a
   * user would and writes what the page shows into #selftest. */
  var params = new URLSearchParams(location.search);
  if (params.has('selftest')) {
    var click = params.get('click');
    if (click) {
      var b = mark(click);
      if (b) b.click();
    }
    [['ind', fInd], ['district', fDist], ['year', fYear]].forEach(function (f) {
      if (params.has(f[0])) { f[1].value = params.get(f[0]); f[1].dispatchEvent(new Event('change')); }
    });
    if (params.has('q')) { q.value = params.get('q'); search(); }
    function visible(sel) {
      return Array.prototype.filter.call(document.querySelectorAll(sel),
                                         function (n) { return n.getClientRects().length > 0; }).length;
    }
    var first = panel.querySelector('mark');
    var out = {ready_ms: Math.round(performance.now()), errors: errors, pwned: !!window.__edustat_pwned, selected: selectedKey,
               pressed: (document.querySelector('[aria-pressed="true"]') || {}).textContent || null,
               mark: first ? first.textContent : null,
               quote: first ? first.parentNode.textContent : null,
               evidence: panel.textContent, cells: document.querySelectorAll('button.cell').length,
               images: document.images.length, scripts: document.scripts.length,
               sections: visible('section.ind'), rows: visible('tr[data-district]'),
               columns: visible('thead th[data-year]'), results: results.querySelectorAll('button').length};
    var pre = el('pre', null, JSON.stringify(out));
    pre.id = 'selftest';
    document.body.appendChild(pre);
  }
})();
