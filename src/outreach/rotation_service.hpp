// Rules and permissions of the rotation of attending agencies: the proposal computed from the stored history,
// the officer's changes (pins), the draft and its publication with notifications, and each agency's list.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "org/service.hpp"
#include "outreach/conference_model.hpp"
#include "outreach/rotation.hpp"
#include "outreach/rotation_store.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// The weak level (0 normal, 1 weak, 2 very weak) of the communes under a level unit; missing ids are normal.
using WeakLevelSource = std::function<std::map<std::int64_t, int>(std::int64_t level_unit_id)>;

/// Months of published history a proposal reads.
inline constexpr int kRotationHistoryMonths = 24;

/// What the officer asks for; texts as typed so that the service answers in Vietnamese.
struct RotationRequest {
    std::int64_t level_unit_id = 0;
    std::string month;     ///< "yyyy-mm" or "mm/yyyy"
    std::string coverage;  ///< "all" (or empty), "count" or "fraction"
    std::string count;     ///< coverage "count": how many communes
    std::string fraction;  ///< coverage "fraction": "1/3"
    std::string window;    ///< months without repeat, 1–60 (empty: 12)
    /// Attendances fixed by the officer.
    std::vector<PinnedAttendance> pins;
};

/// A level whose rotation a person may keep or read.
struct RotationLevel {
    RotationUnit unit;
    /// District level: the agencies are the district's cadres (people), not departments.
    bool persons = false;
    bool can_supervise = false;
};

/// A computed proposal with the names a page shows and the time it took.
struct ProposalResult {
    RotationLevel level;
    std::string month;  ///< "yyyy-mm"
    RotationProposal proposal;
    std::map<std::int64_t, std::string> commune_names;
    std::map<std::int64_t, std::string> agency_names;
    std::map<std::int64_t, int> weakness;
    /// Milliseconds spent reading the history and computing.
    double elapsed_ms = 0;
};

/// A level's month as stored: the draft (if any) and the published assignments.
struct RotationMonth {
    RotationLevel level;
    std::string month;
    std::vector<AssignmentRow> draft;
    std::vector<AssignmentRow> published;
    std::vector<AgencyRef> agencies;
    std::vector<RotationUnit> communes;
};

/// What a publication did.
struct Publication {
    /// Assignments now published for the month.
    std::int64_t published = 0;
    /// True when there was nothing to publish (a retry): nothing was written.
    bool replayed = false;
    /// Agencies notified of a change in their assignments.
    std::int64_t agencies_notified = 0;
};

/// An agency whose schedule a person may read: a department (unit).
struct AgencySchedule {
    RotationUnit agency;
    std::vector<AssignmentRow> assignments;
};

/// A district cadre's published assignments (the district's rotation sends cadres as the province sends
/// departments).
struct CadreSchedule {
    std::int64_t person_id = 0;
    std::string full_name;
    std::string position;
    RotationUnit unit;  ///< the district the cadre belongs to
    std::vector<AssignmentRow> assignments;
};

/// The rotation service. Errors are org::ServiceError with Vietnamese messages.
///
/// Permissions: computing, saving and publishing a level's rotation need kOutreachSupervise on the level
/// unit (the province, or a district); reading a level's month needs kOutreachRead on it (the draft only with
/// kOutreachSupervise); an agency's schedule needs kOutreachRead on the department (its own officers) or
/// kOutreachSupervise on the province above it. Every write is one transaction with its audit entry and its
/// notifications (in the application and by e-mail).
class RotationService {
public:
    RotationService(db::Database& database, org::Service& org, std::function<std::int64_t()> clock);

    /// Where weak levels come from; without it every commune counts as normal.
    void SetWeakLevels(WeakLevelSource source) { weak_ = std::move(source); }

    /// The levels the person supervises (province, districts) and the departments whose schedule they read.
    std::pair<std::vector<RotationLevel>, std::vector<RotationUnit>> Home(const org::Principal& principal);
    /// A level unit, after checking kOutreachRead on it (a unit that is neither province nor district: kInvalid).
    RotationLevel Level(const org::Principal& principal, std::int64_t level_unit_id);

