/* json_tables.c - table.json, summary.json, datapackage.json and
 * echarts.json with cJSON (see json_tables.h). */
#include "edustat/json_tables.h"
#include "columns_internal.h"
#include "error_internal.h"
#include "json_emit_internal.h"
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

/* Print root to out on one line, then free it (the small documents: the
 * large tables stream row by row through json_emit.c). */
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

/* ---- written straight out, row by row ------------------------------------------------
 * table.json and summary.json hold an object per row (millions of them on
 * a large corpus): they are printed into a buffer flushed as it fills,
 * as cJSON_PrintUnformatted printed the same tree (numbers apart:
 * json_emit_internal.h), in constant memory. */

#define FLUSH_AT ((size_t)1 << 16)

static void jnum(es_jbuf *b, const char *k, size_t kn, double v, int first)
{
    es_jb_key_n(b, k, kn, first);
    char text[32];
    size_t n = es_tidy_text(v, text);
    if (n > 0)
        es_jb_put(b, text, n);
    else
        es_jb_number(b, es_tidy_number(v)); /* the one policy (number_internal.h) */
}

static void jstr(es_jbuf *b, const char *k, size_t kn, const char *v, int first)
{
    es_jb_key_n(b, k, kn, first);
    es_jb_cstr(b, v);
}

#define JNUM(b, k, v) jnum(b, k, sizeof(k) - 1, v, 0)
#define JSTR(b, k, v) jstr(b, k, sizeof(k) - 1, v, 0)
#define JYEAR(b, k, y) ((y) ? JNUM(b, k, y) : JSTR(b, k, NULL)) /* 0: unknown, null */

/* Flush b to out when it holds enough; 0, or -1 on failure. */
static int maybe_flush(es_jbuf *b, FILE *out)
{
    return b->n >= FLUSH_AT ? es_jb_flush(b, out) : (b->oom ? -1 : 0);
}

static es_status finish(es_jbuf *b, FILE *out, es_error *err)
{
    es_jb_put(b, "\n", 1);
    int oom = b->oom;
    int rc = es_jb_flush(b, out);
    free(b->p);
    if (oom)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    return rc == 0 ? ES_OK : es_error_set(err, ES_ERR_WRITE, "", 0, "cannot write the output: %s", strerror(errno));
}

static es_status failed(es_jbuf *b, es_error *err)
{
    int oom = b->oom;
    free(b->p);
    return oom ? es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory")
               : es_error_set(err, ES_ERR_WRITE, "", 0, "cannot write the output: %s", strerror(errno));
}

static void row_object(es_jbuf *b, const es_row *r)
{
    char period[16];
    snprintf(period, sizeof period, "%04d-01-01", r->year);
    jstr(b, "indicator", 9, r->indicator->id, 1);
    JSTR(b, "label", r->indicator->label);
    JSTR(b, "kind", es_indicator_kind_name(r->indicator->kind));
    JSTR(b, "unit", r->unit);
    JSTR(b, "district", r->district);
    JSTR(b, "district_code", r->district_code);
    JSTR(b, "city", r->city);
    JNUM(b, "year", r->year);
    JSTR(b, "period_start", period);
    JNUM(b, "value", r->value);
    JSTR(b, "qualifier", es_qualifier_name(r->qualifier));
    JSTR(b, "pick", es_pick_name(r->pick));
    JNUM(b, "n_mentions", (double)r->n_mentions);
    es_jb_key(b, "sources", 0);
    es_jb_put(b, "[", 1);
    for (size_t k = 0; k < r->n_mentions; k++) {
        if (k)
            es_jb_put(b, ",", 1);
        es_jb_cstr(b, r->sources[k]->id);
    }
    es_jb_put(b, "]", 1);
    JSTR(b, "quote", r->chosen->quote);
    JSTR(b, "source_file", r->chosen->file);
    JNUM(b, "source_line", (double)r->chosen->line);
    if (r->chosen->where != NULL) /* a Word, Excel or PDF file: where to find it */
        JSTR(b, "source_locator", r->chosen->where);
    JNUM(b, "n_sources", (double)r->n_sources);
    es_jb_key(b, "conflict", 0);
    es_jb_put(b, r->conflict ? "true" : "false", r->conflict ? 4 : 5);
    if (r->conflict) {
        /* each document's figure, so a reader sees the disagreement */
        es_jb_key(b, "values", 0);
        es_jb_put(b, "[", 1);
        for (size_t k = 0; k < r->n_sources; k++) {
            if (k)
                es_jb_put(b, ",", 1);
            jnum(b, "value", 5, r->doc_picks[k]->value, 1);
            JSTR(b, "source", r->doc_picks[k]->id);
            JSTR(b, "source_file", r->doc_picks[k]->file);
            JNUM(b, "source_line", (double)r->doc_picks[k]->line);
            if (r->doc_picks[k]->where != NULL)
                JSTR(b, "source_locator", r->doc_picks[k]->where);
            es_jb_put(b, "}", 1);
        }
        es_jb_put(b, "]", 1);
    }
    es_jb_put(b, "}", 1);
}

