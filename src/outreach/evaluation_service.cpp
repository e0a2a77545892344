#include "outreach/evaluation_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <set>

#include "org/model.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

namespace json = boost::json;
using org::ServiceError;
using Kind = ServiceError::Kind;

constexpr std::size_t kMaxComments = 4000;
constexpr std::size_t kMaxNote = 500;
constexpr std::size_t kMaxCriteria = 30;

constexpr const char* kNotAssigned = "Đơn vị của đồng chí không được phân công dự hội nghị này.";

// The deadline rule of each month, from the rows (oldest first).
DeadlineRule RuleOf(const std::vector<DeadlineRuleRow>& rules, const std::string& month) {
    DeadlineRule rule;
    for (const auto& row : rules) {
        if (row.effective_month <= month) {
            rule = row.rule;
        }
    }
    return rule;
}

void Date(EvaluationDue& due, const std::vector<DeadlineRuleRow>& rules, const std::string& today) {
    if (due.conference_id && IsDate(due.conference_date)) {
        due.deadline = AddDays(due.conference_date, RuleOf(rules, due.month).evaluation_due_days);
    }
    due.state = StateOf(due, today);
}

bool StartsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// "1", "co", "có", "true", "yes" → true; "0", "khong", "không", "false", "no" → false.
std::optional<bool> ReadYesNo(const std::string& typed) {
    std::string text = org::Trim(typed);
    if (text == "1" || text == "co" || text == "có" || text == "true" || text == "yes") {
        return true;
    }
    if (text == "0" || text == "khong" || text == "không" || text == "false" || text == "no") {
        return false;
    }
    return std::nullopt;
}

// A whole number typed in 0–max (or 1–max); nothing when not one.
std::optional<int> ReadPoints(const std::string& typed, int min, int max) {
    std::string text = org::Trim(typed);
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
        return std::nullopt;
    }
    return value;
}


json::value OptJson(const std::optional<std::int64_t>& value) {
    return value ? json::value(*value) : json::value(nullptr);
}

}  // namespace

std::vector<EvaluationDue> EvaluationDues(db::Connection& c, const std::string& path, const std::string& from,
                                          const std::string& to, const std::string& today) {
    EvaluationStore store;
    ConferenceStore conferences;
    auto rules = conferences.Rules(c);
    auto dues = store.Dues(c, path, from, to);
    for (auto& due : dues) {
        Date(due, rules, today);
    }
    return dues;
}

std::map<std::int64_t, int> EvaluationScores(db::Connection& c, const std::string& path, const std::string& from,
                                             const std::string& to) {
    EvaluationStore store;
    std::map<std::int64_t, std::pair<double, int>> sums;
    for (const auto& p : store.Percents(c, path, from, to)) {
        if (p.max_points <= 0) {
            continue;
        }
        auto& sum = sums[p.commune_id];
        sum.first += 100.0 * p.total_points / p.max_points;
        sum.second += 1;
    }
    std::map<std::int64_t, int> out;
    for (const auto& [commune, sum] : sums) {
        out[commune] = static_cast<int>(sum.first / sum.second + 0.5);
    }
    return out;
}

const CriteriaSet* SetForDate(const std::vector<CriteriaSet>& sets, const std::string& date) {
    const CriteriaSet* best = nullptr;
    for (const auto& set : sets) {
        if (set.effective_from <= date && (best == nullptr || set.effective_from > best->effective_from)) {
            best = &set;
        }
    }
    return best;
}

EvaluationService::EvaluationService(db::Database& database, std::function<std::int64_t()> clock)
    : database_(database), clock_(std::move(clock)) {}

std::string EvaluationService::Today() const {
    return text::FormatIsoDate(clock_());
}

bool EvaluationService::CanEditCriteria(const org::Principal& principal) const {
    for (const auto& grant : principal.grants) {
        // A grant on a unit without a parent: the province (paths are "/id/").
        if (org::RoleHas(grant.role, org::Permission::kOutreachSupervise) &&
            std::count(grant.unit_path.begin(), grant.unit_path.end(), '/') == 2) {
            return true;
        }
    }
    return false;
}

