/* Hồ Ngọc Đức's algorithm (see lunar.h). The astronomical series are those
 * of J. Meeus, "Astronomical Algorithms", as used by the reference code; the
 * numbers below are facts of that method, re-derived here, not copied code.
 * Beware the known bug of one JS port (domain.md §6.3): the lunar year is the
 * solar year + 1 when the date falls after month 11 of that solar year. */
#include "cal/lunar.h"

#include <math.h>
#include <stdint.h>

#include "cal/date.h"

#define TZ_HOURS 7.0 /* 105°E */

/* Julian day number of a Gregorian date (Julian calendar before 1582-10-15,
 * which the valid range never reaches). */
static long jd_from_date(int d, int m, int y)
{
    long a = (14 - m) / 12;
    long yy = y + 4800 - a;
    long mm = m + 12 * a - 3;
    return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045;
}

/* JD of civil day number (days since 1970-01-01): JD 2440588 = 1970-01-01. */
static long jd_from_days(int32_t days)
{
    return 2440588L + days;
}

/* Instant (fractional JD, UT) of the k-th new moon after 1900-01-01. */
static double new_moon(long k)
{
    const double dr = M_PI / 180.0;
    double t = (double)k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double jd1 = 2415020.75933 + 29.53058868 * (double)k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
    double m = 359.2242 + 29.10535608 * (double)k - 0.0000333 * t2 - 0.00000347 * t3;
    double mpr = 306.0253 + 385.81691806 * (double)k + 0.0107306 * t2 + 0.00001236 * t3;
    double f = 21.2964 + 390.67050646 * (double)k - 0.0016528 * t2 - 0.00000239 * t3;
    double c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m);
    c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr);
    c1 = c1 - 0.0004 * sin(dr * 3 * mpr);
    c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr));
    c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m));
    c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr));
    c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m));
    double delta_t;
    if (t < -11) {
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
    } else {
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2;
    }
    return jd1 + c1 - delta_t;
}

/* Local (UTC+7) day number (JD) of the k-th new moon. */
static long new_moon_day(long k)
{
    return (long)floor(new_moon(k) + 0.5 + TZ_HOURS / 24.0);
}

/* Sun's apparent longitude in radians at fractional JD `jdn` (UT). */
static double sun_longitude(double jdn)
{
    const double dr = M_PI / 180.0;
    double t = (jdn - 2451545.0) / 36525.0;
    double t2 = t * t;
    double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m);
    dl = dl + (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m);
    double l = (l0 + dl) * dr;
    return l - 2 * M_PI * floor(l / (2 * M_PI));
}

/* Index 0..11 of the 30° sector the sun is in at local midnight starting
 * day `jd` (the principal term, Trung khí, of that day). */
static int sun_sector(long jd)
{
    return (int)floor(sun_longitude((double)jd - 0.5 - TZ_HOURS / 24.0) / M_PI * 6.0);
}

/* Day (JD) on which lunar month 11 of solar year y begins: the month that
 * contains the winter solstice (sector 9 = 270°). */
static long lunar_month11(int y)
{
    double off = (double)(jd_from_date(31, 12, y) - 2415021);
    long k = (long)floor(off / 29.530588853);
    long nm = new_moon_day(k);
    if (sun_sector(nm) >= 9) {
        nm = new_moon_day(k - 1);
    }
    return nm;
}

/* Month k's index (lunation count since 1900) of the month starting on a11. */
static long lunation_of(long month_start)
{
    return (long)floor(((double)month_start - 2415021.076998695) / 29.530588853 + 0.5);
}

/* In a 13-month year starting at month 11 `a11`, the offset (1..13) after
 * a11 of the leap month: the first month whose start has the same principal
 * term as the next one (no Trung khí inside it). */
static int leap_month_offset(long a11)
{
    long k = lunation_of(a11);
    int i = 1;
    int arc = sun_sector(new_moon_day(k + i));
    int last;
    do {
        last = arc;
        i++;
        arc = sun_sector(new_moon_day(k + i));
    } while (arc != last && i < 14);
    return i - 1;
}

