// Rules and permissions of the outreach logbooks: every check happens here, on the server.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "org/service.hpp"
#include "outreach/bodies_model.hpp"
#include "outreach/bodies_store.hpp"
#include "outreach/logbook_model.hpp"
#include "outreach/logbook_store.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// What a person fills in for one entry; numbers as typed, so the service can answer in Vietnamese.
struct EntryInput {
    std::string client_key;  ///< 8–64 letters, digits or '-', made by the sender (a UUID)
    std::string day;         ///< "dd/mm/yyyy" or "yyyy-mm-dd"
    std::optional<std::int64_t> village_id;
    std::string form;  ///< machine name of an ActivityForm
    std::string topic;
    std::string households;
    std::string people;
    std::string opinions;
    std::string follow_up;
    std::string written_by;  ///< empty: the sender's name
};

/// The outcome of a submission: the entry, and whether it had been stored before under the same key.
struct Submitted {
    LogbookEntry entry;
    bool replayed = false;
};

/// A body with its unit and what the principal may do with its logbook.
struct LogbookBody {
    Body body;
    UnitRef unit;
    bool can_write = false;
    bool can_review = false;
};

/// Most entries one export or print holds.
inline constexpr std::int64_t kMaxExportRows = 100000;

/// The service of the logbooks. Errors are org::ServiceError.
///
/// Reading needs kOutreachRead on the body's unit (counts: on the unit asked for); writing kOutreachWrite on
/// the body's unit; reviewing kOutreachWrite on the body's commune (a team's commune, a commune committee's own
/// unit) or, for district and province committees, on the committee's unit.
class LogbookService {
public:
    LogbookService(db::Database& database, std::function<std::int64_t()> clock);

    /// A body with its unit and the principal's rights on its logbook.
    LogbookBody GetBody(const org::Principal& principal, std::int64_t body_id);
    /// The villages an entry of the body may name: a team's own village, a commune committee's villages.
    std::vector<UnitRef> Villages(const org::Principal& principal, std::int64_t body_id);
    /// A body's entries, newest first.
    org::Page<LogbookEntry> List(const org::Principal& principal, std::int64_t body_id, LogbookQuery query);
    /// One entry.
    LogbookEntry Get(const org::Principal& principal, std::int64_t entry_id);
    /// True when the principal may review the entry.
    bool CanReview(const org::Principal& principal, const LogbookEntry& entry);
    /// Writes an entry. A key sent before answers the entry stored then and writes nothing (a key of another
    /// body is refused). The day may be neither after today nor before the body was established.
    Submitted Submit(const org::Actor& actor, std::int64_t body_id, const EntryInput& input);
    /// Marks an entry reviewed with an optional comment (up to 1000 characters); reviewing again replaces the
    /// comment. `version` is the one the page was built from (stale: kConflict, nothing written).
    LogbookEntry Review(const org::Actor& actor, std::int64_t entry_id, std::int64_t version,
                        const std::string& comment);

    /// A commune's entries of all its bodies (committee and teams), newest first.
    std::pair<UnitRef, org::Page<LogbookEntry>> ListCommune(const org::Principal& principal, std::int64_t unit_id,
                                                            LogbookQuery query);
    /// The bodies of a commune (its committee, then its teams), for the list's filter.
    std::vector<Body> CommuneBodies(const org::Principal& principal, std::int64_t unit_id);
    /// Counts per commune and month under a unit, `from_month` to `to_month` ("yyyy-mm", at most 24 months;
    /// empty: the last six months).
    std::pair<UnitRef, LogbookCounts> Counts(const org::Principal& principal, std::int64_t unit_id,
                                             std::string from_month, std::string to_month);
    /// The entries of a body (`body_id`) or of every body under a unit (`unit_id`) in a period, in date order,
    /// for the spreadsheet and the printed book; at most kMaxExportRows.
    std::vector<LogbookEntry> Export(const org::Principal& principal, std::optional<std::int64_t> body_id,
                                     std::optional<std::int64_t> unit_id, const std::string& from_day,
                                     const std::string& to_day);
    /// A unit, after checking kOutreachRead on it.
    UnitRef GetUnit(const org::Principal& principal, std::int64_t unit_id);
    /// The standing body of a unit, if any.
    std::optional<Body> BodyOf(const org::Principal& principal, std::int64_t unit_id);

    /// "yyyy-mm" of a month typed as "yyyy-mm" or "mm/yyyy"; nothing when invalid.
    static std::optional<std::string> ParseMonth(const std::string& text);

private:
    Body LoadBody(db::Connection& c, std::int64_t body_id) const;
    UnitRef LoadUnit(db::Connection& c, std::int64_t unit_id) const;
    std::string ReviewPath(db::Connection& c, const Body& body, const UnitRef& unit) const;
    std::string Today() const;

    db::Database& database_;
    BodiesStore bodies_;
    LogbookStore store_;
    std::function<std::int64_t()> clock_;
};

/// JSON text of an entry, shared by the API and the audit log.
std::string ToJson(const LogbookEntry& entry);

}  // namespace tuyenvan::outreach
