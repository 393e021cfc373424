/* The body of each form, below the shared header: the fields domain.md
 * §2.2–2.7 lists, in the order of the provincial templates that follow
 * TT 01/2018. Wording that the circular's appendix would fix is marked
 * UNCONFIRMED in docs/FORMS.md. Every fixed word comes from the table of
 * text.c in the document's language; the layout is the same for both. */
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

static const char *when(struct fl *f, const struct forms_doc *d, struct forms_when t)
{
    char buf[96];
    if (!forms_time_words(buf, sizeof(buf), t, d->lang) || buf[0] == '\0') {
        return "";
    }
    return fl_fmt(f, "%s", buf);
}

static void applicant(struct fl *f, const struct forms_doc *d, bool email)
{
    field(f, ft(d, FT_ADDRESS), d->applicant.address);
    field(f, ft(d, FT_PHONE), d->applicant.phone);
    if (email) {
        field(f, ft(d, FT_EMAIL), d->applicant.email);
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
 * title, "(Ký và ghi rõ họ tên)" (FT_SIGN; an agency's representative also
 * seals: FT_SIGN_SEAL), room to sign, the name. */

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
    const char *head[] = { ft(d, FT_COL_NO), ft(d, FT_COL_DOCUMENT), ft(d, FT_COL_ORIGINAL),
                           ft(d, FT_COL_CERTIFIED), ft(d, FT_COL_COPY) };
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
    field(f, FL_FILL(f, ft(d, FT_RECEIVED_FROM), fl_esc(f, d->desk)), d->applicant.name);
    applicant(f, d, true);
    field(f, ft(d, FT_ID_NUMBER), d->applicant.id_number);
    field(f, ft(d, FT_REQUEST), request(f, d));
    if (has(d->channel)) {
        field(f, ft(d, FT_CHANNEL), d->channel);
    }
    fl_para(f, ft(d, FT_COMPONENTS_INTRO), f->size, FL_LEFT, 3);
    if (d->ncomponents > 0) {
        components_table(f, d);
    } else {
        fl_para_at(f, ft(d, FT_NO_COMPONENTS), 12, f->size, FL_LEFT, 3);
    }
    field(f, ft(d, FT_SETS), ft(d, FT_ONE_SET));
    forms_limit_words(limit, sizeof(limit), d->limit_minutes, d->lang);
    field(f, ft(d, FT_LIMIT), limit);
    field(f, ft(d, FT_RECEIVED_AT), when(f, d, d->received));
    field(f, ft(d, FT_DUE_AT), when(f, d, d->due));
    field(f, ft(d, FT_COLLECT_AT), d->desk);
    fl_para(f, ft(d, FT_BRING_RECEIPT), f->size - 1, FL_JUSTIFY, 2);
    signatures(f, ft(d, FT_APPLICANT_SIGNS), d->applicant.name, ft(d, FT_RECEIVER_SIGNS),
               d->officer, ft(d, FT_SIGN));
}

static void contact(struct fl *f, const struct forms_doc *d, const char *what)
{
    const char *phone =
        has(d->agency_phone) ? FL_FILL(f, ft(d, FT_CONTACT_PHONE), fl_esc(f, d->agency_phone)) : "";
    fl_para(f, FL_FILL(f, ft(d, FT_CONTACT), what, fl_esc(f, d->desk), phone), f->size, FL_JUSTIFY,
            2);
}

static void mau02(struct fl *f, const struct forms_doc *d)
{
    field(f, FL_FILL(f, ft(d, FT_RECEIVED_FROM_MR_MS), fl_esc(f, d->desk)), d->applicant.name);
    field(f, ft(d, FT_REQUEST), request(f, d));
    applicant(f, d, true);
    fl_para(f, ft(d, FT_COMPLETE_INTRO), f->size, FL_LEFT, 3);
    size_t n = d->nmissing;
    const char **cells = g_new0(const char *, (n + 1) * 2);
    cells[0] = ft(d, FT_COL_NO);
    cells[1] = ft(d, FT_COL_MISSING);
    for (size_t i = 0; i < n; i++) {
        cells[(i + 1) * 2] = fl_fmt(f, "%zu", i + 1);
        cells[(i + 1) * 2 + 1] = fl_esc(f, d->missing[i]);
    }
    static const double cols[] = { 0.7, 10 };
    fl_table(f, cols, 2, cells, n + 1, 1, f->size - 0.5);
    g_free(cells);
    fl_space(f, 4);
    field(f, ft(d, FT_REASON), d->reason);
    contact(f, d, ft(d, FT_WHILE_COMPLETING));
    signatures(f, NULL, NULL, ft(d, FT_GUIDE_SIGNS), d->officer, ft(d, FT_SIGN));
}

static void mau03(struct fl *f, const struct forms_doc *d)
{
    field(f, FL_FILL(f, ft(d, FT_RECEIVED_FROM), fl_esc(f, d->desk)), d->applicant.name);
    applicant(f, d, true);
    field(f, ft(d, FT_REQUEST), request(f, d));
    if (d->submitted.year) {
        field(f, ft(d, FT_SUBMITTED_AT), when(f, d, d->submitted));
    }
    fl_para(f, FL_FILL(f, ft(d, FT_REFUSAL), fl_esc(f, d->agency)), f->size, FL_JUSTIFY, 2);
    fl_para_at(f, fl_fmt(f, "<b>%s</b>", fl_esc(f, has(d->reason) ? d->reason : "…")), 12, f->size,
               FL_JUSTIFY, 3);
    fl_para(f, ft(d, FT_REFUSAL_NOTICE), f->size, FL_LEFT, 2);
    contact(f, d, ft(d, FT_WHILE_ACTING));
    signatures(f, ft(d, FT_APPLICANT_SIGNS), d->applicant.name, ft(d, FT_REFUSER_SIGNS), d->officer,
               ft(d, FT_SIGN));
}

/* A sentence the officer already closed needs no second full stop. */
static bool ends_with_stop(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    return n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

static void mau04(struct fl *f, const struct forms_doc *d)
{
    char first[96] = "", due[96] = "", recv[64] = "";
    forms_time_words(first, sizeof(first), d->first_due, d->lang);
    forms_time_words(due, sizeof(due), d->due, d->lang);
    field(f, ft(d, FT_DEAR), d->applicant.name);
    applicant(f, d, false);
    /* "Ngày 25 tháng 11 năm 2026, …": the sentence supplies "Ngày". */
    bool day = forms_date_words(recv, sizeof(recv), d->received, d->lang);
    const char *received = !day ? "…"
                           : d->lang == FORMS_VI && strncmp(recv, "ngày ", strlen("ngày ")) == 0
                               ? recv + strlen("ngày ")
                               : recv;
    fl_para(f,
            FL_FILL(f, ft(d, FT_APOLOGY_RECEIVED), fl_esc(f, received), fl_esc(f, d->desk),
                    fl_esc(f, request(f, d)), fl_esc(f, d->code), first[0] ? first : "…"),
            f->size, FL_JUSTIFY, 3);
    fl_para(f,
            FL_FILL(f, ft(d, FT_APOLOGY_LATE), fl_esc(f, d->agency),
                    fl_esc(f, has(d->reason) ? d->reason : "…"),
                    ends_with_stop(d->reason) ? "" : "."),
            f->size, FL_JUSTIFY, 3);
    fl_para(f, FL_FILL(f, ft(d, FT_APOLOGY_SORRY), fl_esc(f, d->agency), due[0] ? due : "…"),
            f->size, FL_JUSTIFY, 3);
    fl_para(f, ft(d, FT_APOLOGY_THANKS), f->size, FL_LEFT, 2);
    signatures(f, NULL, NULL, ft(d, FT_AGENCY_SIGNS), d->officer, ft(d, FT_SIGN_SEAL));
}

static const char *party(struct fl *f, const struct forms_doc *d, const char *unit,
                         const char *person)
{
    if (!has(unit) && !has(person)) {
        return ft(d, FT_THE_APPLICANT);
    }
    return fl_esc(f, has(unit) ? unit : person);
}

static void mau05(struct fl *f, const struct forms_doc *d)
{
    field(f, ft(d, FT_ATTACHED_TO), d->applicant.name);
    field(f, ft(d, FT_REQUEST), request(f, d));
    field(f, ft(d, FT_RECEIVED_ON), when(f, d, d->received));
    field(f, ft(d, FT_APPOINTMENT), when(f, d, d->due));
    field(f, ft(d, FT_HANDLING_UNIT), d->unit);
    if (has(d->status)) {
        field(f, ft(d, FT_CURRENT_STATUS), d->status);
    }
    fl_space(f, 3);
    size_t n = d->nhandovers;
    const char **cells = g_new0(const char *, (n + 1) * 4);
    cells[0] = ft(d, FT_COL_AGENCY);
    cells[1] = ft(d, FT_COL_HANDOVER_TIME);
    cells[2] = ft(d, FT_COL_RESULT);
    cells[3] = ft(d, FT_COL_NOTE);
    for (size_t i = 0; i < n; i++) {
        const struct forms_handover *h = &d->handovers[i];
        const char **row = cells + (i + 1) * 4;
        row[0] = FL_FILL(f, ft(d, FT_HANDOVER_PARTIES), party(f, d, h->from_unit, h->from_person),
                         party(f, d, h->to_unit, h->to_person));
        row[1] = FL_FILL(f, ft(d, FT_HANDOVER_PEOPLE), when(f, d, h->at),
                         has(h->from_person) ? fl_esc(f, h->from_person) : "",
                         has(h->to_person) ? fl_esc(f, h->to_person) : "");
        row[2] = forms_verdict_words(h->verdict, d->lang);
        row[3] = fl_esc(f, h->note);
        if (has(h->opened)) {
            /* The choice or split that opened branches names their steps. */
            row[3] = fl_fmt(f, "%s%s%s", row[3], has(h->note) ? "\n" : "",
                            FL_FILL(f, ft(d, FT_OPENED), h->opened));
        }
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
    forms_date_words(from, sizeof(from), d->from, d->lang);
    forms_date_words(to, sizeof(to), d->to, d->lang);
    fl_para(f, FL_FILL(f, ft(d, FT_PERIOD), from, to), f->size, FL_CENTER, 6);
    enum { C = 10 };
    size_t n = d->nrows;
    const char **cells = g_new0(const char *, (n + 1) * C);
    static const enum forms_text head[C] = { FT_REG_NO,       FT_REG_CODE,      FT_REG_PROCEDURE,
                                             FT_REG_SETS,     FT_REG_APPLICANT, FT_REG_CONTACT,
                                             FT_REG_RECEIVED, FT_REG_DUE,       FT_REG_RETURNED,
                                             FT_REG_NOTE };
    for (size_t c = 0; c < C; c++) {
        cells[c] = ft(d, head[c]);
    }
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
        fl_para(f, ft(d, FT_REG_EMPTY), f->size, FL_CENTER, 4);
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
