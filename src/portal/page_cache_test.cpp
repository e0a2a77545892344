#include "portal/page_cache.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "platform/db/migrations.hpp"
#include "platform/db/testing.hpp"

namespace tuyenvan::portal {
namespace {

http::Request Get(const std::string& path, const std::string& query = "") {
    http::Request request;
    request.path = path;
    request.headers.set("Host", "Example.VN");
    auto parsed = http::ParseUrlEncoded(query);
    request.query = std::move(parsed.params);
    return request;
}

http::Response Page(const std::string& body) { return http::Response::Html(body); }

TEST(PageCache, KeysKeepOnlyThePagesOwnParametersInAFixedOrder) {
    std::vector<std::string_view> kept = {"q", "trang"};
    auto a = PageCache::Key(Get("/tim-kiem", "trang=2&q=dang+bo&utm_source=x"), kept);
    auto b = PageCache::Key(Get("/tim-kiem", "q=dang+bo&trang=2"), kept);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, PageCache::Key(Get("/tim-kiem", "q=dang+bo&trang=3"), kept));
    EXPECT_NE(a, PageCache::Key(Get("/tim-kiem/", "q=dang+bo&trang=2"), kept));
    auto secure = Get("/tim-kiem", "q=dang+bo&trang=2");
    secure.secure = true;
    EXPECT_NE(a, PageCache::Key(secure, kept));
    EXPECT_NE(a.find("example.vn"), std::string::npos) << "the host is case-folded";
}

TEST(PageCache, ServesTheStoredPageUntilADependencyChanges) {
    PageCache cache(std::chrono::hours(1));
    Generations::Counter site{4};
    Generations::Counter item{1};
    EXPECT_EQ(cache.Find("k"), nullptr);
    cache.Store("k", Page(std::string(2000, 'a')), 3, 42, {{&site, 4}, {&item, 1}});
    auto page = cache.Find("k");
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->site_id, 3);
    EXPECT_EQ(page->item_id, 42);
    item = 2;
    EXPECT_EQ(cache.Find("k"), nullptr) << "a changed item makes the page stale";
    cache.Store("k", Page("mới"), 3, 42, {{&site, 4}, {&item, 2}});
    ASSERT_NE(cache.Find("k"), nullptr);
    site = 5;
    EXPECT_EQ(cache.Find("k"), nullptr) << "a changed site makes the page stale";
}

TEST(PageCache, AnAgedPageIsReRenderedByOneCallerWhileOthersStillGetIt) {
    PageCache cache(std::chrono::milliseconds(1));
    Generations::Counter site{1};
    cache.Store("k", Page("trang"), 1, std::nullopt, {{&site, 1}});
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_EQ(cache.Find("k"), nullptr) << "the first caller re-renders";
    EXPECT_NE(cache.Find("k"), nullptr) << "the others are served meanwhile";
    EXPECT_NE(cache.Find("k"), nullptr);
}

TEST(PageCache, ChoosesTheEncodingAndAnswersConditionalRequests) {
    PageCache cache;
    Generations::Counter site{1};
    std::string body;
    for (int i = 0; i < 200; ++i) {
        body += "<p>Công tác tuyên vận " + std::to_string(i) + "</p>";
    }
    auto page = cache.Store("k", Page(body), 1, std::nullopt, {{&site, 1}});
    auto request = Get("/");
    auto plain = PageCache::Serve(request, page);
    ASSERT_TRUE(plain.shared_body);
    EXPECT_EQ(*plain.shared_body, body);
    request.headers.set("Accept-Encoding", "gzip, deflate, br");
    auto brotli = PageCache::Serve(request, page);
    EXPECT_LT(brotli.shared_body->size(), body.size() / 4);
    bool br = false;
    std::string etag;
    for (const auto& [name, value] : brotli.headers) {
        br |= name == "Content-Encoding" && value == "br";
        if (name == "ETag") {
            etag = value;
        }
    }
    EXPECT_TRUE(br);
    request.headers.set("Accept-Encoding", "gzip;q=1, br;q=0");
    auto gzip = PageCache::Serve(request, page);
    EXPECT_EQ(static_cast<unsigned char>((*gzip.shared_body)[0]), 0x1f) << "br;q=0 refuses brotli";
    request.headers.set("If-None-Match", etag);
    EXPECT_EQ(PageCache::Serve(request, page).status, 304u);
}

TEST(PageCache, StaysWithinItsBounds) {
    PageCache cache(std::chrono::hours(1), 32, 1 << 20);
    Generations::Counter site{1};
    for (int i = 0; i < 1000; ++i) {
        cache.Store("k" + std::to_string(i), Page(std::string(100, 'x')), 1, std::nullopt, {{&site, 1}});
    }
    int found = 0;
    for (int i = 0; i < 1000; ++i) {
        found += cache.Find("k" + std::to_string(i)) != nullptr;
    }
    EXPECT_LE(found, 32);
    EXPECT_GT(found, 0);
}

class GenerationsTest : public ::testing::TestWithParam<db::Engine> {
protected:
    void SetUp() override { db::Migrate(db_.Get()); }
    db::testing::TestDatabase db_{GetParam()};
};

TEST_P(GenerationsTest, ABumpInTheDatabaseReachesEveryNodeAtItsNextPoll) {
    Generations node_a(db_.Get());
    Generations node_b(db_.Get());
    const auto& seen_by_b = node_b.Of("site:1");
    node_b.Poll();
    auto before = seen_by_b.load();
    db_.Get().Write([](db::Connection& c) { Generations::Bump(c, "site:1", 1000); });
    node_a.Poll();
    EXPECT_GT(node_a.Of("site:1").load(), before);
    EXPECT_EQ(seen_by_b.load(), before) << "node b has not looked yet";
    node_b.Poll();
    EXPECT_EQ(seen_by_b.load(), node_a.Of("site:1").load());
    EXPECT_EQ(node_b.Of("item:7").load(), 0u) << "other scopes are untouched";
    // A node whose clock is far behind still sees the change: numbers, not times, order the changes.
    auto site = seen_by_b.load();
    db_.Get().Write([](db::Connection& c) { Generations::Bump(c, "item:7", 1); });
    node_b.Poll();
    EXPECT_GT(node_b.Of("item:7").load(), site);
    EXPECT_EQ(seen_by_b.load(), site);
}

INSTANTIATE_TEST_SUITE_P(Engines, GenerationsTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::portal