std::vector<CriteriaSet> EvaluationService::CriteriaSets(const org::Principal& principal) {
    if (principal.Scopes(org::Permission::kOutreachRead).empty()) {
        throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem bộ tiêu chí đánh giá.");
    }
    std::string today = Today();
    return database_.ReadValue([&](db::Connection& c) {
        auto sets = store_.Sets(c);
        if (const CriteriaSet* current = SetForDate(sets, today)) {
            for (auto& set : sets) {
                set.in_effect = set.id == current->id;
            }
        }
        return sets;
    });
}

Written EvaluationService::AddCriteriaSet(const org::Actor& actor, const CriteriaSetInput& input,
                                          const std::string& idempotency_key) {
    if (!actor.principal || !CanEditCriteria(*actor.principal)) {
        throw ServiceError(Kind::kForbidden, "Chỉ Tỉnh ủy (văn phòng, ban tuyên giáo) ban hành bộ tiêu chí đánh giá.");
    }
    org::FieldErrors errors;
    CriteriaSet set;
    auto from = ReadDate(org::Trim(input.effective_from));
    if (!from) {
        errors.emplace_back("effective_from", "Ngày áp dụng không hợp lệ (định dạng dd/mm/yyyy).");
    } else {
        set.effective_from = *from;
    }
    set.title = org::Trim(input.title);
    if (set.title.empty() || set.title.size() > 300) {
        errors.emplace_back("title", "Hãy ghi tên bộ tiêu chí (tối đa 300 ký tự).");
    }
    set.basis = org::Trim(input.basis);
    if (set.basis.size() > 1000) {
        errors.emplace_back("basis", "Căn cứ dài quá 1000 ký tự.");
    }
    std::set<std::string> codes;
    int position = 0;
    for (const auto& typed : input.criteria) {
        std::string label = org::Trim(typed.label);
        std::string points = org::Trim(typed.max_points);
        if (label.empty() && points.empty()) {
            continue;  // an empty line of the form
        }
        ++position;
        std::string field = "criterion_" + std::to_string(position);
        Criterion criterion;
        criterion.position = position;
        criterion.code = org::Trim(typed.code).empty() ? "c" + std::to_string(position) : org::Trim(typed.code);
        criterion.label = label;
        if (label.empty() || label.size() > 300) {
            errors.emplace_back(field, "Tiêu chí " + std::to_string(position) + ": hãy ghi nội dung (tối đa 300 ký tự).");
        }
        auto max = ReadPoints(points, 1, 1000);
        if (!max) {
            errors.emplace_back(field, "Tiêu chí " + std::to_string(position) + ": điểm tối đa phải từ 1 đến 1000.");
        } else {
            criterion.max_points = *max;
        }
        if (criterion.code.size() > 50 || !codes.insert(criterion.code).second) {
            errors.emplace_back(field, "Tiêu chí " + std::to_string(position) + ": mã tiêu chí bị trùng hoặc quá dài.");
        }
        set.criteria.push_back(std::move(criterion));
    }
    if (set.criteria.empty()) {
        errors.emplace_back("criteria", "Bộ tiêu chí cần ít nhất một tiêu chí có điểm tối đa.");
    } else if (set.criteria.size() > kMaxCriteria) {
        errors.emplace_back("criteria", "Một bộ có tối đa 30 tiêu chí.");
    }
    org::ThrowIfInvalid(errors);
    std::int64_t now = clock_();
    set.created_by = actor.principal->login;
    set.created_at = now;
    return RunOnce(database_, conferences_, actor, idempotency_key, "outreach.criteria_set", now,
                   [&](db::Connection& c) {
                       std::int64_t id = 0;
                       auto existing = store_.SetFrom(c, set.effective_from);
                       if (existing && existing->used) {
                           throw ServiceError(Kind::kConflict,
                                              "Bộ tiêu chí áp dụng từ ngày " + ShowDate(set.effective_from) +
                                                  " đã được dùng để đánh giá nên không sửa được; hãy thêm bộ mới "
                                                  "với ngày áp dụng khác.",
                                              {{"effective_from", "Đã có bộ tiêu chí được dùng từ ngày này."}});
                       }
                       if (existing) {
                           id = existing->id;
                           store_.ReplaceSet(c, id, set);
                       } else {
                           id = store_.InsertSet(c, set);
                       }
                       json::array criteria;
                       for (const auto& k : set.criteria) {
                           criteria.push_back(json::object{{"code", k.code}, {"label", k.label},
                                                           {"max_points", k.max_points}});
                       }
                       AuditCreated(c, actor, existing ? "outreach_criteria_set.replace" : "outreach_criteria_set.add",
                             "outreach_criteria_set", id,
                             json::serialize(json::object{{"effective_from", set.effective_from},
                                                          {"title", set.title},
                                                          {"basis", set.basis},
                                                          {"criteria", std::move(criteria)}}),
                             now);
                       return id;
                   });
}

