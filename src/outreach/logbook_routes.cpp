#include "outreach/logbook_routes.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <set>

#include "outreach/logbook_xlsx.hpp"
#include "outreach/web_support.hpp"
#include "platform/http/form.hpp"
#include "platform/security/crypto.hpp"
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
using org::ServiceError;

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// A key for the form: the page works without the script, and a double click still writes once.
std::string NewKey() { return "f-" + security::RandomToken(18); }

std::string QueryWithout(const Request& request, std::string_view skip) {
    std::string out;
    for (const auto& [name, value] : request.query.Items()) {
        if (name == skip || value.empty()) {
            continue;
        }
        out += (out.empty() ? "" : "&") + http::PercentEncode(name) + "=" + http::PercentEncode(value);
    }
    return out;
}

std::string BodyPath(std::int64_t id) { return "/quan-tri/tuyen-van/ban/" + std::to_string(id) + "/nhat-ky"; }

ReviewFilter ParseReview(const std::string& text) {
    return text == "cho-duyet" || text == "pending"  ? ReviewFilter::kPending
           : text == "da-duyet" || text == "reviewed" ? ReviewFilter::kReviewed
                                                      : ReviewFilter::kAll;
}

// The filters of a list from the page's query ("thang", "hinh-thuc", "duyet", "trang") or the API's.
LogbookQuery QueryOf(const Request& request, bool api) {
    LogbookQuery query;
    std::string month = request.query.Get(api ? "month" : "thang");
    if (!month.empty()) {
        auto parsed = LogbookService::ParseMonth(month);
        if (!parsed) {
            throw http::HttpError(422, "invalid", "Tháng không hợp lệ; hãy ghi theo dạng tháng/năm.");
        }
        query.month = *parsed;
    }
    query.form = request.query.Get(api ? "form" : "hinh-thuc");
    if (!query.form.empty() && !ParseActivityForm(query.form)) {
        throw http::HttpError(422, "invalid", "Hình thức tuyên vận không hợp lệ.");
    }
    query.review = ParseReview(request.query.Get(api ? "review" : "duyet"));
    query.body_id = org::ToInt(request.query.Get(api ? "body" : "ban"));
    query.page = org::ToInt(request.query.Get(api ? "page" : "trang")).value_or(1);
    query.per_page = org::ToInt(request.query.Get("per_page")).value_or(30);
    return query;
}

view::List FormOptions(const std::string& selected, bool with_any) {
    view::List list = view::MakeList();
    if (with_any) {
        view::Data any;
        any.set("value", std::string());
        any.set("label", std::string("Tất cả hình thức"));
        any.set("selected", selected.empty());
        view::Append(list, std::move(any));
    }
    for (ActivityForm form : AllActivityForms()) {
        view::Data option;
        option.set("value", std::string(ActivityFormName(form)));
        option.set("label", std::string(ActivityFormLabel(form)));
        option.set("selected", selected == ActivityFormName(form));
        view::Append(list, std::move(option));
    }
    return list;
}

view::Data EntryData(const LogbookEntry& entry) {
    view::Data row;
    row.set("id", std::to_string(entry.id));
    row.set("body_id", std::to_string(entry.body_id));
    row.set("body_name", entry.body_name);
    row.set("day", web::ShowDay(entry.day));
    row.set("iso_day", entry.day);
    if (!entry.village_name.empty()) {
        row.set("village", entry.village_name);
    }
    row.set("form", std::string(ActivityFormLabel(entry.form)));
    row.set("topic", entry.topic);
    row.set("households", text::FormatNumber(entry.households));
    row.set("people", text::FormatNumber(entry.people));
    if (!entry.opinions.empty()) {
        row.set("opinions", entry.opinions);
    }
    if (!entry.follow_up.empty()) {
        row.set("follow_up", entry.follow_up);
    }
    row.set("written_by", entry.written_by);
    row.set("created_at", text::FormatDateTime(entry.created_at));
    row.set("reviewed", entry.reviewed_at.has_value());
    if (entry.reviewed_at) {
        row.set("reviewed_at", text::FormatDate(*entry.reviewed_at));
        row.set("reviewed_by", entry.reviewed_by);
    }
    if (!entry.review_comment.empty()) {
        row.set("review_comment", entry.review_comment);
    }
    row.set("version", std::to_string(entry.version));
    return row;
}

view::List EntryRows(const std::vector<LogbookEntry>& entries) {
    view::List rows = view::MakeList();
    for (const auto& entry : entries) {
        view::Append(rows, EntryData(entry));
    }
    return rows;
}

