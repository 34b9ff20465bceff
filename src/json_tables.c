/* json_tables.c - table.json, summary.json, datapackage.json and
 * echarts.json with cJSON (see json_tables.h). */
#include "edustat/json_tables.h"
#include "columns_internal.h"
#include "error_internal.h"
#include "number_internal.h"

#include <cJSON.h>
#include <math.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Builders return 0 once an allocation failed; the caller frees the root. */
static int str(cJSON *o, const char *k, const char *v)
{
    cJSON *item = v ? cJSON_CreateString(v) : cJSON_CreateNull();
    if (item == NULL)
        return 0;
    cJSON_AddItemToObjectCS(o, k, item); /* keys are literals: not copied */
    return 1;
}

static int num(cJSON *o, const char *k, double v)
{
    v = es_tidy_number(v); /* the one policy (number_internal.h) */
    cJSON *item = isfinite(v) ? cJSON_CreateNumber(v) : cJSON_CreateNull(); /* never NaN/Inf */
    if (item == NULL)
        return 0;
    cJSON_AddItemToObjectCS(o, k, item); /* keys are literals: not copied */
    return 1;
}

static cJSON *obj_in(cJSON *arr)
{
    cJSON *o = cJSON_CreateObject();
    if (o != NULL)
        cJSON_AddItemToArray(arr, o);
    return o;
}

static cJSON *arr_in(cJSON *o, const char *k)
{
    cJSON *a = cJSON_CreateArray();
    if (a != NULL)
        cJSON_AddItemToObject(o, k, a);
    return a;
}

/* Print root to out, one array element a line for readable diffs. */
static es_status emit(cJSON *root, FILE *out, es_error *err)
{
    char *s = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (s == NULL)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    int ok = fputs(s, out) >= 0 && fputc('\n', out) != EOF;
    free(s);
    return ok ? ES_OK : es_error_set(err, ES_ERR_WRITE, "", 0, "cannot write the output: %s", strerror(errno));
}

static es_status nomem(cJSON *root, es_error *err)
{
    cJSON_Delete(root);
    return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
}

static int indicator_fields(cJSON *o, const es_indicator *ind)
{
    return str(o, "indicator", ind->id) && str(o, "label", ind->label) &&
           str(o, "unit", ind->units[0]);
}

