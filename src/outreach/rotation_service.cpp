#include "outreach/rotation_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <set>
#include <stdexcept>

#include "notify/service.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

using Kind = org::ServiceError::Kind;
using org::ServiceError;
namespace json = boost::json;

const ServiceError kForbidden(Kind::kForbidden, "Bạn không có quyền thực hiện thao tác này với đơn vị này.");

void Require(const org::Principal* principal, org::Permission permission, const std::string& path) {
    if (principal != nullptr && !principal->Can(permission, path)) {
        throw kForbidden;
    }
}

std::optional<int> SmallInt(const std::string& text, int low, int high) {
    std::string t = org::Trim(text);
    if (t.empty() || t.size() > 6 || !std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        return std::nullopt;
    }
    int value = std::stoi(t);
    return value >= low && value <= high ? std::optional(value) : std::nullopt;
}

YearMonth ToYearMonth(const std::string& month) {
    return YearMonth{std::stoi(month.substr(0, 4)), std::stoi(month.substr(5, 2))};
}

std::string FromYearMonth(YearMonth month) {
    return std::to_string(month.year) + (month.month < 10 ? "-0" : "-") + std::to_string(month.month);
}

std::string ShowMonthIso(const std::string& month) {
    return month.substr(5, 2) + "/" + month.substr(0, 4);
}

std::string ShowDayIso(const std::string& iso) {
    auto ms = text::ParseIsoDate(iso);
    return ms ? text::FormatDate(*ms) : iso;
}

std::string ReasonsJson(const std::vector<std::string>& reasons) {
    json::array out;
    for (const auto& reason : reasons) {
        out.emplace_back(reason);
    }
    return json::serialize(out);
}

json::value AssignmentJson(const AssignmentRow& row) {
    json::value reasons = json::parse(row.reasons.empty() ? "[]" : row.reasons);
    return json::object{
        {"id", row.id},
        {"level_unit_id", row.level_unit_id},
        {"month", row.month},
        {"commune_id", row.commune_id},
        {"commune_name", row.commune_name},
        {"agency_id", row.agency_id},
        {"agency_kind", row.agency_is_person ? "person" : "unit"},
        {"agency_name", row.agency_name},
        {"pinned", row.pinned},
        {"reasons", reasons},
        {"status", row.status},
        {"published_at", row.published_at ? json::value(*row.published_at) : json::value(nullptr)},
        {"conference_date", row.conference_date.empty() ? json::value(nullptr) : json::value(row.conference_date)},
        {"conference_time", row.conference_time},
        {"venue", row.venue},
        {"version", row.version}};
}

json::array AssignmentsJson(const std::vector<AssignmentRow>& rows) {
    json::array out;
    for (const auto& row : rows) {
        out.push_back(AssignmentJson(row));
    }
    return out;
}

json::value LevelJson(const RotationLevel& level) {
    return json::object{{"id", level.unit.id},
                        {"level", level.unit.level},
                        {"name", level.unit.full_name},
                        {"agencies", level.persons ? "people" : "departments"}};
}

// The pairs of a month's assignments, per agency: what a publication compares to tell who changed.
std::map<std::int64_t, std::set<std::int64_t>> ByAgency(const std::vector<AssignmentRow>& rows) {
    std::map<std::int64_t, std::set<std::int64_t>> out;
    for (const auto& row : rows) {
        out[row.agency_id].insert(row.commune_id);
    }
    return out;
}

std::string PairsJson(const std::vector<AssignmentRow>& rows) {
    json::array out;
    for (const auto& row : rows) {
        out.push_back(
            json::object{{"commune_id", row.commune_id}, {"agency_id", row.agency_id}, {"pinned", row.pinned}});
    }
    return json::serialize(out);
}

}  // namespace

RotationService::RotationService(db::Database& database, org::Service& org, std::function<std::int64_t()> clock)
    : database_(database), org_(org), clock_(std::move(clock)) {}

