#pragma once

/// @file UTF-8 validation and decoding, following Unicode 15 table 3-7 (well-formed byte sequences).

#include <cstddef>
#include <string>
#include <string_view>

namespace tuyenvan::text {

/// Marks an ill-formed sequence in Utf8Decoded::code_point; never a Unicode scalar value.
inline constexpr char32_t kInvalidCodePoint = 0xFFFF'FFFF;

/// The replacement character U+FFFD that ToValidUtf8 writes for each ill-formed sequence.
inline constexpr char32_t kReplacementCharacter = 0xFFFD;

/// One decoded UTF-8 sequence.
struct Utf8Decoded {
    /// The scalar value, or kInvalidCodePoint when the bytes are ill-formed.
    char32_t code_point;
    /// Bytes consumed (1-4). For an ill-formed sequence this is its maximal subpart (at least 1 byte),
    /// so a caller that skips `length` bytes resynchronises the way Unicode recommends.
    std::size_t length;
};

/// True when s is well-formed UTF-8: no overlong forms, no surrogates (U+D800-U+DFFF), nothing above
/// U+10FFFF, no truncated sequence. The empty string is valid.
bool IsValidUtf8(std::string_view s);

/// Decodes the sequence that starts at s[pos]; requires pos < s.size().
Utf8Decoded DecodeUtf8(std::string_view s, std::size_t pos);

/// Appends the UTF-8 form of code_point, which must be a scalar value (not a surrogate, <= U+10FFFF).
void AppendUtf8(std::string& out, char32_t code_point);

/// Returns s with each ill-formed sequence (maximal subpart) replaced by U+FFFD; valid input comes back unchanged.
std::string ToValidUtf8(std::string_view s);

}  // namespace tuyenvan::text