EvaluationDue EvaluationService::Dated(db::Connection& c, EvaluationDue due, const std::string& today) const {
    Date(due, conferences_.Rules(c), today);
    return due;
}

bool EvaluationService::CanActFor(db::Connection& c, const org::Principal& principal, const EvaluationDue& due) const {
    auto level = conferences_.FindUnit(c, due.level_unit_id);
    if (level && principal.Can(org::Permission::kOutreachSupervise, level->path)) {
        return true;  // the level's officers record it for their agencies
    }
    if (due.agency_unit_id) {
        auto agency = conferences_.FindUnit(c, *due.agency_unit_id);
        if (!agency) {
            return false;
        }
        return std::any_of(principal.grants.begin(), principal.grants.end(), [&](const org::Grant& grant) {
            return grant.role == org::Role::kDepartmentOfficer && StartsWith(agency->path, grant.unit_path);
        });
    }
    auto person = store_.PersonOfAccount(c, principal.account_id);
    return person && due.agency_person_id && *person == *due.agency_person_id;
}

bool EvaluationService::CanRead(db::Connection& c, const org::Principal& principal, const EvaluationDue& due) const {
    auto commune = conferences_.FindUnit(c, due.commune_id);
    if (commune && principal.Can(org::Permission::kOutreachRead, commune->path)) {
        return true;
    }
    return CanActFor(c, principal, due);
}

EvaluationForm EvaluationService::Form(const org::Principal& principal, std::int64_t assignment_id) {
    std::string today = Today();
    return database_.ReadValue([&](db::Connection& c) {
        auto found = store_.DueOf(c, assignment_id);
        if (!found) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy phân công dự hội nghị này (có thể đã được công bố lại).");
        }
        EvaluationForm form;
        form.due = Dated(c, *found, today);
        bool acts = CanActFor(c, principal, form.due);
        if (!acts && !CanRead(c, principal, form.due)) {
            throw ServiceError(Kind::kForbidden, kNotAssigned);
        }
        if (auto commune = conferences_.FindUnit(c, form.due.commune_id)) {
            form.commune_name = commune->full_name;
        }
        if (form.due.conference_id) {
            auto venue = c.Query("SELECT venue FROM outreach_conferences WHERE id = $1", {*form.due.conference_id});
            if (!venue.Empty()) {
                form.venue = venue.String(0, 0);
            }
            auto sets = store_.Sets(c);
            if (const CriteriaSet* set = SetForDate(sets, form.due.conference_date)) {
                form.set = *set;
            }
        }
        if (!acts) {
            form.blocked = kNotAssigned;
        } else if (form.due.evaluation_id) {
            form.blocked = "Đơn vị đã gửi đánh giá hội nghị này.";
        } else if (!form.due.conference_id) {
            form.blocked = "Xã chưa đăng ký hội nghị tháng " + ShowMonth(form.due.month) + " nên chưa thể đánh giá.";
        } else if (today < form.due.conference_date) {
            form.blocked = "Hội nghị chưa diễn ra (lịch ngày " + ShowDate(form.due.conference_date) +
                           "); chỉ đánh giá sau khi dự hội nghị.";
        } else if (today > form.due.deadline) {
            form.blocked = "Đã quá hạn đánh giá hội nghị này (hạn cuối " + ShowDate(form.due.deadline) + ").";
        } else if (!form.set) {
            form.blocked = "Chưa có bộ tiêu chí đánh giá áp dụng cho ngày " + ShowDate(form.due.conference_date) + ".";
        } else {
            form.can_file = true;
        }
        return form;
    });
}

