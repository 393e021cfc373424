/* The printable forms of a dossier (TT 01/2018 Mẫu 01–05) and of the
 * register (Mẫu 06): gather the dossier, its handover log, the agency and
 * the procedure's components into a struct forms_doc and let src/forms
 * render the PDF. Staff read a dossier's forms under the same scope as the
 * dossier; the applicant reads Mẫu 01–04 with the code and phone number, as
 * in the public lookup. Every form is Vietnamese unless `?lang=en` asks for
 * the English courtesy translation. docs/FORMS.md lists what each form
 * shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/civil.h"
#include "core/dossier_status.h"
#include "forms/forms.h"
#include "http/auth.h"
#include "http/dossier_out.h"
#include "http/engine_ctx.h"
#include "http/forms_out.h"
#include "http/handlers.h"
#include "store/store_agency.h"
#include "store/store_catalog.h"
#include "store/store_dossier.h"
#include "store/store_form_number.h"
#include "store/store_org.h"

static struct forms_when when_at(int64_t t)
{
    if (t <= 0) {
        return (struct forms_when){ 0 };
    }
    struct eng_date d = eng_local_date(t);
    int m = eng_local_minute_of_day(t);
    return (struct forms_when){ d.year, d.month, d.day, m / 60, m % 60 };
}

static struct forms_when when_of(json_t *v)
{
    int64_t t = 0;
    if (!json_is_string(v) || !http_parse_instant(json_string_value(v), &t)) {
        return (struct forms_when){ 0 };
    }
    return when_at(t);
}

static const char *str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static const char *sub(json_t *o, const char *key, const char *field)
{
    return str(json_object_get(o, key), field);
}

/* The latest event whose action is one of `actions` (NULL-terminated). */
static json_t *last_event(json_t *events, const char *const *actions)
{
    for (size_t i = json_array_size(events); i-- > 0;) {
        json_t *e = json_array_get(events, i);
        const char *a = str(e, "action");
        for (size_t k = 0; a && actions[k]; k++) {
            if (strcmp(a, actions[k]) == 0) {
                return e;
            }
        }
    }
    return NULL;
}

/* A supplement event's note: the missing components on its first line,
 * joined by "; ", then the reason (src/engine/engine.c event_note). */
static void split_supplement(struct mc_arena *a, const char *note, struct forms_doc *doc)
{
    note = note ? note : "";
    const char *nl = strchr(note, '\n');
    size_t first = nl ? (size_t)(nl - note) : strlen(note);
    char *line = mc_arena_strndup(a, note, first);
    size_t cap = 1;
    for (const char *p = line; (p = strstr(p, "; ")) != NULL; p += 2) {
        cap++;
    }
    const char **missing = mc_arena_alloc(a, cap * sizeof(*missing));
    size_t n = 0;
    for (char *p = line; p && *p;) {
        char *sep = strstr(p, "; ");
        if (sep) {
            *sep = '\0';
        }
        missing[n++] = p;
        p = sep ? sep + 2 : NULL;
    }
    doc->missing = missing;
    doc->nmissing = n;
    doc->reason = nl ? nl + 1 : NULL;
}

/* The procedure's components for the dossier's case (Mẫu 01). */
static void components(struct store *db, struct mc_arena *a, json_t *dj, struct forms_doc *doc)
{
    struct core_procedure p;
    struct mc_err ignored = { 0 };
    const char *code = sub(dj, "procedure", "code");
    const char *case_code = sub(dj, "case", "code");
    if (code == NULL || store_catalog_procedure_load(db, code, a, &p, &ignored) != MC_OK) {
        return; /* the form still prints, with the components left out */
    }
    for (size_t i = 0; i < p.ncases; i++) {
        const struct core_case *c = &p.cases[i];
        if (case_code && strcmp(c->code, case_code) != 0) {
            continue;
        }
        struct forms_component *out = mc_arena_alloc(a, (c->ncomponents + 1) * sizeof(*out));
        for (size_t k = 0; k < c->ncomponents; k++) {
            out[k] =
                (struct forms_component){ c->components[k].name, c->components[k].original,
                                          c->components[k].certified_copy, c->components[k].copy };
        }
        doc->components = out;
        doc->ncomponents = c->ncomponents;
        return;
    }
}

/* The person named by `key` of an event; the system actor (kind
 * "system", 0016) by its name in the form's language. */
