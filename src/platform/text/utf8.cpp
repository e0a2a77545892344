#include "platform/text/utf8.hpp"

#include <cassert>
#include <cstdint>
#include <cstring>

namespace tuyenvan::text {

namespace {

constexpr std::uint64_t kHighBits = 0x8080'8080'8080'8080ULL;

// Skips whole 8-byte words of ASCII: almost all form fields, paths and headers are ASCII,
// and checking one bit per byte a word at a time is several times faster than decoding.
std::size_t SkipAscii(std::string_view s, std::size_t pos) {
    while (pos + sizeof(std::uint64_t) <= s.size()) {
        std::uint64_t word;
        std::memcpy(&word, s.data() + pos, sizeof(word));
        if ((word & kHighBits) != 0) {
            break;
        }
        pos += sizeof(word);
    }
    while (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80) {
        ++pos;
    }
    return pos;
}

}  // namespace

Utf8Decoded DecodeUtf8(std::string_view s, std::size_t pos) {
    assert(pos < s.size());
    const auto* bytes = reinterpret_cast<const unsigned char*>(s.data()) + pos;
    const std::size_t available = s.size() - pos;
    const unsigned lead = bytes[0];
    if (lead < 0x80) {
        return {lead, 1};
    }

    std::size_t trailing = 0;
    char32_t code_point = 0;
    // The bounds of the first continuation byte carry the rules against overlongs (E0, F0),
    // surrogates (ED) and values above U+10FFFF (F4); later continuation bytes are always 80..BF.
    unsigned low = 0x80;
    unsigned high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        trailing = 1;
        code_point = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        trailing = 2;
        code_point = lead & 0x0F;
        if (lead == 0xE0) {
            low = 0xA0;
        } else if (lead == 0xED) {
            high = 0x9F;
        }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        trailing = 3;
        code_point = lead & 0x07;
        if (lead == 0xF0) {
            low = 0x90;
        } else if (lead == 0xF4) {
            high = 0x8F;
        }
    } else {
        return {kInvalidCodePoint, 1};
    }

    for (std::size_t i = 1; i <= trailing; ++i) {
        if (i >= available) {
            return {kInvalidCodePoint, i};
        }
        const unsigned byte = bytes[i];
        if (byte < low || byte > high) {
            return {kInvalidCodePoint, i};
        }
        low = 0x80;
        high = 0xBF;
        code_point = (code_point << 6) | (byte & 0x3F);
    }
    return {code_point, trailing + 1};
}

bool IsValidUtf8(std::string_view s) {
    std::size_t pos = 0;
    while (true) {
        pos = SkipAscii(s, pos);
        if (pos >= s.size()) {
            return true;
        }
        const Utf8Decoded decoded = DecodeUtf8(s, pos);
        if (decoded.code_point == kInvalidCodePoint) {
            return false;
        }
        pos += decoded.length;
    }
}

void AppendUtf8(std::string& out, char32_t code_point) {
    assert(code_point <= 0x10FFFF && (code_point < 0xD800 || code_point > 0xDFFF));
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

std::string ToValidUtf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t ascii_end = SkipAscii(s, pos);
        out.append(s.substr(pos, ascii_end - pos));
        pos = ascii_end;
        if (pos >= s.size()) {
            break;
        }
        const Utf8Decoded decoded = DecodeUtf8(s, pos);
        if (decoded.code_point == kInvalidCodePoint) {
            AppendUtf8(out, kReplacementCharacter);
        } else {
            out.append(s.substr(pos, decoded.length));
        }
        pos += decoded.length;
    }
    return out;
}

}  // namespace tuyenvan::text