es_status es_write_table_json(const es_table *t, FILE *out, es_error *err)
{
    es_jbuf b = {0};
    es_jb_put(&b, "{\"schema\":\"edustat.table/2\",\"rows\":[", 36);
    for (size_t i = 0; i < t->n_rows; i++) {
        if (i)
            es_jb_put(&b, ",", 1);
        row_object(&b, &t->rows[i]);
        if (maybe_flush(&b, out) != 0)
            return failed(&b, err);
    }
    es_jb_put(&b, "],\"unplaced\":[", 14);
    for (size_t i = 0; i < t->n_unplaced; i++) {
        const es_unplaced *u = &t->unplaced[i];
        if (i)
            es_jb_put(&b, ",", 1);
        jstr(&b, "indicator", 9, u->indicator->id, 1);
        JSTR(&b, "label", u->indicator->label);
        JSTR(&b, "district", u->district);
        JYEAR(&b, "year", u->year);
        JSTR(&b, "reason", u->reason);
        JNUM(&b, "count", (double)u->count);
        es_jb_put(&b, "}", 1);
        if (maybe_flush(&b, out) != 0)
            return failed(&b, err);
    }
    es_jb_put(&b, "],\"targets\":[", 13);
    for (size_t i = 0; i < t->n_targets; i++) {
        const es_fact *x = t->targets[i];
        const es_indicator *ind = es_lexicon_at(es_facts_lexicon(t->facts), x->indicator);
        if (i)
            es_jb_put(&b, ",", 1);
        jstr(&b, "indicator", 9, ind->id, 1);
        JSTR(&b, "label", ind->label);
        JSTR(&b, "district", x->district);
        JYEAR(&b, "year", x->year);
        JYEAR(&b, "document_year", x->doc_year);
        JSTR(&b, "unit", x->unit);
        JNUM(&b, "value", x->value);
        JSTR(&b, "qualifier", es_qualifier_name(x->qualifier));
        JSTR(&b, "source", x->id);
        JSTR(&b, "quote", x->quote);
        JSTR(&b, "source_file", x->file);
        JNUM(&b, "source_line", (double)x->line);
        if (x->where != NULL)
            JSTR(&b, "source_locator", x->where);
        es_jb_put(&b, "}", 1);
        if (maybe_flush(&b, out) != 0)
            return failed(&b, err);
    }
    es_jb_put(&b, "]}", 2);
    return finish(&b, out, err);
}

static void indicator_keys(es_jbuf *b, const es_indicator *ind)
{
    jstr(b, "indicator", 9, ind->id, 1);
    JSTR(b, "label", ind->label);
    JSTR(b, "unit", ind->units[0]);
}

static void year_stats_object(es_jbuf *b, const es_year_stats *y)
{
    indicator_keys(b, y->indicator);
    JNUM(b, "year", y->year);
    JNUM(b, "n", (double)y->n);
    JNUM(b, "mean", y->mean);
    JNUM(b, "sd", y->sd);
    JNUM(b, "min", y->min);
    JNUM(b, "q1", y->q1);
    JNUM(b, "median", y->median);
    JNUM(b, "q3", y->q3);
    JNUM(b, "max", y->max);
    JNUM(b, "cv", y->cv);
    es_jb_put(b, "}", 1);
}

