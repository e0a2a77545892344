// Character classes and trimming of HTTP's own grammar (RFC 9110 section 5.6), shared by the parsers.
#pragma once

#include <string_view>

namespace tuyenvan::http::syntax {

/// A `tchar` of RFC 9110: the characters a token (header name, parameter name, cookie name) may hold.
constexpr bool IsTokenChar(unsigned char c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        return true;
    }
    switch (c) {
        case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
        case '.': case '^': case '_': case '`': case '|': case '~':
            return true;
        default:
            return false;
    }
}

/// Optional white space (OWS): space or horizontal tab.
constexpr bool IsSpace(char c) { return c == ' ' || c == '\t'; }

/// `s` without leading and trailing OWS.
constexpr std::string_view TrimSpaces(std::string_view s) {
    while (!s.empty() && IsSpace(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && IsSpace(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

}  // namespace tuyenvan::http::syntax