    /// Computes a proposal from the published history without storing it.
    ProposalResult Propose(const org::Principal& principal, const RotationRequest& request);
    /// Computes a proposal and stores it as the month's draft (replacing the draft before); with
    /// `keep_draft_pins`, the draft's pinned attendances are kept as pins (after the request's own).
    ProposalResult SaveProposal(const org::Actor& actor, RotationRequest request, bool keep_draft_pins);
    /// Stores the given attendances as the month's draft (all pinned), e.g. an officer's own edit by the API.
    RotationMonth SaveDraft(const org::Actor& actor, std::int64_t level_unit_id, const std::string& month,
                            const std::vector<PinnedAttendance>& attendances);
    /// Publishes the month's draft: replaces the published assignments, notifies each agency whose
    /// assignments changed. Without a draft (e.g. a retry) nothing is written and `replayed` is set.
    Publication Publish(const org::Actor& actor, std::int64_t level_unit_id, const std::string& month);
    /// A level's month as stored.
    RotationMonth Month(const org::Principal& principal, std::int64_t level_unit_id, const std::string& month);
    /// A department's published assignments from `from` to `to` ("yyyy-mm").
    AgencySchedule Schedule(const org::Principal& principal, std::int64_t agency_unit_id, const std::string& from,
                            const std::string& to);
    /// A district cadre's published assignments from `from` to `to` ("yyyy-mm"): for the cadre's own account, or
    /// kOutreachRead on the cadre's unit.
    CadreSchedule Cadre(const org::Principal& principal, std::int64_t person_id, const std::string& from,
                        const std::string& to);
    /// The person linked to the account, if any (a district cadre reaching "my schedule").
    std::optional<std::int64_t> PersonOf(const org::Principal& principal);
    /// The communes an agency (a department, or with `person` a district cadre) must attend in a month
    /// (published; no permission check): the feed's hook.
    std::vector<std::int64_t> PublishedCommunes(std::int64_t agency_id, bool person, const std::string& month);
    /// The same through the caller's connection (the feed reads it inside its own read).
    std::vector<std::int64_t> PublishedCommunes(db::Connection& c, std::int64_t agency_id, bool person,
                                                const std::string& month) const;
    /// Tells the agencies assigned to a commune's conference that its schedule changed (in the application and by
    /// e-mail), inside the change's transaction; the last of `after.changes` is the change just made. Returns the
    /// agencies told.
    std::int64_t NotifyScheduleChange(db::Connection& c, const Conference& after, std::int64_t now);

    /// "yyyy-mm" of a month typed as "yyyy-mm" or "mm/yyyy"; nothing when invalid.
    static std::optional<std::string> ParseMonth(const std::string& text);
    /// "yyyy-mm" moved by `count` months.
    static std::string AddMonths(const std::string& month, int count);
    /// The current month in Asia/Ho_Chi_Minh.
    std::string CurrentMonth() const;

private:
    /// One attendance of a draft as written.
    struct DraftRow {
        std::int64_t commune_id = 0;
        std::int64_t agency_id = 0;
        bool pinned = false;
        std::vector<std::string> reasons;
    };
    /// Replaces a level's month draft by `rows`, with its audit entry (`action`), in the caller's transaction.
    void ReplaceDraft(db::Connection& c, const org::Actor& actor, const RotationLevel& level, const std::string& month,
                      const std::vector<DraftRow>& rows, const std::string& action, std::int64_t now);
    RotationLevel LoadLevel(db::Connection& c, std::int64_t id) const;
    ProposalResult Compute(db::Connection& c, const RotationLevel& level, const RotationRequest& request,
                           const std::string& month, const std::map<std::int64_t, int>& weak_levels) const;
    /// The weak levels of a level's communes (read outside any transaction).
    std::map<std::int64_t, int> WeakOf(std::int64_t level_unit_id) const;
    /// The accounts to tell about an agency's assignments.
    std::vector<std::int64_t> AgencyAccounts(db::Connection& c, std::int64_t agency_id, bool person);
    std::string RequireMonth(const std::string& text) const;

    db::Database& database_;
    org::Service& org_;
    RotationStore store_;
    std::function<std::int64_t()> clock_;
    WeakLevelSource weak_;
};

/// JSON of a proposal for the API (with reasons, loads, uncovered communes and the time in ms).
std::string ToJson(const ProposalResult& result);
/// JSON of a stored month for the API.
std::string ToJson(const RotationMonth& month);
/// JSON of an agency's schedule for the API.
std::string ToJson(const AgencySchedule& schedule);
/// JSON of a district cadre's schedule for the API.
std::string ToJson(const CadreSchedule& schedule);

}  // namespace tuyenvan::outreach
