/*
 * cal/data - the calendar data files (the *.txt files of data/calendar, agency files):
 * what the parser produces and the builder consumes. Format: docs/CALENDAR.md.
 *
 * A struct cal_data accumulates files: cal_data_parse() adds one file
 * atomically, so a file with any bad line adds nothing ("never half-loaded"),
 * and a line that contradicts a line of an earlier file is an error too.
 *
 * Ownership: cal_data owns every string in it (allocated with mc_x*; freed
 * by cal_data_release). Not thread-safe while being filled.
 */
#ifndef MC_CAL_DATA_H
#define MC_CAL_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/embed.h"
#include "base/err.h"

/* The calendar files compiled into the binary (every .txt file of data/calendar). */
extern const struct mc_embedded cal_embedded_data[];

/* Format version this parser reads ("format | 1"). */
#define CAL_FORMAT_VERSION 1
/* Years a data line may name: those of the working calendar. */
#define CAL_YEAR_FIRST 2000
#define CAL_YEAR_LAST  2199
/* Limits that keep a hostile file small (bytes, lines, sessions). */
#define CAL_FILE_MAX     (1024 * 1024)
#define CAL_TEXT_MAX     300
#define CAL_RANGE_MAX    31
#define CAL_SESSIONS_MAX 4
#define CAL_SEASONS_MAX  8

/* What a dated line does to its days. */
enum cal_entry_kind {
    CAL_ENTRY_OFF,    /* whole day off */
    CAL_ENTRY_WORK,   /* make-up working day on a weekly rest day (đi làm bù) */
    CAL_ENTRY_OFF_AM, /* morning sessions off, afternoon worked */
    CAL_ENTRY_OFF_PM, /* afternoon sessions off, morning worked */
};

/* Why a day is special; also the tag column of a data line. */
enum cal_tag {
    CAL_TAG_NONE,      /* an ordinary working day */
    CAL_TAG_WEEKEND,   /* weekly rest day (generated, not a file tag) */
    CAL_TAG_NEWYEAR,   /* Tết Dương lịch, 1/1 */
    CAL_TAG_TET,       /* Tết Nguyên Đán */
    CAL_TAG_HUNGKINGS, /* Giỗ Tổ Hùng Vương, 10/3 lunar */
    CAL_TAG_VICTORY,   /* Ngày Chiến thắng, 30/4 */
    CAL_TAG_LABOUR,    /* Ngày Quốc tế lao động, 1/5 */
    CAL_TAG_NATIONAL,  /* Quốc khánh, 2/9 and its adjacent day */
    CAL_TAG_COMP,      /* compensatory day (nghỉ bù), Labour Code art. 111.3 */
    CAL_TAG_SWAP,      /* swapped day off or make-up day (hoán đổi) */
    CAL_TAG_AGENCY,    /* the agency's own day */
    CAL_TAG_OTHER,     /* any other announced day */
};

struct cal_entry {
    int32_t day; /* civil day number */
    enum cal_entry_kind kind;
    enum cal_tag tag;
    char *reason; /* UTF-8, Vietnamese */
    char *ref;    /* legal basis (căn cứ) */
    char *file;   /* source file name */
    int line;     /* 1-based */
};

/* "announce | 2026 | tet | ref": the year's days for that holiday come from
 * the file, not from the estimate. */
struct cal_announce {
    int year;
    enum cal_tag tag; /* CAL_TAG_TET or CAL_TAG_NATIONAL */
    char *ref;
    char *file;
    int line;
};

struct cal_session {
    int32_t start; /* seconds since local midnight */
    int32_t end;   /* exclusive; start < end */
};

/* Office sessions in force from month-day `from` of every year until the next
 * season starts (seasonal schedules, e.g. summer and winter hours). */
struct cal_season {
    int from_month, from_day;
    int count;
    struct cal_session sessions[CAL_SESSIONS_MAX];
    char *reason;
    char *file;
    int line;
};

struct cal_data {
    struct cal_entry *entries;
    size_t n_entries, cap_entries;
    struct cal_announce *announces;
    size_t n_announces, cap_announces;
    struct cal_season seasons[CAL_SEASONS_MAX];
    int n_seasons;
    int32_t cutoff; /* paper-dossier cutoff, seconds since midnight; -1 = default 15:00 */
    char *cutoff_ref;
    char *versions; /* "name: version; ..." of every file loaded */
};

void cal_data_init(struct cal_data *d);
void cal_data_release(struct cal_data *d);

/*
 * cal_data_parse() - add one data file to `d`.
 *
 * `name` names the file in errors ("national.txt:12: field 'date': ...");
 * `text` need not be NUL-terminated. On error `d` is left exactly as it was,
 * err->field is "<name>:<line>:<field>" and err->msg says what is wrong.
 * Returns MC_OK or MC_EINVAL (MC_ELIMIT if the file exceeds CAL_FILE_MAX).
 */
MC_MUST_CHECK enum mc_status cal_data_parse(struct cal_data *d, const char *name, const char *text,
                                            size_t len, struct mc_err *err);

/* Adds every embedded national file (cal_embedded_data). */
MC_MUST_CHECK enum mc_status cal_data_load_embedded(struct cal_data *d, struct mc_err *err);

/* Stable file-format name of a tag ("tet") and its Vietnamese label
 * ("Tết Nguyên Đán"). */
const char *cal_tag_name(enum cal_tag tag);
const char *cal_tag_label(enum cal_tag tag);

#endif
