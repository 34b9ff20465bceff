/* test_stats.c - the table and its statistics against values worked out
 * by hand (or by a second method in the test), edge cases included. */
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edustat/json_tables.h"
#include "edustat/lexicon.h"
#include "edustat/plausibility.h"
#include "edustat/stats.h"
#include "edustat/table.h"

/* The fact tables below leave the later fields (document, basis, scope) at
 * their defaults. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#define NULLV (-12345.678) /* "expect null" in the tables below */

static es_lexicon *lx;

static int setup(void **state)
{
    (void)state;
    es_error err;
    return es_lexicon_new_builtin(&lx, &err) == ES_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    es_lexicon_free(lx);
    return 0;
}

typedef struct fixture_fact {
    const char *indicator;
    const char *district;
    int year;
    double value;
    const char *unit;
    es_qualifier q;
    int doc;          /* document number; 0: a document of its own */
    int doc_year;     /* the document's year; 0: the figure's year */
    es_basis basis;
    es_scope scope;
} fixture_fact;

/* Facts from a table of (indicator, district, year, value); each becomes a
 * record of its own document so document order is list order. */
static es_facts *facts_of(const fixture_fact *ff, size_t n)
{
    es_facts *f = es_facts_new(lx);
    assert_non_null(f);
    for (size_t i = 0; i < n; i++) {
        char id[64], doc[32];
        int index = ff[i].doc ? ff[i].doc : (int)i + 1000;
        snprintf(doc, sizeof doc, "f.txt#%d", index);
        snprintf(id, sizeof id, "%s@%zu", doc, i * 10);
        es_doc_info d = {0};
        d.id = doc;
        d.file = "f.txt";
        d.index = index;
        d.district = ff[i].district;
        d.year = ff[i].doc_year ? ff[i].doc_year : ff[i].year;
        d.city = ff[i].district ? "甲市" : NULL;
        es_record r = {0};
        r.id = id;
        r.doc = &d;
        r.line = (long)i + 1;
        r.start = i * 10;
        r.raw = "x";
        r.raw_len = 1;
        r.value = ff[i].value;
        r.unit = ff[i].unit ? ff[i].unit : es_lexicon_find(lx, ff[i].indicator)->units[0];
        r.qualifier = ff[i].q;
        r.indicator = ff[i].indicator;
        r.context = "ctx";
        r.context_len = 3;
        r.year = ff[i].year;
        r.year_from = ES_YEAR_CLAUSE;
        r.basis = ff[i].basis;
        r.scope = ff[i].scope;
        es_error err;
        assert_int_equal(es_facts_add(f, &r, &err), ES_OK);
    }
    return f;
}

/* The table reads facts in (indicator, district, year, file, document,
 * offset, id) order whatever order they came in: with --pick first, each
 * cell's figure is the least by that order, found here by brute force over
 * shuffled facts with shared offsets (ties broken by id). */
