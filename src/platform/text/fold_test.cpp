#include "platform/text/fold.hpp"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "platform/text/utf8.hpp"

namespace tuyenvan::text {
namespace {

std::string ToNfd(std::string_view nfc) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::UnicodeString decomposed =
        nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(nfc.data(), static_cast<int32_t>(nfc.size()))),
                       status);
    EXPECT_TRUE(U_SUCCESS(status));
    std::string out;
    decomposed.toUTF8String(out);
    return out;
}

std::string AsciiLower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; });
    return s;
}

std::vector<std::string> SplitCodePoints(std::string_view s) {
    std::vector<std::string> pieces;
    for (std::size_t pos = 0; pos < s.size();) {
        const Utf8Decoded decoded = DecodeUtf8(s, pos);
        pieces.emplace_back(s.substr(pos, decoded.length));
        pos += decoded.length;
    }
    return pieces;
}

std::string Utf8Of(char32_t c) {
    std::string s;
    AppendUtf8(s, c);
    return s;
}

struct NamePair {
    std::string_view name;
    std::string_view name_en;
};

// (name, name_en) rows of /work/shared/data/units/lao-cai-{before,from}-2025-07.csv, chosen to cover the
// five tones on every vowel that carries them in Lào Cai's names, ă â ê ô ơ ư đ, and capitals with marks.
constexpr NamePair kLaoCaiNames[] = {
    {"Bảo Ái", "Bao Ai"},
    {"Khánh Yên Thượng", "Khanh Yen Thuong"},
    {"Đồng Tuyển", "Dong Tuyen"},
    {"Nghĩa Lộ", "Nghia Lo"},
    {"Ngũ Chỉ Sơn", "Ngu Chi Son"},
    {"A Lù", "A Lu"},
    {"Bắc Cường", "Bac Cuong"},
    {"Chiềng Ken", "Chieng Ken"},
    {"Châu Quế", "Chau Que"},
    {"Chấn Thịnh", "Chan Thinh"},
    {"Cốc Lầu", "Coc Lau"},
    {"Hoà Mạc", "Hoa Mac"},
    {"Nậm Có", "Nam Co"},
    {"Púng Luông", "Pung Luong"},
    {"Sín Chéng", "Sin Cheng"},
    {"Tả Củ Tỷ", "Ta Cu Ty"},
    {"Tằng Loỏng", "Tang Loong"},
    {"Ô Quý Hồ", "O Quy Ho"},
    {"Bình Minh", "Binh Minh"},
    {"Bản Phiệt", "Ban Phiet"},
    {"Bản Xèo", "Ban Xeo"},
    {"Cam Cọn", "Cam Con"},
    {"Cốc Mỳ", "Coc My"},
    {"La Pan Tẩn", "La Pan Tan"},
    {"Lục Yên", "Luc Yen"},
    {"Nậm Mòn", "Nam Mon"},
    {"Phan Si Păng", "Phan Si Pang"},
    {"Võ Lao", "Vo Lao"},
    {"Âu Lâu", "Au Lau"},
    {"Điện Quan", "Dien Quan"},
    {"Thào Chư Phìn", "Thao Chu Phin"},
    {"Nấm Lư", "Nam Lu"},
    {"Trịnh Tường", "Trinh Tuong"},
    {"Bản Vược", "Ban Vuoc"},
    {"Phong Dụ Thượng", "Phong Du Thuong"},
    {"Sơn Thuỷ", "Son Thuy"},
    {"Hưng Khánh", "Hung Khanh"},
    {"Xuân Ái", "Xuan Ai"},
    {"Thượng Bằng La", "Thuong Bang La"},
    {"Nghĩa Đô", "Nghia Do"},
    {"Cam Đường", "Cam Duong"},
    {"Văn Bàn", "Van Ban"},
    {"Bát Xát", "Bat Xat"},
    {"Mường Khương", "Muong Khuong"},
};

struct LetterRow {
    std::string_view base;
    std::string_view lower;
    std::string_view upper;
};