std::optional<std::string> RotationService::ParseMonth(const std::string& text) {
    std::string t = org::Trim(text);
    std::string iso;
    if (t.size() == 7 && t[4] == '-') {
        iso = t;
    } else if (t.size() == 7 && t[2] == '/') {
        iso = t.substr(3, 4) + "-" + t.substr(0, 2);
    } else {
        return std::nullopt;
    }
    if (!text::ParseIsoDate(iso + "-01") || iso < "1945-01" || iso > "2100-12") {
        return std::nullopt;
    }
    return iso;
}

std::string RotationService::AddMonths(const std::string& month, int count) {
    return FromYearMonth(YearMonth::FromIndex(ToYearMonth(month).Index() + count));
}

std::string RotationService::CurrentMonth() const {
    return text::FormatIsoDate(clock_()).substr(0, 7);
}

std::string RotationService::RequireMonth(const std::string& text) const {
    auto month = ParseMonth(text);
    if (!month) {
        throw ServiceError(Kind::kInvalid, "Tháng không hợp lệ; hãy ghi theo dạng tháng/năm, ví dụ 03/2026.",
                           {{"month", "Tháng không hợp lệ; hãy ghi theo dạng tháng/năm."}});
    }
    return *month;
}

RotationLevel RotationService::LoadLevel(db::Connection& c, std::int64_t id) const {
    auto unit = store_.FindUnit(c, id);
    if (!unit) {
        throw ServiceError(Kind::kNotFound, "Không tìm thấy đơn vị.");
    }
    RotationLevel level;
    level.unit = std::move(*unit);
    level.persons = level.unit.level == "district";
    return level;
}

RotationLevel RotationService::Level(const org::Principal& principal, std::int64_t level_unit_id) {
    return database_.ReadValue([&](db::Connection& c) {
        RotationLevel level = LoadLevel(c, level_unit_id);
        Require(&principal, org::Permission::kOutreachRead, level.unit.path);
        if (level.unit.level != "province" && level.unit.level != "district") {
            throw ServiceError(Kind::kInvalid, "Chỉ cấp tỉnh và cấp huyện phân công luân phiên dự hội nghị.");
        }
        level.can_supervise = principal.Can(org::Permission::kOutreachSupervise, level.unit.path);
        return level;
    });
}

std::pair<std::vector<RotationLevel>, std::vector<RotationUnit>> RotationService::Home(
    const org::Principal& principal) {
    return database_.ReadValue([&](db::Connection& c) {
        auto rows = c.Query(
            "SELECT id, level, name, full_name, path, parent_id FROM units WHERE level IN ('province', 'district', "
            "'department') AND valid_to IS NULL ORDER BY depth, sort_key, id");
        std::pair<std::vector<RotationLevel>, std::vector<RotationUnit>> out;
        for (std::size_t i = 0; i < rows.Size(); ++i) {
            RotationUnit unit{rows.Int(i, 0),    rows.String(i, 1), rows.String(i, 2),
                              rows.String(i, 3), rows.String(i, 4), rows.OptInt(i, 5)};
            if (unit.level == "department") {
                if (principal.Can(org::Permission::kOutreachRead, unit.path)) {
                    out.second.push_back(std::move(unit));
                }
            } else if (principal.Can(org::Permission::kOutreachSupervise, unit.path)) {
                RotationLevel level;
                level.persons = unit.level == "district";
                level.can_supervise = true;
                level.unit = std::move(unit);
                out.first.push_back(std::move(level));
            }
        }
        return out;
    });
}

