#include "http/static.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "http/server.h"

enum { STATIC_MAX_FILE = 16 * 1024 * 1024 };

bool http_static_path_ok(const char *path)
{
    if (path == NULL || path[0] != '/') {
        return false;
    }
    for (const char *p = path; *p; p++) {
        if (*p == '\\' || (p[0] == '/' && p[1] == '/')) {
            return false;
        }
        if (p[0] == '/' && p[1] == '.') {
            return false; /* "..", "./" and hidden files alike */
        }
    }
    return true;
}

static const char *mime_of(const char *path)
{
    static const char *const types[][2] = {
        { ".html", "text/html; charset=utf-8" },
        { ".js", "text/javascript; charset=utf-8" },
        { ".css", "text/css; charset=utf-8" },
        { ".json", "application/json" },
        { ".svg", "image/svg+xml" },
        { ".png", "image/png" },
        { ".ico", "image/x-icon" },
        { ".woff2", "font/woff2" },
        { ".woff", "font/woff" },
        { ".txt", "text/plain; charset=utf-8" },
        { ".map", "application/json" },
    };
    const char *dot = strrchr(path, '.');
    if (dot) {
        for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
            if (strcmp(dot, types[i][0]) == 0) {
                return types[i][1];
            }
        }
    }
    return "application/octet-stream";
}

/* Read a regular file; false if it is missing or not regular. */
static bool read_file(const char *path, char **data, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > STATIC_MAX_FILE) {
        close(fd);
        return false;
    }
    size_t n = (size_t)st.st_size;
    char *buf = mc_xmalloc(n + 1);
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r <= 0) {
            if (r < 0 && errno == EINTR) {
                continue;
            }
            break;
        }
        got += (size_t)r;
    }
    close(fd);
    if (got != n) {
        free(buf);
        return false;
    }
    *data = buf;
    *len = n;
    return true;
}

enum mc_status http_static_serve(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *root = http_server_web_root(req->server);
    if (root == NULL || !http_static_path_ok(req->path)) {
        return mc_fail(err, MC_ENOTFOUND, "no such page: %s", req->path);
    }
    const char *path = strcmp(req->path, "/") == 0 ? "/index.html" : req->path;
    char file[4096];
    snprintf(file, sizeof(file), "%s%s", root, path);
    char *data = NULL;
    size_t len = 0;
    if (!read_file(file, &data, &len)) {
        /* Client-side routes get the application shell; a missing asset
         * (a known file type) is a plain 404. Routes may hold dots
         * (/thu-tuc/1.012942), so the test is the type, not the dot. */
        if (strcmp(mime_of(path), "application/octet-stream") != 0) {
            return mc_fail(err, MC_ENOTFOUND, "no such file: %s", req->path);
        }
        path = "/index.html";
        snprintf(file, sizeof(file), "%s%s", root, path);
        if (!read_file(file, &data, &len)) {
            return mc_fail(err, MC_ENOTFOUND,
                           "the web interface is not built (no %s): run make build", file);
        }
    }
    http_resp_owned(resp, 200, mime_of(path), data, len);
    /* Vite puts content-hashed names under /assets/: cache them for good. */
    http_resp_header(resp, "Cache-Control",
                     strncmp(path, "/assets/", 8) == 0 ? "public, max-age=31536000, immutable"
                                                       : "no-cache");
    return MC_OK;
}
