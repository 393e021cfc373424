/* The printable forms of TT 01/2018/TT-VPCP (Mẫu 01–06) as PDF bytes.
 *
 * The caller (src/http) gathers the data into a plain struct forms_doc; this
 * layer lays it out with cairo + pango (Liberation Serif, searchable text,
 * Vietnamese shaped correctly, strings normalised to NFC) and returns the
 * PDF in memory. No database, no HTTP, no clock: every date arrives as
 * local civil time in the struct. docs/FORMS.md says what each form shows. */
#ifndef MC_FORMS_FORMS_H
#define MC_FORMS_FORMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

enum forms_kind {
    FORMS_NONE = 0,
    FORMS_MAU01, /* Giấy tiếp nhận hồ sơ và hẹn trả kết quả */
    FORMS_MAU02, /* Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ */
    FORMS_MAU03, /* Phiếu từ chối tiếp nhận giải quyết hồ sơ */
    FORMS_MAU04, /* Phiếu xin lỗi và hẹn lại ngày trả kết quả */
    FORMS_MAU05, /* Phiếu kiểm soát quá trình giải quyết hồ sơ */
    FORMS_MAU06, /* Sổ theo dõi hồ sơ (A4 landscape) */
};

/* The language of a form. Vietnamese is the legal document; English is a
 * courtesy translation that keeps the Vietnamese legal names beside it. */
enum forms_lang {
    FORMS_VI = 0, /* the default */
    FORMS_EN = 1,
};
#define FORMS_NLANG 2

/* A local (UTC+7) civil time; year 0 means "none". */
struct forms_when {
    int year, month, day, hour, minute;
};

struct forms_component {
    const char *name;
    int64_t original, certified_copy, copy; /* -1: not stated */
};

/* One row of Mẫu 05: who handed the dossier to whom, when, with what result. */
struct forms_handover {
    const char *from_unit, *from_person; /* NULL/"" when none */
    const char *to_unit, *to_person;
    struct forms_when at;
    const char *verdict; /* "early" | "on_time" | "late" | "none" */
    const char *note;
    /* A forward that opened parallel branches: their steps' names, ", "
     * between them; NULL/"" otherwise. */
    const char *opened;
};

/* One line of Mẫu 06. */
struct forms_register_row {
    const char *code, *procedure, *name, *address, *phone;
    struct forms_when received, due, returned;
    const char *note;
};

struct forms_doc {
    enum forms_kind kind;
    enum forms_lang lang; /* FORMS_VI unless asked */
    const char *agency;   /* the agency's name, e.g. "Sở Nội vụ tỉnh Hưng Yên" */
    const char *desk;     /* the one-stop desk's name */
    const char *place;    /* địa danh of the date line, e.g. "Hưng Yên" */
    const char *agency_phone;
    struct forms_when issued; /* the date the form is dated */
    const char *code;         /* the dossier code (or the online reference) */
    int64_t number;         /* "Số: N/…" of Mẫu 01–04 (docs/FORMS.md "Numbers"); 0: none */
    const char *symbol;     /* the ký hiệu after it as first printed; NULL: the form's own */
    const char *lookup_url; /* carried by the QR code beside the code; NULL: code only */
    struct {
        const char *name, *phone, *email, *address, *id_number;
    } applicant;
    const char *procedure;
    const char *case_name;
    const char *unit;      /* the unit that handles the dossier */
    const char *channel;   /* how it was submitted, in words */
    int64_t limit_minutes; /* the legal time limit in working minutes; 0: unknown */
    struct forms_when received, due, first_due, submitted;
    const struct forms_component *components;
    size_t ncomponents;
    const char *const *missing; /* Mẫu 02 */
    size_t nmissing;
    const char *reason;  /* Mẫu 02, 03, 04 */
    const char *officer; /* who received, refused or signs */
    const char *status;  /* Mẫu 05: the status in words */
    const struct forms_handover *handovers;
    size_t nhandovers;
    const struct forms_register_row *rows;
    size_t nrows;
    struct forms_when from, to; /* Mẫu 06: the period */
};

/* "mau-01" … "mau-06" → the kind; FORMS_NONE for anything else. */
enum forms_kind forms_kind_parse(const char *slug);
const char *forms_kind_slug(enum forms_kind k);
/* The title as printed, e.g. "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"; in
 * English with the Vietnamese name and number beside it. */
