/* Statutory days off by year (see holiday.h for the law). */
#include "cal/holiday.h"

#include "cal/date.h"
#include "cal/lunar.h"

static const char *law_ref(int year)
{
    if (year >= 2021) {
        return "Bộ luật Lao động 2019 (45/2019/QH14) Điều 112.1";
    }
    if (year >= 2013) {
        return "Bộ luật Lao động 2012 (10/2012/QH13) Điều 115.1";
    }
    return "Bộ luật Lao động 1994 (sửa đổi 2007) Điều 73";
}

const char *cal_holiday_comp_ref(int year)
{
    if (year >= 2021) {
        return "Bộ luật Lao động 2019 (45/2019/QH14) Điều 111.3";
    }
    if (year >= 2013) {
        return "Bộ luật Lao động 2012 (10/2012/QH13) Điều 115.3";
    }
    return "Bộ luật Lao động 1994 (sửa đổi 2007) Điều 73";
}

const char *cal_holiday_weekend_ref(void)
{
    return "Quyết định 188/1999/QĐ-TTg (tuần làm việc 40 giờ)";
}

const char *cal_holiday_comp_reason(enum cal_tag tag)
{
    switch (tag) {
    case CAL_TAG_NEWYEAR:
        return "Nghỉ bù Tết Dương lịch (trùng ngày nghỉ hằng tuần)";
    case CAL_TAG_HUNGKINGS:
        return "Nghỉ bù Giỗ Tổ Hùng Vương (trùng ngày nghỉ hằng tuần)";
    case CAL_TAG_VICTORY:
        return "Nghỉ bù Ngày Chiến thắng 30/4 (trùng ngày nghỉ hằng tuần)";
    case CAL_TAG_LABOUR:
        return "Nghỉ bù Ngày Quốc tế lao động 1/5 (trùng ngày nghỉ hằng tuần)";
    case CAL_TAG_NATIONAL:
        return "Nghỉ bù Quốc khánh 2/9 (trùng ngày nghỉ hằng tuần)";
    case CAL_TAG_NONE:
    case CAL_TAG_WEEKEND:
    case CAL_TAG_TET:
    case CAL_TAG_COMP:
    case CAL_TAG_SWAP:
    case CAL_TAG_AGENCY:
    case CAL_TAG_OTHER:
        break;
    }
    return "Nghỉ bù (trùng ngày nghỉ hằng tuần)";
}

int32_t cal_holiday_tet(int year)
{
    struct cal_lunar_date ld = { .day = 1, .month = 1, .year = year, .leap = false };
    int y, m, d;
    /* 1/1 always exists in every lunar year of the valid range. */
    if (cal_solar_from_lunar(&ld, &y, &m, &d, NULL) != MC_OK) {
        return 0;
    }
    return cal_days_from_civil(y, m, d);
}

static int32_t hung_kings(int year)
{
    struct cal_lunar_date ld = { .day = 10, .month = 3, .year = year, .leap = false };
    int y, m, d;
    if (cal_solar_from_lunar(&ld, &y, &m, &d, NULL) != MC_OK) {
        return 0;
    }
    return cal_days_from_civil(y, m, d);
}

int32_t cal_holiday_national_adjacent(int year)
{
    /* Announced practice 2021-2026: the adjacent day joins 2/9 to a weekend
     * where it can (Mon -> Tue 3/9 because Sun 1/9 is already off, Tue -> Mon,
     * Thu -> Fri, Fri/Sat -> Thu/Fri 1/9, Sun -> Mon 3/9, Wed -> Tue 1/9 as in
     * 2026); python-holidays' NATIONAL_DAY_RULE records the same offsets. */
    static const int offset[8] = { 0, +1, -1, -1, +1, -1, -1, +1 };
    int32_t d = cal_days_from_civil(year, 9, 2);
    return d + offset[cal_weekday(d)];
}

/* The announced Tết breaks of domain.md §6.2 (2020, 2023-2026) all give 5
 * weekdays (4 before 2013) that start on the weekday before the eve (giao
 * thừa) -- or on the eve itself when the eve is a Monday, so the break joins
 * the weekend before it -- and run on over the weekdays that follow. The rule
 * reproduces each of them (test_cal_holiday.c). */
static size_t tet_estimate(int year, struct cal_rule_day *out)
{
    int32_t eve = cal_holiday_tet(year) - 1;
    int32_t d = eve;
    if (cal_weekday(eve) != 1) {
        do {
            d--;
        } while (cal_weekday(d) >= 6);
    }
    size_t want = year >= 2013 ? 5 : 4, n = 0;
    for (; n < want; d++) {
        if (cal_weekday(d) >= 6) {
            continue;
        }
        out[n++] = (struct cal_rule_day){
            .day = d,
            .tag = CAL_TAG_TET,
            .reason = "Nghỉ Tết Nguyên Đán",
            .ref = law_ref(year),
            .estimate = true,
            .compensatable = false,
        };
    }
    return n;
}

static struct cal_rule_day fixed(int year, int m, int d, enum cal_tag tag, const char *reason)
{
    return (struct cal_rule_day){
        .day = cal_days_from_civil(year, m, d),
        .tag = tag,
        .reason = reason,
        .ref = law_ref(year),
        .estimate = false,
        .compensatable = true,
    };
}

size_t cal_holiday_rules(int year, bool tet_announced, bool national_announced,
                         struct cal_rule_day out[CAL_RULE_DAYS_MAX])
{
    size_t n = 0;
    out[n++] = fixed(year, 1, 1, CAL_TAG_NEWYEAR, "Tết Dương lịch");
    if (!tet_announced) {
        n += tet_estimate(year, out + n);
    }
    if (year >= 2007) {
        struct cal_rule_day h =
            fixed(year, 1, 1, CAL_TAG_HUNGKINGS, "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
        h.day = hung_kings(year);
        out[n++] = h;
    }
    out[n++] = fixed(year, 4, 30, CAL_TAG_VICTORY, "Ngày Chiến thắng (30/4)");
    out[n++] = fixed(year, 5, 1, CAL_TAG_LABOUR, "Ngày Quốc tế lao động (1/5)");
    struct cal_rule_day qk = fixed(year, 9, 2, CAL_TAG_NATIONAL, "Quốc khánh (2/9)");
    if (year >= 2021 && !national_announced) {
        struct cal_rule_day adj = qk;
        adj.day = cal_holiday_national_adjacent(year);
        adj.reason = "Quốc khánh (ngày liền kề 2/9)";
        adj.estimate = true;
        adj.compensatable = false;
        if (adj.day < qk.day) {
            out[n++] = adj;
            out[n++] = qk;
        } else {
            out[n++] = qk;
            out[n++] = adj;
        }
    } else {
        out[n++] = qk;
    }
    /* Giỗ Tổ can fall in late April, so keep the list in date order. */
    for (size_t i = 1; i < n; i++) {
        for (size_t j = i; j > 0 && out[j].day < out[j - 1].day; j--) {
            struct cal_rule_day tmp = out[j];
            out[j] = out[j - 1];
            out[j - 1] = tmp;
        }
    }
    return n;
}
