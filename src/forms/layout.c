/* The flow layout of the forms (layout.h). */
#include "forms/layout.h"

#include <qrencode.h>
#include <stdarg.h>
#include <string.h>

/* Times-metric with full Vietnamese coverage (fonts-liberation2); the
 * fallbacks name the same metrics. */
static const char FONT_FAMILY[] = "Liberation Serif, Times New Roman, serif";

void fl_init(struct fl *f, cairo_t *cr, double width, double height, double margin_mm)
{
    *f = (struct fl){ .cr = cr,
                      .width = width,
                      .height = height,
                      .left = FL_MM(margin_mm + 5), /* the binding edge gets more */
                      .right = FL_MM(margin_mm),
                      .top = FL_MM(margin_mm),
                      .bottom = FL_MM(margin_mm),
                      .size = 10.5,
                      .page = 1,
                      .owned = g_ptr_array_new_with_free_func(g_free) };
    f->y = f->top;
}

void fl_done(struct fl *f)
{
    if (f->owned) {
        g_ptr_array_free(f->owned, TRUE);
        f->owned = NULL;
    }
}

static const char *own(struct fl *f, char *s)
{
    g_ptr_array_add(f->owned, s);
    return s;
}

const char *fl_fmt(struct fl *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    return own(f, s);
}

const char *fl_fill(struct fl *f, const char *tmpl, const char *const *args, size_t n)
{
    GString *out = g_string_new(NULL);
    size_t used = 0;
    for (const char *p = tmpl ? tmpl : ""; *p; p++) {
        if (p[0] == '%' && p[1] == 's') {
            const char *a = used < n && args[used] ? args[used] : "";
            g_string_append(out, a);
            used++;
            p++;
        } else {
            g_string_append_c(out, *p);
        }
    }
    return own(f, g_string_free(out, FALSE));
}

const char *fl_esc(struct fl *f, const char *s)
{
    /* glib's UTF-8 walkers trust their input: bytes that are not UTF-8 become
     * U+FFFD here, before escaping, so no later step reads past the end. */
    char *valid = g_utf8_make_valid(s ? s : "", -1);
    char *e = g_markup_escape_text(valid, -1);
    g_free(valid);
    return own(f, e);
}

static PangoLayout *layout_of(struct fl *f, const char *markup, double width, double size,
                              enum fl_align align)
{
    PangoLayout *l = pango_cairo_create_layout(f->cr);
    PangoFontDescription *fd = pango_font_description_from_string(FONT_FAMILY);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, align == FL_CENTER  ? PANGO_ALIGN_CENTER
                                  : align == FL_RIGHT ? PANGO_ALIGN_RIGHT
                                                      : PANGO_ALIGN_LEFT);
    pango_layout_set_justify(l, align == FL_JUSTIFY);
    /* Decomposed input (a base letter plus combining marks) would reach the
     * PDF's text layer as two code points; NFC keeps search and copy exact. */
    char *nfc = g_utf8_normalize(markup, -1, G_NORMALIZE_NFC);
    if (nfc == NULL || !pango_parse_markup(nfc, -1, 0, NULL, NULL, NULL, NULL)) {
        /* Not markup (a bug in the caller) or not UTF-8: show it as text. */
        pango_layout_set_text(l, nfc ? nfc : "?", -1);
    } else {
        pango_layout_set_markup(l, nfc, -1);
    }
    g_free(nfc);
    return l;
}

double fl_measure(struct fl *f, const char *markup, double width, double size)
{
    PangoLayout *l = layout_of(f, markup, width, size, FL_LEFT);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return (double)h / PANGO_SCALE;
}

double fl_draw(struct fl *f, const char *markup, double x, double y, double width, double size,
               enum fl_align align)
{
    PangoLayout *l = layout_of(f, markup, width, size, align);
    cairo_move_to(f->cr, x, y);
    pango_cairo_show_layout(f->cr, l);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return (double)h / PANGO_SCALE;
}

static void new_page(struct fl *f)
{
    cairo_show_page(f->cr);
    f->page++;
    f->y = f->top;
}

void fl_need(struct fl *f, double pts)
{
    if (f->y + pts > f->height - f->bottom && f->y > f->top) {
        new_page(f);
    }
}

