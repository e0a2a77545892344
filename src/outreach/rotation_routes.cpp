#include "outreach/rotation_routes.hpp"

#include <boost/json.hpp>
#include <map>
#include <set>

#include "outreach/web_support.hpp"
#include "platform/http/form.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using http::Mode;
using http::Request;
using http::Response;
using web::ActorOf;
using web::FormErrors;
using web::Guard;

std::string LevelPath(std::int64_t id) {
    return "/quan-tri/tuyen-van/luan-phien/" + std::to_string(id);
}

// The month of a page or call: as typed, or the current one.
std::string MonthOr(const std::string& text, const RotationService& service) {
    return org::Trim(text).empty() ? service.CurrentMonth() : text;
}

// What the proposal form holds: the same names in the page's forms and the query.
struct Choice {
    std::string month;
    std::string coverage = "all";
    std::string count;
    std::string fraction;
    std::string window = "12";
};

Choice ChoiceOf(const http::Params& params, const RotationService& service) {
    Choice choice;
    choice.month = MonthOr(params.Get("thang"), service);
    if (!params.Get("phu").empty()) {
        choice.coverage = params.Get("phu");
    }
    choice.count = params.Get("so");
    choice.fraction = params.Get("ty-le");
    if (!params.Get("cua-so").empty()) {
        choice.window = params.Get("cua-so");
    }
    return choice;
}

RotationRequest RequestOf(std::int64_t level_id, const Choice& choice) {
    RotationRequest request;
    request.level_unit_id = level_id;
    request.month = choice.month;
    request.coverage = choice.coverage;
    request.count = choice.count;
    request.fraction = choice.fraction;
    request.window = choice.window;
    return request;
}

std::vector<std::string> ReasonList(const std::string& reasons_json) {
    std::vector<std::string> out;
    try {
        json::value parsed = json::parse(reasons_json.empty() ? "[]" : reasons_json);
        if (!parsed.is_array()) {
            return out;
        }
        for (const auto& value : parsed.as_array()) {
            if (value.is_string()) {
                out.emplace_back(value.as_string());
            }
        }
    } catch (const std::exception&) {
    }
    return out;
}

view::List Texts(const std::vector<std::string>& texts) {
    view::List list = view::MakeList();
    for (const auto& text : texts) {
        view::Data item;
        item.set("text", text);
        view::Append(list, std::move(item));
    }
    return list;
}

std::string ConferenceText(const AssignmentRow& row) {
    if (row.conference_date.empty()) {
        return "Chưa đăng ký";
    }
    return web::ShowDay(row.conference_date) + " lúc " + row.conference_time;
}

view::List StoredRows(const std::vector<AssignmentRow>& rows) {
    view::List list = view::MakeList();
    for (const auto& row : rows) {
        view::Data item;
        item.set("commune", row.commune_name);
        item.set("agency", row.agency_name);
        item.set("pinned", row.pinned);
        item.set("reasons", Texts(ReasonList(row.reasons)));
        item.set("conference", ConferenceText(row));
        item.set("iso_date", row.conference_date);
        view::Append(list, std::move(item));
    }
    return list;
}

// The agencies' counts of stored rows (every agency, even with none).
view::List StoredLoads(const std::vector<AgencyRef>& agencies, const std::vector<AssignmentRow>& rows) {
    std::map<std::int64_t, int> counts;
    for (const auto& row : rows) {
        ++counts[row.agency_id];
    }
    view::List list = view::MakeList();
    for (const auto& agency : agencies) {
        view::Data item;
        item.set("agency", agency.name);
        item.set("total", std::to_string(counts[agency.id]));
        view::Append(list, std::move(item));
    }
    return list;
}

view::List Options(const std::vector<std::pair<std::int64_t, std::string>>& choices, std::int64_t selected) {
    view::List list = view::MakeList();
    for (const auto& [id, name] : choices) {
        view::Data item;
        item.set("value", std::to_string(id));
        item.set("label", name);
        item.set("selected", id == selected);
        view::Append(list, std::move(item));
    }
    return list;
}

