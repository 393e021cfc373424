/* forms_render: the PDF surface in memory, the header every form shares
 * (agency and desk | Quốc hiệu – Tiêu ngữ, place and date, title, dossier
 * code and QR) in the document's language, and the dispatch to each form's body (body.c). */
#include <cairo-pdf.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "forms/forms_int.h"

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int length)
{
    return mc_buf_append(closure, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static const char *upper(struct fl *f, const char *s)
{
    char *valid = g_utf8_make_valid(s ? s : "", -1);
    char *u = g_utf8_strup(valid, -1);
    g_free(valid);
    const char *e = fl_esc(f, u);
    g_free(u);
    return e;
}

/* Agency and desk on the left, Quốc hiệu and Tiêu ngữ on the right, each
 * underlined with a short rule (NĐ 30/2020 thể thức), the date line below
 * the right column. */
static void header(struct fl *f, const struct forms_doc *d)
{
    double tw = f->width - f->left - f->right;
    double lw = tw * 0.42, rw = tw - lw, rx = f->left + lw, y0 = f->y;
    double s = d->kind == FORMS_MAU06 ? 11 : 9;
    double h = fl_draw(f, fl_fmt(f, "%s\n<b>%s</b>", upper(f, d->agency), upper(f, d->desk)),
                       f->left, y0, lw, s, FL_CENTER);
    fl_line(f, f->left + lw * 0.3, f->left + lw * 0.7, y0 + h + 2);
    char number[96];
    if (forms_number_line(number, sizeof(number), d->kind, d->number, d->symbol, d->lang)) {
        /* Số, ký hiệu under the issuing body (NĐ 30/2020 thể thức). */
        h += 5 + fl_draw(f, fl_esc(f, number), f->left, y0 + h + 5, lw, s + 0.5, FL_CENTER);
    }
    double hr = fl_draw(f, ft(d, FT_MOTTO), rx, y0, rw, s, FL_CENTER);
    fl_line(f, rx + rw * 0.22, rx + rw * 0.78, y0 + hr + 2);
    if (*ft(d, FT_MOTTO_GLOSS)) {
        /* The English line goes below the rule, smaller. */
        hr += 5 + fl_draw(f, ft(d, FT_MOTTO_GLOSS), rx, y0 + hr + 5, rw, s - 1.5, FL_CENTER);
    }
    double y = y0 + (h > hr ? h : hr) + 6;
    char line[160];
    if (forms_date_line(line, sizeof(line), d->place, d->issued, d->lang)) {
        y += fl_draw(f, fl_fmt(f, "<i>%s</i>", fl_esc(f, line)), rx, y, rw, s + 0.5, FL_CENTER);
    }
    f->y = y + 8;
    fl_para(f, fl_fmt(f, "<b>%s</b>", fl_esc(f, forms_kind_title(d->kind, d->lang))),
            d->kind == FORMS_MAU06 ? 15 : 12, FL_CENTER, 6);
}

/* The dossier code, with a QR code of the lookup address (or the code) on
 * the right so that a phone reads it without typing. */
static void code_block(struct fl *f, const struct forms_doc *d)
{
    if (d->code == NULL || *d->code == '\0') {
        return;
    }
    double side = FL_MM(18), tw = f->width - f->left - f->right;
    fl_need(f, side + 4);
    double y0 = f->y;
    const char *qr = d->lookup_url && *d->lookup_url ? d->lookup_url : d->code;
    fl_qr(f, qr, f->left + tw - side, y0, side);
    double h =
        fl_draw(f,
                fl_fmt(f, "%s\n<i><span size=\"smaller\">%s</span></i>",
                       FL_FILL(f, ft(d, FT_CODE_LINE), fl_esc(f, d->code)), ft(d, FT_QR_HINT)),
                f->left, y0 + 4, tw - side - 8, f->size, FL_LEFT);
    f->y = y0 + (h + 4 > side ? h + 4 : side) + 6;
}

enum mc_status forms_render(const struct forms_doc *d, unsigned char **pdf, size_t *len,
                            struct mc_err *err)
{
    *pdf = NULL;
    *len = 0;
    if (d->kind == FORMS_NONE || forms_kind_slug(d->kind)[0] == '\0') {
        return mc_fail(err, MC_EINVAL, "unknown form");
    }
    if (d->agency == NULL || d->desk == NULL) {
        return mc_fail(err, MC_EINVAL, "the form needs the agency and the desk");
    }
    bool a4 = d->kind == FORMS_MAU06;
    /* A5 portrait 148 × 210 mm; A4 landscape 297 × 210 mm (TT 01/2018 Điều 9.2). */
    double w = a4 ? FL_MM(297) : FL_MM(148), h = FL_MM(210);
    struct mc_buf out;
    mc_buf_init(&out, (size_t)32 << 20); /* a register of a busy year fits */
    cairo_surface_t *surf = cairo_pdf_surface_create_for_stream(to_buf, &out, w, h);
    char title[256];
    snprintf(title, sizeof(title), "%s – %s", forms_kind_label(d->kind, d->lang),
             d->code ? d->code : "");
    char *valid_title = g_utf8_make_valid(title, -1);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, valid_title);
    g_free(valid_title);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_SUBJECT,
                                   forms_text(d->lang, FT_SUBJECT));
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "motcua");
    cairo_t *cr = cairo_create(surf);
    struct fl f;
    fl_init(&f, cr, w, h, a4 ? 12 : 10);
    header(&f, d);
    if (d->kind != FORMS_MAU06) {
        code_block(&f, d);
    }
    forms_body(&f, d);
    fl_done(&f);
    cairo_destroy(cr);
    cairo_surface_finish(surf);
    cairo_status_t st = cairo_surface_status(surf);
    cairo_surface_destroy(surf);
    if (st != CAIRO_STATUS_SUCCESS || out.over) {
        mc_buf_release(&out);
        mc_fail(err, MC_EINTERNAL, "the PDF could not be written");
        mc_err_detail(err, "cairo: %s", cairo_status_to_string(st));
        return MC_EINTERNAL;
    }
    *pdf = (unsigned char *)mc_buf_detach(&out, len);
    return MC_OK;
}
