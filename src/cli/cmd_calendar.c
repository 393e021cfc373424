/* motcua calendar: working days, holidays, lunar dates and deadlines from
 * the command line (issue 3). Vietnamese by default, --lang en for English
 * labels; the reasons and legal references are Vietnamese data either way. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/parse.h"
#include "base/xalloc.h"
#include "cal/cal.h"
#include "cal/lunar.h"
#include "cli/cal_fmt.h"
#include "cli/cmd.h"

struct opts {
    bool json, paper, civil, leap, help;
    enum cal_lang lang;
    const char *data;
    const char *pos[4];
    int npos;
};

static const char usage_vi[] =
    "cách dùng: motcua calendar <lệnh> [tuỳ chọn]\n"
    "\n"
    "Lệnh:\n"
    "  year <năm>               mọi ngày nghỉ, ngày nghỉ bù, ngày làm bù của năm, kèm lý do\n"
    "                           và căn cứ pháp lý (năm chưa công bố: ghi \"dự kiến\")\n"
    "  lunar <ngày dương>       ngày âm lịch của một ngày dương lịch, vd. lunar 2027-02-06\n"
    "  solar <ngày âm>          ngày dương lịch của một ngày âm lịch, vd. solar 1/1/2027;\n"
    "                           tháng nhuận: solar 1/4n/2020 hoặc thêm --leap\n"
    "  add <thời điểm> <thời hạn>\n"
    "                           hạn trả kết quả, vd. add \"2026-02-13 16:45\" 5d\n"
    "                           thời hạn: 5d (ngày làm việc), 0.5d, 4h (giờ), 90m (phút)\n"
    "  between <từ> <đến>       thời gian làm việc giữa hai thời điểm\n"
    "  check <tệp>              kiểm tra một tệp lịch (thêm năm mới, lịch riêng của cơ quan)\n"
    "                           trên dữ liệu quốc gia; lỗi ghi rõ dòng và trường\n"
    "\n"
    "Thời điểm: \"YYYY-MM-DD HH:MM\" hoặc \"D/M/YYYY HH:MM\", giờ Việt Nam (UTC+7);\n"
    "ngày: YYYY-MM-DD hoặc D/M/YYYY.\n"
    "\n"
    "Tuỳ chọn:\n"
    "  --json         in kết quả dạng JSON\n"
    "  --data FILE    nạp thêm tệp lịch của cơ quan (định dạng: docs/CALENDAR.md)\n"
    "  --paper        hồ sơ giấy: nhận sau 15:00 thì tính từ ngày làm việc tiếp theo\n"
    "                 (NĐ 61/2018 Điều 18)\n"
    "  --civil        tính theo ngày (BLDS 2015 Điều 147–148): không tính ngày nhận,\n"
    "                 hết hạn lúc kết thúc giờ làm việc của ngày cuối\n"
    "  --leap         (solar) tháng nhuận\n"
    "  --lang en      nhãn tiếng Anh\n"
    "  --help         hướng dẫn này\n";

static const char usage_en[] =
    "usage: motcua calendar <command> [options]\n"
    "\n"
    "Commands:\n"
    "  year <year>              every day off, compensatory day and make-up day of a year,\n"
    "                           with reason and legal basis (unannounced years: \"estimate\")\n"
    "  lunar <solar date>       the lunar date of a solar date, e.g. lunar 2027-02-06\n"
    "  solar <lunar date>       the solar date of a lunar date, e.g. solar 1/1/2027;\n"
    "                           leap month: solar 1/4n/2020 or add --leap\n"
    "  add <instant> <amount>   due instant, e.g. add \"2026-02-13 16:45\" 5d\n"
    "                           amount: 5d (working days), 0.5d, 4h (hours), 90m (minutes)\n"
    "  between <from> <to>      working time between two instants\n"
    "  check <file>             validate a calendar file (a new year, an agency's days) on\n"
    "                           top of the national data; errors name the line and field\n"
    "\n"
    "Instants: \"YYYY-MM-DD HH:MM\" or \"D/M/YYYY HH:MM\", Vietnam time (UTC+7);\n"
    "dates: YYYY-MM-DD or D/M/YYYY.\n"
    "\n"
    "Options:\n"
    "  --json         print JSON\n"
    "  --data FILE    load an agency calendar file too (format: docs/CALENDAR.md)\n"
    "  --paper        paper dossier: received after 15:00 counts from the next working day\n"
    "                 (Decree 61/2018 art. 18)\n"
    "  --civil        count whole days (Civil Code 2015 art. 147-148): the receipt day is\n"
    "                 not counted; the period ends when the last day's office hours end\n"
    "  --leap         (solar) leap month\n"
    "  --lang en      English labels (default: vi)\n"
    "  --help         this help\n";

/* Prints `s` padded with spaces to `width` characters (UTF-8 code points,
 * so Vietnamese labels line up; printf's %-16s counts bytes). */
