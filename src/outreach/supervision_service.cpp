#include "outreach/supervision_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "notify/service.hpp"
#include "outreach/evaluation_service.hpp"
#include "org/model.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

namespace json = boost::json;
using org::ServiceError;
using Kind = ServiceError::Kind;

constexpr std::size_t kMaxReason = 2000;
constexpr std::size_t kMaxDocumentNumber = 100;

std::int64_t MonthStartMs(const std::string& month) {
    return text::ParseIsoDate(month + "-01").value_or(0);
}

std::int64_t MonthEndMs(const std::string& month) {
    return text::ParseIsoDate(NextMonth(month) + "-01").value_or(0) - 1;
}

DeadlineRule RuleIn(const std::vector<DeadlineRuleRow>& rules, const std::string& month) {
    DeadlineRule rule;
    for (const auto& row : rules) {
        if (row.effective_month <= month) {
            rule = row.rule;
        }
    }
    return rule;
}

// The facts of a registered conference, as ConferenceService builds them.
StatusFacts FactsOf(const StatusRow& row, const DeadlineRule& rule, const std::string& today) {
    StatusFacts facts;
    facts.month = row.conference.month;
    facts.registered = true;
    facts.registered_on = text::FormatIsoDate(row.conference.registered_at);
    facts.original_date = row.conference.original_date;
    for (const auto& change : row.conference.changes) {
        facts.changes.push_back(ChangeFact{text::FormatIsoDate(change.made_at), change.before_date, change.after_date});
    }
    facts.held_date = row.held_date;
    if (row.submitted_at) {
        facts.submitted_on = text::FormatIsoDate(*row.submitted_at);
    }
    facts.rule = rule;
    facts.today = today;
    return facts;
}

// The months from `from` to `to`, both included.
std::vector<std::string> MonthsBetween(const std::string& from, const std::string& to) {
    std::vector<std::string> out;
    for (std::string month = from; month <= to; month = NextMonth(month)) {
        out.push_back(month);
    }
    return out;
}

// A commune with its district, in board order.
struct GridLine {
    ConferenceUnit commune;
    std::int64_t district_id = 0;
    std::string district_name;
    std::vector<BoardCell> cells;
};

// Every commune under `unit` with the status of each month, grouped by district in Vietnamese order: five
// set-based reads whatever the size of the subtree and period.
std::vector<GridLine> ReadGrid(db::Connection& c, const ConferenceStore& conferences, const SupervisionStore& store,
                               const ConferenceUnit& unit, const std::vector<std::string>& months,
                               const std::string& today) {
    const std::string& from = months.front();
    const std::string& to = months.back();
    auto rules = conferences.Rules(c);
    auto communes = conferences.Communes(c, unit.path, MonthStartMs(from), MonthEndMs(to));
    auto districts = store.Districts(c, unit.path);
    std::map<std::pair<std::int64_t, std::string>, const StatusRow*> found;
    auto rows = conferences.StatusRows(c, unit.path, from, to);
    for (const auto& row : rows) {
        found[{row.conference.unit_id, row.conference.month}] = &row;
    }
    std::map<std::string, DeadlineRule> rule_of;
    for (const auto& month : months) {
        rule_of[month] = RuleIn(rules, month);
    }
    auto line_of = [&](const ConferenceUnit& commune, std::int64_t district_id, const std::string& district_name) {
        GridLine line{commune, district_id, district_name, {}};
        for (const auto& month : months) {
            BoardCell cell;
            cell.month = month;
            auto hit = found.find({commune.id, month});
            if (hit != found.end()) {
                cell.conference_id = hit->second->conference.id;
                cell.status = ComputeStatus(FactsOf(*hit->second, rule_of[month], today));
            } else {
                StatusFacts facts;
                facts.month = month;
                facts.rule = rule_of[month];
                facts.today = today;
                cell.status = ComputeStatus(facts);
            }
            line.cells.push_back(std::move(cell));
        }
        return line;
    };
    std::vector<GridLine> out;
    std::set<std::int64_t> placed;
    for (const auto& district : districts) {
        for (const auto& commune : communes) {
            if (commune.parent_id == district.id) {
                out.push_back(line_of(commune, district.id, district.name));
                placed.insert(commune.id);
            }
        }
    }
    for (const auto& commune : communes) {
        if (!placed.count(commune.id)) {
            out.push_back(line_of(commune, commune.parent_id.value_or(0), ""));
        }
    }
    return out;
}