void fl_space(struct fl *f, double pts)
{
    f->y += pts;
    if (f->y > f->height - f->bottom) {
        new_page(f);
    }
}

void fl_para_at(struct fl *f, const char *markup, double indent, double size, enum fl_align align,
                double after)
{
    double w = f->width - f->left - f->right - indent;
    fl_need(f, fl_measure(f, markup, w, size));
    f->y += fl_draw(f, markup, f->left + indent, f->y, w, size, align);
    f->y += after;
}

void fl_para(struct fl *f, const char *markup, double size, enum fl_align align, double after)
{
    fl_para_at(f, markup, 0, size, align, after);
}

void fl_line(struct fl *f, double x0, double x1, double y)
{
    cairo_set_line_width(f->cr, 0.6);
    cairo_move_to(f->cr, x0, y);
    cairo_line_to(f->cr, x1, y);
    cairo_stroke(f->cr);
}

enum { PAD = 3 };

/* Header cells are bold: measure them as drawn. */
static const char *cell(struct fl *f, const char *m, bool head)
{
    return head ? fl_fmt(f, "<b>%s</b>", m) : m;
}

static double row_height(struct fl *f, const double *w, size_t ncols, const char *const *row,
                         double size, bool head)
{
    double h = 0;
    for (size_t c = 0; c < ncols; c++) {
        double ch = fl_measure(f, cell(f, row[c], head), w[c] - 2 * PAD, size);
        h = ch > h ? ch : h;
    }
    return h + 2 * PAD;
}

static void draw_row(struct fl *f, const double *w, size_t ncols, const char *const *row,
                     double size, bool head, double h)
{
    double x = f->left;
    cairo_set_line_width(f->cr, 0.5);
    for (size_t c = 0; c < ncols; c++) {
        fl_draw(f, cell(f, row[c], head), x + PAD, f->y + PAD, w[c] - 2 * PAD, size,
                head ? FL_CENTER : FL_LEFT);
        cairo_rectangle(f->cr, x, f->y, w[c], h);
        cairo_stroke(f->cr);
        x += w[c];
    }
    f->y += h;
}

void fl_table(struct fl *f, const double *cols, size_t ncols, const char *const *cells,
              size_t nrows, size_t head, double size)
{
    double total = 0, avail = f->width - f->left - f->right;
    for (size_t c = 0; c < ncols; c++) {
        total += cols[c];
    }
    double w[16];
    for (size_t c = 0; c < ncols && c < 16; c++) {
        w[c] = avail * cols[c] / total;
    }
    double head_h = 0;
    for (size_t r = 0; r < head; r++) {
        head_h += row_height(f, w, ncols, cells + r * ncols, size, true);
    }
    for (size_t r = 0; r < nrows; r++) {
        const char *const *row = cells + r * ncols;
        bool is_head = r < head;
        double h = row_height(f, w, ncols, row, size, is_head);
        if (!is_head && f->y + h > f->height - f->bottom) {
            new_page(f);
            for (size_t hr = 0; hr < head; hr++) {
                const char *const *hrow = cells + hr * ncols;
                draw_row(f, w, ncols, hrow, size, true, row_height(f, w, ncols, hrow, size, true));
            }
        } else if (is_head && r == 0) {
            /* The header and at least one row stay together. */
            fl_need(f, head_h + (nrows > head ? h : 0));
        }
        draw_row(f, w, ncols, row, size, is_head, h);
    }
}

bool fl_qr(struct fl *f, const char *text, double x, double y, double side)
{
    QRcode *q = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
    if (q == NULL) {
        return false;
    }
    double m = side / q->width;
    cairo_save(f->cr);
    cairo_set_source_rgb(f->cr, 0, 0, 0);
    for (int r = 0; r < q->width; r++) {
        for (int c = 0; c < q->width; c++) {
            if (q->data[r * q->width + c] & 1) {
                cairo_rectangle(f->cr, x + c * m, y + r * m, m, m);
            }
        }
    }
    cairo_fill(f->cr);
    cairo_restore(f->cr);
    QRcode_free(q);
    return true;
}