static void put_padded(const char *s, int width)
{
    int n = 0;
    for (const char *p = s; *p; p++) {
        n += ((unsigned char)*p & 0xC0) != 0x80;
    }
    fputs(s, stdout);
    for (; n < width; n++) {
        putchar(' ');
    }
}

/* `motcua calendar <command> --help`: the lines of one command. */
static const struct {
    const char *name;
    const char *vi, *en;
} cmd_help[] = {
    { "year",
      "cách dùng: motcua calendar year <năm> [--json] [--data FILE]\n"
      "Mọi ngày nghỉ lễ, Tết, nghỉ bù, nghỉ hoán đổi và ngày làm bù của năm (2000–2199),\n"
      "kèm lý do và căn cứ pháp lý; năm chưa công bố lịch nghỉ ghi \"dự kiến\".\n",
      "usage: motcua calendar year <year> [--json] [--data FILE]\n"
      "Every holiday, compensatory, swapped and make-up day of a year (2000-2199), with\n"
      "reason and legal basis; days of years not yet announced are marked \"estimate\".\n" },
    { "lunar",
      "cách dùng: motcua calendar lunar <YYYY-MM-DD | D/M/YYYY> [--json]\n"
      "Ngày âm lịch (giờ Việt Nam, UTC+7) của một ngày dương lịch 1900–2199.\n",
      "usage: motcua calendar lunar <YYYY-MM-DD | D/M/YYYY> [--json]\n"
      "The Vietnamese lunar date (UTC+7) of a solar date 1900-2199.\n" },
    { "solar",
      "cách dùng: motcua calendar solar <D/M/YYYY> [--leap] [--json]\n"
      "Ngày dương lịch của một ngày âm lịch; tháng nhuận: 1/4n/2020 hoặc --leap.\n",
      "usage: motcua calendar solar <D/M/YYYY> [--leap] [--json]\n"
      "The solar date of a lunar date; leap month: 1/4n/2020 or --leap.\n" },
    { "add",
      "cách dùng: motcua calendar add <thời điểm> <thời hạn> [--paper] [--civil] [--json]\n"
      "Hạn trả kết quả và các ngày không tính. Thời điểm \"YYYY-MM-DD HH:MM\" hoặc\n"
      "\"D/M/YYYY HH:MM\" (UTC+7); thời hạn 5d, 0.5d, 4h, 90m (1 ngày = 8 giờ làm việc).\n"
      "--paper: hồ sơ giấy nhận sau 15:00 tính từ ngày làm việc tiếp theo (NĐ 61/2018 Điều 18).\n"
      "--civil: không tính ngày nhận, hết hạn cuối giờ làm việc ngày cuối (BLDS Điều 147–148).\n",
      "usage: motcua calendar add <instant> <amount> [--paper] [--civil] [--json]\n"
      "The due instant and the days skipped. Instant \"YYYY-MM-DD HH:MM\" or\n"
      "\"D/M/YYYY HH:MM\" (UTC+7); amount 5d, 0.5d, 4h, 90m (1 day = 8 working hours).\n"
      "--paper: a paper dossier received after 15:00 counts from the next working day.\n"
      "--civil: the receipt day is not counted; ends at the close of the last day.\n" },
    { "between",
      "cách dùng: motcua calendar between <từ> <đến> [--json]\n"
      "Thời gian làm việc giữa hai thời điểm (âm nếu <đến> trước <từ>).\n",
      "usage: motcua calendar between <from> <to> [--json]\n"
      "Working time between two instants (negative if <to> is before <from>).\n" },
    { "check",
      "cách dùng: motcua calendar check <tệp> [--json]\n"
      "Kiểm tra một tệp lịch trên dữ liệu quốc gia; lỗi ghi rõ tệp, dòng và trường.\n",
      "usage: motcua calendar check <file> [--json]\n"
      "Validate a calendar file on top of the national data; errors name file, line, field.\n" },
};