// The period of an export or print: "tu" and "den" as typed, by default from 1 January to today.
std::pair<std::string, std::string> Period(const Request& request, bool api) {
    std::string today = web::TodayIso();
    std::string from = request.query.Get(api ? "from" : "tu");
    std::string to = request.query.Get(api ? "to" : "den");
    return {from.empty() ? today.substr(0, 4) + "-01-01" : from, to.empty() ? today : to};
}

std::string IsoOr(const std::string& text) {
    auto ms = text::ParseIsoDate(text);
    if (!ms) {
        ms = text::ParseDate(text);
    }
    return ms ? text::FormatIsoDate(*ms) : text;
}

Response Xlsx(const std::string& bytes, const std::string& file_name, const std::string& ascii_name) {
    Response response;
    response.content_type = kXlsxType;
    response.body = bytes;
    response.With("Content-Disposition", "attachment; filename=\"" + ascii_name + "\"; filename*=UTF-8''" +
                                             http::PercentEncode(file_name));
    return response;
}

Response BodyXlsx(LogbookService& service, const org::Principal& principal, std::int64_t body_id,
                  const Request& request, bool api) {
    auto [from, to] = Period(request, api);
    auto body = service.GetBody(principal, body_id);
    auto entries = service.Export(principal, body_id, std::nullopt, from, to);
    std::string title = "Sổ nhật ký tuyên vận · " + body.body.name + " · từ " + web::ShowDay(IsoOr(from)) + " đến " +
                        web::ShowDay(IsoOr(to));
    return Xlsx(LogbookXlsx(entries, title), "Sổ nhật ký " + body.body.name + ".xlsx",
                "so-nhat-ky-" + std::to_string(body_id) + ".xlsx");
}

Response UnitXlsx(LogbookService& service, const org::Principal& principal, std::int64_t unit_id,
                  const Request& request, bool api) {
    auto [from, to] = Period(request, api);
    auto unit = service.GetUnit(principal, unit_id);
    auto entries = service.Export(principal, std::nullopt, unit_id, from, to);
    std::string title = "Sổ nhật ký tuyên vận · " + unit.name + " · từ " + web::ShowDay(IsoOr(from)) + " đến " +
                        web::ShowDay(IsoOr(to));
    return Xlsx(LogbookXlsx(entries, title), "Sổ nhật ký " + unit.name + ".xlsx",
                "so-nhat-ky-don-vi-" + std::to_string(unit_id) + ".xlsx");
}

