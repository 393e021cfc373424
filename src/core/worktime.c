#include "core/worktime.h"

int64_t eng_wt_between(const struct eng_worktime *wt, int64_t a, int64_t b)
{
    if (b <= a) {
        return 0;
    }
    int64_t m = wt->between(wt->ctx, a, b);
    return m < 0 ? 0 : m;
}

int64_t eng_wt_add(const struct eng_worktime *wt, int64_t t, int64_t m)
{
    int64_t r = wt->add(wt->ctx, t, m < 0 ? 0 : m);
    return r < t ? t : r;
}
