#include "portal/demo_content.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "platform/text/normalize.hpp"
#include "platform/text/slug.hpp"
#include "platform/text/utf8.hpp"

namespace tuyenvan::portal::demo {
namespace {

constexpr std::int64_t kNow = 1'767'225'600'000;  // 01/01/2026 00:00 UTC
constexpr std::int64_t kDayMs = 86'400'000;

Place BatXat() {
    return Place{"Bát Xát", {"Thị trấn Bát Xát", "A Mú Sung", "Nậm Chạc",  "A Lù",          "Trịnh Tường", "Y Tý",
                             "Cốc Mỳ",           "Dền Sáng",  "Bản Vược",  "Sàng Ma Sáo",   "Bản Qua",     "Mường Vi",
                             "Dền Thàng",        "Bản Xèo",   "Mường Hum", "Trung Lèng Hồ", "Quang Kim",   "Pa Cheo",
                             "Nậm Pung",         "Phìn Ngan", "Tòng Sành"}};
}

std::vector<std::string> AllKeys() {
    std::vector<std::string> keys;
    for (const auto& [key, name] : SectionCatalog())
        keys.push_back(key);
    return keys;
}

std::size_t CodePoints(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0U) != 0x80U ? 1 : 0;
    return n;
}

/// True when s holds a letter with a Vietnamese diacritic (anything from À to ỹ, đ included).
bool HasVietnameseLetter(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto d = text::DecodeUtf8(s, i);
        if ((d.code_point >= 0xC0 && d.code_point <= 0x1B0) || (d.code_point >= 0x1EA0 && d.code_point <= 0x1EF9)) {
            return true;
        }
        i += d.length;
    }
    return false;
}

/// Why s is not clean text, or empty: valid NFC UTF-8, no HTML, no template syntax left over.
std::string Problem(std::string_view s) {
    if (!text::IsValidUtf8(s))
        return "invalid UTF-8";
    if (text::ToNfc(s) != s)
        return "not NFC";
    for (std::string_view bad : {"<", "{", "}", "[", "]", "%s", "  ", " ,", " .", "\t"}) {
        if (s.find(bad) != std::string_view::npos)
            return "contains '" + std::string(bad) + "'";
    }
    if (!s.empty() && (s.front() == ' ' || s.back() == ' '))
        return "space at an end";
    return {};
}

/// 20,000 articles, generated once for the tests that read them.
class DemoContent : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto start = std::chrono::steady_clock::now();
        std::clock_t cpu_start = std::clock();
        articles_ = new std::vector<Article>(Generate(BatXat(), AllKeys(), 20'000, 42, kNow, 730));
        // Process CPU time: the generator is single-threaded, and a busy CI machine must not fail the test.
        seconds_ = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
        double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << "Generate(20000): " << seconds_ << " s CPU, " << wall << " s wall\n";
    }
    static void TearDownTestSuite() {
        delete articles_;
        articles_ = nullptr;
    }
    static const std::vector<Article>& Articles() { return *articles_; }

    static std::vector<Article>* articles_;
    static double seconds_;
};

std::vector<Article>* DemoContent::articles_ = nullptr;
double DemoContent::seconds_ = 0;

