#pragma once

/// @file Unicode normalisation of user input.

#include <string>
#include <string_view>

namespace tuyenvan::text {

/// NFC form of utf8 ("e" + U+0302 + U+0301 → "ế"), so text typed with decomposed Vietnamese marks (Unikey's
/// "Unicode tổ hợp", macOS file names) is stored and compared like precomposed text. Ill-formed UTF-8 bytes
/// become U+FFFD. ASCII and text that is already NFC come back unchanged without a copy through ICU.
std::string ToNfc(std::string_view utf8);

}  // namespace tuyenvan::text
