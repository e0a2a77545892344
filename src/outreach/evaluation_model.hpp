// Plain types of the evaluation of the monthly conference by its attending agencies: criteria sets versioned
// by the date they take effect, evaluations with their points, and what the supervision board expects.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::outreach {

/// One criterion of a set ("Công tác chuẩn bị", at most 20 points).
struct Criterion {
    std::int64_t id = 0;
    int position = 0;
    std::string code;  ///< short machine name ("preparation")
    std::string label;
    int max_points = 0;
};

/// A set of criteria, in effect from a date until a later set.
struct CriteriaSet {
    std::int64_t id = 0;
    std::string effective_from;  ///< "yyyy-mm-dd"
    std::string title;
    std::string basis;  ///< the regulation it follows, free text
    std::string created_by;
    std::int64_t created_at = 0;
    std::vector<Criterion> criteria;  ///< by position
    int max_points = 0;               ///< the sum of the criteria's
    bool used = false;                ///< an evaluation was scored on it: it is never edited
    bool in_effect = false;           ///< the set that applies today
};

/// One criterion as an officer types it.
struct CriterionInput {
    std::string code;  ///< empty: "c<position>"
    std::string label;
    std::string max_points;  ///< typed text, 1–1000
};

/// What an officer adds as a criteria set.
struct CriteriaSetInput {
    std::string effective_from;  ///< "dd/mm/yyyy" or "yyyy-mm-dd"
    std::string title;
    std::string basis;
    std::vector<CriterionInput> criteria;
};

/// The points given for one criterion.
struct EvaluationScore {
    std::int64_t criterion_id = 0;
    std::string code;
    std::string label;
    int max_points = 0;
    int points = 0;
    std::string note;
};

/// A filed evaluation.
struct Evaluation {
    std::int64_t id = 0;
    std::int64_t conference_id = 0;
    std::int64_t assignment_id = 0;
    std::int64_t level_unit_id = 0;
    std::string month;
    std::int64_t commune_id = 0;
    std::string commune_name;
    std::optional<std::int64_t> agency_unit_id;
    std::optional<std::int64_t> agency_person_id;
    std::string agency_name;
    std::int64_t criteria_set_id = 0;
    std::string criteria_set_title;
    int total_points = 0;
    int max_points = 0;
    bool followed_registration = true;
    std::string comments;
    std::string filed_by;
    std::int64_t filed_at = 0;
    std::int64_t version = 1;
    std::vector<EvaluationScore> scores;  ///< by the criteria's position
};

/// The points typed for one criterion: by id (the form) or by code (the API).
struct ScoreInput {
    std::int64_t criterion_id = 0;
    std::string code;
    std::string points;  ///< typed text
    std::string note;
};

/// What an attending agency files. Either the assignment that sent it, or the conference (the agency is then
/// the one the person may act for among those assigned).
struct EvaluationInput {
    std::int64_t assignment_id = 0;
    std::int64_t conference_id = 0;
    std::vector<ScoreInput> scores;
    std::string followed_registration;  ///< "1"/"co"/"true" or "0"/"khong"/"false"
    std::string comments;
};

/// Where the evaluation of one attendance stands.
enum class EvaluationState { kFiled, kAwaited, kMissing, kNotExpected };

/// "filed", "awaited", "missing", "not_expected".
std::string_view EvaluationStateName(EvaluationState state);
/// "Đã đánh giá", "Chờ đánh giá", "Thiếu đánh giá", "Không cần đánh giá".
std::string_view EvaluationStateLabel(EvaluationState state);

/// One published attendance with its evaluation (or its absence), for the boards and the form.
struct EvaluationDue {
    std::int64_t assignment_id = 0;
    std::int64_t level_unit_id = 0;
    std::int64_t commune_id = 0;
    std::string month;
    std::optional<std::int64_t> agency_unit_id;
    std::optional<std::int64_t> agency_person_id;
    std::string agency_name;
    std::optional<std::int64_t> conference_id;
    std::string conference_date;  ///< held date, else scheduled date; empty when not registered
    bool held = false;            ///< a record exists
    std::string deadline;         ///< conference_date + evaluation_due_days; empty when not registered
    std::optional<std::int64_t> evaluation_id;
    int total_points = 0;
    int max_points = 0;
    EvaluationState state = EvaluationState::kNotExpected;
};

/// The state of an attendance: filed when an evaluation exists; not expected without a registered
/// conference; awaited until `deadline` (included); missing after it.
EvaluationState StateOf(const EvaluationDue& due, const std::string& today);

}  // namespace tuyenvan::outreach