static void cells_take_the_first_fact_in_document_order(void **state)
{
    (void)state;
    es_facts *f = es_facts_new(lx);
    assert_non_null(f);
    static const char *const files[] = {"b.txt", "a.txt", "c/z.txt", "c.txt"};
    static const char *const districts[] = {"甲区", "乙区", "丙区"};
    enum { N = 3000 };
    struct {
        int file, doc, district, year;
        size_t start;
        char id[48];
    } in[N];
    unsigned long long x = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < N; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        in[i].file = (int)(x % 4);
        in[i].doc = (int)((x >> 8) % 3) + 1;
        in[i].district = (int)((x >> 16) % 3);
        in[i].year = 2020 + (int)((x >> 24) % 3);
        in[i].start = (size_t)((x >> 32) % 20) * (((x >> 40) % 5) ? 1 : 70000); /* ties; some large */
        snprintf(in[i].id, sizeof in[i].id, "%s#%d@%zu~%d", files[in[i].file], in[i].doc, in[i].start,
                 (int)((x >> 48) % 1000));
        char doc[48];
        snprintf(doc, sizeof doc, "%s#%d", files[in[i].file], in[i].doc);
        es_doc_info d = {0};
        d.id = doc;
        d.file = files[in[i].file];
        d.index = in[i].doc;
        d.district = districts[in[i].district];
        d.city = "甲市";
        d.year = in[i].year;
        es_record r = {0};
        r.id = in[i].id;
        r.doc = &d;
        r.line = 1;
        r.start = in[i].start;
        r.end = in[i].start + 1;
        r.raw = "x";
        r.raw_len = 1;
        r.value = i + 1;
        r.unit = "所";
        r.indicator = "schools.count";
        r.context = "ctx";
        r.context_len = 3;
        r.year = in[i].year;
        r.year_from = ES_YEAR_CLAUSE;
        es_error err;
        assert_int_equal(es_facts_add(f, &r, &err), ES_OK);
    }
    es_table *t = NULL;
    es_error err;
    assert_int_equal(es_table_build(f, ES_PICK_FIRST, &t, &err), ES_OK);
    size_t cells = 0;
    for (size_t k = 0; k < t->n_rows; k++) {
        const es_row *row = &t->rows[k];
        int best = -1;
        for (int i = 0; i < N; i++) {
            if (strcmp(districts[in[i].district], row->district) != 0 || in[i].year != row->year)
                continue;
            int c = best < 0 ? -1 : strcmp(files[in[i].file], files[in[best].file]);
            if (c == 0)
                c = (in[i].doc > in[best].doc) - (in[i].doc < in[best].doc);
            if (c == 0)
                c = (in[i].start > in[best].start) - (in[i].start < in[best].start);
            if (c == 0)
                c = strcmp(in[i].id, in[best].id);
            if (c < 0)
                best = i;
        }
        assert_true(best >= 0);
        assert_string_equal(row->chosen->id, in[best].id);
        cells++;
    }
    assert_int_equal(cells, 9); /* 3 districts x 3 years */
    es_table_free(t);
    es_facts_free(f);
}

static void expect_num(const char *what, double got, double want)
{
    if (want == NULLV) {
        if (!isnan(got)) {
            print_error("%s: got %.17g, want null\n", what, got);
            fail();
        }
        return;
    }
    if (!(fabs(got - want) <= 1e-9 * fmax(1.0, fabs(want)))) {
        print_error("%s: got %.17g, want %.17g\n", what, got, want);
        fail();
    }
}

static const es_comparison *comparison(const es_summary *s, const char *district, int year)
{
    for (size_t i = 0; i < s->n_comparisons; i++)
        if (strcmp(s->comparisons[i].row->district, district) == 0 && s->comparisons[i].row->year == year)
            return &s->comparisons[i];
    fail_msg("no comparison for %s %d", district, year);
    return NULL;
}

static const es_year_stats *year_of(const es_summary *s, int year)
{
    for (size_t i = 0; i < s->n_by_year; i++)
        if (s->by_year[i].year == year)
            return &s->by_year[i];
    fail_msg("no statistics for %d", year);
    return NULL;
}

static const es_district_trend *trend_of(const es_summary *s, const char *district)
{
    for (size_t i = 0; i < s->n_by_district; i++)
        if (strcmp(s->by_district[i].district, district) == 0)
            return &s->by_district[i];
    fail_msg("no trend for %s", district);
    return NULL;
}

static void year_statistics_match_hand_computation(void **state)
{
    (void)state;
    const fixture_fact ff[] = {
        {"schools.count", "甲区", 2023, 10, NULL, 0}, {"schools.count", "乙区", 2023, 20, NULL, 0},
        {"schools.count", "丙区", 2023, 30, NULL, 0}, {"schools.count", "丁区", 2023, 40, NULL, 0},
    };
    es_facts *f = facts_of(ff, 4);
    es_table *t;
    es_summary *s;
    es_error err;
    assert_int_equal(es_table_build(f, ES_PICK_DEFAULT, &t, &err), ES_OK);
    assert_int_equal(es_summary_compute(t, &s, &err), ES_OK);
    const es_year_stats *y = year_of(s, 2023);
    double sd = sqrt((15.0 * 15 + 5 * 5 + 5 * 5 + 15 * 15) / 3.0); /* n - 1 */
    assert_int_equal(y->n, 4);
    expect_num("mean", y->mean, 25);
    expect_num("sd", y->sd, sd);
    expect_num("min", y->min, 10);
    expect_num("q1", y->q1, 17.5);  /* position (4-1)*0.25 = 0.75 between 10 and 20 */
    expect_num("median", y->median, 25);
    expect_num("q3", y->q3, 32.5);
    expect_num("max", y->max, 40);
    expect_num("cv", y->cv, sd / 25);
    const es_comparison *a = comparison(s, "甲区", 2023);
    assert_int_equal(a->rank, 4);
    assert_int_equal(a->of, 4);
    expect_num("ratio_to_median", a->ratio_to_median, 10.0 / 25);
    expect_num("z", a->z, (10 - 25) / sd);
    expect_num("diff_to_best", a->diff_to_best, -30);
    assert_int_equal(comparison(s, "丁区", 2023)->rank, 1);
    es_summary_free(s);
    es_table_free(t);
    es_facts_free(f);
}