es_status es_write_table_json(const es_table *t, FILE *out, es_error *err)
{
    cJSON *root = cJSON_CreateObject();
    if (root == NULL || !str(root, "schema", "edustat.table/2"))
        return nomem(root, err);
    cJSON *rows = arr_in(root, "rows");
    cJSON *unplaced = arr_in(root, "unplaced");
    if (rows == NULL || unplaced == NULL)
        return nomem(root, err);
    for (size_t i = 0; i < t->n_rows; i++) {
        const es_row *r = &t->rows[i];
        cJSON *o = obj_in(rows);
        char period[16];
        snprintf(period, sizeof period, "%04d-01-01", r->year);
        if (o == NULL || !str(o, "indicator", r->indicator->id) || !str(o, "label", r->indicator->label) ||
            !str(o, "kind", es_indicator_kind_name(r->indicator->kind)) || !str(o, "unit", r->unit) ||
            !str(o, "district", r->district) || !str(o, "district_code", r->district_code) ||
            !str(o, "city", r->city) || !num(o, "year", r->year) || !str(o, "period_start", period) ||
            !num(o, "value", r->value) || !str(o, "qualifier", es_qualifier_name(r->qualifier)) ||
            !str(o, "pick", es_pick_name(r->pick)) || !num(o, "n_mentions", (double)r->n_mentions))
            return nomem(root, err);
        cJSON *src = arr_in(o, "sources");
        if (src == NULL)
            return nomem(root, err);
        for (size_t k = 0; k < r->n_mentions; k++) {
            cJSON *s = cJSON_CreateString(r->sources[k]->id);
            if (s == NULL)
                return nomem(root, err);
            cJSON_AddItemToArray(src, s);
        }
        if (!str(o, "quote", r->chosen->quote) || !str(o, "source_file", r->chosen->file) ||
            !num(o, "source_line", (double)r->chosen->line) ||
            !num(o, "n_sources", (double)r->n_sources) ||
            !cJSON_AddItemToObjectCS(o, "conflict", cJSON_CreateBool(r->conflict)))
            return nomem(root, err);
        if (r->conflict) {
            /* each document's figure, so a reader sees the disagreement */
            cJSON *vals = arr_in(o, "values");
            if (vals == NULL)
                return nomem(root, err);
            for (size_t k = 0; k < r->n_sources; k++) {
                cJSON *v = obj_in(vals);
                if (v == NULL || !num(v, "value", r->doc_picks[k]->value) ||
                    !str(v, "source", r->doc_picks[k]->id) ||
                    !str(v, "source_file", r->doc_picks[k]->file) ||
                    !num(v, "source_line", (double)r->doc_picks[k]->line))
                    return nomem(root, err);
            }
        }
    }
    cJSON *targets = arr_in(root, "targets");
    if (targets == NULL)
        return nomem(root, err);
    for (size_t i = 0; i < t->n_targets; i++) {
        const es_fact *x = t->targets[i];
        const es_indicator *ind = es_lexicon_at(es_facts_lexicon(t->facts), x->indicator);
        cJSON *o = obj_in(targets);
        if (o == NULL || !str(o, "indicator", ind->id) || !str(o, "label", ind->label) ||
            !str(o, "district", x->district) ||
            !(x->year ? num(o, "year", x->year) : str(o, "year", NULL)) ||
            !(x->doc_year ? num(o, "document_year", x->doc_year) : str(o, "document_year", NULL)) ||
            !str(o, "unit", x->unit) || !num(o, "value", x->value) ||
            !str(o, "qualifier", es_qualifier_name(x->qualifier)) || !str(o, "source", x->id) ||
            !str(o, "quote", x->quote) || !str(o, "source_file", x->file) ||
            !num(o, "source_line", (double)x->line))
            return nomem(root, err);
    }
    for (size_t i = 0; i < t->n_unplaced; i++) {
        const es_unplaced *u = &t->unplaced[i];
        cJSON *o = obj_in(unplaced);
        if (o == NULL || !str(o, "indicator", u->indicator->id) || !str(o, "label", u->indicator->label) ||
            !str(o, "district", u->district) || !(u->year ? num(o, "year", u->year) : str(o, "year", NULL)) ||
            !str(o, "reason", u->reason) || !num(o, "count", (double)u->count))
            return nomem(root, err);
    }
    return emit(root, out, err);
}

static int year_stats_obj(cJSON *o, const es_year_stats *y)
{
    return indicator_fields(o, y->indicator) && num(o, "year", y->year) && num(o, "n", (double)y->n) &&
           num(o, "mean", y->mean) && num(o, "sd", y->sd) && num(o, "min", y->min) &&
           num(o, "q1", y->q1) && num(o, "median", y->median) && num(o, "q3", y->q3) &&
           num(o, "max", y->max) && num(o, "cv", y->cv);
}

static int trend_obj(cJSON *o, const es_district_trend *d)
{
    return indicator_fields(o, d->indicator) && str(o, "district", d->district) &&
           str(o, "district_code", d->district_code) && num(o, "n_years", (double)d->n_years) &&
           num(o, "first_year", d->first_year) && num(o, "last_year", d->last_year) &&
           num(o, "first", d->first) && num(o, "last", d->last) && num(o, "change", d->change) &&
           num(o, "growth_pct", d->growth_pct) && num(o, "cagr_pct", d->cagr_pct) &&
           num(o, "slope", d->slope) && num(o, "slope_se", d->slope_se) && num(o, "r2", d->r2);
}

