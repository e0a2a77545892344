#include "platform/search/search.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "platform/db/testing.hpp"
#include "platform/search/analyze.hpp"

namespace tuyenvan::search {
namespace {

constexpr std::int64_t kSite = 1;
constexpr std::int64_t kOtherSite = 2;
constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kJanuary2024 = 1'704'067'200'000;

// ---- Query analysis, engine-free -----------------------------------------------------------------

TEST(ParseQueryTest, FoldsWordsAndKeepsTheWrittenForm) {
    auto terms = detail::ParseQuery("Tuyên VẬN đảng");
    ASSERT_EQ(terms.size(), 3u);
    EXPECT_EQ(terms[0].folded, std::vector<std::string>{"tuyen"});
    EXPECT_EQ(terms[0].exact, std::vector<std::string>{"tuyên"});
    EXPECT_EQ(terms[1].exact, std::vector<std::string>{"vận"});
    EXPECT_EQ(terms[2].folded, std::vector<std::string>{"dang"});
    EXPECT_TRUE(terms[0].accented);
    EXPECT_FALSE(detail::ParseQuery("tuyen")[0].accented);
}

TEST(ParseQueryTest, QuotesMakePhrasesAndAnUnclosedQuoteRunsToTheEnd) {
    auto terms = detail::ParseQuery(R"(bộ "ban tuyên vận" xã "Bát Xát)");
    ASSERT_EQ(terms.size(), 4u);
    EXPECT_EQ(terms[1].folded, (std::vector<std::string>{"ban", "tuyen", "van"}));
    EXPECT_EQ(terms[3].folded, (std::vector<std::string>{"bat", "xat"}));
}

TEST(ParseQueryTest, OperatorsAndPunctuationAreNotWords) {
    EXPECT_TRUE(detail::ParseQuery(R"(" * ( ) : - ^ + ' ; " ")").empty());
    auto terms = detail::ParseQuery("NEAR(a OR -b*)");
    ASSERT_EQ(terms.size(), 4u);
    EXPECT_EQ(detail::Fts5Expression(terms, "{c}", false), R"({c} : ("near" AND "a" AND "or" AND "b"))");
    EXPECT_EQ(detail::TsQuery(detail::ParseQuery(R"(x "y z")"), false), "( 'x' ) & ( 'y' <-> 'z' )");
}

TEST(ParseQueryTest, DecomposedInputMatchesPrecomposed) {
    // "tuyên" typed with combining marks (e + U+0302).
    auto terms = detail::ParseQuery("tuye\xCC\x82n");
    ASSERT_EQ(terms.size(), 1u);
    EXPECT_EQ(terms[0].exact, std::vector<std::string>{"tuyên"});
}

TEST(HighlightTest, MarksWordsAndEscapesEverythingElse) {
    auto terms = detail::ParseQuery("dang");
    EXPECT_EQ(detail::HighlightAll("<b>Đảng</b> & bộ", terms), "&lt;b&gt;<mark>Đảng</mark>&lt;/b&gt; &amp; bộ");
    EXPECT_EQ(detail::HighlightAll("a \"tuyên   vận\" b", detail::ParseQuery(R"("tuyen van")")),
              "a &quot;<mark>tuyên   vận</mark>&quot; b");
}

TEST(HighlightTest, SnippetIsAWindowAroundTheFirstMatch) {
    std::string body;
    for (int i = 0; i < 100; ++i) {
        body += (i == 50 ? "Đảng" : "từ" + std::to_string(i)) + " ";
    }
    std::string snippet = detail::Snippet(body, detail::ParseQuery("dang"));
    EXPECT_TRUE(snippet.starts_with("… từ42 ")) << snippet;
    EXPECT_NE(snippet.find("<mark>Đảng</mark>"), std::string::npos);
    EXPECT_TRUE(snippet.ends_with("từ71 …")) << snippet;
    EXPECT_EQ(detail::Snippet("ngắn gọn", detail::ParseQuery("khác")), "ngắn gọn");
}

// ---- Both engines --------------------------------------------------------------------------------

class SearchTest : public ::testing::TestWithParam<db::Engine> {
protected:
    db::testing::TestDatabase db_{GetParam()};

    void SetUp() override {
        db_.Get().Write([](db::Connection& c) { EnsureSchema(c); });
    }

    void Put(std::int64_t id, std::string title, std::string body, std::int64_t section_id = 10,
             std::int64_t published_at = kJanuary2024, std::int64_t site_id = kSite) {
        Document document{id, site_id, section_id, std::move(title), std::move(body), published_at};
        db_.Get().Write([&](db::Connection& c) { Upsert(c, document); });
    }

    Results Find(Query query) {
        if (query.site_id == 0) {
            query.site_id = kSite;
        }
        return db_.Get().ReadValue([&](db::Connection& c) { return Search(c, query); });
    }

    std::vector<std::int64_t> Ids(std::string text) {
        std::vector<std::int64_t> ids;
        for (const Hit& hit : Find(Query{.text = std::move(text)}).hits) {
            ids.push_back(hit.id);
        }
        return ids;
    }

    static std::vector<std::int64_t> Sorted(std::vector<std::int64_t> ids) {
        std::sort(ids.begin(), ids.end());
        return ids;
    }
};

TEST_P(SearchTest, SchemaCanBeEnsuredTwice) {
    db_.Get().Write([](db::Connection& c) { EnsureSchema(c); });
}

TEST_P(SearchTest, FindsVietnameseWithoutDiacriticsAndWithDAsD) {
    Put(1, "Sổ nhật ký tuyên vận", "Ghi chép hằng ngày của Ban Dân vận.");
    Put(2, "Đảng bộ xã Bát Xát", "Đại hội Đảng bộ nhiệm kỳ 2025-2030.");
    Put(3, "Tin thể thao", "Bóng đá và cầu lông.");
    EXPECT_EQ(Ids("so nhat ky tuyen van"), std::vector<std::int64_t>{1});
    EXPECT_EQ(Ids("dang bo"), std::vector<std::int64_t>{2});
    EXPECT_EQ(Ids("ĐẢNG BỘ"), std::vector<std::int64_t>{2});
    EXPECT_EQ(Ids("Sổ nhật ký"), std::vector<std::int64_t>{1});
    EXPECT_EQ(Ids("2025"), std::vector<std::int64_t>{2});
}

TEST_P(SearchTest, DiacriticsTypedRankExactWordsFirstWhileUnaccentedQueriesMatchEveryForm) {
    // The near-namesake gets every advantage bm25 can give it: a short title and the words repeated.
    Put(1, "Công tác tuyên vận ở cơ sở năm nay", "Báo cáo công tác tuyên vận của huyện trong năm qua.", 10,
        kJanuary2024);
    Put(2, "Tuyển văn thư", "Tuyển văn thư. Tuyển văn thư. Tuyển văn thư.", 10, kJanuary2024 + kDay);
    Put(3, "Văn nghệ", "Không liên quan.");

    auto accented = Find(Query{.text = "tuyên vận"});
    ASSERT_EQ(accented.hits.size(), 2u);
    EXPECT_EQ(accented.total, 2);
    EXPECT_EQ(accented.hits[0].id, 1);
    EXPECT_EQ(accented.hits[1].id, 2);
    EXPECT_GT(accented.hits[0].score, accented.hits[1].score);

    EXPECT_EQ(Ids("tuyển văn").front(), 2);
    EXPECT_EQ(Sorted(Ids("tuyen van")), (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(Ids("vận").front(), 1);
}

TEST_P(SearchTest, QuotedPhraseNeedsAdjacentWordsInOrder) {
    Put(1, "Hội nghị", "Ban Tuyên vận tỉnh tổ chức hội nghị.");
    Put(2, "Hội nghị khác", "Ban chấp hành bàn về công tác tuyên vận.");
    Put(3, "Đảo ngược", "Tuyên vận ban hành kế hoạch.");
    EXPECT_EQ(Ids(R"("ban tuyên vận")"), std::vector<std::int64_t>{1});
    EXPECT_EQ(Ids(R"("ban tuyen van")"), std::vector<std::int64_t>{1});
    EXPECT_EQ(Sorted(Ids("ban tuyên vận")), (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_TRUE(Ids(R"("tỉnh ban")").empty());
}

TEST_P(SearchTest, EveryUnquotedWordIsRequired) {
    Put(1, "Đảng bộ xã", "Nội dung A.");
    Put(2, "Đảng bộ huyện", "Nội dung B.");
    Put(3, "Chi bộ xã", "Nội dung C.");
    EXPECT_EQ(Ids("dang bo xa"), std::vector<std::int64_t>{1});
    EXPECT_EQ(Sorted(Ids("dang bo")), (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(Sorted(Ids("bo")), (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_TRUE(Ids("dang bo tinh").empty());
    EXPECT_EQ(Ids("xã nội dung c"), std::vector<std::int64_t>{3}) << "title and body words combine";
}

TEST_P(SearchTest, FiltersBySiteSectionAndDateRange) {
    Put(1, "Tin dân vận một", "", 10, kJanuary2024);
    Put(2, "Tin dân vận hai", "", 20, kJanuary2024 + 10 * kDay);
    Put(3, "Tin dân vận ba", "", 10, kJanuary2024 + 20 * kDay);
    Put(4, "Tin dân vận khác", "", 10, kJanuary2024, kOtherSite);

    auto all = Find(Query{.text = "dan van"});
    EXPECT_EQ(all.total, 3);
    ASSERT_EQ(all.hits.size(), 3u);
    EXPECT_EQ(all.hits[0].id, 3) << "equal scores: newest first";
    EXPECT_EQ(all.hits[2].id, 1);

    auto section = Find(Query{.text = "dan van", .section_id = 10});
    EXPECT_EQ(section.total, 2);

    auto range = Find(Query{.text = "dan van", .from_ms = kJanuary2024 + kDay, .to_ms = kJanuary2024 + 10 * kDay});
    ASSERT_EQ(range.hits.size(), 1u);
    EXPECT_EQ(range.hits[0].id, 2);

    auto other = Find(Query{.text = "dan van", .site_id = kOtherSite});
    ASSERT_EQ(other.hits.size(), 1u);
    EXPECT_EQ(other.hits[0].id, 4);
}

TEST_P(SearchTest, AWordSpelledLikeTheSiteWordMatchesTextOnly) {
    // SQLite keeps the site as the word "s1" of each row; a query for that word finds only text that has it.
    Put(1, "Tin tức trong tỉnh", "Nội dung không nhắc mã nào.");
    Put(2, "Ký hiệu S1 trên bản đồ", "Bản đồ ghi ký hiệu s1 ở góc.");
    EXPECT_EQ(Ids("s1"), std::vector<std::int64_t>{2});
    EXPECT_EQ(Ids("\"ky hieu s1\""), std::vector<std::int64_t>{2});
    EXPECT_EQ(Find(Query{.text = "s1 tin"}).total, 0);
}

TEST_P(SearchTest, ASharedDocumentIsFoundOnEverySiteAndInEverySectionThatListsIt) {
    Document shared{7, kOtherSite, 30, "Hội nghị tuyên vận xã Y Tý", "Chia sẻ lên cột của tỉnh.", kJanuary2024};
    shared.also_site_ids = {kSite};
    shared.also_section_ids = {10};
    db_.Get().Write([&](db::Connection& c) { Upsert(c, shared); });
    Put(8, "Hội nghị tuyên vận của tỉnh", "Tin riêng của tỉnh.", 20);
    EXPECT_EQ(Sorted(Ids("hoi nghi tuyen van")), (std::vector<std::int64_t>{7, 8}));
    EXPECT_EQ(Find(Query{.text = "hoi nghi", .site_id = kOtherSite}).total, 1);
    EXPECT_EQ(Find(Query{.text = "hoi nghi", .section_id = 10}).hits.at(0).id, 7);
    EXPECT_EQ(Find(Query{.text = "hoi nghi", .section_id = 10}).total, 1);
    EXPECT_EQ(Find(Query{.text = "hoi nghi", .site_id = kOtherSite, .section_id = 30}).total, 1);
    EXPECT_EQ(Find(Query{.text = "hoi nghi", .section_id = 20}).total, 1);
    // Taken off the other site's column, it is found on its own site only.
    shared.also_site_ids.clear();
    shared.also_section_ids.clear();
    db_.Get().Write([&](db::Connection& c) { Upsert(c, shared); });
    EXPECT_EQ(Ids("hoi nghi tuyen van"), std::vector<std::int64_t>{8});
    EXPECT_EQ(Find(Query{.text = "y ty", .site_id = kOtherSite}).total, 1);
}

TEST_P(SearchTest, OptimizingTheIndexChangesNoAnswer) {
    for (std::int64_t id = 1; id <= 40; ++id) {
        Put(id, "Tin số " + std::to_string(id) + (id % 3 == 0 ? " về tuyên vận" : " về tuyển văn"), "Nội dung.");
    }
    auto before = Find(Query{.text = "tuyên vận", .limit = 50});
    db_.Get().Write([](db::Connection& c) { Optimize(c); });
    auto after = Find(Query{.text = "tuyên vận", .limit = 50});
    ASSERT_EQ(after.total, 40);
    ASSERT_EQ(after.hits.size(), before.hits.size());
    for (std::size_t i = 0; i < after.hits.size(); ++i) {
        EXPECT_EQ(after.hits[i].id, before.hits[i].id);
    }
    EXPECT_EQ(after.hits.front().id % 3, 0) << "exact words first";
}

TEST_P(SearchTest, PagesCarryTheTotal) {
    for (int i = 1; i <= 5; ++i) {
        Put(i, "Tin số " + std::to_string(i), "", 10, kJanuary2024 + i * kDay);
    }
    auto page = Find(Query{.text = "tin", .limit = 2, .offset = 2});
    EXPECT_EQ(page.total, 5);
    ASSERT_EQ(page.hits.size(), 2u);
    EXPECT_EQ(page.hits[0].id, 3);
    auto beyond = Find(Query{.text = "tin", .limit = 2, .offset = 10});
    EXPECT_TRUE(beyond.hits.empty());
    EXPECT_EQ(beyond.total, 5);
}

TEST_P(SearchTest, UpsertReplacesAndRemoveDeletes) {
    Put(1, "Tiêu đề cũ", "Nội dung cũ");
    Put(1, "Tiêu đề mới", "Nội dung mới", 20);
    EXPECT_TRUE(Ids("cu").empty());
    EXPECT_EQ(Ids("tieu de"), std::vector<std::int64_t>{1});
    EXPECT_EQ(Find(Query{.text = "moi", .section_id = 20}).total, 1);
    db_.Get().Write([](db::Connection& c) { Remove(c, 1); });
    EXPECT_TRUE(Ids("tieu de").empty());
    db_.Get().Write([](db::Connection& c) { Remove(c, 99); });
}

TEST_P(SearchTest, MarkupInTitlesAndBodiesComesOutInert) {
    Put(1, "<script>alert('x')</script> Đảng bộ", "Trước <img src=x onerror=alert(1)> Đảng & \"bộ\" sau");
    auto results = Find(Query{.text = "dang"});
    ASSERT_EQ(results.hits.size(), 1u);
    const Hit& hit = results.hits[0];
    EXPECT_EQ(hit.title_html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark>Đảng</mark> bộ");
    EXPECT_EQ(hit.snippet_html, "Trước &lt;img src=x onerror=alert(1)&gt; <mark>Đảng</mark> &amp; &quot;bộ&quot; sau");
    EXPECT_EQ(Ids("script"), std::vector<std::int64_t>{1}) << "markup words are plain words";
}

TEST_P(SearchTest, HighlightsPhrasesAsOneMark) {
    Put(1, "Công tác tuyên vận", "Ban tuyên vận và tuyên giáo.");
    auto results = Find(Query{.text = R"("tuyen van")"});
    ASSERT_EQ(results.hits.size(), 1u);
    EXPECT_EQ(results.hits[0].title_html, "Công tác <mark>tuyên vận</mark>");
    EXPECT_EQ(results.hits[0].snippet_html, "Ban <mark>tuyên vận</mark> và tuyên giáo.");
}

TEST_P(SearchTest, HostileQueriesReturnNormally) {
    Put(1, "Đảng bộ", "a b c near or and not x");
    std::vector<std::string> hostile{
        "\"",
        "*",
        "NEAR(",
        "a OR",
        "-x",
        ")(",
        "'; DROP TABLE search_docs; --",
        "\"\"\"",
        "a:b",
        "{a b}:c",
        "^a",
        "a + b",
        "NOT",
        "'",
        "\\",
        "$1",
        "a\"b\"c\"",
        std::string(2000, 'a'),
        std::string(2000, '"'),
        "\xFF\xFE\xC3 đảng \xE0\x80",
        std::string("\0đảng", 6),
        "(((((",
        "tuyên \"vận",
    };
    std::string long_words;
    for (int i = 0; i < 700; ++i) {
        long_words += "từ ";
    }
    hostile.push_back(long_words);
    for (const std::string& text : hostile) {
        EXPECT_NO_THROW(Find(Query{.text = text})) << text;
    }
    EXPECT_TRUE(Ids("").empty());
    EXPECT_TRUE(Ids("*").empty());
    EXPECT_TRUE(Ids(")(").empty());
    EXPECT_EQ(Ids("NEAR("), std::vector<std::int64_t>{1});
    EXPECT_EQ(Ids("\xFF\xFE\xC3 đảng \xE0\x80"), std::vector<std::int64_t>{1});
    EXPECT_EQ(Ids("a OR"), std::vector<std::int64_t>{1}) << "OR is a word like any other";
    EXPECT_TRUE(Ids("a OR zzz").empty());
    EXPECT_EQ(Find(Query{.text = "đảng", .limit = -5, .offset = -3}).hits.size(), 1u);
    EXPECT_EQ(Ids("dang"), std::vector<std::int64_t>{1}) << "the table survived";
}

TEST_P(SearchTest, HostileDocumentsIndexNormally) {
    Put(1, "\xFF tiêu đề \xC3", std::string(100000, 'x') + " đảng " + std::string(3000, '"'));
    Put(2, "", "");
    std::string many;
    for (int i = 0; i < 60000; ++i) {
        many += "bộ ";
    }
    Put(3, "nhiều", many);
    EXPECT_EQ(Ids("tieu de"), std::vector<std::int64_t>{1});
    EXPECT_EQ(Ids("bo"), std::vector<std::int64_t>{3});
}

// 2,000 generated articles: every query's answer is computed independently and compared.
TEST_P(SearchTest, TwoThousandDocumentsGiveExactlyTheExpectedAnswers) {
    const std::vector<std::string> words{"tuyên", "tuyển", "vận", "văn",  "đảng", "bộ",
                                         "xã",    "huyện", "hội", "nghị", "dân",  "cán"};
    struct Generated {
        std::int64_t id;
        std::int64_t section;
        std::int64_t published;
        std::vector<int> body;
    };
    std::vector<Generated> generated;
    std::uint32_t state = 12345;
    auto next = [&state] {
        state = state * 1'103'515'245u + 12345u;
        return (state >> 16) & 0x7FFF;
    };
    db_.Get().Write([&](db::Connection& c) {
        for (int i = 1; i <= 2000; ++i) {
            Generated g{i, 10 + i % 3, kJanuary2024 + i * 60'000, {}};
            std::string body;
            for (int w = 0; w < 12; ++w) {
                g.body.push_back(static_cast<int>(next() % words.size()));
                body += words[static_cast<std::size_t>(g.body.back())] + " ";
            }
            Upsert(c, Document{g.id, kSite, g.section, "Bài " + std::to_string(i), body, g.published});
            generated.push_back(std::move(g));
        }
    });
    auto has = [&](const Generated& g, const std::string& word) {
        return std::any_of(g.body.begin(), g.body.end(),
                           [&](int w) { return words[static_cast<std::size_t>(w)] == word; });
    };
    auto has_folded = [&](const Generated& g, const std::vector<std::string>& forms) {
        return std::any_of(forms.begin(), forms.end(), [&](const std::string& form) { return has(g, form); });
    };
    auto adjacent = [&](const Generated& g, const std::string& a, const std::string& b) {
        for (std::size_t k = 0; k + 1 < g.body.size(); ++k) {
            if (words[static_cast<std::size_t>(g.body[k])] == a &&
                words[static_cast<std::size_t>(g.body[k + 1])] == b) {
                return true;
            }
        }
        return false;
    };

    // "tuyen xa" in section 11: both words, either accent of tuyen.
    std::int64_t expected = 0;
    for (const auto& g : generated) {
        expected += g.section == 11 && has_folded(g, {"tuyên", "tuyển"}) && has(g, "xã") ? 1 : 0;
    }
    auto results = Find(Query{.text = "tuyen xa", .section_id = 11, .limit = 100});
    EXPECT_EQ(results.total, expected);
    EXPECT_GT(expected, 20);

    // The phrase "tuyên vận" exactly; the folded phrase also matches tuyển văn, tuyên văn, tuyển vận.
    std::int64_t exact_phrase = 0;
    std::int64_t folded_phrase = 0;
    for (const auto& g : generated) {
        exact_phrase += adjacent(g, "tuyên", "vận") ? 1 : 0;
        bool any = false;
        for (const char* a : {"tuyên", "tuyển"}) {
            for (const char* b : {"vận", "văn"}) {
                any = any || adjacent(g, a, b);
            }
        }
        folded_phrase += any ? 1 : 0;
    }
    ASSERT_GT(exact_phrase, 0);
    ASSERT_GT(folded_phrase, exact_phrase + 50);
    // A page that straddles the boundary between exact and folded phrase matches.
    int offset = exact_phrase > 50 ? static_cast<int>(exact_phrase) - 50 : 0;
    auto phrase = Find(Query{.text = R"("tuyên vận")", .limit = 100, .offset = offset});
    EXPECT_EQ(phrase.total, folded_phrase);
    ASSERT_EQ(phrase.hits.size(), 100u);
    for (std::size_t k = 0; k < phrase.hits.size(); ++k) {
        const auto& g = generated[static_cast<std::size_t>(phrase.hits[k].id - 1)];
        EXPECT_EQ(adjacent(g, "tuyên", "vận"), offset + static_cast<std::int64_t>(k) < exact_phrase)
            << "exact phrases come first, hit " << offset + static_cast<std::int64_t>(k);
    }

    // A date window over the newest 500.
    std::int64_t in_window = 0;
    for (const auto& g : generated) {
        in_window += g.published >= kJanuary2024 + 1501 * 60'000 && has(g, "đảng") ? 1 : 0;
    }
    EXPECT_EQ(Find(Query{.text = "dang", .from_ms = kJanuary2024 + 1501 * 60'000}).total, in_window);
    EXPECT_EQ(Find(Query{.text = "bai 1234"}).hits.at(0).id, 1234);
}

INSTANTIATE_TEST_SUITE_P(Engines, SearchTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::search
