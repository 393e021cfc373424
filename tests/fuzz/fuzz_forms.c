/* The form renderer (src/forms) on arbitrary strings: markup characters,
 * bytes that are not UTF-8, combining marks, very long words and lists.
 * Every input must render a PDF (the renderer escapes and repairs what it
 * is given), never crash, leak or read out of bounds. The first byte picks
 * the form and its language; the rest is fields separated by newlines. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/xalloc.h"
#include "forms/forms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { FIELDS = 12, MAX_INPUT = 8192 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > MAX_INPUT) {
        return 0; /* one render per input; huge inputs only slow the search */
    }
    char *text = mc_xmalloc(size);
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    const char *field[FIELDS] = { 0 };
    size_t n = 0;
    for (char *p = text; p && n < FIELDS;) {
        field[n++] = p;
        p = strchr(p, '\n');
        if (p) {
            *p++ = '\0';
        }
    }
    const char *missing[4] = { field[7], field[8], field[9], field[10] };
    struct forms_component comp[2] = { { field[7], 1, -1, 0 }, { field[8], -1, 2, -1 } };
    struct forms_handover hop[2] = {
        { field[4],
          field[5],
          field[6],
          NULL,
          { 2026, 11, 25, 8, 0 },
          "late",
          field[11],
          field[10] },
        { NULL, NULL, NULL, NULL, { 0 }, "none", NULL, NULL },
    };
    struct forms_register_row row = { field[3], field[6], field[4],
                                      field[5], field[9], { 2026, 2, 5, 23, 59 },
                                      { 0 },    { 0 },    field[11] };
    struct forms_doc d = {
        .kind = (enum forms_kind)(FORMS_MAU01 + data[0] % 6),
        .lang = (data[0] / 6) % 2 ? FORMS_EN : FORMS_VI,
        .agency = field[0] ? field[0] : "",
        .desk = field[1] ? field[1] : "",
        .place = field[2],
        .issued = { 2026, 1 + data[0] % 12, 1 + data[0] % 28, 9, 0 },
        .code = field[3],
        .lookup_url = field[3],
        .applicant = { field[4], field[9], NULL, field[5], NULL },
        .procedure = field[6],
        .case_name = field[10],
        .limit_minutes = data[0] * 30,
        .received = { 2026, 10, 12, 8, 0 },
        .due = { 2026, 11, 2, 8, 0 },
        .components = comp,
        .ncomponents = 2,
        .missing = missing,
        .nmissing = 4,
        .reason = field[11],
        .officer = field[2],
        .handovers = hop,
        .nhandovers = 2,
        .rows = &row,
        .nrows = 1,
        .from = { 2026, 10, 1, 0, 0 },
        .to = { 2026, 10, 31, 0, 0 },
    };
    unsigned char *pdf = NULL;
    size_t len = 0;
    struct mc_err err;
    mc_err_clear(&err);
    enum mc_status rc = forms_render(&d, &pdf, &len, &err);
    MC_ASSERT(rc == MC_OK);
    MC_ASSERT(len > 5 && memcmp(pdf, "%PDF-", 5) == 0);
    free(pdf);
    free(text);
    return 0;
}
