#pragma once

/// @file Vietnamese collation (sorting) through ICU.

#include <memory>
#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Collator;
U_NAMESPACE_END

namespace tuyenvan::text {

/// Vietnamese alphabetical order (ICU locale "vi", tertiary strength): a < ă < â, d < đ, e < ê, o < ô < ơ,
/// u < ư as separate letters; tones order ngang < huyền < hỏi < ngã < sắc < nặng (ha hà hả hã há hạ);
/// lowercase before uppercase only when nothing else differs. Digits compare as text ("Xã 10" < "Xã 2").
///
/// Thread-safe: one instance may be shared by all threads. It holds one icu::Collator and calls only its
/// const methods, which ICU documents as safe for concurrent use ("Thread-safe const APIs" in the ICU
/// design guide), so there is neither a lock nor a per-thread clone. Build it once in the composition root:
/// construction loads collation data and costs far more than a comparison.
class Collator final {
public:
    /// Opens the ICU "vi" collator; throws std::runtime_error when ICU has no Vietnamese data.
    Collator();
    /// Releases the ICU collator.
    ~Collator();
    /// Moves the ICU collator; the moved-from object must not be used again.
    Collator(Collator&&) noexcept;
    /// Moves the ICU collator; the moved-from object must not be used again.
    Collator& operator=(Collator&&) noexcept;
    /// Not copyable: share one instance, which is safe across threads.
    Collator(const Collator&) = delete;
    /// Not copyable: share one instance, which is safe across threads.
    Collator& operator=(const Collator&) = delete;

    /// Compares two UTF-8 strings in Vietnamese order: negative, zero or positive like strcmp.
    /// Ill-formed UTF-8 compares as U+FFFD.
    int Compare(std::string_view a, std::string_view b) const;

    /// Lowercase hex of the ICU sort key (without its terminating zero byte). Byte-wise (memcmp / ASCII)
    /// order of two keys equals Compare's order, and equal keys mean Compare returns 0. Meant for an
    /// ORDER BY column: store it with a byte-order collation (COLLATE "C" in PostgreSQL, BINARY in SQLite),
    /// and recompute it when ICU or its collation data is upgraded, because keys are not stable across versions.
    std::string SortKeyHex(std::string_view s) const;

private:
    std::unique_ptr<const icu::Collator> collator_;
};

}  // namespace tuyenvan::text