ProposalResult RotationService::Compute(db::Connection& c, const RotationLevel& level, const RotationRequest& request,
                                        const std::string& month,
                                        const std::map<std::int64_t, int>& weak_levels) const {
    auto started = std::chrono::steady_clock::now();
    org::FieldErrors errors;
    RotationInput input;
    input.month = ToYearMonth(month);
    std::string coverage = org::Trim(request.coverage);
    if (coverage.empty() || coverage == "all") {
        input.share = CommuneShare::All();
    } else if (coverage == "count") {
        auto count = SmallInt(request.count, 0, 100000);
        if (!count) {
            errors.emplace_back("count", "Số xã được phân công phải là số nguyên từ 0 trở lên.");
        } else {
            input.share = CommuneShare::Count(*count);
        }
    } else if (coverage == "fraction") {
        std::string text = org::Trim(request.fraction);
        auto slash = text.find('/');
        auto numerator = slash == std::string::npos ? std::nullopt : SmallInt(text.substr(0, slash), 0, 1000);
        auto denominator = slash == std::string::npos ? std::nullopt : SmallInt(text.substr(slash + 1), 1, 1000);
        if (!numerator || !denominator || *numerator > *denominator) {
            errors.emplace_back("fraction", "Tỉ lệ xã phải ghi dạng a/b với 0 ≤ a ≤ b, ví dụ 1/3.");
        } else {
            input.share = CommuneShare::Fraction(*numerator, *denominator);
        }
    } else {
        errors.emplace_back("coverage", "Hãy chọn phạm vi: tất cả các xã, một số xã hoặc một tỉ lệ số xã.");
    }
    if (org::Trim(request.window).empty()) {
        input.parameters.window_months = 12;
    } else if (auto window = SmallInt(request.window, 1, 60)) {
        input.parameters.window_months = *window;
    } else {
        errors.emplace_back("window", "Số tháng không dự lại cùng một xã phải là số nguyên từ 1 đến 60.");
    }
    ProposalResult result;
    result.level = level;
    result.month = month;
    std::int64_t month_start = text::ParseIsoDate(month + "-01").value_or(clock_());
    for (const auto& commune : store_.Communes(c, level.unit.path, month_start)) {
        RotationCommune row;
        row.id = commune.id;
        row.name = commune.full_name;
        row.district_id = commune.parent_id.value_or(0);
        auto weak = weak_levels.find(commune.id);
        if (weak != weak_levels.end()) {
            row.weakness = weak->second >= 2   ? Weakness::kVeryWeak
                           : weak->second == 1 ? Weakness::kWeak
                                               : Weakness::kNormal;
            result.weakness[commune.id] = weak->second;
        }
        result.commune_names[commune.id] = commune.full_name;
        input.communes.push_back(std::move(row));
    }
    for (const auto& agency : store_.Agencies(c, level.unit)) {
        result.agency_names[agency.id] = agency.name;
        input.agencies.push_back(RotationAgency{agency.id, agency.name, true});
    }
    for (const auto& pin : request.pins) {
        if (!result.commune_names.contains(pin.commune_id)) {
            errors.emplace_back("commune_id", "Xã được chọn không thuộc " + level.unit.full_name + ".");
        } else if (!result.agency_names.contains(pin.agency_id)) {
            errors.emplace_back("agency_id",
                                level.persons ? "Cán bộ được chọn không thuộc " + level.unit.full_name + "."
                                              : "Sở, ban, ngành được chọn không thuộc " + level.unit.full_name + ".");
        } else {
            input.pinned.push_back(pin);
        }
    }
    org::ThrowIfInvalid(errors);
    for (const auto& row :
         store_.Published(c, level.unit.id, AddMonths(month, -kRotationHistoryMonths), AddMonths(month, -1))) {
        input.history.push_back(PastAttendance{row.agency_id, row.commune_id, ToYearMonth(row.month)});
    }
    try {
        result.proposal = ProposeRotation(input);
    } catch (const std::invalid_argument&) {
        throw ServiceError(Kind::kInvalid, "Đề xuất vượt quá " + std::to_string(kMaxRotationVisits) +
                                               " lượt dự trong một tháng; hãy giảm số xã được phân công.");
    }
    result.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return result;
}