static const char *person(json_t *e, const char *key, enum forms_lang lang)
{
    const char *kind = sub(e, key, "kind");
    if (kind && strcmp(kind, "system") == 0) {
        return forms_system_actor(lang);
    }
    return sub(e, key, "full_name");
}

static void handovers(struct mc_arena *a, json_t *events, struct forms_doc *doc)
{
    size_t n = json_array_size(events);
    struct forms_handover *h = mc_arena_alloc(a, (n + 1) * sizeof(*h));
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(events, i);
        h[i] = (struct forms_handover){ .from_unit = sub(e, "from_unit", "name"),
                                        .from_person = person(e, "from_person", doc->lang),
                                        .to_unit = sub(e, "to_unit", "name"),
                                        .to_person = person(e, "to_person", doc->lang),
                                        .at = when_of(json_object_get(e, "at")),
                                        .verdict = str(e, "verdict"),
                                        .note = str(e, "note") };
        json_t *opened = json_object_get(e, "opened");
        for (size_t k = 0; k < json_array_size(opened); k++) {
            const char *name = str(json_array_get(opened, k), "name");
            h[i].opened = k == 0 ? mc_arena_printf(a, "%s", name ? name : "")
                                 : mc_arena_printf(a, "%s, %s", h[i].opened, name ? name : "");
        }
    }
    doc->handovers = h;
    doc->nhandovers = n;
}

/* The parts every form shares: agency, desk, applicant, procedure, times. */
static void common(struct mc_arena *a, const struct core_agency *ag, json_t *dj,
                   struct forms_doc *doc)
{
    doc->agency = ag->name;
    doc->place = ag->province;
    doc->agency_phone = ag->phone;
    doc->desk = sub(dj, "desk_unit", "name");
    if (doc->desk == NULL) {
        doc->desk = "Bộ phận Tiếp nhận và Trả kết quả";
    }
    doc->code = str(dj, "code") ? str(dj, "code") : str(dj, "ref");
    if (ag->website && *ag->website && doc->code) {
        /* The portal's lookup page (web/src/router: /tra-cuu). */
        size_t l = strlen(ag->website);
        doc->lookup_url = mc_arena_printf(a, "%s%stra-cuu?code=%s", ag->website,
                                          l && ag->website[l - 1] == '/' ? "" : "/", doc->code);
    }
    json_t *ap = json_object_get(dj, "applicant");
    doc->applicant.name = str(ap, "name");
    doc->applicant.phone = str(ap, "phone");
    doc->applicant.email = str(ap, "email");
    doc->applicant.address = str(ap, "address");
    doc->applicant.id_number = str(ap, "id_number");
    doc->procedure = sub(dj, "procedure", "name");
    doc->case_name = sub(dj, "case", "name");
    doc->unit = sub(dj, "unit", "name");
    doc->channel =
        forms_channel_words((int)json_integer_value(json_object_get(dj, "channel")), doc->lang);
    doc->received = when_of(json_object_get(dj, "received_at"));
    doc->submitted = when_of(json_object_get(dj, "submitted_at"));
    doc->due = when_of(json_object_get(dj, "due_at"));
    doc->first_due = when_of(json_object_get(dj, "first_due_at"));
}

/* Fill the body of form k; MC_ECONFLICT in plain words when the form does
 * not apply to this dossier (yet). */
