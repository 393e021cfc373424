/* The body of each form, below the shared header: the fields domain.md
 * §2.2–2.7 lists, in the order of the provincial templates that follow
 * TT 01/2018. Wording that the circular's appendix would fix is marked
 * UNCONFIRMED in docs/FORMS.md. */
#include <string.h>

#include "forms/forms_int.h"

static bool has(const char *s)
{
    return s != NULL && *s != '\0';
}

/* "Label: value" with the label plain and the value bold; "…" when empty. */
static void field(struct fl *f, const char *label, const char *value)
{
    fl_para(f, fl_fmt(f, "%s: <b>%s</b>", label, has(value) ? fl_esc(f, value) : "…………………………………"),
            f->size, FL_LEFT, 2);
}

static const char *when(struct fl *f, struct forms_when t)
{
    char buf[96];
    if (!forms_time_words(buf, sizeof(buf), t) || buf[0] == '\0') {
        return "";
    }
    return fl_fmt(f, "%s", buf);
}

static void applicant(struct fl *f, const struct forms_doc *d, bool email)
{
    field(f, "Địa chỉ", d->applicant.address);
    field(f, "Số điện thoại", d->applicant.phone);
    if (email) {
        field(f, "Email", d->applicant.email);
    }
}

static const char *request(struct fl *f, const struct forms_doc *d)
{
    if (has(d->case_name) && has(d->procedure) && strcmp(d->case_name, d->procedure) != 0) {
        return fl_fmt(f, "%s (%s)", d->procedure, d->case_name);
    }
    return d->procedure;
}

/* Signature blocks side by side (one centred on the right when alone):
 * title, "(Ký và ghi rõ họ tên)", room to sign, the name. */
static const char SIGN[] = "<i>(Ký và ghi rõ họ tên)</i>";
/* An agency's representative also seals. */
static const char SIGN_SEAL[] = "<i>(Ký, ghi rõ họ tên và đóng dấu)</i>";

static void signatures(struct fl *f, const char *lt, const char *ln, const char *rt, const char *rn,
                       const char *hint)
{
    double tw = f->width - f->left - f->right, cw = tw / 2, space = 42;
    fl_space(f, 8);
    fl_need(f, 3 * f->size + space + 2 * f->size);
    double y = f->y, hl = 0, hr = 0;
    if (lt) {
        hl = fl_draw(
            f, fl_fmt(f, "<b>%s</b>\n%s\n\n\n\n<b>%s</b>", lt, hint, has(ln) ? fl_esc(f, ln) : ""),
            f->left, y, cw, f->size, FL_CENTER);
    }
    hr = fl_draw(
        f, fl_fmt(f, "<b>%s</b>\n%s\n\n\n\n<b>%s</b>", rt, hint, has(rn) ? fl_esc(f, rn) : ""),
        f->left + cw, y, cw, f->size, FL_CENTER);
    f->y = y + (hl > hr ? hl : hr) + 4;
}

static void components_table(struct fl *f, const struct forms_doc *d)
{
    size_t n = d->ncomponents;
    const char **cells = g_new0(const char *, (n + 1) * 5);
    const char *head[] = { "TT", "Tên giấy tờ", "Bản chính", "Bản sao chứng thực", "Bản photo" };
    memcpy(cells, head, sizeof(head));
    for (size_t i = 0; i < n; i++) {
        const struct forms_component *c = &d->components[i];
        char q[3][24];
        forms_quantity(q[0], sizeof(q[0]), c->original);
        forms_quantity(q[1], sizeof(q[1]), c->certified_copy);
        forms_quantity(q[2], sizeof(q[2]), c->copy);
        const char **row = cells + (i + 1) * 5;
        row[0] = fl_fmt(f, "%zu", i + 1);
        row[1] = fl_esc(f, c->name);
        for (int k = 0; k < 3; k++) {
            row[2 + k] = fl_fmt(f, "%s", q[k]);
        }
    }
    static const double cols[] = { 0.7, 6, 1.5, 1.7, 1.5 };
    fl_table(f, cols, 5, cells, n + 1, 1, f->size - 1.5);
    g_free(cells);
    fl_space(f, 4);
}

