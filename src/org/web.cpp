#include "org/web.hpp"

#include <charconv>

#include "platform/http/cookie.hpp"
#include "platform/security/crypto.hpp"

namespace tuyenvan::org {
namespace json = boost::json;

std::optional<std::int64_t> ToInt(const std::string& text) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

Web::Web(Service& service, const view::View& view, WebOptions options)
    : service_(service), view_(view), options_(std::move(options)) {}

std::optional<Principal> Web::CurrentPrincipal(http::Request& request) const {
    auto token = request.Cookie(kSessionCookie);
    if (!token) {
        return std::nullopt;
    }
    return service_.Authenticate(*token);
}

Principal Web::RequirePrincipal(http::Request& request) const {
    auto principal = CurrentPrincipal(request);
    if (!principal) {
        throw http::HttpError(401, "unauthenticated", "Bạn cần đăng nhập để tiếp tục.");
    }
    return std::move(*principal);
}

void Web::CheckCsrf(const http::Request& request, const Principal& principal, const http::Params* form) const {
    std::string sent(request.Header("X-CSRF-Token"));
    if (sent.empty() && form != nullptr) {
        sent = form->Get("csrf_token");
    }
    if (sent.empty() || !security::ConstantTimeEquals(sent, principal.csrf_token)) {
        throw http::HttpError(403, "csrf",
                              "Phiên làm việc của biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang và gửi lại.");
    }
}

http::Params Web::Form(const http::Request& request) const {
    auto parsed = http::ParseUrlEncoded(request.body);
    if (parsed.error) {
        throw http::HttpError(400, "bad_form", "Dữ liệu biểu mẫu không hợp lệ.");
    }
    return std::move(parsed.params);
}

json::object Web::JsonBody(const http::Request& request) const {
    boost::system::error_code ec;
    json::value value = json::parse(request.body, ec);
    if (ec || !value.is_object()) {
        throw http::HttpError(400, "bad_json", "Nội dung gửi lên phải là một đối tượng JSON hợp lệ.");
    }
    return std::move(value.as_object());
}

std::string Web::SessionCookie(const std::string& token, bool clear) const {
    http::SetCookie cookie;
    cookie.name = std::string(kSessionCookie);
    cookie.value = clear ? "" : token;
    cookie.path = "/";
    cookie.http_only = true;
    cookie.secure = options_.secure_cookies;
    cookie.same_site = http::SameSite::kLax;
    if (clear) {
        cookie.max_age_seconds = 0;
    }
    return http::SerializeSetCookie(cookie);
}

http::Response Web::Page(const std::string& template_name, view::Data data, const std::optional<Principal>& principal,
                         const std::string& title, unsigned status) const {
    data.set("site_name", options_.site_name);
    data.set("page_title", title);
    data.set("asset_version", options_.asset_version);
    if (principal) {
        view::Data user;
        user.set("name", principal->display_name);
        user.set("login", principal->login);
        data["user"] = std::move(user);
        data.set("csrf_token", principal->csrf_token);
        data.set("can_accounts", !principal->Scopes(Permission::kAccountsRead).empty());
        data.set("can_audit", !principal->Scopes(Permission::kAuditRead).empty());
        if (options_.unread_notifications) {
            // Absent rather than "0": a Mustache section shows for any string.
            if (auto unread = options_.unread_notifications(principal->account_id); unread > 0) {
                data.set("unread_notifications", std::to_string(unread));
            }
        }
    }
    return http::Response::Html(view_.Render(template_name, data), status);
}

http::Response Web::PageWithBody(const std::optional<Principal>& principal, const std::string& title,
                                 const std::string& body_html, unsigned status) const {
    view::Data data;
    data["body"] = body_html;
    return Page("layout/page", std::move(data), principal, title, status);
}

void Web::Rethrow(const ServiceError& error) {
    unsigned status = 400;
    std::string code = "invalid";
    switch (error.GetKind()) {
        case ServiceError::Kind::kInvalid: status = 422; code = "invalid"; break;
        case ServiceError::Kind::kNotFound: status = 404; code = "not_found"; break;
        case ServiceError::Kind::kForbidden: status = 403; code = "forbidden"; break;
        case ServiceError::Kind::kConflict: status = 409; code = "conflict"; break;
        case ServiceError::Kind::kThrottled: status = 429; code = "throttled"; break;
        case ServiceError::Kind::kUnauthenticated: status = 401; code = "unauthenticated"; break;
    }
    http::HttpError out(status, code, error.what());
    if (!error.Fields().empty()) {
        json::object fields;
        for (const auto& [name, message] : error.Fields()) {
            fields[name] = message;
        }
        out.details_json = json::serialize(fields);
    }
    throw out;
}

http::Response Web::RenderError(const http::Request& request, const http::HttpError& error) const {
    if (request.IsApi() || request.Header("Accept").starts_with("application/json")) {
        json::object body{{"code", error.Code()}, {"message", error.what()}};
        if (!error.details_json.empty()) {
            body["fields"] = json::parse(error.details_json);
        }
        return http::Response::Json(json::serialize(json::object{{"error", std::move(body)}}), error.Status());
    }
    if (error.Status() == 401) {
        return http::Response::Redirect("/dang-nhap?tiep=" + http::PercentEncode(request.target));
    }
    view::Data data;
    data.set("status", std::to_string(error.Status()));
    data.set("message", error.what());
    std::string title = error.Status() == 404   ? "Không tìm thấy trang"
                        : error.Status() == 403 ? "Không có quyền truy cập"
                        : error.Status() >= 500 ? "Lỗi hệ thống"
                                                : "Yêu cầu không hợp lệ";
    data.set("title", title);
    return Page("error", std::move(data), std::nullopt, title, error.Status());
}

view::Data Pagination(std::int64_t page, std::int64_t per_page, std::int64_t total, const std::string& base_query) {
    view::Data data;
    std::int64_t pages = std::max<std::int64_t>(1, (total + per_page - 1) / per_page);
    auto link = [&](std::int64_t number) {
        return "?" + base_query + (base_query.empty() ? "" : "&") + "trang=" + std::to_string(number);
    };
    data.set("show", pages > 1);
    if (page > 1) {
        data.set("prev", link(page - 1));
    }
    if (page < pages) {
        data.set("next", link(page + 1));
    }
    view::List numbers = view::MakeList();
    for (std::int64_t n = std::max<std::int64_t>(1, page - 3); n <= std::min(pages, page + 3); ++n) {
        view::Data item;
        item.set("number", std::to_string(n));
        item.set("href", link(n));
        item.set("current", n == page);
        view::Append(numbers, std::move(item));
    }
    data["pages"] = std::move(numbers);
    return data;
}

}  // namespace tuyenvan::org
