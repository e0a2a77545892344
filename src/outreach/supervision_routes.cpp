#include "outreach/supervision_routes.hpp"

#include <boost/json.hpp>
#include <set>

#include "outreach/web_support.hpp"
#include "platform/http/form.hpp"
#include "platform/security/crypto.hpp"
#include "platform/text/format.hpp"
#include "platform/text/html.hpp"

namespace tuyenvan::outreach {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using http::Mode;
using http::Request;
using http::Response;
using org::ServiceError;
using web::ActorOf;
using web::FormErrors;
using web::Guard;

constexpr const char* kBase = "/quan-tri/tuyen-van/giam-sat";

std::string Id(std::int64_t id) {
    return std::to_string(id);
}

std::string UnitPath(std::int64_t id) {
    return std::string(kBase) + "/don-vi/" + Id(id);
}

// The month asked for ("thang", "yyyy-mm" or "mm/yyyy"), by default the current one.
std::string MonthOf(const SupervisionService& service, const std::string& typed) {
    if (typed.empty()) {
        return service.Today().substr(0, 7);
    }
    auto parsed = SupervisionService::ParseMonth(typed);
    if (!parsed) {
        throw http::HttpError(422, "invalid", "Tháng không hợp lệ; hãy ghi theo dạng yyyy-mm hoặc tháng/năm.");
    }
    return *parsed;
}

// The reminder's text proposed from the status of the month.
std::string ProposedReason(const BoardCell& cell, const std::string& month) {
    std::string shown = ShowMonth(month);
    switch (cell.status.status) {
        case ConferenceStatus::kNotRegistered:
            return "Xã chưa đăng ký hội nghị tuyên vận tháng " + shown + ". Đề nghị đăng ký ngay.";
        case ConferenceStatus::kNotHeld:
            return "Xã không tổ chức hội nghị tuyên vận tháng " + shown + ". Đề nghị báo cáo lý do.";
        case ConferenceStatus::kHeldWithoutRecord:
            return "Xã chưa nộp biên bản hội nghị tuyên vận tháng " + shown + " đúng hạn. Đề nghị nộp ngay.";
        case ConferenceStatus::kHeldLate:
            return "Hội nghị tuyên vận tháng " + shown + " tổ chức muộn so với lịch. Đề nghị rút kinh nghiệm.";
        case ConferenceStatus::kChanged:
        case ConferenceStatus::kRegistered:
            return "Đề nghị tổ chức hội nghị tuyên vận tháng " + shown +
                   " đúng lịch đã đăng ký và nộp biên bản đúng "
                   "hạn.";
        case ConferenceStatus::kHeldOnSchedule:
            return "Đề nghị duy trì tổ chức hội nghị tuyên vận đúng lịch.";
    }
    return {};
}

void SetUnit(view::Data& data, const ConferenceUnit& unit) {
    data.set("unit_id", Id(unit.id));
    data.set("unit_name", unit.full_name);
    data.set("is_province", unit.level == "province");
}

view::Data UnitData(const ConferenceUnit& unit) {
    view::Data data;
    SetUnit(data, unit);
    return data;
}

view::Data FlagsOf(const BoardCell& cell, view::Data row) {
    row.set("status_code", std::string(StatusName(cell.status.status)));
    row.set("status_label", std::string(StatusLabel(cell.status.status)));
    row.set("status_short", std::string(StatusShortLabel(cell.status.status)));
    row.set("registered_late", cell.status.registered_late);
    row.set("changed", cell.status.notices > 0);
    row.set("record_late", cell.status.record_late);
    row.set("record_missing", cell.status.status == ConferenceStatus::kHeldWithoutRecord);
    if (!cell.status.scheduled_date.empty()) {
        row.set("scheduled", ShowDate(cell.status.scheduled_date));
    }
    if (cell.conference_id) {
        row.set("conference_href", "/quan-tri/tuyen-van/hoi-nghi/" + Id(*cell.conference_id));
    }
    return row;
}

// The cells of a grid row as HTML, built here rather than by the template: a province's year is 1,800 cells,
// and one template context per cell would cost more than everything else on the page. Every text is the
// program's own (status labels, months, ids) and is escaped all the same.
std::string CellsHtml(const std::vector<BoardCell>& cells, bool table) {
    std::string out;
    out.reserve(cells.size() * 200);
    for (const auto& cell : cells) {
        std::string label =
            text::EscapeHtml(ShowMonth(cell.month) + ": " + std::string(StatusLabel(cell.status.status)));
        out += table ? "<td class=\"sv-cell sv-status-" : "<span class=\"sv-cell sv-status-";
        out += StatusName(cell.status.status);
        out += "\" title=\"";
        out += label;
        out += "\">";
        if (cell.conference_id && table) {
            out += "<a href=\"/quan-tri/tuyen-van/hoi-nghi/" + Id(*cell.conference_id) + "\">";
        }
        out += text::EscapeHtml(StatusShortLabel(cell.status.status));
        out += "<span class=\"visually-hidden\"> (";
        out += label;
        out += ")</span>";
        if (cell.conference_id && table) {
            out += "</a>";
        }
        out += table ? "</td>" : "</span> ";
    }
    return out;
}

// ---------- pages ----------

Response HomePage(const org::Web& web, const org::Principal& principal) {
    view::Data data;
    view::List units = view::MakeList();
    std::set<std::int64_t> seen;
    for (const auto& grant : principal.grants) {
        if (org::RoleHas(grant.role, org::Permission::kOutreachRead) && seen.insert(grant.unit_id).second) {
            view::Data row;
            row.set("id", Id(grant.unit_id));
            row.set("name", grant.unit_name);
            view::Append(units, std::move(row));
        }
    }
    data.set("has_units", !seen.empty());
    data["units"] = std::move(units);
    return web.Page("outreach/supervision_home", std::move(data), principal, "Giám sát hội nghị tuyên vận");
}

Response BoardPage(const org::Web& web, SupervisionService& service, const org::Principal& principal,
                   std::int64_t unit_id, const Request& request) {
    std::string month = MonthOf(service, request.query.Get("thang"));
    auto board = Guard([&] { return service.Board(principal, unit_id, month); });
    auto district_filter = org::ToInt(request.query.Get("huyen"));
    std::string status_filter = request.query.Get("trang-thai");
    bool missing_filter = request.query.Get("danh-gia") == "thieu";
    bool can_supervise = service.CanSupervise(principal, board.unit.path);
    view::Data data = UnitData(board.unit);
    data.set("month", board.month);
    data.set("month_label", ShowMonth(board.month));
    data.set("previous_month", PreviousMonth(board.month));
    data.set("next_month", NextMonth(board.month));
    data.set("year", board.month.substr(0, 4));
    view::List counts = view::MakeList();
    view::List statuses = view::MakeList();
    for (ConferenceStatus status : AllConferenceStatuses()) {
        auto found = board.counts.find(status);
        view::Data count;
        count.set("status_code", std::string(StatusName(status)));
        count.set("status_label", std::string(StatusLabel(status)));
        count.set("count", std::to_string(found == board.counts.end() ? 0 : found->second));
        view::Append(counts, std::move(count));
        view::Data option;
        option.set("value", std::string(StatusName(status)));
        option.set("label", std::string(StatusLabel(status)));
        option.set("selected", status_filter == StatusName(status));
        view::Append(statuses, std::move(option));
    }
    data["counts"] = std::move(counts);
    data["statuses"] = std::move(statuses);
    data.set("missing_evaluations", std::to_string(board.missing_evaluations));
    data.set("awaited_evaluations", std::to_string(board.awaited_evaluations));
    data.set("filter_missing", missing_filter);
    view::List districts = view::MakeList();
    view::List groups = view::MakeList();
    std::int64_t current_district = -1;
    view::Data group;
    view::List rows = view::MakeList();
    int shown = 0;
    int in_group = 0;
    auto flush = [&] {
        if (current_district != -1 && in_group > 0) {
            group["communes"] = std::move(rows);
            view::Append(groups, std::move(group));
        }
        rows = view::MakeList();
        group = view::Data();
        in_group = 0;
    };
    for (const auto& line : board.lines) {
        if (line.district_id != current_district) {
            flush();
            current_district = line.district_id;
            group.set("district_name", line.district_name.empty() ? board.unit.full_name : line.district_name);
            if (!line.district_name.empty()) {
                view::Data option;
                option.set("value", Id(line.district_id));
                option.set("label", line.district_name);
                option.set("selected", district_filter == line.district_id);
                view::Append(districts, std::move(option));
            }
        }
        if ((district_filter && *district_filter != line.district_id) ||
            (!status_filter.empty() && status_filter != StatusName(line.cell.status.status)) ||
            (missing_filter && line.missing_evaluations == 0)) {
            continue;
        }
        view::Data row;
        row.set("id", Id(line.commune.id));
        row.set("name", line.commune.full_name);
        row = FlagsOf(line.cell, std::move(row));
        if (!line.reminders.empty()) {
            row.set("reminders", std::to_string(line.reminders.size()));
        }
        if (!line.reprimands.empty()) {
            std::string text;
            for (const auto& r : line.reprimands) {
                text += (text.empty() ? "" : ", ") + std::string(ReprimandKindLabel(r.kind));
            }
            row.set("reprimands", text);
        }
        view::List evaluations = view::MakeList();
        for (const auto& due : line.evaluations) {
            view::Data item;
            item.set("agency_name", due.agency_name);
            item.set("state_code", std::string(EvaluationStateName(due.state)));
            item.set("state_label", std::string(EvaluationStateLabel(due.state)));
            if (due.evaluation_id) {
                item.set("evaluation_href", "/quan-tri/tuyen-van/danh-gia/" + Id(*due.evaluation_id));
                item.set("points", std::to_string(due.total_points) + "/" + std::to_string(due.max_points));
            } else if (due.state == EvaluationState::kAwaited) {
                item.set("deadline", ShowDate(due.deadline));
            }
            view::Append(evaluations, std::move(item));
        }
        row["evaluations"] = std::move(evaluations);
        row.set("can_supervise", can_supervise);
        row.set("action_href", UnitPath(line.commune.id) + "?thang=" + board.month);
        view::Append(rows, std::move(row));
        ++shown;
        ++in_group;
    }
    flush();
    data["districts"] = std::move(districts);
    data["groups"] = std::move(groups);
    data.set("has_rows", shown > 0);
    data.set("shown", std::to_string(shown));
    data.set("total", std::to_string(board.lines.size()));
    data.set("can_supervise", can_supervise);
    return web.Page("outreach/supervision_board", std::move(data), principal,
                    "Bảng giám sát tháng " + ShowMonth(board.month) + " · " + board.unit.full_name);
}

int YearOf(const SupervisionService& service, const std::string& typed) {
    if (typed.empty()) {
        return std::stoi(service.Today().substr(0, 4));
    }
    auto year = org::ToInt(typed);
    if (!year) {
        throw http::HttpError(422, "invalid", "Năm không hợp lệ.");
    }
    return static_cast<int>(*year);
}

Response YearPage(const org::Web& web, SupervisionService& service, const org::Principal& principal,
                  std::int64_t unit_id, const Request& request) {
    int year = YearOf(service, request.query.Get("nam"));
    auto board = Guard([&] { return service.Year(principal, unit_id, year); });
    view::Data data = UnitData(board.unit);
    data.set("year", std::to_string(board.year));
    data.set("previous_year", std::to_string(board.year - 1));
    data.set("next_year", std::to_string(board.year + 1));
    view::List months = view::MakeList();
    for (const auto& month : board.months) {
        view::Data m;
        m.set("label", month.substr(5, 2));
        m.set("month", month);
        view::Append(months, std::move(m));
    }
    data["months"] = std::move(months);
    view::List rows = view::MakeList();
    std::int64_t district = -1;
    for (const auto& line : board.lines) {
        view::Data row;
        if (line.district_id != district && !line.district_name.empty() && board.unit.level == "province") {
            row.set("district_name", line.district_name);
        }
        district = line.district_id;
        row.set("id", Id(line.commune.id));
        row.set("name", line.commune.full_name);
        row.set("cells_html", CellsHtml(line.cells, true));
        view::Append(rows, std::move(row));
    }
    data["rows"] = std::move(rows);
    data.set("has_rows", !board.lines.empty());
    return web.Page("outreach/supervision_year", std::move(data), principal,
                    "Giám sát cả năm " + std::to_string(board.year) + " · " + board.unit.full_name);
}

Response WeakPage(const org::Web& web, SupervisionService& service, const org::Principal& principal,
                  std::int64_t unit_id, const Request& request) {
    std::string typed = request.query.Get("so-thang");
    auto months = typed.empty() ? std::optional<std::int64_t>(6) : org::ToInt(typed);
    if (!months) {
        throw http::HttpError(422, "invalid", "Số tháng xét phải từ 1 đến 24.");
    }
    auto weak = Guard([&] { return service.Weak(principal, unit_id, static_cast<int>(*months)); });
    view::Data data = UnitData(weak.unit);
    data.set("months_count", std::to_string(*months));
    data.set("rule", std::string(kWeakRuleText));
    data.set("period", ShowMonth(weak.months.front()) + " – " + ShowMonth(weak.months.back()));
    view::List rows = view::MakeList();
    int weak_count = 0;
    for (const auto& area : weak.communes) {
        view::Data row;
        row.set("id", Id(area.commune.id));
        row.set("name", area.commune.full_name);
        row.set("district_name", area.district_name);
        row.set("score", area.score ? std::to_string(*area.score) : std::string("—"));
        row.set("class_code", std::string(WeakClassName(area.weak_class)));
        row.set("class_label", std::string(WeakClassLabel(area.weak_class)));
        row.set("months_counted", std::to_string(area.months_counted));
        row.set("cells_html", CellsHtml(area.cells, false));
        if (WeakLevelOf(area.weak_class) > 0) {
            ++weak_count;
        }
        view::Append(rows, std::move(row));
    }
    data["rows"] = std::move(rows);
    data.set("has_rows", !weak.communes.empty());
    data.set("weak_count", std::to_string(weak_count));
    return web.Page("outreach/supervision_weak", std::move(data), principal, "Địa bàn yếu · " + weak.unit.full_name);
}

Response UnitPage(const org::Web& web, SupervisionService& service, const org::Principal& principal,
                  std::int64_t unit_id, const Request& request, const http::Params& form, view::Data data, int status) {
    auto history = Guard([&] { return service.History(principal, unit_id); });
    std::string month = MonthOf(service, form.Has("month") ? form.Get("month") : request.query.Get("thang"));
    SetUnit(data, history.unit);
    data.set("month", month);
    data.set("month_label", ShowMonth(month));
    if (!history.head_name.empty()) {
        data.set("head_name", history.head_name);
    }
    bool can_supervise = history.unit.level == "commune" && service.CanSupervise(principal, history.unit.path);
    data.set("can_supervise", can_supervise);
    if (can_supervise) {
        std::string reason = form.Get("reason");
        if (reason.empty() && !form.Has("reason")) {
            auto board = Guard([&] { return service.Board(principal, unit_id, month); });
            if (!board.lines.empty()) {
                reason = ProposedReason(board.lines.front().cell, month);
                data = FlagsOf(board.lines.front().cell, std::move(data));
            }
        }
        data.set("reason", reason);
        data.set("reprimand_reason", form.Get("reprimand_reason"));
        data.set("document_number", form.Get("document_number"));
        data.set("decided_on", form.Has("decided_on") ? form.Get("decided_on") : ShowDate(service.Today()));
        data.set("kind_phe_binh", form.Get("kind") == "phe_binh");
        data.set("idempotency_key", security::RandomToken(16));
    }
    view::List reminders = view::MakeList();
    for (const auto& r : history.reminders) {
        view::Data row;
        row.set("month", ShowMonth(r.month));
        row.set("reason", r.reason);
        row.set("sent_by", r.sent_by);
        row.set("sent_at", text::FormatDateTime(r.sent_at));
        row.set("recipients", std::to_string(r.recipients));
        view::Append(reminders, std::move(row));
    }
    view::List reprimands = view::MakeList();
    for (const auto& r : history.reprimands) {
        view::Data row;
        row.set("kind", std::string(ReprimandKindLabel(r.kind)));
        row.set("kind_code", std::string(ReprimandKindName(r.kind)));
        row.set("person", r.person_name.empty() ? history.unit.full_name : r.person_name);
        row.set("reason", r.reason);
        if (!r.document_number.empty()) {
            row.set("document_number", r.document_number);
        }
        row.set("decided_on", ShowDate(r.decided_on));
        row.set("month", ShowMonth(r.month));
        row.set("recorded_by", r.recorded_by);
        view::Append(reprimands, std::move(row));
    }
    data.set("has_reminders", !history.reminders.empty());
    data.set("has_reprimands", !history.reprimands.empty());
    data["reminders"] = std::move(reminders);
    data["reprimands"] = std::move(reprimands);
    auto response = web.Page("outreach/supervision_unit", std::move(data), principal,
                             "Nhắc việc, nhắc nhở, phê bình · " + history.unit.full_name);
    response.status = status;
    return response;
}

template <typename Write>
Response PostForm(const org::Web& web, SupervisionService& service, Request& request, const char* done, Write write) {
    auto principal = web.RequirePrincipal(request);
    auto form = web.Form(request);
    web.CheckCsrf(request, principal, &form);
    std::int64_t unit_id = request.PathId("id");
    try {
        Guard([&] { return write(principal, unit_id, form); });
    } catch (const http::HttpError& error) {
        if (error.Status() == 403 || error.Status() == 404) {
            throw;
        }
        view::Data data;
        FormErrors(data, error);
        return UnitPage(web, service, principal, unit_id, request, form, std::move(data), error.Status());
    }
    return Response::Redirect(UnitPath(unit_id) + "?thang=" + MonthOf(service, form.Get("month")) + "&" + done);
}

void RegisterPages(http::Router& router, const org::Web& web, SupervisionService& service) {
    const std::string base(kBase);
    router.Add(verb::get, base, Mode::kBlocking,
               [&web](Request& request) { return HomePage(web, web.RequirePrincipal(request)); });
    router.Add(verb::get, base + "/bang/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return BoardPage(web, service, principal, request.PathId("id"), request);
    });
    router.Add(verb::get, base + "/nam/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return YearPage(web, service, principal, request.PathId("id"), request);
    });
    router.Add(verb::get, base + "/xep-loai/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return WeakPage(web, service, principal, request.PathId("id"), request);
    });
    router.Add(verb::get, base + "/don-vi/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        view::Data data;
        if (request.query.Has("da-nhac")) {
            data.set("notice", std::string("Đã gửi lời nhắc."));
        }
        if (request.query.Has("da-ghi")) {
            data.set("notice", std::string("Đã ghi nhận nhắc nhở, phê bình."));
        }
        return UnitPage(web, service, principal, request.PathId("id"), request, http::Params{}, std::move(data), 200);
    });
    router.Add(verb::post, base + "/don-vi/{id}/nhac", Mode::kBlocking, [&web, &service](Request& request) {
        return PostForm(web, service, request, "da-nhac=1",
                        [&](const org::Principal& principal, std::int64_t unit_id, const http::Params& form) {
                            return service.Remind(ActorOf(principal, request),
                                                  ReminderInput{unit_id, form.Get("month"), form.Get("reason")},
                                                  web::IdempotencyKey(request, &form));
                        });
    });
    router.Add(
        verb::post, base + "/don-vi/{id}/nhac-nho-phe-binh", Mode::kBlocking, [&web, &service](Request& request) {
            return PostForm(web, service, request, "da-ghi=1",
                            [&](const org::Principal& principal, std::int64_t unit_id, const http::Params& form) {
                                ReprimandInput input{unit_id,
                                                     form.Get("kind"),
                                                     form.Get("reprimand_reason"),
                                                     form.Get("document_number"),
                                                     form.Get("decided_on"),
                                                     form.Get("month")};
                                return service.RecordReprimand(ActorOf(principal, request), input,
                                                               web::IdempotencyKey(request, &form));
                            });
        });
}