static int comparison_obj(cJSON *o, const es_comparison *c)
{
    const es_row *r = c->row;
    return indicator_fields(o, r->indicator) && str(o, "district", r->district) &&
           str(o, "district_code", r->district_code) && num(o, "year", r->year) &&
           num(o, "value", r->value) && num(o, "rank", c->rank) && num(o, "of", c->of) &&
           num(o, "ratio_to_median", c->ratio_to_median) && num(o, "z", c->z) &&
           num(o, "diff_to_best", c->diff_to_best) &&
           (c->previous_year ? num(o, "previous_year", c->previous_year) : str(o, "previous_year", NULL)) &&
           num(o, "yoy_change", c->yoy_change) && num(o, "yoy_pct", c->yoy_pct);
}

es_status es_write_summary_json(const es_summary *s, FILE *out, es_error *err)
{
    cJSON *root = cJSON_CreateObject();
    if (root == NULL || !str(root, "schema", "edustat.summary/1"))
        return nomem(root, err);
    cJSON *by_year = arr_in(root, "by_year");
    cJSON *by_district = arr_in(root, "by_district");
    cJSON *comparisons = arr_in(root, "comparisons");
    if (by_year == NULL || by_district == NULL || comparisons == NULL)
        return nomem(root, err);
    for (size_t i = 0; i < s->n_by_year; i++) {
        cJSON *o = obj_in(by_year);
        if (o == NULL || !year_stats_obj(o, &s->by_year[i]))
            return nomem(root, err);
    }
    for (size_t i = 0; i < s->n_by_district; i++) {
        cJSON *o = obj_in(by_district);
        if (o == NULL || !trend_obj(o, &s->by_district[i]))
            return nomem(root, err);
    }
    for (size_t i = 0; i < s->n_comparisons; i++) {
        cJSON *o = obj_in(comparisons);
        if (o == NULL || !comparison_obj(o, &s->comparisons[i]))
            return nomem(root, err);
    }
    return emit(root, out, err);
}

es_status es_write_comparisons_json(const es_summary *s, const es_indicator *ind,
                                    const char *const *districts, size_t n_districts, int year,
                                    FILE *out, es_error *err)
{
    cJSON *root = cJSON_CreateArray();
    if (root == NULL)
        return nomem(root, err);
    for (size_t i = 0; i < s->n_comparisons; i++) {
        const es_comparison *c = &s->comparisons[i];
        if (!es_comparison_selected(c, ind, districts, n_districts, year))
            continue;
        cJSON *o = obj_in(root);
        if (o == NULL || !comparison_obj(o, c))
            return nomem(root, err);
    }
    return emit(root, out, err);
}

/* A Table Schema field. */
static int field(cJSON *fields, const char *name, const char *type, const char *title,
                 const char *description)
{
    cJSON *f = obj_in(fields);
    return f && str(f, "name", name) && str(f, "type", type) && str(f, "title", title) &&
           str(f, "description", description);
}

/* A CSV file as a tabular resource: UTF-8 (with a byte-order mark, which
 * readers skip), RFC 4180, a header row of the columns' names. value_desc
 * replaces a NULL description. Returns the schema, or NULL. */
static cJSON *csv_resource(cJSON *resources, const char *name, const char *path, const char *title,
                           const es_column *cols, size_t n, const char *value_desc)
{
    cJSON *r = obj_in(resources);
    if (r == NULL || !str(r, "name", name) || !str(r, "type", "table") || !str(r, "path", path) ||
        !str(r, "format", "csv") || !str(r, "mediatype", "text/csv") || !str(r, "encoding", "utf-8") ||
        !str(r, "title", title))
        return NULL;
    cJSON *dialect = cJSON_CreateObject();
    if (dialect == NULL)
        return NULL;
    cJSON_AddItemToObject(r, "dialect", dialect);
    if (!cJSON_AddItemToObjectCS(dialect, "header", cJSON_CreateTrue()) || !str(dialect, "delimiter", ",") ||
        !str(dialect, "quoteChar", "\""))
        return NULL;
    cJSON *schema = cJSON_CreateObject();
    if (schema == NULL)
        return NULL;
    cJSON_AddItemToObject(r, "schema", schema);
    cJSON *fl = arr_in(schema, "fields");
    if (fl == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        /* an array in JSON is a ';'-joined string in CSV */
        int joined = strcmp(cols[i].type, "array") == 0;
        const char *desc = joined ? "Ids of the records behind the row, joined with ';'"
                                  : cols[i].description ? cols[i].description : value_desc;
        if (!field(fl, cols[i].name, joined ? "string" : cols[i].type, cols[i].title, desc))
            return NULL;
    }
    return schema;
}

