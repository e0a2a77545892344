// Request and response types shared by the router, the server and the rooms' handlers.
#pragma once

#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/verb.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "platform/http/form.hpp"

namespace tuyenvan::http {

/// An incoming request after parsing: decoded path, query, headers, body and route parameters.
struct Request {
    boost::beast::http::verb method = boost::beast::http::verb::get;
    std::string target;
    std::string path;
    Params query;
    boost::beast::http::fields headers;
    std::string body;
    std::string remote_address;
    bool secure = false;
    /// The matched route pattern ("/units/{id}"), for metrics and logs; it points into the router's
    /// table (or at a literal), which outlives every request.
    std::string_view route;
    std::unordered_map<std::string, std::string> path_params;
    /// Per-request values that middleware attaches (for example the signed-in account).
    std::unordered_map<std::string, std::string> attributes;

    /// A header value or empty.
    std::string_view Header(std::string_view name) const;
    /// A path parameter or empty.
    const std::string& PathParam(const std::string& name) const;
    /// A path parameter that must be a positive integer; throws HttpError 404 otherwise.
    std::int64_t PathId(const std::string& name) const;
    /// True for /api/… paths, whose errors are JSON.
    bool IsApi() const { return path.starts_with("/api/"); }
    /// The value of one cookie.
    std::optional<std::string> Cookie(std::string_view name) const;
};

/// A response built by a handler; the server adds the common headers.
struct Response {
    unsigned status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    /// When set, the body of a HEAD answer keeps this length.
    bool no_store = true;
    /// A body shared with a cache, sent without a copy; when set, `body` is ignored.
    std::shared_ptr<const std::string> shared_body;

    /// Adds a header.
    Response& With(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    /// An HTML page.
    static Response Html(std::string body, unsigned status = 200);
    /// A JSON document.
    static Response Json(std::string body, unsigned status = 200);
    /// A plain-text document.
    static Response Text(std::string body, unsigned status = 200);
    /// 303 See Other to `location` (after a form post).
    static Response Redirect(std::string location, unsigned status = 303);
};

/// A failure that aborts the request; turned into a page or JSON error in exactly one place.
class HttpError : public std::runtime_error {
public:
    /// `code` is a stable machine name ("not_found"); `message` is the Vietnamese text shown to people.
    HttpError(unsigned status, std::string code, const std::string& message)
        : std::runtime_error(message), status_(status), code_(std::move(code)) {}
    /// The HTTP status.
    unsigned Status() const { return status_; }
    /// The stable machine-readable code.
    const std::string& Code() const { return code_; }
    /// Extra fields (for example per-field form errors) as a JSON object text, or empty.
    std::string details_json;

private:
    unsigned status_;
    std::string code_;
};

/// The reason phrase of a status.
std::string_view StatusText(unsigned status);

}  // namespace tuyenvan::http