std::map<std::int64_t, int> RotationService::WeakOf(std::int64_t level_unit_id) const {
    return weak_ ? weak_(level_unit_id) : std::map<std::int64_t, int>{};
}

std::vector<std::int64_t> RotationService::AgencyAccounts(db::Connection& c, std::int64_t agency_id, bool person) {
    std::vector<std::int64_t> out;
    if (person) {
        auto rows = c.Query("SELECT id FROM accounts WHERE person_id = $1 AND disabled = 0 ORDER BY id", {agency_id});
        for (std::size_t i = 0; i < rows.Size(); ++i) {
            out.push_back(rows.Int(i, 0));
        }
    } else {
        for (const auto& account : org_.AccountsGranted(c, org::Role::kDepartmentOfficer, agency_id)) {
            if (!account.disabled) {
                out.push_back(account.id);
            }
        }
    }
    return out;
}

ProposalResult RotationService::Propose(const org::Principal& principal, const RotationRequest& request) {
    auto level = Level(principal, request.level_unit_id);
    Require(&principal, org::Permission::kOutreachSupervise, level.unit.path);
    std::string month = RequireMonth(request.month);
    auto weak = WeakOf(level.unit.id);
    return database_.ReadValue([&](db::Connection& c) { return Compute(c, level, request, month, weak); });
}

ProposalResult RotationService::SaveProposal(const org::Actor& actor, RotationRequest request, bool keep_draft_pins) {
    if (actor.principal != nullptr) {
        auto level = Level(*actor.principal, request.level_unit_id);
        Require(actor.principal, org::Permission::kOutreachSupervise, level.unit.path);
    }
    std::string month = RequireMonth(request.month);
    auto weak = WeakOf(request.level_unit_id);
    std::int64_t now = clock_();
    return database_.WriteValue([&](db::Connection& c) {
        RotationLevel level = LoadLevel(c, request.level_unit_id);
        Require(actor.principal, org::Permission::kOutreachSupervise, level.unit.path);
        level.can_supervise = true;
        if (keep_draft_pins) {
            std::set<std::int64_t> chosen;
            for (const auto& pin : request.pins) {
                chosen.insert(pin.commune_id);
            }
            // A month being edited again starts from what was published.
            auto rows = store_.Month(c, level.unit.id, month, "draft");
            if (rows.empty()) {
                rows = store_.Month(c, level.unit.id, month, "published");
            }
            for (const auto& row : rows) {
                if (row.pinned && !chosen.contains(row.commune_id)) {
                    request.pins.push_back(PinnedAttendance{row.commune_id, row.agency_id});
                }
            }
        }
        ProposalResult result = Compute(c, level, request, month, weak);
        std::vector<DraftRow> rows;
        for (const auto& attendance : result.proposal.attendances) {
            rows.push_back({attendance.commune_id, attendance.agency_id, attendance.pinned, attendance.reasons});
        }
        ReplaceDraft(c, actor, level, month, rows, "outreach.rotation.propose", now);
        return result;
    });
}

void RotationService::ReplaceDraft(db::Connection& c, const org::Actor& actor, const RotationLevel& level,
                                   const std::string& month, const std::vector<DraftRow>& rows,
                                   const std::string& action, std::int64_t now) {
    auto before = store_.Month(c, level.unit.id, month, "draft");
    store_.Delete(c, level.unit.id, month, "draft");
    for (const auto& draft : rows) {
        AssignmentRow row;
        row.level_unit_id = level.unit.id;
        row.month = month;
        row.commune_id = draft.commune_id;
        row.agency_id = draft.agency_id;
        row.agency_is_person = level.persons;
        row.pinned = draft.pinned;
        row.reasons = ReasonsJson(draft.reasons);
        row.status = "draft";
        row.created_at = now;
        row.updated_at = now;
        store_.Insert(c, row);
    }
    audit::Change change;
    change.actor = actor.principal ? actor.principal->login : "system";
    change.action = action;
    change.entity = "outreach_rotation_month";
    change.entity_id = std::to_string(level.unit.id) + ":" + month;
    change.before_json = PairsJson(before);
    change.after_json = PairsJson(store_.Month(c, level.unit.id, month, "draft"));
    change.address = actor.address;
    audit::Append(c, change, now);
}

