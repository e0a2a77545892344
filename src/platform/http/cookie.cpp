#include "platform/http/cookie.hpp"
#include "platform/http/syntax.hpp"

#include <stdexcept>

namespace tuyenvan::http {

using syntax::IsTokenChar;
using syntax::TrimSpaces;
namespace {

bool IsToken(std::string_view s) {
    if (s.empty()) {
        return false;
    }
    for (const char c : s) {
        if (!IsTokenChar(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return true;
}

// RFC 6265 cookie-octet: what a server may put in a value.
bool IsCookieOctet(unsigned char c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
           (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

// Received values are judged more kindly than sent ones: browsers pass back whatever other software
// on the same site set, spaces and UTF-8 included, but control characters are never legitimate.
bool IsAcceptableReceivedValue(std::string_view s) {
    for (const char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t') || byte == 0x7F) {
            return false;
        }
    }
    return true;
}

// Browsers match the cookie name prefixes without regard to case (RFC 6265bis).
bool StartsWithIgnoringCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
        if (c != prefix[i]) {
            return false;
        }
    }
    return true;
}

// Calls visit(name, value) for each well-formed cookie, at most kMaxCookies times, until visit
// returns false. One walker keeps ParseCookieHeader and FindCookie in agreement.
template <typename Visit>
void ForEachCookie(std::string_view header, Visit visit) {
    std::size_t count = 0;
    std::size_t start = 0;
    while (start <= header.size() && count < kMaxCookies) {
        std::size_t end = header.find(';', start);
        if (end == std::string_view::npos) {
            end = header.size();
        }
        const std::string_view pair = header.substr(start, end - start);
        start = end + 1;
        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos) {
            continue;
        }
        const std::string_view name = TrimSpaces(pair.substr(0, equals));
        std::string_view value = TrimSpaces(pair.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
            value = value.substr(1, value.size() - 2);
        }
        if (!IsToken(name) || !IsAcceptableReceivedValue(value)) {
            continue;
        }
        ++count;
        if (!visit(name, value)) {
            return;
        }
    }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ParseCookieHeader(std::string_view header) {
    std::vector<std::pair<std::string, std::string>> cookies;
    ForEachCookie(header, [&cookies](std::string_view name, std::string_view value) {
        cookies.emplace_back(std::string(name), std::string(value));
        return true;
    });
    return cookies;
}

std::optional<std::string> FindCookie(std::string_view header, std::string_view name) {
    std::optional<std::string> found;
    ForEachCookie(header, [&found, name](std::string_view cookie_name, std::string_view value) {
        if (cookie_name != name) {
            return true;
        }
        found.emplace(value);
        return false;
    });
    return found;
}

std::string SerializeSetCookie(const SetCookie& c) {
    if (!IsToken(c.name)) {
        throw std::invalid_argument("Set-Cookie: name is not an RFC 9110 token");
    }
    for (const char ch : c.value) {
        if (!IsCookieOctet(static_cast<unsigned char>(ch))) {
            throw std::invalid_argument("Set-Cookie: value holds a character RFC 6265 forbids");
        }
    }
    for (const char ch : c.path) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte < 0x21 || byte > 0x7E || ch == ';') {
            throw std::invalid_argument("Set-Cookie: path holds a character RFC 6265 forbids");
        }
    }
    // Browsers drop these cookies without a word, which would look like a broken login.
    if (c.same_site == SameSite::kNone && !c.secure) {
        throw std::invalid_argument("Set-Cookie: SameSite=None needs Secure");
    }
    if (StartsWithIgnoringCase(c.name, "__secure-") && !c.secure) {
        throw std::invalid_argument("Set-Cookie: a __Secure- cookie needs Secure");
    }
    if (StartsWithIgnoringCase(c.name, "__host-") && (!c.secure || c.path != "/")) {
        throw std::invalid_argument("Set-Cookie: a __Host- cookie needs Secure and Path=/");
    }

    std::string out;
    out.reserve(c.name.size() + c.value.size() + c.path.size() + 64);
    out.append(c.name).append("=").append(c.value);
    if (!c.path.empty()) {
        out.append("; Path=").append(c.path);
    }
    if (c.max_age_seconds) {
        // RFC 6265 reads 0 or less as "expire now"; 0 is the form every browser understands.
        const std::int64_t seconds = *c.max_age_seconds > 0 ? *c.max_age_seconds : 0;
        out.append("; Max-Age=").append(std::to_string(seconds));
    }
    if (c.http_only) {
        out.append("; HttpOnly");
    }
    if (c.secure) {
        out.append("; Secure");
    }
    switch (c.same_site) {
        case SameSite::kLax:
            out.append("; SameSite=Lax");
            break;
        case SameSite::kStrict:
            out.append("; SameSite=Strict");
            break;
        case SameSite::kNone:
            out.append("; SameSite=None");
            break;
    }
    return out;
}

}  // namespace tuyenvan::http
