#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tuyenvan::http {

/// Decodes %XX escapes, and '+' as a space when plus_as_space is set (form bodies and query
/// strings; never paths). Returns nullopt on a bad escape ("%G1", a truncated "%4" or "%" at the
/// end) or when the decoded bytes are not valid UTF-8, so callers only ever see valid text.
std::optional<std::string> PercentDecode(std::string_view s, bool plus_as_space);

/// Percent-encodes every byte except the RFC 3986 unreserved characters (ALPHA, DIGIT, "-", ".",
/// "_", "~"), with upper-case hex. PercentDecode(PercentEncode(s), either) == s for valid UTF-8 s.
std::string PercentEncode(std::string_view s);

/// One ordered multimap of name → value for application/x-www-form-urlencoded bodies and URL query
/// strings. Keeps the order the client sent; lookups are linear, which is cheap at the at most
/// 1000 pairs the parsers admit.
class Params {
public:
    /// The value of the first pair called name, or nullptr when there is none. The pointer is
    /// valid until the next Add.
    const std::string* Find(std::string_view name) const;

    /// The value of the first pair called name, or fallback when there is none.
    std::string Get(std::string_view name, std::string_view fallback = {}) const;

    /// Every value of the pairs called name, in order (checkbox groups, multi-selects).
    std::vector<std::string> GetAll(std::string_view name) const;

    /// Whether at least one pair is called name.
    bool Has(std::string_view name) const;

    /// Appends a pair after the existing ones.
    void Add(std::string name, std::string value);

    /// Every pair in order.
    const std::vector<std::pair<std::string, std::string>>& Items() const;

    /// The number of pairs.
    std::size_t Size() const;

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

/// Why a form body or query string was refused.
enum class ParseError {
    kMalformed,  ///< a bad percent escape, or a name or value that is not valid UTF-8
    kTooMany,    ///< more pairs than allowed
    kTooLong,    ///< more bytes than allowed
};

/// The pairs parsed and, when parsing stopped early, why. On error, params holds the pairs decoded
/// before the problem (none for kTooLong); callers should normally answer 400.
struct ParamsResult {
    /// The decoded pairs.
    Params params;
    /// Set when the input was refused.
    std::optional<ParseError> error;
};

/// Parses "a=1&b=%C3%A1&c" ('+' is a space; "c" gives ("c", "")); empty pairs between '&' are
/// skipped, "=b" gives ("", "b") as in the WHATWG URL standard. Limits: at most max_pairs pairs
/// (else kTooMany, keeping the first max_pairs), the whole input at most max_bytes (else kTooLong).
ParamsResult ParseUrlEncoded(std::string_view body, std::size_t max_pairs = 1000,
                             std::size_t max_bytes = std::size_t{1} << 20);

/// Parses the query string of a request target ("/a/b?x=1#frag" → "x=1") with ParseUrlEncoded's
/// rules and default limits. A target without '?' (or with '?' only in the fragment) has no pairs.
ParamsResult ParseQuery(std::string_view target);

}  // namespace tuyenvan::http
