/* Attachment names and kinds (attachment.h). */
#include "core/attachment.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/xalloc.h"

static const struct core_attach_kind kinds[] = {
    { "application/pdf", "pdf", "tài liệu PDF", "a PDF document" },
    { "image/jpeg", "jpg", "ảnh JPEG", "a JPEG image" },
    { "image/png", "png", "ảnh PNG", "a PNG image" },
    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
      "văn bản Word (DOCX)", "a Word document (DOCX)" },
    { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
      "bảng tính Excel (XLSX)", "an Excel workbook (XLSX)" },
    { "application/vnd.oasis.opendocument.text", "odt", "văn bản ODT", "an OpenDocument text" },
    { "application/msword", "doc", "văn bản Word (DOC)", "a Word 97–2003 document (DOC)" },
    { NULL, NULL, NULL, NULL },
};

const struct core_attach_kind *core_attach_kinds(void)
{
    return kinds;
}

const struct core_attach_kind *core_attach_kind_of(const char *mime)
{
    for (const struct core_attach_kind *k = kinds; mime && k->mime; k++) {
        if (strcmp(k->mime, mime) == 0) {
            return k;
        }
    }
    return NULL;
}

const char *core_attach_describe(const char *mime)
{
    static const struct {
        const char *prefix;
        const char *words;
    } known[] = {
        { "text/", "a plain text file" },
        { "application/x-dosexec", "a Windows program" },
        { "application/vnd.microsoft.portable-executable", "a Windows program" },
        { "application/x-executable", "a program" },
        { "application/x-sharedlib", "a program library" },
        { "application/zip", "a ZIP archive" },
        { "application/x-empty", "an empty file" },
        { "application/octet-stream", "data of an unknown kind" },
        { "image/", "an image of another format" },
        { "video/", "a video" },
        { "audio/", "a sound file" },
    };
    for (size_t i = 0; mime && i < sizeof(known) / sizeof(known[0]); i++) {
        if (strncmp(mime, known[i].prefix, strlen(known[i].prefix)) == 0) {
            return known[i].words;
        }
    }
    return mime ? mime : "data of an unknown kind";
}

static bool reserved(int32_t cp)
{
    return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == '<' || cp == '>' ||
           cp == ':' || cp == '"' || cp == '/' || cp == '\\' || cp == '|' || cp == '?' ||
           cp == '*' || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069); /* bidi overrides could disguise the extension */
}

/* Byte length of the longest prefix of s (length n) that is at most cap
 * bytes and ends on a character boundary. */
static size_t utf8_cut(const char *s, size_t n, size_t cap)
{
    if (n <= cap) {
        return n;
    }
    size_t k = cap;
    while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80) {
        k--;
    }
    return k;
}

enum mc_status core_attach_name(const char *in, char out[CORE_ATTACH_NAME_MAX + 1],
                                struct mc_err *err)
{
    out[0] = '\0';
    size_t inlen = in ? strlen(in) : 0;
    if (inlen > 4096) {
        return mc_fail_field(err, MC_EINVAL, "name", "the file name is longer than 4096 bytes");
    }
    /* Only the last path segment: "C:\\Users\\a\\x.pdf", "../../etc/passwd". */
    const char *base = in ? in : "";
    for (const char *p = base; *p; p++) {
        if (*p == '/' || *p == '\\') {
            base = p + 1;
        }
    }
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)base, 0, &nfc,
                                      UTF8PROC_NULLTERM | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (n < 0) {
        return mc_fail_field(err, MC_EINVAL, "name", "the file name is not valid UTF-8 text");
    }
    /* Replace reserved characters, code point by code point. */
    char *buf = mc_xmalloc((size_t)n + 1);
    size_t len = 0;
    for (utf8proc_ssize_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(nfc + i, n - i, &cp);
        if (k <= 0) {
            break;
        }
        if (reserved(cp)) {
            buf[len++] = '_';
        } else {
            memcpy(buf + len, nfc + i, (size_t)k);
            len += (size_t)k;
        }
        i += k;
    }
    buf[len] = '\0';
    free(nfc);
    size_t start = 0;
    while (start < len && (buf[start] == '.' || buf[start] == ' ')) {
        start++;
    }
    size_t end = len;
    while (end > start && (buf[end - 1] == '.' || buf[end - 1] == ' ')) {
        end--;
    }
    const char *s = buf + start;
    size_t slen = end - start;
    if (slen == 0) {
        memcpy(out, "tep", 4);
        free(buf);
        return MC_OK;
    }
    if (slen <= CORE_ATTACH_NAME_MAX) {
        memcpy(out, s, slen);
        out[slen] = '\0';
        free(buf);
        return MC_OK;
    }
    /* Too long: keep a short extension, cut the stem on a character boundary. */
    const char *dot = NULL;
    for (size_t i = slen; i > 0 && slen - i < 12; i--) {
        if (s[i - 1] == '.') {
            dot = s + i - 1;
            break;
        }
    }
    size_t extlen = dot ? (size_t)(s + slen - dot) : 0;
    size_t stem = utf8_cut(s, slen - extlen, CORE_ATTACH_NAME_MAX - extlen);
    /* The cut may leave a dot or space at the end, which a second pass
     * would strip: strip it now (the stem starts with neither). */
    while (!dot && stem > 1 && (s[stem - 1] == '.' || s[stem - 1] == ' ')) {
        stem--;
    }
    memcpy(out, s, stem);
    memcpy(out + stem, dot ? dot : "", extlen);
    out[stem + extlen] = '\0';
    free(buf);
    return MC_OK;
}