static void mau01(struct fl *f, const struct forms_doc *d)
{
    char limit[64];
    field(f, fl_fmt(f, "%s tiếp nhận hồ sơ của", fl_esc(f, d->desk)), d->applicant.name);
    applicant(f, d, true);
    field(f, "Số giấy tờ tùy thân", d->applicant.id_number);
    field(f, "Nội dung yêu cầu giải quyết", request(f, d));
    if (has(d->channel)) {
        field(f, "Hình thức nộp", d->channel);
    }
    fl_para(f, "1. Thành phần hồ sơ và số lượng mỗi loại giấy tờ gồm:", f->size, FL_LEFT, 3);
    if (d->ncomponents > 0) {
        components_table(f, d);
    } else {
        fl_para_at(f, "<i>(Thủ tục không công bố danh mục thành phần hồ sơ.)</i>", 12, f->size,
                   FL_LEFT, 3);
    }
    field(f, "2. Số lượng hồ sơ", "01 bộ");
    forms_limit_words(limit, sizeof(limit), d->limit_minutes);
    field(f, "3. Thời gian giải quyết hồ sơ theo quy định", limit);
    field(f, "4. Thời gian nhận hồ sơ", when(f, d->received));
    field(f, "5. Thời gian trả kết quả giải quyết hồ sơ", when(f, d->due));
    field(f, "6. Nơi nhận kết quả", d->desk);
    fl_para(f,
            "<i>Vào Sổ theo dõi hồ sơ điện tử theo mã hồ sơ. Khi đến nhận kết quả, "
            "Ông/Bà mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả này.</i>",
            f->size - 1, FL_JUSTIFY, 2);
    signatures(f, "NGƯỜI NỘP HỒ SƠ", d->applicant.name, "NGƯỜI TIẾP NHẬN HỒ SƠ", d->officer, SIGN);
}

static void contact(struct fl *f, const struct forms_doc *d, const char *what)
{
    fl_para(f,
            fl_fmt(f,
                   "Trong quá trình %s nếu có vướng mắc, Ông/Bà liên hệ %s%s%s "
                   "để được hướng dẫn.",
                   what, fl_esc(f, d->desk), has(d->agency_phone) ? ", số điện thoại " : "",
                   has(d->agency_phone) ? fl_esc(f, d->agency_phone) : ""),
            f->size, FL_JUSTIFY, 2);
}

static void mau02(struct fl *f, const struct forms_doc *d)
{
    field(f, fl_fmt(f, "%s tiếp nhận hồ sơ của Ông/Bà", fl_esc(f, d->desk)), d->applicant.name);
    field(f, "Nội dung yêu cầu giải quyết", request(f, d));
    applicant(f, d, true);
    fl_para(f, "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:", f->size, FL_LEFT, 3);
    size_t n = d->nmissing;
    const char **cells = g_new0(const char *, (n + 1) * 2);
    cells[0] = "TT";
    cells[1] = "Thành phần hồ sơ cần bổ sung, hoàn thiện";
    for (size_t i = 0; i < n; i++) {
        cells[(i + 1) * 2] = fl_fmt(f, "%zu", i + 1);
        cells[(i + 1) * 2 + 1] = fl_esc(f, d->missing[i]);
    }
    static const double cols[] = { 0.7, 10 };
    fl_table(f, cols, 2, cells, n + 1, 1, f->size - 0.5);
    g_free(cells);
    fl_space(f, 4);
    field(f, "Lý do", d->reason);
    contact(f, d, "hoàn thiện hồ sơ");
    signatures(f, NULL, NULL, "NGƯỜI HƯỚNG DẪN", d->officer, SIGN);
}

