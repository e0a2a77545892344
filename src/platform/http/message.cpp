#include "platform/http/message.hpp"

#include <boost/beast/http/status.hpp>
#include <charconv>

#include "platform/http/cookie.hpp"

namespace tuyenvan::http {

std::string_view Request::Header(std::string_view name) const {
    auto found = headers.find(boost::beast::string_view(name.data(), name.size()));
    if (found == headers.end()) {
        return {};
    }
    auto value = found->value();
    return {value.data(), value.size()};
}

const std::string& Request::PathParam(const std::string& name) const {
    static const std::string kEmpty;
    auto found = path_params.find(name);
    return found == path_params.end() ? kEmpty : found->second;
}

std::int64_t Request::PathId(const std::string& name) const {
    const std::string& text = PathParam(name);
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) {
        throw HttpError(404, "not_found", "Không tìm thấy trang yêu cầu.");
    }
    return id;
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
    return FindCookie(Header("Cookie"), name);
}

Response Response::Html(std::string body, unsigned status) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

Response Response::Json(std::string body, unsigned status) {
    Response response;
    response.status = status;
    response.content_type = "application/json; charset=utf-8";
    response.body = std::move(body);
    return response;
}

Response Response::Text(std::string body, unsigned status) {
    Response response;
    response.status = status;
    response.content_type = "text/plain; charset=utf-8";
    response.body = std::move(body);
    return response;
}

Response Response::Redirect(std::string location, unsigned status) {
    Response response;
    response.status = status;
    response.content_type = "text/plain; charset=utf-8";
    response.headers.emplace_back("Location", std::move(location));
    return response;
}

std::string_view StatusText(unsigned status) {
    auto text = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(status));
    return {text.data(), text.size()};
}

}  // namespace tuyenvan::http
