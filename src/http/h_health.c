/* Liveness and the API description. */
#include "base/embed.h"
#include "http/handlers.h"
#include "store/store.h"

extern const struct mc_embedded http_embedded_api[];

enum mc_status h_health_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    enum mc_status rc = store_ping(req->db, err);
    if (rc != MC_OK) {
        return rc;
    }
    static const char ok[] = "{\"status\":\"ok\"}";
    http_resp_static(resp, 200, "application/json", ok, sizeof(ok) - 1);
    return MC_OK;
}

enum mc_status h_openapi_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    (void)req;
    (void)err;
    http_resp_static(resp, 200, "application/yaml", http_embedded_api[0].data,
                     http_embedded_api[0].len);
    return MC_OK;
}
