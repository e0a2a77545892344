#include "platform/text/utf8.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/ustring.h>

namespace tuyenvan::text {
namespace {

std::string Bytes(std::initializer_list<unsigned> bytes) {
    std::string s;
    for (const unsigned b : bytes) {
        s.push_back(static_cast<char>(b));
    }
    return s;
}

// ICU's strict converter (no substitution character) as the independent reference for well-formedness.
bool IcuSaysValid(std::string_view s) {
    std::vector<UChar> buffer(s.size() + 1);
    int32_t length = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8(buffer.data(), static_cast<int32_t>(buffer.size()), &length, s.data(),
                  static_cast<int32_t>(s.size()), &status);
    return U_SUCCESS(status);
}

TEST(Utf8Test, AcceptsWellFormedText) {
    EXPECT_TRUE(IsValidUtf8(""));
    EXPECT_TRUE(IsValidUtf8("plain ASCII, long enough to use the word-at-a-time loop"));
    EXPECT_TRUE(IsValidUtf8("Đảng bộ Bát Xát"));
    EXPECT_TRUE(IsValidUtf8("中华人民共和国 😀"));
    EXPECT_TRUE(IsValidUtf8(std::string_view("\0", 1)));
}

TEST(Utf8Test, AcceptsEveryBoundaryScalar) {
    for (const char32_t c : {0x0U, 0x7FU, 0x80U, 0x7FFU, 0x800U, 0xD7FFU, 0xE000U, 0xFFFDU, 0xFFFFU, 0x10000U,
                             0x10FFFFU}) {
        std::string s;
        AppendUtf8(s, c);
        EXPECT_TRUE(IsValidUtf8(s)) << std::hex << static_cast<std::uint32_t>(c);
    }
}

TEST(Utf8Test, RejectsIllFormedSequences) {
    const std::vector<std::string> bad = {
        Bytes({0x80}),                    // lone continuation byte
        Bytes({0xBF}),                    //
        Bytes({0xC0, 0x80}),              // overlong NUL
        Bytes({0xC1, 0xBF}),              // overlong U+007F
        Bytes({0xE0, 0x80, 0x80}),        // overlong 3-byte
        Bytes({0xE0, 0x9F, 0xBF}),        // overlong U+07FF
        Bytes({0xF0, 0x80, 0x80, 0x80}),  // overlong 4-byte
        Bytes({0xF0, 0x8F, 0xBF, 0xBF}),  // overlong U+FFFF
        Bytes({0xED, 0xA0, 0x80}),        // U+D800
        Bytes({0xED, 0xBF, 0xBF}),        // U+DFFF
        Bytes({0xF4, 0x90, 0x80, 0x80}),  // U+110000
        Bytes({0xF5, 0x80, 0x80, 0x80}),  //
        Bytes({0xFE}),                    //
        Bytes({0xFF}),                    //
        Bytes({0xC3}),                    // truncated 2-byte
        Bytes({0xE1, 0xBA}),              // truncated 3-byte
        Bytes({0xF0, 0x9F, 0x98}),        // truncated 4-byte
        Bytes({0xC3, 0x41}),              // lead byte followed by ASCII
        Bytes({0xE1, 0xBA, 0xA3, 0xA3}),  // extra continuation byte
    };
    for (const std::string& s : bad) {
        EXPECT_FALSE(IsValidUtf8(s)) << testing::PrintToString(s);
        EXPECT_FALSE(IsValidUtf8("0123456789abcdef" + s + "0123456789abcdef")) << testing::PrintToString(s);
    }
}

TEST(Utf8Test, FindsTheBadByteAtEveryOffsetOfLongAscii) {
    const std::string ascii(40, 'a');
    for (std::size_t i = 0; i <= ascii.size(); ++i) {
        std::string s = ascii;
        s.insert(i, "\xFF");
        EXPECT_FALSE(IsValidUtf8(s)) << i;
        s = ascii;
        s.insert(i, "\xC3\xA0");
        EXPECT_TRUE(IsValidUtf8(s)) << i;
    }
}

TEST(Utf8Test, EncodeDecodeRoundTripsEveryScalar) {
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            continue;
        }
        std::string s;
        AppendUtf8(s, c);
        ASSERT_TRUE(IsValidUtf8(s)) << std::hex << static_cast<std::uint32_t>(c);
        ASSERT_TRUE(IcuSaysValid(s));
        const Utf8Decoded decoded = DecodeUtf8(s, 0);
        ASSERT_EQ(decoded.code_point, c);
        ASSERT_EQ(decoded.length, s.size());
    }
}