static int usage_error(const struct opts *o, const char *what)
{
    fprintf(stderr, "motcua calendar: %s\n", what);
    fprintf(stderr, "%s",
            o->lang == CAL_LANG_VI ? "Xem: motcua calendar --help\n"
                                   : "See: motcua calendar --help\n");
    return 2;
}

static int fail(const char *what, const struct mc_err *err)
{
    if (err != NULL) {
        fprintf(stderr, "motcua calendar: %s: %s\n", what, err->msg);
    } else {
        fprintf(stderr, "motcua calendar: %s\n", what);
    }
    return 1;
}

static int parse_opts(int argc, char **argv, struct opts *o)
{
    memset(o, 0, sizeof(*o));
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0) {
            o->json = true;
        } else if (strcmp(a, "--paper") == 0) {
            o->paper = true;
        } else if (strcmp(a, "--civil") == 0) {
            o->civil = true;
        } else if (strcmp(a, "--leap") == 0) {
            o->leap = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            o->help = true;
        } else if (strcmp(a, "--lang") == 0 || strncmp(a, "--lang=", 7) == 0) {
            const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : "");
            if (strcmp(v, "vi") == 0) {
                o->lang = CAL_LANG_VI;
            } else if (strcmp(v, "en") == 0) {
                o->lang = CAL_LANG_EN;
            } else {
                return usage_error(o, "--lang takes vi or en");
            }
        } else if (strcmp(a, "--data") == 0 || strncmp(a, "--data=", 7) == 0) {
            o->data = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (o->data == NULL || o->data[0] == '\0') {
                return usage_error(o, "--data takes a file name");
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            char msg[160];
            snprintf(msg, sizeof(msg), "unknown option '%.100s'", a);
            return usage_error(o, msg);
        } else if (o->npos == 4) {
            return usage_error(o, "too many arguments");
        } else {
            o->pos[o->npos++] = a;
        }
    }
    return 0;
}

/* Reads a whole calendar file (at most CAL_FILE_MAX bytes); NULL on error,
 * after saying why on stderr. Free with free(). */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "motcua calendar: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    char *text = mc_xmalloc(CAL_FILE_MAX + 1);
    *len = fread(text, 1, CAL_FILE_MAX + 1, f);
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad || *len > CAL_FILE_MAX) {
        free(text);
        fprintf(stderr, "motcua calendar: %s: %s\n", path,
                bad ? "read error" : "larger than 1 MiB");
        return NULL;
    }
    return text;
}

/* The embedded national calendar, plus the agency file of --data. */
static int load(const struct opts *o, struct cal **out)
{
    struct mc_err err;
    char *text = NULL;
    size_t len = 0;
    if (o->data != NULL && (text = read_file(o->data, &len)) == NULL) {
        return 1;
    }
    enum mc_status rc = cal_load(o->data, text, len, out, &err);
    free(text);
    if (rc != MC_OK) {
        return fail(o->lang == CAL_LANG_VI ? "không nạp được lịch" : "cannot load the calendar",
                    &err);
    }
    return 0;
}

static int print_json(json_t *root)
{
    char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (s == NULL) {
        return fail("JSON encoding failed", NULL);
    }
    printf("%s\n", s);
    free(s);
    return 0;
}

static bool same_group(const struct cal_day_info *a, const struct cal_day_info *b)
{
    return b->day == a->day + 1 && a->working == b->working && a->open == b->open &&
           a->estimate == b->estimate && strcmp(a->reason, b->reason) == 0 &&
           strcmp(a->ref, b->ref) == 0;
}