TEST_F(DemoContent, GeneratesTheRequestedCountQuickly) {
    ASSERT_EQ(Articles().size(), 20'000U);
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
    EXPECT_LT(seconds_, 3.0);
#endif
}

TEST_F(DemoContent, TitlesAndSaposAreUnique) {
    std::set<std::string> titles;
    std::set<std::string> sapos;
    int numbered = 0;
    for (const auto& a : Articles()) {
        EXPECT_TRUE(titles.insert(a.title).second) << a.title;
        EXPECT_TRUE(sapos.insert(a.sapo).second) << a.sapo;
        // Uniqueness comes from the templates, not from the last-resort numbering.
        numbered += a.title.find(" (kỳ ") != std::string::npos || a.sapo.find("Bản tin số") != std::string::npos;
    }
    EXPECT_LT(numbered, 20);
}

TEST_F(DemoContent, EveryStringIsCleanAndWithinLimits) {
    auto keys = AllKeys();
    std::set<std::string> known(keys.begin(), keys.end());
    for (const auto& a : Articles()) {
        SCOPED_TRACE(a.title);
        for (const std::string* s : {&a.title, &a.sapo, &a.body_md, &a.pen_name, &a.picture_alt, &a.picture_caption}) {
            ASSERT_EQ(Problem(*s), "") << *s;
            ASSERT_FALSE(s->empty());
        }
        EXPECT_GE(CodePoints(a.title), 40U);
        EXPECT_LE(CodePoints(a.title), 160U);
        EXPECT_LE(CodePoints(a.sapo), 600U);
        EXPECT_LE(CodePoints(a.pen_name), 100U);
        EXPECT_TRUE(known.contains(a.section_key)) << a.section_key;
        auto range = GenreWordRange(a.genre);
        ASSERT_GT(range.max, 0) << a.genre;
        int words = CountWords(a.body_md);
        EXPECT_GE(words, range.min) << a.genre;
        EXPECT_LE(words, range.max) << a.genre;
        EXPECT_GE(a.tags.size(), 2U);
        EXPECT_LE(a.tags.size(), 5U);
        std::set<std::string> distinct(a.tags.begin(), a.tags.end());
        EXPECT_EQ(distinct.size(), a.tags.size());
        for (const auto& tag : a.tags)
            EXPECT_EQ(Problem(tag), "") << tag;
        if (a.section_key == "van-ban") {
            EXPECT_EQ(a.genre, "van-ban");
        }
    }
}

TEST_F(DemoContent, SectionsAndGenresAreAllCovered) {
    std::map<std::string, int> sections;
    std::map<std::string, int> genres;
    for (const auto& a : Articles()) {
        ++sections[a.section_key];
        ++genres[a.genre];
    }
    for (const auto& key : AllKeys())
        EXPECT_GT(sections[key], 100) << key;
    // The outreach column is the portal's main column.
    EXPECT_GT(sections["thong-tin-tuyen-van"], sections["thoi-su"]);
    for (std::string_view genre : {"tin", "bai", "anh", "van-ban"})
        EXPECT_GT(genres[std::string(genre)], 500) << genre;
}

TEST_F(DemoContent, DatesAreInTheWindowDenserRecentlyAndMostlyInOfficeHours) {
    int last_quarter = 0;
    int office_hours = 0;
    for (const auto& a : Articles()) {
        EXPECT_LE(a.published_at, kNow);
        EXPECT_GE(a.published_at, kNow - 730 * kDayMs);
        last_quarter += a.published_at >= kNow - 182 * kDayMs ? 1 : 0;
        int local_hour = static_cast<int>(((a.published_at + 7 * 3'600'000) % kDayMs) / 3'600'000);
        office_hours += local_hour >= 7 && local_hour < 18 ? 1 : 0;
    }
    EXPECT_GT(last_quarter, 20'000 / 4 + 1000);  // more than an even spread would give
    EXPECT_GT(office_hours, 20'000 * 8 / 10);
}

TEST_F(DemoContent, ReadsLikeVietnameseNews) {
    int headings = 0;
    int tables = 0;
    int quotes = 0;
    int lists = 0;
    int dated = 0;
    for (const auto& a : Articles()) {
        EXPECT_TRUE(HasVietnameseLetter(a.title)) << a.title;
        EXPECT_TRUE(HasVietnameseLetter(a.sapo)) << a.sapo;
        headings += a.body_md.find("\n## ") != std::string::npos ? 1 : 0;
        tables += a.body_md.find("\n|---") != std::string::npos ? 1 : 0;
        quotes += a.body_md.find("\n> “") != std::string::npos ? 1 : 0;
        lists += a.body_md.find("\n- ") != std::string::npos ? 1 : 0;
        // A date written dd/mm/yyyy somewhere in the text.
        std::string all = a.sapo + "\n" + a.body_md;
        for (std::size_t i = 0; i + 10 <= all.size(); ++i) {
            auto digit = [&](std::size_t k) { return all[i + k] >= '0' && all[i + k] <= '9'; };
            if (digit(0) && digit(1) && all[i + 2] == '/' && digit(3) && digit(4) && all[i + 5] == '/' && digit(6) &&
                digit(7) && digit(8) && digit(9)) {
                ++dated;
                break;
            }
        }
    }
    EXPECT_GT(headings, 4000);
    EXPECT_GT(tables, 1000);
    EXPECT_GT(quotes, 2000);
    EXPECT_GT(lists, 4000);
    EXPECT_GT(dated, 4000);
}

TEST(DemoContentDeterminism, SameArgumentsSameArticles) {
    auto a = Generate(BatXat(), AllKeys(), 400, 7, kNow);
    auto b = Generate(BatXat(), AllKeys(), 400, 7, kNow);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].genre, b[i].genre);
        EXPECT_EQ(a[i].section_key, b[i].section_key);
        EXPECT_EQ(a[i].title, b[i].title);
        EXPECT_EQ(a[i].sapo, b[i].sapo);
        EXPECT_EQ(a[i].body_md, b[i].body_md);
        EXPECT_EQ(a[i].pen_name, b[i].pen_name);
        EXPECT_EQ(a[i].tags, b[i].tags);
        EXPECT_EQ(a[i].published_at, b[i].published_at);
        EXPECT_EQ(a[i].picture_seed, b[i].picture_seed);
        EXPECT_EQ(a[i].picture_alt, b[i].picture_alt);
        EXPECT_EQ(a[i].picture_caption, b[i].picture_caption);
    }
    auto c = Generate(BatXat(), AllKeys(), 400, 8, kNow);
    int same = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        same += a[i].title == c[i].title ? 1 : 0;
    EXPECT_LT(same, 10);
}

