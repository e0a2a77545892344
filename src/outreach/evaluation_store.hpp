// The SQL of the conference evaluations (outreach_criteria_sets, outreach_criteria, outreach_evaluations,
// outreach_evaluation_scores) and of the published attendances they are expected for, and nothing else.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "outreach/evaluation_model.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// One evaluation's share of its maximum, for the weak-area classification.
struct EvaluationPercent {
    std::int64_t commune_id = 0;
    std::string month;
    int total_points = 0;
    int max_points = 0;
};

/// Reads and writes the evaluation tables; every function runs on the caller's connection.
class EvaluationStore {
public:
    /// Every criteria set with its criteria, newest effective date first; `used` filled in.
    std::vector<CriteriaSet> Sets(db::Connection& c) const;
    /// The set with this effective date.
    std::optional<CriteriaSet> SetFrom(db::Connection& c, const std::string& effective_from) const;
    /// Stores a new set and its criteria; returns its id.
    std::int64_t InsertSet(db::Connection& c, const CriteriaSet& set) const;
    /// Replaces the title, basis and criteria of an unused set.
    void ReplaceSet(db::Connection& c, std::int64_t id, const CriteriaSet& set) const;

    /// Published attendances (with their conference and evaluation) of the communes under `path` in the months
    /// `from` to `to`: one query, by commune then agency. `deadline` and `state` are left to the caller.
    std::vector<EvaluationDue> Dues(db::Connection& c, const std::string& path, const std::string& from,
                                    const std::string& to) const;
    /// A published attendance by assignment id.
    std::optional<EvaluationDue> DueOf(db::Connection& c, std::int64_t assignment_id) const;
    /// The published attendances of a conference's commune and month.
    std::vector<EvaluationDue> DuesOfConference(db::Connection& c, std::int64_t conference_id) const;

    /// An evaluation with its scores.
    std::optional<Evaluation> Find(db::Connection& c, std::int64_t id) const;
    /// The evaluation of a conference by an agency, if filed.
    std::optional<std::int64_t> FindFor(db::Connection& c, std::int64_t conference_id,
                                        std::optional<std::int64_t> agency_unit_id,
                                        std::optional<std::int64_t> agency_person_id) const;
    /// A conference's evaluations (without scores), by agency name.
    std::vector<Evaluation> OfConference(db::Connection& c, std::int64_t conference_id) const;
    /// Stores an evaluation and its scores; returns its id.
    std::int64_t Insert(db::Connection& c, const Evaluation& evaluation, const std::string& key) const;

    /// The evaluations of communes under `path` in the months `from` to `to`.
    std::vector<EvaluationPercent> Percents(db::Connection& c, const std::string& path, const std::string& from,
                                            const std::string& to) const;
    /// The person an account is linked to.
    std::optional<std::int64_t> PersonOfAccount(db::Connection& c, std::int64_t account_id) const;

private:
    std::vector<EvaluationDue> SelectDues(db::Connection& c, const std::string& where,
                                          std::span<const db::Value> params) const;
    std::vector<Evaluation> SelectEvaluations(db::Connection& c, const std::string& where,
                                              std::span<const db::Value> params) const;
};

}  // namespace tuyenvan::outreach