RotationMonth RotationService::SaveDraft(const org::Actor& actor, std::int64_t level_unit_id,
                                         const std::string& month_text,
                                         const std::vector<PinnedAttendance>& attendances) {
    std::int64_t now = clock_();
    database_.Write([&](db::Connection& c) {
        RotationLevel level = LoadLevel(c, level_unit_id);
        Require(actor.principal, org::Permission::kOutreachSupervise, level.unit.path);
        if (level.unit.level != "province" && level.unit.level != "district") {
            throw ServiceError(Kind::kInvalid, "Chỉ cấp tỉnh và cấp huyện phân công luân phiên dự hội nghị.");
        }
        std::string month = RequireMonth(month_text);
        std::set<std::int64_t> communes;
        for (const auto& commune : store_.Communes(c, level.unit.path, text::ParseIsoDate(month + "-01").value())) {
            communes.insert(commune.id);
        }
        std::set<std::int64_t> agencies;
        for (const auto& agency : store_.Agencies(c, level.unit)) {
            agencies.insert(agency.id);
        }
        org::FieldErrors errors;
        std::set<std::pair<std::int64_t, std::int64_t>> pairs;
        for (const auto& attendance : attendances) {
            if (!communes.contains(attendance.commune_id)) {
                errors.emplace_back("commune_id", "Xã được chọn không thuộc " + level.unit.full_name + ".");
            } else if (!agencies.contains(attendance.agency_id)) {
                errors.emplace_back("agency_id",
                                    "Cơ quan hoặc cán bộ được chọn không thuộc " + level.unit.full_name + ".");
            } else {
                pairs.emplace(attendance.commune_id, attendance.agency_id);
            }
        }
        org::ThrowIfInvalid(errors);
        std::vector<DraftRow> rows;
        for (const auto& [commune, agency] : pairs) {
            rows.push_back({commune, agency, true, {"Do cán bộ phụ trách chọn."}});
        }
        ReplaceDraft(c, actor, level, month, rows, "outreach.rotation.draft", now);
    });
    return actor.principal ? Month(*actor.principal, level_unit_id, month_text) : RotationMonth{};
}