// Every precomposed Vietnamese letter with a mark: 66 lowercase and 66 uppercase vowels (a ă â e ê i o ô ơ
// u ư y, each with huyền, sắc, hỏi, ngã, nặng, plus the bare ă â ê ô ơ ư); đ and Đ make 134.
constexpr LetterRow kVietnameseLetters[] = {
    {"a", "àáảãạăằắẳẵặâầấẩẫậ", "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
    {"e", "èéẻẽẹêềếểễệ", "ÈÉẺẼẸÊỀẾỂỄỆ"},
    {"i", "ìíỉĩị", "ÌÍỈĨỊ"},
    {"o", "òóỏõọôồốổỗộơờớởỡợ", "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
    {"u", "ùúủũụưừứửữự", "ÙÚỦŨỤƯỪỨỬỮỰ"},
    {"y", "ỳýỷỹỵ", "ỲÝỶỸỴ"},
    {"d", "đ", "Đ"},
};

TEST(FoldTest, ExampleFromTheSpecification) {
    EXPECT_EQ(Fold("Đảng bộ Bát Xát"), "dang bo bat xat");
}

TEST(FoldTest, LaoCaiUnitNamesFoldToTheirAsciiNames) {
    for (const auto& [name, name_en] : kLaoCaiNames) {
        const std::string expected = AsciiLower(std::string(name_en));
        EXPECT_EQ(Fold(name), expected) << name;
        EXPECT_EQ(Fold(ToNfd(name)), expected) << "NFD of " << name;
        EXPECT_EQ(detail::FoldWithIcu(name), expected) << name;
    }
}

TEST(FoldTest, UnitKindsAndFullNames) {
    EXPECT_EQ(Fold("Tỉnh Lào Cai"), "tinh lao cai");
    EXPECT_EQ(Fold("Thị trấn Bắc Hà"), "thi tran bac ha");
    EXPECT_EQ(Fold("Phường Ô Quý Hồ"), "phuong o quy ho");
    EXPECT_EQ(Fold("Huyện Mường Khương"), "huyen muong khuong");
    EXPECT_EQ(Fold("Thành phố Lào Cai"), "thanh pho lao cai");
    EXPECT_EQ(Fold("Thị xã Sa Pa"), "thi xa sa pa");
    EXPECT_EQ(Fold("BAN TUYÊN GIÁO TỈNH ỦY"), "ban tuyen giao tinh uy");
}

TEST(FoldTest, EveryPrecomposedVietnameseLetterFoldsToItsBase) {
    std::size_t letters = 0;
    for (const auto& row : kVietnameseLetters) {
        for (const std::string_view letters_of_case : {row.lower, row.upper}) {
            for (const std::string& letter : SplitCodePoints(letters_of_case)) {
                EXPECT_EQ(Fold(letter), row.base) << letter;
                EXPECT_EQ(Fold(ToNfd(letter)), row.base) << "NFD of " << letter;
                EXPECT_EQ(detail::FoldWithIcu(letter), row.base) << letter;
                ++letters;
            }
        }
    }
    EXPECT_EQ(letters, 134U);
}

TEST(FoldTest, LetterRowsAreCaseMatesAndPrecomposed) {
    for (const auto& row : kVietnameseLetters) {
        const std::vector<std::string> lower = SplitCodePoints(row.lower);
        const std::vector<std::string> upper = SplitCodePoints(row.upper);
        ASSERT_EQ(lower.size(), upper.size()) << row.base;
        for (std::size_t i = 0; i < lower.size(); ++i) {
            // đ is a letter of its own with no decomposition; every other entry must carry a mark.
            if (row.base != "d") {
                EXPECT_NE(ToNfd(lower[i]), lower[i]) << "not precomposed or no mark: " << lower[i];
            }
            EXPECT_EQ(Fold(lower[i]), Fold(upper[i]));
        }
    }
}

TEST(FoldTest, DecomposedInputFoldsLikeComposedInput) {
    // Hand-written decomposed forms, including marks in non-canonical order (dot below before circumflex).
    EXPECT_EQ(Fold("D\xC6\xB0\xCC\x9B\xCC\x80ng"), "dung");
    EXPECT_EQ(Fold("a\xCC\xA3\xCC\x82"), "a");
    EXPECT_EQ(Fold("a\xCC\x82\xCC\xA3"), "a");
    EXPECT_EQ(Fold("\xC3\xA2\xCC\xA3"), "a");  // â + combining dot below, as some keyboards type ậ
    EXPECT_EQ(Fold("Vie\xCC\x82\xCC\xA3t Nam"), "viet nam");
    const std::string sentence = "Hội nghị tuyên vận tháng Mười hai của Đảng ủy xã Ngũ Chỉ Sơn";
    EXPECT_EQ(Fold(ToNfd(sentence)), Fold(sentence));
    EXPECT_EQ(Fold(sentence), "hoi nghi tuyen van thang muoi hai cua dang uy xa ngu chi son");
}

TEST(FoldTest, OldAndNewTonePlacementFoldAlike) {
    EXPECT_EQ(Fold("Hoà"), Fold("Hòa"));
    EXPECT_EQ(Fold("Thuỷ"), Fold("Thủy"));
}

TEST(FoldTest, LookAlikesOfDStrokeFoldToD) {
    EXPECT_EQ(Fold("\xC3\x90\xE1\xBA\xA3ng"), "dang");  // Ð U+00D0 instead of Đ U+0110
    EXPECT_EQ(Fold("\xC3\xB0i"), "di");                 // ð U+00F0
    EXPECT_EQ(Fold("\xC6\x89\xC9\x96"), "dd");          // Ɖ U+0189, ɖ U+0256
}

TEST(FoldTest, WhitespaceIsCollapsedAndTrimmed) {
    EXPECT_EQ(Fold("  Đảng \t bộ\r\n\nBát   Xát  "), "dang bo bat xat");
    EXPECT_EQ(Fold("Lào\xC2\xA0\xC2\xA0" "Cai"), "lao cai");              // no-break spaces
    EXPECT_EQ(Fold("\xE3\x80\x80Sa\xE2\x80\x83Pa\xE2\x80\xAF"), "sa pa");  // ideographic, em, narrow no-break
    EXPECT_EQ(Fold("a\xC2\x85" "b"), "a b");                              // NEL
    EXPECT_EQ(Fold(""), "");
    EXPECT_EQ(Fold(" \t\n "), "");
}

TEST(FoldTest, AsciiIsLowercasedAndKeepsPunctuation) {
    EXPECT_EQ(Fold("Hello,   World! 11-QĐ/TU"), "hello, world! 11-qd/tu");
    EXPECT_EQ(Fold("ABC xyz 0123 ~`!@#$%^&*()_+-=[]{}|;':\",./<>?"), "abc xyz 0123 ~`!@#$%^&*()_+-=[]{}|;':\",./<>?");
}

TEST(FoldTest, ControlAndIgnorableCharactersAreDropped) {
    EXPECT_EQ(Fold(std::string_view("a\0b\x01\x7F" "c", 6)), "abc");
    EXPECT_EQ(Fold("tuyên\xC2\xAD" "vận"), "tuyenvan");     // soft hyphen
    EXPECT_EQ(Fold("tuyên\xE2\x80\x8B" "vận"), "tuyenvan");  // zero-width space
    EXPECT_EQ(Fold("\xEF\xBB\xBFL\xC3\xA0o Cai"), "lao cai");  // byte order mark
}

TEST(FoldTest, InvalidUtf8BytesAreDropped) {
    EXPECT_EQ(Fold("\xC4\x90\xFF\xE1\xBA\xA3ng"), "dang");
    EXPECT_EQ(Fold("L\xC3\xA0o Cai\xE1\xBA"), "lao cai");  // truncated sequence at the end
    EXPECT_EQ(Fold("a\xC0\xAF" "b"), "ab");                 // overlong '/'
    EXPECT_EQ(Fold("a\xED\xA0\x80" "b"), "ab");             // surrogate
    EXPECT_EQ(Fold("a\xF4\x90\x80\x80" "b"), "ab");         // above U+10FFFF
    EXPECT_EQ(Fold("\x80\x80\x80"), "");
}

TEST(FoldTest, FullCaseFoldingOutsideVietnamese) {
    EXPECT_EQ(Fold("Straße"), "strasse");
    EXPECT_EQ(Fold("STRASSE"), "strasse");
    EXPECT_EQ(Fold("İstanbul"), "istanbul");
    EXPECT_EQ(Fold("Σίσυφος"), Fold("ΣΊΣΥΦΟΣ"));
    EXPECT_EQ(Fold("Москва"), "москва");
    EXPECT_EQ(Fold("Йошкар-Ола"), "иошкар-ола");  // й is и + breve, a combining diacritic
    EXPECT_EQ(Fold("Crème Brûlée"), "creme brulee");
}

TEST(FoldTest, MarksOfOtherScriptsAreKept) {
    const std::string hindi = "हिन्दी";
    EXPECT_EQ(Fold(hindi), hindi);
    const std::string thai = "ภาษาไทย";
    EXPECT_EQ(Fold(thai), thai);
    EXPECT_EQ(Fold("中华人民共和国 Việt Nam"), "中华人民共和国 viet nam");
    const std::string korean = "한국어";
    EXPECT_EQ(Fold(ToNfd(korean)), korean);  // conjoining jamo recompose to syllables
}

TEST(FoldTest, IsIdempotent) {
    for (const auto& [name, name_en] : kLaoCaiNames) {
        const std::string folded = Fold(name);
        EXPECT_EQ(Fold(folded), folded);
    }
    const std::string mixed = Fold("Straße İstanbul ΣΊΣΥΦΟΣ ǰ ﬁ Đồng");
    EXPECT_EQ(Fold(mixed), mixed);
}

// The lookup table must give exactly what the ICU pipeline gives, for every scalar value on its own and
// between neighbours that could interact with it (a base before, a combining mark after).
TEST(FoldTest, TableShortcutAgreesWithIcuForEveryCodePoint) {
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            continue;
        }
        const std::string alone = Utf8Of(c);
        ASSERT_EQ(Fold(alone), detail::FoldWithIcu(alone)) << "U+" << std::hex << static_cast<std::uint32_t>(c);
        if (c < 0x3000) {
            const std::string between = "E" + alone + "\xCC\xA3" "A";
            ASSERT_EQ(Fold(between), detail::FoldWithIcu(between)) << "U+" << std::hex << static_cast<std::uint32_t>(c);
        }
    }
}

