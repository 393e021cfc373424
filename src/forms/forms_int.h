/* Between render.c (surface, header) and body.c (each form's body). */
#ifndef MC_FORMS_FORMS_INT_H
#define MC_FORMS_FORMS_INT_H

#include "forms/forms.h"
#include "forms/layout.h"

/* The body of d->kind below the header, from f->y on. */
void forms_body(struct fl *f, const struct forms_doc *d);

#endif