Publication RotationService::Publish(const org::Actor& actor, std::int64_t level_unit_id,
                                     const std::string& month_text) {
    std::int64_t now = clock_();
    return database_.WriteValue([&](db::Connection& c) {
        RotationLevel level = LoadLevel(c, level_unit_id);
        Require(actor.principal, org::Permission::kOutreachSupervise, level.unit.path);
        if (level.unit.level != "province" && level.unit.level != "district") {
            throw ServiceError(Kind::kInvalid, "Chỉ cấp tỉnh và cấp huyện phân công luân phiên dự hội nghị.");
        }
        std::string month = RequireMonth(month_text);
        Publication out;
        auto draft = store_.Month(c, level.unit.id, month, "draft");
        auto before = store_.Month(c, level.unit.id, month, "published");
        if (draft.empty()) {
            // A retry, or nothing proposed: what is published stays as it is.
            out.replayed = true;
            out.published = static_cast<std::int64_t>(before.size());
            return out;
        }
        store_.Delete(c, level.unit.id, month, "published");
        for (auto row : draft) {
            row.status = "published";
            row.published_at = now;
            row.created_at = now;
            row.updated_at = now;
            store_.Insert(c, row);
        }
        store_.Delete(c, level.unit.id, month, "draft");
        auto after = store_.Month(c, level.unit.id, month, "published");
        out.published = static_cast<std::int64_t>(after.size());
        // One message per agency whose communes changed, listing what it now attends.
        auto old_sets = ByAgency(before);
        auto new_sets = ByAgency(after);
        std::set<std::int64_t> agencies;
        for (const auto& [agency, communes] : new_sets) {
            auto old = old_sets.find(agency);
            if (old == old_sets.end() || old->second != communes) {
                agencies.insert(agency);
            }
        }
        for (const auto& [agency, communes] : old_sets) {
            if (!new_sets.contains(agency)) {
                agencies.insert(agency);
            }
        }
        for (std::int64_t agency : agencies) {
            auto accounts = AgencyAccounts(c, agency, level.persons);
            notify::Message message;
            message.kind = "outreach_rotation";
            message.title =
                "Lịch đi dự hội nghị tuyên vận tháng " + ShowMonthIso(month) + " (" + level.unit.full_name + ")";
            std::string body;
            for (const auto& row : after) {
                if (row.agency_id != agency) {
                    continue;
                }
                body += "- " + row.commune_name + ": " +
                        (row.conference_date.empty()
                             ? std::string("xã chưa đăng ký ngày hội nghị")
                             : "ngày " + ShowDayIso(row.conference_date) + " lúc " + row.conference_time +
                                   (row.venue.empty() ? "" : ", tại " + row.venue)) +
                        "\n";
            }
            message.body =
                body.empty()
                    ? "Trong tháng " + ShowMonthIso(month) + " không còn xã nào được phân công dự hội nghị."
                    : "Các xã được phân công dự hội nghị tuyên vận tháng " + ShowMonthIso(month) + ":\n" + body;
            message.link = level.persons ? "/quan-tri/tuyen-van/lich-can-bo/" + std::to_string(agency)
                                         : "/quan-tri/tuyen-van/lich-di-du/" + std::to_string(agency);
            if (!accounts.empty()) {
                notify::Notify(c, now, accounts, message, true);
            }
            ++out.agencies_notified;
        }
        audit::Change change;
        change.actor = actor.principal ? actor.principal->login : "system";
        change.action = "outreach.rotation.publish";
        change.entity = "outreach_rotation_month";
        change.entity_id = std::to_string(level.unit.id) + ":" + month;
        change.before_json = PairsJson(before);
        change.after_json = PairsJson(after);
        change.address = actor.address;
        audit::Append(c, change, now);
        return out;
    });
}

RotationMonth RotationService::Month(const org::Principal& principal, std::int64_t level_unit_id,
                                     const std::string& month_text) {
    RotationMonth out;
    out.level = Level(principal, level_unit_id);
    out.month = RequireMonth(month_text);
    database_.Read([&](db::Connection& c) {
        if (out.level.can_supervise) {
            out.draft = store_.Month(c, level_unit_id, out.month, "draft");
        }
        out.published = store_.Month(c, level_unit_id, out.month, "published");
        out.agencies = store_.Agencies(c, out.level.unit);
        out.communes = store_.Communes(c, out.level.unit.path, text::ParseIsoDate(out.month + "-01").value());
    });
    return out;
}

AgencySchedule RotationService::Schedule(const org::Principal& principal, std::int64_t agency_unit_id,
                                         const std::string& from, const std::string& to) {
    std::string first = RequireMonth(from);
    std::string last = RequireMonth(to);
    return database_.ReadValue([&](db::Connection& c) {
        auto unit = store_.FindUnit(c, agency_unit_id);
        if (!unit) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy đơn vị.");
        }
        Require(&principal, org::Permission::kOutreachRead, unit->path);
        if (unit->level != "department") {
            throw ServiceError(Kind::kInvalid, "Lịch đi dự chỉ có cho các sở, ban, ngành.");
        }
        AgencySchedule out;
        out.agency = std::move(*unit);
        out.assignments = store_.OfAgency(c, agency_unit_id, false, first, last);
        return out;
    });
}

