#pragma once

/// @file Accent- and case-insensitive folding of Vietnamese text for search and matching.

#include <string>
#include <string_view>

namespace tuyenvan::text {

/// Folded form for search and matching: "Đảng bộ  Bát Xát " → "dang bo bat xat".
///
/// The steps, in effect: NFC-normalise; remove the combining diacritics (Vietnamese tone and vowel
/// marks, and any mark in the Combining Diacritical Marks blocks U+0300-036F, 1AB0-1AFF, 1DC0-1DFF,
/// 20D0-20FF, FE20-FE2F); map đ/Đ, and the look-alikes Ð/ð (U+00D0/F0, common in text converted from
/// legacy Vietnamese encodings) and Ɖ/ɖ, to "d"; full Unicode case fold (ß → "ss"); drop control
/// characters and default-ignorable code points (soft hyphen, zero-width space, BOM); collapse each run of
/// White_Space characters to one ASCII space and trim. Ill-formed UTF-8 bytes are dropped.
/// Marks of other scripts (Thai, Devanagari vowel signs) are kept, because they are letters there.
/// Thread-safe; ASCII and precomposed Vietnamese text never reach ICU.
std::string Fold(std::string_view utf8);

namespace detail {

/// Fold computed wholly with ICU, without the lookup-table shortcut; Fold must always agree with it.
/// Exposed for tests, and used by Fold for text outside ASCII and the Latin/Vietnamese letters.
std::string FoldWithIcu(std::string_view utf8);

}  // namespace detail

}  // namespace tuyenvan::text
