// Fuzzes the article Markdown renderer: no crash, valid UTF-8 out, and HTML whose every tag is one
// the renderer may write, with only known attributes and no script-capable href or src. Text and
// alt text are escaped, so "javascript:" may appear there as words; in a URL it never may.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "platform/markdown/markdown.hpp"
#include "platform/text/utf8.hpp"

namespace {

char Lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool IsAllowedTag(std::string_view name) {
    for (std::string_view allowed :
         {"p",     "h1",    "h2",    "h3",  "h4",         "h5", "h6",     "em",        "strong", "del",
          "a",     "img",   "code",  "pre", "blockquote", "ul", "ol",     "li",        "hr",     "br",
          "table", "thead", "tbody", "tr",  "th",         "td", "figure", "figcaption"}) {
        if (name == allowed) {
            return true;
        }
    }
    return false;
}

bool IsAllowedAttribute(std::string_view name) {
    for (std::string_view allowed : {"href", "src", "alt", "title", "rel", "loading", "class", "align", "start"}) {
        if (name == allowed) {
            return true;
        }
    }
    return false;
}

/// Decodes the character references the renderer writes; false on any other '&'.
bool DecodeAttribute(std::string_view value, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] != '&') {
            out += value[i];
            continue;
        }
        bool known = false;
        for (auto [entity, c] : {std::pair<std::string_view, char>{"&amp;", '&'},
                                 {"&quot;", '"'},
                                 {"&#39;", '\''},
                                 {"&lt;", '<'},
                                 {"&gt;", '>'}}) {
            if (value.substr(i).starts_with(entity)) {
                out += c;
                i += entity.size() - 1;
                known = true;
                break;
            }
        }
        if (!known) {
            return false;
        }
    }
    return true;
}

/// False when a URL attribute has a scheme other than the few the renderer allows (no javascript:,
/// vbscript:, data:text/html…).
bool IsSafeUrl(std::string_view value) {
    std::string decoded;
    if (!DecodeAttribute(value, decoded)) {
        return false;
    }
    // Read as a browser reads it (WHATWG URL): leading C0 controls and spaces are dropped, tabs and
    // newlines anywhere, and a scheme is an ASCII letter then letters, digits, '+', '-', '.' up to
    // the first ':'; anything else makes the URL relative.
    std::string view;
    for (char c : decoded) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\t' || c == '\n' || c == '\r' || (view.empty() && byte <= 0x20)) {
            continue;
        }
        view += Lower(c);
    }
    const std::size_t colon = view.find(':');
    if (colon == std::string::npos || colon == 0 || !(view[0] >= 'a' && view[0] <= 'z')) {
        return true;
    }
    for (std::size_t i = 1; i < colon; ++i) {
        const char c = view[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
            return true;
        }
    }
    const std::string_view scheme = std::string_view(view).substr(0, colon);
    return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel" ||
           view.starts_with("data:image/png;base64,") || view.starts_with("data:image/jpeg;base64,") ||
           view.starts_with("data:image/webp;base64,");
}

/// Checks every tag of `html`; a '<' that does not start a well-formed allowed tag is a failure.
bool IsSafeHtml(std::string_view html) {
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        ++i;
        if (i < html.size() && html[i] == '/') {
            ++i;
        }
        std::string name;
        while (i < html.size() && IsNameChar(Lower(html[i]))) {
            name += Lower(html[i++]);
        }
        if (!IsAllowedTag(name)) {
            return false;
        }
        while (true) {
            while (i < html.size() && html[i] == ' ') {
                ++i;
            }
            if (i < html.size() && html[i] == '/') {
                ++i;
            }
            if (i >= html.size()) {
                return false;
            }
            if (html[i] == '>') {
                ++i;
                break;
            }
            std::string attribute;
            while (i < html.size() && IsNameChar(Lower(html[i]))) {
                attribute += Lower(html[i++]);
            }
            if (!IsAllowedAttribute(attribute) || i + 1 >= html.size() || html[i] != '=' || html[i + 1] != '"') {
                return false;
            }
            const std::size_t close = html.find('"', i + 2);
            if (close == std::string_view::npos) {
                return false;
            }
            const std::string_view value = html.substr(i + 2, close - i - 2);
            if (value.find_first_of("<>") != std::string_view::npos ||
                ((attribute == "href" || attribute == "src") && !IsSafeUrl(value))) {
                return false;
            }
            i = close + 1;
        }
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 64 * 1024) {
        return 0;
    }
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string html = tuyenvan::markdown::RenderHtml(input);
    const std::string plain = tuyenvan::markdown::PlainText(input);
    const std::string excerpt = tuyenvan::markdown::Excerpt(input, size % 200);
    if (!tuyenvan::text::IsValidUtf8(html) || !IsSafeHtml(html) || !tuyenvan::text::IsValidUtf8(plain) ||
        !tuyenvan::text::IsValidUtf8(excerpt)) {
        __builtin_trap();
    }
    return 0;
}
