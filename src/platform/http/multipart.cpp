#include "platform/http/multipart.hpp"
#include "platform/http/syntax.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <utility>

#include "platform/http/form.hpp"
#include "platform/text/utf8.hpp"

namespace tuyenvan::http {

using syntax::IsSpace;
using syntax::IsTokenChar;
using syntax::TrimSpaces;
namespace {

constexpr std::size_t kMaxBoundaryBytes = 70;

char ToLowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(),
                      [](char x, char y) { return ToLowerAscii(x) == ToLowerAscii(y); });
}

std::string ToLowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = ToLowerAscii(c);
    }
    return out;
}

// Control characters other than HTAB never belong in a header line; a lone CR or LF would be a
// framing trick.
bool HasControlCharacter(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && byte != '\t') || byte == 0x7F;
    });
}

// RFC 2046: 1–70 of DIGIT / ALPHA / ' ( ) + _ , - . / : = ? and space, not ending in a space.
bool IsValidBoundary(std::string_view boundary) {
    if (boundary.empty() || boundary.size() > kMaxBoundaryBytes || boundary.back() == ' ') {
        return false;
    }
    return std::all_of(boundary.begin(), boundary.end(), [](char c) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            return true;
        }
        switch (c) {
            case '\'': case '(': case ')': case '+': case '_': case ',': case '-': case '.':
            case '/': case ':': case '=': case '?': case ' ':
                return true;
            default:
                return false;
        }
    });
}

// Reads text from the front of s, removing what it read.
class Cursor {
public:
    explicit Cursor(std::string_view s) : rest_(s) {}

    bool AtEnd() const { return rest_.empty(); }

    void SkipSpaces() {
        while (!rest_.empty() && IsSpace(rest_.front())) {
            rest_.remove_prefix(1);
        }
    }

    bool StartsWith(char c) const { return !rest_.empty() && rest_.front() == c; }

    bool Consume(char c) {
        if (rest_.empty() || rest_.front() != c) {
            return false;
        }
        rest_.remove_prefix(1);
        return true;
    }

    std::string_view Token() {
        std::size_t n = 0;
        while (n < rest_.size() && IsTokenChar(static_cast<unsigned char>(rest_[n]))) {
            ++n;
        }
        const std::string_view token = rest_.substr(0, n);
        rest_.remove_prefix(n);
        return token;
    }

    // RFC 9110 quoted-string, raw UTF-8 (obs-text) allowed because browsers send file names so.
    std::optional<std::string> QuotedString() {
        if (!Consume('"')) {
            return std::nullopt;
        }
        std::string out;
        while (!rest_.empty()) {
            const char c = rest_.front();
            rest_.remove_prefix(1);
            if (c == '"') {
                return out;
            }
            if (c == '\\') {
                if (rest_.empty()) {
                    return std::nullopt;
                }
                out.push_back(rest_.front());
                rest_.remove_prefix(1);
            } else {
                out.push_back(c);
            }
        }
        return std::nullopt;
    }

private:
    std::string_view rest_;
};

struct Parameter {
    std::string name;  // lower case
    std::string value;
};

// Parses *( OWS ";" OWS [ token OWS "=" OWS ( token / quoted-string ) ] ) OWS, the tail of a
// Content-Type or Content-Disposition value; nullopt on any other text. Callers have already
// refused control characters.
std::optional<std::vector<Parameter>> ParseParameters(Cursor& cursor) {
    std::vector<Parameter> parameters;
    for (;;) {
        cursor.SkipSpaces();
        if (cursor.AtEnd()) {
            return parameters;
        }
        if (!cursor.Consume(';')) {
            return std::nullopt;
        }
        cursor.SkipSpaces();
        if (cursor.AtEnd() || cursor.StartsWith(';')) {
            continue;
        }
        const std::string_view name = cursor.Token();
        if (name.empty()) {
            return std::nullopt;
        }
        cursor.SkipSpaces();
        if (!cursor.Consume('=')) {
            return std::nullopt;
        }
        cursor.SkipSpaces();
        std::string value;
        if (cursor.StartsWith('"')) {
            std::optional<std::string> quoted = cursor.QuotedString();
            if (!quoted) {
                return std::nullopt;
            }
            value = std::move(*quoted);
        } else {
            const std::string_view token = cursor.Token();
            if (token.empty()) {
                return std::nullopt;
            }
            value = std::string(token);
        }
        parameters.push_back(Parameter{ToLowerAscii(name), std::move(value)});
    }
}