static void ties_share_the_lower_rank(void **state)
{
    (void)state;
    const fixture_fact ff[] = {
        {"staff.teachers", "甲区", 2023, 50, NULL, 0},
        {"staff.teachers", "乙区", 2023, 50, NULL, 0},
        {"staff.teachers", "丙区", 2023, 20, NULL, 0},
    };
    es_facts *f = facts_of(ff, 3);
    es_table *t;
    es_summary *s;
    es_error err;
    assert_int_equal(es_table_build(f, ES_PICK_DEFAULT, &t, &err), ES_OK);
    assert_int_equal(es_summary_compute(t, &s, &err), ES_OK);
    assert_int_equal(comparison(s, "甲区", 2023)->rank, 1);
    assert_int_equal(comparison(s, "乙区", 2023)->rank, 1);
    assert_int_equal(comparison(s, "丙区", 2023)->rank, 3);
    es_summary_free(s);
    es_table_free(t);
    es_facts_free(f);
}

/* 生师比 is students per teacher: the fewest rank first (the lexicon says
 * lower is better), ties still share the lower rank, and the difference
 * to the best is to the lowest value. */
static void student_teacher_ratio_ranks_the_lowest_first(void **state)
{
    (void)state;
    const fixture_fact ff[] = {
        {"staff.student_teacher_ratio", "甲区", 2023, 18.5, "ratio", 0},
        {"staff.student_teacher_ratio", "乙区", 2023, 12.0, "ratio", 0},
        {"staff.student_teacher_ratio", "丙区", 2023, 15.0, "ratio", 0},
        {"staff.student_teacher_ratio", "丁区", 2023, 15.0, "ratio", 0},
    };
    es_facts *f = facts_of(ff, 4);
    es_table *t;
    es_summary *s;
    es_error err;
    assert_int_equal(es_table_build(f, ES_PICK_DEFAULT, &t, &err), ES_OK);
    assert_int_equal(es_summary_compute(t, &s, &err), ES_OK);
    assert_int_equal(comparison(s, "乙区", 2023)->rank, 1);
    assert_int_equal(comparison(s, "丙区", 2023)->rank, 2);
    assert_int_equal(comparison(s, "丁区", 2023)->rank, 2);
    assert_int_equal(comparison(s, "甲区", 2023)->rank, 4);
    expect_num("diff_to_best", comparison(s, "甲区", 2023)->diff_to_best, 6.5);
    expect_num("diff_to_best", comparison(s, "乙区", 2023)->diff_to_best, 0);
    es_summary_free(s);
    es_table_free(t);
    es_facts_free(f);
}

/* Each plausibility rule flags its case and nothing else: a net rate above
 * 100% (a gross rate may pass it), half a school, a doubling, and two
 * documents that disagree. */
