#include "platform/audit/audit_log.hpp"

#include "platform/security/audit_chain.hpp"

namespace tuyenvan::audit {
namespace {

constexpr std::string_view kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

security::AuditFields Fields(std::int64_t id, std::int64_t at, const Change& change) {
    return security::AuditFields{id,           at,           change.actor,       change.action, change.entity,
                                 change.entity_id, change.before_json, change.after_json, change.address};
}

}  // namespace

void Append(db::Connection& connection, const Change& change, std::int64_t now_ms) {
    if (connection.GetEngine() == db::Engine::kPostgres) {
        // One appender at a time, so that every entry links to the one before it.
        connection.Query("SELECT pg_advisory_xact_lock(7462)");
    }
    auto last = connection.Query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    std::int64_t id = last.Empty() ? 1 : last.Int(0, 0) + 1;
    std::string prev = last.Empty() ? std::string(kGenesis) : last.String(0, 1);
    std::string hash = security::AuditEntryHash(prev, Fields(id, now_ms, change));
    connection.Query(
        "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before_json, after_json, address, "
        "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        {id, now_ms, change.actor, change.action, change.entity, change.entity_id, change.before_json,
         change.after_json, change.address, prev, hash});
}

Verification Verify(db::Database& database) {
    Verification result;
    std::string expected_prev(kGenesis);
    std::int64_t expected_id = 1;
    std::int64_t after = 0;
    for (;;) {
        db::Rows rows;
        database.Read([&](db::Connection& c) {
            rows = c.Query(
                "SELECT id, at, actor, action, entity, entity_id, before_json, after_json, address, prev_hash, hash "
                "FROM audit_log WHERE id > $1 ORDER BY id LIMIT 1000",
                {after});
        });
        if (rows.Empty()) {
            return result;
        }
        for (std::size_t i = 0; i < rows.Size(); ++i) {
            std::int64_t id = rows.Int(i, 0);
            Change change{rows.String(i, 2), rows.String(i, 3), rows.String(i, 4), rows.String(i, 5),
                          rows.String(i, 6), rows.String(i, 7), rows.String(i, 8)};
            std::string prev = rows.String(i, 9);
            std::string stored = rows.String(i, 10);
            auto fail = [&](std::string problem) {
                result.ok = false;
                result.first_bad_id = id;
                result.problem = std::move(problem);
            };
            if (id != expected_id) {
                fail("missing entry before id " + std::to_string(id));
                return result;
            }
            if (prev != expected_prev) {
                fail("entry " + std::to_string(id) + " does not link to the entry before it");
                return result;
            }
            if (security::AuditEntryHash(prev, Fields(id, rows.Int(i, 1), change)) != stored) {
                fail("entry " + std::to_string(id) + " was changed after it was written");
                return result;
            }
            ++result.entries;
            expected_prev = stored;
            expected_id = id + 1;
            after = id;
        }
    }
}

std::vector<Entry> Recent(db::Connection& connection, std::int64_t limit, std::int64_t before_id) {
    auto rows = connection.Query(
        "SELECT id, at, actor, action, entity, entity_id, before_json, after_json, address, prev_hash, hash "
        "FROM audit_log WHERE ($1 = 0 OR id < $1) ORDER BY id DESC LIMIT $2",
        {before_id, limit});
    std::vector<Entry> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(Entry{rows.Int(i, 0),
                            rows.Int(i, 1),
                            {rows.String(i, 2), rows.String(i, 3), rows.String(i, 4), rows.String(i, 5),
                             rows.String(i, 6), rows.String(i, 7), rows.String(i, 8)},
                            rows.String(i, 9),
                            rows.String(i, 10)});
    }
    return out;
}

}  // namespace tuyenvan::audit