Written EvaluationService::File(const org::Actor& actor, const EvaluationInput& input, const std::string& key) {
    if (!actor.principal || actor.principal->Scopes(org::Permission::kOutreachRead).empty()) {
        throw ServiceError(Kind::kForbidden, kNotAssigned);
    }
    const org::Principal& principal = *actor.principal;
    std::string today = Today();
    std::int64_t now = clock_();
    try {
        return RunOnce(database_, conferences_, actor, key, "outreach.evaluation", now, [&](db::Connection& c) {
            // The attendance: the one named, or the conference's one the person may act for.
            std::optional<EvaluationDue> due;
            if (input.assignment_id > 0) {
                due = store_.DueOf(c, input.assignment_id);
                if (!due) {
                    throw ServiceError(Kind::kNotFound,
                                       "Không tìm thấy phân công dự hội nghị này (có thể đã được công bố lại).");
                }
                if (!CanActFor(c, principal, *due)) {
                    throw ServiceError(Kind::kForbidden, kNotAssigned);
                }
            } else if (input.conference_id > 0) {
                auto dues = store_.DuesOfConference(c, input.conference_id);
                if (dues.empty() &&
                    c.Query("SELECT 1 FROM outreach_conferences WHERE id = $1", {input.conference_id}).Empty()) {
                    throw ServiceError(Kind::kNotFound, "Không tìm thấy hội nghị này.");
                }
                std::vector<EvaluationDue> mine;
                for (auto& d : dues) {
                    if (CanActFor(c, principal, d)) {
                        mine.push_back(std::move(d));
                    }
                }
                if (mine.empty()) {
                    throw ServiceError(Kind::kForbidden, kNotAssigned);
                }
                if (mine.size() > 1) {
                    throw ServiceError(Kind::kInvalid,
                                       "Hội nghị này có nhiều đơn vị được phân công; hãy chọn phân công cần đánh giá "
                                       "(assignment_id).",
                                       {{"assignment_id", "Hãy chọn phân công."}});
                }
                due = std::move(mine.front());
            } else {
                throw ServiceError(Kind::kInvalid, "Hãy chọn hội nghị hoặc phân công cần đánh giá.",
                                   {{"assignment_id", "Hãy chọn phân công."}});
            }
            *due = Dated(c, *due, today);
            if (!due->conference_id) {
                throw ServiceError(Kind::kConflict, "Xã chưa đăng ký hội nghị tháng " + ShowMonth(due->month) +
                                                        " nên chưa thể đánh giá.");
            }
            if (due->evaluation_id) {
                throw ServiceError(Kind::kConflict,
                                   "Đơn vị đã gửi đánh giá hội nghị này rồi; mỗi đơn vị chỉ gửi một lần.");
            }
            if (today < due->conference_date) {
                throw ServiceError(Kind::kConflict, "Hội nghị chưa diễn ra (lịch ngày " +
                                                        ShowDate(due->conference_date) +
                                                        "); chỉ đánh giá sau khi dự hội nghị.");
            }
            if (today > due->deadline) {
                throw ServiceError(Kind::kConflict, "Đã quá hạn đánh giá hội nghị này (hạn cuối " +
                                                        ShowDate(due->deadline) + ").");
            }
            auto sets = store_.Sets(c);
            const CriteriaSet* set = SetForDate(sets, due->conference_date);
            if (set == nullptr) {
                throw ServiceError(Kind::kConflict, "Chưa có bộ tiêu chí đánh giá áp dụng cho ngày " +
                                                        ShowDate(due->conference_date) + ".");
            }
            // The points of every criterion of the set, nothing else.
            org::FieldErrors errors;
            Evaluation e;
            std::set<std::int64_t> known;
            for (const auto& criterion : set->criteria) {
                known.insert(criterion.id);
                std::string field = "diem_" + std::to_string(criterion.id);
                auto typed = std::find_if(input.scores.begin(), input.scores.end(), [&](const ScoreInput& s) {
                    return s.criterion_id == criterion.id || (s.criterion_id == 0 && s.code == criterion.code);
                });
                if (typed == input.scores.end() || org::Trim(typed->points).empty()) {
                    errors.emplace_back(field, "Hãy cho điểm tiêu chí “" + criterion.label + "”.");
                    continue;
                }
                auto points = ReadPoints(typed->points, 0, criterion.max_points);
                if (!points) {
                    errors.emplace_back(field, "Điểm tiêu chí “" + criterion.label + "” phải là số nguyên từ 0 đến " +
                                                   std::to_string(criterion.max_points) + ".");
                    continue;
                }
                std::string note = org::Trim(typed->note);
                if (note.size() > kMaxNote) {
                    errors.emplace_back(field, "Ghi chú của tiêu chí “" + criterion.label + "” dài quá 500 ký tự.");
                }
                e.scores.push_back(EvaluationScore{criterion.id, criterion.code, criterion.label, criterion.max_points,
                                                   *points, note});
                e.total_points += *points;
            }
            for (const auto& s : input.scores) {
                bool matched = std::any_of(set->criteria.begin(), set->criteria.end(), [&](const Criterion& k) {
                    return s.criterion_id == k.id || (s.criterion_id == 0 && s.code == k.code);
                });
                if (!matched) {
                    errors.emplace_back("scores", "Có điểm cho tiêu chí không thuộc bộ “" + set->title + "”.");
                    break;
                }
            }
            auto followed = ReadYesNo(input.followed_registration);
            if (!followed) {
                errors.emplace_back("followed_registration", "Hãy chọn hội nghị có theo đúng đăng ký hay không.");
            }
            e.comments = org::Trim(input.comments);
            if (e.comments.size() > kMaxComments) {
                errors.emplace_back("comments", "Nhận xét dài quá 4000 ký tự.");
            }
            org::ThrowIfInvalid(errors);
            e.conference_id = *due->conference_id;
            e.assignment_id = due->assignment_id;
            e.level_unit_id = due->level_unit_id;
            e.month = due->month;
            e.commune_id = due->commune_id;
            e.agency_unit_id = due->agency_unit_id;
            e.agency_person_id = due->agency_person_id;
            e.criteria_set_id = set->id;
            e.max_points = set->max_points;
            e.followed_registration = *followed;
            e.filed_by = principal.login;
            e.filed_at = now;
            std::int64_t id = store_.Insert(c, e, key);
            json::object scores;
            for (const auto& s : e.scores) {
                scores[s.code] = s.points;
            }
            AuditCreated(c, actor, "outreach_evaluation.file", "outreach_evaluation", id,
                  json::serialize(json::object{{"conference_id", e.conference_id},
                                               {"assignment_id", e.assignment_id},
                                               {"agency_unit_id", OptJson(e.agency_unit_id)},
                                               {"agency_person_id", OptJson(e.agency_person_id)},
                                               {"criteria_set_id", e.criteria_set_id},
                                               {"total_points", e.total_points},
                                               {"max_points", e.max_points},
                                               {"followed_registration", e.followed_registration},
                                               {"scores", std::move(scores)}}),
                  now);
            return id;
        });
    } catch (const db::Error& error) {
        // Two different filings of the same conference and agency at the same moment: the loser is told.
        if (error.Kind() != db::ErrorKind::kUniqueViolation) {
            throw;
        }
        throw ServiceError(Kind::kConflict, "Đơn vị đã gửi đánh giá hội nghị này rồi; mỗi đơn vị chỉ gửi một lần.");
    }
}

