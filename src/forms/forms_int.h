/* Between render.c (surface, header) and body.c (each form's body). */
#ifndef MC_FORMS_FORMS_INT_H
#define MC_FORMS_FORMS_INT_H

#include "forms/forms.h"
#include "forms/layout.h"
#include "forms/text.h"

/* The label `id` in the document's language (text.c). */
static inline const char *ft(const struct forms_doc *d, enum forms_text id)
{
    return forms_text(d->lang, id);
}

/* The body of d->kind below the header, from f->y on. */
void forms_body(struct fl *f, const struct forms_doc *d);

#endif