/* A JSON file as a data resource (not tabular). */
static int json_resource(cJSON *resources, const char *name, const char *path, const char *title,
                         const char *description)
{
    cJSON *r = obj_in(resources);
    return r != NULL && str(r, "name", name) && str(r, "path", path) && str(r, "format", "json") &&
           str(r, "mediatype", "application/json") && str(r, "title", title) &&
           str(r, "description", description);
}

es_status es_write_datapackage_json(const es_table *t, FILE *out, es_error *err)
{
    cJSON *root = cJSON_CreateObject();
    if (root == NULL || !str(root, "$schema", "https://datapackage.org/profiles/2.0/datapackage.json") ||
        !str(root, "name", "edustat") || !str(root, "title", "教育指标数据 (edustat)") ||
        !str(root, "description", "Figures extracted from education-bureau reports by edustat: one row "
                                   "per indicator, district and year, with summaries and comparisons."))
        return nomem(root, err);
    cJSON *resources = arr_in(root, "resources");
    if (resources == NULL)
        return nomem(root, err);
    /* The value's unit depends on the indicator: Table Schema has no unit
     * property, so the description lists them and `unit` carries it. */
    const es_lexicon *lx = es_facts_lexicon(t->facts);
    size_t cap = 256;
    char *units = malloc(cap);
    if (units == NULL)
        return nomem(root, err);
    size_t len = (size_t)snprintf(units, cap, "指标值 (what the district reached that year: an actual figure of its own area). Unit by indicator:");
    for (size_t i = 0; i < es_lexicon_count(lx); i++) {
        const es_indicator *ind = es_lexicon_at(lx, i);
        if (strcmp(ind->id, "other") == 0)
            continue;
        size_t need = strlen(ind->id) + strlen(ind->label) + strlen(ind->units[0]) + 16;
        if (len + need >= cap) {
            cap = (cap + need) * 2;
            char *p = realloc(units, cap);
            if (p == NULL) {
                free(units);
                return nomem(root, err);
            }
            units = p;
        }
        len += (size_t)snprintf(units + len, cap - len, " %s %s %s;", ind->id, ind->label, ind->units[0]);
    }
    cJSON *schema = csv_resource(resources, "table", "table.csv", "指标表", es_table_columns,
                                 es_n_table_columns, units);
    free(units);
    cJSON *pk = schema ? cJSON_CreateStringArray((const char *const[]){"indicator", "district", "year"}, 3) : NULL;
    if (pk == NULL)
        return nomem(root, err);
    cJSON_AddItemToObject(schema, "primaryKey", pk);
    if (csv_resource(resources, "summary_by_year", "summary_by_year.csv", "按年份汇总", es_by_year_columns,
                     es_n_by_year_columns, NULL) == NULL ||
        csv_resource(resources, "summary_by_district", "summary_by_district.csv", "按区县趋势",
                     es_by_district_columns, es_n_by_district_columns, NULL) == NULL ||
        csv_resource(resources, "summary_comparisons", "summary_comparisons.csv", "区县比较",
                     es_comparison_columns, es_n_comparison_columns, NULL) == NULL ||
        !json_resource(resources, "table_json", "table.json", "指标表（JSON）",
                       "The table as JSON: rows (as table.csv, sources as an array, and each document's "
                       "value where they conflict), unplaced figures by reason, and the districts' targets") ||
        !json_resource(resources, "summary_json", "summary.json", "汇总与比较（JSON）",
                       "by_year, by_district and comparisons, as the three summary CSV files") ||
        !json_resource(resources, "echarts", "echarts.json", "ECharts 数据集",
                       "Per indicator an Apache ECharts dataset (district x year)"))
        return nomem(root, err);
    char *s = cJSON_Print(root);
    cJSON_Delete(root);
    if (s == NULL)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    int ok = fputs(s, out) >= 0 && fputc('\n', out) != EOF;
    free(s);
    return ok ? ES_OK : es_error_set(err, ES_ERR_WRITE, "", 0, "cannot write the output: %s", strerror(errno));
}