std::string Required(const std::string& text, const char* field, const char* message) {
    std::string trimmed = org::Trim(text);
    if (trimmed.empty()) {
        throw ServiceError(Kind::kInvalid, message, {{field, message}});
    }
    return trimmed;
}


json::value UnitJson(const ConferenceUnit& unit) {
    return json::object{{"id", unit.id}, {"name", unit.full_name}, {"level", unit.level}, {"path", unit.path}};
}

json::value CellJson(const BoardCell& cell) {
    json::object out{{"month", cell.month},
                     {"status", std::string(StatusName(cell.status.status))},
                     {"label", std::string(StatusLabel(cell.status.status))},
                     {"registered_late", cell.status.registered_late},
                     {"changed", cell.status.notices > 0},
                     {"record_late", cell.status.record_late},
                     {"record_missing", cell.status.status == ConferenceStatus::kHeldWithoutRecord}};
    out["conference_id"] = cell.conference_id ? json::value(*cell.conference_id) : json::value(nullptr);
    out["scheduled_date"] = cell.status.scheduled_date;
    return out;
}

}  // namespace

// ---------- model helpers ----------

std::string_view ReprimandKindName(ReprimandKind kind) {
    return kind == ReprimandKind::kPheBinh ? "phe_binh" : "nhac_nho";
}

std::string_view ReprimandKindLabel(ReprimandKind kind) {
    return kind == ReprimandKind::kPheBinh ? "Phê bình" : "Nhắc nhở";
}

std::optional<ReprimandKind> ParseReprimandKind(std::string_view name) {
    if (name == "nhac_nho")
        return ReprimandKind::kNhacNho;
    if (name == "phe_binh")
        return ReprimandKind::kPheBinh;
    return std::nullopt;
}

std::string_view StatusShortLabel(ConferenceStatus status) {
    switch (status) {
        case ConferenceStatus::kNotRegistered:
            return "Chưa ĐK";
        case ConferenceStatus::kRegistered:
            return "Đã ĐK";
        case ConferenceStatus::kChanged:
            return "Đổi lịch";
        case ConferenceStatus::kHeldOnSchedule:
            return "Đúng lịch";
        case ConferenceStatus::kHeldLate:
            return "Muộn";
        case ConferenceStatus::kHeldWithoutRecord:
            return "Thiếu BB";
        case ConferenceStatus::kNotHeld:
            return "Không TC";
    }
    return "";
}

std::string_view WeakClassLabel(WeakClass weak_class) {
    switch (weak_class) {
        case WeakClass::kNoData:
            return "Chưa đủ dữ liệu";
        case WeakClass::kGood:
            return "Khá, tốt";
        case WeakClass::kAverage:
            return "Trung bình";
        case WeakClass::kWeak:
            return "Yếu";
        case WeakClass::kVeryWeak:
            return "Rất yếu";
    }
    return "";
}

std::string_view WeakClassName(WeakClass weak_class) {
    switch (weak_class) {
        case WeakClass::kNoData:
            return "no_data";
        case WeakClass::kGood:
            return "good";
        case WeakClass::kAverage:
            return "average";
        case WeakClass::kWeak:
            return "weak";
        case WeakClass::kVeryWeak:
            return "very_weak";
    }
    return "";
}

int WeakLevelOf(WeakClass weak_class) {
    return weak_class == WeakClass::kVeryWeak ? 2 : weak_class == WeakClass::kWeak ? 1 : 0;
}

