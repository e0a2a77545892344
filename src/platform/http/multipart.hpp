#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::http {

/// The most bytes a part's header block may hold (the headers before the blank line).
inline constexpr std::size_t kMaxPartHeaderBytes = 8 * 1024;

/// The boundary parameter of a multipart Content-Type header value ("multipart/form-data;
/// boundary=xyz", the value quoted or not, the parameter name in any case). nullopt when the media
/// type is not multipart/*, the parameter is absent or repeated, or the boundary breaks RFC 2046
/// (1–70 bchars, not ending in a space).
std::optional<std::string> MultipartBoundary(std::string_view content_type);

/// One field or file of a multipart/form-data body.
struct Part {
    /// The form field name from Content-Disposition (valid UTF-8, may be empty).
    std::string name;
    /// The file name, from filename*=UTF-8''… when present, else filename="…"; absent for plain
    /// fields. Valid UTF-8, but a client's path: never use it as one without sanitizing.
    std::optional<std::string> filename;
    /// The part's Content-Type value as sent, "text/plain" when there is none.
    std::string content_type;
    /// The part's bytes; points into the parsed body, which must outlive it.
    std::string_view data;
};

/// Why a multipart body was refused.
enum class MultipartError {
    kMalformed,        ///< bad framing, a missing final boundary, or a bad Content-Disposition
    kTooManyParts,     ///< more parts than allowed
    kHeaderTooLarge,   ///< a part's header block over kMaxPartHeaderBytes
};

/// The parts parsed and, when parsing stopped early, why. On error, parts holds the parts that were
/// complete before the problem; callers should normally answer 400 (or 413).
struct MultipartResult {
    /// The parts, in body order.
    std::vector<Part> parts;
    /// Set when the body was refused.
    std::optional<MultipartError> error;
};

/// Parses a multipart/form-data body (RFC 7578) held in memory. The preamble and epilogue are
/// ignored; a line that merely starts with "--boundary" but continues with other characters is data.
/// Each part needs a "Content-Disposition: form-data; name=…" header (quoted strings with backslash
/// escapes, filename*=UTF-8''percent-encoded); its Content-Type defaults to "text/plain"; other
/// headers are ignored. Linear time. Limits: max_parts parts (else kTooManyParts, keeping the first
/// max_parts), kMaxPartHeaderBytes per header block.
MultipartResult ParseMultipart(std::string_view body, std::string_view boundary,
                               std::size_t max_parts = 200);

}  // namespace tuyenvan::http
