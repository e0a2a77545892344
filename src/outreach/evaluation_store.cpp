#include "outreach/evaluation_store.hpp"

#include <map>

namespace tuyenvan::outreach {
namespace {

// A published attendance, its commune's conference of the month (with the record's held date) and the
// agency's evaluation of it.
constexpr const char* kDueSelect =
    "SELECT a.id, a.level_unit_id, a.commune_id, a.month, a.agency_unit_id, a.agency_person_id, "
    "COALESCE(au.full_name, p.full_name, ''), c.id, c.scheduled_date, r.held_date, e.id, e.total_points, "
    "e.max_points "
    "FROM outreach_rotation_assignments a "
    "JOIN units cu ON cu.id = a.commune_id "
    "LEFT JOIN units au ON au.id = a.agency_unit_id "
    "LEFT JOIN people p ON p.id = a.agency_person_id "
    "LEFT JOIN outreach_conferences c ON c.unit_id = a.commune_id AND c.month = a.month "
    "LEFT JOIN outreach_conference_records r ON r.conference_id = c.id "
    "LEFT JOIN outreach_evaluations e ON e.conference_id = c.id AND (e.agency_unit_id = a.agency_unit_id OR "
    "e.agency_person_id = a.agency_person_id) "
    "WHERE a.status = 'published' AND ";

constexpr const char* kEvaluationSelect =
    "SELECT e.id, e.conference_id, e.assignment_id, e.level_unit_id, e.month, e.commune_id, cu.full_name, "
    "e.agency_unit_id, e.agency_person_id, COALESCE(au.full_name, p.full_name, ''), e.criteria_set_id, s.title, "
    "e.total_points, e.max_points, e.followed_registration, e.comments, e.filed_by, e.filed_at, e.version "
    "FROM outreach_evaluations e "
    "JOIN units cu ON cu.id = e.commune_id "
    "JOIN outreach_criteria_sets s ON s.id = e.criteria_set_id "
    "LEFT JOIN units au ON au.id = e.agency_unit_id "
    "LEFT JOIN people p ON p.id = e.agency_person_id ";

void InsertCriteria(db::Connection& c, std::int64_t set_id, const std::vector<Criterion>& criteria) {
    for (const auto& criterion : criteria) {
        c.Query("INSERT INTO outreach_criteria (set_id, position, code, label, max_points) VALUES ($1, $2, $3, $4, $5)",
                {set_id, std::int64_t{criterion.position}, criterion.code, criterion.label,
                 std::int64_t{criterion.max_points}});
    }
}

}  // namespace

std::string_view EvaluationStateName(EvaluationState state) {
    switch (state) {
        case EvaluationState::kFiled:
            return "filed";
        case EvaluationState::kAwaited:
            return "awaited";
        case EvaluationState::kMissing:
            return "missing";
        case EvaluationState::kNotExpected:
            return "not_expected";
    }
    return "";
}

std::string_view EvaluationStateLabel(EvaluationState state) {
    switch (state) {
        case EvaluationState::kFiled:
            return "Đã đánh giá";
        case EvaluationState::kAwaited:
            return "Chờ đánh giá";
        case EvaluationState::kMissing:
            return "Thiếu đánh giá";
        case EvaluationState::kNotExpected:
            return "Không cần đánh giá";
    }
    return "";
}

EvaluationState StateOf(const EvaluationDue& due, const std::string& today) {
    if (due.evaluation_id) {
        return EvaluationState::kFiled;
    }
    if (!due.conference_id || due.deadline.empty()) {
        return EvaluationState::kNotExpected;
    }
    return today <= due.deadline ? EvaluationState::kAwaited : EvaluationState::kMissing;
}

std::vector<CriteriaSet> EvaluationStore::Sets(db::Connection& c) const {
    auto rows = c.Query(
        "SELECT s.id, s.effective_from, s.title, s.basis, s.created_by, s.created_at, CASE WHEN EXISTS (SELECT 1 "
        "FROM outreach_evaluations e WHERE e.criteria_set_id = s.id) THEN 1 ELSE 0 END FROM outreach_criteria_sets s "
        "ORDER BY s.effective_from DESC");
    std::vector<CriteriaSet> out;
    std::map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        CriteriaSet set;
        set.id = rows.Int(i, 0);
        set.effective_from = rows.String(i, 1);
        set.title = rows.String(i, 2);
        set.basis = rows.String(i, 3);
        set.created_by = rows.String(i, 4);
        set.created_at = rows.Int(i, 5);
        set.used = rows.Int(i, 6) != 0;
        index[set.id] = out.size();
        out.push_back(std::move(set));
    }
    auto criteria =
        c.Query("SELECT id, set_id, position, code, label, max_points FROM outreach_criteria ORDER BY set_id, position");
    for (std::size_t i = 0; i < criteria.Size(); ++i) {
        auto found = index.find(criteria.Int(i, 1));
        if (found == index.end()) {
            continue;
        }
        Criterion criterion{criteria.Int(i, 0), static_cast<int>(criteria.Int(i, 2)), criteria.String(i, 3),
                            criteria.String(i, 4), static_cast<int>(criteria.Int(i, 5))};
        auto& set = out[found->second];
        set.max_points += criterion.max_points;
        set.criteria.push_back(std::move(criterion));
    }
    return out;
}

