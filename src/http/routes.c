/* The one route table. Order matters only between a literal segment and a
 * {capture} at the same place: list the literal first. docs/openapi.yaml
 * describes every route here (tests/integration/it_openapi.c checks it). */
#include "http/handlers.h"
#include "http/router.h"

const struct http_route http_routes[] = {
    { "GET", "/healthz", h_health_get, HTTP_PUBLIC },
    { "GET", "/api/openapi.yaml", h_openapi_get, HTTP_PUBLIC },
    { "POST", "/api/session", h_session_create, HTTP_PUBLIC | HTTP_NO_CSRF | HTTP_RATE_LOGIN },
    { "GET", "/api/session", h_session_get, HTTP_AUTH },
    { "DELETE", "/api/session", h_session_delete, HTTP_AUTH },
    { "GET", "/api/units", h_unit_list, HTTP_AUTH },
    { "GET", "/api/people", h_person_list, HTTP_AUTH },
    { "POST", "/api/people", h_person_create, HTTP_AUTH },
    { "PATCH", "/api/people/{username}", h_person_update, HTTP_AUTH },
    { "GET", "/api/tokens", h_token_list, HTTP_AUTH },
    { "POST", "/api/tokens", h_token_create, HTTP_AUTH },
    { "DELETE", "/api/tokens/{id}", h_token_revoke, HTTP_AUTH },
    { "GET", "/api/calendar/lunar", h_calendar_lunar, HTTP_PUBLIC },
    /* A computation that changes nothing: no CSRF token needed. */
    { "POST", "/api/calendar/deadline", h_calendar_deadline, HTTP_PUBLIC | HTTP_NO_CSRF },
    { "GET", "/api/calendar/agency", h_calendar_agency_get, HTTP_AUTH },
    { "PUT", "/api/calendar/agency", h_calendar_agency_put, HTTP_AUTH },
    { "GET", "/api/calendar/{year}", h_calendar_year, HTTP_PUBLIC },
    { "GET", "/api/domains", h_domains_list, HTTP_PUBLIC },
    { "GET", "/api/procedures", h_procedures_list, HTTP_PUBLIC },
    { "GET", "/api/procedures/{code}", h_procedure_get, HTTP_PUBLIC },
    { "GET", "/api/processes/{id}", h_process_get, HTTP_PUBLIC },
    { "GET", "/api/processes/{id}/versions", h_process_versions_list, HTTP_PUBLIC },
    { "POST", "/api/processes/{id}/versions", h_process_version_create, HTTP_AUTH },
    { "GET", "/api/processes/{id}/versions/{issue}/bpmn", h_process_bpmn_get, HTTP_PUBLIC },
    { "POST", "/api/processes/{id}/versions/{issue}/transition", h_process_version_transition,
      HTTP_AUTH },
    /* Public: an online submission is anonymous (rate-limited in the handler). */
    { "POST", "/api/dossiers", h_dossier_create, HTTP_PUBLIC | HTTP_NO_CSRF },
    { "GET", "/api/dossiers/{code}", h_dossier_get, HTTP_AUTH },
    { "POST", "/api/dossiers/{code}/actions", h_dossier_action, HTTP_AUTH },
    { "GET", "/api/dossiers/{code}/control-slip", h_control_slip_get, HTTP_AUTH },
    { "GET", "/api/dossiers/{code}/forms/{form}", h_dossier_form_get, HTTP_AUTH },
    { "GET", "/api/inbox", h_inbox_get, HTTP_AUTH },
    { "GET", "/api/register", h_register_get, HTTP_AUTH },
    { "GET", "/api/stats", h_stats_get, HTTP_AUTH },
    { "GET", "/api/stats/monthly", h_stats_monthly_get, HTTP_AUTH },
    { "GET", "/api/notifications", h_notifications_list, HTTP_AUTH },
    { "POST", "/api/notifications/{id}/read", h_notification_read, HTTP_AUTH },
    { "GET", "/api/public/dossiers/{code}", h_public_dossier_get, HTTP_PUBLIC | HTTP_RATE_LOOKUP },
    { "GET", "/api/public/dossiers/{code}/forms/{form}", h_public_form_get,
      HTTP_PUBLIC | HTTP_RATE_LOOKUP },
    { "POST", "/api/public/dossiers/{code}/rating", h_public_rating,
      HTTP_PUBLIC | HTTP_NO_CSRF | HTTP_RATE_LOOKUP },
    { "POST", "/api/public/dossiers/{code}/feedback", h_public_feedback,
      HTTP_PUBLIC | HTTP_NO_CSRF | HTTP_RATE_LOOKUP },
    /* Attachments. An upload is public for the applicant's online submission
     * (rate-limited; a staff session's CSRF token is checked in the handler). */
    { "POST", "/api/uploads", h_upload_create, HTTP_PUBLIC | HTTP_NO_CSRF },
    { "GET", "/api/dossiers/{code}/files/{id}", h_dossier_file_get, HTTP_AUTH },
    { "GET", "/api/public/dossiers/{code}/files/{id}", h_public_file_get,
      HTTP_PUBLIC | HTTP_RATE_LOOKUP },
    { "GET", "/api/cases/items", h_case_items_list, HTTP_AUTH },
    { "POST", "/api/cases", h_case_create, HTTP_AUTH },
    /* The dashboard's drill-down and the control team's list (scoped). */
    { "GET", "/api/dossiers", h_dossier_list, HTTP_AUTH },
    { "POST", "/api/notifications/read-all", h_notifications_read_all, HTTP_AUTH },
    /* Blank forms of a procedure's components: admins attach, anyone downloads. */
    { "PUT", "/api/procedures/{code}/cases/{case}/components/{ord}/form-file", h_form_file_put,
      HTTP_AUTH },
    { "DELETE", "/api/procedures/{code}/cases/{case}/components/{ord}/form-file",
      h_form_file_delete, HTTP_AUTH },
    { "GET", "/api/procedures/{code}/forms/{id}", h_form_file_get, HTTP_PUBLIC },
    /* Recurring internal tasks: staff read a rule, admins set it (ENGINE.md §11). */
    { "GET", "/api/procedures/{code}/recurrence", h_recur_get, HTTP_AUTH },
    { "PUT", "/api/procedures/{code}/recurrence", h_recur_put, HTTP_AUTH },
    { "DELETE", "/api/procedures/{code}/recurrence", h_recur_delete, HTTP_AUTH },
    { "POST", "/api/recurrence/sweep", h_recur_sweep, HTTP_AUTH },
    /* The agency record (the portal's header, the forms); admins set its
     * abbreviation (docs/FORMS.md "Numbers"). */
    { "GET", "/api/agency", h_agency_get, HTTP_PUBLIC },
    { "PATCH", "/api/agency", h_agency_update, HTTP_AUTH },
};

const size_t http_nroutes = sizeof(http_routes) / sizeof(http_routes[0]);