void RegisterApi(http::Router& router, const org::Web& web, SupervisionService& service) {
    const std::string base("/api/v1/outreach/supervision");
    router
        .Add(verb::get, base + "/units/{id}/board", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 std::string month = MonthOf(service, request.query.Get("month"));
                 return Response::Json(ToJson(service.Board(principal, request.PathId("id"), month)));
             })
        .summary = "Bảng giám sát hội nghị tuyên vận một tháng của huyện hoặc tỉnh (month=yyyy-mm, mặc định tháng này)";
    router
        .Add(verb::get, base + "/units/{id}/year", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 int year = YearOf(service, request.query.Get("year"));
                 return Response::Json(ToJson(service.Year(principal, request.PathId("id"), year)));
             })
        .summary = "Trạng thái hội nghị tuyên vận của từng xã theo 12 tháng của một năm (year=yyyy)";
    router
        .Add(
            verb::get, base + "/units/{id}/weak-areas", Mode::kBlocking,
            [&web, &service](Request& request) {
                auto principal = web.RequirePrincipal(request);
                std::string typed = request.query.Get("months");
                auto months = typed.empty() ? std::optional<std::int64_t>(6) : org::ToInt(typed);
                if (!months) {
                    throw http::HttpError(422, "invalid", "Số tháng xét phải từ 1 đến 24.");
                }
                return Response::Json(ToJson(service.Weak(principal, request.PathId("id"), static_cast<int>(*months))));
            })
        .summary = "Xếp loại địa bàn yếu theo điểm chấp hành các tháng gần nhất (months=1–24, mặc định 6), kèm quy tắc";
    router
        .Add(verb::get, base + "/units/{id}/history", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 return Response::Json(ToJson(service.History(principal, request.PathId("id"))));
             })
        .summary = "Các lời nhắc và quyết định nhắc nhở, phê bình của một xã, mới nhất trước";
    router
        .Add(verb::get, base + "/units/{id}/reprimands", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 auto history = service.History(principal, request.PathId("id"));
                 json::array items;
                 for (const auto& r : history.reprimands) {
                     items.push_back(json::parse(ToJson(r)));
                 }
                 return Response::Json(json::serialize(json::object{{"items", std::move(items)}}));
             })
        .summary = "Các quyết định nhắc nhở, phê bình người đứng đầu một xã, mới nhất trước";
    router
        .Add(verb::post, base + "/reminders", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto body = web.JsonBody(request);
                 ReminderInput input{org::ToInt(web::JsonText(body, "unit_id")).value_or(0),
                                     web::JsonText(body, "month"), web::JsonText(body, "reason")};
                 auto written =
                     service.Remind(ActorOf(principal, request), input, web::IdempotencyKey(request, nullptr));
                 return web::WrittenJson(ToJson(service.GetReminder(principal, written.id)), written.replayed, 201);
             })
        .summary =
        "Gửi lời nhắc cho một xã: {unit_id, month (yyyy-mm), reason}; thông báo trong ứng dụng và thư điện "
        "tử cho cán bộ của xã (header Idempotency-Key chống gửi trùng)";
    router
        .Add(verb::post, base + "/reprimands", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto body = web.JsonBody(request);
                 ReprimandInput input{org::ToInt(web::JsonText(body, "unit_id")).value_or(0),
                                      web::JsonText(body, "kind"),
                                      web::JsonText(body, "reason"),
                                      web::JsonText(body, "document_number"),
                                      web::JsonText(body, "decided_on"),
                                      web::JsonText(body, "month")};
                 auto written =
                     service.RecordReprimand(ActorOf(principal, request), input, web::IdempotencyKey(request, nullptr));
                 return web::WrittenJson(ToJson(service.GetReprimand(principal, written.id)), written.replayed, 201);
             })
        .summary =
        "Ghi nhắc nhở hoặc phê bình người đứng đầu một xã: {unit_id, kind (nhac_nho|phe_binh), reason, "
        "document_number, decided_on (yyyy-mm-dd), month} (header Idempotency-Key chống gửi trùng)";
}

}  // namespace

void RegisterSupervisionRoutes(http::Router& router, const org::Web& web, SupervisionService& service) {
    RegisterPages(router, web, service);
    RegisterApi(router, web, service);
}

}  // namespace tuyenvan::outreach