// RFC 8187 ext-value: only UTF-8 is accepted, as RFC 8187 requires of recipients at least.
std::optional<std::string> DecodeExtValue(std::string_view ext_value) {
    const std::size_t charset_end = ext_value.find('\'');
    if (charset_end == std::string_view::npos ||
        !EqualsIgnoringCase(ext_value.substr(0, charset_end), "utf-8")) {
        return std::nullopt;
    }
    const std::size_t language_end = ext_value.find('\'', charset_end + 1);
    if (language_end == std::string_view::npos) {
        return std::nullopt;
    }
    return PercentDecode(ext_value.substr(language_end + 1), false);
}

// Fills name and filename from a Content-Disposition value; false when it is not a valid
// "form-data" disposition with a name.
bool ParseContentDisposition(std::string_view value, Part& part) {
    Cursor cursor(value);
    cursor.SkipSpaces();
    if (!EqualsIgnoringCase(cursor.Token(), "form-data")) {
        return false;
    }
    std::optional<std::vector<Parameter>> parameters = ParseParameters(cursor);
    if (!parameters) {
        return false;
    }
    const Parameter* name = nullptr;
    const Parameter* filename = nullptr;
    const Parameter* ext_filename = nullptr;
    for (const Parameter& parameter : *parameters) {
        const Parameter** slot = parameter.name == "name"        ? &name
                                 : parameter.name == "filename"  ? &filename
                                 : parameter.name == "filename*" ? &ext_filename
                                                                 : nullptr;
        if (slot == nullptr) {
            continue;
        }
        // Two names could make a proxy's check and this parser see different fields.
        if (*slot != nullptr) {
            return false;
        }
        *slot = &parameter;
    }
    if (name == nullptr || !text::IsValidUtf8(name->value)) {
        return false;
    }
    part.name = name->value;
    if (ext_filename != nullptr) {
        part.filename = DecodeExtValue(ext_filename->value);
        if (!part.filename) {
            return false;
        }
    } else if (filename != nullptr) {
        if (!text::IsValidUtf8(filename->value)) {
            return false;
        }
        part.filename = filename->value;
    }
    return true;
}

// Fills part from its header block (the lines before the blank line, without their last CRLF).
bool ParsePartHeaders(std::string_view block, Part& part) {
    bool seen_disposition = false;
    bool seen_type = false;
    while (!block.empty()) {
        const std::size_t line_end = block.find("\r\n");
        const std::string_view line = block.substr(0, line_end);
        block = line_end == std::string_view::npos ? std::string_view{} : block.substr(line_end + 2);
        if (HasControlCharacter(line)) {
            return false;
        }
        // A header name must sit right before the colon; a leading space is obsolete line folding.
        Cursor cursor(line);
        const std::string_view name = cursor.Token();
        if (name.empty() || !cursor.Consume(':')) {
            return false;
        }
        const std::string_view value = TrimSpaces(line.substr(name.size() + 1));
        if (EqualsIgnoringCase(name, "content-disposition")) {
            if (seen_disposition || !ParseContentDisposition(value, part)) {
                return false;
            }
            seen_disposition = true;
        } else if (EqualsIgnoringCase(name, "content-type")) {
            if (seen_type) {
                return false;
            }
            seen_type = true;
            if (!value.empty()) {
                part.content_type = std::string(value);
            }
        }
    }
    return seen_disposition;
}

// A delimiter line: CRLF "--" boundary, then "--" for the last one, else optional spaces and CRLF.
struct Delimiter {
    std::size_t start;  // where the line's leading CRLF begins (its "--" at the start of the body)
    std::size_t after;  // just past the line
    bool close;
};

class DelimiterFinder {
public:
    DelimiterFinder(std::string_view body, std::string_view boundary)
        : body_(body),
          pattern_("\r\n--" + std::string(boundary)),
          searcher_(pattern_.begin(), pattern_.end()) {}

    // searcher_ points into pattern_.
    DelimiterFinder(const DelimiterFinder&) = delete;
    DelimiterFinder& operator=(const DelimiterFinder&) = delete;

    // The first delimiter: the body may begin with "--boundary" without a CRLF before it.
    std::optional<Delimiter> First() const {
        const std::string_view dash_boundary = std::string_view(pattern_).substr(2);
        if (body_.starts_with(dash_boundary)) {
            if (std::optional<Delimiter> found = Complete(0, dash_boundary.size())) {
                return found;
            }
        }
        return Next(0);
    }