static void trend_object(es_jbuf *b, const es_district_trend *d)
{
    indicator_keys(b, d->indicator);
    JSTR(b, "district", d->district);
    JSTR(b, "district_code", d->district_code);
    JNUM(b, "n_years", (double)d->n_years);
    JNUM(b, "first_year", d->first_year);
    JNUM(b, "last_year", d->last_year);
    JNUM(b, "first", d->first);
    JNUM(b, "last", d->last);
    JNUM(b, "change", d->change);
    JNUM(b, "growth_pct", d->growth_pct);
    JNUM(b, "cagr_pct", d->cagr_pct);
    JNUM(b, "slope", d->slope);
    JNUM(b, "slope_se", d->slope_se);
    JNUM(b, "r2", d->r2);
    es_jb_put(b, "}", 1);
}

static void comparison_object(es_jbuf *b, const es_comparison *c)
{
    const es_row *r = c->row;
    indicator_keys(b, r->indicator);
    JSTR(b, "district", r->district);
    JSTR(b, "district_code", r->district_code);
    JNUM(b, "year", r->year);
    JNUM(b, "value", r->value);
    JNUM(b, "rank", c->rank);
    JNUM(b, "of", c->of);
    JNUM(b, "ratio_to_median", c->ratio_to_median);
    JNUM(b, "z", c->z);
    JNUM(b, "diff_to_best", c->diff_to_best);
    JYEAR(b, "previous_year", c->previous_year);
    JNUM(b, "yoy_change", c->yoy_change);
    JNUM(b, "yoy_pct", c->yoy_pct);
    es_jb_put(b, "}", 1);
}

es_status es_write_summary_json(const es_summary *s, FILE *out, es_error *err)
{
    es_jbuf b = {0};
    es_jb_put(&b, "{\"schema\":\"edustat.summary/1\",\"by_year\":[", 41);
    for (size_t i = 0; i < s->n_by_year; i++) {
        if (i)
            es_jb_put(&b, ",", 1);
        year_stats_object(&b, &s->by_year[i]);
        if (maybe_flush(&b, out) != 0)
            return failed(&b, err);
    }
    es_jb_put(&b, "],\"by_district\":[", 17);
    for (size_t i = 0; i < s->n_by_district; i++) {
        if (i)
            es_jb_put(&b, ",", 1);
        trend_object(&b, &s->by_district[i]);
        if (maybe_flush(&b, out) != 0)
            return failed(&b, err);
    }
    es_jb_put(&b, "],\"comparisons\":[", 17);
    for (size_t i = 0; i < s->n_comparisons; i++) {
        if (i)
            es_jb_put(&b, ",", 1);
        comparison_object(&b, &s->comparisons[i]);
        if (maybe_flush(&b, out) != 0)
            return failed(&b, err);
    }
    es_jb_put(&b, "]}", 2);
    return finish(&b, out, err);
}

es_status es_write_comparisons_json(const es_summary *s, const es_indicator *ind,
                                    const char *const *districts, size_t n_districts, int year,
                                    FILE *out, es_error *err)
{
    es_jbuf b = {0};
    es_jb_put(&b, "[", 1);
    size_t n = 0;
    for (size_t i = 0; i < s->n_comparisons; i++) {
        const es_comparison *c = &s->comparisons[i];
        if (!es_comparison_selected(c, ind, districts, n_districts, year))
            continue;
        if (n++)
            es_jb_put(&b, ",", 1);
        comparison_object(&b, c);
        if (maybe_flush(&b, out) != 0)
            return failed(&b, err);
    }
    es_jb_put(&b, "]", 1);
    return finish(&b, out, err);
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
    /* The workbook: for people, not a tabular resource (its sheets are the
     * table above, and one district x year sheet per indicator). */
    cJSON *xlsx = obj_in(resources);
    if (xlsx == NULL || !str(xlsx, "name", "table_xlsx") || !str(xlsx, "path", "table.xlsx") ||
        !str(xlsx, "format", "xlsx") ||
        !str(xlsx, "mediatype", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") ||
        !str(xlsx, "title", "指标表（Excel 工作簿）") ||
        !str(xlsx, "description", "The table for Excel and WPS: the long table (sheet 指标表), and per "
                                  "indicator a sheet of districts by years with the unit's number format"))
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
