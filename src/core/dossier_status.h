/* dossier_status - where a dossier stands: the national status code of the
 * public-service portal (TT 22/2019/TT-BTTTT Điều 4, Phụ lục I; domain.md
 * §1.9) plus the engine's internal stage inside that status.
 *
 * The national code is what the applicant and the portal see; the stage is
 * what the engine needs to decide which action is possible next. */
#ifndef MC_CORE_DOSSIER_STATUS_H
#define MC_CORE_DOSSIER_STATUS_H

#include <stdbool.h>

/* TrangThaiHoSo. ENG_ST_NONE is not a national code: it is a dossier being
 * examined at the counter that has no record yet (a paper dossier found
 * incomplete never gets one: NĐ 61 Điều 17.1, guidance only). */
enum eng_status {
    ENG_ST_NONE = 0,
    ENG_ST_NEW = 1,          /* Mới đăng ký */
    ENG_ST_ACCEPTED = 2,     /* Được tiếp nhận */
    ENG_ST_NOT_ACCEPTED = 3, /* Không được tiếp nhận */
    ENG_ST_PROCESSING = 4,   /* Đang xử lý */
    ENG_ST_SUPPLEMENT = 5,   /* Yêu cầu bổ sung giấy tờ */
    ENG_ST_FINANCIAL = 6,    /* Yêu cầu thực hiện nghĩa vụ tài chính */
    ENG_ST_WITHDRAWN = 7,    /* Công dân yêu cầu rút hồ sơ */
    ENG_ST_STOPPED = 8,      /* Dừng xử lý */
    ENG_ST_DONE = 9,         /* Đã xử lý xong */
    ENG_ST_RETURNED = 10,    /* Đã trả kết quả */
};
#define ENG_ST_COUNT 11

/* The internal sub-step inside a national status. */
enum eng_stage {
    ENG_STAGE_NONE,            /* statuses 0, 1, 2 and the terminal ones */
    ENG_STAGE_IN_STEP,         /* 4: at a process step, worked by the unit or its holder */
    ENG_STAGE_CONSULTING,      /* 4: the step waits for consulted units (lấy ý kiến) */
    ENG_STAGE_OTHER_AGENCY,    /* 4: sent to another agency (liên thông) */
    ENG_STAGE_DESK_SUPPLEMENT, /* 5: online dossier sent back by the desk before acceptance */
    ENG_STAGE_STEP_SUPPLEMENT, /* 5: supplement requested after appraisal (Điều 19.4) */
    ENG_STAGE_AT_DESK,         /* 9: result back at the one-stop desk, waiting for the applicant */
};

/* The national code's number (1–10; 0 for ENG_ST_NONE). */
int eng_status_code(enum eng_status s);
/* false when `code` is not 0–10. */
bool eng_status_from_code(int code, enum eng_status *out);
/* Vietnamese name exactly as the portal list (domain.md §1.9). */
const char *eng_status_name_vi(enum eng_status s);
/* The same in English (the printed English forms; web/src/i18n/en.json). */
const char *eng_status_name_en(enum eng_status s);
/* Stable English key for the API: "new", "accepted", … */
const char *eng_status_key(enum eng_status s);
const char *eng_stage_key(enum eng_stage s);
/* 3, 7, 8 and 10: no action leaves a terminal status. */
bool eng_status_is_terminal(enum eng_status s);
/* 5 and 6: the dossier waits for the applicant; its clock is paused. */
bool eng_status_waits_for_applicant(enum eng_status s);

#endif