TEST(DemoContentSections, EveryRequestedKeyGetsArticlesUnknownKeysToo) {
    std::vector<std::string> keys = {"thong-tin-tuyen-van", "van-ban", "quoc-phong-an-ninh", "chuyen-muc-rieng"};
    auto articles = Generate(BatXat(), keys, 40, 3, kNow, 30);
    std::map<std::string, int> seen;
    for (const auto& a : articles) {
        ++seen[a.section_key];
        EXPECT_GE(a.published_at, kNow - 30 * kDayMs);
        EXPECT_LE(a.published_at, kNow);
    }
    EXPECT_EQ(seen.size(), keys.size());
    for (const auto& key : keys)
        EXPECT_GT(seen[key], 0) << key;
    // As many keys as articles: each gets exactly one.
    auto few = Generate(BatXat(), keys, 4, 3, kNow);
    for (std::size_t i = 0; i < keys.size(); ++i)
        EXPECT_EQ(few[i].section_key, keys[i]);
    // No keys: the whole catalog.
    auto all = Generate(BatXat(), {}, 16, 3, kNow);
    std::set<std::string> catalog_keys;
    for (const auto& a : all)
        catalog_keys.insert(a.section_key);
    EXPECT_EQ(catalog_keys.size(), SectionCatalog().size());
    EXPECT_TRUE(Generate(BatXat(), keys, 0, 3, kNow).empty());
}

TEST(DemoContentPlaces, OneCommuneStillGivesUniqueTitlesAndSapos) {
    auto articles = Generate(Place{"Bát Xát", {"Y Tý"}}, AllKeys(), 3000, 11, kNow);
    std::set<std::string> titles;
    std::set<std::string> sapos;
    for (const auto& a : articles) {
        EXPECT_TRUE(titles.insert(a.title).second) << a.title;
        EXPECT_TRUE(sapos.insert(a.sapo).second) << a.sapo;
        EXPECT_EQ(Problem(a.title), "");
        EXPECT_LE(CodePoints(a.title), 160U);
        EXPECT_GE(CodePoints(a.title), 40U);
    }
}

