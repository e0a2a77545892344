// Rules and permissions of supervision: the month and year boards of a district or the province, reminders
// and reprimands of a commune, and the weak-area classification.
//
// Permissions: viewing needs kOutreachRead on the unit viewed; a reminder or a reprimand needs
// kOutreachSupervise on the commune (district officers for their district, the province office for all).
// Every write is in one transaction with its audit entry (and, for a reminder, its notifications and
// e-mails); a write given an idempotency key that the same account already used answers with the first
// result and writes nothing.
//
// The boards compute every status with ComputeStatus from a few set-based reads (communes, deadline rules,
// conferences with records, schedule changes, reminders, reprimands) for the whole period and subtree.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "org/service.hpp"
#include "outreach/conference_service.hpp"
#include "outreach/conference_store.hpp"
#include "outreach/supervision_model.hpp"
#include "outreach/supervision_store.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// Most months a weak-area classification looks at.
inline constexpr int kMaxWeakMonths = 24;

/// The weak level of every commune under `unit_id` over the `months` full months before `today`'s month:
/// 0 normal (or no data), 1 weak, 2 very weak (see kWeakRuleText). For other parts (the rotation sends more
/// agencies to weak communes); no permission check — the caller decides what it shows.
std::map<std::int64_t, int> WeakLevels(db::Database& database, std::int64_t unit_id, int months,
                                       const std::string& today);

/// Every commune under `unit_id` with the status of each of `months` (oldest first) as of `today`, in board
/// order; no permission check (for the demo and other parts' reports). Empty for an unknown unit.
std::vector<YearLine> StatusGrid(db::Connection& c, std::int64_t unit_id, const std::vector<std::string>& months,
                                 const std::string& today);

/// The supervision service. Errors are org::ServiceError with Vietnamese messages.
class SupervisionService {
public:
    /// `org` finds the accounts a reminder notifies.
    SupervisionService(db::Database& database, org::Service& org, std::function<std::int64_t()> clock);

    /// The month board of a district or the province (a commune gets its own line).
    MonthBoard Board(const org::Principal& principal, std::int64_t unit_id, const std::string& month);
    /// The commune × month board of a year.
    YearBoard Year(const org::Principal& principal, std::int64_t unit_id, int year);
    /// The weak-area classification over the `months` (1–24) full months before the current month.
    WeakAreas Weak(const org::Principal& principal, std::int64_t unit_id, int months);
    /// A commune's reminders and reprimands.
    UnitHistory History(const org::Principal& principal, std::int64_t unit_id);
    /// True when the principal may send reminders and record reprimands for the unit.
    bool CanSupervise(const org::Principal& principal, const std::string& unit_path) const;

    /// Sends a reminder: one notification (and a queued e-mail) to every enabled account holding a role that
    /// keeps the commune's outreach work on the commune itself.
    Written Remind(const org::Actor& actor, const ReminderInput& input, const std::string& idempotency_key);
    /// Records a reprimand of the head of the commune's committee (or of the commune when it has no head).
    Written RecordReprimand(const org::Actor& actor, const ReprimandInput& input, const std::string& idempotency_key);
    /// A reminder by id (kOutreachRead on its commune).
    Reminder GetReminder(const org::Principal& principal, std::int64_t id);
    /// A reprimand by id (kOutreachRead on its commune).
    Reprimand GetReprimand(const org::Principal& principal, std::int64_t id);

    /// The local date today ("yyyy-mm-dd").
    std::string Today() const;
    /// "yyyy-mm" of a month typed as "yyyy-mm" or "mm/yyyy"; nothing when invalid.
    static std::optional<std::string> ParseMonth(const std::string& text);

private:
    ConferenceUnit RequireUnit(db::Connection& c, std::int64_t unit_id) const;
    ConferenceUnit RequireCommune(db::Connection& c, std::int64_t unit_id) const;
    Written Idempotent(const org::Actor& actor, const std::string& key, const std::string& action,
                       const std::function<std::int64_t(db::Connection&)>& fn);

    db::Database& database_;
    org::Service& org_;
    ConferenceStore conferences_;
    SupervisionStore store_;
    std::function<std::int64_t()> clock_;
};

/// JSON of a reminder.
std::string ToJson(const Reminder& reminder);
/// JSON of a reprimand.
std::string ToJson(const Reprimand& reprimand);
/// JSON of a month board.
std::string ToJson(const MonthBoard& board);
/// JSON of a year board.
std::string ToJson(const YearBoard& board);
/// JSON of a weak-area classification (with the rule text).
std::string ToJson(const WeakAreas& weak);
/// JSON of a unit's reminders and reprimands.
std::string ToJson(const UnitHistory& history);

}  // namespace tuyenvan::outreach