es_status es_write_echarts_json(const es_table *t, FILE *out, es_error *err)
{
    cJSON *root = cJSON_CreateObject();
    if (root == NULL || !str(root, "schema", "edustat.echarts/2"))
        return nomem(root, err);
    cJSON *list = arr_in(root, "indicators");
    int *years = malloc((t->n_rows ? t->n_rows : 1) * sizeof *years);
    if (list == NULL || years == NULL) {
        free(years);
        return nomem(root, err);
    }
    for (size_t i = 0; i < t->n_rows;) {
        size_t j = i;
        while (j < t->n_rows && t->rows[j].indicator == t->rows[i].indicator)
            j++;
        size_t ny = es_table_years(t, i, j, years, t->n_rows);
        const es_indicator *ind = t->rows[i].indicator;
        cJSON *o = obj_in(list);
        cJSON *dataset = cJSON_CreateObject();
        if (o == NULL || dataset == NULL || !indicator_fields(o, ind)) {
            cJSON_Delete(dataset);
            free(years);
            return nomem(root, err);
        }
        cJSON_AddItemToObject(o, "dataset", dataset);
        /* The header is source's first row (not `dimensions`): ECharts then
         * reads it right both ways, a bar chart of districts (a series per
         * year) and, with seriesLayoutBy 'row', a line per district across
         * the years; with `dimensions` the line chart took the first column
         * as its categories. */
        cJSON *source = arr_in(dataset, "source");
        cJSON *dims = source ? cJSON_CreateArray() : NULL;
        if (dims != NULL)
            cJSON_AddItemToArray(source, dims);
        cJSON *d0 = cJSON_CreateString("district");
        if (dims == NULL || source == NULL || d0 == NULL) {
            cJSON_Delete(d0);
            free(years);
            return nomem(root, err);
        }
        cJSON_AddItemToArray(dims, d0);
        for (size_t k = 0; k < ny; k++) {
            char y[16];
            snprintf(y, sizeof y, "%d", years[k]);
            cJSON *s = cJSON_CreateString(y);
            if (s == NULL) {
                free(years);
                return nomem(root, err);
            }
            cJSON_AddItemToArray(dims, s);
        }
        /* One line per district (rows are by district, then year). */
        for (size_t k = i; k < j;) {
            size_t e = k;
            while (e < j && strcmp(t->rows[e].district, t->rows[k].district) == 0)
                e++;
            cJSON *line = cJSON_CreateArray();
            cJSON *name = cJSON_CreateString(t->rows[k].district);
            if (line == NULL || name == NULL) {
                cJSON_Delete(line);
                cJSON_Delete(name);
                free(years);
                return nomem(root, err);
            }
            cJSON_AddItemToArray(source, line);
            cJSON_AddItemToArray(line, name);
            size_t r = k;
            for (size_t y = 0; y < ny; y++) {
                cJSON *v;
                if (r < e && t->rows[r].year == years[y])
                    v = isfinite(t->rows[r++].value) ? cJSON_CreateNumber(t->rows[r - 1].value) : cJSON_CreateNull();
                else
                    v = cJSON_CreateNull();
                if (v == NULL) {
                    free(years);
                    return nomem(root, err);
                }
                cJSON_AddItemToArray(line, v);
            }
            k = e;
        }
        i = j;
    }
    free(years);
    return emit(root, out, err);
}
