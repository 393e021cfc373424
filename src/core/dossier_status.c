#include "core/dossier_status.h"

static const char *const names_vi[ENG_ST_COUNT] = {
    [ENG_ST_NONE] = "Chưa tiếp nhận",
    [ENG_ST_NEW] = "Mới đăng ký",
    [ENG_ST_ACCEPTED] = "Được tiếp nhận",
    [ENG_ST_NOT_ACCEPTED] = "Không được tiếp nhận",
    [ENG_ST_PROCESSING] = "Đang xử lý",
    [ENG_ST_SUPPLEMENT] = "Yêu cầu bổ sung giấy tờ",
    [ENG_ST_FINANCIAL] = "Yêu cầu thực hiện nghĩa vụ tài chính",
    [ENG_ST_WITHDRAWN] = "Công dân yêu cầu rút hồ sơ",
    [ENG_ST_STOPPED] = "Dừng xử lý",
    [ENG_ST_DONE] = "Đã xử lý xong",
    [ENG_ST_RETURNED] = "Đã trả kết quả",
};

/* The same names in English, as the staff interface shows them
 * (web/src/i18n/en.json "dossierStatus"; tests/unit/test_forms.c compares). */
static const char *const names_en[ENG_ST_COUNT] = {
    [ENG_ST_NONE] = "Not received",
    [ENG_ST_NEW] = "Newly submitted",
    [ENG_ST_ACCEPTED] = "Received",
    [ENG_ST_NOT_ACCEPTED] = "Not accepted",
    [ENG_ST_PROCESSING] = "In progress",
    [ENG_ST_SUPPLEMENT] = "Supplement requested",
    [ENG_ST_FINANCIAL] = "Payment requested",
    [ENG_ST_WITHDRAWN] = "Withdrawn by the applicant",
    [ENG_ST_STOPPED] = "Stopped",
    [ENG_ST_DONE] = "Processed",
    [ENG_ST_RETURNED] = "Result returned",
};

static const char *const keys[ENG_ST_COUNT] = {
    [ENG_ST_NONE] = "none",
    [ENG_ST_NEW] = "new",
    [ENG_ST_ACCEPTED] = "accepted",
    [ENG_ST_NOT_ACCEPTED] = "not_accepted",
    [ENG_ST_PROCESSING] = "processing",
    [ENG_ST_SUPPLEMENT] = "supplement",
    [ENG_ST_FINANCIAL] = "financial",
    [ENG_ST_WITHDRAWN] = "withdrawn",
    [ENG_ST_STOPPED] = "stopped",
    [ENG_ST_DONE] = "done",
    [ENG_ST_RETURNED] = "returned",
};

static bool in_range(enum eng_status s)
{
    return (int)s >= 0 && (int)s < ENG_ST_COUNT;
}

int eng_status_code(enum eng_status s)
{
    return (int)s;
}

bool eng_status_from_code(int code, enum eng_status *out)
{
    if (code < 0 || code >= ENG_ST_COUNT) {
        return false;
    }
    *out = (enum eng_status)code;
    return true;
}

const char *eng_status_name_vi(enum eng_status s)
{
    return in_range(s) ? names_vi[s] : "?";
}

const char *eng_status_name_en(enum eng_status s)
{
    return in_range(s) ? names_en[s] : "?";
}

const char *eng_status_key(enum eng_status s)
{
    return in_range(s) ? keys[s] : "unknown";
}

const char *eng_stage_key(enum eng_stage s)
{
    switch (s) {
    case ENG_STAGE_NONE:
        return "none";
    case ENG_STAGE_IN_STEP:
        return "in_step";
    case ENG_STAGE_CONSULTING:
        return "consulting";
    case ENG_STAGE_OTHER_AGENCY:
        return "other_agency";
    case ENG_STAGE_DESK_SUPPLEMENT:
        return "desk_supplement";
    case ENG_STAGE_STEP_SUPPLEMENT:
        return "step_supplement";
    case ENG_STAGE_AT_DESK:
        return "at_desk";
    }
    return "unknown";
}

bool eng_status_is_terminal(enum eng_status s)
{
    switch (s) {
    case ENG_ST_NOT_ACCEPTED:
    case ENG_ST_WITHDRAWN:
    case ENG_ST_STOPPED:
    case ENG_ST_RETURNED:
        return true;
    case ENG_ST_NONE:
    case ENG_ST_NEW:
    case ENG_ST_ACCEPTED:
    case ENG_ST_PROCESSING:
    case ENG_ST_SUPPLEMENT:
    case ENG_ST_FINANCIAL:
    case ENG_ST_DONE:
        return false;
    }
    return false;
}

bool eng_status_waits_for_applicant(enum eng_status s)
{
    return s == ENG_ST_SUPPLEMENT || s == ENG_ST_FINANCIAL;
}
