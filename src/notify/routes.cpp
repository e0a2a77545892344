#include "notify/routes.hpp"

#include <boost/json.hpp>

#include "platform/text/format.hpp"

namespace tuyenvan::notify {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using http::Mode;
using http::Request;
using http::Response;

constexpr std::int64_t kPerPage = 20;

std::int64_t PageNumber(const Request& request) {
    auto page = org::ToInt(request.query.Get("trang", request.query.Get("page")));
    return page && *page > 0 && *page < 100000 ? *page : 1;
}

// Only paths of this site are followed, never another host ("//evil.example" or "https://…").
bool IsLocalPath(const std::string& link) {
    return link.starts_with("/") && !link.starts_with("//") && link.find('\\') == std::string::npos;
}

json::object ToJson(const Notification& n) {
    json::object out{{"id", n.id},       {"kind", n.kind},
                     {"title", n.title}, {"body", n.body},
                     {"link", n.link},   {"created_at", n.created_at},
                     {"read", n.read_at.has_value()}};
    out["read_at"] = n.read_at ? json::value(*n.read_at) : json::value(nullptr);
    return out;
}

[[noreturn]] void NotFound() { throw http::HttpError(404, "not_found", "Không tìm thấy thông báo."); }

}  // namespace

void RegisterRoutes(http::Router& router, const org::Web& web, Service& service) {
    router.Add(verb::get, "/thong-bao", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto page = service.List(principal.account_id, PageNumber(request), kPerPage);
        view::Data data;
        view::List items = view::MakeList();
        for (const auto& n : page.items) {
            view::Data item;
            item.set("id", std::to_string(n.id));
            item.set("title", n.title);
            if (!n.body.empty()) {
                item.set("body", n.body);
            }
            if (!n.link.empty() && IsLocalPath(n.link)) {
                item.set("link", n.link);
            }
            item.set("created_at", text::FormatDateTime(n.created_at));
            item.set("unread", !n.read_at.has_value());
            view::Append(items, std::move(item));
        }
        data["notifications"] = std::move(items);
        data.set("has_notifications", !page.items.empty());
        data.set("total", text::FormatNumber(page.total));
        data.set("unread_count", text::FormatNumber(page.unread));
        data.set("has_unread", page.unread > 0);
        data.set("page", std::to_string(page.page));
        data["pagination"] = org::Pagination(page.page, page.per_page, page.total, "");
        if (request.query.Has("da-doc-het")) {
            data.set("notice", "Đã đánh dấu mọi thông báo là đã đọc.");
        }
        return web.Page("notify/list", std::move(data), principal, "Thông báo");
    });
    router.Add(verb::post, "/thong-bao/{id}/da-doc", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        if (!service.MarkRead(principal.account_id, request.PathId("id"))) {
            NotFound();
        }
        auto page = org::ToInt(form.Get("trang")).value_or(1);
        return Response::Redirect("/thong-bao" + (page > 1 && page < 100000 ? "?trang=" + std::to_string(page) : ""));
    });
    router.Add(verb::post, "/thong-bao/doc-het", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        service.MarkAllRead(principal.account_id);
        return Response::Redirect("/thong-bao?da-doc-het=1");
    });

    router.Add(verb::get, "/api/v1/notifications", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto per_page = org::ToInt(request.query.Get("per_page")).value_or(kPerPage);
        auto page = service.List(principal.account_id, PageNumber(request), per_page);
        json::array items;
        for (const auto& n : page.items) {
            items.push_back(ToJson(n));
        }
        return Response::Json(json::serialize(json::object{{"items", std::move(items)},
                                                           {"total", page.total},
                                                           {"unread", page.unread},
                                                           {"page", page.page},
                                                           {"per_page", page.per_page}}));
    }).summary = "Thông báo của người đang đăng nhập, mới nhất trước (page, per_page)";
    router.Add(verb::post, "/api/v1/notifications/{id}/read", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        if (!service.MarkRead(principal.account_id, request.PathId("id"))) {
            NotFound();
        }
        return Response::Json(json::serialize(json::object{{"unread", service.UnreadCount(principal.account_id)}}));
    }).summary = "Đánh dấu một thông báo của mình là đã đọc";
    router.Add(verb::post, "/api/v1/notifications/read-all", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto marked = service.MarkAllRead(principal.account_id);
        return Response::Json(json::serialize(json::object{{"marked", marked}, {"unread", 0}}));
    }).summary = "Đánh dấu mọi thông báo của mình là đã đọc";
}

}  // namespace tuyenvan::notify
