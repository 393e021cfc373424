/* Roles of the agency's people (R18, domain.md §1.1). A person holds roles in
 * units; masks combine roles for permission checks. Pure: no I/O. */
#ifndef MC_CORE_ROLE_H
#define MC_CORE_ROLE_H

#include <stdbool.h>

enum core_role {
    ROLE_DIRECTOR,        /* Giám đốc */
    ROLE_DEPUTY_DIRECTOR, /* Phó Giám đốc: in charge of a set of units */
    ROLE_HEAD,            /* Trưởng phòng / Trưởng đơn vị */
    ROLE_DEPUTY_HEAD,     /* Phó Trưởng phòng */
    ROLE_SPECIALIST,      /* Chuyên viên */
    ROLE_RECEPTION,       /* Cán bộ Bộ phận Một cửa */
    ROLE_CLERK,           /* Văn thư */
    ROLE_CONTROL,         /* Tổ kiểm soát: reads everything, changes nothing */
    ROLE_STEERING,        /* Ban Chỉ đạo cải cách hành chính */
    ROLE_ADMIN,           /* Quản trị hệ thống */
    ROLE_COUNT
};

#define ROLE_BIT(r)            (1u << (r))
#define ROLE_MASK_LEADERS      (ROLE_BIT(ROLE_DIRECTOR) | ROLE_BIT(ROLE_DEPUTY_DIRECTOR))
#define ROLE_MASK_UNIT_LEADERS (ROLE_BIT(ROLE_HEAD) | ROLE_BIT(ROLE_DEPUTY_HEAD))
#define ROLE_MASK_ANY          ((1u << ROLE_COUNT) - 1)

/* "director", "deputy_director", … (the import and API names). */
const char *core_role_name(enum core_role r);
/* Vietnamese title, e.g. "Giám đốc". */
const char *core_role_title_vi(enum core_role r);
/* false when the name is unknown. */
bool core_role_parse(const char *name, enum core_role *out);

#endif