std::optional<int> CompliancePoints(ConferenceStatus status) {
    switch (status) {
        case ConferenceStatus::kHeldOnSchedule:
            return 100;  // a change with notice moves the schedule itself
        case ConferenceStatus::kHeldLate:
            return 70;
        case ConferenceStatus::kHeldWithoutRecord:
            return 40;
        case ConferenceStatus::kNotHeld:
            return 0;
        case ConferenceStatus::kNotRegistered:
        case ConferenceStatus::kRegistered:
        case ConferenceStatus::kChanged:
            return std::nullopt;
    }
    return std::nullopt;
}

std::optional<int> CombinedScore(const WeakScores& scores) {
    if (!scores.compliance) {
        return scores.evaluation;
    }
    if (!scores.evaluation) {
        return scores.compliance;
    }
    return (*scores.compliance + *scores.evaluation + 1) / 2;
}

WeakClass ClassifyScore(std::optional<int> score) {
    if (!score)
        return WeakClass::kNoData;
    if (*score < 40)
        return WeakClass::kVeryWeak;
    if (*score < 60)
        return WeakClass::kWeak;
    if (*score < 80)
        return WeakClass::kAverage;
    return WeakClass::kGood;
}

namespace {

// The classification of the grid's lines; `evaluation` holds each commune's evaluation score (EvaluationScores).
std::vector<WeakArea> Classify(std::vector<GridLine> lines, const std::map<std::int64_t, int>& evaluation) {
    std::vector<WeakArea> out;
    for (auto& line : lines) {
        WeakArea area;
        area.commune = std::move(line.commune);
        area.district_id = line.district_id;
        area.district_name = std::move(line.district_name);
        int total = 0;
        for (const auto& cell : line.cells) {
            if (auto points = CompliancePoints(cell.status.status)) {
                total += *points;
                ++area.months_counted;
            }
        }
        if (area.months_counted > 0) {
            area.scores.compliance = (total + area.months_counted / 2) / area.months_counted;
        }
        if (auto found = evaluation.find(area.commune.id); found != evaluation.end()) {
            area.scores.evaluation = found->second;
        }
        area.score = CombinedScore(area.scores);
        area.weak_class = ClassifyScore(area.score);
        area.cells = std::move(line.cells);
        out.push_back(std::move(area));
    }
    // Weakest first; equal classes keep board order.
    std::stable_sort(out.begin(), out.end(), [](const WeakArea& a, const WeakArea& b) {
        auto rank = [](const WeakArea& x) {
            return x.weak_class == WeakClass::kNoData ? 1000 : x.score.value_or(1000);
        };
        return rank(a) < rank(b);
    });
    return out;
}

// The `months` full months before `today`'s month, oldest first.
std::vector<std::string> WeakMonths(const std::string& today, int months) {
    std::string last = PreviousMonth(today.substr(0, 7));
    std::string first = last;
    for (int i = 1; i < months; ++i) {
        first = PreviousMonth(first);
    }
    return MonthsBetween(first, last);
}

}  // namespace

std::map<std::int64_t, int> WeakLevels(db::Database& database, std::int64_t unit_id, int months,
                                       const std::string& today) {
    months = std::clamp(months, 1, kMaxWeakMonths);
    return database.ReadValue([&](db::Connection& c) {
        ConferenceStore conferences;
        SupervisionStore store;
        std::map<std::int64_t, int> out;
        auto unit = conferences.FindUnit(c, unit_id);
        if (!unit) {
            return out;
        }
        auto window = WeakMonths(today, months);
        auto scores = EvaluationScores(c, unit->path, window.front(), window.back());
        for (const auto& area : Classify(ReadGrid(c, conferences, store, *unit, window, today), scores)) {
            out[area.commune.id] = WeakLevelOf(area.weak_class);
        }
        return out;
    });
}

