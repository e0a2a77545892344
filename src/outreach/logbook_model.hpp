// Plain types of the outreach logbook (sổ nhật ký tuyên vận): what each committee and team did, day by day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::outreach {

/// How the activity reached people.
enum class ActivityForm { kMeeting, kHomeVisit, kLoudspeaker, kCulturalEvent, kOnline };

/// Every form, in display order.
const std::vector<ActivityForm>& AllActivityForms();
/// Machine name ("home_visit").
std::string_view ActivityFormName(ActivityForm form);
/// Vietnamese label ("Đến từng hộ gia đình").
std::string_view ActivityFormLabel(ActivityForm form);
/// Parses a machine name.
std::optional<ActivityForm> ParseActivityForm(std::string_view name);

/// One line of a logbook.
struct LogbookEntry {
    std::int64_t id = 0;
    std::int64_t body_id = 0;
    std::string body_name;
    std::optional<std::int64_t> commune_id;
    std::optional<std::int64_t> village_id;
    std::string village_name;  ///< empty without a village
    std::string day;           ///< ISO yyyy-mm-dd
    ActivityForm form = ActivityForm::kMeeting;
    std::string topic;
    std::int64_t households = 0;
    std::int64_t people = 0;
    std::string opinions;
    std::string follow_up;
    std::string written_by;
    std::string client_key;  ///< the sender's idempotency key
    std::string created_by;  ///< login of the account that sent it
    std::int64_t created_at = 0;
    std::optional<std::int64_t> reviewed_at;
    std::string reviewed_by;
    std::string review_comment;
    std::int64_t version = 1;
};

/// Which entries of a list are wanted.
enum class ReviewFilter { kAll, kPending, kReviewed };

/// Filters of a logbook list.
struct LogbookQuery {
    std::string month;  ///< "yyyy-mm"; empty: any
    std::string form;   ///< machine name of an ActivityForm; empty: any
    ReviewFilter review = ReviewFilter::kAll;
    std::optional<std::int64_t> body_id;  ///< for a commune's list: one of its bodies only
    std::int64_t page = 1;
    std::int64_t per_page = 30;
};

/// One commune's line of the counts: a cell per month, oldest first, and the totals.
struct CommuneCounts {
    std::int64_t commune_id = 0;
    std::string commune_name;
    std::string district_name;
    struct Cell {
        std::int64_t entries = 0;
        std::int64_t households = 0;
        std::int64_t people = 0;
    };
    std::vector<Cell> months;
    Cell total;
};

/// Counts per commune and month of a district or the province.
struct LogbookCounts {
    std::vector<std::string> months;  ///< "yyyy-mm", oldest first
    std::vector<CommuneCounts> communes;
    CommuneCounts::Cell total;
};

}  // namespace tuyenvan::outreach