static const char *status_word(enum cal_lang lang, const struct cal_day_info *i)
{
    if (i->makeup) {
        return lang == CAL_LANG_VI ? "làm bù" : "make-up working day";
    }
    if (i->open == CAL_OPEN_AM) {
        return lang == CAL_LANG_VI ? "nghỉ buổi chiều" : "afternoon off";
    }
    if (i->open == CAL_OPEN_PM) {
        return lang == CAL_LANG_VI ? "nghỉ buổi sáng" : "morning off";
    }
    if (i->working) {
        return lang == CAL_LANG_VI ? "làm việc" : "working day";
    }
    return lang == CAL_LANG_VI ? "nghỉ" : "day off";
}

static void print_group(enum cal_lang lang, const struct cal_day_info *first,
                        const struct cal_day_info *last)
{
    char a[16], b[16];
    calfmt_day(lang, first->day, a, sizeof(a));
    if (first->day == last->day) {
        printf("  %s (%s): %s — %s", a, calfmt_weekday(lang, cal_weekday(first->day)),
               status_word(lang, first), first->reason);
    } else {
        calfmt_day(lang, last->day, b, sizeof(b));
        printf("  %s – %s (%s – %s): %s — %s", a, b, calfmt_weekday(lang, cal_weekday(first->day)),
               calfmt_weekday(lang, cal_weekday(last->day)), status_word(lang, first),
               first->reason);
    }
    if (first->estimate) {
        printf(lang == CAL_LANG_VI ? " [dự kiến]" : " [estimate]");
    }
    printf("\n      %s %s\n", lang == CAL_LANG_VI ? "Căn cứ:" : "Legal basis:", first->ref);
}

static int cmd_year(struct opts *o, const struct cal *cal)
{
    int64_t year;
    if (!mc_parse_i64(o->pos[1], CAL_YEAR_FIRST, CAL_YEAR_LAST, &year)) {
        fprintf(stderr, "motcua calendar: %s '%s' (%d..%d)\n",
                o->lang == CAL_LANG_VI ? "năm không hợp lệ" : "invalid year", o->pos[1],
                CAL_YEAR_FIRST, CAL_YEAR_LAST);
        return 1;
    }
    int32_t from = cal_days_from_civil((int)year, 1, 1),
            to = cal_days_from_civil((int)year, 12, 31);
    int working = 0;
    for (int32_t d = from; d <= to; d++) {
        struct cal_day_info i;
        if (cal_day_info(cal, d, &i, NULL) == MC_OK && i.working) {
            working++;
        }
    }
    bool est_tet = cal_year_estimated(cal, (int)year, CAL_TAG_TET);
    bool est_nat = cal_year_estimated(cal, (int)year, CAL_TAG_NATIONAL);
    struct cal_day_info cur, first, last;
    if (o->json) {
        json_t *days = json_array();
        for (int32_t d = from; cal_next_special(cal, d, to, true, &cur); d = cur.day + 1) {
            json_array_append_new(days, calfmt_day_json(&cur));
        }
        return print_json(json_pack("{s:I, s:s, s:{s:b, s:b}, s:i, s:o}", "year", (json_int_t)year,
                                    "data", cal_versions(cal), "estimated", "tet", est_tet,
                                    "national", est_nat, "working_days", working, "days", days));
    }
    if (o->lang == CAL_LANG_VI) {
        printf("Năm %lld — ngày nghỉ lễ, Tết, nghỉ bù, hoán đổi và làm bù\n"
               "(cán bộ, công chức, viên chức; nghỉ hằng tuần thứ Bảy và Chủ Nhật)\n"
               "Dữ liệu: %s\n\n",
               (long long)year, cal_versions(cal));
    } else {
        printf("%lld — holidays, compensatory days, swapped days and make-up days\n"
               "(civil servants; weekly rest on Saturday and Sunday)\n"
               "Data: %s\n\n",
               (long long)year, cal_versions(cal));
    }
    bool open = false;
    for (int32_t d = from; cal_next_special(cal, d, to, true, &cur); d = cur.day + 1) {
        if (open && same_group(&last, &cur)) {
            last = cur;
            continue;
        }
        if (open) {
            print_group(o->lang, &first, &last);
        }
        first = last = cur;
        open = true;
    }
    if (open) {
        print_group(o->lang, &first, &last);
    }
    printf("\n%s %d\n", o->lang == CAL_LANG_VI ? "Số ngày làm việc:" : "Working days:", working);
    if (est_tet || est_nat) {
        if (o->lang == CAL_LANG_VI) {
            printf("Lưu ý: lịch nghỉ %s%s%s năm %lld chưa có trong dữ liệu; các ngày ghi "
                   "\"dự kiến\" là ước tính theo quy luật các năm đã công bố.\n",
                   est_tet ? "Tết Nguyên Đán" : "", est_tet && est_nat ? " và " : "",
                   est_nat ? "Quốc khánh" : "", (long long)year);
        } else {
            printf("Note: the %s%s%s schedule for %lld is not in the data yet; days marked "
                   "\"estimate\" follow the pattern of the announced years.\n",
                   est_tet ? "Tết" : "", est_tet && est_nat ? " and " : "",
                   est_nat ? "National Day" : "", (long long)year);
        }
    }
    return 0;
}

