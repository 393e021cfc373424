/* Local-directory implementation of blob.h. */
#include "store/blob.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"

struct blob_store {
    char *dir;
};

struct blob_writer {
    struct blob_store *bs;
    int fd;
    char tmp[4096];
    crypto_hash_sha256_state hash;
    uint64_t size;
    unsigned char *head;
    size_t head_len, head_cap;
};

struct blob_reader {
    int fd;
};

bool blob_hash_ok(const char *s)
{
    size_t n = 0;
    for (; s && s[n]; n++) {
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f'))) {
            return false;
        }
    }
    return n == 64;
}

static enum mc_status io_fail(struct mc_err *err, const char *what, const char *path)
{
    int e = errno;
    enum mc_status rc = mc_fail(err, MC_EIO, "the file store could not %s", what);
    if (err) {
        snprintf(err->detail, sizeof(err->detail), "%s: %s", path, strerror(e));
    }
    return rc;
}

static enum mc_status mkdir_p(const char *path, struct mc_err *err)
{
    char buf[4096];
    int n = snprintf(buf, sizeof(buf), "%s", path);
    if (n <= 0 || (size_t)n >= sizeof(buf)) {
        return mc_fail(err, MC_EIO, "file store path too long");
    }
    for (char *p = buf + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(buf, 0750) != 0 && errno != EEXIST) {
                return io_fail(err, "create a directory", buf);
            }
            *p = c;
            if (c == '\0') {
                break;
            }
        }
    }
    return MC_OK;
}

/* Temporary files of uploads cut short by a crash: a day old is surely
 * dead (another server sharing the directory may be writing a fresh one). */
static void sweep_tmp(const char *tmp)
{
    DIR *d = opendir(tmp);
    if (d == NULL) {
        return;
    }
    time_t limit = time(NULL) - 24 * 3600;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".part") != 0) {
            continue;
        }
        char path[4400];
        snprintf(path, sizeof(path), "%s/%s", tmp, e->d_name);
        struct stat sb;
        if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_mtime < limit) {
            unlink(path);
        }
    }
    closedir(d);
}

enum mc_status blob_store_open(const char *dir, struct blob_store **out, struct mc_err *err)
{
    *out = NULL;
    if (sodium_init() < 0) {
        return mc_fail(err, MC_ECRYPTO, "libsodium failed to initialise");
    }
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof(tmp), "%s/tmp", dir) >= sizeof(tmp)) {
        return mc_fail(err, MC_EIO, "file store path too long");
    }
    enum mc_status rc = mkdir_p(tmp, err);
    if (rc != MC_OK) {
        return rc;
    }
    sweep_tmp(tmp);
    struct blob_store *bs = mc_xcalloc(1, sizeof(*bs));
    bs->dir = mc_xstrdup(dir);
    *out = bs;
    return MC_OK;
}

void blob_store_close(struct blob_store *bs)
{
    if (bs) {
        free(bs->dir);
        free(bs);
    }
}

