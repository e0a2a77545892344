// The SQL of supervision (reminders, reprimands, districts and heads), and nothing else. The conference
// facts of the boards are read through ConferenceStore.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "outreach/supervision_model.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// A district as the boards group by it.
struct DistrictRef {
    std::int64_t id = 0;
    std::string name;  ///< full name ("Huyện Bát Xát")
};

/// Reads and writes outreach_reminders and outreach_reprimands.
class SupervisionStore {
public:
    /// Districts at or under `path`, in Vietnamese order.
    std::vector<DistrictRef> Districts(db::Connection& c, const std::string& path) const;
    /// Reminders of communes under `path` for months in [from_month, to_month], oldest first.
    std::vector<Reminder> Reminders(db::Connection& c, const std::string& path, const std::string& from_month,
                                    const std::string& to_month) const;
    /// Reprimands of communes under `path` for months in [from_month, to_month], oldest first.
    std::vector<Reprimand> Reprimands(db::Connection& c, const std::string& path, const std::string& from_month,
                                      const std::string& to_month) const;
    /// Every reminder of a unit, newest first.
    std::vector<Reminder> UnitReminders(db::Connection& c, std::int64_t unit_id) const;
    /// Every reprimand of a unit, newest first.
    std::vector<Reprimand> UnitReprimands(db::Connection& c, std::int64_t unit_id) const;
    /// A reminder by id.
    std::optional<Reminder> FindReminder(db::Connection& c, std::int64_t id) const;
    /// A reprimand by id.
    std::optional<Reprimand> FindReprimand(db::Connection& c, std::int64_t id) const;
    /// Stores a reminder; returns its id.
    std::int64_t InsertReminder(db::Connection& c, const Reminder& reminder, const std::string& key) const;
    /// Stores a reprimand; returns its id.
    std::int64_t InsertReprimand(db::Connection& c, const Reprimand& reprimand, const std::string& key) const;
    /// The current head of the commune's open committee: person id and full name.
    std::optional<std::pair<std::int64_t, std::string>> CurrentHead(db::Connection& c, std::int64_t unit_id) const;
};

}  // namespace tuyenvan::outreach
