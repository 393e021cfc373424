/* libFuzzer target: the calendar data-file parser (cal/cal_parse.c), and the
 * calendar built from whatever it accepts. */
#include <stddef.h>
#include <stdint.h>

#include "cal/cal.h"
#include "cal/data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct cal_data d;
    cal_data_init(&d);
    struct mc_err err;
    if (cal_data_parse(&d, "fuzz.txt", (const char *)data, size, &err) != MC_OK) {
        cal_data_release(&d);
        return 0;
    }
    struct cal *cal;
    if (cal_build(&d, &cal, &err) == MC_OK) {
        int64_t due;
        int64_t t = cal_first_instant() + 26 * 365 * 86400LL;
        if (cal_add(cal, t, 40 * CAL_HOUR, &due, NULL) == MC_OK) {
            int64_t back = 0;
            if (cal_between(cal, t, due, &back, NULL) != MC_OK || back != 40 * CAL_HOUR) {
                __builtin_trap();
            }
        }
        cal_free(cal);
    }
    return 0;
}
