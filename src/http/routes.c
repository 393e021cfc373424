/* The one route table. Order matters only between a literal segment and a
 * {capture} at the same place: list the literal first. docs/openapi.yaml
 * describes every route here (tests/integration/it_openapi.c checks it). */
#include "http/handlers.h"
#include "http/router.h"

const struct http_route http_routes[] = {
    { "GET", "/healthz", h_health_get, HTTP_PUBLIC },
    { "GET", "/api/openapi.yaml", h_openapi_get, HTTP_PUBLIC },
    { "GET", "/api/calendar/lunar", h_calendar_lunar, HTTP_PUBLIC },
    /* A computation that changes nothing: no CSRF token needed. */
    { "POST", "/api/calendar/deadline", h_calendar_deadline, HTTP_PUBLIC | HTTP_NO_CSRF },
    { "GET", "/api/calendar/{year}", h_calendar_year, HTTP_PUBLIC },
};

const size_t http_nroutes = sizeof(http_routes) / sizeof(http_routes[0]);
