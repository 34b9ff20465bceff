/* columns.c - the columns of edustat's tables (see columns_internal.h). */
#include "columns_internal.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

const es_column es_table_columns[] = {
    {"indicator", "string", "指标", "Indicator id from the edustat lexicon"},
    {"label", "string", "指标名称", "Chinese label of the indicator"},
    {"kind", "string", "类型", "amount, count, rate, ratio or area"},
    {"unit", "string", "单位", "Unit of value (元, %, 人, 所, 个, 间, 台, ㎡, ratio)"},
    {"district", "string", "区县", "District or county"},
    {"district_code", "string", "区划代码", "GB/T 2260 code of the district (6 digits)"},
    {"city", "string", "城市", "City named with the district"},
    {"year", "integer", "年份", "Year the figure reports on"},
    {"period_start", "date", "起始日期", "First day of the year, for time axes"},
    {"value", "number", "数值", NULL},
    {"qualifier", "string", "限定", "exact, more_than, approx, at_least or at_most"},
    {"pick", "string", "取值规则",
     "How the figure was chosen: total (each document's total level, the document reporting on "
     "the year first), or max, first or median of all mentions"},
    {"n_mentions", "integer", "提及次数", "Mentions of this indicator for the district and year"},
    {"sources", "array", "来源记录", "Ids of the records behind the row"},
    {"quote", "string", "原文", "The chosen figure's sentence"},
    {"source_file", "string", "来源文件", "File of the chosen figure"},
    {"source_line", "integer", "行号", "Line of the chosen figure"},
    {"n_sources", "integer", "来源文件数", "Documents giving a figure for this cell"},
    {"conflict", "boolean", "数值冲突", "True when two documents give different values (see values)"}};
const size_t es_n_table_columns = COUNT_OF(es_table_columns);

const es_column es_by_year_columns[] = {
    {"indicator", "string", "指标", "Indicator id"}, {"label", "string", "指标名称", "Chinese label"},
    {"unit", "string", "单位", "Unit of the values"}, {"year", "integer", "年份", "Year"},
    {"n", "integer", "区县数", "Districts with data"}, {"mean", "number", "均值", "Mean"},
    {"sd", "number", "标准差", "Sample standard deviation (n - 1); null for one district"},
    {"min", "number", "最小值", "Minimum"}, {"q1", "number", "下四分位数", "First quartile (linear interpolation)"},
    {"median", "number", "中位数", "Median"}, {"q3", "number", "上四分位数", "Third quartile (linear interpolation)"},
    {"max", "number", "最大值", "Maximum"}, {"cv", "number", "变异系数", "sd / mean; null when the mean is 0"}};
const es_column es_by_district_columns[] = {
    {"indicator", "string", "指标", "Indicator id"}, {"label", "string", "指标名称", "Chinese label"},
    {"unit", "string", "单位", "Unit of the values"}, {"district", "string", "区县", "District"},
    {"district_code", "string", "区划代码", "GB/T 2260 code"}, {"n_years", "integer", "年数", "Years with data"},
    {"first_year", "integer", "首年", "First year with data"}, {"last_year", "integer", "末年", "Last year with data"},
    {"first", "number", "首年值", "Value in the first year"}, {"last", "number", "末年值", "Value in the last year"},
    {"change", "number", "变化", "last - first; null with one year"},
    {"growth_pct", "number", "增长率", "(last - first) / first x 100; null when first is 0"},
    {"cagr_pct", "number", "年均增长率", "Compound annual growth, %"},
    {"slope", "number", "趋势斜率", "Least-squares slope of value on year, per year"},
    {"slope_se", "number", "斜率标准误", "Standard error of the slope; needs 3 years"},
    {"r2", "number", "拟合优度", "R squared of the trend"}};
const es_column es_comparison_columns[] = {
    {"indicator", "string", "指标", "Indicator id"}, {"label", "string", "指标名称", "Chinese label"},
    {"unit", "string", "单位", "Unit of the values"}, {"district", "string", "区县", "District"},
    {"district_code", "string", "区划代码", "GB/T 2260 code"}, {"year", "integer", "年份", "Year"},
    {"value", "number", "数值", "The table's value"}, {"rank", "integer", "排名", "1 = best (the highest; the lowest where lower is better); ties share the lower rank"},
    {"of", "integer", "参评区县数", "Districts ranked"}, {"ratio_to_median", "number", "与中位数之比", "value / median"},
    {"z", "number", "标准分", "(value - mean) / sd"}, {"diff_to_best", "number", "与最优值之差", "value - best value"},
    {"previous_year", "integer", "上一年份", "The district's previous year with data"},
    {"yoy_change", "number", "同比变化", "value - previous"}, {"yoy_pct", "number", "同比增长率", "(value - previous) / previous x 100"}};
const size_t es_n_by_year_columns = COUNT_OF(es_by_year_columns);
const size_t es_n_by_district_columns = COUNT_OF(es_by_district_columns);
const size_t es_n_comparison_columns = COUNT_OF(es_comparison_columns);