static void lunar_words(const struct cal_lunar_date *ld, char *buf, size_t cap)
{
    snprintf(buf, cap, "%d/%d%s %s %s", ld->day, ld->month, ld->leap ? " nhuận" : "",
             cal_lunar_can(ld->year), cal_lunar_chi(ld->year));
}

static json_t *lunar_json(int32_t day, const struct cal_lunar_date *ld)
{
    char d[16], name[64];
    calfmt_iso_day(day, d, sizeof(d));
    snprintf(name, sizeof(name), "%s %s", cal_lunar_can(ld->year), cal_lunar_chi(ld->year));
    return json_pack("{s:s, s:s, s:{s:i, s:i, s:i, s:b, s:s, s:i}}", "solar", d, "weekday",
                     calfmt_weekday(CAL_LANG_VI, cal_weekday(day)), "lunar", "day", ld->day,
                     "month", ld->month, "year", ld->year, "leap", ld->leap, "year_name", name,
                     "month_days", cal_lunar_month_length(ld->year, ld->month, ld->leap));
}

static int cmd_lunar(struct opts *o, const struct cal *cal)
{
    (void)cal;
    int32_t day;
    if (!cal_parse_day(o->pos[1], &day)) {
        fprintf(stderr, "motcua calendar: %s '%s' (YYYY-MM-DD %s D/M/YYYY)\n",
                o->lang == CAL_LANG_VI ? "ngày không hợp lệ" : "invalid date", o->pos[1],
                o->lang == CAL_LANG_VI ? "hoặc" : "or");
        return 1;
    }
    struct cal_date c = cal_civil_from_days(day);
    struct cal_lunar_date ld;
    struct mc_err err;
    if (cal_lunar_from_solar(c.year, c.month, c.day, &ld, &err) != MC_OK) {
        return fail(o->pos[1], &err);
    }
    if (o->json) {
        return print_json(lunar_json(day, &ld));
    }
    char d[16], l[80];
    calfmt_day(o->lang, day, d, sizeof(d));
    lunar_words(&ld, l, sizeof(l));
    printf(o->lang == CAL_LANG_VI ? "%s (%s) = %s (âm lịch)\n" : "%s (%s) = %s (lunar)\n", d,
           calfmt_weekday(o->lang, cal_weekday(day)), l);
    return 0;
}

