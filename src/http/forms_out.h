/* Sending the printable forms (h_forms.c): a rendered PDF with its
 * Content-Disposition, and the register (Mẫu 06) from its JSON rows. */
#ifndef MC_HTTP_FORMS_OUT_H
#define MC_HTTP_FORMS_OUT_H

#include "core/civil.h"
#include "forms/forms.h"
#include "http/request.h"

/* Render doc and fill resp with application/pdf. */
enum mc_status http_send_form(struct http_req *req, struct http_resp *resp,
                              const struct forms_doc *doc, struct mc_err *err) MC_MUST_CHECK;

/* Mẫu 06 for the period [from, to] from store_register_json's rows. */
enum mc_status http_send_register_pdf(struct http_req *req, struct http_resp *resp,
                                      const char *rows_json, struct eng_date from,
                                      struct eng_date to, struct mc_err *err) MC_MUST_CHECK;

#endif
