/* The BPMN importer on arbitrary bytes: parse (libxml2 and the subset
 * checks) then the process rules. Every input must be accepted or reported,
 * never crash or leak; an accepted one must export and re-import equal. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/arena.h"
#include "bpmn/bpmn.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct mc_arena a;
    mc_arena_init(&a);
    struct bpmn_model m;
    struct core_time_limit limit = { .halves = 60, .unit = CORE_WORKING_DAYS };
    if (bpmn_parse_mem((const char *)data, size, &a, &m, NULL) == MC_OK &&
        bpmn_check(&m, limit, &a, NULL, NULL) == MC_OK) {
        struct mc_buf xml;
        mc_buf_init(&xml, 0);
        if (bpmn_write(&m.process, &xml, NULL) == MC_OK) {
            struct bpmn_model again;
            if (bpmn_parse_mem(xml.data, xml.len, &a, &again, NULL) != MC_OK ||
                !core_process_equal(&m.process, &again.process)) {
                abort(); /* export then import must give the same definition */
            }
        }
        mc_buf_release(&xml);
    }
    mc_arena_release(&a);
    return 0;
}
