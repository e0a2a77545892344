#include "platform/text/normalize.hpp"

#include <limits>
#include <stdexcept>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "platform/text/utf8.hpp"

namespace tuyenvan::text {

namespace {

bool IsAscii(std::string_view s) {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string ToNfc(std::string_view utf8) {
    if (IsAscii(utf8)) {
        return std::string(utf8);
    }
    const std::string valid = ToValidUtf8(utf8);
    if (valid.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
        throw std::length_error("text::ToNfc: string longer than 2 GiB");
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("text::ToNfc: ") + u_errorName(status));
    }
    const icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(valid.data(), static_cast<int32_t>(valid.size())));
    const UBool already_nfc = nfc->isNormalized(text, status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("text::ToNfc: ") + u_errorName(status));
    }
    if (already_nfc) {
        return valid;
    }
    const icu::UnicodeString normalized = nfc->normalize(text, status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("text::ToNfc: ") + u_errorName(status));
    }
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

}  // namespace tuyenvan::text
