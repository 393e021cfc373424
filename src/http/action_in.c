/* Strict decoding of the dossier request bodies. */
#include "http/action_in.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "http/engine_ctx.h"
#include "http/json_in.h"

/* A short list of names: at most ENGINE_LIST_MAX texts of 1–500 bytes
 * without control characters (they end up in forms and CSV). */
static enum mc_status names(json_t *obj, const char *key, const char **out, size_t *n,
                            struct mc_err *err)
{
    *n = 0;
    json_t *arr = json_object_get(obj, key);
    if (arr == NULL) {
        return MC_OK;
    }
    if (!json_is_array(arr) || json_array_size(arr) > ENGINE_LIST_MAX) {
        return mc_fail_field(err, MC_EINVAL, key, "%s must be a list of at most %d texts", key,
                             ENGINE_LIST_MAX);
    }
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *v = json_array_get(arr, i);
        const char *s = json_string_value(v);
        size_t len = json_string_length(v);
        bool ok = json_is_string(v) && len > 0 && len <= 500;
        for (size_t k = 0; ok && k < len; k++) {
            ok = (unsigned char)s[k] >= 0x20;
        }
        if (!ok) {
            char f[48];
            snprintf(f, sizeof(f), "%s[%zu]", key, i);
            return mc_fail_field(err, MC_EINVAL, f,
                                 "%s must be 1 to 500 bytes of text without control characters", f);
        }
        out[(*n)++] = s;
    }
    return MC_OK;
}

/* Working hours (0.5 steps) → minutes. */
static enum mc_status hours(json_t *obj, const char *path, const char *key, bool required,
                            int64_t *minutes, struct mc_err *err)
{
    double h = 0;
    enum mc_status rc = http_json_num(obj, path, key, required, 0.5, 2000, &h, err);
    if (rc == MC_OK && json_object_get(obj, key) != NULL) {
        if (fabs(h * 2 - round(h * 2)) > 1e-9) {
            char f[64];
            snprintf(f, sizeof(f), "%s%s%s", path, path[0] ? "." : "", key);
            return mc_fail_field(err, MC_EINVAL, f, "%s must be in steps of 0.5 working hours", f);
        }
        *minutes = (int64_t)llround(h * 60);
    }
    return rc;
}

static enum mc_status consults(json_t *body, struct engine_action *a, struct mc_err *err)
{
    json_t *arr = json_object_get(body, "consults");
    if (arr == NULL) {
        return MC_OK;
    }
    if (!json_is_array(arr) || json_array_size(arr) > ENG_CONSULT_MAX) {
        return mc_fail_field(err, MC_EINVAL, "consults",
                             "consults must be a list of at most %d units", ENG_CONSULT_MAX);
    }
    static const char *const keys[] = { "unit", "hours", NULL };
    enum mc_status rc = MC_OK;
    for (size_t i = 0; rc == MC_OK && i < json_array_size(arr); i++) {
        json_t *c = json_array_get(arr, i);
        char path[32];
        snprintf(path, sizeof(path), "consults[%zu]", i);
        if (!json_is_object(c)) {
            return mc_fail_field(err, MC_EINVAL, path, "%s must be an object", path);
        }
        rc = http_json_only_keys(c, path, keys, err);
        if (rc == MC_OK) {
            rc = http_json_str(c, path, "unit", true, 16, &a->consults[i].unit, err);
        }
        if (rc == MC_OK) {
            rc = hours(c, path, "hours", true, &a->consults[i].minutes, err);
        }
        a->n_consults = i + 1;
    }
    return rc;
}

enum mc_status http_action_decode(json_t *body, struct engine_action *a, struct mc_err *err)
{
    memset(a, 0, sizeof(*a));
    static const char *const keys[] = {
        "action",       "version", "target",       "assignee",        "reason",
        "note",         "missing", "attachments",  "consults",        "files",
        "consult_unit", "agency",  "agency_hours", "new_appointment", "signature",
        "branch",       NULL
    };
    if (!json_is_object(body)) {
        return mc_fail(err, MC_EINVAL, "the body must be a JSON object");
    }
    enum mc_status rc = http_json_only_keys(body, "", keys, err);
    const char *name = NULL;
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "action", true, 32, &name, err);
    }
    if (rc == MC_OK && (!eng_action_parse(name, &a->action) || a->action == ENG_ACT_SUBMIT_ONLINE ||
                        a->action == ENG_ACT_RECEIVE)) {
        return mc_fail_field(err, MC_EINVAL, "action",
                             "unknown action %s (see allowed_actions of the dossier)", name);
    }
    if (rc == MC_OK) {
        rc = http_json_int(body, "", "version", true, 1, INT64_C(1) << 40, &a->version, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "target", false, ENG_KEY_MAX - 1, &a->target, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "branch", false, ENG_KEY_MAX - 1, &a->branch, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "assignee", false, 32, &a->assignee, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "reason", false, 2000, &a->reason, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "note", false, 2000, &a->note, err);
    }
    if (rc == MC_OK) {
        rc = names(body, "missing", a->missing, &a->n_missing, err);
    }
    if (rc == MC_OK) {
        rc = names(body, "attachments", a->attachments, &a->n_attachments, err);
    }
    if (rc == MC_OK) {
        rc = consults(body, a, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "consult_unit", false, 16, &a->consult_unit, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "agency", false, 13, &a->agency, err);
    }
    if (rc == MC_OK) {
        rc = hours(body, "", "agency_hours", false, &a->agency_minutes, err);
    }
    const char *appt = NULL;
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "new_appointment", false, 40, &appt, err);
    }
    if (rc == MC_OK && appt && !http_parse_instant(appt, &a->new_due_at)) {
        return mc_fail_field(err, MC_EINVAL, "new_appointment",
                             "new_appointment must be a time such as 2026-10-20T16:00:00+07:00");
    }
    if (rc == MC_OK) {
        rc = http_json_bool(body, "", "signature", false, &a->signature, err);
    }
    return rc;
}

