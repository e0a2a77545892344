#include "platform/text/fold.hpp"

#include <array>
#include <cstdint>
#include <stdexcept>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "platform/text/utf8.hpp"

namespace tuyenvan::text {

namespace {

// The table covers ASCII, Latin-1, Latin Extended-A/B, the combining marks and Latin Extended Additional
// (U+1EA0-1EF9 holds the precomposed Vietnamese vowels), so Vietnamese text never needs ICU at run time.
// An entry is the one ASCII byte a code point folds to (' ' for any whitespace), kDropped, or kNeedsIcu.
constexpr char32_t kTableEnd = 0x2000;
constexpr std::uint8_t kNeedsIcu = 0xFF;
constexpr std::uint8_t kDropped = 0xFE;

using FoldTable = std::array<std::uint8_t, kTableEnd>;

bool IsCombiningDiacritic(UChar32 c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

// đ has no canonical decomposition, so removing marks alone would leave it; Ð/ð and Ɖ/ɖ look the same
// and turn up in Vietnamese text produced by old converters and fonts.
bool IsBarredD(UChar32 c) {
    return c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0 || c == 0x0189 || c == 0x0256;
}

bool IsDropped(UChar32 c) {
    if (u_isUWhiteSpace(c)) {
        return false;
    }
    return u_charType(c) == U_CONTROL_CHAR || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

void ThrowIfFailed(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("text::Fold: ") + what + ": " + u_errorName(status));
    }
}

// Everything except whitespace handling, which Fold's table loop and FoldedWriter apply alike.
icu::UnicodeString FoldCodePoints(const icu::UnicodeString& input) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    ThrowIfFailed(status, "normalizer data");

    icu::UnicodeString text = nfd->normalize(input, status);
    ThrowIfFailed(status, "NFD");
    text.foldCase(U_FOLD_CASE_DEFAULT);
    // Case folding can produce sequences that are not in NFD (İ → i + U+0307), so decompose again.
    text = nfd->normalize(text, status);
    ThrowIfFailed(status, "NFD after case fold");

    icu::UnicodeString kept;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (IsCombiningDiacritic(c) || IsDropped(c)) {
            continue;
        }
        kept.append(IsBarredD(c) ? UChar32{'d'} : c);
    }
    icu::UnicodeString composed = nfc->normalize(kept, status);
    ThrowIfFailed(status, "NFC");
    return composed;
}

// Writes the ICU path's output, turning each run of whitespace into one space and dropping it at both
// ends, with the same rules as the table loop in Fold.
class FoldedWriter {
public:
    explicit FoldedWriter(std::string& out) : out_(out) {}

    void CodePoint(char32_t c) {
        if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
            pending_space_ = !out_.empty();
            return;
        }
        if (pending_space_) {
            out_.push_back(' ');
            pending_space_ = false;
        }
        AppendUtf8(out_, c);
    }

private:
    std::string& out_;
    bool pending_space_ = false;
};

std::uint8_t ClassifyForTable(char32_t c) {
    const auto code_point = static_cast<UChar32>(c);
    if (u_isUWhiteSpace(code_point)) {
        return ' ';
    }
    const icu::UnicodeString folded = FoldCodePoints(icu::UnicodeString(code_point));
    if (folded.isEmpty()) {
        return kDropped;
    }
    if (folded.length() == 1 && folded[0] > 0x20 && folded[0] < 0x7F) {
        return static_cast<std::uint8_t>(folded[0]);
    }
    return kNeedsIcu;
}

// Built once from the ICU pipeline itself, so the shortcut cannot drift from detail::FoldWithIcu.
const FoldTable& Table() {
    static const FoldTable table = [] {
        FoldTable built{};
        for (char32_t c = 0; c < kTableEnd; ++c) {
            built[c] = ClassifyForTable(c);
        }
        return built;
    }();
    return table;
}

}  // namespace

std::string Fold(std::string_view utf8) {
    const FoldTable& table = Table();
    // Each input character becomes at most one output byte on this path, so the input size is enough;
    // writing through a local cursor keeps the loop free of std::string's size bookkeeping.
    std::string out(utf8.size(), '\0');
    char* const begin = out.data();
    char* cursor = begin;
    bool pending_space = false;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        char32_t c = static_cast<unsigned char>(utf8[pos]);
        if (c < 0x80) {
            ++pos;
        } else {
            const Utf8Decoded decoded = DecodeUtf8(utf8, pos);
            pos += decoded.length;
            c = decoded.code_point;
            if (c == kInvalidCodePoint) {
                continue;
            }
        }
        std::uint8_t mapped = kNeedsIcu;
        if (c < kTableEnd) {
            mapped = table[c];
        } else if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
            mapped = ' ';
        } else if (IsDropped(static_cast<UChar32>(c))) {
            mapped = kDropped;
        }
        if (mapped == kNeedsIcu) {
            // Rare: text outside Latin (Chinese names, Greek, emoji). Composition can span neighbouring
            // characters, so the whole string goes through ICU rather than just this code point.
            return detail::FoldWithIcu(utf8);
        }
        if (mapped == kDropped) {
            continue;
        }
        if (mapped == ' ') {
            pending_space = cursor != begin;
            continue;
        }
        if (pending_space) {
            *cursor++ = ' ';
            pending_space = false;
        }
        *cursor++ = static_cast<char>(mapped);
    }
    out.resize(static_cast<std::size_t>(cursor - begin));
    return out;
}

namespace detail {

std::string FoldWithIcu(std::string_view utf8) {
    icu::UnicodeString input;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const Utf8Decoded decoded = DecodeUtf8(utf8, pos);
        pos += decoded.length;
        if (decoded.code_point != kInvalidCodePoint) {
            input.append(static_cast<UChar32>(decoded.code_point));
        }
    }
    const icu::UnicodeString folded = FoldCodePoints(input);

    std::string out;
    out.reserve(utf8.size());
    FoldedWriter writer(out);
    for (int32_t i = 0; i < folded.length();) {
        const UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        writer.CodePoint(static_cast<char32_t>(c));
    }
    return out;
}

}  // namespace detail

}  // namespace tuyenvan::text