    // The first delimiter whose CRLF begins at or after from. Each failed candidate moves the
    // search on by at least one byte and the padding scan never revisits bytes, so a whole parse
    // costs O(body size × pattern size) at worst, and the pattern is at most 74 bytes.
    std::optional<Delimiter> Next(std::size_t from) const {
        while (from < body_.size()) {
            const auto it = std::search(body_.begin() + static_cast<std::ptrdiff_t>(from), body_.end(),
                                        searcher_);
            if (it == body_.end()) {
                return std::nullopt;
            }
            const auto start = static_cast<std::size_t>(it - body_.begin());
            if (std::optional<Delimiter> found = Complete(start, start + pattern_.size())) {
                return found;
            }
            from = start + 1;
        }
        return std::nullopt;
    }

private:
    // Checks what follows "--boundary" (which ends at tail) and returns the delimiter when it is one.
    std::optional<Delimiter> Complete(std::size_t start, std::size_t tail) const {
        const std::string_view rest = body_.substr(tail);
        if (rest.starts_with("--")) {
            return Delimiter{start, tail + 2, true};
        }
        std::size_t padding = 0;
        while (padding < rest.size() && IsSpace(rest[padding])) {
            ++padding;
        }
        if (rest.substr(padding).starts_with("\r\n")) {
            return Delimiter{start, tail + padding + 2, false};
        }
        return std::nullopt;
    }

    std::string_view body_;
    std::string pattern_;
    std::boyer_moore_horspool_searcher<std::string::const_iterator> searcher_;
};

}  // namespace

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
    if (HasControlCharacter(content_type)) {
        return std::nullopt;
    }
    Cursor cursor(content_type);
    cursor.SkipSpaces();
    if (!EqualsIgnoringCase(cursor.Token(), "multipart") || !cursor.Consume('/') ||
        cursor.Token().empty()) {
        return std::nullopt;
    }
    std::optional<std::vector<Parameter>> parameters = ParseParameters(cursor);
    if (!parameters) {
        return std::nullopt;
    }
    std::optional<std::string> boundary;
    for (Parameter& parameter : *parameters) {
        if (parameter.name != "boundary") {
            continue;
        }
        if (boundary) {
            return std::nullopt;
        }
        boundary = std::move(parameter.value);
    }
    if (!boundary || !IsValidBoundary(*boundary)) {
        return std::nullopt;
    }
    return boundary;
}

MultipartResult ParseMultipart(std::string_view body, std::string_view boundary,
                               std::size_t max_parts) {
    MultipartResult result;
    if (!IsValidBoundary(boundary)) {
        result.error = MultipartError::kMalformed;
        return result;
    }
    const DelimiterFinder finder(body, boundary);
    std::optional<Delimiter> current = finder.First();
    if (!current) {
        result.error = MultipartError::kMalformed;
        return result;
    }
    while (!current->close) {
        if (result.parts.size() == max_parts) {
            result.error = MultipartError::kTooManyParts;
            return result;
        }
        const std::size_t part_start = current->after;
        const std::optional<Delimiter> next = finder.Next(part_start);
        if (!next) {
            result.error = MultipartError::kMalformed;
            return result;
        }
        const std::string_view content = body.substr(part_start, next->start - part_start);
        // The next delimiter's CRLF may also end the last header line (a part with no body), so the
        // blank line is looked for with those two bytes included, and never past the header limit.
        const std::string_view head =
            body.substr(part_start, std::min(content.size() + 2, kMaxPartHeaderBytes + 4));
        Part part;
        part.content_type = "text/plain";
        // A part without headers lacks the Content-Disposition RFC 7578 requires.
        if (head.starts_with("\r\n")) {
            result.error = MultipartError::kMalformed;
            return result;
        }
        const std::size_t blank = head.find("\r\n\r\n");
        if (blank == std::string_view::npos) {
            result.error = content.size() + 2 > head.size() ? MultipartError::kHeaderTooLarge
                                                            : MultipartError::kMalformed;
            return result;
        }
        if (!ParsePartHeaders(content.substr(0, blank), part)) {
            result.error = MultipartError::kMalformed;
            return result;
        }
        part.data = content.substr(std::min(blank + 4, content.size()));
        result.parts.push_back(std::move(part));
        current = next;
    }
    return result;
}

}  // namespace tuyenvan::http