enum mc_status blob_writer_begin(struct blob_store *bs, size_t head_cap, struct blob_writer **out,
                                 struct mc_err *err)
{
    *out = NULL;
    struct blob_writer *w = mc_xcalloc(1, sizeof(*w));
    unsigned char r[12];
    char hex[25];
    randombytes_buf(r, sizeof(r));
    sodium_bin2hex(hex, sizeof(hex), r, sizeof(r));
    snprintf(w->tmp, sizeof(w->tmp), "%s/tmp/%s.part", bs->dir, hex);
    w->fd = open(w->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (w->fd < 0) {
        enum mc_status rc = io_fail(err, "create a file", w->tmp);
        free(w);
        return rc;
    }
    w->bs = bs;
    crypto_hash_sha256_init(&w->hash);
    w->head_cap = head_cap;
    w->head = head_cap ? mc_xmalloc(head_cap) : NULL;
    *out = w;
    return MC_OK;
}

enum mc_status blob_writer_write(struct blob_writer *w, const void *data, size_t len,
                                 struct mc_err *err)
{
    const unsigned char *p = data;
    if (w->head_len < w->head_cap) {
        size_t k = w->head_cap - w->head_len < len ? w->head_cap - w->head_len : len;
        memcpy(w->head + w->head_len, p, k);
        w->head_len += k;
    }
    crypto_hash_sha256_update(&w->hash, p, len);
    w->size += len;
    while (len > 0) {
        ssize_t n = write(w->fd, p, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return io_fail(err, "write a file", w->tmp);
        }
        p += n;
        len -= (size_t)n;
    }
    return MC_OK;
}

uint64_t blob_writer_size(const struct blob_writer *w)
{
    return w->size;
}

const unsigned char *blob_writer_head(const struct blob_writer *w, size_t *len)
{
    *len = w->head_len;
    return w->head;
}

void blob_writer_abort(struct blob_writer *w)
{
    if (w == NULL) {
        return;
    }
    if (w->fd >= 0) {
        close(w->fd);
        unlink(w->tmp);
    }
    free(w->head);
    free(w);
}

static void path_of(const struct blob_store *bs, const char *sha, char *out, size_t cap,
                    bool dir_only)
{
    if (dir_only) {
        snprintf(out, cap, "%s/%.2s", bs->dir, sha);
    } else {
        snprintf(out, cap, "%s/%.2s/%s", bs->dir, sha, sha);
    }
}

static int fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    int rc = fsync(fd);
    close(fd);
    return rc;
}

enum mc_status blob_writer_commit(struct blob_writer *w, char sha256[65], struct mc_err *err)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&w->hash, digest);
    sodium_bin2hex(sha256, 65, digest, sizeof(digest));
    enum mc_status rc = MC_OK;
    if (fsync(w->fd) != 0) {
        rc = io_fail(err, "save a file", w->tmp);
    }
    close(w->fd);
    w->fd = -1;
    char dir[4096], final[4200];
    path_of(w->bs, sha256, dir, sizeof(dir), true);
    path_of(w->bs, sha256, final, sizeof(final), false);
    if (rc == MC_OK) {
        rc = mkdir_p(dir, err);
    }
    struct stat sb;
    if (rc == MC_OK && stat(final, &sb) == 0 && (uint64_t)sb.st_size == w->size) {
        /* Already stored: the same bytes under the same hash. */
        unlink(w->tmp);
    } else if (rc == MC_OK) {
        if (rename(w->tmp, final) != 0) {
            rc = io_fail(err, "store a file", final);
        } else if (fsync_dir(dir) != 0) {
            rc = io_fail(err, "save a directory", dir);
        }
    }
    if (rc != MC_OK) {
        unlink(w->tmp);
    }
    free(w->head);
    free(w);
    return rc;
}

enum mc_status blob_open(struct blob_store *bs, const char *sha256, struct blob_reader **out,
                         uint64_t *size, struct mc_err *err)
{
    *out = NULL;
    if (!blob_hash_ok(sha256)) {
        return mc_fail(err, MC_ENOTFOUND, "no such file");
    }
    char path[4200];
    path_of(bs, sha256, path, sizeof(path), false);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) {
            return mc_fail(err, MC_ENOTFOUND, "the file's content is missing from the store");
        }
        return io_fail(err, "open a file", path);
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        close(fd);
        return io_fail(err, "read a file", path);
    }
    struct blob_reader *r = mc_xcalloc(1, sizeof(*r));
    r->fd = fd;
    *size = (uint64_t)sb.st_size;
    *out = r;
    return MC_OK;
}

ssize_t blob_read(struct blob_reader *r, uint64_t offset, void *buf, size_t n)
{
    for (;;) {
        ssize_t k = pread(r->fd, buf, n, (off_t)offset);
        if (k < 0 && errno == EINTR) {
            continue;
        }
        return k;
    }
}

void blob_reader_close(struct blob_reader *r)
{
    if (r) {
        close(r->fd);
        free(r);
    }
}

enum mc_status blob_remove(struct blob_store *bs, const char *sha256, struct mc_err *err)
{
    if (!blob_hash_ok(sha256)) {
        return mc_fail(err, MC_EINVAL, "not a content hash");
    }
    char path[4200];
    path_of(bs, sha256, path, sizeof(path), false);
    if (unlink(path) != 0 && errno != ENOENT) {
        return io_fail(err, "remove a file", path);
    }
    return MC_OK;
}
