// SQL of the rotation's assignments (table outreach_rotation_assignments) and of what a proposal reads:
// the level's communes and agencies, and the conferences of the assigned communes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// A unit as the rotation needs it.
struct RotationUnit {
    std::int64_t id = 0;
    std::string level;
    std::string name;
    std::string full_name;
    std::string path;
    std::optional<std::int64_t> parent_id;
};

/// One stored attendance of a level's month. `agency_id` is a unit id (province level: a department) or a
/// person id (district level: a cadre), as `agency_is_person` says.
struct AssignmentRow {
    std::int64_t id = 0;
    std::int64_t level_unit_id = 0;
    std::string month;
    std::int64_t commune_id = 0;
    std::string commune_name;
    std::int64_t agency_id = 0;
    bool agency_is_person = false;
    std::string agency_name;
    bool pinned = false;
    /// JSON array of Vietnamese sentences.
    std::string reasons = "[]";
    std::string status;  ///< "draft" or "published"
    std::optional<std::int64_t> published_at;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
    /// The commune's conference of the month, when registered: current date and time, venue.
    std::string conference_date;
    std::string conference_time;
    std::string venue;
};

/// An agency a level may send: a department or a cadre.
struct AgencyRef {
    std::int64_t id = 0;
    std::string name;
};

/// The rotation's SQL; every function runs on the caller's connection.
class RotationStore {
public:
    std::optional<RotationUnit> FindUnit(db::Connection& c, std::int64_t id) const;
    /// Open communes under `path` (valid at `at_ms`), in tree order.
    std::vector<RotationUnit> Communes(db::Connection& c, const std::string& path, std::int64_t at_ms) const;
    /// The departments under a province, or the people of a district, by name.
    std::vector<AgencyRef> Agencies(db::Connection& c, const RotationUnit& level) const;
    /// A level's assignments of a month with one status, by commune name then agency name.
    std::vector<AssignmentRow> Month(db::Connection& c, std::int64_t level_id, const std::string& month,
                                     const std::string& status) const;
    /// Published assignments of a level in the months `from` to `to` (inclusive), for the history.
    std::vector<AssignmentRow> Published(db::Connection& c, std::int64_t level_id, const std::string& from,
                                         const std::string& to) const;
    /// Published assignments of an agency (unit or person) in the months `from` to `to`, by date.
    std::vector<AssignmentRow> OfAgency(db::Connection& c, std::int64_t agency_id, bool person,
                                        const std::string& from, const std::string& to) const;
    /// Deletes a level's rows of a month with a status; returns how many.
    std::int64_t Delete(db::Connection& c, std::int64_t level_id, const std::string& month,
                        const std::string& status) const;
    /// Inserts a row (its id, level, month, status and times as given).
    std::int64_t Insert(db::Connection& c, const AssignmentRow& row) const;

private:
    std::vector<AssignmentRow> Select(db::Connection& c, const std::string& where, std::span<const db::Value> params,
                                      const std::string& order) const;
};

}  // namespace tuyenvan::outreach
