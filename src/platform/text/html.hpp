// HTML escaping for element content and quoted attribute values: the one implementation that
// templates, Markdown rendering and search highlighting share.
#pragma once

#include <string>
#include <string_view>

namespace tuyenvan::text {

/// Appends `text` to `out` with & < > " ' replaced by entities.
inline void AppendEscapedHtml(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

/// `text` HTML-escaped.
inline std::string EscapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    AppendEscapedHtml(out, text);
    return out;
}

}  // namespace tuyenvan::text