void SetChoice(view::Data& data, const Choice& choice) {
    data.set("thang", choice.month);
    data.set("phu_all", choice.coverage == "all" || choice.coverage.empty());
    data.set("phu_count", choice.coverage == "count");
    data.set("phu_fraction", choice.coverage == "fraction");
    data.set("so", choice.count);
    data.set("ty_le", choice.fraction);
    data.set("cua_so", choice.window);
}

// The level's page: the month as stored and, after "Đề xuất" or a change, the fresh proposal.
Response LevelPage(const org::Web& web, RotationService& service, const org::Principal& principal, std::int64_t id,
                   const Choice& choice, const ProposalResult* result, view::Data data, int status) {
    std::string month = choice.month;
    if (!RotationService::ParseMonth(month)) {
        month = service.CurrentMonth();
        if (!data.get("error")) {
            data.set("error", std::string("Tháng không hợp lệ; hãy ghi theo dạng tháng/năm, ví dụ 03/2026."));
        }
        status = status == 200 ? 422 : status;
    }
    RotationMonth stored = service.Month(principal, id, month);
    SetChoice(data, choice);
    data.set("unit_id", std::to_string(id));
    data.set("unit_name", stored.level.unit.full_name);
    data.set("month_label", web::ShowMonth(stored.month));
    data.set("month_iso", stored.month);
    data.set("prev_month", RotationService::AddMonths(stored.month, -1));
    data.set("next_month", RotationService::AddMonths(stored.month, 1));
    data.set("agency_word", std::string(stored.level.persons ? "Cán bộ" : "Sở, ban, ngành"));
    data.set("can_supervise", stored.level.can_supervise);
    data.set("has_draft", !stored.draft.empty());
    data.set("has_published", !stored.published.empty());
    data.set("draft", StoredRows(stored.draft));
    data.set("published", StoredRows(stored.published));
    data.set("draft_count", std::to_string(stored.draft.size()));
    data.set("published_count", std::to_string(stored.published.size()));
    std::vector<std::pair<std::int64_t, std::string>> communes;
    for (const auto& commune : stored.communes) {
        communes.emplace_back(commune.id, commune.full_name);
    }
    std::vector<std::pair<std::int64_t, std::string>> agencies;
    for (const auto& agency : stored.agencies) {
        agencies.emplace_back(agency.id, agency.name);
    }
    data.set("commune_options", Options(communes, 0));
    data.set("agency_options", Options(agencies, 0));
    data.set("has_agencies", !agencies.empty());
    if (result != nullptr) {
        const auto& p = result->proposal;
        view::List rows = view::MakeList();
        for (const auto& a : p.attendances) {
            view::Data item;
            item.set("commune", result->commune_names.at(a.commune_id));
            item.set("agency", result->agency_names.contains(a.agency_id) ? result->agency_names.at(a.agency_id)
                                                                          : std::to_string(a.agency_id));
            item.set("pinned", a.pinned);
            item.set("window_broken", a.window_broken);
            item.set("above_balance", a.above_balance);
            auto weak = result->weakness.find(a.commune_id);
            if (weak != result->weakness.end() && weak->second > 0) {
                item.set("weak", std::string(weak->second >= 2 ? "Rất yếu" : "Yếu"));
            }
            item.set("reasons", Texts(a.reasons));
            view::Append(rows, std::move(item));
        }
        view::List loads = view::MakeList();
        for (const auto& l : p.loads) {
            view::Data item;
            item.set("agency", result->agency_names.contains(l.agency_id) ? result->agency_names.at(l.agency_id)
                                                                          : std::to_string(l.agency_id));
            item.set("pinned", std::to_string(l.pinned));
            item.set("proposed", std::to_string(l.proposed));
            item.set("total", std::to_string(l.Total()));
            item.set("above_balance", l.above_balance);
            view::Append(loads, std::move(item));
        }
        view::List uncovered = view::MakeList();
        int not_selected = 0;
        for (const auto& u : p.uncovered) {
            if (u.reason == UncoveredReason::kNotSelected) {
                ++not_selected;
                continue;
            }
            view::Data item;
            item.set("commune", result->commune_names.at(u.commune_id));
            item.set("message", u.message);
            view::Append(uncovered, std::move(item));
        }
        view::Data proposal;
        proposal.set("rows", std::move(rows));
        proposal.set("loads", std::move(loads));
        proposal.set("uncovered", std::move(uncovered));
        proposal.set("has_uncovered", p.uncovered.size() > static_cast<std::size_t>(not_selected));
        proposal.set("not_selected", std::to_string(not_selected));
        proposal.set("selected", std::to_string(p.selected_communes.size()));
        proposal.set("attendances", std::to_string(p.attendances.size()));
        proposal.set("balance_level", std::to_string(p.balance_level));
        proposal.set("window_breaks", std::to_string(p.window_breaks));
        proposal.set("window", std::to_string(p.window_months));
        proposal.set("elapsed", text::FormatNumber(static_cast<std::int64_t>(result->elapsed_ms + 0.5)));
        data.set("proposal", std::move(proposal));
    } else {
        data.set("loads", StoredLoads(stored.agencies, stored.draft.empty() ? stored.published : stored.draft));
    }
    return web.Page("outreach/rotation_level", std::move(data), principal,
                    "Luân phiên dự hội nghị · " + stored.level.unit.name, status);
}