/* "D/M/YYYY" with an optional leap mark on the month: "1/4n/2020". */
static bool parse_lunar(const char *s, bool leap_flag, struct cal_lunar_date *out)
{
    char buf[32];
    if (strlen(s) >= sizeof(buf)) {
        return false;
    }
    memcpy(buf, s, strlen(s) + 1);
    char *p1 = strchr(buf, '/');
    char *p2 = p1 ? strchr(p1 + 1, '/') : NULL;
    if (p1 == NULL || p2 == NULL) {
        return false;
    }
    *p1 = *p2 = '\0';
    char *month = p1 + 1;
    size_t ml = strlen(month);
    bool leap = leap_flag;
    if (ml > 1 && (month[ml - 1] == 'n' || month[ml - 1] == 'N' || month[ml - 1] == 'L')) {
        month[ml - 1] = '\0';
        leap = true;
    }
    int64_t d, m, y;
    if (!mc_parse_i64(buf, 1, 30, &d) || !mc_parse_i64(month, 1, 12, &m) ||
        !mc_parse_i64(p2 + 1, 1, 9999, &y)) {
        return false;
    }
    *out = (struct cal_lunar_date){ (int)d, (int)m, (int)y, leap };
    return true;
}

static int cmd_solar(struct opts *o, const struct cal *cal)
{
    (void)cal;
    struct cal_lunar_date ld;
    if (!parse_lunar(o->pos[1], o->leap, &ld)) {
        fprintf(stderr, "motcua calendar: %s '%s' (D/M/YYYY, %s 1/4n/2020)\n",
                o->lang == CAL_LANG_VI ? "ngày âm lịch không hợp lệ" : "invalid lunar date",
                o->pos[1], o->lang == CAL_LANG_VI ? "tháng nhuận:" : "leap month:");
        return 1;
    }
    int y, m, d;
    struct mc_err err;
    if (cal_solar_from_lunar(&ld, &y, &m, &d, &err) != MC_OK) {
        return fail(o->pos[1], &err);
    }
    int32_t day = cal_days_from_civil(y, m, d);
    if (o->json) {
        return print_json(lunar_json(day, &ld));
    }
    char ds[16], l[80];
    calfmt_day(o->lang, day, ds, sizeof(ds));
    lunar_words(&ld, l, sizeof(l));
    printf(o->lang == CAL_LANG_VI ? "%s (âm lịch) = %s (%s)\n" : "%s (lunar) = %s (%s)\n", l, ds,
           calfmt_weekday(o->lang, cal_weekday(day)));
    return 0;
}

static bool parse_instant_arg(const struct opts *o, const char *s, int64_t *t)
{
    if (cal_parse_instant(s, t)) {
        return true;
    }
    fprintf(stderr, "motcua calendar: %s '%s' (\"YYYY-MM-DD HH:MM\" %s \"D/M/YYYY HH:MM\")\n",
            o->lang == CAL_LANG_VI ? "thời điểm không hợp lệ" : "invalid instant", s,
            o->lang == CAL_LANG_VI ? "hoặc" : "or");
    return false;
}

