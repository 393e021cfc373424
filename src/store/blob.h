/* File contents of attachments, content-addressed by SHA-256: the only
 * place that touches the bytes. Callers see opaque handles and hex hashes,
 * never paths or database types, so that a shared object store can take
 * the place of the local directory (design.md §5) behind the same calls.
 *
 * The local implementation keeps <dir>/ab/<sha256> (ab = the first two hex
 * digits) and writes through <dir>/tmp/: write, fsync, rename, fsync the
 * directory; a content already present is not written twice. */
#ifndef MC_STORE_BLOB_H
#define MC_STORE_BLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "base/err.h"

struct blob_store;
struct blob_writer;
struct blob_reader;

/* Open (creating the directories) the store rooted at dir; temporary files
 * older than a day (left by a crash mid-upload) are removed. */
enum mc_status blob_store_open(const char *dir, struct blob_store **out,
                               struct mc_err *err) MC_MUST_CHECK;
void blob_store_close(struct blob_store *bs);

/* Start a new content. head_cap: how many leading bytes to keep in memory
 * for the caller to inspect (type sniffing) before committing. */
enum mc_status blob_writer_begin(struct blob_store *bs, size_t head_cap, struct blob_writer **out,
                                 struct mc_err *err) MC_MUST_CHECK;
enum mc_status blob_writer_write(struct blob_writer *w, const void *data, size_t len,
                                 struct mc_err *err) MC_MUST_CHECK;
uint64_t blob_writer_size(const struct blob_writer *w);
const unsigned char *blob_writer_head(const struct blob_writer *w, size_t *len);
/* Make the content durable under its hash (lower-case hex) and free w,
 * whatever the outcome. */
enum mc_status blob_writer_commit(struct blob_writer *w, char sha256[65],
                                  struct mc_err *err) MC_MUST_CHECK;
/* Forget the content: nothing of it stays on disk. Frees w; NULL is fine. */
void blob_writer_abort(struct blob_writer *w);

/* Read a stored content; MC_ENOTFOUND if absent. */
enum mc_status blob_open(struct blob_store *bs, const char *sha256, struct blob_reader **out,
                         uint64_t *size, struct mc_err *err) MC_MUST_CHECK;
/* Up to n bytes at offset; returns the count (0 at the end), -1 on error. */
ssize_t blob_read(struct blob_reader *r, uint64_t offset, void *buf, size_t n);
void blob_reader_close(struct blob_reader *r);

/* Delete a content (no-op when absent). The caller makes sure that
 * nothing references it any more. */
enum mc_status blob_remove(struct blob_store *bs, const char *sha256,
                           struct mc_err *err) MC_MUST_CHECK;

/* Is s 64 lower-case hex digits? */
bool blob_hash_ok(const char *s);

#endif
