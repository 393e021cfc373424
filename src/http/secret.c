#include "http/secret.h"

#include <pthread.h>
#include <sodium.h>
#include <string.h>

_Static_assert(HTTP_PWHASH_LEN == crypto_pwhash_STRBYTES, "crypto_pwhash_STRBYTES changed");
_Static_assert(HTTP_SECRET_HASH_LEN == 2 * crypto_generichash_BYTES, "hash size");

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static char dummy_hash[crypto_pwhash_STRBYTES];

static void init(void)
{
    if (sodium_init() < 0) {
        mc_assert_fail("libsodium cannot initialise", __FILE__, __LINE__);
    }
    /* The hash that unknown usernames are checked against: same parameters
     * as real ones, so a wrong username costs the same as a wrong password. */
    if (crypto_pwhash_str(dummy_hash, "motcua-dummy-password", 21,
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        mc_assert_fail("cannot compute the dummy password hash", __FILE__, __LINE__);
    }
}

void http_crypto_init(void)
{
    pthread_once(&init_once, init);
}

void http_secret_new(char out[HTTP_SECRET_LEN + 1])
{
    http_crypto_init();
    unsigned char raw[32];
    randombytes_buf(raw, sizeof(raw));
    sodium_bin2base64(out, HTTP_SECRET_LEN + 1, raw, sizeof(raw),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof(raw));
}

void http_secret_hash(const char *secret, char out[HTTP_SECRET_HASH_LEN + 1])
{
    http_crypto_init();
    unsigned char h[crypto_generichash_BYTES];
    crypto_generichash(h, sizeof(h), (const unsigned char *)secret, strlen(secret), NULL, 0);
    sodium_bin2hex(out, HTTP_SECRET_HASH_LEN + 1, h, sizeof(h));
}

enum mc_status http_password_hash(const char *password, char out[HTTP_PWHASH_LEN],
                                  struct mc_err *err)
{
    http_crypto_init();
    if (crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return mc_fail(err, MC_ECRYPTO, "cannot hash the password (out of memory?)");
    }
    return MC_OK;
}

bool http_password_verify(const char *hash, const char *password)
{
    http_crypto_init();
    size_t n = strlen(password);
    if (hash == NULL) {
        /* Same work as a real check; the result is always a refusal. */
        if (crypto_pwhash_str_verify(dummy_hash, password, n) == 0) {
            return false;
        }
        return false;
    }
    return crypto_pwhash_str_verify(hash, password, n) == 0;
}