static enum mc_status fill(struct store *db, struct mc_arena *a, enum forms_kind k, json_t *dj,
                           json_t *events, int64_t limit_minutes, int64_t now,
                           struct forms_doc *doc, json_t **event, struct mc_err *err)
{
    static const char *const RECEIPT[] = { "receive", "accept", NULL };
    static const char *const SUPPLEMENT[] = { "desk_supplement", "request_supplement", NULL };
    static const char *const REFUSAL[] = { "refuse_receipt", "refuse", NULL };
    static const char *const APOLOGY[] = { "apologize", NULL };
    json_t *ev = NULL;
    switch (k) {
    case FORMS_MAU01:
        ev = last_event(events, RECEIPT);
        if (ev == NULL || doc->received.year == 0) {
            return mc_fail(err, MC_ECONFLICT,
                           "Mẫu 01 is issued at receipt: this dossier has not been received yet");
        }
        components(db, a, dj, doc);
        doc->limit_minutes = limit_minutes;
        break;
    case FORMS_MAU02:
        ev = last_event(events, SUPPLEMENT);
        if (ev == NULL) {
            return mc_fail(err, MC_ECONFLICT,
                           "Mẫu 02 applies only after a request to supplement the dossier, "
                           "and none was made");
        }
        split_supplement(a, str(ev, "note"), doc);
        break;
    case FORMS_MAU03:
        ev = last_event(events, REFUSAL);
        if (ev == NULL) {
            return mc_fail(err, MC_ECONFLICT, "Mẫu 03 applies only to a refused dossier");
        }
        doc->reason = str(ev, "note");
        break;
    case FORMS_MAU04:
        ev = last_event(events, APOLOGY);
        if (ev == NULL) {
            return mc_fail(err, MC_ECONFLICT,
                           "Mẫu 04 applies only after an apology with a new appointment, "
                           "and none was given");
        }
        doc->reason = str(ev, "note");
        break;
    case FORMS_MAU05:
        if (doc->received.year == 0) {
            return mc_fail(err, MC_ECONFLICT,
                           "Mẫu 05 follows a received dossier: this one has not been received");
        }
        handovers(a, events, doc);
        break;
    default:
        return mc_fail(err, MC_ENOTFOUND, "no such form");
    }
    /* Dated the day of the act it records; the control slip the day printed. */
    doc->issued = ev ? when_of(json_object_get(ev, "at")) : when_at(now);
    doc->officer = ev ? person(ev, "actor", doc->lang) : NULL;
    *event = ev;
    return MC_OK;
}

/* A file name safe in a quoted header value: the code's ASCII letters,
 * digits, dots and dashes; "_en" marks the English translation. */
static void ascii_name(char *out, size_t cap, const char *slug, const char *code,
                       enum forms_lang lang)
{
    int w =
        snprintf(out, cap, "%s_%s%s.pdf", slug, code ? code : "", lang == FORMS_EN ? "_en" : "");
    for (char *p = out; w > 0 && *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '.' || *p == '-' || *p == '_')) {
            *p = '_';
        }
    }
}

enum mc_status http_send_form(struct http_req *req, struct http_resp *resp,
                              const struct forms_doc *doc, struct mc_err *err)
{
    unsigned char *pdf = NULL;
    size_t len = 0;
    enum mc_status rc = forms_render(doc, &pdf, &len, err);
    if (rc != MC_OK) {
        return rc;
    }
    char ascii[160], utf8[200], enc[600];
    ascii_name(ascii, sizeof(ascii), forms_kind_slug(doc->kind), doc->code, doc->lang);
    snprintf(utf8, sizeof(utf8), "%s %s.pdf", forms_kind_file_name(doc->kind, doc->lang),
             doc->code ? doc->code : "");
    if (!forms_pct_encode(enc, sizeof(enc), utf8)) {
        enc[0] = '\0';
    }
    /* inline: "In phiếu" opens the browser's viewer; the web's download
     * link saves it under the UTF-8 name. */
    http_resp_header(resp, "Content-Disposition",
                     mc_arena_printf(&req->arena, "inline; filename=\"%s\"%s%s", ascii,
                                     enc[0] ? "; filename*=UTF-8''" : "", enc));
    http_resp_header(resp, "Cache-Control", "no-store");
    http_resp_owned(resp, 200, "application/pdf", (char *)pdf, len);
    return MC_OK;
}

/* The dossier's status for Mẫu 05, from the table the API uses
 * (core/dossier_status.c); English keeps the Vietnamese name beside it. */
static const char *status_words(struct mc_arena *a, enum eng_status s, enum forms_lang lang)
{
    if (lang == FORMS_EN) {
        return mc_arena_printf(a, "%s (%s)", eng_status_name_en(s), eng_status_name_vi(s));
    }
    return eng_status_name_vi(s);
}

enum mc_status http_form_lang(struct http_req *req, enum forms_lang *lang, struct mc_err *err)
{
    const char *q = http_query(req, "lang");
    *lang = FORMS_VI;
    if (q != NULL && !forms_lang_parse(q, lang)) {
        return mc_fail_field(err, MC_EINVAL, "lang",
                             "lang must be vi (the legal Vietnamese form, the default) or en");
    }
    return MC_OK;
}

