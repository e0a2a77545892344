#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tuyenvan::http {

/// The most cookies ParseCookieHeader returns and FindCookie looks at; later ones are ignored.
inline constexpr std::size_t kMaxCookies = 100;

/// Parses a Cookie request header ("a=1; b=2") by RFC 6265 section 5.4 rules: lenient on spaces
/// and tabs around names, values and separators; keeps '=' inside a value ("t=a=b" → ("t", "a=b"));
/// strips one pair of double quotes around a value. Ignores malformed pairs: no '=', a name that is
/// not an RFC 9110 token, or a value holding control characters. At most kMaxCookies pairs, in the
/// order sent; a name may occur more than once.
std::vector<std::pair<std::string, std::string>> ParseCookieHeader(std::string_view header);

/// The value of the first cookie called name (case-sensitive) in a Cookie header, with the same
/// rules as ParseCookieHeader; nullopt when there is none.
std::optional<std::string> FindCookie(std::string_view header, std::string_view name);

/// The SameSite attribute of a Set-Cookie header.
enum class SameSite {
    kLax,
    kStrict,
    kNone,  ///< browsers require Secure with it
};

/// What SerializeSetCookie writes. The defaults suit a session cookie: HttpOnly, Path=/, Lax.
struct SetCookie {
    /// An RFC 9110 token.
    std::string name;
    /// RFC 6265 cookie-octets: printable ASCII except space, '"', ',', ';' and '\\'. May be empty.
    std::string value;
    /// Printable ASCII except ';'; left out of the header when empty.
    std::string path = "/";
    // The explicit initializer lets designated initializers leave the field out under -Wextra.
    /// Seconds until expiry; 0 or less deletes the cookie now; absent means a session cookie.
    std::optional<std::int64_t> max_age_seconds = std::nullopt;
    /// Hides the cookie from scripts.
    bool http_only = true;
    /// Sends the cookie only over HTTPS.
    bool secure = false;
    /// When browsers send the cookie on cross-site requests.
    SameSite same_site = SameSite::kLax;
};

/// Serializes a Set-Cookie header value, e.g. "sid=abc; Path=/; Max-Age=3600; HttpOnly; Secure;
/// SameSite=Lax". Throws std::invalid_argument when name, value or path hold characters RFC 6265
/// forbids (so a bug cannot inject headers or attributes), and for combinations browsers silently
/// drop: SameSite=None without Secure, a "__Secure-" name without Secure, a "__Host-" name without
/// Secure or with a path other than "/".
std::string SerializeSetCookie(const SetCookie& c);

}  // namespace tuyenvan::http
