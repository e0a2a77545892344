#include "platform/text/slug.hpp"

#include <string>

#include <gtest/gtest.h>

namespace tuyenvan::text {
namespace {

bool IsWellFormedSlug(const std::string& slug) {
    if (slug.empty()) {
        return true;
    }
    if (slug.front() == '-' || slug.back() == '-' || slug.find("--") != std::string::npos) {
        return false;
    }
    for (const char c : slug) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            return false;
        }
    }
    return slug.size() <= kMaxSlugBytes;
}

TEST(SlugTest, ExamplesFromTheSpecification) {
    EXPECT_EQ(Slug("Đảng bộ tỉnh Lào Cai"), "dang-bo-tinh-lao-cai");
    EXPECT_EQ(Slug("Thông tin tuyên vận (2019)"), "thong-tin-tuyen-van-2019");
}

TEST(SlugTest, PunctuationRunsBecomeOneDash) {
    EXPECT_EQ(Slug("Quy định 11-QĐ/TU: về công tác tuyên vận!"), "quy-dinh-11-qd-tu-ve-cong-tac-tuyen-van");
    EXPECT_EQ(Slug("  --Hội nghị -- tháng 12/2025--  "), "hoi-nghi-thang-12-2025");
    EXPECT_EQ(Slug("Straße & Café"), "strasse-cafe");
    EXPECT_EQ(Slug("a\xC2\xA0\xE2\x80\x94\xC2\xA0" "b"), "a-b");  // nbsp, em dash, nbsp
}

TEST(SlugTest, NothingUsableGivesEmpty) {
    EXPECT_EQ(Slug(""), "");
    EXPECT_EQ(Slug("!!! ??? ..."), "");
    EXPECT_EQ(Slug("中华人民共和国"), "");
}

TEST(SlugTest, NonLatinLettersAreSeparators) {
    EXPECT_EQ(Slug("Tin 中国 Việt"), "tin-viet");
}

TEST(SlugTest, LongSlugIsCutAtADash) {
    const std::string title =
        "Hội nghị báo cáo viên tháng Mười hai năm 2025 của Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai "
        "về tình hình thời sự trong nước và quốc tế";
    const std::string slug = Slug(title);
    EXPECT_TRUE(IsWellFormedSlug(slug)) << slug;
    EXPECT_LE(slug.size(), kMaxSlugBytes);
    EXPECT_GE(slug.size(), kMaxSlugBytes / 2);
    EXPECT_EQ(slug, "hoi-nghi-bao-cao-vien-thang-muoi-hai-nam-2025-cua-ban-tuyen-giao-va-dan-van-tinh");
    // The cut falls on a word boundary of the full slug.
    const std::string full = "hoi-nghi-bao-cao-vien-thang-muoi-hai-nam-2025-cua-ban-tuyen-giao-va-dan-van-tinh-uy";
    EXPECT_EQ(full.compare(0, slug.size() + 1, slug + "-"), 0);
}

TEST(SlugTest, DashRightAfterTheLimitGivesAFullLengthSlug) {
    const std::string exactly_80(kMaxSlugBytes, 'a');
    EXPECT_EQ(Slug(exactly_80), exactly_80);
    EXPECT_EQ(Slug(exactly_80 + " bcd"), exactly_80);
    const std::string words = std::string(39, 'x') + " " + std::string(40, 'y');  // 80 bytes with the dash
    EXPECT_EQ(Slug(words + " zzz"), std::string(39, 'x') + "-" + std::string(40, 'y'));
}

TEST(SlugTest, WordLongerThanTheLimitIsCutHard) {
    EXPECT_EQ(Slug(std::string(200, 'q')), std::string(kMaxSlugBytes, 'q'));
    // A dash so early that cutting there would lose most of the slug is ignored.
    const std::string slug = Slug("ab " + std::string(100, 'c'));
    EXPECT_EQ(slug, "ab-" + std::string(kMaxSlugBytes - 3, 'c'));
}

TEST(SlugTest, ArbitraryTitlesGiveWellFormedSlugs) {
    for (const char* title : {"(1)", "-a-", "Ô", "ặ ặ ặ", "x\xFFy", "Điện Biên Phủ 7/5/1954", "a--b", "--"}) {
        EXPECT_TRUE(IsWellFormedSlug(Slug(title))) << title;
    }
    EXPECT_EQ(Slug("x\xFFy"), "xy");
    EXPECT_EQ(Slug("Điện Biên Phủ 7/5/1954"), "dien-bien-phu-7-5-1954");
}

}  // namespace
}  // namespace tuyenvan::text