enum mc_status http_form_gather(struct store *db, struct mc_arena *a, const struct store_dossier *d,
                                enum forms_kind k, enum forms_lang lang, int64_t now,
                                struct http_form_data *out, struct mc_err *err)
{
    *out = (struct http_form_data){ .doc = { .kind = k, .lang = lang } };
    json_t *ev = NULL;
    char *events_text = NULL;
    enum mc_status rc = http_dossier_record(db, d->id, &out->dossier, err);
    if (rc == MC_OK) {
        rc = store_dossier_events_json(db, d->id, &events_text, err);
    }
    out->events = events_text ? json_loads(events_text, 0, NULL) : NULL;
    free(events_text);
    if (rc == MC_OK && (!json_is_object(out->dossier) || !json_is_array(out->events))) {
        rc = mc_fail(err, MC_EINTERNAL, "dossier JSON does not parse");
    }
    if (rc == MC_OK) {
        rc = store_agency_get(db, &out->agency, err);
    }
    if (rc == MC_OK) {
        common(a, &out->agency, out->dossier, &out->doc);
        out->doc.status = status_words(a, d->state.status, lang);
        rc = fill(db, a, k, out->dossier, out->events, d->limit_minutes, now, &out->doc, &ev, err);
    }
    if (rc == MC_OK && ev != NULL && *forms_kind_notation(k) != '\0') {
        /* Mẫu 01–04 carry the number of the event they record: drawn on
         * the first print, the same on every reprint. */
        json_int_t seq = json_integer_value(json_object_get(ev, "seq"));
        char symbol[64], printed[64];
        if (!forms_symbol(symbol, sizeof(symbol), k, out->agency.abbreviation)) {
            rc = mc_fail(err, MC_EINTERNAL, "the form's ký hiệu does not fit");
        }
        if (rc == MC_OK) {
            rc = store_form_number(db, forms_kind_slug(k), d->id, seq, out->doc.issued.year, symbol,
                                   now, &out->doc.number, printed, sizeof(printed), err);
        }
        if (rc == MC_OK && printed[0] != '\0') {
            out->doc.symbol = mc_arena_strndup(a, printed, strlen(printed));
        }
    }
    return rc;
}

void http_form_data_release(struct http_form_data *f)
{
    core_agency_release(&f->agency);
    json_decref(f->dossier);
    json_decref(f->events);
    *f = (struct http_form_data){ 0 };
}

/* Gather a dossier's form and send it. */
static enum mc_status dossier_form(struct http_req *req, struct http_resp *resp,
                                   const struct store_dossier *d, enum forms_kind k,
                                   enum forms_lang lang, struct mc_err *err)
{
    struct http_form_data f;
    enum mc_status rc =
        http_form_gather(req->db, &req->arena, d, k, lang, http_now_minutes(req), &f, err);
    if (rc == MC_OK) {
        rc = http_send_form(req, resp, &f.doc, err);
    }
    http_form_data_release(&f);
    return rc;
}

static enum mc_status form_kind(struct http_req *req, enum forms_kind *k, bool public,
                                struct mc_err *err)
{
    *k = forms_kind_parse(http_param(req, 1));
    if (*k == FORMS_NONE || *k == FORMS_MAU06) {
        return mc_fail(err, MC_ENOTFOUND,
                       "no such form for a dossier: the forms are mau-01 to mau-05 "
                       "(Mẫu 06, the register, is GET /api/register?format=pdf)");
    }
    if (public && *k == FORMS_MAU05) {
        return mc_fail(err, MC_ENOTFOUND,
                       "the applicant's forms are mau-01 to mau-04; Mẫu 05 is for the staff");
    }
    return MC_OK;
}

enum mc_status h_dossier_form_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    enum forms_kind k;
    enum forms_lang lang;
    enum mc_status rc = form_kind(req, &k, false, err);
    if (rc == MC_OK) {
        rc = http_form_lang(req, &lang, err);
    }
    const struct engine *e = NULL;
    if (rc == MC_OK) {
        rc = http_engine(&e, err);
    }
    struct engine_actor who;
    if (rc == MC_OK) {
        rc = http_actor(req, &who, err);
    }
    struct store_dossier d;
    if (rc == MC_OK) {
        const char *code = http_param(req, 0);
        rc = store_dossier_load(req->db, code ? code : "", &d, err);
    }
    json_t *view = NULL;
    if (rc == MC_OK) {
        rc = http_dossier_view(req, e, &who, &d, http_now_minutes(req), &view, err);
    }
    if (rc == MC_OK && !http_dossier_readable(req, view)) {
        rc = mc_fail(err, MC_EPERM, "this dossier is outside your units");
    }
    if (rc == MC_OK) {
        rc = dossier_form(req, resp, &d, k, lang, err);
    }
    json_decref(view);
    return rc;
}

