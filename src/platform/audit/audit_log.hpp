// The append-only, hash-chained audit log of every state change.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace tuyenvan::audit {

/// One change to record: who, what, before and after (JSON texts).
struct Change {
    std::string actor;
    std::string action;
    std::string entity;
    std::string entity_id;
    std::string before_json = "null";
    std::string after_json = "null";
    std::string address;
};

/// A stored entry.
struct Entry {
    std::int64_t id = 0;
    std::int64_t at_ms = 0;
    Change change;
    std::string prev_hash;
    std::string hash;
};

/// Appends inside the caller's write transaction, so the entry commits with the change itself.
void Append(db::Connection& connection, const Change& change, std::int64_t now_ms);

/// The result of checking the chain.
struct Verification {
    bool ok = true;
    std::int64_t entries = 0;
    std::int64_t first_bad_id = 0;  ///< 0 when ok
    std::string problem;
};

/// Recomputes every hash in order; any edited, removed or reordered entry breaks the chain.
Verification Verify(db::Database& database);

/// The newest entries, optionally only of one entity, newest first.
std::vector<Entry> Recent(db::Connection& connection, std::int64_t limit, std::int64_t before_id = 0);

}  // namespace tuyenvan::audit