std::vector<YearLine> StatusGrid(db::Connection& c, std::int64_t unit_id, const std::vector<std::string>& months,
                                 const std::string& today) {
    ConferenceStore conferences;
    SupervisionStore store;
    std::vector<YearLine> out;
    auto unit = conferences.FindUnit(c, unit_id);
    if (!unit || months.empty()) {
        return out;
    }
    for (auto& line : ReadGrid(c, conferences, store, *unit, months, today)) {
        out.push_back(
            YearLine{std::move(line.commune), line.district_id, std::move(line.district_name), std::move(line.cells)});
    }
    return out;
}

// ---------- the service ----------

SupervisionService::SupervisionService(db::Database& database, org::Service& org, std::function<std::int64_t()> clock)
    : database_(database), org_(org), clock_(std::move(clock)) {}

std::string SupervisionService::Today() const {
    return text::FormatIsoDate(clock_());
}

std::optional<std::string> SupervisionService::ParseMonth(const std::string& text) {
    std::string trimmed = org::Trim(text);
    if (IsMonth(trimmed)) {
        return trimmed;
    }
    if (trimmed.size() == 7 && trimmed[2] == '/') {
        std::string iso = trimmed.substr(3, 4) + "-" + trimmed.substr(0, 2);
        if (IsMonth(iso)) {
            return iso;
        }
    }
    return std::nullopt;
}

bool SupervisionService::CanSupervise(const org::Principal& principal, const std::string& unit_path) const {
    return principal.Can(org::Permission::kOutreachSupervise, unit_path);
}

ConferenceUnit SupervisionService::RequireUnit(db::Connection& c, std::int64_t unit_id) const {
    auto unit = conferences_.FindUnit(c, unit_id);
    if (!unit) {
        throw ServiceError(Kind::kNotFound, "Không tìm thấy đơn vị.");
    }
    return *unit;
}

ConferenceUnit SupervisionService::RequireCommune(db::Connection& c, std::int64_t unit_id) const {
    auto unit = RequireUnit(c, unit_id);
    if (unit.level != "commune") {
        throw ServiceError(Kind::kInvalid, "Chỉ nhắc nhở, phê bình được cấp xã.", {{"unit_id", "Hãy chọn một xã."}});
    }
    return unit;
}

MonthBoard SupervisionService::Board(const org::Principal& principal, std::int64_t unit_id, const std::string& month) {
    auto parsed = ParseMonth(month);
    if (!parsed) {
        throw ServiceError(Kind::kInvalid, "Tháng không hợp lệ (định dạng yyyy-mm, ví dụ 2026-05).",
                           {{"month", "Tháng không hợp lệ."}});
    }
    std::string today = Today();
    return database_.ReadValue([&](db::Connection& c) {
        MonthBoard board;
        board.unit = RequireUnit(c, unit_id);
        if (!principal.Can(org::Permission::kOutreachRead, board.unit.path)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem bảng giám sát của đơn vị này.");
        }
        board.month = *parsed;
        auto lines = ReadGrid(c, conferences_, store_, board.unit, {board.month}, today);
        std::map<std::int64_t, std::vector<Reminder>> reminders;
        for (auto& reminder : store_.Reminders(c, board.unit.path, board.month, board.month)) {
            reminders[reminder.unit_id].push_back(std::move(reminder));
        }
        std::map<std::int64_t, std::vector<Reprimand>> reprimands;
        for (auto& reprimand : store_.Reprimands(c, board.unit.path, board.month, board.month)) {
            reprimands[reprimand.unit_id].push_back(std::move(reprimand));
        }
        // Every published attendance of the month with its evaluation: one query for the whole board.
        std::map<std::int64_t, std::vector<EvaluationDue>> evaluations;
        for (auto& due : EvaluationDues(c, board.unit.path, board.month, board.month, today)) {
            evaluations[due.commune_id].push_back(std::move(due));
        }
        for (auto& line : lines) {
            BoardLine out;
            out.commune = std::move(line.commune);
            out.district_id = line.district_id;
            out.district_name = std::move(line.district_name);
            out.cell = std::move(line.cells.front());
            out.reminders = std::move(reminders[out.commune.id]);
            out.reprimands = std::move(reprimands[out.commune.id]);
            out.evaluations = std::move(evaluations[out.commune.id]);
            for (const auto& due : out.evaluations) {
                out.missing_evaluations += due.state == EvaluationState::kMissing ? 1 : 0;
                board.awaited_evaluations += due.state == EvaluationState::kAwaited ? 1 : 0;
                board.filed_evaluations += due.state == EvaluationState::kFiled ? 1 : 0;
            }
            board.missing_evaluations += out.missing_evaluations;
            ++board.counts[out.cell.status.status];
            board.lines.push_back(std::move(out));
        }
        return board;
    });
}