enum mc_status h_public_form_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    enum forms_kind k;
    enum forms_lang lang;
    enum mc_status rc = form_kind(req, &k, true, err);
    if (rc == MC_OK) {
        rc = http_form_lang(req, &lang, err);
    }
    const char *code = http_param(req, 0);
    const char *phone = http_query(req, "phone");
    if (rc == MC_OK && (phone == NULL || strlen(phone) > 20)) {
        rc = mc_fail_field(err, MC_EINVAL, "phone", "phone is required");
    }
    char *check = NULL;
    if (rc == MC_OK) {
        /* The same second factor as the lookup: code (or ref) and phone. */
        rc = store_public_json(req->db, code ? code : "", phone, &check, err);
        free(check);
    }
    struct store_dossier d;
    if (rc == MC_OK) {
        rc = store_dossier_load(req->db, code ? code : "", &d, err);
    }
    if (rc == MC_OK) {
        rc = dossier_form(req, resp, &d, k, lang, err);
    }
    return rc;
}

/* The desk's name for the register's header: the first reception unit. */
static const char *desk_name(struct http_req *req)
{
    struct store_unit *units = NULL;
    size_t n = 0;
    struct mc_err ignored = { 0 };
    if (store_unit_list(req->db, &req->arena, &units, &n, &ignored) == MC_OK) {
        for (size_t i = 0; i < n; i++) {
            if (units[i].kind && strcmp(units[i].kind, "reception") == 0) {
                return units[i].name;
            }
        }
    }
    return "Bộ phận Tiếp nhận và Trả kết quả";
}

enum mc_status http_send_register_pdf(struct http_req *req, struct http_resp *resp,
                                      const char *rows_json, struct eng_date from,
                                      struct eng_date to, struct mc_err *err)
{
    enum forms_lang lang;
    enum mc_status rc = http_form_lang(req, &lang, err);
    if (rc != MC_OK) {
        return rc;
    }
    json_t *rows = json_loads(rows_json, 0, NULL);
    if (!json_is_array(rows)) {
        json_decref(rows);
        return mc_fail(err, MC_EINTERNAL, "register JSON does not parse");
    }
    struct core_agency ag = { 0 };
    rc = store_agency_get(req->db, &ag, err);
    if (rc == MC_OK) {
        size_t n = json_array_size(rows);
        struct forms_register_row *r = mc_arena_alloc(&req->arena, (n + 1) * sizeof(*r));
        for (size_t i = 0; i < n; i++) {
            json_t *j = json_array_get(rows, i);
            const char *verdict = forms_verdict_words(str(j, "verdict"), lang);
            bool apology = json_is_string(json_object_get(j, "apology_at"));
            r[i] = (struct forms_register_row){
                .code = str(j, "code"),
                .procedure = str(j, "procedure"),
                .name = str(j, "applicant_name"),
                .address = str(j, "applicant_address"),
                .phone = str(j, "applicant_phone"),
                .received = when_of(json_object_get(j, "received_at")),
                .due = when_of(json_object_get(j, "due_at")),
                .returned = when_of(json_object_get(j, "returned_at")),
                .note =
                    mc_arena_printf(&req->arena, "%s%s%s", verdict, *verdict && apology ? "; " : "",
                                    apology ? forms_apology_note(lang) : ""),
            };
        }
        int64_t now = http_now_minutes(req);
        struct forms_doc doc = {
            .kind = FORMS_MAU06,
            .lang = lang,
            .agency = ag.name,
            .desk = desk_name(req),
            .place = ag.province,
            .issued = when_at(now),
            .code = mc_arena_printf(&req->arena, "%04d%02d%02d-%04d%02d%02d", from.year, from.month,
                                    from.day, to.year, to.month, to.day),
            .rows = r,
            .nrows = n,
            .from = { from.year, from.month, from.day, 0, 0 },
            .to = { to.year, to.month, to.day, 0, 0 },
        };
        rc = http_send_form(req, resp, &doc, err);
    }
    core_agency_release(&ag);
    json_decref(rows);
    return rc;
}