CadreSchedule RotationService::Cadre(const org::Principal& principal, std::int64_t person_id, const std::string& from,
                                     const std::string& to) {
    std::string first = RequireMonth(from);
    std::string last = RequireMonth(to);
    return database_.ReadValue([&](db::Connection& c) {
        auto rows = c.Query("SELECT full_name, position, unit_id FROM people WHERE id = $1", {person_id});
        if (rows.Empty()) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy cán bộ.");
        }
        auto unit = store_.FindUnit(c, rows.Int(0, 2));
        if (!unit) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy đơn vị của cán bộ.");
        }
        if (!principal.Can(org::Permission::kOutreachRead, unit->path) &&
            c.Query("SELECT 1 FROM accounts WHERE id = $1 AND person_id = $2", {principal.account_id, person_id})
                .Empty()) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem lịch đi dự của cán bộ này.");
        }
        CadreSchedule out;
        out.person_id = person_id;
        out.full_name = rows.String(0, 0);
        out.position = rows.String(0, 1);
        out.unit = std::move(*unit);
        out.assignments = store_.OfAgency(c, person_id, true, first, last);
        return out;
    });
}

std::optional<std::int64_t> RotationService::PersonOf(const org::Principal& principal) {
    return database_.ReadValue([&](db::Connection& c) -> std::optional<std::int64_t> {
        auto rows =
            c.Query("SELECT person_id FROM accounts WHERE id = $1 AND person_id IS NOT NULL", {principal.account_id});
        if (rows.Empty()) {
            return std::nullopt;
        }
        return rows.Int(0, 0);
    });
}

std::vector<std::int64_t> RotationService::PublishedCommunes(std::int64_t agency_id, bool person,
                                                             const std::string& month) {
    return database_.ReadValue([&](db::Connection& c) { return PublishedCommunes(c, agency_id, person, month); });
}

std::vector<std::int64_t> RotationService::PublishedCommunes(db::Connection& c, std::int64_t agency_id, bool person,
                                                             const std::string& month) const {
    auto rows = c.Query(std::string("SELECT commune_id FROM outreach_rotation_assignments WHERE ") +
                            (person ? "agency_person_id" : "agency_unit_id") +
                            " = $1 AND month = $2 AND status = 'published' ORDER BY commune_id",
                        {agency_id, month});
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(rows.Int(i, 0));
    }
    return out;
}

std::int64_t RotationService::NotifyScheduleChange(db::Connection& c, const Conference& after, std::int64_t now) {
    if (after.changes.empty()) {
        return 0;
    }
    const ScheduleChange& change = after.changes.back();
    auto rows = c.Query(
        "SELECT agency_unit_id, agency_person_id FROM outreach_rotation_assignments WHERE commune_id = $1 AND "
        "month = $2 AND status = 'published' ORDER BY id",
        {after.unit_id, after.month});
    std::int64_t told = 0;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        bool person = rows.IsNull(i, 0);
        std::int64_t agency = person ? rows.Int(i, 1) : rows.Int(i, 0);
        auto accounts = AgencyAccounts(c, agency, person);
        ++told;
        if (accounts.empty()) {
            continue;
        }
        notify::Message message;
        message.kind = "outreach_schedule_change";
        message.title = after.unit_name + " đổi lịch hội nghị tuyên vận tháng " + ShowMonthIso(after.month);
        message.body = "Lịch cũ: ngày " + ShowDayIso(change.before_date) + " lúc " + change.before_time + ", tại " +
                       change.before_venue + ".\nLịch mới: ngày " + ShowDayIso(change.after_date) + " lúc " +
                       change.after_time + ", tại " + change.after_venue + ".\nLý do: " + change.reason;
        message.link = person ? "/quan-tri/tuyen-van/lich-can-bo/" + std::to_string(agency)
                              : "/quan-tri/tuyen-van/lich-di-du/" + std::to_string(agency);
        notify::Notify(c, now, accounts, message, true);
    }
    return told;
}