const char *forms_kind_title(enum forms_kind k, enum forms_lang lang);
/* "Mẫu số 01" … / "Form No. 01" … */
const char *forms_kind_label(enum forms_kind k, enum forms_lang lang);
/* The document's name in a file name: "Mẫu số 01" / "Form 01". */
const char *forms_kind_file_name(enum forms_kind k, enum forms_lang lang);

/* The ký hiệu after a form's number ("PXL" for Mẫu 04); "" for the forms
 * that carry no number (Mẫu 05, 06). */
const char *forms_kind_notation(enum forms_kind k);
/* The ký hiệu of a form issued by an agency with abbreviation `abbr`
 * (NULL or "": none): "PXL-SNV", or the form's own "PXL" (NĐ 30/2020: the
 * type's abbreviation, then the issuing body's, joined by "-"; domain.md
 * §7.2). false for a form without notation or a buffer too small. */
bool forms_symbol(char *buf, size_t cap, enum forms_kind k, const char *abbr);
/* "Số: 05/PXL-SNV" (NĐ 30/2020: numbers below 10 take a leading zero); in
 * English "No. (Số): 05/PXL-SNV". `symbol` is the ký hiệu stored with the
 * number (NULL or "": the form's own notation). false for a form without
 * notation, a number below 1 or a buffer too small. */
bool forms_number_line(char *buf, size_t cap, enum forms_kind k, int64_t number, const char *symbol,
                       enum forms_lang lang);

/* How a form names the system actor that opens recurring cases (people
 * kind 'system', 0016): "Hệ thống (định kỳ)" / "System (recurring)". */
const char *forms_system_actor(enum forms_lang lang);

/* "vi" / "en" → the language; false for anything else (NULL included). */
bool forms_lang_parse(const char *s, enum forms_lang *out);
const char *forms_lang_code(enum forms_lang lang);

/* The date line: "Hưng Yên, ngày 05 tháng 02 năm 2026" (NĐ 30/2020: days
 * below 10 and months below 3 take a leading zero); in English "Hưng Yên,
 * 05/02/2026" (day/month/year, as in Viet Nam). false when it does not
 * fit or the date is none. */
bool forms_date_line(char *buf, size_t cap, const char *place, struct forms_when d,
                     enum forms_lang lang);
/* A date without the place: "ngày 05 tháng 02 năm 2026" / "05/02/2026". */
bool forms_date_words(char *buf, size_t cap, struct forms_when d, enum forms_lang lang);
/* "08 giờ 30 phút, ngày 25 tháng 11 năm 2026" / "08:30, 25/11/2026"; "" for
 * none. */
bool forms_time_words(char *buf, size_t cap, struct forms_when t, enum forms_lang lang);
/* "15 ngày làm việc", "2,5 ngày làm việc", "4 giờ làm việc", "1 giờ 30 phút
 * làm việc" (1 working day = 8 working hours); "15 working days", "2.5
 * working days", "4 working hours", "1 hour 30 minutes of working time".
 * "" for 0. */
bool forms_limit_words(char *buf, size_t cap, int64_t minutes, enum forms_lang lang);
/* "Trước hạn" / "Đúng hạn" / "Quá hạn" / ""; "Early" / "On time" / "Late". */
const char *forms_verdict_words(const char *verdict, enum forms_lang lang);
/* The submission channel (1 desk, 2 online, 3 post) in words; NULL for
 * another code. */
const char *forms_channel_words(int channel, enum forms_lang lang);
/* Mẫu 06's note for a dossier that had an apology with a new appointment. */
const char *forms_apology_note(enum forms_lang lang);
/* A quantity cell: "" when not stated (-1), else the number. */
void forms_quantity(char *buf, size_t cap, int64_t n);
/* RFC 8187 percent-encoding of a UTF-8 file name (attr-char kept). */
bool forms_pct_encode(char *buf, size_t cap, const char *s);

/* Lay out the document as PDF (A5 portrait for 01–05, A4 landscape for 06).
 * *pdf receives malloc'd bytes (free()), *len their count. MC_EINVAL when
 * a required field is missing, MC_EINTERNAL when cairo fails. */
enum mc_status forms_render(const struct forms_doc *doc, unsigned char **pdf, size_t *len,
                            struct mc_err *err) MC_MUST_CHECK;

#endif
