/* Every route handler, by resource (h_<resource>.c). */
#ifndef MC_HTTP_HANDLERS_H
#define MC_HTTP_HANDLERS_H

#include "core/procedure.h"
#include "core/process.h"
#include "http/request.h"

/* h_health.c */
http_handler_fn h_health_get;
http_handler_fn h_openapi_get;

/* h_session.c: log in, who am I, log out */
http_handler_fn h_session_create;
http_handler_fn h_session_get;
http_handler_fn h_session_delete;

/* h_org.c: units and people */
http_handler_fn h_unit_list;
http_handler_fn h_person_list;
http_handler_fn h_person_create;
http_handler_fn h_person_update;

/* h_token.c: API tokens */
http_handler_fn h_token_create;
http_handler_fn h_token_list;
http_handler_fn h_token_revoke;

/* h_calendar.c */
http_handler_fn h_calendar_year;
http_handler_fn h_calendar_lunar;
http_handler_fn h_calendar_deadline;

/* h_procedure.c */
http_handler_fn h_domains_list;
http_handler_fn h_procedures_list;
http_handler_fn h_procedure_get;

/* h_process.c */
http_handler_fn h_process_get;
http_handler_fn h_process_versions_list;
http_handler_fn h_process_version_create;
http_handler_fn h_process_version_transition;

/* h_dossier.c: receipt, one dossier, actions */
http_handler_fn h_dossier_create;
http_handler_fn h_dossier_get;
http_handler_fn h_dossier_action;

/* h_dossier_views.c: inbox, control slip, register, statistics */
http_handler_fn h_inbox_get;
http_handler_fn h_control_slip_get;
http_handler_fn h_register_get;
http_handler_fn h_stats_get;
http_handler_fn h_stats_monthly_get;

/* h_notify_public.c: notifications; the applicant's lookup and feedback */
http_handler_fn h_notifications_list;
http_handler_fn h_notification_read;
http_handler_fn h_public_dossier_get;
http_handler_fn h_public_rating;
http_handler_fn h_public_feedback;
/* h_attach.c: uploads and downloads of attachment files */
http_handler_fn h_upload_create;
http_handler_fn h_dossier_file_get;
http_handler_fn h_public_file_get;

/* h_form_file.c */
http_handler_fn h_form_file_put;
http_handler_fn h_form_file_delete;
http_handler_fn h_form_file_get;
/* h_calendar_agency.c: the agency's calendar file (administrators) */
http_handler_fn h_calendar_agency_get;
http_handler_fn h_calendar_agency_put;
/* h_case.c: internal cases (hồ sơ công việc) */
http_handler_fn h_case_items_list;
http_handler_fn h_case_create;

/* h_dossier_list.c: the dashboard's drill-down and the control team's list;
 * marking every notification read */
http_handler_fn h_dossier_list;
http_handler_fn h_notifications_read_all;
/* h_forms.c: the printable forms (Mẫu 01–05) as PDF, staff and applicant */
http_handler_fn h_dossier_form_get;
http_handler_fn h_public_form_get;
/* h_bpmn.c */
http_handler_fn h_process_bpmn_get;
/* Is the request body XML (application/xml, text/xml, application/bpmn+xml)? */
bool http_body_is_xml(struct http_req *req);
/* A BPMN request body as a new version of process `code`: parsed, checked
 * against `limit`, errors naming the element and line. Strings in the
 * request arena. */
enum mc_status http_bpmn_decode_version(struct http_req *req, const char *code,
                                        struct core_time_limit limit, struct core_process *p,
                                        struct mc_err *err) MC_MUST_CHECK;

/* h_recur.c: recurring internal tasks */
http_handler_fn h_recur_get;
http_handler_fn h_recur_put;
http_handler_fn h_recur_delete;
http_handler_fn h_recur_sweep;

/* h_agency.c: the agency record; administrators set its abbreviation */
http_handler_fn h_agency_get;
http_handler_fn h_agency_update;

#endif
