#include "platform/text/collate.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

namespace tuyenvan::text {

namespace {

icu::StringPiece ToStringPiece(std::string_view s) {
    if (s.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
        throw std::length_error("text::Collator: string longer than 2 GiB");
    }
    return {s.data(), static_cast<int32_t>(s.size())};
}

std::unique_ptr<const icu::Collator> OpenVietnameseCollator() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("vi"), status));
    // U_USING_DEFAULT_WARNING means ICU fell back to root order, which sorts ă, â, đ wrongly: refuse it.
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || collator == nullptr) {
        throw std::runtime_error(std::string("text::Collator: no ICU collation for \"vi\": ") + u_errorName(status));
    }
    return collator;
}

}  // namespace

Collator::Collator() : collator_(OpenVietnameseCollator()) {}

Collator::~Collator() = default;
Collator::Collator(Collator&&) noexcept = default;
Collator& Collator::operator=(Collator&&) noexcept = default;

int Collator::Compare(std::string_view a, std::string_view b) const {
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult result = collator_->compareUTF8(ToStringPiece(a), ToStringPiece(b), status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("text::Collator::Compare: ") + u_errorName(status));
    }
    return static_cast<int>(result);
}

std::string Collator::SortKeyHex(std::string_view s) const {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(ToStringPiece(s));
    // Keys run to about 2-3 bytes per character; most names fit the first buffer and need one call.
    std::vector<uint8_t> key(static_cast<std::size_t>(text.length()) * 4 + 16);
    int32_t length = collator_->getSortKey(text, key.data(), static_cast<int32_t>(key.size()));
    if (length > static_cast<int32_t>(key.size())) {
        key.resize(static_cast<std::size_t>(length));
        length = collator_->getSortKey(text, key.data(), length);
    }
    if (length <= 0) {
        throw std::runtime_error("text::Collator::SortKeyHex: ICU returned no sort key");
    }

    static constexpr std::array<char, 16> kHexDigits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                        '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    // ICU ends every key with a zero byte that no other position contains; dropping it keeps the order.
    const auto key_length = static_cast<std::size_t>(length - 1);
    std::string hex;
    hex.reserve(key_length * 2);
    for (std::size_t i = 0; i < key_length; ++i) {
        hex.push_back(kHexDigits[key[i] >> 4]);
        hex.push_back(kHexDigits[key[i] & 0x0F]);
    }
    return hex;
}

}  // namespace tuyenvan::text