TEST(Utf8Test, AgreesWithIcuOnEveryShortSequence) {
    for (unsigned a = 0; a < 256; ++a) {
        for (unsigned b = 0; b < 256; ++b) {
            const std::string s = Bytes({a, b});
            ASSERT_EQ(IsValidUtf8(s), IcuSaysValid(s)) << testing::PrintToString(s);
        }
    }
    // Three-byte sequences with a lead byte in E0-F4 and continuation bytes around every boundary.
    const std::vector<unsigned> interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    for (unsigned lead = 0xE0; lead <= 0xF4; ++lead) {
        for (const unsigned b : interesting) {
            for (const unsigned c : interesting) {
                for (const unsigned d : interesting) {
                    const std::string three = Bytes({lead, b, c});
                    const std::string four = Bytes({lead, b, c, d});
                    ASSERT_EQ(IsValidUtf8(three), IcuSaysValid(three)) << testing::PrintToString(three);
                    ASSERT_EQ(IsValidUtf8(four), IcuSaysValid(four)) << testing::PrintToString(four);
                }
            }
        }
    }
}

TEST(Utf8Test, AgreesWithIcuOnRandomBytes) {
    std::mt19937 random(42);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 24);
    std::uniform_int_distribution<int> coin(0, 3);
    for (int round = 0; round < 100000; ++round) {
        std::string s;
        for (int i = length(random); i > 0; --i) {
            // Mostly valid text with occasional random bytes, so both outcomes are common.
            if (coin(random) == 0) {
                s.push_back(static_cast<char>(byte(random)));
            } else {
                s += "ả";
            }
        }
        ASSERT_EQ(IsValidUtf8(s), IcuSaysValid(s)) << testing::PrintToString(s);
    }
}

TEST(Utf8Test, DecodeReportsMaximalSubparts) {
    // Unicode 15, section 3.9, table 3-8: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 decodes as
    // a FFFD FFFD FFFD b FFFD c FFFD FFFD d.
    const std::string s = Bytes({0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64});
    std::vector<std::size_t> lengths;
    std::u32string decoded;
    for (std::size_t pos = 0; pos < s.size();) {
        const Utf8Decoded d = DecodeUtf8(s, pos);
        decoded.push_back(d.code_point == kInvalidCodePoint ? kReplacementCharacter : d.code_point);
        lengths.push_back(d.length);
        pos += d.length;
    }
    EXPECT_EQ(decoded, U"a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd");
    EXPECT_EQ(lengths, (std::vector<std::size_t>{1, 3, 2, 1, 1, 1, 1, 1, 1, 1}));
}

TEST(Utf8Test, ToValidUtf8ReplacesEachMaximalSubpart) {
    EXPECT_EQ(ToValidUtf8("Đảng bộ"), "Đảng bộ");
    EXPECT_EQ(ToValidUtf8(Bytes({0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64})),
              "a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd");
    EXPECT_EQ(ToValidUtf8(Bytes({0xED, 0xA0, 0x80})), "\uFFFD\uFFFD\uFFFD");  // surrogate: 3 single bytes
    std::mt19937 random(3);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 10000; ++round) {
        std::string s;
        for (int i = 0; i < 16; ++i) {
            s.push_back(static_cast<char>(byte(random)));
        }
        ASSERT_TRUE(IsValidUtf8(ToValidUtf8(s))) << testing::PrintToString(s);
    }
}

}  // namespace
}  // namespace tuyenvan::text
