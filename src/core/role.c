#include "core/role.h"

#include <string.h>

static const char *const names[ROLE_COUNT][2] = {
    [ROLE_DIRECTOR] = { "director", "Giám đốc" },
    [ROLE_DEPUTY_DIRECTOR] = { "deputy_director", "Phó Giám đốc" },
    [ROLE_HEAD] = { "head", "Trưởng phòng" },
    [ROLE_DEPUTY_HEAD] = { "deputy_head", "Phó Trưởng phòng" },
    [ROLE_SPECIALIST] = { "specialist", "Chuyên viên" },
    [ROLE_RECEPTION] = { "reception", "Cán bộ một cửa" },
    [ROLE_CLERK] = { "clerk", "Văn thư" },
    [ROLE_CONTROL] = { "control", "Tổ kiểm soát" },
    [ROLE_STEERING] = { "steering", "Ban Chỉ đạo" },
    [ROLE_ADMIN] = { "admin", "Quản trị hệ thống" },
};

const char *core_role_name(enum core_role r)
{
    return r < ROLE_COUNT ? names[r][0] : "unknown";
}

const char *core_role_title_vi(enum core_role r)
{
    return r < ROLE_COUNT ? names[r][1] : "?";
}

bool core_role_parse(const char *name, enum core_role *out)
{
    for (unsigned i = 0; i < ROLE_COUNT; i++) {
        if (strcmp(names[i][0], name) == 0) {
            *out = (enum core_role)i;
            return true;
        }
    }
    return false;
}