static void plausibility_rules_flag_what_to_check(void **state)
{
    (void)state;
    const fixture_fact ff[] = {
        {"enrollment.rate.primary", "甲区", 2023, 100.4, "%", 0},
        {"enrollment.rate.preschool", "甲区", 2023, 104.0, "%", 0},   /* gross: no ceiling */
        {"schools.count", "乙区", 2023, 20.5, "所", 0},
        {"staff.teachers", "丙区", 2022, 1000, "人", 0},
        {"staff.teachers", "丙区", 2023, 1600, "人", 0},              /* +60% */
        {"staff.teachers", "丁区", 2022, 1000, "人", 0},
        {"staff.teachers", "丁区", 2023, 1400, "人", 0},              /* +40%: not flagged */
        {"funding.investment", "戊区", 2023, 1.5e9, "元", 1, 2023},
        {"funding.investment", "戊区", 2023, 1.52e9, "元", 2, 2024},
    };
    es_facts *f = facts_of(ff, sizeof ff / sizeof ff[0]);
    es_table *t;
    es_error err;
    assert_int_equal(es_table_build(f, ES_PICK_DEFAULT, &t, &err), ES_OK);
    es_flag *flags;
    size_t n;
    assert_int_equal(es_plausibility_check(t, &flags, &n, &err), ES_OK);
    assert_int_equal(n, 4);
    int seen[ES_N_FLAG_RULES] = {0};
    for (size_t i = 0; i < n; i++) {
        seen[flags[i].rule]++;
        switch (flags[i].rule) {
        case ES_FLAG_ABOVE_CEILING:
            assert_string_equal(flags[i].row->indicator->id, "enrollment.rate.primary");
            break;
        case ES_FLAG_FRACTIONAL_COUNT:
            assert_string_equal(flags[i].row->district, "乙区");
            break;
        case ES_FLAG_JUMP:
            assert_string_equal(flags[i].row->district, "丙区");
            assert_int_equal(flags[i].row->year, 2023);
            assert_int_equal(flags[i].previous->year, 2022);
            break;
        case ES_FLAG_CONFLICT:
            assert_string_equal(flags[i].row->district, "戊区");
            break;
        }
    }
    for (int r = 0; r < ES_N_FLAG_RULES; r++)
        assert_int_equal(seen[r], 1);
    assert_string_equal(es_flag_rule_name(ES_FLAG_JUMP), "jump");
    free(flags);
    es_table_free(t);
    es_facts_free(f);
}

/* Least squares by the textbook formulas, as a second method. */
static void fit(const double *x, const double *y, int n, double *slope, double *se, double *r2)
{
    double mx = 0, my = 0;
    for (int i = 0; i < n; i++) {
        mx += x[i] / n;
        my += y[i] / n;
    }
    double sxx = 0, sxy = 0, syy = 0;
    for (int i = 0; i < n; i++) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
        syy += (y[i] - my) * (y[i] - my);
    }
    *slope = sxy / sxx;
    double sse = 0;
    for (int i = 0; i < n; i++) {
        double e = y[i] - (my + *slope * (x[i] - mx));
        sse += e * e;
    }
    *se = n >= 3 ? sqrt(sse / (n - 2) / sxx) : NAN;
    *r2 = 1 - sse / syy;
}

static void trends_and_year_over_year_match(void **state)
{
    (void)state;
    const fixture_fact ff[] = {
        {"funding.investment", "甲区", 2021, 8e8, NULL, 0},
        {"funding.investment", "甲区", 2023, 10e8, NULL, 0}, /* 2022 missing */
        {"funding.investment", "甲区", 2024, 13e8, NULL, 0},
        {"funding.investment", "乙区", 2023, 5e8, NULL, 0},
        {"funding.investment", "乙区", 2024, 6e8, NULL, 0},
    };
    es_facts *f = facts_of(ff, 5);
    es_table *t;
    es_summary *s;
    es_error err;
    assert_int_equal(es_table_build(f, ES_PICK_DEFAULT, &t, &err), ES_OK);
    assert_int_equal(es_summary_compute(t, &s, &err), ES_OK);
    const es_comparison *c = comparison(s, "甲区", 2023);
    assert_int_equal(c->previous_year, 2021); /* the previous year with data */
    expect_num("yoy_change", c->yoy_change, 2e8);
    expect_num("yoy_pct", c->yoy_pct, 25);
    expect_num("first yoy", comparison(s, "甲区", 2021)->yoy_pct, NULLV);
    const es_district_trend *d = trend_of(s, "甲区");
    double x[] = {2021, 2023, 2024}, y[] = {8e8, 10e8, 13e8}, slope, se, r2;
    fit(x, y, 3, &slope, &se, &r2);
    assert_int_equal(d->first_year, 2021);
    assert_int_equal(d->last_year, 2024);
    expect_num("change", d->change, 5e8);
    expect_num("growth_pct", d->growth_pct, 62.5);
    expect_num("cagr_pct", d->cagr_pct, (pow(13.0 / 8.0, 1.0 / 3.0) - 1) * 100);
    expect_num("slope", d->slope, slope);
    expect_num("slope_se", d->slope_se, se);
    expect_num("r2", d->r2, r2);
    const es_district_trend *b = trend_of(s, "乙区");
    expect_num("two-point slope", b->slope, 1e8);
    expect_num("two-point slope_se", b->slope_se, NULLV); /* needs 3 points */
    es_summary_free(s);
    es_table_free(t);
    es_facts_free(f);
}

