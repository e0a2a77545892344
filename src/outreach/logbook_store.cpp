#include "outreach/logbook_store.hpp"

#include <tuple>

namespace tuyenvan::outreach {
namespace {

constexpr const char* kColumns =
    "e.id, e.body_id, b.name, e.commune_id, e.village_id, COALESCE(v.full_name, ''), e.day, e.form, e.topic, "
    "e.households, e.people, e.opinions, e.follow_up, e.written_by, e.client_key, e.created_by, e.created_at, "
    "e.reviewed_at, COALESCE(e.reviewed_by, ''), e.review_comment, e.version "
    "FROM outreach_logbook_entries e JOIN outreach_bodies b ON b.id = e.body_id "
    "LEFT JOIN units v ON v.id = e.village_id";

LogbookEntry Read(const db::Rows& rows, std::size_t i) {
    LogbookEntry entry;
    entry.id = rows.Int(i, 0);
    entry.body_id = rows.Int(i, 1);
    entry.body_name = rows.String(i, 2);
    entry.commune_id = rows.OptInt(i, 3);
    entry.village_id = rows.OptInt(i, 4);
    entry.village_name = rows.String(i, 5);
    entry.day = rows.String(i, 6);
    entry.form = ParseActivityForm(rows.Text(i, 7)).value_or(ActivityForm::kMeeting);
    entry.topic = rows.String(i, 8);
    entry.households = rows.Int(i, 9);
    entry.people = rows.Int(i, 10);
    entry.opinions = rows.String(i, 11);
    entry.follow_up = rows.String(i, 12);
    entry.written_by = rows.String(i, 13);
    entry.client_key = rows.String(i, 14);
    entry.created_by = rows.String(i, 15);
    entry.created_at = rows.Int(i, 16);
    entry.reviewed_at = rows.OptInt(i, 17);
    entry.reviewed_by = rows.String(i, 18);
    entry.review_comment = rows.String(i, 19);
    entry.version = rows.Int(i, 20);
    return entry;
}

std::vector<LogbookEntry> ReadAll(const db::Rows& rows) {
    std::vector<LogbookEntry> out;
    out.reserve(rows.Size());
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(Read(rows, i));
    }
    return out;
}

std::string Param(std::vector<db::Value>& params, db::Value value) {
    params.push_back(std::move(value));
    return "$" + std::to_string(params.size());
}

}  // namespace

std::optional<LogbookEntry> LogbookStore::Find(db::Connection& c, std::int64_t entry_id) const {
    auto rows = c.Query(std::string("SELECT ") + kColumns + " WHERE e.id = $1", {entry_id});
    return rows.Empty() ? std::nullopt : std::optional(Read(rows, 0));
}

std::optional<LogbookEntry> LogbookStore::FindByKey(db::Connection& c, const std::string& client_key) const {
    auto rows = c.Query(std::string("SELECT ") + kColumns + " WHERE e.client_key = $1", {client_key});
    return rows.Empty() ? std::nullopt : std::optional(Read(rows, 0));
}

std::int64_t LogbookStore::Insert(db::Connection& c, const LogbookEntry& entry, std::int64_t now) const {
    return c
        .Query("INSERT INTO outreach_logbook_entries (body_id, commune_id, village_id, day, form, topic, households, "
               "people, opinions, follow_up, written_by, client_key, created_by, created_at, updated_at) "
               "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
               {entry.body_id, db::Nullable(entry.commune_id), db::Nullable(entry.village_id), entry.day,
                std::string(ActivityFormName(entry.form)), entry.topic, entry.households, entry.people,
                entry.opinions, entry.follow_up, entry.written_by, entry.client_key, entry.created_by, now})
        .Int(0, 0);
}