TEST(FoldTest, RandomMixturesAgreeWithIcu) {
    const std::vector<std::string> pieces = {
        "a", "Z", " ", "\t", "-", "1", "đ", "Đ", "ặ", "Ự", "ỹ", "ơ", "Ư", "\xCC\x81", "\xCC\xA3", "\xCC\x82", "\xCC\x9B",
        "\xC2\xA0", "\xC2\xAD", "\xE2\x80\x8B", "\xE3\x80\x80", "ß", "İ", "Σ", "ς", "\xCD\x85", "ǰ", "한", "\xE1\x84\x80",
        "\xE1\x85\xA1", "中", "ह", "ि", "\xFF", "\xE1\xBA", "\xC0", "Ð", "ð", "ﬁ", "\xE2\x84\xAA", "\xF0\x9F\x98\x80", "\x01"};
    std::mt19937 random(20260127);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(0, 12);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        for (int i = length(random); i > 0; --i) {
            text += pieces[pick(random)];
        }
        ASSERT_EQ(Fold(text), detail::FoldWithIcu(text)) << "input bytes: " << testing::PrintToString(text);
    }
}

TEST(FoldTest, ArbitraryBytesGiveValidTrimmedOutput) {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 40);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        for (int i = length(random); i > 0; --i) {
            text.push_back(static_cast<char>(byte(random)));
        }
        const std::string folded = Fold(text);
        ASSERT_TRUE(IsValidUtf8(folded)) << testing::PrintToString(text);
        if (!folded.empty()) {
            ASSERT_NE(folded.front(), ' ');
            ASSERT_NE(folded.back(), ' ');
        }
        ASSERT_EQ(folded.find("  "), std::string::npos);
        ASSERT_EQ(folded, detail::FoldWithIcu(text));
    }
}

}  // namespace
}  // namespace tuyenvan::text