std::optional<CriteriaSet> EvaluationStore::SetFrom(db::Connection& c, const std::string& effective_from) const {
    for (auto& set : Sets(c)) {
        if (set.effective_from == effective_from) {
            return std::move(set);
        }
    }
    return std::nullopt;
}

std::int64_t EvaluationStore::InsertSet(db::Connection& c, const CriteriaSet& set) const {
    std::int64_t id = c.Query(
                           "INSERT INTO outreach_criteria_sets (effective_from, title, basis, created_by, created_at) "
                           "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                           {set.effective_from, set.title, set.basis, set.created_by, set.created_at})
                          .Int(0, 0);
    InsertCriteria(c, id, set.criteria);
    return id;
}

void EvaluationStore::ReplaceSet(db::Connection& c, std::int64_t id, const CriteriaSet& set) const {
    c.Query("UPDATE outreach_criteria_sets SET title = $2, basis = $3, created_by = $4, created_at = $5 WHERE id = $1",
            {id, set.title, set.basis, set.created_by, set.created_at});
    c.Query("DELETE FROM outreach_criteria WHERE set_id = $1", {id});
    InsertCriteria(c, id, set.criteria);
}

std::vector<EvaluationDue> EvaluationStore::SelectDues(db::Connection& c, const std::string& where,
                                                       std::span<const db::Value> params) const {
    auto rows = c.Query(std::string(kDueSelect) + where +
                            " ORDER BY cu.sort_key, cu.id, COALESCE(au.full_name, p.full_name, ''), a.id",
                        params);
    std::vector<EvaluationDue> out;
    out.reserve(rows.Size());
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        EvaluationDue due;
        due.assignment_id = rows.Int(i, 0);
        due.level_unit_id = rows.Int(i, 1);
        due.commune_id = rows.Int(i, 2);
        due.month = rows.String(i, 3);
        due.agency_unit_id = rows.OptInt(i, 4);
        due.agency_person_id = rows.OptInt(i, 5);
        due.agency_name = rows.String(i, 6);
        due.conference_id = rows.OptInt(i, 7);
        due.held = !rows.IsNull(i, 9);
        due.conference_date = due.held ? rows.String(i, 9) : rows.String(i, 8);
        due.evaluation_id = rows.OptInt(i, 10);
        due.total_points = static_cast<int>(rows.Int(i, 11));
        due.max_points = static_cast<int>(rows.Int(i, 12));
        out.push_back(std::move(due));
    }
    return out;
}

std::vector<EvaluationDue> EvaluationStore::Dues(db::Connection& c, const std::string& path, const std::string& from,
                                                 const std::string& to) const {
    std::vector<db::Value> params{path + "%", from, to};
    return SelectDues(c, "cu.path LIKE $1 AND a.month BETWEEN $2 AND $3", params);
}

std::optional<EvaluationDue> EvaluationStore::DueOf(db::Connection& c, std::int64_t assignment_id) const {
    std::vector<db::Value> params{assignment_id};
    auto dues = SelectDues(c, "a.id = $1", params);
    if (dues.empty()) {
        return std::nullopt;
    }
    return dues.front();
}

std::vector<EvaluationDue> EvaluationStore::DuesOfConference(db::Connection& c, std::int64_t conference_id) const {
    std::vector<db::Value> params{conference_id};
    return SelectDues(c, "c.id = $1", params);
}

std::vector<Evaluation> EvaluationStore::SelectEvaluations(db::Connection& c, const std::string& where,
                                                           std::span<const db::Value> params) const {
    auto rows = c.Query(std::string(kEvaluationSelect) + where +
                            " ORDER BY COALESCE(au.full_name, p.full_name, ''), e.id",
                        params);
    std::vector<Evaluation> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        Evaluation e;
        e.id = rows.Int(i, 0);
        e.conference_id = rows.Int(i, 1);
        e.assignment_id = rows.Int(i, 2);
        e.level_unit_id = rows.Int(i, 3);
        e.month = rows.String(i, 4);
        e.commune_id = rows.Int(i, 5);
        e.commune_name = rows.String(i, 6);
        e.agency_unit_id = rows.OptInt(i, 7);
        e.agency_person_id = rows.OptInt(i, 8);
        e.agency_name = rows.String(i, 9);
        e.criteria_set_id = rows.Int(i, 10);
        e.criteria_set_title = rows.String(i, 11);
        e.total_points = static_cast<int>(rows.Int(i, 12));
        e.max_points = static_cast<int>(rows.Int(i, 13));
        e.followed_registration = rows.Int(i, 14) != 0;
        e.comments = rows.String(i, 15);
        e.filed_by = rows.String(i, 16);
        e.filed_at = rows.Int(i, 17);
        e.version = rows.Int(i, 18);
        out.push_back(std::move(e));
    }
    return out;
}