// Runs a form's write; an expected failure shows the page again with its message.
template <typename F>
Response FormWrite(const org::Web& web, RotationService& service, const org::Principal& principal, std::int64_t id,
                   const Choice& choice, F fn) {
    std::optional<ProposalResult> result;
    try {
        result = Guard(fn);
    } catch (const http::HttpError& error) {
        if (error.Status() == 403 || error.Status() == 404) {
            throw;
        }
        view::Data data;
        FormErrors(data, error);
        return LevelPage(web, service, principal, id, choice, nullptr, std::move(data), error.Status());
    }
    view::Data data;
    data.set("notice", std::string("Đã lập đề xuất và lưu bản nháp; xem lại rồi bấm “Công bố”."));
    return LevelPage(web, service, principal, id, choice, &*result, std::move(data), 200);
}

std::vector<PinnedAttendance> PinsOf(const json::object& body, const char* key) {
    std::vector<PinnedAttendance> out;
    auto found = body.find(key);
    if (found == body.end() || !found->value().is_array()) {
        return out;
    }
    for (const auto& value : found->value().as_array()) {
        if (!value.is_object()) {
            throw http::HttpError(422, "invalid", "Mỗi phân công phải có commune_id và agency_id.");
        }
        auto commune = web::JsonInt(value.as_object(), "commune_id");
        auto agency = web::JsonInt(value.as_object(), "agency_id");
        if (!commune || !agency) {
            throw http::HttpError(422, "invalid", "Mỗi phân công phải có commune_id và agency_id.");
        }
        out.push_back(PinnedAttendance{*commune, *agency});
    }
    return out;
}

RotationRequest RequestOfJson(std::int64_t level_id, const json::object& body) {
    RotationRequest request;
    request.level_unit_id = level_id;
    request.month = web::JsonText(body, "month");
    request.coverage = web::JsonText(body, "coverage");
    request.count = web::JsonText(body, "count");
    request.fraction = web::JsonText(body, "fraction");
    request.window = web::JsonText(body, "window_months");
    request.pins = PinsOf(body, "pins");
    return request;
}

}  // namespace

std::pair<std::string, std::string> ScheduleRange(const http::Request& request, const RotationService& service,
                                                  const char* from_name, const char* to_name) {
    std::string current = service.CurrentMonth();
    std::string from = request.query.Get(from_name);
    std::string to = request.query.Get(to_name);
    return {from.empty() ? RotationService::AddMonths(current, -2) : from,
            to.empty() ? RotationService::AddMonths(current, 4) : to};
}

view::List ScheduleRows(const std::vector<AssignmentRow>& assignments) {
    std::string today = web::TodayIso();
    view::List rows = view::MakeList();
    for (const auto& row : assignments) {
        view::Data item;
        item.set("month", web::ShowMonth(row.month));
        item.set("commune", row.commune_name);
        item.set("registered", !row.conference_date.empty());
        item.set("date", web::ShowDay(row.conference_date));
        item.set("iso_date", row.conference_date);
        item.set("time", row.conference_time);
        item.set("venue", row.venue);
        item.set("held", !row.conference_date.empty() && row.conference_date < today);
        item.set("evaluation_href", "/quan-tri/tuyen-van/danh-gia/moi?phan-cong=" + std::to_string(row.id));
        view::Append(rows, std::move(item));
    }
    return rows;
}