static void edge_cases_give_null_never_inf(void **state)
{
    (void)state;
    const fixture_fact ff[] = {
        /* one district, one year: n = 1 */
        {"staff.teachers", "甲区", 2020, 300, NULL, 0},
        /* all equal */
        {"schools.count", "甲区", 2021, 7, NULL, 0},
        {"schools.count", "乙区", 2021, 7, NULL, 0},
        /* growth from zero */
        {"facilities.rooms", "甲区", 2021, 0, NULL, 0},
        {"facilities.rooms", "甲区", 2022, 12, NULL, 0},
        {"facilities.rooms", "乙区", 2021, 0, NULL, 0},
    };
    es_facts *f = facts_of(ff, 6);
    es_table *t;
    es_summary *s;
    es_error err;
    assert_int_equal(es_table_build(f, ES_PICK_DEFAULT, &t, &err), ES_OK);
    assert_int_equal(es_summary_compute(t, &s, &err), ES_OK);
    for (size_t i = 0; i < s->n_by_year; i++) {
        const es_year_stats *y = &s->by_year[i];
        if (strcmp(y->indicator->id, "staff.teachers") == 0) {
            assert_int_equal(y->n, 1);
            expect_num("sd of one", y->sd, NULLV);
            expect_num("cv of one", y->cv, NULLV);
        } else if (strcmp(y->indicator->id, "schools.count") == 0) {
            expect_num("sd of equal", y->sd, 0);
            expect_num("cv of equal", y->cv, NULLV);
        } else if (y->year == 2021) {
            expect_num("cv with mean 0", y->cv, NULLV);
        }
    }
    for (size_t i = 0; i < s->n_comparisons; i++) {
        const es_comparison *c = &s->comparisons[i];
        if (strcmp(c->row->indicator->id, "schools.count") == 0)
            expect_num("z when sd is 0", c->z, NULLV);
        if (strcmp(c->row->indicator->id, "facilities.rooms") == 0 && c->row->year == 2022)
            expect_num("yoy_pct from 0", c->yoy_pct, NULLV);
        if (strcmp(c->row->indicator->id, "facilities.rooms") == 0 && c->row->year == 2021)
            expect_num("ratio to a median of 0", c->ratio_to_median, NULLV);
    }
    for (size_t i = 0; i < s->n_by_district; i++) {
        const es_district_trend *d = &s->by_district[i];
        if (strcmp(d->indicator->id, "facilities.rooms") == 0 && strcmp(d->district, "甲区") == 0) {
            expect_num("growth from 0", d->growth_pct, NULLV);
            expect_num("cagr from 0", d->cagr_pct, NULLV);
            expect_num("change from 0", d->change, 12);
        }
        if (d->n_years == 1)
            expect_num("slope of one year", d->slope, NULLV);
    }
    /* The JSON has null where the numbers are missing, never NaN or Inf. */
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    assert_non_null(mem);
    assert_int_equal(es_write_summary_json(s, mem, &err), ES_OK);
    assert_int_equal(es_write_table_json(t, mem, &err), ES_OK);
    fclose(mem);
    assert_null(strstr(buf, "nan"));
    assert_null(strstr(buf, "inf"));
    assert_non_null(strstr(buf, "\"sd\":null"));
    free(buf);
    es_summary_free(s);
    es_table_free(t);
    es_facts_free(f);
}

