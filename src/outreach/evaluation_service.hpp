// Rules and permissions of the evaluation of the monthly conference by its attending agencies.
//
// Criteria sets: anyone signed in with kOutreachRead somewhere reads them; adding one needs kOutreachSupervise
// on the province (a unit without a parent). A set is used for conferences whose date (held, else scheduled)
// is on or after its effective date, until a later set; a set already used by an evaluation is never edited.
//
// Filing: the agency of a published assignment evaluates its commune's conference of the month once, after the
// conference's date and at the latest `evaluation_due_days` (the deadline rule of the month) after it. Who may
// file for the agency: for a department, an account with the department officer role on it, or an officer with
// kOutreachSupervise on the assignment's level (the province) recording it for them; for a district's cadre,
// the account linked to that person, or an officer with kOutreachSupervise on the district. Anyone else is
// told that their unit was not assigned to the conference. Every write is one transaction with its audit entry;
// a retried filing with the same idempotency key answers with the first result and writes nothing, a second
// different filing for the same conference and agency is kConflict.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "org/service.hpp"
#include "outreach/conference_service.hpp"
#include "outreach/conference_store.hpp"
#include "outreach/evaluation_model.hpp"
#include "outreach/evaluation_store.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// The published attendances of communes under `path` in the months `from` to `to`, with their deadline and
/// state as of `today`; one query. No permission check (the supervision board's caller checks).
std::vector<EvaluationDue> EvaluationDues(db::Connection& c, const std::string& path, const std::string& from,
                                          const std::string& to, const std::string& today);
/// The evaluation score (0–100) of each commune under `path` over the months `from` to `to`: the average of
/// its evaluations' total ÷ maximum × 100, rounded; communes without an evaluation are absent. One query.
std::map<std::int64_t, int> EvaluationScores(db::Connection& c, const std::string& path, const std::string& from,
                                             const std::string& to);
/// The criteria set that applies to a conference on `date` ("yyyy-mm-dd"): the newest whose effective date is
/// on or before it. `sets` newest first, as EvaluationStore::Sets gives them.
const CriteriaSet* SetForDate(const std::vector<CriteriaSet>& sets, const std::string& date);

/// What the filing form shows for one attendance.
struct EvaluationForm {
    EvaluationDue due;
    std::string commune_name;
    std::string venue;
    std::optional<CriteriaSet> set;  ///< absent when no set applies to the conference's date
    bool can_file = false;           ///< the person may file now (permission, date, deadline, not yet filed)
    std::string blocked;             ///< why not, in Vietnamese, when `can_file` is false
};

/// The evaluation service. Errors are org::ServiceError with Vietnamese messages.
class EvaluationService {
public:
    /// Units, assignments and conferences come from the database (read only); `clock` gives "now" in epoch ms.
    EvaluationService(db::Database& database, std::function<std::int64_t()> clock);

    /// Every criteria set, newest first, the one in effect today marked.
    std::vector<CriteriaSet> CriteriaSets(const org::Principal& principal);
    /// True when the principal may add criteria sets (kOutreachSupervise on the province).
    bool CanEditCriteria(const org::Principal& principal) const;
    /// Adds a criteria set (or replaces an unused one with the same effective date).
    Written AddCriteriaSet(const org::Actor& actor, const CriteriaSetInput& input, const std::string& idempotency_key);

    /// The form of an attendance (kOutreachRead on its commune, or the agency's own people).
    EvaluationForm Form(const org::Principal& principal, std::int64_t assignment_id);
    /// Files an evaluation.
    Written File(const org::Actor& actor, const EvaluationInput& input, const std::string& idempotency_key);
    /// An evaluation with its scores (kOutreachRead on its commune, or the agency's own people).
    Evaluation Get(const org::Principal& principal, std::int64_t id);
    /// A conference's evaluations and its attendances still awaited or missing (kOutreachRead on its commune).
    std::pair<std::vector<Evaluation>, std::vector<EvaluationDue>> OfConference(const org::Principal& principal,
                                                                                std::int64_t conference_id);

    /// The local date today ("yyyy-mm-dd").
    std::string Today() const;

private:
    bool CanActFor(db::Connection& c, const org::Principal& principal, const EvaluationDue& due) const;
    bool CanRead(db::Connection& c, const org::Principal& principal, const EvaluationDue& due) const;
    EvaluationDue Dated(db::Connection& c, EvaluationDue due, const std::string& today) const;

    db::Database& database_;
    ConferenceStore conferences_;
    EvaluationStore store_;
    std::function<std::int64_t()> clock_;
};

/// JSON of a criteria set.
std::string ToJson(const CriteriaSet& set);
/// JSON of an evaluation (with its scores when read one by one).
std::string ToJson(const Evaluation& evaluation);
/// JSON of an attendance's evaluation state.
std::string ToJson(const EvaluationDue& due);

}  // namespace tuyenvan::outreach