json::value PageJson(const org::Page<LogbookEntry>& page) {
    json::array items;
    for (const auto& entry : page.items) {
        items.push_back(json::parse(ToJson(entry)));
    }
    return json::object{
        {"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"per_page", page.per_page}};
}

json::value UnitJson(const UnitRef& unit) {
    return json::object{{"id", unit.id}, {"name", unit.name}, {"level", unit.level}};
}

json::value CellJson(const CommuneCounts::Cell& cell) {
    return json::object{{"entries", cell.entries}, {"households", cell.households}, {"people", cell.people}};
}

std::string CountsJson(const UnitRef& unit, const LogbookCounts& counts) {
    json::array months;
    for (const auto& month : counts.months) {
        months.push_back(json::value(month));
    }
    json::array communes;
    for (const auto& line : counts.communes) {
        json::array cells;
        for (std::size_t i = 0; i < line.months.size(); ++i) {
            json::object cell = CellJson(line.months[i]).as_object();
            cell["month"] = counts.months[i];
            cells.push_back(std::move(cell));
        }
        communes.push_back(json::object{{"commune_id", line.commune_id},
                                        {"commune_name", line.commune_name},
                                        {"district_name", line.district_name},
                                        {"months", std::move(cells)},
                                        {"total", CellJson(line.total)}});
    }
    return json::serialize(json::object{{"unit", UnitJson(unit)},
                                        {"months", std::move(months)},
                                        {"communes", std::move(communes)},
                                        {"total", CellJson(counts.total)}});
}

EntryInput InputFromForm(const http::Params& form) {
    EntryInput input;
    input.client_key = form.Get("client_key");
    input.day = form.Get("day");
    input.village_id = org::ToInt(form.Get("village_id"));
    input.form = form.Get("form");
    input.topic = form.Get("topic");
    input.households = form.Get("households");
    input.people = form.Get("people");
    input.opinions = form.Get("opinions");
    input.follow_up = form.Get("follow_up");
    input.written_by = form.Get("written_by");
    return input;
}

// ---------- pages ----------

void SetBody(view::Data& data, const LogbookBody& body) {
    data.set("body_id", std::to_string(body.body.id));
    data.set("body_name", body.body.name);
    data.set("unit_id", std::to_string(body.unit.id));
    data.set("unit_name", body.unit.name);
    data.set("is_team", body.body.kind == BodyKind::kTeam);
    if (body.unit.parent_id) {
        data.set("parent_id", std::to_string(*body.unit.parent_id));
        data.set("parent_name", body.unit.parent_name);
    }
    data.set("can_write", body.can_write);
    data.set("can_review", body.can_review);
}

Response BodyPage(const org::Web& web, LogbookService& service, const org::Principal& principal,
                  std::int64_t body_id, const Request& request) {
    auto body = service.GetBody(principal, body_id);
    auto query = QueryOf(request, false);
    auto page = service.List(principal, body_id, query);
    view::Data data;
    SetBody(data, body);
    if (request.query.Has("da-luu")) {
        data.set("notice", std::string("Đã lưu mục nhật ký."));
    }
    // Absent, not empty: a Mustache section shows for any string.
    if (!query.month.empty()) {
        data.set("month", query.month);
    }
    data["forms"] = FormOptions(query.form, true);
    data["entries"] = EntryRows(page.items);
    data.set("has_entries", !page.items.empty());
    data.set("total", text::FormatNumber(page.total));
    data["pagination"] = org::Pagination(page.page, page.per_page, page.total, QueryWithout(request, "trang"));
    std::string today = web::TodayIso();
    data.set("from", today.substr(0, 4) + "-01-01");
    data.set("to", today);
    return web.Page("outreach/logbook_body", std::move(data), principal, "Sổ nhật ký · " + body.body.name);
}

Response EntryForm(const org::Web& web, LogbookService& service, const org::Principal& principal,
                   std::int64_t body_id, const http::Params& form, view::Data data, unsigned status) {
    auto body = service.GetBody(principal, body_id);
    if (!body.can_write) {
        throw http::HttpError(403, "forbidden", "Bạn không có quyền thực hiện thao tác này với đơn vị này.");
    }
    SetBody(data, body);
    bool fresh = form.Size() == 0;
    data.set("fresh", fresh);
    data.set("client_key", fresh ? NewKey() : form.Get("client_key"));
    data.set("day", form.Get("day", web::TodayIso()));
    data.set("today", web::TodayIso());
    data["forms"] = FormOptions(form.Get("form", "meeting"), false);
    auto villages = service.Villages(principal, body_id);
    if (body.body.kind == BodyKind::kCommittee && !villages.empty()) {
        view::List options = view::MakeList();
        auto selected = org::ToInt(form.Get("village_id")).value_or(0);
        for (const auto& village : villages) {
            view::Data option;
            option.set("value", std::to_string(village.id));
            option.set("label", village.name);
            option.set("selected", village.id == selected);
            view::Append(options, std::move(option));
        }
        data.set("has_villages", true);
        data["villages"] = std::move(options);
    } else if (body.body.kind == BodyKind::kTeam) {
        data.set("team_village", body.unit.name);
    }
    for (const char* field : {"topic", "households", "people", "opinions", "follow_up"}) {
        data.set(field, form.Get(field));
    }
    data.set("written_by", form.Get("written_by", principal.display_name));
    return web.Page("outreach/logbook_form", std::move(data), principal, "Ghi nhật ký · " + body.body.name, status);
}

Response EntryPage(const org::Web& web, LogbookService& service, const org::Principal& principal,
                   std::int64_t entry_id, const std::string& comment, view::Data data, unsigned status) {
    auto entry = service.Get(principal, entry_id);
    auto body = service.GetBody(principal, entry.body_id);
    SetBody(data, body);
    data["entry"] = EntryData(entry);
    data.set("comment", comment.empty() ? entry.review_comment : comment);
    return web.Page("outreach/logbook_entry", std::move(data), principal,
                    "Nhật ký ngày " + web::ShowDay(entry.day) + " · " + body.body.name, status);
}

Response CommunePage(const org::Web& web, LogbookService& service, const org::Principal& principal,
                     const UnitRef& unit, const Request& request) {
    auto query = QueryOf(request, false);
    auto [ignored, page] = service.ListCommune(principal, unit.id, query);
    view::Data data;
    data.set("unit_id", std::to_string(unit.id));
    data.set("unit_name", unit.name);
    data.set("is_commune", true);
    data.set("month", query.month);
    data["forms"] = FormOptions(query.form, true);
    view::List bodies = view::MakeList();
    auto commune_bodies = service.CommuneBodies(principal, unit.id);
    for (const auto& body : commune_bodies) {
        view::Data option;
        option.set("value", std::to_string(body.id));
        option.set("label", body.name);
        option.set("selected", query.body_id == body.id);
        view::Append(bodies, std::move(option));
    }
    data.set("has_bodies", !commune_bodies.empty());
    data["bodies"] = std::move(bodies);
    data.set("can_write", principal.Can(org::Permission::kOutreachWrite, unit.path));
    data.set("review_all", query.review == ReviewFilter::kAll);
    data.set("review_pending", query.review == ReviewFilter::kPending);
    data.set("review_done", query.review == ReviewFilter::kReviewed);
    data["entries"] = EntryRows(page.items);
    data.set("has_entries", !page.items.empty());
    data.set("total", text::FormatNumber(page.total));
    data["pagination"] = org::Pagination(page.page, page.per_page, page.total, QueryWithout(request, "trang"));
    std::string today = web::TodayIso();
    data.set("from", today.substr(0, 4) + "-01-01");
    data.set("to", today);
    return web.Page("outreach/logbook_unit", std::move(data), principal, "Sổ nhật ký các tổ · " + unit.name);
}

Response CountsPage(const org::Web& web, LogbookService& service, const org::Principal& principal,
                    const UnitRef& unit, const Request& request) {
    std::string from = request.query.Get("tu");
    std::string to = request.query.Get("den");
    view::Data data;
    data.set("unit_id", std::to_string(unit.id));
    data.set("unit_name", unit.name);
    data.set("tu", from);
    data.set("den", to);
    LogbookCounts counts;
    unsigned status = 200;
    try {
        counts = Guard([&] { return service.Counts(principal, unit.id, from, to).second; });
    } catch (const http::HttpError& error) {
        if (error.Status() == 403 || error.Status() == 404) {
            throw;
        }
        FormErrors(data, error);
        status = error.Status();
    }
    view::List months = view::MakeList();
    for (const auto& month : counts.months) {
        view::Data item;
        item.set("label", web::ShowMonth(month));
        view::Append(months, std::move(item));
    }
    data["months"] = std::move(months);
    view::List rows = view::MakeList();
    bool wide = unit.level == "province";
    for (const auto& line : counts.communes) {
        view::Data row;
        row.set("id", std::to_string(line.commune_id));
        row.set("name", line.commune_name);
        if (wide) {
            row.set("district_name", line.district_name);
        }
        view::List cells = view::MakeList();
        for (const auto& cell : line.months) {
            view::Data item;
            item.set("entries", text::FormatNumber(cell.entries));
            item.set("people", text::FormatNumber(cell.people));
            item.set("empty", cell.entries == 0);
            view::Append(cells, std::move(item));
        }
        row["cells"] = std::move(cells);
        row.set("entries", text::FormatNumber(line.total.entries));
        row.set("households", text::FormatNumber(line.total.households));
        row.set("people", text::FormatNumber(line.total.people));
        view::Append(rows, std::move(row));
    }
    data["communes"] = std::move(rows);
    data.set("has_communes", !counts.communes.empty());
    data.set("total_entries", text::FormatNumber(counts.total.entries));
    data.set("total_households", text::FormatNumber(counts.total.households));
    data.set("total_people", text::FormatNumber(counts.total.people));
    if (!counts.months.empty()) {
        data.set("period", web::ShowMonth(counts.months.front()) + " – " + web::ShowMonth(counts.months.back()));
    }
    std::string today = web::TodayIso();
    data.set("from", today.substr(0, 7) + "-01");
    data.set("to", today);
    if (auto own = service.BodyOf(principal, unit.id)) {
        data.set("own_body_id", std::to_string(own->id));
        data.set("own_body_name", own->name);
    }
    return web.Page("outreach/logbook_counts", std::move(data), principal, "Sổ nhật ký · " + unit.name, status);
}

Response PrintPage(const org::Web& web, LogbookService& service, const org::Principal& principal,
                   std::int64_t body_id, const Request& request) {
    auto body = service.GetBody(principal, body_id);
    auto [from, to] = Period(request, false);
    auto entries = Guard([&] { return service.Export(principal, body_id, std::nullopt, from, to); });
    view::Data data;
    SetBody(data, body);
    data.set("from", web::ShowDay(IsoOr(from)));
    data.set("to", web::ShowDay(IsoOr(to)));
    view::List rows = view::MakeList();
    std::int64_t number = 0;
    for (const auto& entry : entries) {
        view::Data row = EntryData(entry);
        row.set("number", std::to_string(++number));
        view::Append(rows, std::move(row));
    }
    data["entries"] = std::move(rows);
    data.set("has_entries", !entries.empty());
    data.set("count", text::FormatNumber(number));
    return web.Page("outreach/logbook_print", std::move(data), principal, "In sổ nhật ký · " + body.body.name);
}

void RegisterPages(http::Router& router, const org::Web& web, LogbookService& service) {
    router.Add(verb::get, "/quan-tri/tuyen-van/so-nhat-ky", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        view::Data data;
        view::List units = view::MakeList();
        std::set<std::int64_t> seen;
        for (const auto& grant : principal.grants) {
            if (org::RoleHas(grant.role, org::Permission::kOutreachRead) && seen.insert(grant.unit_id).second) {
                view::Data row;
                row.set("id", std::to_string(grant.unit_id));
                row.set("name", grant.unit_name);
                view::Append(units, std::move(row));
            }
        }
        data.set("has_units", !seen.empty());
        data["units"] = std::move(units);
        return web.Page("outreach/logbook_home", std::move(data), principal, "Sổ nhật ký tuyên vận");
    });
    router.Add(verb::get, "/quan-tri/tuyen-van/don-vi/{id}/nhat-ky", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto unit = service.GetUnit(principal, request.PathId("id"));
                   if (unit.level == "commune") {
                       return CommunePage(web, service, principal, unit, request);
                   }
                   if (unit.level == "province" || unit.level == "district") {
                       return CountsPage(web, service, principal, unit, request);
                   }
                   auto body = service.BodyOf(principal, unit.id);
                   if (!body) {
                       throw http::HttpError(404, "not_found", unit.name + " chưa có tổ tuyên vận nên chưa có sổ nhật ký.");
                   }
                   return Response::Redirect(BodyPath(body->id));
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/don-vi/{id}/nhat-ky.xlsx", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return Guard([&] { return UnitXlsx(service, principal, request.PathId("id"), request, false); });
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/ban/{body}/nhat-ky", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return BodyPage(web, service, principal, request.PathId("body"), request);
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/ban/{body}/nhat-ky/moi", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return EntryForm(web, service, principal, request.PathId("body"), http::Params{}, view::Data{},
                                    200);
               });
    router.Add(verb::post, "/quan-tri/tuyen-van/ban/{body}/nhat-ky", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto form = web.Form(request);
                   web.CheckCsrf(request, principal, &form);
                   std::int64_t body_id = request.PathId("body");
                   try {
                       Guard([&] { return service.Submit(ActorOf(principal, request), body_id, InputFromForm(form)); });
                   } catch (const http::HttpError& error) {
                       if (error.Status() == 403 || error.Status() == 404) {
                           throw;
                       }
                       view::Data data;
                       FormErrors(data, error);
                       return EntryForm(web, service, principal, body_id, form, std::move(data), error.Status());
                   }
                   return Response::Redirect(BodyPath(body_id) + "?da-luu=1");
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/ban/{body}/nhat-ky/in", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return PrintPage(web, service, principal, request.PathId("body"), request);
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/ban/{body}/nhat-ky.xlsx", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return Guard([&] { return BodyXlsx(service, principal, request.PathId("body"), request, false); });
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/nhat-ky/{entry}", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   view::Data data;
                   if (request.query.Has("da-duyet")) {
                       data.set("notice", std::string("Đã duyệt mục nhật ký."));
                   }
                   return EntryPage(web, service, principal, request.PathId("entry"), "", std::move(data), 200);
               });
    router.Add(verb::post, "/quan-tri/tuyen-van/nhat-ky/{entry}/duyet", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto form = web.Form(request);
                   web.CheckCsrf(request, principal, &form);
                   std::int64_t entry_id = request.PathId("entry");
                   try {
                       Guard([&] {
                           return service.Review(ActorOf(principal, request), entry_id,
                                                 org::ToInt(form.Get("version")).value_or(0), form.Get("comment"));
                       });
                   } catch (const http::HttpError& error) {
                       if (error.Status() == 403 || error.Status() == 404) {
                           throw;
                       }
                       view::Data data;
                       FormErrors(data, error);
                       return EntryPage(web, service, principal, entry_id, form.Get("comment"), std::move(data),
                                        error.Status());
                   }
                   return Response::Redirect("/quan-tri/tuyen-van/nhat-ky/" + std::to_string(entry_id) + "?da-duyet=1");
               });
}

