/* The printable forms (h_forms.c): gathering a dossier's form, sending a
 * rendered PDF with its Content-Disposition, the register (Mẫu 06) from its
 * JSON rows. */
#ifndef MC_HTTP_FORMS_OUT_H
#define MC_HTTP_FORMS_OUT_H

#include <jansson.h>

#include "core/agency.h"
#include "core/civil.h"
#include "forms/forms.h"
#include "http/request.h"
#include "store/store_dossier.h"

/* A dossier's form ready to render: doc points into the JSON and the
 * agency held here (and into the arena). */
struct http_form_data {
    json_t *dossier, *events;
    struct core_agency agency;
    struct forms_doc doc;
};

/* Gather form k of dossier d (MC_ECONFLICT in words when it does not apply,
 * MC_ENOTFOUND for a kind that is no dossier form). Release `out` with
 * http_form_data_release whatever the result. Used by the HTTP handlers and
 * by `motcua form`. */
enum mc_status http_form_gather(struct store *db, struct mc_arena *a, const struct store_dossier *d,
                                enum forms_kind k, enum forms_lang lang, int64_t now,
                                struct http_form_data *out, struct mc_err *err) MC_MUST_CHECK;
void http_form_data_release(struct http_form_data *f);

/* The form's language from `?lang=` (vi when absent); MC_EINVAL naming
 * `lang` for anything but vi or en. */
enum mc_status http_form_lang(struct http_req *req, enum forms_lang *lang,
                              struct mc_err *err) MC_MUST_CHECK;

/* Render doc and fill resp with application/pdf. */
enum mc_status http_send_form(struct http_req *req, struct http_resp *resp,
                              const struct forms_doc *doc, struct mc_err *err) MC_MUST_CHECK;

/* Mẫu 06 for the period [from, to] from store_register_json's rows, in the
 * language of `?lang=` (400 naming `lang` when it is neither vi nor en). */
enum mc_status http_send_register_pdf(struct http_req *req, struct http_resp *resp,
                                      const char *rows_json, struct eng_date from,
                                      struct eng_date to, struct mc_err *err) MC_MUST_CHECK;

#endif