static int cmd_add(struct opts *o, const struct cal *cal)
{
    struct cal_deadline_req req = { .paper = o->paper,
                                    .count = o->civil ? CAL_COUNT_CIVIL_DAYS : CAL_COUNT_WORKTIME };
    if (!parse_instant_arg(o, o->pos[1], &req.received)) {
        return 1;
    }
    if (!calfmt_parse_amount(o->pos[2], cal_day_seconds(cal), &req.amount)) {
        fprintf(stderr, "motcua calendar: %s '%s' (5d, 0.5d, 4h, 90m)\n",
                o->lang == CAL_LANG_VI ? "thời hạn không hợp lệ" : "invalid amount", o->pos[2]);
        return 1;
    }
    struct cal_deadline dl;
    struct mc_err err;
    if (cal_deadline(cal, &req, &dl, &err) != MC_OK) {
        return fail(o->lang == CAL_LANG_VI ? "không tính được hạn" : "cannot compute the due date",
                    &err);
    }
    int32_t from = cal_day_of_instant(req.received, NULL), to = cal_day_of_instant(dl.due, NULL);
    struct cal_day_info i;
    char rcv[40], st[40], due[40], work[96];
    calfmt_work(o->lang, req.amount, cal_day_seconds(cal), work, sizeof(work));
    if (o->json) {
        json_t *skipped = json_array();
        for (int32_t d = from; cal_next_special(cal, d, to, false, &i); d = i.day + 1) {
            json_array_append_new(skipped, calfmt_day_json(&i));
        }
        calfmt_rfc3339(req.received, rcv, sizeof(rcv));
        calfmt_rfc3339(dl.start, st, sizeof(st));
        calfmt_rfc3339(dl.due, due, sizeof(due));
        return print_json(
            json_pack("{s:s, s:s, s:s, s:I, s:s, s:s, s:b, s:o}", "received", rcv, "start", st,
                      "due", due, "amount_seconds", (json_int_t)req.amount, "amount", work, "count",
                      o->civil ? "civil_days" : "worktime", "paper", o->paper, "skipped", skipped));
    }
    calfmt_instant(o->lang, req.received, rcv, sizeof(rcv));
    calfmt_instant(o->lang, dl.start, st, sizeof(st));
    calfmt_instant(o->lang, dl.due, due, sizeof(due));
    bool vi = o->lang == CAL_LANG_VI;
    put_padded(vi ? "Tiếp nhận:" : "Received:", 16);
    printf("%s (%s)\n", rcv, calfmt_weekday(o->lang, cal_weekday(from)));
    put_padded(vi ? "Bắt đầu tính:" : "Counting from:", 16);
    printf("%s\n", st);
    put_padded(vi ? "Thời hạn:" : "Time limit:", 16);
    printf("%s%s%s\n", work,
           o->civil ? (vi ? ", tính theo ngày (BLDS Điều 147–148)" : ", civil days") : "",
           o->paper ? (vi ? ", hồ sơ giấy" : ", paper dossier") : "");
    put_padded(vi ? "Hạn trả:" : "Due:", 16);
    printf("%s (%s)\n", due, calfmt_weekday(o->lang, cal_weekday(to)));
    bool any = false;
    for (int32_t d = from; cal_next_special(cal, d, to, false, &i); d = i.day + 1) {
        if (!any) {
            printf("%s\n", vi ? "Các ngày không tính hoặc đặc biệt:" : "Days skipped or special:");
            any = true;
        }
        char ds[16];
        calfmt_day(o->lang, i.day, ds, sizeof(ds));
        printf("  %s ", ds);
        put_padded(calfmt_weekday(o->lang, cal_weekday(i.day)), 10);
        printf("%s — %s%s\n", status_word(o->lang, &i), i.reason,
               i.estimate ? (vi ? " [dự kiến]" : " [estimate]") : "");
    }
    return 0;
}

/* Validates a data file the way the server and --data load it, so an
 * administrator adding a year sees every problem before deploying it. A file
 * named like an embedded one (an edited vn-national.txt) replaces it. */
static int cmd_check(struct opts *o, const struct cal *unused)
{
    (void)unused;
    const char *path = o->pos[1];
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t len;
    char *text = read_file(path, &len);
    if (text == NULL) {
        return 1;
    }
    struct cal_data d;
    cal_data_init(&d);
    struct mc_err err;
    enum mc_status rc = MC_OK;
    for (const struct mc_embedded *e = cal_embedded_data; e->name && rc == MC_OK; e++) {
        if (strcmp(e->name, base) != 0) {
            rc = cal_data_parse(&d, e->name, e->data, e->len, &err);
        }
    }
    if (rc == MC_OK) {
        rc = cal_data_parse(&d, path, text, len, &err);
    }
    free(text);
    struct cal *cal = NULL;
    if (rc != MC_OK) {
        cal_data_release(&d);
    } else {
        rc = cal_build(&d, &cal, &err);
    }
    bool vi = o->lang == CAL_LANG_VI;
    if (rc != MC_OK) {
        return fail(vi ? "tệp lịch không hợp lệ" : "invalid calendar file", &err);
    }
    json_t *announced = json_array();
    for (int y = CAL_YEAR_FIRST; y <= CAL_YEAR_LAST; y++) {
        if (!cal_year_estimated(cal, y, CAL_TAG_TET)) {
            json_array_append_new(announced, json_integer(y));
        }
    }
    if (o->json) {
        rc = print_json(json_pack("{s:b, s:s, s:s, s:o}", "ok", true, "file", path, "data",
                                  cal_versions(cal), "tet_announced", announced));
        cal_free(cal);
        return rc;
    }
    printf("%s: %s\n", path, vi ? "hợp lệ" : "valid");
    printf("%s %s\n", vi ? "Dữ liệu:" : "Data:", cal_versions(cal));
    printf("%s", vi ? "Các năm đã có lịch nghỉ Tết:" : "Years with an announced Tết:");
    size_t i;
    json_t *y;
    json_array_foreach (announced, i, y) {
        printf(" %lld", (long long)json_integer_value(y));
    }
    printf("\n");
    json_decref(announced);
    cal_free(cal);
    return 0;
}

