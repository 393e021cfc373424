/* Every route handler, by resource (h_<resource>.c). */
#ifndef MC_HTTP_HANDLERS_H
#define MC_HTTP_HANDLERS_H

#include "http/request.h"

/* h_health.c */
http_handler_fn h_health_get;
http_handler_fn h_openapi_get;

/* h_calendar.c */
http_handler_fn h_calendar_year;
http_handler_fn h_calendar_lunar;
http_handler_fn h_calendar_deadline;

#endif
