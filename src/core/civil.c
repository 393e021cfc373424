#include "core/civil.h"

#include "core/worktime.h"

/* Floor division: instants before 1970 still map to the right day. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool eng_date_valid(struct eng_date d)
{
    static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) {
        return false;
    }
    int max = mdays[d.month - 1] + (d.month == 2 && is_leap(d.year) ? 1 : 0);
    return d.day <= max;
}

int64_t eng_days_from_date(struct eng_date d)
{
    int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t mp = (d.month + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct eng_date eng_date_from_days(int64_t days)
{
    int64_t z = days + 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return (struct eng_date){ .year = (int)y, .month = (int)m, .day = (int)d };
}

struct eng_date eng_local_date(int64_t instant)
{
    return eng_date_from_days(floor_div(instant + ENG_UTC_OFFSET_MINUTES, 1440));
}

int eng_local_minute_of_day(int64_t instant)
{
    int64_t local = instant + ENG_UTC_OFFSET_MINUTES;
    return (int)(local - floor_div(local, 1440) * 1440);
}

int64_t eng_local_midnight(struct eng_date d)
{
    return eng_days_from_date(d) * 1440 - ENG_UTC_OFFSET_MINUTES;
}