TEST(DemoContentPlaces, UnitKindsAndTheTwoLevelTree) {
    // Wards keep their kind; without a district the province's bodies stand in.
    auto articles = Generate(Place{"", {"Phường Duyên Hải", "Xã Y Tý", "Thị trấn Phố Lu"}}, AllKeys(), 600, 5, kNow);
    int wards = 0;
    int province = 0;
    for (const auto& a : articles) {
        std::string all = a.title + "\n" + a.sapo + "\n" + a.body_md + "\n" + a.pen_name;
        ASSERT_EQ(Problem(all), "") << all;
        EXPECT_EQ(all.find("xã Phường"), std::string::npos);
        EXPECT_EQ(all.find("xã Xã"), std::string::npos);
        EXPECT_EQ(all.find("Huyện ủy"), std::string::npos);
        wards += all.find("phường Duyên Hải") != std::string::npos ? 1 : 0;
        province += all.find("Tỉnh ủy Lào Cai") != std::string::npos ? 1 : 0;
    }
    EXPECT_GT(wards, 50);
    EXPECT_GT(province, 20);

    auto town = Generate(Place{"Thị xã Sa Pa", {"Tả Van"}}, AllKeys(), 300, 5, kNow);
    int committee = 0;
    for (const auto& a : town) {
        std::string all = a.sapo + a.body_md;
        committee += all.find("Thị ủy Sa Pa") != std::string::npos ? 1 : 0;
        EXPECT_EQ(all.find("Huyện ủy"), std::string::npos);
    }
    EXPECT_GT(committee, 10);
}

TEST(DemoContentLongBody, AboutTheRequestedLengthWithHeadings) {
    for (std::uint64_t seed : {1ULL, 2ULL, 99ULL}) {
        std::string body = LongBody(5000, seed);
        SCOPED_TRACE(seed);
        EXPECT_EQ(Problem(body), "");
        int words = CountWords(body);
        EXPECT_GE(words, 4750);
        EXPECT_LE(words, 5250);
        int headings = 0;
        for (std::size_t at = body.find("## "); at != std::string::npos; at = body.find("\n## ", at + 1))
            ++headings;
        EXPECT_GE(headings, 8);
        EXPECT_EQ(body, LongBody(5000, seed));
    }
    int big = CountWords(LongBody(20'000, 4));
    EXPECT_GE(big, 19'000);
    EXPECT_LE(big, 21'000);
    EXPECT_EQ(Problem(LongBody(100, 4)), "");
}

TEST(DemoContentCatalog, KeysAreTheSlugsOfTheNames) {
    auto catalog = SectionCatalog();
    ASSERT_EQ(catalog.size(), 8U);
    EXPECT_EQ(catalog.front().first, "thong-tin-tuyen-van");
    EXPECT_EQ(catalog.front().second, "Thông tin tuyên vận");
    for (const auto& [key, name] : catalog) {
        EXPECT_EQ(text::Slug(name), key) << name;
        EXPECT_EQ(Problem(name), "");
    }
}

TEST(DemoContentWords, CountsVietnameseSyllablesNotMarkdownMarkers) {
    EXPECT_EQ(CountWords(""), 0);
    EXPECT_EQ(CountWords("Hội nghị tuyên vận"), 4);
    EXPECT_EQ(CountWords("## Đổi mới\n\n- Một việc – hai việc\n\n| A | 12 |\n|---|---:|"), 8);
    EXPECT_EQ(CountWords("> “Đúng”\n>\n> — Đồng chí Lù"), 4);
    EXPECT_EQ(GenreWordRange("tin").min, 150);
    EXPECT_EQ(GenreWordRange("bai").max, 1800);
    EXPECT_EQ(GenreWordRange("khac").max, 0);
}

}  // namespace
}  // namespace tuyenvan::portal::demo
