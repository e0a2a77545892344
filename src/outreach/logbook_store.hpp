// The SQL of the outreach logbooks, and nothing else; every rule lives in LogbookService.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "outreach/logbook_model.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// A page of entries and how many match in all.
struct EntryPage {
    std::vector<LogbookEntry> items;
    std::int64_t total = 0;
};

/// Reads and writes of outreach_logbook_entries.
class LogbookStore {
public:
    /// An entry by id.
    std::optional<LogbookEntry> Find(db::Connection& c, std::int64_t entry_id) const;
    /// The entry sent with this idempotency key, if any.
    std::optional<LogbookEntry> FindByKey(db::Connection& c, const std::string& client_key) const;
    /// Inserts an entry; returns its id. A repeated client key is a unique violation.
    std::int64_t Insert(db::Connection& c, const LogbookEntry& entry, std::int64_t now) const;
    /// Marks an entry reviewed when `version` is still the stored one; false otherwise.
    bool Review(db::Connection& c, std::int64_t entry_id, std::int64_t version, const std::string& login,
                const std::string& comment, std::int64_t now) const;

    /// Entries of one body (`body_id`) or of the bodies of one commune (`commune_id`), newest first.
    EntryPage List(db::Connection& c, std::optional<std::int64_t> body_id, std::optional<std::int64_t> commune_id,
                   const LogbookQuery& query) const;
    /// Entries of one body, or of every body whose unit lies under `unit_path`, from `from_day` to `to_day`
    /// (ISO, inclusive) in date order; at most `limit`.
    std::vector<LogbookEntry> Range(db::Connection& c, std::optional<std::int64_t> body_id,
                                    const std::string& unit_path, const std::string& from_day,
                                    const std::string& to_day, std::int64_t limit) const;
    /// Entries, households and people per commune under `unit_path` and month, from `from_day` to `to_day`:
    /// (commune id, "yyyy-mm", cell), in one grouped query.
    std::vector<std::tuple<std::int64_t, std::string, CommuneCounts::Cell>> Counts(
        db::Connection& c, const std::string& unit_path, const std::string& from_day, const std::string& to_day) const;
};

}  // namespace tuyenvan::outreach
