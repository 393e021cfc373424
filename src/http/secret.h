/* Secrets: random tokens, their hashes, and password hashing (libsodium).
 * Used by http/auth.c and by the CLI (motcua user, import).
 *
 * Tokens are 256 random bits written in URL-safe base64 (43 characters).
 * The database keeps only their BLAKE2b-256 hash in hex: a token has full
 * entropy, so a fast hash suffices and a stolen database opens no session.
 * Passwords are hashed with argon2id at libsodium's INTERACTIVE limits
 * (2 passes, 64 MiB): about 50–70 ms on the reference machine.
 *
 * Every function is thread-safe and initialises libsodium on first use. */
#ifndef MC_HTTP_SECRET_H
#define MC_HTTP_SECRET_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"

enum {
    HTTP_SECRET_LEN = 43,      /* characters of a token, without the NUL */
    HTTP_SECRET_HASH_LEN = 64, /* hex characters of its hash */
    HTTP_PWHASH_LEN = 128      /* crypto_pwhash_STRBYTES, with the NUL */
};

/* API tokens carry this prefix so that secret scanners recognise them. */
#define HTTP_API_TOKEN_PREFIX "mct_"

/* Initialise libsodium once; aborts if it cannot (no usable randomness). */
void http_crypto_init(void);

/* A new random token: out receives HTTP_SECRET_LEN characters and a NUL. */
void http_secret_new(char out[HTTP_SECRET_LEN + 1]);
/* The hex hash of any secret text: HTTP_SECRET_HASH_LEN characters + NUL. */
void http_secret_hash(const char *secret, char out[HTTP_SECRET_HASH_LEN + 1]);

/* argon2id hash of password into out (a NUL-terminated crypto_pwhash_str
 * string). MC_ECRYPTO when libsodium fails (out of memory for the 64 MiB). */
enum mc_status http_password_hash(const char *password, char out[HTTP_PWHASH_LEN],
                                  struct mc_err *err) MC_MUST_CHECK;
/* Does password match hash? hash may be NULL (unknown user, no password):
 * the function then checks against a fixed dummy hash and returns false, so
 * that the caller takes the same time either way. */
bool http_password_verify(const char *hash, const char *password);

#endif
