// The SQL of the monthly conference, and nothing else.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "outreach/conference_model.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// A stored idempotency key: which action it made and the id of what it made.
struct StoredKey {
    std::string action;
    std::int64_t result_id = 0;
};

/// One encoded rendition of a photo.
struct PhotoVariant {
    std::string name;  ///< "640.webp"
    std::string content_type;
    int width = 0;
    int height = 0;
    std::string data;
};

/// Facts of a conference that its status needs, read in bulk for lists.
struct StatusRow {
    Conference conference;  ///< without topics, record details or photos
    std::optional<std::string> held_date;
    std::optional<std::int64_t> submitted_at;
};

/// Reads and writes the conference tables (and reads units).
/// The owner of an iCalendar feed: a unit, or a district cadre (a person) who attends on the district's rotation.
struct FeedOwner {
    std::int64_t id = 0;
    bool person = false;
};

class ConferenceStore {
public:
    /// A unit by id.
    std::optional<ConferenceUnit> FindUnit(db::Connection& c, std::int64_t id) const;
    /// Communes at or under `path` that exist during [from_ms, to_ms], in Vietnamese order.
    std::vector<ConferenceUnit> Communes(db::Connection& c, const std::string& path, std::int64_t from_ms,
                                         std::int64_t to_ms) const;
    /// Every deadline rule, oldest effective month first.
    std::vector<DeadlineRuleRow> Rules(db::Connection& c) const;
    /// Adds or replaces the rule effective from a month.
    std::int64_t SaveRule(db::Connection& c, const std::string& month, const DeadlineRule& rule, std::int64_t now,
                          const std::string& by) const;

    /// The key's earlier result, if any.
    std::optional<StoredKey> FindKey(db::Connection& c, std::int64_t account_id, const std::string& key) const;
    /// Remembers what a key made.
    void SaveKey(db::Connection& c, std::int64_t account_id, const std::string& key, const std::string& action,
                 std::int64_t result_id, std::int64_t now) const;

    /// The conference of a commune and month, if registered.
    std::optional<std::int64_t> FindConferenceId(db::Connection& c, std::int64_t unit_id,
                                                 const std::string& month) const;
    /// Inserts a registration with its planned topics.
    std::int64_t InsertConference(db::Connection& c, const Conference& conference) const;
    /// A conference with everything (topics, changes, record, photos); status not computed.
    std::optional<Conference> LoadConference(db::Connection& c, std::int64_t id) const;
    /// Conferences of communes under `path` for months in [from_month, to_month], with what the status needs.
    std::vector<StatusRow> StatusRows(db::Connection& c, const std::string& path, const std::string& from_month,
                                      const std::string& to_month) const;
    /// Conferences of the given communes in the months, for feeds of attending agencies.
    std::vector<StatusRow> StatusRowsOf(db::Connection& c, const std::vector<std::int64_t>& unit_ids,
                                        const std::string& from_month, const std::string& to_month) const;
    /// Conferences matching `where` (a condition on `c`, the conference, and `u`, its unit) with their
    /// records' dates and their changes.
    std::vector<StatusRow> StatusRowsQuery(db::Connection& c, const std::string& where,
                                           const std::vector<db::Value>& params) const;
    /// Moves the schedule, bumps sequence and version, and records the change; false when `version` is stale.
    bool ApplyChange(db::Connection& c, std::int64_t id, std::int64_t version, const ScheduleChange& change,
                     std::int64_t now) const;
    /// Writes the record (insert or update at `version`), its presented topics and opinions; false when stale.
    bool SaveRecord(db::Connection& c, std::int64_t conference_id, const ConferenceRecord& record,
                    std::optional<std::int64_t> version, std::int64_t now) const;
    /// Stores a photo and its variants.
    std::int64_t InsertPhoto(db::Connection& c, std::int64_t conference_id, const std::string& caption, int width,
                             int height, const std::vector<PhotoVariant>& variants, std::int64_t now,
                             const std::string& by) const;
    /// The conference a photo belongs to.
    std::optional<std::int64_t> PhotoConference(db::Connection& c, std::int64_t photo_id) const;
    /// The widest stored variant of the type not wider than `width` (or the narrowest): bytes.
    std::optional<std::string> PhotoBytes(db::Connection& c, std::int64_t photo_id, const std::string& content_type,
                                          std::int64_t width) const;
    /// Links the portal draft made from the record.
    void SetColumnItem(db::Connection& c, std::int64_t id, std::int64_t item_id, std::int64_t now) const;
    /// The feed token of a unit (or, with `person`, of a district cadre), if made.
    std::optional<std::string> FeedToken(db::Connection& c, const FeedOwner& owner) const;
    /// Stores a unit's or a cadre's feed token (a second one for the same owner is ignored).
    void InsertFeedToken(db::Connection& c, const FeedOwner& owner, const std::string& token, std::int64_t now) const;
    /// Whose feed a token is.
    std::optional<FeedOwner> FindFeedOwner(db::Connection& c, const std::string& token) const;
};

}  // namespace tuyenvan::outreach