void RegisterRotationRoutes(http::Router& router, const org::Web& web, RotationService& service,
                            FeedTokenSource feed_token) {
    router.Add(verb::get, "/quan-tri/tuyen-van/luan-phien", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto [levels, agencies] = service.Home(principal);
        view::Data data;
        view::List level_list = view::MakeList();
        for (const auto& level : levels) {
            view::Data item;
            item.set("id", std::to_string(level.unit.id));
            item.set("name", level.unit.full_name);
            item.set("persons", level.persons);
            view::Append(level_list, std::move(item));
        }
        view::List agency_list = view::MakeList();
        for (const auto& agency : agencies) {
            view::Data item;
            item.set("id", std::to_string(agency.id));
            item.set("name", agency.full_name);
            view::Append(agency_list, std::move(item));
        }
        data.set("has_levels", !levels.empty());
        data.set("has_agencies", !agencies.empty());
        data.set("levels", std::move(level_list));
        data.set("agencies", std::move(agency_list));
        return web.Page("outreach/rotation_home", std::move(data), principal, "Luân phiên dự hội nghị");
    });
    router.Add(verb::get, "/quan-tri/tuyen-van/luan-phien/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        std::int64_t id = request.PathId("id");
        view::Data data;
        if (request.query.Has("da-cong-bo")) {
            data.set("notice", "Đã công bố " + request.query.Get("da-cong-bo") +
                                   " phân công; các cơ quan có thay đổi đã được thông báo.");
        }
        if (request.query.Has("khong-doi")) {
            data.set("notice", std::string("Không có bản nháp mới nào để công bố; phân công đã công bố giữ nguyên."));
        }
        return LevelPage(web, service, principal, id, ChoiceOf(request.query, service), nullptr, std::move(data), 200);
    });
    router.Add(verb::post, "/quan-tri/tuyen-van/luan-phien/{id}/de-xuat", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto form = web.Form(request);
                   web.CheckCsrf(request, principal, &form);
                   std::int64_t id = request.PathId("id");
                   Choice choice = ChoiceOf(form, service);
                   bool keep = form.Get("bo-ghim").empty();
                   return FormWrite(web, service, principal, id, choice, [&] {
                       return service.SaveProposal(ActorOf(principal, request), RequestOf(id, choice), keep);
                   });
               });
    router.Add(verb::post, "/quan-tri/tuyen-van/luan-phien/{id}/doi", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto form = web.Form(request);
                   web.CheckCsrf(request, principal, &form);
                   std::int64_t id = request.PathId("id");
                   Choice choice = ChoiceOf(form, service);
                   return FormWrite(web, service, principal, id, choice, [&] {
                       auto commune = org::ToInt(form.Get("xa"));
                       auto agency = org::ToInt(form.Get("co-quan"));
                       if (!commune || !agency) {
                           throw org::ServiceError(org::ServiceError::Kind::kInvalid,
                                                   "Hãy chọn xã và cơ quan (hoặc cán bộ) dự hội nghị.");
                       }
                       RotationRequest rotation = RequestOf(id, choice);
                       rotation.pins.push_back(PinnedAttendance{*commune, *agency});
                       return service.SaveProposal(ActorOf(principal, request), rotation, true);
                   });
               });
    router.Add(
        verb::post, "/quan-tri/tuyen-van/luan-phien/{id}/cong-bo", Mode::kBlocking, [&web, &service](Request& request) {
            auto principal = web.RequirePrincipal(request);
            auto form = web.Form(request);
            web.CheckCsrf(request, principal, &form);
            std::int64_t id = request.PathId("id");
            Choice choice = ChoiceOf(form, service);
            Publication publication;
            try {
                publication = Guard([&] { return service.Publish(ActorOf(principal, request), id, choice.month); });
            } catch (const http::HttpError& error) {
                if (error.Status() == 403 || error.Status() == 404) {
                    throw;
                }
                view::Data data;
                FormErrors(data, error);
                return LevelPage(web, service, principal, id, choice, nullptr, std::move(data), error.Status());
            }
            std::string month = RotationService::ParseMonth(choice.month).value_or(choice.month);
            return Response::Redirect(LevelPath(id) + "?thang=" + month +
                                      (publication.replayed ? std::string("&khong-doi=1")
                                                            : "&da-cong-bo=" + std::to_string(publication.published)));
        });
    router.Add(verb::get, "/quan-tri/tuyen-van/lich-di-du/{id}", Mode::kBlocking,
               [&web, &service, feed_token](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   std::int64_t id = request.PathId("id");
                   auto [from, to] = ScheduleRange(request, service, "tu", "den");
                   auto schedule = service.Schedule(principal, id, from, to);
                   view::Data data;
                   data.set("agency_id", std::to_string(id));
                   data.set("agency_name", schedule.agency.full_name);
                   data.set("tu", RotationService::ParseMonth(from).value_or(from));
                   data.set("den", RotationService::ParseMonth(to).value_or(to));
                   data.set("has_rows", !schedule.assignments.empty());
                   data.set("rows", ScheduleRows(schedule.assignments));
                   data.set("caption", "Hội nghị tuyên vận cơ quan được phân công dự");
                   if (feed_token) {
                       data.set("feed_url", web::BaseUrl(request) + "/lich-tuyen-van/" +
                                                feed_token(ActorOf(principal, request), id) + ".ics");
                   }
                   return web.Page("outreach/rotation_agency", std::move(data), principal,
                                   "Lịch đi dự · " + schedule.agency.name);
               });

    // API
    router
        .Add(verb::post, "/api/v1/outreach/rotation/proposal", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto body = web.JsonBody(request);
                 auto level = web::JsonInt(body, "unit_id");
                 if (!level) {
                     throw http::HttpError(422, "invalid", "Hãy ghi unit_id: mã của tỉnh hoặc huyện phân công.");
                 }
                 return Response::Json(ToJson(service.Propose(principal, RequestOfJson(*level, body))));
             })
        .summary = "Tính đề xuất luân phiên dự hội nghị của một tháng (không lưu), kèm lý do và thời gian tính (ms)";
    router
        .Add(verb::post, "/api/v1/outreach/units/{id}/rotation/draft", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto body = web.JsonBody(request);
                 bool keep =
                     !body.contains("keep_pins") || !body.at("keep_pins").is_bool() || body.at("keep_pins").as_bool();
                 return Response::Json(ToJson(service.SaveProposal(ActorOf(principal, request),
                                                                   RequestOfJson(request.PathId("id"), body), keep)));
             })
        .summary = "Tính đề xuất và lưu làm bản nháp của tháng (giữ các phân công đã ghim)";
    router
        .Add(verb::put, "/api/v1/outreach/units/{id}/rotation", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto body = web.JsonBody(request);
                 return Response::Json(
                     ToJson(service.SaveDraft(ActorOf(principal, request), request.PathId("id"),
                                              web::JsonText(body, "month"), PinsOf(body, "assignments"))));
             })
        .summary = "Lưu bản nháp phân công của tháng do cán bộ tự chọn";
    router
        .Add(verb::post, "/api/v1/outreach/units/{id}/rotation/publish", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto body = web.JsonBody(request);
                 auto publication =
                     service.Publish(ActorOf(principal, request), request.PathId("id"), web::JsonText(body, "month"));
                 return Response::Json(
                     json::serialize(json::object{{"published", publication.published},
                                                  {"replayed", publication.replayed},
                                                  {"agencies_notified", publication.agencies_notified}}));
             })
        .summary = "Công bố bản nháp phân công của tháng; gửi lại không ghi thêm";
    router
        .Add(verb::get, "/api/v1/outreach/units/{id}/rotation", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 return Response::Json(ToJson(
                     service.Month(principal, request.PathId("id"), MonthOr(request.query.Get("month"), service))));
             })
        .summary = "Phân công luân phiên của một tỉnh hoặc huyện trong tháng (bản nháp và đã công bố)";
    router
        .Add(verb::get, "/api/v1/outreach/agencies/{id}/rotation", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 auto [from, to] = ScheduleRange(request, service, "from", "to");
                 return Response::Json(ToJson(service.Schedule(principal, request.PathId("id"), from, to)));
             })
        .summary = "Lịch đi dự hội nghị đã công bố của một sở, ban, ngành";
}

}  // namespace tuyenvan::outreach