std::string ToJson(const ProposalResult& result) {
    const auto& p = result.proposal;
    auto name = [](const std::map<std::int64_t, std::string>& names, std::int64_t id) {
        auto found = names.find(id);
        return found == names.end() ? std::string() : found->second;
    };
    json::array attendances;
    for (const auto& a : p.attendances) {
        json::array reasons;
        for (const auto& reason : a.reasons) {
            reasons.emplace_back(reason);
        }
        attendances.push_back(json::object{
            {"commune_id", a.commune_id},
            {"commune_name", name(result.commune_names, a.commune_id)},
            {"agency_id", a.agency_id},
            {"agency_name", name(result.agency_names, a.agency_id)},
            {"pinned", a.pinned},
            {"last_visit", a.last_visit ? json::value(FromYearMonth(*a.last_visit)) : json::value(nullptr)},
            {"months_since_last_visit",
             a.months_since_last_visit ? json::value(*a.months_since_last_visit) : json::value(nullptr)},
            {"agency_visits_this_month", a.agency_visits_this_month},
            {"agency_visits_in_window", a.agency_visits_in_window},
            {"window_broken", a.window_broken},
            {"above_balance", a.above_balance},
            {"reasons", std::move(reasons)}});
    }
    json::array uncovered;
    for (const auto& u : p.uncovered) {
        uncovered.push_back(
            json::object{{"commune_id", u.commune_id},
                         {"commune_name", name(result.commune_names, u.commune_id)},
                         {"missing_visits", u.missing_visits},
                         {"reason", u.reason == UncoveredReason::kNotSelected ? "not_selected" : "too_few_agencies"},
                         {"message", u.message}});
    }
    json::array loads;
    for (const auto& l : p.loads) {
        loads.push_back(json::object{{"agency_id", l.agency_id},
                                     {"agency_name", name(result.agency_names, l.agency_id)},
                                     {"pinned", l.pinned},
                                     {"proposed", l.proposed},
                                     {"total", l.Total()},
                                     {"above_balance", l.above_balance}});
    }
    json::array selected;
    for (auto id : p.selected_communes) {
        selected.emplace_back(id);
    }
    return json::serialize(json::object{{"level", LevelJson(result.level)},
                                        {"month", result.month},
                                        {"window_months", p.window_months},
                                        {"balance_level", p.balance_level},
                                        {"window_breaks", p.window_breaks},
                                        {"selected_communes", std::move(selected)},
                                        {"attendances", std::move(attendances)},
                                        {"uncovered", std::move(uncovered)},
                                        {"loads", std::move(loads)},
                                        {"elapsed_ms", result.elapsed_ms}});
}

std::string ToJson(const RotationMonth& month) {
    json::array agencies;
    for (const auto& agency : month.agencies) {
        agencies.push_back(json::object{{"id", agency.id}, {"name", agency.name}});
    }
    json::array communes;
    for (const auto& commune : month.communes) {
        communes.push_back(json::object{{"id", commune.id}, {"name", commune.full_name}});
    }
    return json::serialize(json::object{{"level", LevelJson(month.level)},
                                        {"agencies", std::move(agencies)},
                                        {"communes", std::move(communes)},
                                        {"month", month.month},
                                        {"draft", AssignmentsJson(month.draft)},
                                        {"published", AssignmentsJson(month.published)}});
}

std::string ToJson(const CadreSchedule& schedule) {
    return json::serialize(json::object{
        {"person",
         json::object{{"id", schedule.person_id}, {"name", schedule.full_name}, {"position", schedule.position}}},
        {"unit", json::object{{"id", schedule.unit.id}, {"name", schedule.unit.full_name}}},
        {"assignments", AssignmentsJson(schedule.assignments)}});
}

std::string ToJson(const AgencySchedule& schedule) {
    return json::serialize(
        json::object{{"agency", json::object{{"id", schedule.agency.id}, {"name", schedule.agency.full_name}}},
                     {"assignments", AssignmentsJson(schedule.assignments)}});
}

}  // namespace tuyenvan::outreach