Evaluation EvaluationService::Get(const org::Principal& principal, std::int64_t id) {
    return database_.ReadValue([&](db::Connection& c) {
        auto found = store_.Find(c, id);
        if (!found) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy phiếu đánh giá này.");
        }
        EvaluationDue due;
        due.level_unit_id = found->level_unit_id;
        due.commune_id = found->commune_id;
        due.agency_unit_id = found->agency_unit_id;
        due.agency_person_id = found->agency_person_id;
        if (!CanRead(c, principal, due)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem phiếu đánh giá này.");
        }
        return *found;
    });
}

std::pair<std::vector<Evaluation>, std::vector<EvaluationDue>> EvaluationService::OfConference(
    const org::Principal& principal, std::int64_t conference_id) {
    std::string today = Today();
    return database_.ReadValue([&](db::Connection& c) {
        auto unit = c.Query("SELECT u.path FROM outreach_conferences k JOIN units u ON u.id = k.unit_id WHERE k.id = $1",
                            {conference_id});
        if (unit.Empty()) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy hội nghị này.");
        }
        if (!principal.Can(org::Permission::kOutreachRead, unit.String(0, 0))) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem đánh giá hội nghị của đơn vị này.");
        }
        auto rules = conferences_.Rules(c);
        std::vector<EvaluationDue> open;
        for (auto& due : store_.DuesOfConference(c, conference_id)) {
            Date(due, rules, today);
            if (due.state != EvaluationState::kFiled) {
                open.push_back(std::move(due));
            }
        }
        return std::make_pair(store_.OfConference(c, conference_id), std::move(open));
    });
}

