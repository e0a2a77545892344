#pragma once

/// @file Hash chain over audit-log entries, so that editing, inserting or deleting a stored entry
/// breaks every later hash and is detected when the chain is re-verified.

#include <cstdint>
#include <string>
#include <string_view>

namespace tuyenvan::security {

/// The audited facts of one entry, exactly as stored.
struct AuditFields {
    /// Row id of the entry; ids increase along the chain.
    std::int64_t id = 0;
    /// When it happened, UTC epoch milliseconds.
    std::int64_t at_ms = 0;
    /// Who did it (account id or "system").
    std::string actor;
    /// What was done, e.g. "article.publish".
    std::string action;
    /// Kind of the thing acted on, e.g. "article".
    std::string entity;
    /// Id of the thing acted on.
    std::string entity_id;
    /// JSON of the thing before the change, empty for a creation.
    std::string before_json;
    /// JSON of the thing after the change, empty for a deletion.
    std::string after_json;
    /// Client IP address the request came from.
    std::string address;
};

/// Canonical byte string of fields: each field, in the order id, at_ms, actor, action, entity, entity_id,
/// before_json, after_json, address, written as a netstring "<byte length in decimal>:<bytes>,"; the two
/// integers as decimal ASCII ("-" for negatives, no leading zeros). Length prefixes make the encoding
/// injective: no two different field lists give the same string, whatever bytes the fields contain.
/// Example: {1, 1700000000000, "u7", "login", "", "", "", "", "10.0.0.1"} →
/// "1:1,13:1700000000000,2:u7,5:login,0:,0:,0:,0:,8:10.0.0.1,".
std::string CanonicalAuditFields(const AuditFields& fields);

/// Hash of one entry: Sha256Hex(prev_hash + "\n" + CanonicalAuditFields(fields)), 64 lowercase hex digits.
/// prev_hash is the previous entry's hash, or "" for the first entry of the chain.
std::string AuditEntryHash(std::string_view prev_hash, const AuditFields& fields);

}  // namespace tuyenvan::security