void RegisterApi(http::Router& router, const org::Web& web, LogbookService& service) {
    router.Add(verb::get, "/api/v1/outreach/bodies/{body}/logbook", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto page = service.List(principal, request.PathId("body"), QueryOf(request, true));
                   return Response::Json(json::serialize(PageJson(page)));
               })
        .summary = "Sổ nhật ký của ban hoặc tổ, mới nhất trước (month=yyyy-mm, form, page, per_page)";
    router.Add(verb::post, "/api/v1/outreach/bodies/{body}/logbook", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   web.CheckCsrf(request, principal, nullptr);
                   std::int64_t body_id = request.PathId("body");
                   auto body = web.JsonBody(request);
                   EntryInput input;
                   input.client_key = web::JsonText(body, "client_key");
                   input.day = web::JsonText(body, "date");
                   input.village_id = web::JsonInt(body, "village_id");
                   input.form = web::JsonText(body, "form");
                   input.topic = web::JsonText(body, "topic");
                   input.households = web::JsonText(body, "households");
                   input.people = web::JsonText(body, "people");
                   input.opinions = web::JsonText(body, "opinions");
                   input.follow_up = web::JsonText(body, "follow_up");
                   input.written_by = web::JsonText(body, "written_by");
                   auto submitted = service.Submit(ActorOf(principal, request), body_id, input);
                   // The same answer for a resent key: the client cannot tell a retry from the first send.
                   return web::WrittenJson(ToJson(submitted.entry), submitted.replayed, 201);
               })
        .summary = "Ghi một mục nhật ký: {client_key (UUID do máy gửi tạo), date, village_id, form, topic, "
                   "households, people, opinions, follow_up, written_by}; gửi lại cùng client_key trả về mục đã ghi";
    router.Add(verb::get, "/api/v1/outreach/bodies/{body}/logbook.xlsx", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return BodyXlsx(service, principal, request.PathId("body"), request, true);
               })
        .summary = "Sổ nhật ký của ban hoặc tổ dạng XLSX (from, to: yyyy-mm-dd; mặc định từ đầu năm)";
    router.Add(verb::get, "/api/v1/outreach/logbook/{entry}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return Response::Json(ToJson(service.Get(principal, request.PathId("entry"))));
    }).summary = "Một mục nhật ký";
    router.Add(verb::post, "/api/v1/outreach/logbook/{entry}/review", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   web.CheckCsrf(request, principal, nullptr);
                   std::int64_t entry_id = request.PathId("entry");
                   auto body = web.JsonBody(request);
                   return Response::Json(ToJson(service.Review(ActorOf(principal, request), entry_id,
                                                               web::JsonInt(body, "version").value_or(0),
                                                               web::JsonText(body, "comment"))));
               })
        .summary = "Duyệt một mục nhật ký (cấp xã trở lên): {version, comment}";
    router.Add(verb::get, "/api/v1/outreach/units/{id}/logbook", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto [unit, page] = service.ListCommune(principal, request.PathId("id"), QueryOf(request, true));
        json::object out = PageJson(page).as_object();
        out["unit"] = UnitJson(unit);
        return Response::Json(json::serialize(out));
    }).summary = "Nhật ký của mọi ban, tổ trong một xã (review=pending|reviewed, body, month, form, page)";
    router.Add(verb::get, "/api/v1/outreach/units/{id}/logbook/counts", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto [unit, counts] = service.Counts(principal, request.PathId("id"), request.query.Get("from"),
                                                        request.query.Get("to"));
                   return Response::Json(CountsJson(unit, counts));
               })
        .summary = "Số mục nhật ký, số hộ, số người theo xã và tháng (from, to: yyyy-mm; tối đa 24 tháng)";
    router.Add(verb::get, "/api/v1/outreach/units/{id}/logbook.xlsx", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return UnitXlsx(service, principal, request.PathId("id"), request, true);
               })
        .summary = "Nhật ký của mọi ban, tổ trong đơn vị dạng XLSX (from, to: yyyy-mm-dd)";
}

}  // namespace

void RegisterLogbookRoutes(http::Router& router, const org::Web& web, LogbookService& service) {
    RegisterPages(router, web, service);
    RegisterApi(router, web, service);
}

}  // namespace tuyenvan::outreach
