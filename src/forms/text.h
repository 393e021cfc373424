/* The fixed words of the forms in both languages: one table (text.c), one
 * row per label, Vietnamese and English side by side, so that the layout
 * code (render.c, body.c) is written once and a label cannot exist in one
 * language only (the one exception, forms_text_translation_only, is the
 * English line under the national motto). A row that is a printf format has the same conversions in
 * the same order in both columns (tests/unit/test_forms.c checks every row).
 * Some rows carry pango markup (<b>, <i>); values never do (fl_esc). */
#ifndef MC_FORMS_TEXT_H
#define MC_FORMS_TEXT_H

#include "forms/forms.h"

enum forms_text {
    /* render.c: header, code block, metadata */
    FT_MOTTO,
    FT_MOTTO_GLOSS,
    FT_CODE_LINE,
    FT_QR_HINT,
    FT_SUBJECT,
    /* shared by the bodies */
    FT_ADDRESS,
    FT_PHONE,
    FT_EMAIL,
    FT_REQUEST,
    FT_SIGN,
    FT_SIGN_SEAL,
    FT_CONTACT,
    FT_CONTACT_PHONE,
    FT_APPLICANT_SIGNS,
    /* Mẫu 01 */
    FT_RECEIVED_FROM,
    FT_ID_NUMBER,
    FT_CHANNEL,
    FT_COMPONENTS_INTRO,
    FT_NO_COMPONENTS,
    FT_COL_NO,
    FT_COL_DOCUMENT,
    FT_COL_ORIGINAL,
    FT_COL_CERTIFIED,
    FT_COL_COPY,
    FT_SETS,
    FT_ONE_SET,
    FT_LIMIT,
    FT_RECEIVED_AT,
    FT_DUE_AT,
    FT_COLLECT_AT,
    FT_BRING_RECEIPT,
    FT_RECEIVER_SIGNS,
    /* Mẫu 02 */
    FT_RECEIVED_FROM_MR_MS,
    FT_COMPLETE_INTRO,
    FT_COL_MISSING,
    FT_REASON,
    FT_WHILE_COMPLETING,
    FT_GUIDE_SIGNS,
    /* Mẫu 03 */
    FT_SUBMITTED_AT,
    FT_REFUSAL,
    FT_REFUSAL_NOTICE,
    FT_WHILE_ACTING,
    FT_REFUSER_SIGNS,
    /* Mẫu 04 */
    FT_DEAR,
    FT_APOLOGY_RECEIVED,
    FT_APOLOGY_LATE,
    FT_APOLOGY_SORRY,
    FT_APOLOGY_THANKS,
    FT_AGENCY_SIGNS,
    /* Mẫu 05 */
    FT_ATTACHED_TO,
    FT_RECEIVED_ON,
    FT_APPOINTMENT,
    FT_HANDLING_UNIT,
    FT_CURRENT_STATUS,
    FT_COL_AGENCY,
    FT_COL_HANDOVER_TIME,
    FT_COL_RESULT,
    FT_COL_NOTE,
    FT_HANDOVER_PARTIES,
    FT_HANDOVER_PEOPLE,
    FT_THE_APPLICANT,
    /* Mẫu 06 */
    FT_PERIOD,
    FT_REG_NO,
    FT_REG_CODE,
    FT_REG_PROCEDURE,
    FT_REG_SETS,
    FT_REG_APPLICANT,
    FT_REG_CONTACT,
    FT_REG_RECEIVED,
    FT_REG_DUE,
    FT_REG_RETURNED,
    FT_REG_NOTE,
    FT_REG_EMPTY,
    FT_REG_APOLOGY,
    /* words.c: verdicts, channels */
    FT_EARLY,
    FT_ON_TIME,
    FT_LATE,
    FT_CHANNEL_DESK,
    FT_CHANNEL_ONLINE,
    FT_CHANNEL_POST,
    /* body.c: Mẫu 05, a handover that opened parallel branches */
    FT_OPENED,
    FT_COUNT
};

/* The row's text in `lang` (Vietnamese for an unknown language); "" for an
 * id outside the table. */
const char *forms_text(enum forms_lang lang, enum forms_text id);
/* true for the row that exists in the translation only (empty in
 * Vietnamese): the English line under the Vietnamese motto. */
bool forms_text_translation_only(enum forms_text id);

#endif