enum mc_status cal_lunar_from_solar(int y, int m, int d, struct cal_lunar_date *out,
                                    struct mc_err *err)
{
    if (!cal_date_valid(y, m, d)) {
        return mc_fail_field(err, MC_EINVAL, "date", "%04d-%02d-%02d is not a date", y, m, d);
    }
    if (y < CAL_LUNAR_FIRST_YEAR || y > CAL_LUNAR_LAST_YEAR) {
        return mc_fail_field(err, MC_EINVAL, "date", "year %d is outside %d..%d", y,
                             CAL_LUNAR_FIRST_YEAR, CAL_LUNAR_LAST_YEAR);
    }
    long day_number = jd_from_date(d, m, y);
    long k = (long)floor(((double)day_number - 2415021.076998695) / 29.530588853);
    long month_start = new_moon_day(k + 1);
    if (month_start > day_number) {
        month_start = new_moon_day(k);
    }
    /* The mean lunation `k` can miss by one where the true new moon is far
     * from the mean one (e.g. 2054-05-07, where the reference code yields
     * day 0): step to the month that really contains the day. */
    while (month_start > day_number) {
        month_start = new_moon_day(--k);
    }
    long a11 = lunar_month11(y);
    long b11 = a11;
    int lunar_year;
    if (a11 >= month_start) {
        lunar_year = y;
        a11 = lunar_month11(y - 1);
    } else {
        lunar_year = y + 1; /* the JS-port bug sets y here */
        b11 = lunar_month11(y + 1);
    }
    int diff = (int)((month_start - a11) / 29);
    bool leap = false;
    int month = diff + 11;
    if (b11 - a11 > 365) {
        int leap_diff = leap_month_offset(a11);
        if (diff >= leap_diff) {
            month = diff + 10;
            leap = diff == leap_diff;
        }
    }
    if (month > 12) {
        month -= 12;
    }
    if (month >= 11 && diff < 4) {
        lunar_year -= 1;
    }
    out->day = (int)(day_number - month_start + 1);
    out->month = month;
    out->year = lunar_year;
    out->leap = leap;
    return MC_OK;
}

/* Start day (JD) of a lunar month, or -1 if it does not exist. */
static long month_start_jd(int year, int month, bool leap)
{
    long a11, b11;
    if (month < 11) {
        a11 = lunar_month11(year - 1);
        b11 = lunar_month11(year);
    } else {
        a11 = lunar_month11(year);
        b11 = lunar_month11(year + 1);
    }
    int off = month - 11;
    if (off < 0) {
        off += 12;
    }
    if (b11 - a11 > 365) {
        int leap_off = leap_month_offset(a11);
        int leap_month = leap_off - 2;
        if (leap_month <= 0) {
            leap_month += 12;
        }
        if (leap && month != leap_month) {
            return -1;
        }
        if (leap || off >= leap_off) {
            off += 1;
        }
    } else if (leap) {
        return -1;
    }
    return new_moon_day(lunation_of(a11) + off);
}

int cal_lunar_month_length(int year, int month, bool leap)
{
    if (year < CAL_LUNAR_FIRST_YEAR - 1 || year > CAL_LUNAR_LAST_YEAR || month < 1 || month > 12) {
        return 0;
    }
    long start = month_start_jd(year, month, leap);
    if (start < 0) {
        return 0;
    }
    /* The next month starts on the next new moon after `start`. */
    long next = new_moon_day(lunation_of(start) + 1);
    return (int)(next - start);
}

int cal_lunar_leap_month(int year)
{
    for (int mo = 1; mo <= 12; mo++) {
        if (month_start_jd(year, mo, true) >= 0) {
            return mo;
        }
    }
    return 0;
}

enum mc_status cal_solar_from_lunar(const struct cal_lunar_date *ld, int *y, int *m, int *d,
                                    struct mc_err *err)
{
    /* Lunar year 1899 is accepted for its last months, which fall in 1900. */
    if (ld->year < CAL_LUNAR_FIRST_YEAR - 1 || ld->year > CAL_LUNAR_LAST_YEAR) {
        return mc_fail_field(err, MC_EINVAL, "year", "lunar year %d is outside %d..%d", ld->year,
                             CAL_LUNAR_FIRST_YEAR, CAL_LUNAR_LAST_YEAR);
    }
    if (ld->month < 1 || ld->month > 12) {
        return mc_fail_field(err, MC_EINVAL, "month", "lunar month %d is outside 1..12", ld->month);
    }
    long start = month_start_jd(ld->year, ld->month, ld->leap);
    if (start < 0) {
        return mc_fail_field(err, MC_EINVAL, "month", "lunar year %d has no leap month %d",
                             ld->year, ld->month);
    }
    long next = new_moon_day(lunation_of(start) + 1);
    if (ld->day < 1 || ld->day > next - start) {
        return mc_fail_field(err, MC_EINVAL, "day", "lunar month %d%s/%d has %ld days, not %d",
                             ld->month, ld->leap ? " (nhuận)" : "", ld->year, next - start,
                             ld->day);
    }
    long jd = start + ld->day - 1;
    struct cal_date c = cal_civil_from_days((int32_t)(jd - jd_from_days(0)));
    if (c.year < CAL_LUNAR_FIRST_YEAR) {
        return mc_fail_field(err, MC_EINVAL, "year", "lunar date falls before 1900-01-01");
    }
    *y = c.year;
    *m = c.month;
    *d = c.day;
    return MC_OK;
}

const char *cal_lunar_can(int year)
{
    static const char *const can[10] = { "Giáp", "Ất",   "Bính", "Đinh", "Mậu",
                                         "Kỷ",   "Canh", "Tân",  "Nhâm", "Quý" };
    int i = (year + 6) % 10;
    return can[i < 0 ? i + 10 : i];
}

const char *cal_lunar_chi(int year)
{
    static const char *const chi[12] = { "Tý",  "Sửu", "Dần",  "Mão", "Thìn", "Tỵ",
                                         "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi" };
    int i = (year + 8) % 12;
    return chi[i < 0 ? i + 12 : i];
}
