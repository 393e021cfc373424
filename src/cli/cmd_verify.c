/* motcua verify: the handover log's hash chain of every dossier, and the
 * counters against a recount from the events. Exit 1 at the first broken
 * link (named: dossier, event, why) or any counter mismatch. */
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/common.h"
#include "engine/engine.h"
#include "http/engine_ctx.h"
#include "store/store_dossier.h"

int cmd_verify(int argc, char **argv)
{
    if (argc > 1 && cli_is_help(argv[1])) {
        printf("usage: motcua verify [--db PATH] [--config FILE]\n\n"
               "Checks the hash chain of every dossier's handover log and reports the\n"
               "first broken link; recounts the statistics counters from the events.\n"
               "Exit status 0 when everything verifies, 1 otherwise.\n");
        return 0;
    }
    struct cfg cfg;
    int next = cli_config(&cfg, argc, argv, false, NULL);
    if (next < 0 || next != argc) {
        if (next >= 0) {
            fprintf(stderr, "motcua verify: unexpected argument '%s'\n", argv[next]);
        }
        cfg_release(&cfg);
        return 2;
    }
    struct store *st = cli_open_db(&cfg, false);
    cfg_release(&cfg);
    if (st == NULL) {
        return 1;
    }
    struct engine e = { .hash = http_handover_hash };
    struct mc_err err;
    mc_err_clear(&err);
    int64_t bad = 0, checked = 0, mismatches = 0;
    uint64_t seq = 0;
    char why[200];
    int status = 0;
    if (engine_verify(&e, st, &bad, &seq, why, sizeof(why), &checked, &err) != MC_OK ||
        store_counters_check(st, &mismatches, &err) != MC_OK) {
        fprintf(stderr, "motcua verify: %s%s%s\n", err.msg, err.detail[0] ? ": " : "", err.detail);
        status = 1;
    } else if (bad != 0) {
        printf("broken: dossier %lld, event %llu: %s\n", (long long)bad, (unsigned long long)seq,
               why);
        status = 1;
    } else if (mismatches != 0) {
        printf("chain ok (%lld events); counters differ from the events in %lld rows\n",
               (long long)checked, (long long)mismatches);
        status = 1;
    } else {
        printf("ok: %lld events verify; counters agree with the events\n", (long long)checked);
    }
    store_close(st);
    return status;
}
