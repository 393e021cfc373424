/* motcua form CODE FORM [--lang vi|en] -o FILE: a dossier's printable form
 * (Mẫu 01–05) as PDF, the same document GET /api/dossiers/{code}/forms/{form}
 * sends (docs/FORMS.md), in Vietnamese or (--lang en) the English courtesy
 * translation. For the desk's batch printing and for checking a form without
 * a browser. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "cli/cmd.h"
#include "cli/common.h"
#include "forms/forms.h"
#include "http/forms_out.h"

static int write_file(const char *path, const unsigned char *pdf, size_t len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
    if (f == NULL) {
        fprintf(stderr, "motcua form: cannot write %s: %s\n", path, strerror(errno));
        return 1;
    }
    bool ok = fwrite(pdf, 1, len, f) == len;
    if (f != stdout) {
        ok = fclose(f) == 0 && ok;
    } else {
        ok = fflush(f) == 0 && ok;
    }
    if (!ok) {
        fprintf(stderr, "motcua form: writing %s failed\n", path);
    }
    return ok ? 0 : 1;
}

static int render(struct store *st, const char *code, enum forms_kind k, enum forms_lang lang,
                  const char *out)
{
    struct mc_err err;
    mc_err_clear(&err);
    struct store_dossier d;
    if (store_dossier_load(st, code, &d, &err) != MC_OK) {
        fprintf(stderr, "motcua form: %s\n", err.msg);
        return 1;
    }
    struct mc_arena a;
    mc_arena_init(&a);
    struct http_form_data f;
    unsigned char *pdf = NULL;
    size_t len = 0;
    int64_t now = (int64_t)time(NULL) / 60;
    enum mc_status rc = http_form_gather(st, &a, &d, k, lang, now, &f, &err);
    if (rc == MC_OK) {
        rc = forms_render(&f.doc, &pdf, &len, &err);
    }
    http_form_data_release(&f);
    mc_arena_release(&a);
    if (rc != MC_OK) {
        fprintf(stderr, "motcua form: %s\n", err.msg);
        return 1;
    }
    int status = write_file(out, pdf, len);
    free(pdf);
    if (status == 0 && strcmp(out, "-") != 0) {
        printf("%s: %zu bytes\n", out, len);
    }
    return status;
}

int cmd_form(int argc, char **argv)
{
    if (argc > 1 && cli_is_help(argv[1])) {
        printf("usage: motcua form [--db PATH] [--config FILE] CODE FORM [--lang vi|en] -o FILE\n\n"
               "Writes a dossier's printable form as PDF (A5). CODE is the dossier code or\n"
               "its online reference; FORM is mau-01 (receipt and appointment), mau-02\n"
               "(request to supplement), mau-03 (refusal), mau-04 (apology and new\n"
               "appointment) or mau-05 (process control slip). FILE '-' is standard output.\n"
               "A form that does not apply to the dossier is an error that says why.\n"
               "--lang en writes the English courtesy translation (the Vietnamese form,\n"
               "the default, is the legal document).\n");
        return 0;
    }
    struct cfg cfg;
    int next = cli_config(&cfg, argc, argv, false, NULL);
    const char *args[2] = { NULL, NULL }, *out = NULL;
    enum forms_lang lang = FORMS_VI;
    size_t n = 0;
    for (int i = next; next >= 0 && i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            if (!forms_lang_parse(argv[++i], &lang)) {
                fprintf(stderr, "motcua form: --lang must be vi or en, not '%s'\n", argv[i]);
                next = -1;
            }
        } else if (argv[i][0] == '-' || n == 2) {
            fprintf(stderr, "motcua form: unexpected argument '%s' (see --help)\n", argv[i]);
            next = -1;
        } else {
            args[n++] = argv[i];
        }
    }
    enum forms_kind k = forms_kind_parse(args[1]);
    if (next >= 0 && (n != 2 || out == NULL)) {
        fprintf(stderr, "motcua form: give CODE, FORM and -o FILE (see --help)\n");
        next = -1;
    } else if (next >= 0 && (k == FORMS_NONE || k == FORMS_MAU06)) {
        fprintf(stderr, "motcua form: no form '%s': the forms are mau-01 to mau-05\n", args[1]);
        next = -1;
    }
    if (next < 0) {
        cfg_release(&cfg);
        return 2;
    }
    struct store *st = cli_open_db(&cfg, false);
    cfg_release(&cfg);
    if (st == NULL) {
        return 1;
    }
    int status = render(st, args[0], k, lang, out);
    store_close(st);
    return status;
}