static enum mc_status applicant(json_t *body, struct store_applicant *ap, struct mc_err *err)
{
    json_t *o = json_object_get(body, "applicant");
    if (!json_is_object(o)) {
        return mc_fail_field(err, MC_EINVAL, "applicant",
                             "applicant must be an object with name and phone");
    }
    static const char *const keys[] = { "name", "phone", "email", "address", "id_number", NULL };
    enum mc_status rc = http_json_only_keys(o, "applicant", keys, err);
    if (rc == MC_OK) {
        rc = http_json_str(o, "applicant", "name", true, 200, &ap->name, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(o, "applicant", "phone", true, 20, &ap->phone, err);
    }
    if (rc == MC_OK) {
        size_t digits = 0;
        bool ok = true;
        for (const char *p = ap->phone; *p && ok; p++) {
            digits += *p >= '0' && *p <= '9';
            ok = (*p >= '0' && *p <= '9') || *p == ' ' || *p == '+' || *p == '.' || *p == '-';
        }
        if (!ok || digits < 6) {
            return mc_fail_field(err, MC_EINVAL, "applicant.phone",
                                 "applicant.phone must be a phone number (at least 6 digits)");
        }
    }
    if (rc == MC_OK) {
        rc = http_json_str(o, "applicant", "email", false, 200, &ap->email, err);
    }
    if (rc == MC_OK && ap->email && strchr(ap->email, '@') == NULL) {
        return mc_fail_field(err, MC_EINVAL, "applicant.email",
                             "applicant.email must be an e-mail address");
    }
    if (rc == MC_OK) {
        rc = http_json_str(o, "applicant", "address", false, 500, &ap->address, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(o, "applicant", "id_number", false, 20, &ap->id_number, err);
    }
    return rc;
}

enum mc_status http_receipt_decode(json_t *body, bool anonymous, struct engine_receipt *r,
                                   struct mc_err *err)
{
    memset(r, 0, sizeof(*r));
    static const char *const keys[] = { "procedure",   "case",   "channel", "outcome",
                                        "applicant",   "reason", "note",    "missing",
                                        "attachments", "files",  NULL };
    if (!json_is_object(body)) {
        return mc_fail(err, MC_EINVAL, "the body must be a JSON object");
    }
    enum mc_status rc = http_json_only_keys(body, "", keys, err);
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "procedure", true, 32, &r->procedure, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "case", false, 32, &r->case_code, err);
    }
    int64_t channel = anonymous ? ENG_CHANNEL_ONLINE : ENG_CHANNEL_DESK;
    if (rc == MC_OK) {
        rc = http_json_int(body, "", "channel", false, 1, 3, &channel, err);
    }
    r->channel = (enum eng_channel)channel;
    const char *outcome = "receive";
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "outcome", false, 16, &outcome, err);
    }
    if (rc == MC_OK) {
        rc = applicant(body, &r->applicant, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "reason", false, 2000, &r->reason, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "note", false, 2000, &r->note, err);
    }
    if (rc == MC_OK) {
        rc = names(body, "missing", r->missing, &r->n_missing, err);
    }
    if (rc == MC_OK) {
        rc = names(body, "attachments", r->attachments, &r->n_attachments, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    if (anonymous || r->channel == ENG_CHANNEL_ONLINE) {
        if (r->channel != ENG_CHANNEL_ONLINE || strcmp(outcome, "receive") != 0) {
            return mc_fail_field(err, MC_EINVAL, anonymous ? "channel" : "channel",
                                 anonymous ? "an applicant submits online (channel 2) only"
                                           : "online dossiers are submitted by the applicant");
        }
        r->action = ENG_ACT_SUBMIT_ONLINE;
    } else if (strcmp(outcome, "receive") == 0) {
        r->action = ENG_ACT_RECEIVE;
    } else if (strcmp(outcome, "refuse") == 0) {
        r->action = ENG_ACT_REFUSE_RECEIPT;
    } else if (strcmp(outcome, "supplement") == 0) {
        r->action = ENG_ACT_DESK_SUPPLEMENT;
    } else {
        return mc_fail_field(err, MC_EINVAL, "outcome",
                             "outcome must be receive, refuse or supplement");
    }
    return MC_OK;
}