static int cmd_between(struct opts *o, const struct cal *cal)
{
    int64_t a, b, w;
    if (!parse_instant_arg(o, o->pos[1], &a) || !parse_instant_arg(o, o->pos[2], &b)) {
        return 1;
    }
    struct mc_err err;
    if (cal_between(cal, a, b, &w, &err) != MC_OK) {
        return fail(o->lang == CAL_LANG_VI ? "không tính được" : "cannot compute", &err);
    }
    char work[96];
    calfmt_work(o->lang, w, cal_day_seconds(cal), work, sizeof(work));
    if (o->json) {
        char fa[40], fb[40];
        calfmt_rfc3339(a, fa, sizeof(fa));
        calfmt_rfc3339(b, fb, sizeof(fb));
        return print_json(json_pack("{s:s, s:s, s:I, s:f, s:s}", "from", fa, "to", fb,
                                    "working_seconds", (json_int_t)w, "working_days",
                                    (double)w / (double)cal_day_seconds(cal), "text", work));
    }
    printf("%s %s\n", o->lang == CAL_LANG_VI ? "Thời gian làm việc:" : "Working time:", work);
    return 0;
}

int cmd_calendar(int argc, char **argv)
{
    struct opts o;
    int rc = parse_opts(argc, argv, &o);
    if (rc != 0) {
        return rc;
    }
    if (o.help) {
        for (size_t k = 0; o.npos > 0 && k < sizeof(cmd_help) / sizeof(cmd_help[0]); k++) {
            if (strcmp(o.pos[0], cmd_help[k].name) == 0) {
                printf("%s", o.lang == CAL_LANG_VI ? cmd_help[k].vi : cmd_help[k].en);
                return 0;
            }
        }
        printf("%s", o.lang == CAL_LANG_VI ? usage_vi : usage_en);
        return 0;
    }
    if (o.npos == 0) {
        return usage_error(&o, o.lang == CAL_LANG_VI ? "thiếu lệnh" : "missing command");
    }
    static const struct {
        const char *name;
        int args;
        bool needs_cal;
        int (*run)(struct opts *o, const struct cal *cal);
    } cmds[] = {
        { "year", 1, true, cmd_year },       { "lunar", 1, false, cmd_lunar },
        { "solar", 1, false, cmd_solar },    { "add", 2, true, cmd_add },
        { "between", 2, true, cmd_between }, { "check", 1, false, cmd_check },
    };
    for (size_t k = 0; k < sizeof(cmds) / sizeof(cmds[0]); k++) {
        if (strcmp(o.pos[0], cmds[k].name) != 0) {
            continue;
        }
        if (o.npos != cmds[k].args + 1) {
            char msg[120];
            snprintf(msg, sizeof(msg), "'%s' %s %d %s", cmds[k].name,
                     o.lang == CAL_LANG_VI ? "cần" : "takes", cmds[k].args,
                     o.lang == CAL_LANG_VI ? "tham số" : "argument(s)");
            return usage_error(&o, msg);
        }
        struct cal *cal = NULL;
        if (cmds[k].needs_cal && (rc = load(&o, &cal)) != 0) {
            return rc;
        }
        rc = cmds[k].run(&o, cal);
        cal_free(cal);
        return rc;
    }
    char msg[160];
    snprintf(msg, sizeof(msg), "%s '%.100s'",
             o.lang == CAL_LANG_VI ? "không có lệnh" : "no command", o.pos[0]);
    return usage_error(&o, msg);
}
