// Rules and permissions of the monthly outreach conference: registration before the province's deadline,
// schedule changes with reasons made before the date they move, the record with photos, the computed
// status, calendars and iCalendar feeds, and the draft for the portal's "Thông tin tuyên vận" column.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "org/service.hpp"
#include "outreach/conference_model.hpp"
#include "outreach/conference_store.hpp"
#include "platform/db/database.hpp"
#include "portal/service.hpp"

namespace tuyenvan::outreach {

/// What a write made: the id, and whether a retry with the same idempotency key found it already made.
struct Written {
    std::int64_t id = 0;
    bool replayed = false;
};

/// Runs `fn` in one write transaction once per account and idempotency key: a retried submission with the same
/// key gets the first result back (`replayed`), also when two copies race; a key used for another action is
/// kConflict, a malformed one kInvalid. An empty key (or no account) runs `fn` every time.
Written RunOnce(db::Database& database, const ConferenceStore& store, const org::Actor& actor, const std::string& key,
                const std::string& action, std::int64_t now, const std::function<std::int64_t(db::Connection&)>& fn);

/// Appends the audit entry of a new object (`after` its JSON) in the write's transaction; the actor's login, or
/// "system" without a principal.
void AuditCreated(db::Connection& c, const org::Actor& actor, const std::string& action, const std::string& entity,
                  std::int64_t id, const std::string& after, std::int64_t now);

/// The communes an attending agency (a department, or a district cadre) attends in a month: the hook the rotation
/// fills in; it reads through the feed's own connection.
using AttendanceSource =
    std::function<std::vector<std::int64_t>(db::Connection& c, const FeedOwner& agency, const std::string& month)>;

/// Told of every schedule change inside its transaction (the rotation tells the agencies assigned to the commune's
/// conference): the conference as it was and as it is now, with the change just made last in `after.changes`.
using ScheduleChangeListener =
    std::function<void(db::Connection& c, const Conference& before, const Conference& after, std::int64_t now)>;

/// The conference service. Errors are org::ServiceError with Vietnamese messages.
///
/// Permissions: a commune's registration, schedule changes, record and photos need kOutreachWrite on the
/// commune; reading needs kOutreachRead on the unit read; the deadline rules need kOutreachSupervise on a
/// unit without a parent (the province). Every write is in one transaction with its audit entry. A write
/// given an idempotency key that the same account already used answers with the first result and writes
/// nothing.
class ConferenceService {
public:
    /// Units and paths come from the database's `units` (read only); portal drafts go through `portal`.
    ConferenceService(db::Database& database, org::Service& org, portal::Service& portal,
                      std::function<std::int64_t()> clock);

    /// Sets the rotation's answer for agency feeds; without it an agency's feed has no events.
    void SetAttendanceSource(AttendanceSource source) { attendance_ = std::move(source); }
    /// Sets who hears of schedule changes (in the change's transaction: a failing listener undoes the change).
    void SetScheduleChangeListener(ScheduleChangeListener listener) { change_listener_ = std::move(listener); }

    /// Registers a commune's conference for a month. Refuses dates outside the month or already past, a second
    /// registration of the same commune and month (kConflict), and units that are not communes.
    Written Register(const org::Actor& actor, const RegistrationInput& input, const std::string& idempotency_key);
    /// Records a schedule change made before the date it moves; `version` is the conference version the form
    /// was built from (stale: kConflict).
    Written ChangeSchedule(const org::Actor& actor, std::int64_t id, std::optional<std::int64_t> version,
                           const ScheduleInput& input, const std::string& idempotency_key);
    /// Submits (or, with `input.version`, edits) the record of a held conference.
    Written SaveRecord(const org::Actor& actor, std::int64_t id, const RecordInput& input,
                       const std::string& idempotency_key);
    /// Adds a photo to the record: checked and re-encoded by media::ProcessImage, stored in the database.
    Written AddPhoto(const org::Actor& actor, std::int64_t id, const std::string& bytes, const std::string& caption,
                     const std::string& idempotency_key);
    /// Drafts an item in the "Thông tin tuyên vận" column of the site of the commune's district (or the
    /// province) from the record, with its photos; the person must be a contributor or editor of that site.
    /// Sending again answers with the draft already made.
    Written SendToColumn(const org::Actor& actor, std::int64_t id);

    /// A conference with its history, record and status.
    Conference Get(const org::Principal& principal, std::int64_t id);
    /// The communes of a commune, district or province with their conference and status of a month.
    MonthOverview Month(const org::Principal& principal, std::int64_t unit_id, const std::string& month);
    /// The bytes of a photo variant (a signed-in reader of the commune): type "image/jpeg" or "image/webp".
    std::string PhotoBytes(const org::Principal& principal, std::int64_t photo_id, const std::string& content_type,
                           std::int64_t width);

    /// Every deadline rule, oldest first (readable by anyone signed in).
    std::vector<DeadlineRuleRow> Rules();
    /// The rule in force for a month.
    DeadlineRule RuleFor(const std::string& month);
    /// True when the person may set deadline rules.
    bool CanSetRules(const org::Principal& principal) const;
    /// Sets the rule effective from a month (replacing one already effective from it).
    std::int64_t SetRule(const org::Actor& actor, const std::string& effective_month, const DeadlineRule& rule);

    /// The unguessable token of a unit's iCalendar feed, made on first use (kOutreachRead on the unit).
    std::string FeedToken(const org::Actor& actor, std::int64_t unit_id);
    /// The token of a district cadre's feed (the conferences the district's rotation sends them to), made on first
    /// use: for the cadre's own account, or kOutreachRead on the cadre's unit.
    std::string CadreFeedToken(const org::Actor& actor, std::int64_t person_id);
    /// The iCalendar document of a feed token (two months back, four ahead); nothing for an unknown token.
    /// `base_url` ("https://host") makes the events' links absolute.
    std::optional<std::string> Feed(const std::string& token, const std::string& base_url);

    /// The units whose calendars the person may read (province, districts and communes), in tree order.
    std::vector<ConferenceUnit> CalendarUnits(const org::Principal& principal);
    /// The local date today ("yyyy-mm-dd").
    std::string Today() const;

private:
    ConferenceUnit RequireUnit(db::Connection& c, std::int64_t unit_id) const;
    /// The feed token of an owner, made (and audited) on first use.
    std::string TokenOf(const org::Actor& actor, const FeedOwner& owner);
    Conference Load(db::Connection& c, std::int64_t id) const;
    StatusResult StatusOf(const Conference& conference, const std::optional<std::string>& held_date,
                          const std::optional<std::int64_t>& submitted_at, const std::vector<DeadlineRuleRow>& rules,
                          const std::string& today) const;
    static DeadlineRule RuleIn(const std::vector<DeadlineRuleRow>& rules, const std::string& month);
    /// Runs `fn` in a write transaction guarded by the idempotency key (see the class comment).
    Written Idempotent(const org::Actor& actor, const std::string& key, const std::string& action,
                       const std::function<std::int64_t(db::Connection&)>& fn);
    void Audit(db::Connection& c, const org::Actor& actor, const std::string& action, std::int64_t id,
               std::string before, std::string after);

    db::Database& database_;
    org::Service& org_;
    portal::Service& portal_;
    ConferenceStore store_;
    std::function<std::int64_t()> clock_;
    AttendanceSource attendance_;
    ScheduleChangeListener change_listener_;
};

/// JSON of a conference (with history and record) for the API and the audit log.
std::string ToJson(const Conference& conference);
/// JSON of a month overview for the API.
std::string ToJson(const MonthOverview& overview);

}  // namespace tuyenvan::outreach