static void rows_pick_each_documents_total_then_the_document_of_the_year(void **state)
{
    (void)state;
    const fixture_fact ff[] = {
        /* one document: the first rate, the largest count (the total level) */
        {"enrollment.rate.primary", "甲区", 2023, 99.5, NULL, 0, 1},
        {"enrollment.rate.primary", "甲区", 2023, 100, NULL, 0, 1},
        {"schools.count", "甲区", 2023, 12, NULL, ES_QUALIFIER_MORE_THAN, 1},
        {"schools.count", "甲区", 2023, 40, NULL, ES_QUALIFIER_APPROX, 1},
        {"schools.count", "甲区", 2023, 25, NULL, 0, 1},
        {"schools.count", "甲区", 2023, 3, "个", 0, 1}, /* not the indicator's unit */
        {"schools.count", NULL, 2023, 9, NULL, 0, 2},   /* no district */
        {"schools.count", "甲区", 0, 9, NULL, 0, 3},    /* no year */
    };
    es_facts *f = facts_of(ff, 8);
    es_table *t;
    es_error err;
    assert_int_equal(es_table_build(f, ES_PICK_DEFAULT, &t, &err), ES_OK);
    assert_int_equal(t->n_rows, 2);
    const es_row *rate = &t->rows[0], *count = &t->rows[1];
    assert_string_equal(rate->indicator->id, "enrollment.rate.primary"); /* lexicon order */
    expect_num("first rate", rate->value, 99.5);
    expect_num("max count", count->value, 40);
    assert_int_equal(count->pick, ES_PICK_DEFAULT);
    assert_int_equal(count->qualifier, ES_QUALIFIER_APPROX); /* the chosen figure's */
    assert_int_equal(count->n_mentions, 3);
    assert_int_equal(count->n_sources, 1);
    assert_false(count->conflict);
    assert_int_equal(t->n_unplaced, 3);
    es_table_free(t);
    assert_int_equal(es_table_build(f, ES_PICK_MEDIAN, &t, &err), ES_OK);
    expect_num("median count", t->rows[1].value, 25);
    es_table_free(t);
    assert_int_equal(es_table_build(f, ES_PICK_FIRST, &t, &err), ES_OK);
    expect_num("first count", t->rows[1].value, 12);
    es_table_free(t);
    es_facts_free(f);
}

static void two_documents_that_disagree_make_a_conflict(void **state)
{
    (void)state;
    const fixture_fact ff[] = {
        /* the 2024 report restates 2023 (上年为…) differently from the 2023 report */
        {"schools.count", "甲区", 2023, 120, NULL, 0, 2, 2024},
        {"schools.count", "甲区", 2023, 118, NULL, 0, 1, 2023},
        {"schools.count", "甲区", 2024, 125, NULL, 0, 2, 2024},
        /* two documents agree */
        {"staff.teachers", "甲区", 2024, 900, NULL, 0, 2, 2024},
        {"staff.teachers", "甲区", 2024, 900, NULL, 0, 3, 2024},
    };
    es_facts *f = facts_of(ff, 5);
    es_table *t;
    es_error err;
    assert_int_equal(es_table_build(f, ES_PICK_DEFAULT, &t, &err), ES_OK);
    assert_int_equal(t->n_rows, 3);
    const es_row *r2023 = &t->rows[1], *r2024 = &t->rows[2], *teachers = &t->rows[0];
    assert_int_equal(r2023->year, 2023);
    expect_num("the report on 2023 wins", r2023->value, 118);
    assert_true(r2023->conflict);
    assert_int_equal(r2023->n_sources, 2);
    expect_num("each document's figure", r2023->doc_picks[0]->value + r2023->doc_picks[1]->value, 238);
    assert_false(r2024->conflict);
    assert_string_equal(teachers->indicator->id, "staff.teachers");
    assert_false(teachers->conflict);
    assert_int_equal(teachers->n_sources, 2);
    es_table_free(t);
    es_facts_free(f);
}

static void targets_totals_wider_and_parts_never_fill_a_cell(void **state)
{
    (void)state;
    const fixture_fact ff[] = {
        {"enrollment.places", "甲区", 2024, 5100, NULL, 0, 1, 2024},
        {"enrollment.places", "甲区", 2024, 6000, NULL, 0, 1, 2024, ES_BASIS_TARGET},
        {"enrollment.places", "甲区", 2024, 30000, NULL, 0, 1, 2024, ES_BASIS_CUMULATIVE},
        {"enrollment.places", "甲区", 2024, 90000, NULL, 0, 1, 2024, 0, ES_SCOPE_WIDER},
        {"enrollment.places", "甲区", 2024, 4000, NULL, 0, 1, 2024, 0, ES_SCOPE_PART},
        {"enrollment.places", "甲区", 2025, 7000, NULL, 0, 1, 2024, ES_BASIS_TARGET},
    };
    es_facts *f = facts_of(ff, 6);
    es_table *t;
    es_error err;
    assert_int_equal(es_table_build(f, ES_PICK_MAX, &t, &err), ES_OK);
    assert_int_equal(t->n_rows, 1);
    expect_num("the actual, even under --pick max", t->rows[0].value, 5100);
    const char *want[] = {"cumulative", "part", "target", "target", "wider"}; /* by reason, year */
    size_t want_count[] = {1, 1, 1, 1, 1};
    assert_int_equal(t->n_unplaced, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(t->unplaced[i].reason, want[i]);
        assert_int_equal(t->unplaced[i].count, want_count[i]);
    }
    assert_int_equal(t->n_targets, 2);
    expect_num("targets listed", t->targets[0]->value + t->targets[1]->value, 13000);
    es_table_free(t);
    es_facts_free(f);
}

