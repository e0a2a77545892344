// Plain types of the supervision of the monthly conference: the month board, the year board, reminders,
// reprimands and the classification of weak areas.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "outreach/conference_model.hpp"
#include "outreach/conference_status.hpp"
#include "outreach/evaluation_model.hpp"

namespace tuyenvan::outreach {

/// A reminder sent to a commune about a month's conference.
struct Reminder {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::string unit_name;
    std::string month;  ///< "yyyy-mm"
    std::string reason;
    std::string sent_by;
    std::int64_t sent_at = 0;
    std::int64_t recipients = 0;
};

/// The two kinds of reprimand of a commune's head.
enum class ReprimandKind { kNhacNho, kPheBinh };

/// "nhac_nho" or "phe_binh".
std::string_view ReprimandKindName(ReprimandKind kind);
/// "Nhắc nhở" or "Phê bình".
std::string_view ReprimandKindLabel(ReprimandKind kind);
/// The kind of a machine name; nothing when unknown.
std::optional<ReprimandKind> ParseReprimandKind(std::string_view name);

/// A reprimand (nhắc nhở, phê bình) of the head of a commune.
struct Reprimand {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::string unit_name;
    ReprimandKind kind = ReprimandKind::kNhacNho;
    std::optional<std::int64_t> person_id;  ///< the head of the commune's committee, when there was one
    std::string person_name;
    std::string reason;
    std::string document_number;  ///< empty when none
    std::string decided_on;       ///< "yyyy-mm-dd"
    std::string month;            ///< the conference month it concerns
    std::string recorded_by;
    std::int64_t recorded_at = 0;
};

/// What an officer sends as a reminder.
struct ReminderInput {
    std::int64_t unit_id = 0;
    std::string month;  ///< "yyyy-mm" or "mm/yyyy"
    std::string reason;
};

/// What an officer records as a reprimand.
struct ReprimandInput {
    std::int64_t unit_id = 0;
    std::string kind;  ///< "nhac_nho" or "phe_binh"
    std::string reason;
    std::string document_number;
    std::string decided_on;  ///< "dd/mm/yyyy" or "yyyy-mm-dd"; empty: today
    std::string month;       ///< "yyyy-mm" or "mm/yyyy"; empty: the month of decided_on
};

/// A commune's conference of one month on a board.
struct BoardCell {
    std::string month;
    std::optional<std::int64_t> conference_id;  ///< absent when not registered
    StatusResult status;
};

/// A commune's line of the month board.
struct BoardLine {
    ConferenceUnit commune;
    std::int64_t district_id = 0;  ///< the commune's parent
    std::string district_name;
    BoardCell cell;
    std::vector<Reminder> reminders;    ///< of this month
    std::vector<Reprimand> reprimands;  ///< of this month
    std::vector<EvaluationDue> evaluations;  ///< the month's published attendances and their evaluations
    int missing_evaluations = 0;             ///< of `evaluations`, deadline passed and not filed
};

/// The month board of a district or of the province.
struct MonthBoard {
    ConferenceUnit unit;
    std::string month;
    std::vector<BoardLine> lines;            ///< by district (in Vietnamese order), then commune
    std::map<ConferenceStatus, int> counts;  ///< lines per status, before any filter
    int missing_evaluations = 0;             ///< attendances whose evaluation is missing, before any filter
    int awaited_evaluations = 0;             ///< attendances whose evaluation is still awaited
    int filed_evaluations = 0;
};

/// A commune's line of the year board.
struct YearLine {
    ConferenceUnit commune;
    std::int64_t district_id = 0;
    std::string district_name;
    std::vector<BoardCell> cells;  ///< one per month of `YearBoard::months`
};

/// The commune × month board of a year.
struct YearBoard {
    ConferenceUnit unit;
    int year = 0;
    std::vector<std::string> months;  ///< the 12 months "yyyy-mm"
    std::vector<YearLine> lines;
};

/// A short label of a status for a grid cell ("Đúng lịch").
std::string_view StatusShortLabel(ConferenceStatus status);

/// The class of a commune in the weak-area classification.
enum class WeakClass { kNoData, kGood, kAverage, kWeak, kVeryWeak };

/// Vietnamese label of a class ("Yếu").
std::string_view WeakClassLabel(WeakClass weak_class);
/// Machine name of a class ("weak").
std::string_view WeakClassName(WeakClass weak_class);
/// 0 normal (and no data), 1 weak, 2 very weak: what other parts (the rotation) use.
int WeakLevelOf(WeakClass weak_class);

/// The points of a month's status toward the compliance score; nothing for a month whose outcome is not yet
/// known (registered, changed, or not registered while the month runs). See kWeakRuleText.
std::optional<int> CompliancePoints(ConferenceStatus status);

/// The scores a classification combines.
struct WeakScores {
    std::optional<int> compliance;  ///< 0–100, average of the months' points
    std::optional<int> evaluation;  ///< 0–100, average of the period's evaluations (total ÷ maximum × 100)
};

/// The score classified: the compliance score while there is no evaluation score, else their average.
std::optional<int> CombinedScore(const WeakScores& scores);
/// The class of a combined score (see kWeakRuleText).
WeakClass ClassifyScore(std::optional<int> score);

/// The rule of the classification, as the page shows it.
inline constexpr std::string_view kWeakRuleText =
    "Điểm chấp hành của mỗi tháng: tổ chức đúng lịch 100 điểm (đổi lịch có báo trước rồi tổ chức đúng ngày mới "
    "cũng tính là đúng lịch); tổ chức muộn 70 điểm; tổ chức nhưng không có biên bản đúng hạn 40 điểm; không tổ "
    "chức 0 điểm. Tháng chưa có kết quả (đã đăng ký, đã đổi lịch hoặc chưa đăng ký khi tháng chưa hết) không tính. "
    "Điểm chấp hành của xã là trung bình các tháng được tính. Điểm đánh giá của xã là trung bình các phiếu đánh giá "
    "hội nghị của đơn vị dự trong các tháng xét, mỗi phiếu tính theo tỷ lệ tổng điểm trên điểm tối đa của bộ tiêu "
    "chí (quy về thang 100). Điểm xếp loại là trung bình cộng của điểm chấp hành và điểm đánh giá; xã chưa có phiếu "
    "đánh giá nào thì chỉ lấy điểm chấp hành. Xếp loại: dưới 40 điểm là Rất yếu, từ 40 đến dưới 60 là Yếu, từ 60 "
    "đến dưới 80 là Trung bình, từ 80 trở lên là Khá, tốt.";

/// A commune's place in the weak-area classification.
struct WeakArea {
    ConferenceUnit commune;
    std::int64_t district_id = 0;
    std::string district_name;
    WeakScores scores;
    std::optional<int> score;  ///< CombinedScore(scores)
    WeakClass weak_class = WeakClass::kNoData;
    int months_counted = 0;
    std::vector<BoardCell> cells;  ///< the months looked at, oldest first
};

/// The classification of a subtree's communes.
struct WeakAreas {
    ConferenceUnit unit;
    std::vector<std::string> months;  ///< the months looked at, oldest first
    std::vector<WeakArea> communes;   ///< weakest first, then in board order
};

/// A commune's reminders and reprimands.
struct UnitHistory {
    ConferenceUnit unit;
    std::string head_name;              ///< the current head of the commune's committee, or empty
    std::vector<Reminder> reminders;    ///< newest first
    std::vector<Reprimand> reprimands;  ///< newest first
};

}  // namespace tuyenvan::outreach