bool LogbookStore::Review(db::Connection& c, std::int64_t entry_id, std::int64_t version, const std::string& login,
                          const std::string& comment, std::int64_t now) const {
    return c
               .Query("UPDATE outreach_logbook_entries SET reviewed_at = $1, reviewed_by = $2, review_comment = $3, "
                      "updated_at = $1, version = version + 1 WHERE id = $4 AND version = $5",
                      {now, login, comment, entry_id, version})
               .Affected() == 1;
}

EntryPage LogbookStore::List(db::Connection& c, std::optional<std::int64_t> body_id,
                             std::optional<std::int64_t> commune_id, const LogbookQuery& query) const {
    std::vector<db::Value> params;
    std::string where = " WHERE ";
    if (body_id) {
        where += "e.body_id = " + Param(params, *body_id);
    } else {
        where += "e.commune_id = " + Param(params, commune_id.value_or(0));
        if (query.body_id) {
            where += " AND e.body_id = " + Param(params, *query.body_id);
        }
    }
    if (!query.month.empty()) {
        where += " AND e.day >= " + Param(params, query.month + "-01");
        where += " AND e.day <= " + Param(params, query.month + "-31");
    }
    if (!query.form.empty()) {
        where += " AND e.form = " + Param(params, query.form);
    }
    if (query.review == ReviewFilter::kPending) {
        where += " AND e.reviewed_at IS NULL";
    } else if (query.review == ReviewFilter::kReviewed) {
        where += " AND e.reviewed_at IS NOT NULL";
    }
    EntryPage out;
    out.total = c.Query("SELECT COUNT(*) FROM outreach_logbook_entries e" + where, std::span<const db::Value>(params))
                    .Int(0, 0);
    std::string limit = Param(params, query.per_page);
    std::string offset = Param(params, (query.page - 1) * query.per_page);
    out.items = ReadAll(c.Query(std::string("SELECT ") + kColumns + where + " ORDER BY e.day DESC, e.id DESC LIMIT " +
                                    limit + " OFFSET " + offset,
                                std::span<const db::Value>(params)));
    return out;
}

std::vector<LogbookEntry> LogbookStore::Range(db::Connection& c, std::optional<std::int64_t> body_id,
                                              const std::string& unit_path, const std::string& from_day,
                                              const std::string& to_day, std::int64_t limit) const {
    if (body_id) {
        return ReadAll(c.Query(std::string("SELECT ") + kColumns +
                                   " WHERE e.body_id = $1 AND e.day >= $2 AND e.day <= $3 ORDER BY e.day, e.id LIMIT $4",
                               {*body_id, from_day, to_day, limit}));
    }
    return ReadAll(c.Query(std::string("SELECT ") + kColumns +
                               " JOIN units bu ON bu.id = b.unit_id WHERE bu.path LIKE $1 AND e.day >= $2 AND "
                               "e.day <= $3 ORDER BY b.name, e.body_id, e.day, e.id LIMIT $4",
                           {unit_path + "%", from_day, to_day, limit}));
}

std::vector<std::tuple<std::int64_t, std::string, CommuneCounts::Cell>> LogbookStore::Counts(
    db::Connection& c, const std::string& unit_path, const std::string& from_day, const std::string& to_day) const {
    auto rows = c.Query(
        "SELECT e.commune_id, substr(e.day, 1, 7), COUNT(*), SUM(e.households), SUM(e.people) "
        "FROM outreach_logbook_entries e JOIN units u ON u.id = e.commune_id "
        "WHERE u.path LIKE $1 AND e.day >= $2 AND e.day <= $3 GROUP BY e.commune_id, substr(e.day, 1, 7)",
        {unit_path + "%", from_day, to_day});
    std::vector<std::tuple<std::int64_t, std::string, CommuneCounts::Cell>> out;
    out.reserve(rows.Size());
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.emplace_back(rows.Int(i, 0), rows.String(i, 1),
                         CommuneCounts::Cell{rows.Int(i, 2), rows.Int(i, 3), rows.Int(i, 4)});
    }
    return out;
}

}  // namespace tuyenvan::outreach