static void empty_table_has_empty_summary(void **state)
{
    (void)state;
    es_facts *f = es_facts_new(lx);
    es_table *t;
    es_summary *s;
    es_error err;
    assert_int_equal(es_table_build(f, ES_PICK_DEFAULT, &t, &err), ES_OK);
    assert_int_equal(es_summary_compute(t, &s, &err), ES_OK);
    assert_int_equal(t->n_rows, 0);
    assert_int_equal(s->n_by_year + s->n_by_district + s->n_comparisons, 0);
    es_summary_free(s);
    es_table_free(t);
    es_facts_free(f);
}

/* A record carries the lexicon entry its classifier chose: facts of the
 * same lexicon take it as it is, facts of another lexicon go by the id. */
static void facts_take_the_entry_of_their_own_lexicon(void **state)
{
    (void)state;
    es_lexicon *own, *other;
    es_error err;
    assert_int_equal(es_lexicon_new_builtin(&own, &err), ES_OK);
    assert_int_equal(es_lexicon_new_builtin(&other, &err), ES_OK);
    const es_indicator *teachers = es_lexicon_find(own, "staff.teachers");
    assert_non_null(teachers);
    assert_int_equal(es_lexicon_index_of(own, teachers), es_lexicon_order(own, "staff.teachers"));
    assert_int_equal(es_lexicon_index_of(own, es_lexicon_find(other, "staff.teachers")), -1);
    assert_int_equal(es_lexicon_index_of(own, NULL), -1);
    assert_int_equal(es_lexicon_index_of(own, (const es_indicator *)((const char *)teachers + 1)), -1);

    es_doc_info d = {0};
    d.id = "a.txt#1";
    d.file = "a.txt";
    d.index = 1;
    d.year = 2024;
    d.district = "天河区";
    es_record r = {0};
    r.id = "a.txt#1@0";
    r.doc = &d;
    r.raw = "x";
    r.raw_len = 1;
    r.value = 100;
    r.unit = "人";
    r.year = 2024;
    r.indicator = "staff.teachers";
    r.indicator_entry = es_lexicon_find(own, "enrollment.students");
    es_facts *f = es_facts_new(own);
    assert_non_null(f);
    assert_int_equal(es_facts_add(f, &r, &err), ES_OK); /* the entry wins */
    r.id = "a.txt#1@9";
    r.indicator_entry = es_lexicon_find(other, "enrollment.students"); /* not f's: the id */
    assert_int_equal(es_facts_add(f, &r, &err), ES_OK);
    assert_int_equal(es_facts_count(f), 2);
    assert_int_equal(es_facts_at(f, 0)->indicator, (size_t)es_lexicon_order(own, "enrollment.students"));
    assert_int_equal(es_facts_at(f, 1)->indicator, (size_t)es_lexicon_order(own, "staff.teachers"));
    es_facts_free(f);
    es_lexicon_free(other);
    es_lexicon_free(own);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cells_take_the_first_fact_in_document_order),
        cmocka_unit_test(year_statistics_match_hand_computation),
        cmocka_unit_test(ties_share_the_lower_rank),
        cmocka_unit_test(student_teacher_ratio_ranks_the_lowest_first),
        cmocka_unit_test(facts_take_the_entry_of_their_own_lexicon),
        cmocka_unit_test(plausibility_rules_flag_what_to_check),
        cmocka_unit_test(trends_and_year_over_year_match),
        cmocka_unit_test(edge_cases_give_null_never_inf),
        cmocka_unit_test(rows_pick_each_documents_total_then_the_document_of_the_year),
        cmocka_unit_test(two_documents_that_disagree_make_a_conflict),
        cmocka_unit_test(targets_totals_wider_and_parts_never_fill_a_cell),
        cmocka_unit_test(empty_table_has_empty_summary),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
