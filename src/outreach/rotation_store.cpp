#include "outreach/rotation_store.hpp"

namespace tuyenvan::outreach {

std::optional<RotationUnit> RotationStore::FindUnit(db::Connection& c, std::int64_t id) const {
    auto rows = c.Query("SELECT id, level, name, full_name, path, parent_id FROM units WHERE id = $1", {id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return RotationUnit{rows.Int(0, 0), rows.String(0, 1), rows.String(0, 2), rows.String(0, 3), rows.String(0, 4),
                        rows.OptInt(0, 5)};
}

std::vector<RotationUnit> RotationStore::Communes(db::Connection& c, const std::string& path,
                                                  std::int64_t at_ms) const {
    auto rows = c.Query(
        "SELECT id, level, name, full_name, path, parent_id FROM units WHERE level = 'commune' AND path LIKE $1 AND "
        "(valid_from IS NULL OR valid_from <= $2) AND (valid_to IS NULL OR valid_to >= $2) ORDER BY sort_key",
        {path + "%", at_ms});
    std::vector<RotationUnit> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(RotationUnit{rows.Int(i, 0), rows.String(i, 1), rows.String(i, 2), rows.String(i, 3),
                                   rows.String(i, 4), rows.OptInt(i, 5)});
    }
    return out;
}

std::vector<AgencyRef> RotationStore::Agencies(db::Connection& c, const RotationUnit& level) const {
    auto rows = level.level == "district"
                    ? c.Query("SELECT id, full_name FROM people WHERE unit_id = $1 ORDER BY sort_key, id", {level.id})
                    : c.Query("SELECT id, full_name FROM units WHERE level = 'department' AND path LIKE $1 AND "
                              "valid_to IS NULL ORDER BY sort_key, id",
                              {level.path + "%"});
    std::vector<AgencyRef> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(AgencyRef{rows.Int(i, 0), rows.String(i, 1)});
    }
    return out;
}

std::vector<AssignmentRow> RotationStore::Select(db::Connection& c, const std::string& where,
                                                 std::span<const db::Value> params, const std::string& order) const {
    std::string sql =
        "SELECT a.id, a.level_unit_id, a.month, a.commune_id, cu.full_name, a.agency_unit_id, a.agency_person_id, "
        "COALESCE(au.full_name, p.full_name), a.pinned, a.reasons, a.status, a.published_at, a.created_at, "
        "a.updated_at, a.version, oc.scheduled_date, oc.scheduled_time, oc.venue "
        "FROM outreach_rotation_assignments a JOIN units cu ON cu.id = a.commune_id "
        "LEFT JOIN units au ON au.id = a.agency_unit_id LEFT JOIN people p ON p.id = a.agency_person_id "
        "LEFT JOIN outreach_conferences oc ON oc.unit_id = a.commune_id AND oc.month = a.month WHERE " +
        where + " ORDER BY " + order;
    auto rows = c.Query(sql, params);
    std::vector<AssignmentRow> out;
    out.reserve(rows.Size());
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        AssignmentRow row;
        row.id = rows.Int(i, 0);
        row.level_unit_id = rows.Int(i, 1);
        row.month = rows.String(i, 2);
        row.commune_id = rows.Int(i, 3);
        row.commune_name = rows.String(i, 4);
        row.agency_is_person = rows.IsNull(i, 5);
        row.agency_id = row.agency_is_person ? rows.Int(i, 6) : rows.Int(i, 5);
        row.agency_name = rows.String(i, 7);
        row.pinned = rows.Int(i, 8) != 0;
        row.reasons = rows.String(i, 9);
        row.status = rows.String(i, 10);
        row.published_at = rows.OptInt(i, 11);
        row.created_at = rows.Int(i, 12);
        row.updated_at = rows.Int(i, 13);
        row.version = rows.Int(i, 14);
        row.conference_date = rows.String(i, 15);
        row.conference_time = rows.String(i, 16);
        row.venue = rows.String(i, 17);
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<AssignmentRow> RotationStore::Month(db::Connection& c, std::int64_t level_id, const std::string& month,
                                                const std::string& status) const {
    db::Value params[] = {level_id, month, status};
    return Select(c, "a.level_unit_id = $1 AND a.month = $2 AND a.status = $3", params,
                  "cu.sort_key, a.commune_id, COALESCE(au.sort_key, p.sort_key), a.id");
}

std::vector<AssignmentRow> RotationStore::Published(db::Connection& c, std::int64_t level_id, const std::string& from,
                                                    const std::string& to) const {
    db::Value params[] = {level_id, from, to};
    return Select(c, "a.level_unit_id = $1 AND a.status = 'published' AND a.month >= $2 AND a.month <= $3", params,
                  "a.month, a.commune_id, a.id");
}

std::vector<AssignmentRow> RotationStore::OfAgency(db::Connection& c, std::int64_t agency_id, bool person,
                                                   const std::string& from, const std::string& to) const {
    db::Value params[] = {agency_id, from, to};
    return Select(c,
                  std::string(person ? "a.agency_person_id" : "a.agency_unit_id") +
                      " = $1 AND a.status = 'published' AND a.month >= $2 AND a.month <= $3",
                  params, "a.month, oc.scheduled_date, cu.sort_key, a.id");
}

std::int64_t RotationStore::Delete(db::Connection& c, std::int64_t level_id, const std::string& month,
                                   const std::string& status) const {
    return c
        .Query("DELETE FROM outreach_rotation_assignments WHERE level_unit_id = $1 AND month = $2 AND status = $3",
               {level_id, month, status})
        .Affected();
}

std::int64_t RotationStore::Insert(db::Connection& c, const AssignmentRow& row) const {
    return c
        .Query("INSERT INTO outreach_rotation_assignments (level_unit_id, month, commune_id, agency_unit_id, "
               "agency_person_id, pinned, reasons, status, published_at, created_at, updated_at, version) "
               "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
               {row.level_unit_id, row.month, row.commune_id,
                row.agency_is_person ? db::Value(nullptr) : db::Value(row.agency_id),
                row.agency_is_person ? db::Value(row.agency_id) : db::Value(nullptr),
                std::int64_t{row.pinned ? 1 : 0}, row.reasons, row.status, db::Nullable(row.published_at),
                row.created_at, row.updated_at, row.version})
        .Int(0, 0);
}

}  // namespace tuyenvan::outreach
