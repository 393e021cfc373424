/* A small flow layout on cairo + pango for the forms: paragraphs that wrap
 * and break pages, two-column header blocks, ruled tables whose rows never
 * split across pages (the header row repeats), a QR code. Internal to
 * src/forms. Text is pango markup; values go through fl_esc(). Every string
 * is normalised to NFC before pango sees it. */
#ifndef MC_FORMS_LAYOUT_H
#define MC_FORMS_LAYOUT_H

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stddef.h>

#define FL_MM(x) ((x)*72.0 / 25.4)

struct fl {
    cairo_t *cr;
    double width, height;            /* the page, in points */
    double left, right, top, bottom; /* margins */
    double y;                        /* the cursor */
    double size;                     /* body font size, points */
    int page;                        /* 1-based */
    GPtrArray *owned;                /* strings from fl_esc/fl_fmt, freed by fl_done */
};

enum fl_align { FL_LEFT, FL_CENTER, FL_RIGHT, FL_JUSTIFY };

void fl_init(struct fl *f, cairo_t *cr, double width, double height, double margin_mm);
void fl_done(struct fl *f);
/* Printf into a string owned by f; %s arguments are NOT escaped. */
const char *fl_fmt(struct fl *f, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* The template `tmpl` with its n "%s" filled by args[0..n) in order (a
 * missing argument is ""), owned by f. For the rows of the text table,
 * which are not literals the compiler could check (text.h). */
const char *fl_fill(struct fl *f, const char *tmpl, const char *const *args, size_t n);
#define FL_FILL(f, tmpl, ...)                                  \
    fl_fill((f), (tmpl), (const char *const[]){ __VA_ARGS__ }, \
            sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))
/* A value escaped for markup (NULL → ""), owned by f. */
const char *fl_esc(struct fl *f, const char *s);

/* The height of markup laid out in `width` at `size` (no drawing). */
double fl_measure(struct fl *f, const char *markup, double width, double size);
/* Draw markup at (x, y) in `width`; returns its height. */
double fl_draw(struct fl *f, const char *markup, double x, double y, double width, double size,
               enum fl_align align);
/* A paragraph across the text width at the cursor (new page first when it
 * does not fit); the cursor moves below it plus `after` points. */
void fl_para(struct fl *f, const char *markup, double size, enum fl_align align, double after);
/* A paragraph indented by `indent` points. */
void fl_para_at(struct fl *f, const char *markup, double indent, double size, enum fl_align align,
                double after);
/* Move the cursor down; a new page when past the bottom. */
void fl_space(struct fl *f, double pts);
/* New page when fewer than `pts` points remain. */
void fl_need(struct fl *f, double pts);
/* A horizontal line from x0 to x1 at y. */
void fl_line(struct fl *f, double x0, double x1, double y);

/* A ruled table across the text width: `cols` relative widths, `cells`
 * row-major markup (nrows × ncols), the first `head` rows bold-centred and
 * repeated after a page break. */
void fl_table(struct fl *f, const double *cols, size_t ncols, const char *const *cells,
              size_t nrows, size_t head, double size);

/* A QR code of `text` with its top-left corner at (x, y), `side` points
 * wide. false when libqrencode cannot encode it. */
bool fl_qr(struct fl *f, const char *text, double x, double y, double side);

#endif