YearBoard SupervisionService::Year(const org::Principal& principal, std::int64_t unit_id, int year) {
    if (year < 2000 || year > 2100) {
        throw ServiceError(Kind::kInvalid, "Năm không hợp lệ (từ 2000 đến 2100).", {{"year", "Năm không hợp lệ."}});
    }
    std::string today = Today();
    return database_.ReadValue([&](db::Connection& c) {
        YearBoard board;
        board.unit = RequireUnit(c, unit_id);
        if (!principal.Can(org::Permission::kOutreachRead, board.unit.path)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem bảng giám sát của đơn vị này.");
        }
        board.year = year;
        board.months = MonthsBetween(std::to_string(year) + "-01", std::to_string(year) + "-12");
        for (auto& line : ReadGrid(c, conferences_, store_, board.unit, board.months, today)) {
            board.lines.push_back(YearLine{std::move(line.commune), line.district_id, std::move(line.district_name),
                                           std::move(line.cells)});
        }
        return board;
    });
}

WeakAreas SupervisionService::Weak(const org::Principal& principal, std::int64_t unit_id, int months) {
    if (months < 1 || months > kMaxWeakMonths) {
        throw ServiceError(Kind::kInvalid, "Số tháng xét phải từ 1 đến 24.", {{"months", "Số tháng không hợp lệ."}});
    }
    std::string today = Today();
    return database_.ReadValue([&](db::Connection& c) {
        WeakAreas weak;
        weak.unit = RequireUnit(c, unit_id);
        if (!principal.Can(org::Permission::kOutreachRead, weak.unit.path)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem xếp loại của đơn vị này.");
        }
        weak.months = WeakMonths(today, months);
        weak.communes =
            Classify(ReadGrid(c, conferences_, store_, weak.unit, weak.months, today),
                     EvaluationScores(c, weak.unit.path, weak.months.front(), weak.months.back()));
        return weak;
    });
}

UnitHistory SupervisionService::History(const org::Principal& principal, std::int64_t unit_id) {
    return database_.ReadValue([&](db::Connection& c) {
        UnitHistory history;
        history.unit = RequireUnit(c, unit_id);
        if (!principal.Can(org::Permission::kOutreachRead, history.unit.path)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem việc giám sát của đơn vị này.");
        }
        if (auto head = store_.CurrentHead(c, unit_id)) {
            history.head_name = head->second;
        }
        history.reminders = store_.UnitReminders(c, unit_id);
        history.reprimands = store_.UnitReprimands(c, unit_id);
        return history;
    });
}

Reminder SupervisionService::GetReminder(const org::Principal& principal, std::int64_t id) {
    return database_.ReadValue([&](db::Connection& c) {
        auto reminder = store_.FindReminder(c, id);
        if (!reminder) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy lời nhắc này.");
        }
        if (!principal.Can(org::Permission::kOutreachRead, RequireUnit(c, reminder->unit_id).path)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem lời nhắc này.");
        }
        return *reminder;
    });
}

