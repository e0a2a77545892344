#pragma once

/// @file URL slugs from Vietnamese titles.

#include <cstddef>
#include <string>
#include <string_view>

namespace tuyenvan::text {

/// The longest slug Slug returns, in bytes.
inline constexpr std::size_t kMaxSlugBytes = 80;

/// URL slug: Fold, then each run of characters outside [a-z0-9] becomes one '-', with no '-' at either end.
/// "Đảng bộ tỉnh Lào Cai" → "dang-bo-tinh-lao-cai"; "Thông tin tuyên vận (2019)" → "thong-tin-tuyen-van-2019".
/// A slug longer than kMaxSlugBytes is cut at the last '-' that keeps at least half of it, otherwise at
/// kMaxSlugBytes exactly. The result is empty when the text has no ASCII letter or digit (e.g. "!!!" or
/// Chinese), so callers must supply a fallback such as the numeric id, and deduplicate ("-2") themselves.
std::string Slug(std::string_view utf8);

}  // namespace tuyenvan::text