static void mau03(struct fl *f, const struct forms_doc *d)
{
    field(f, fl_fmt(f, "%s tiếp nhận hồ sơ của", fl_esc(f, d->desk)), d->applicant.name);
    applicant(f, d, true);
    field(f, "Nội dung yêu cầu giải quyết", request(f, d));
    if (d->submitted.year) {
        field(f, "Thời gian nộp", when(f, d->submitted));
    }
    fl_para(f,
            fl_fmt(f,
                   "Qua xem xét, %s thông báo không tiếp nhận, giải quyết hồ sơ này "
                   "với lý do cụ thể như sau:",
                   fl_esc(f, d->agency)),
            f->size, FL_JUSTIFY, 2);
    fl_para_at(f, fl_fmt(f, "<b>%s</b>", fl_esc(f, has(d->reason) ? d->reason : "…")), 12, f->size,
               FL_JUSTIFY, 3);
    fl_para(f, "Xin thông báo cho Ông/Bà được biết và thực hiện.", f->size, FL_LEFT, 2);
    contact(f, d, "thực hiện");
    signatures(f, "NGƯỜI NỘP HỒ SƠ", d->applicant.name, "NGƯỜI TỪ CHỐI", d->officer, SIGN);
}

/* A sentence the officer already closed needs no second full stop. */
static bool ends_with_stop(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    return n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

static void mau04(struct fl *f, const struct forms_doc *d)
{
    char first[96] = "", due[96] = "";
    forms_time_words(first, sizeof(first), d->first_due);
    forms_time_words(due, sizeof(due), d->due);
    field(f, "Kính gửi Ông/Bà", d->applicant.name);
    applicant(f, d, false);
    char recv[64] = "";
    forms_date_line(recv, sizeof(recv), NULL, d->received);
    fl_para(f,
            fl_fmt(f,
                   "Ngày %s, %s tiếp nhận hồ sơ đề nghị giải quyết thủ tục <b>%s</b> của "
                   "Ông/Bà, mã hồ sơ <b>%s</b>. Thời gian hẹn trả kết quả giải quyết hồ sơ: "
                   "<b>%s</b>.",
                   recv[0] ? recv + strlen("ngày ") : "…", fl_esc(f, d->desk),
                   fl_esc(f, request(f, d)), fl_esc(f, d->code), first[0] ? first : "…"),
            f->size, FL_JUSTIFY, 3);
    fl_para(f,
            fl_fmt(f,
                   "Tuy nhiên đến nay, %s chưa trả kết quả giải quyết hồ sơ của Ông/Bà "
                   "đúng hẹn. Lý do: <b>%s</b>%s",
                   fl_esc(f, d->agency), fl_esc(f, has(d->reason) ? d->reason : "…"),
                   ends_with_stop(d->reason) ? "" : "."),
            f->size, FL_JUSTIFY, 3);
    fl_para(f,
            fl_fmt(f,
                   "Sự chậm trễ này đã gây phiền hà cho Ông/Bà. %s trân trọng xin lỗi Ông/Bà "
                   "và hẹn lại thời gian trả kết quả giải quyết hồ sơ vào: <b>%s</b>.",
                   fl_esc(f, d->agency), due[0] ? due : "…"),
            f->size, FL_JUSTIFY, 3);
    fl_para(f, "Xin trân trọng cảm ơn sự hợp tác của Ông/Bà.", f->size, FL_LEFT, 2);
    signatures(f, NULL, NULL, "ĐẠI DIỆN CƠ QUAN, ĐƠN VỊ", d->officer, SIGN_SEAL);
}

static const char *party(struct fl *f, const char *unit, const char *person)
{
    if (!has(unit) && !has(person)) {
        return "Tổ chức, cá nhân";
    }
    return fl_esc(f, has(unit) ? unit : person);
}

static void mau05(struct fl *f, const struct forms_doc *d)
{
    field(f, "Kèm theo hồ sơ của", d->applicant.name);
    field(f, "Nội dung yêu cầu giải quyết", request(f, d));
    field(f, "Ngày nhận", when(f, d->received));
    field(f, "Ngày, giờ hẹn trả kết quả", when(f, d->due));
    field(f, "Cơ quan (bộ phận) giải quyết hồ sơ", d->unit);
    if (has(d->status)) {
        field(f, "Tình trạng hiện nay", d->status);
    }
    fl_space(f, 3);
    size_t n = d->nhandovers;
    const char **cells = g_new0(const char *, (n + 1) * 4);
    cells[0] = "TÊN CƠ QUAN";
    cells[1] = "THỜI GIAN GIAO, NHẬN HỒ SƠ";
    cells[2] = "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ đúng hạn/ quá hạn)";
    cells[3] = "GHI CHÚ";
    for (size_t i = 0; i < n; i++) {
        const struct forms_handover *h = &d->handovers[i];
        const char **row = cells + (i + 1) * 4;
        row[0] = fl_fmt(f, "1. Giao: %s\n2. Nhận: %s", party(f, h->from_unit, h->from_person),
                        party(f, h->to_unit, h->to_person));
        row[1] = fl_fmt(f, "%s\nNgười giao: %s\nNgười nhận: %s", when(f, h->at),
                        has(h->from_person) ? fl_esc(f, h->from_person) : "",
                        has(h->to_person) ? fl_esc(f, h->to_person) : "");
        row[2] = forms_verdict_words(h->verdict);
        row[3] = fl_esc(f, h->note);
    }
    static const double cols[] = { 3.2, 3.4, 1.9, 2.2 };
    fl_table(f, cols, 4, cells, n + 1, 1, f->size - 2);
    g_free(cells);
}

/* The register's cells are narrow: "25/11/2026 09:05". */
static const char *short_when(struct fl *f, struct forms_when t)
{
    if (t.year == 0) {
        return "";
    }
    return fl_fmt(f, "%02d/%02d/%04d %02d:%02d", t.day, t.month, t.year, t.hour, t.minute);
}

static void mau06(struct fl *f, const struct forms_doc *d)
{
    char from[64] = "", to[64] = "";
    forms_date_line(from, sizeof(from), NULL, d->from);
    forms_date_line(to, sizeof(to), NULL, d->to);
    fl_para(f, fl_fmt(f, "<i>Từ %s đến %s</i>", from, to), f->size, FL_CENTER, 6);
    enum { C = 10 };
    size_t n = d->nrows;
    const char **cells = g_new0(const char *, (n + 1) * C);
    static const char *const head[C] = { "STT",
                                         "Mã hồ sơ",
                                         "Tên thủ tục hành chính",
                                         "Số lượng hồ sơ (bộ)",
                                         "Tên cá nhân, tổ chức",
                                         "Địa chỉ, số điện thoại",
                                         "Nhận hồ sơ",
                                         "Hẹn trả kết quả",
                                         "Trả kết quả",
                                         "Ghi chú" };
    memcpy(cells, head, sizeof(head));
    for (size_t i = 0; i < n; i++) {
        const struct forms_register_row *r = &d->rows[i];
        const char **row = cells + (i + 1) * C;
        row[0] = fl_fmt(f, "%zu", i + 1);
        row[1] = fl_esc(f, r->code);
        row[2] = fl_esc(f, r->procedure);
        row[3] = "01";
        row[4] = fl_esc(f, r->name);
        row[5] = fl_fmt(f, "%s%s%s", fl_esc(f, r->address), has(r->address) ? "\n" : "",
                        fl_esc(f, r->phone));
        row[6] = short_when(f, r->received);
        row[7] = short_when(f, r->due);
        row[8] = short_when(f, r->returned);
        row[9] = fl_esc(f, r->note);
    }
    static const double cols[C] = { 0.6, 2.4, 3.4, 0.9, 1.8, 2.2, 1.6, 1.6, 1.6, 1.6 };
    fl_table(f, cols, C, cells, n + 1, 1, 8);
    g_free(cells);
    if (n == 0) {
        fl_para(f, "<i>Không có hồ sơ nào được tiếp nhận trong kỳ.</i>", f->size, FL_CENTER, 4);
    }
}

void forms_body(struct fl *f, const struct forms_doc *d)
{
    switch (d->kind) {
    case FORMS_MAU01:
        mau01(f, d);
        break;
    case FORMS_MAU02:
        mau02(f, d);
        break;
    case FORMS_MAU03:
        mau03(f, d);
        break;
    case FORMS_MAU04:
        mau04(f, d);
        break;
    case FORMS_MAU05:
        mau05(f, d);
        break;
    case FORMS_MAU06:
        mau06(f, d);
        break;
    case FORMS_NONE:
        break;
    }
}