Reprimand SupervisionService::GetReprimand(const org::Principal& principal, std::int64_t id) {
    return database_.ReadValue([&](db::Connection& c) {
        auto reprimand = store_.FindReprimand(c, id);
        if (!reprimand) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy quyết định nhắc nhở, phê bình này.");
        }
        if (!principal.Can(org::Permission::kOutreachRead, RequireUnit(c, reprimand->unit_id).path)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem quyết định này.");
        }
        return *reprimand;
    });
}

Written SupervisionService::Idempotent(const org::Actor& actor, const std::string& key, const std::string& action,
                                       const std::function<std::int64_t(db::Connection&)>& fn) {
    return RunOnce(database_, conferences_, actor, key, action, clock_(), fn);
}

Written SupervisionService::Remind(const org::Actor& actor, const ReminderInput& input, const std::string& key) {
    return Idempotent(actor, key, "outreach.reminder", [&](db::Connection& c) {
        auto unit = RequireCommune(c, input.unit_id);
        if (!actor.principal || !CanSupervise(*actor.principal, unit.path)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền gửi lời nhắc cho xã này.");
        }
        auto month = ParseMonth(input.month);
        if (!month) {
            throw ServiceError(Kind::kInvalid, "Tháng không hợp lệ (định dạng yyyy-mm, ví dụ 2026-05).",
                               {{"month", "Tháng không hợp lệ."}});
        }
        std::string reason = Required(input.reason, "reason", "Hãy ghi nội dung nhắc.");
        if (reason.size() > kMaxReason) {
            throw ServiceError(Kind::kInvalid, "Nội dung nhắc dài quá 2000 ký tự.", {{"reason", "Nội dung quá dài."}});
        }
        std::int64_t now = clock_();
        // Every enabled account that keeps the commune's outreach work on the commune itself.
        std::set<std::int64_t> accounts;
        for (org::Role role : org::AllRoles()) {
            if (!org::RoleHas(role, org::Permission::kOutreachWrite)) {
                continue;
            }
            for (const auto& account : org_.AccountsGranted(c, role, unit.id)) {
                if (!account.disabled) {
                    accounts.insert(account.id);
                }
            }
        }
        Reminder reminder;
        reminder.unit_id = unit.id;
        reminder.unit_name = unit.full_name;
        reminder.month = *month;
        reminder.reason = reason;
        reminder.sent_by = actor.principal->login;
        reminder.sent_at = now;
        reminder.recipients = static_cast<std::int64_t>(accounts.size());
        reminder.id = store_.InsertReminder(c, reminder, key);
        std::vector<std::int64_t> ids(accounts.begin(), accounts.end());
        if (!ids.empty()) {
            notify::Message message;
            message.kind = "outreach_reminder";
            message.title = "Nhắc việc hội nghị tuyên vận tháng " + ShowMonth(*month) + " – " + unit.full_name;
            message.body = reason + "\n\nNgười nhắc: " + actor.principal->display_name + ".";
            message.link = "/quan-tri/tuyen-van/giam-sat/don-vi/" + std::to_string(unit.id);
            notify::Notify(c, now, ids, message, true);
        }
        AuditCreated(c, actor, "outreach.reminder.send", "outreach_reminder", reminder.id, ToJson(reminder), now);
        return reminder.id;
    });
}

