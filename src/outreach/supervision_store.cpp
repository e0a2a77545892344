#include "outreach/supervision_store.hpp"

namespace tuyenvan::outreach {
namespace {

constexpr const char* kReminderSelect =
    "SELECT r.id, r.unit_id, u.full_name, r.month, r.reason, r.sent_by, r.sent_at, r.recipients "
    "FROM outreach_reminders r JOIN units u ON u.id = r.unit_id ";

constexpr const char* kReprimandSelect =
    "SELECT p.id, p.unit_id, u.full_name, p.kind, p.person_id, p.person_name, p.reason, p.document_number, "
    "p.decided_on, p.month, p.recorded_by, p.recorded_at FROM outreach_reprimands p JOIN units u ON u.id = p.unit_id ";

std::vector<Reminder> ReadReminders(const db::Rows& rows) {
    std::vector<Reminder> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        Reminder r;
        r.id = rows.Int(i, 0);
        r.unit_id = rows.Int(i, 1);
        r.unit_name = rows.String(i, 2);
        r.month = rows.String(i, 3);
        r.reason = rows.String(i, 4);
        r.sent_by = rows.String(i, 5);
        r.sent_at = rows.Int(i, 6);
        r.recipients = rows.Int(i, 7);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<Reprimand> ReadReprimands(const db::Rows& rows) {
    std::vector<Reprimand> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        Reprimand r;
        r.id = rows.Int(i, 0);
        r.unit_id = rows.Int(i, 1);
        r.unit_name = rows.String(i, 2);
        r.kind = ParseReprimandKind(rows.String(i, 3)).value_or(ReprimandKind::kNhacNho);
        r.person_id = rows.OptInt(i, 4);
        r.person_name = rows.String(i, 5);
        r.reason = rows.String(i, 6);
        r.document_number = rows.String(i, 7);
        r.decided_on = rows.String(i, 8);
        r.month = rows.String(i, 9);
        r.recorded_by = rows.String(i, 10);
        r.recorded_at = rows.Int(i, 11);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

std::vector<DistrictRef> SupervisionStore::Districts(db::Connection& c, const std::string& path) const {
    auto rows = c.Query("SELECT id, full_name FROM units WHERE level = 'district' AND path LIKE $1 ORDER BY sort_key",
                        {path + "%"});
    std::vector<DistrictRef> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(DistrictRef{rows.Int(i, 0), rows.String(i, 1)});
    }
    return out;
}

std::vector<Reminder> SupervisionStore::Reminders(db::Connection& c, const std::string& path,
                                                  const std::string& from_month, const std::string& to_month) const {
    return ReadReminders(
        c.Query(std::string(kReminderSelect) + "WHERE u.path LIKE $1 AND r.month >= $2 AND r.month <= $3 ORDER BY r.id",
                {path + "%", from_month, to_month}));
}

std::vector<Reprimand> SupervisionStore::Reprimands(db::Connection& c, const std::string& path,
                                                    const std::string& from_month, const std::string& to_month) const {
    return ReadReprimands(c.Query(
        std::string(kReprimandSelect) + "WHERE u.path LIKE $1 AND p.month >= $2 AND p.month <= $3 ORDER BY p.id",
        {path + "%", from_month, to_month}));
}

std::vector<Reminder> SupervisionStore::UnitReminders(db::Connection& c, std::int64_t unit_id) const {
    return ReadReminders(
        c.Query(std::string(kReminderSelect) + "WHERE r.unit_id = $1 ORDER BY r.sent_at DESC, r.id DESC", {unit_id}));
}

std::vector<Reprimand> SupervisionStore::UnitReprimands(db::Connection& c, std::int64_t unit_id) const {
    return ReadReprimands(c.Query(
        std::string(kReprimandSelect) + "WHERE p.unit_id = $1 ORDER BY p.decided_on DESC, p.id DESC", {unit_id}));
}

std::optional<Reminder> SupervisionStore::FindReminder(db::Connection& c, std::int64_t id) const {
    auto found = ReadReminders(c.Query(std::string(kReminderSelect) + "WHERE r.id = $1", {id}));
    if (found.empty()) {
        return std::nullopt;
    }
    return found.front();
}

std::optional<Reprimand> SupervisionStore::FindReprimand(db::Connection& c, std::int64_t id) const {
    auto found = ReadReprimands(c.Query(std::string(kReprimandSelect) + "WHERE p.id = $1", {id}));
    if (found.empty()) {
        return std::nullopt;
    }
    return found.front();
}

std::int64_t SupervisionStore::InsertReminder(db::Connection& c, const Reminder& reminder,
                                              const std::string& key) const {
    return c
        .Query(
            "INSERT INTO outreach_reminders (unit_id, month, reason, sent_by, sent_at, recipients, "
            "idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            {reminder.unit_id, reminder.month, reminder.reason, reminder.sent_by, reminder.sent_at, reminder.recipients,
             key})
        .Int(0, 0);
}

std::int64_t SupervisionStore::InsertReprimand(db::Connection& c, const Reprimand& reprimand,
                                               const std::string& key) const {
    db::Value person = reprimand.person_id ? db::Value(*reprimand.person_id) : db::Value(nullptr);
    return c
        .Query(
            "INSERT INTO outreach_reprimands (unit_id, kind, person_id, person_name, reason, document_number, "
            "decided_on, month, recorded_by, recorded_at, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, "
            "$8, $9, $10, $11) RETURNING id",
            {reprimand.unit_id, std::string(ReprimandKindName(reprimand.kind)), person, reprimand.person_name,
             reprimand.reason, reprimand.document_number, reprimand.decided_on, reprimand.month, reprimand.recorded_by,
             reprimand.recorded_at, key})
        .Int(0, 0);
}

std::optional<std::pair<std::int64_t, std::string>> SupervisionStore::CurrentHead(db::Connection& c,
                                                                                  std::int64_t unit_id) const {
    auto rows = c.Query(
        "SELECT p.id, p.full_name FROM outreach_members m JOIN outreach_bodies b ON b.id = m.body_id JOIN people p "
        "ON p.id = m.person_id WHERE b.unit_id = $1 AND b.kind = 'committee' AND b.dissolved_on IS NULL AND "
        "m.role = 'head' AND m.end_on IS NULL",
        {unit_id});
    if (rows.Size() == 0) {
        return std::nullopt;
    }
    return std::make_pair(rows.Int(0, 0), rows.String(0, 1));
}

}  // namespace tuyenvan::outreach
