#include "platform/security/audit_chain.hpp"

#include <charconv>

#include "platform/security/crypto.hpp"

namespace tuyenvan::security {

namespace {

void AppendNetstring(std::string& out, std::string_view value) {
    char length[24];  // holds any size_t, so to_chars cannot fail
    const std::to_chars_result written = std::to_chars(length, length + sizeof(length), value.size());
    out.append(length, written.ptr);
    out.push_back(':');
    out.append(value);
    out.push_back(',');
}

void AppendNetstring(std::string& out, std::int64_t value) {
    char digits[24];  // holds any int64 with its sign, so to_chars cannot fail
    const std::to_chars_result written = std::to_chars(digits, digits + sizeof(digits), value);
    AppendNetstring(out, std::string_view(digits, static_cast<std::size_t>(written.ptr - digits)));
}

}  // namespace

std::string CanonicalAuditFields(const AuditFields& fields) {
    std::string out;
    out.reserve(64 + fields.actor.size() + fields.action.size() + fields.entity.size() + fields.entity_id.size() +
                fields.before_json.size() + fields.after_json.size() + fields.address.size());
    AppendNetstring(out, fields.id);
    AppendNetstring(out, fields.at_ms);
    AppendNetstring(out, fields.actor);
    AppendNetstring(out, fields.action);
    AppendNetstring(out, fields.entity);
    AppendNetstring(out, fields.entity_id);
    AppendNetstring(out, fields.before_json);
    AppendNetstring(out, fields.after_json);
    AppendNetstring(out, fields.address);
    return out;
}

std::string AuditEntryHash(std::string_view prev_hash, const AuditFields& fields) {
    std::string message;
    const std::string canonical = CanonicalAuditFields(fields);
    message.reserve(prev_hash.size() + 1 + canonical.size());
    message.append(prev_hash);
    message.push_back('\n');
    message.append(canonical);
    return Sha256Hex(message);
}

}  // namespace tuyenvan::security