Written SupervisionService::RecordReprimand(const org::Actor& actor, const ReprimandInput& input,
                                            const std::string& key) {
    std::string today = Today();
    return Idempotent(actor, key, "outreach.reprimand", [&](db::Connection& c) {
        auto unit = RequireCommune(c, input.unit_id);
        if (!actor.principal || !CanSupervise(*actor.principal, unit.path)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền nhắc nhở, phê bình xã này.");
        }
        auto kind = ParseReprimandKind(input.kind);
        if (!kind) {
            throw ServiceError(Kind::kInvalid, "Hình thức phải là nhắc nhở hoặc phê bình.",
                               {{"kind", "Hãy chọn nhắc nhở hoặc phê bình."}});
        }
        std::string reason = Required(input.reason, "reason", "Hãy ghi lý do nhắc nhở, phê bình.");
        if (reason.size() > kMaxReason) {
            throw ServiceError(Kind::kInvalid, "Lý do dài quá 2000 ký tự.", {{"reason", "Lý do quá dài."}});
        }
        std::string document = org::Trim(input.document_number);
        if (document.size() > kMaxDocumentNumber) {
            throw ServiceError(Kind::kInvalid, "Số văn bản dài quá 100 ký tự.",
                               {{"document_number", "Số văn bản quá dài."}});
        }
        std::string decided = today;
        if (!org::Trim(input.decided_on).empty()) {
            auto parsed = ReadDate(org::Trim(input.decided_on));
            if (!parsed) {
                throw ServiceError(Kind::kInvalid, "Ngày quyết định không hợp lệ (định dạng dd/mm/yyyy).",
                                   {{"decided_on", "Ngày không hợp lệ."}});
            }
            decided = *parsed;
        }
        if (decided > today) {
            throw ServiceError(Kind::kInvalid, "Ngày quyết định không được sau hôm nay.",
                               {{"decided_on", "Ngày quyết định không được sau hôm nay."}});
        }
        std::string month = decided.substr(0, 7);
        if (!org::Trim(input.month).empty()) {
            auto parsed = ParseMonth(input.month);
            if (!parsed) {
                throw ServiceError(Kind::kInvalid, "Tháng không hợp lệ (định dạng yyyy-mm, ví dụ 2026-05).",
                                   {{"month", "Tháng không hợp lệ."}});
            }
            month = *parsed;
        }
        std::int64_t now = clock_();
        Reprimand reprimand;
        reprimand.unit_id = unit.id;
        reprimand.unit_name = unit.full_name;
        reprimand.kind = *kind;
        if (auto head = store_.CurrentHead(c, unit.id)) {
            reprimand.person_id = head->first;
            reprimand.person_name = head->second;
        }
        reprimand.reason = reason;
        reprimand.document_number = document;
        reprimand.decided_on = decided;
        reprimand.month = month;
        reprimand.recorded_by = actor.principal->login;
        reprimand.recorded_at = now;
        reprimand.id = store_.InsertReprimand(c, reprimand, key);
        AuditCreated(c, actor, "outreach.reprimand.create", "outreach_reprimand", reprimand.id, ToJson(reprimand), now);
        return reprimand.id;
    });
}

// ---------- JSON ----------

namespace {

json::object ReminderObject(const Reminder& r) {
    return json::object{{"id", r.id},           {"unit_id", r.unit_id},      {"unit_name", r.unit_name},
                        {"month", r.month},     {"reason", r.reason},        {"sent_by", r.sent_by},
                        {"sent_at", r.sent_at}, {"recipients", r.recipients}};
}

json::object ReprimandObject(const Reprimand& r) {
    json::object out{{"id", r.id},
                     {"unit_id", r.unit_id},
                     {"unit_name", r.unit_name},
                     {"kind", std::string(ReprimandKindName(r.kind))},
                     {"kind_label", std::string(ReprimandKindLabel(r.kind))},
                     {"person_name", r.person_name},
                     {"reason", r.reason},
                     {"document_number", r.document_number},
                     {"decided_on", r.decided_on},
                     {"month", r.month},
                     {"recorded_by", r.recorded_by},
                     {"recorded_at", r.recorded_at}};
    out["person_id"] = r.person_id ? json::value(*r.person_id) : json::value(nullptr);
    return out;
}

}  // namespace

std::string ToJson(const Reminder& reminder) {
    return json::serialize(ReminderObject(reminder));
}

std::string ToJson(const Reprimand& reprimand) {
    return json::serialize(ReprimandObject(reprimand));
}

