/* The table of text.h: every fixed word of the forms, Vietnamese first,
 * English beside it. The Vietnamese is the legal document's wording
 * (docs/FORMS.md says where it is UNCONFIRMED); the English is a courtesy
 * translation that keeps the Vietnamese legal names beside the English
 * where a reader must match them to the law (titles, signature roles, the
 * national motto). Dates are day/month/year in both. */
#include "forms/text.h"

static const char *const TEXT[FT_COUNT][FORMS_NLANG] = {
    /* Quốc hiệu and Tiêu ngữ stay Vietnamese in both languages (NĐ 30/2020). */
    [FT_MOTTO] = { "<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>\n"
                   "<span size=\"larger\"><b>Độc lập - Tự do - Hạnh phúc</b></span>",
                   "<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>\n"
                   "<span size=\"larger\"><b>Độc lập - Tự do - Hạnh phúc</b></span>" },
    /* The English line under them; a Vietnamese form has none. */
    [FT_MOTTO_GLOSS] = { "", "<i>Socialist Republic of Viet Nam\n"
                             "Independence - Freedom - Happiness</i>" },
    [FT_CODE_LINE] = { "Mã hồ sơ: <b>%s</b>", "Dossier code (Mã hồ sơ): <b>%s</b>" },
    [FT_QR_HINT] = { "Quét mã QR hoặc dùng mã hồ sơ để tra cứu tình trạng giải quyết",
                     "Scan the QR code or use the dossier code to follow the dossier's progress" },
    [FT_SUBJECT] = { "Biểu mẫu theo Thông tư 01/2018/TT-VPCP",
                     "Form of Circular 01/2018/TT-VPCP (Thông tư 01/2018/TT-VPCP), "
                     "courtesy translation" },

    [FT_ADDRESS] = { "Địa chỉ", "Address" },
    [FT_PHONE] = { "Số điện thoại", "Phone" },
    [FT_EMAIL] = { "Email", "Email" },
    [FT_REQUEST] = { "Nội dung yêu cầu giải quyết", "Request" },
    [FT_SIGN] = { "<i>(Ký và ghi rõ họ tên)</i>", "<i>(Signature and full name)</i>" },
    [FT_SIGN_SEAL] = { "<i>(Ký, ghi rõ họ tên và đóng dấu)</i>",
                       "<i>(Signature, full name and seal)</i>" },
    [FT_CONTACT] = { "Trong quá trình %s nếu có vướng mắc, Ông/Bà liên hệ %s%s "
                     "để được hướng dẫn.",
                     "Should you have any difficulty %s, please contact %s%s for guidance." },
    [FT_CONTACT_PHONE] = { ", số điện thoại %s", ", phone %s" },
    [FT_APPLICANT_SIGNS] = { "NGƯỜI NỘP HỒ SƠ", "APPLICANT\n(Người nộp hồ sơ)" },

    [FT_RECEIVED_FROM] = { "%s tiếp nhận hồ sơ của", "%s received the dossier of" },
    [FT_ID_NUMBER] = { "Số giấy tờ tùy thân", "Identity document number" },
    [FT_CHANNEL] = { "Hình thức nộp", "Submitted" },
    [FT_COMPONENTS_INTRO] = { "1. Thành phần hồ sơ và số lượng mỗi loại giấy tờ gồm:",
                              "1. The dossier's components and the number of each document:" },
    [FT_NO_COMPONENTS] = { "<i>(Thủ tục không công bố danh mục thành phần hồ sơ.)</i>",
                           "<i>(The procedure publishes no list of components.)</i>" },
    [FT_COL_NO] = { "TT", "No." },
    [FT_COL_DOCUMENT] = { "Tên giấy tờ", "Document" },
    [FT_COL_ORIGINAL] = { "Bản chính", "Originals" },
    [FT_COL_CERTIFIED] = { "Bản sao chứng thực", "Certified copies" },
    [FT_COL_COPY] = { "Bản photo", "Photocopies" },
    [FT_SETS] = { "2. Số lượng hồ sơ", "2. Number of dossier sets" },
    [FT_ONE_SET] = { "01 bộ", "01 set" },
    [FT_LIMIT] = { "3. Thời gian giải quyết hồ sơ theo quy định", "3. Time limit set by law" },
    [FT_RECEIVED_AT] = { "4. Thời gian nhận hồ sơ", "4. Received at" },
    [FT_DUE_AT] = { "5. Thời gian trả kết quả giải quyết hồ sơ",
                    "5. The result will be returned at" },
    [FT_COLLECT_AT] = { "6. Nơi nhận kết quả", "6. Where to collect the result" },
    [FT_BRING_RECEIPT] = { "<i>Vào Sổ theo dõi hồ sơ điện tử theo mã hồ sơ. Khi đến nhận kết quả, "
                           "Ông/Bà mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả này.</i>",
                           "<i>Entered in the electronic dossier register under the dossier code. "
                           "Please bring this slip when you collect the result.</i>" },
    [FT_RECEIVER_SIGNS] = { "NGƯỜI TIẾP NHẬN HỒ SƠ", "RECEIVED BY\n(Người tiếp nhận hồ sơ)" },

    [FT_RECEIVED_FROM_MR_MS] = { "%s tiếp nhận hồ sơ của Ông/Bà", "%s received the dossier of" },
    [FT_COMPLETE_INTRO] = { "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:",
                            "You are requested to complete the dossier as follows:" },
    [FT_COL_MISSING] = { "Thành phần hồ sơ cần bổ sung, hoàn thiện",
                         "Components to supplement or complete" },
    [FT_REASON] = { "Lý do", "Reason" },
    [FT_WHILE_COMPLETING] = { "hoàn thiện hồ sơ", "while completing the dossier" },
    [FT_GUIDE_SIGNS] = { "NGƯỜI HƯỚNG DẪN", "GUIDED BY\n(Người hướng dẫn)" },

    [FT_SUBMITTED_AT] = { "Thời gian nộp", "Submitted at" },
    [FT_REFUSAL] = { "Qua xem xét, %s thông báo không tiếp nhận, giải quyết hồ sơ này "
                     "với lý do cụ thể như sau:",
                     "Having examined it, %s gives notice that it does not accept or process "
                     "this dossier, for the following reason:" },
    [FT_REFUSAL_NOTICE] = { "Xin thông báo cho Ông/Bà được biết và thực hiện.",
                            "We inform you of this for your information and action." },
    [FT_WHILE_ACTING] = { "thực hiện", "in acting on this notice" },
    [FT_REFUSER_SIGNS] = { "NGƯỜI TỪ CHỐI", "REFUSED BY\n(Người từ chối)" },

    [FT_DEAR] = { "Kính gửi Ông/Bà", "To" },
    [FT_APOLOGY_RECEIVED] = { "Ngày %s, %s tiếp nhận hồ sơ đề nghị giải quyết thủ tục <b>%s</b> "
                              "của Ông/Bà, mã hồ sơ <b>%s</b>. Thời gian hẹn trả kết quả giải "
                              "quyết hồ sơ: <b>%s</b>.",
                              "On %s, %s received your dossier for the procedure <b>%s</b>, "
                              "dossier code <b>%s</b>. The result was due at: <b>%s</b>." },
    [FT_APOLOGY_LATE] = { "Tuy nhiên đến nay, %s chưa trả kết quả giải quyết hồ sơ của Ông/Bà "
                          "đúng hẹn. Lý do: <b>%s</b>%s",
                          "However, %s has not returned the result of your dossier by the "
                          "appointment. Reason: <b>%s</b>%s" },
    [FT_APOLOGY_SORRY] = { "Sự chậm trễ này đã gây phiền hà cho Ông/Bà. %s trân trọng xin lỗi "
                           "Ông/Bà và hẹn lại thời gian trả kết quả giải quyết hồ sơ vào: "
                           "<b>%s</b>.",
                           "This delay has caused you inconvenience. %s sincerely apologises "
                           "and sets a new appointment for the result: <b>%s</b>." },
    [FT_APOLOGY_THANKS] = { "Xin trân trọng cảm ơn sự hợp tác của Ông/Bà.",
                            "Thank you for your cooperation." },
    [FT_AGENCY_SIGNS] = { "ĐẠI DIỆN CƠ QUAN, ĐƠN VỊ",
                          "FOR THE AGENCY\n(Đại diện cơ quan, đơn vị)" },

    [FT_ATTACHED_TO] = { "Kèm theo hồ sơ của", "Attached to the dossier of" },
    [FT_RECEIVED_ON] = { "Ngày nhận", "Received" },
    [FT_APPOINTMENT] = { "Ngày, giờ hẹn trả kết quả", "Appointment for the result" },
    [FT_HANDLING_UNIT] = { "Cơ quan (bộ phận) giải quyết hồ sơ", "Agency (unit) handling it" },
    [FT_CURRENT_STATUS] = { "Tình trạng hiện nay", "Current status" },
    [FT_COL_AGENCY] = { "TÊN CƠ QUAN", "AGENCY" },
    [FT_COL_HANDOVER_TIME] = { "THỜI GIAN GIAO, NHẬN HỒ SƠ", "TIME OF HANDOVER" },
    [FT_COL_RESULT] = { "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ đúng hạn/ quá hạn)",
                        "RESULT (Early/ on time/ late)" },
    [FT_COL_NOTE] = { "GHI CHÚ", "NOTE" },
    [FT_HANDOVER_PARTIES] = { "1. Giao: %s\n2. Nhận: %s", "1. From: %s\n2. To: %s" },
    [FT_HANDOVER_PEOPLE] = { "%s\nNgười giao: %s\nNgười nhận: %s",
                             "%s\nHanded over by: %s\nReceived by: %s" },
    [FT_THE_APPLICANT] = { "Tổ chức, cá nhân", "The applicant" },

    [FT_PERIOD] = { "<i>Từ %s đến %s</i>", "<i>From %s to %s</i>" },
    [FT_REG_NO] = { "STT", "No." },
    [FT_REG_CODE] = { "Mã hồ sơ", "Dossier code" },
    [FT_REG_PROCEDURE] = { "Tên thủ tục hành chính", "Administrative procedure" },
    [FT_REG_SETS] = { "Số lượng hồ sơ (bộ)", "Sets" },
    [FT_REG_APPLICANT] = { "Tên cá nhân, tổ chức", "Applicant" },
    [FT_REG_CONTACT] = { "Địa chỉ, số điện thoại", "Address, phone" },
    [FT_REG_RECEIVED] = { "Nhận hồ sơ", "Received" },
    [FT_REG_DUE] = { "Hẹn trả kết quả", "Appointment" },
    [FT_REG_RETURNED] = { "Trả kết quả", "Returned" },
    [FT_REG_NOTE] = { "Ghi chú", "Note" },
    [FT_REG_EMPTY] = { "<i>Không có hồ sơ nào được tiếp nhận trong kỳ.</i>",
                       "<i>No dossier was received in this period.</i>" },
    [FT_REG_APOLOGY] = { "Có phiếu xin lỗi, hẹn lại", "Apology and new appointment given" },

    /* The verdicts as the staff interface names them (web/src/i18n). */
    [FT_EARLY] = { "Trước hạn", "Early" },
    [FT_ON_TIME] = { "Đúng hạn", "On time" },
    [FT_LATE] = { "Quá hạn", "Late" },
    [FT_CHANNEL_DESK] = { "Trực tiếp", "In person" },
    [FT_CHANNEL_ONLINE] = { "Trực tuyến", "Online" },
    [FT_CHANNEL_POST] = { "Qua dịch vụ bưu chính công ích", "By public postal service" },
    [FT_OPENED] = { "Mở song song: %s", "Started in parallel: %s" },
};

bool forms_text_translation_only(enum forms_text id)
{
    return id == FT_MOTTO_GLOSS;
}

const char *forms_text(enum forms_lang lang, enum forms_text id)
{
    if ((int)id < 0 || id >= FT_COUNT) {
        return "";
    }
    const char *s = TEXT[id][lang == FORMS_EN ? FORMS_EN : FORMS_VI];
    return s ? s : "";
}