std::string ToJson(const CriteriaSet& set) {
    json::array criteria;
    for (const auto& k : set.criteria) {
        criteria.push_back(json::object{{"id", k.id},
                                        {"position", k.position},
                                        {"code", k.code},
                                        {"label", k.label},
                                        {"max_points", k.max_points}});
    }
    return json::serialize(json::object{{"id", set.id},
                                        {"effective_from", set.effective_from},
                                        {"title", set.title},
                                        {"basis", set.basis},
                                        {"max_points", set.max_points},
                                        {"used", set.used},
                                        {"in_effect", set.in_effect},
                                        {"created_by", set.created_by},
                                        {"created_at", set.created_at},
                                        {"criteria", std::move(criteria)}});
}

std::string ToJson(const Evaluation& e) {
    json::array scores;
    for (const auto& s : e.scores) {
        scores.push_back(json::object{{"criterion_id", s.criterion_id},
                                      {"code", s.code},
                                      {"label", s.label},
                                      {"max_points", s.max_points},
                                      {"points", s.points},
                                      {"note", s.note}});
    }
    return json::serialize(json::object{{"id", e.id},
                                        {"conference_id", e.conference_id},
                                        {"assignment_id", e.assignment_id},
                                        {"level_unit_id", e.level_unit_id},
                                        {"month", e.month},
                                        {"commune_id", e.commune_id},
                                        {"commune_name", e.commune_name},
                                        {"agency_unit_id", OptJson(e.agency_unit_id)},
                                        {"agency_person_id", OptJson(e.agency_person_id)},
                                        {"agency_name", e.agency_name},
                                        {"criteria_set_id", e.criteria_set_id},
                                        {"criteria_set_title", e.criteria_set_title},
                                        {"total_points", e.total_points},
                                        {"max_points", e.max_points},
                                        {"followed_registration", e.followed_registration},
                                        {"comments", e.comments},
                                        {"filed_by", e.filed_by},
                                        {"filed_at", e.filed_at},
                                        {"version", e.version},
                                        {"scores", std::move(scores)}});
}

std::string ToJson(const EvaluationDue& due) {
    return json::serialize(json::object{{"assignment_id", due.assignment_id},
                                        {"commune_id", due.commune_id},
                                        {"month", due.month},
                                        {"agency_unit_id", OptJson(due.agency_unit_id)},
                                        {"agency_person_id", OptJson(due.agency_person_id)},
                                        {"agency_name", due.agency_name},
                                        {"conference_id", OptJson(due.conference_id)},
                                        {"conference_date", due.conference_date},
                                        {"deadline", due.deadline},
                                        {"evaluation_id", OptJson(due.evaluation_id)},
                                        {"state", std::string(EvaluationStateName(due.state))},
                                        {"label", std::string(EvaluationStateLabel(due.state))}});
}

}  // namespace tuyenvan::outreach