std::string ToJson(const MonthBoard& board) {
    json::object counts;
    for (ConferenceStatus status : AllConferenceStatuses()) {
        auto found = board.counts.find(status);
        counts[StatusName(status)] = found == board.counts.end() ? 0 : found->second;
    }
    json::array lines;
    for (const auto& line : board.lines) {
        json::array reminders, reprimands;
        for (const auto& r : line.reminders)
            reminders.push_back(ReminderObject(r));
        for (const auto& r : line.reprimands)
            reprimands.push_back(ReprimandObject(r));
        json::array evaluations;
        for (const auto& due : line.evaluations)
            evaluations.push_back(json::parse(ToJson(due)));
        lines.push_back(json::object{{"commune", UnitJson(line.commune)},
                                     {"district_id", line.district_id},
                                     {"district_name", line.district_name},
                                     {"cell", CellJson(line.cell)},
                                     {"reminders", std::move(reminders)},
                                     {"reprimands", std::move(reprimands)},
                                     {"evaluations", std::move(evaluations)},
                                     {"missing_evaluations", line.missing_evaluations}});
    }
    return json::serialize(json::object{{"unit", UnitJson(board.unit)},
                                        {"month", board.month},
                                        {"counts", std::move(counts)},
                                        {"evaluations", json::object{{"missing", board.missing_evaluations},
                                                                     {"awaited", board.awaited_evaluations},
                                                                     {"filed", board.filed_evaluations}}},
                                        {"communes", std::move(lines)}});
}

std::string ToJson(const YearBoard& board) {
    json::array months;
    for (const auto& m : board.months)
        months.push_back(json::value(m));
    json::array lines;
    for (const auto& line : board.lines) {
        json::array cells;
        for (const auto& cell : line.cells)
            cells.push_back(CellJson(cell));
        lines.push_back(json::object{{"commune", UnitJson(line.commune)},
                                     {"district_id", line.district_id},
                                     {"district_name", line.district_name},
                                     {"months", std::move(cells)}});
    }
    return json::serialize(json::object{{"unit", UnitJson(board.unit)},
                                        {"year", board.year},
                                        {"months", std::move(months)},
                                        {"communes", std::move(lines)}});
}

std::string ToJson(const WeakAreas& weak) {
    json::array months;
    for (const auto& m : weak.months)
        months.push_back(json::value(m));
    json::array communes;
    for (const auto& area : weak.communes) {
        json::array statuses;
        for (const auto& cell : area.cells)
            statuses.push_back(json::value(StatusName(cell.status.status)));
        json::object item{{"commune", UnitJson(area.commune)},
                          {"district_id", area.district_id},
                          {"district_name", area.district_name},
                          {"class", std::string(WeakClassName(area.weak_class))},
                          {"class_label", std::string(WeakClassLabel(area.weak_class))},
                          {"weak_level", WeakLevelOf(area.weak_class)},
                          {"months_counted", area.months_counted},
                          {"statuses", std::move(statuses)}};
        item["score"] = area.score ? json::value(*area.score) : json::value(nullptr);
        item["compliance_score"] = area.scores.compliance ? json::value(*area.scores.compliance) : json::value(nullptr);
        item["evaluation_score"] = area.scores.evaluation ? json::value(*area.scores.evaluation) : json::value(nullptr);
        communes.push_back(std::move(item));
    }
    return json::serialize(json::object{{"unit", UnitJson(weak.unit)},
                                        {"months", std::move(months)},
                                        {"rule", std::string(kWeakRuleText)},
                                        {"communes", std::move(communes)}});
}

std::string ToJson(const UnitHistory& history) {
    json::array reminders, reprimands;
    for (const auto& r : history.reminders)
        reminders.push_back(ReminderObject(r));
    for (const auto& r : history.reprimands)
        reprimands.push_back(ReprimandObject(r));
    return json::serialize(json::object{{"unit", UnitJson(history.unit)},
                                        {"head_name", history.head_name},
                                        {"reminders", std::move(reminders)},
                                        {"reprimands", std::move(reprimands)}});
}

}  // namespace tuyenvan::outreach