std::optional<Evaluation> EvaluationStore::Find(db::Connection& c, std::int64_t id) const {
    std::vector<db::Value> params{id};
    auto found = SelectEvaluations(c, "WHERE e.id = $1", params);
    if (found.empty()) {
        return std::nullopt;
    }
    Evaluation out = std::move(found.front());
    auto rows = c.Query(
        "SELECT k.id, k.code, k.label, k.max_points, s.points, s.note FROM outreach_evaluation_scores s JOIN "
        "outreach_criteria k ON k.id = s.criterion_id WHERE s.evaluation_id = $1 ORDER BY k.position",
        {id});
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.scores.push_back(EvaluationScore{rows.Int(i, 0), rows.String(i, 1), rows.String(i, 2),
                                             static_cast<int>(rows.Int(i, 3)), static_cast<int>(rows.Int(i, 4)),
                                             rows.String(i, 5)});
    }
    return out;
}

std::optional<std::int64_t> EvaluationStore::FindFor(db::Connection& c, std::int64_t conference_id,
                                                     std::optional<std::int64_t> agency_unit_id,
                                                     std::optional<std::int64_t> agency_person_id) const {
    auto rows = agency_unit_id
                    ? c.Query("SELECT id FROM outreach_evaluations WHERE conference_id = $1 AND agency_unit_id = $2",
                              {conference_id, *agency_unit_id})
                    : c.Query("SELECT id FROM outreach_evaluations WHERE conference_id = $1 AND agency_person_id = $2",
                              {conference_id, db::Nullable(agency_person_id)});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return rows.Int(0, 0);
}

std::vector<Evaluation> EvaluationStore::OfConference(db::Connection& c, std::int64_t conference_id) const {
    std::vector<db::Value> params{conference_id};
    return SelectEvaluations(c, "WHERE e.conference_id = $1", params);
}

std::int64_t EvaluationStore::Insert(db::Connection& c, const Evaluation& e, const std::string& key) const {
    std::int64_t id =
        c.Query("INSERT INTO outreach_evaluations (conference_id, assignment_id, level_unit_id, month, commune_id, "
                "agency_unit_id, agency_person_id, criteria_set_id, total_points, max_points, followed_registration, "
                "comments, filed_by, filed_at, version, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                "$10, $11, $12, $13, $14, 1, $15) RETURNING id",
                {e.conference_id, e.assignment_id, e.level_unit_id, e.month, e.commune_id,
                 db::Nullable(e.agency_unit_id), db::Nullable(e.agency_person_id), e.criteria_set_id,
                 std::int64_t{e.total_points}, std::int64_t{e.max_points},
                 std::int64_t{e.followed_registration ? 1 : 0}, e.comments, e.filed_by, e.filed_at, key})
            .Int(0, 0);
    for (const auto& score : e.scores) {
        c.Query("INSERT INTO outreach_evaluation_scores (evaluation_id, criterion_id, points, note) VALUES ($1, $2, "
                "$3, $4)",
                {id, score.criterion_id, std::int64_t{score.points}, score.note});
    }
    return id;
}

std::vector<EvaluationPercent> EvaluationStore::Percents(db::Connection& c, const std::string& path,
                                                         const std::string& from, const std::string& to) const {
    auto rows = c.Query(
        "SELECT e.commune_id, e.month, e.total_points, e.max_points FROM outreach_evaluations e JOIN units u ON "
        "u.id = e.commune_id WHERE e.month BETWEEN $2 AND $3 AND u.path LIKE $1",
        {path + "%", from, to});
    std::vector<EvaluationPercent> out;
    out.reserve(rows.Size());
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(EvaluationPercent{rows.Int(i, 0), rows.String(i, 1), static_cast<int>(rows.Int(i, 2)),
                                        static_cast<int>(rows.Int(i, 3))});
    }
    return out;
}

std::optional<std::int64_t> EvaluationStore::PersonOfAccount(db::Connection& c, std::int64_t account_id) const {
    auto rows = c.Query("SELECT person_id FROM accounts WHERE id = $1", {account_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return rows.OptInt(0, 0);
}

}  // namespace tuyenvan::outreach
