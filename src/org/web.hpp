// The web kit every room uses: who is signed in, CSRF checks, form errors, and pages in the base layout.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <string>

#include "org/model.hpp"
#include "org/service.hpp"
#include "platform/http/message.hpp"
#include "platform/view/view.hpp"

namespace tuyenvan::org {

/// Name of the session cookie.
inline constexpr std::string_view kSessionCookie = "tv_session";

/// Settings the web kit needs.
struct WebOptions {
    std::string site_name = "Tuyên vận Lào Cai";
    /// Mark cookies Secure (behind TLS, --trust-proxy).
    bool secure_cookies = false;
    /// Query string appended to asset URLs ("?v=…"), for long cache lifetimes.
    std::string asset_version;
    /// Unread notifications of an account, for the header of every page (none: no count shown).
    std::function<std::int64_t(std::int64_t account_id)> unread_notifications;
};

/// Shared request helpers; one instance, built in the composition root.
class Web {
public:
    Web(Service& service, const view::View& view, WebOptions options);

    /// The signed-in principal, or nothing (the session cookie is checked once per request).
    std::optional<Principal> CurrentPrincipal(http::Request& request) const;
    /// The signed-in principal; HTML requests without one are sent to the sign-in page, API requests get 401.
    Principal RequirePrincipal(http::Request& request) const;
    /// Checks the CSRF token of a state-changing request: the form field `csrf_token` or the X-CSRF-Token header.
    void CheckCsrf(const http::Request& request, const Principal& principal, const http::Params* form) const;
    /// Parses an urlencoded form body; 400 on malformed input.
    http::Params Form(const http::Request& request) const;
    /// Parses a JSON object body; 400 on malformed input.
    boost::json::object JsonBody(const http::Request& request) const;

    /// Renders a page in the base layout: `data` gets site, principal, navigation and csrf fields.
    http::Response Page(const std::string& template_name, view::Data data, const std::optional<Principal>& principal,
                        const std::string& title, unsigned status = 200) const;
    /// A page in the base layout around an already rendered body (for example from the fragment cache).
    http::Response PageWithBody(const std::optional<Principal>& principal, const std::string& title,
                                const std::string& body_html, unsigned status = 200) const;
    /// The templates.
    const view::View& Views() const { return view_; }
    /// Rendered fragments shared by every request.
    view::FragmentCache& Fragments() const { return fragments_; }
    /// The Set-Cookie value for a new session, or one that clears it.
    std::string SessionCookie(const std::string& token, bool clear) const;
    /// Turns an expected service failure into an HTTP error (with field errors).
    [[noreturn]] static void Rethrow(const ServiceError& error);
    /// Renders an error for people (HTML) or programs (JSON under /api/).
    http::Response RenderError(const http::Request& request, const http::HttpError& error) const;

    /// The service behind the pages.
    Service& Org() const { return service_; }
    /// The options.
    const WebOptions& Options() const { return options_; }

private:
    Service& service_;
    const view::View& view_;
    WebOptions options_;
    mutable view::FragmentCache fragments_;
};

/// Page links for a list: previous/next and numbers around the current page.
view::Data Pagination(std::int64_t page, std::int64_t per_page, std::int64_t total, const std::string& base_query);

/// Integer from a form or query value; std::nullopt when absent or malformed.
std::optional<std::int64_t> ToInt(const std::string& text);

}  // namespace tuyenvan::org
