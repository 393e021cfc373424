/* Problems, and the two ways a BPMN file states an allotment. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bpmn/bpmn_int.h"

void bpmn_problem_add(struct bpmn_model *m, struct mc_arena *a, const char *element, long line,
                      const char *fmt, ...)
{
    m->nproblems_total++;
    if (m->nproblems >= BPMN_MAX_PROBLEMS) {
        return;
    }
    if (m->problems == NULL) {
        m->problems = mc_arena_alloc(a, BPMN_MAX_PROBLEMS * sizeof(*m->problems));
    }
    va_list ap;
    va_start(ap, fmt);
    char tmp[600];
    vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    struct bpmn_problem *p = &m->problems[m->nproblems++];
    p->element = mc_arena_strdup(a, element ? element : "document");
    p->line = line;
    p->message = mc_arena_strdup(a, tmp);
}

const char *bpmn_problem_where(struct mc_arena *a, const struct bpmn_problem *p)
{
    /* err->field holds 96 bytes: keep the element short enough that the
     * line number always fits. */
    if (p->line > 0) {
        return mc_arena_printf(a, "%.70s (line %ld)", p->element, p->line);
    }
    return mc_arena_printf(a, "%.80s", p->element);
}

enum mc_status bpmn_fail_first(const struct bpmn_model *m, struct mc_arena *a, struct mc_err *err)
{
    const struct bpmn_problem *p = &m->problems[0];
    if (m->nproblems_total > 1) {
        return mc_fail_field(err, MC_EINVAL, bpmn_problem_where(a, p), "%s (and %zu more problems)",
                             p->message, m->nproblems_total - 1);
    }
    return mc_fail_field(err, MC_EINVAL, bpmn_problem_where(a, p), "%s", p->message);
}

/* Digits, optionally ".5" or ".0…" style fraction, as halves of a unit;
 * *end after the number. At most 5 integer digits so nothing overflows. */
static bool decimal_halves(const char *s, const char **end, int64_t *halves)
{
    int64_t whole = 0;
    size_t nd = 0;
    while (s[nd] >= '0' && s[nd] <= '9') {
        if (nd == 5) {
            return false;
        }
        whole = whole * 10 + (s[nd] - '0');
        nd++;
    }
    if (nd == 0) {
        return false;
    }
    s += nd;
    int64_t half = 0;
    if (*s == '.') {
        s++;
        if (*s == '5') {
            half = 1;
            s++;
        } else if (*s == '0') {
            s++;
        } else {
            return false;
        }
        while (*s == '0') {
            s++;
        }
    }
    *end = s;
    *halves = whole * 2 + half;
    return true;
}

bool bpmn_hours_parse(const char *s, int64_t *halves)
{
    const char *end = NULL;
    if (s == NULL || !decimal_halves(s, &end, halves) || *end != '\0') {
        return false;
    }
    return *halves > 0 && *halves <= 4000;
}

bool bpmn_duration_parse(const char *s, int64_t *halves)
{
    if (s == NULL || strncmp(s, "PT", 2) != 0) {
        return false;
    }
    s += 2;
    int64_t total = 0;
    const char *end = NULL;
    int64_t h = 0;
    if (decimal_halves(s, &end, &h) && *end == 'H') {
        total = h;
        s = end + 1;
    }
    if (*s != '\0') {
        /* Minutes: 0 or 30 (whole minutes only). */
        int64_t mins = 0;
        size_t nd = 0;
        while (s[nd] >= '0' && s[nd] <= '9' && nd < 6) {
            mins = mins * 10 + (s[nd] - '0');
            nd++;
        }
        if (nd == 0 || s[nd] != 'M' || s[nd + 1] != '\0' || mins % 30 != 0) {
            return false;
        }
        total += mins / 30;
    }
    *halves = total;
    return total > 0 && total <= 4000;
}
