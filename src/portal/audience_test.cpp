#include "portal/audience.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "org/service.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/testing.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::portal {
namespace {

using Kind = org::ServiceError::Kind;
using namespace std::chrono_literals;

constexpr std::int64_t kMinute = 60LL * 1000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

constexpr std::string_view kChrome =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
constexpr std::string_view kFirefox = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
constexpr std::string_view kGooglebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

// Local midnight (Asia/Ho_Chi_Minh) of a date typed as dd/mm/yyyy.
std::int64_t Midnight(std::string_view date) {
    return *text::ParseDate(date);
}

template <typename F>
void ExpectError(F call, Kind kind) {
    try {
        call();
        ADD_FAILURE() << "expected a ServiceError";
    } catch (const org::ServiceError& error) {
        EXPECT_EQ(error.GetKind(), kind) << error.what();
    }
}

TEST(AudienceBots, CrawlersAndLibrariesAreBotsBrowsersAreNot) {
    for (std::string_view agent :
         {std::string_view(kGooglebot), std::string_view(""), std::string_view("   "),
          std::string_view("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"),
          std::string_view("Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)"),
          std::string_view("Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)"),
          std::string_view("Baiduspider+(+http://www.baidu.com/search/spider.htm)"), std::string_view("curl/8.5.0"),
          std::string_view("Wget/1.21.3"), std::string_view("python-requests/2.31.0"),
          std::string_view("Go-http-client/1.1"), std::string_view("libwww-perl/6.72"),
          std::string_view("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"),
          std::string_view("SOME-CRAWLER/3")}) {
        EXPECT_TRUE(Audience::IsLikelyBot(agent)) << agent;
    }
    for (std::string_view agent :
         {std::string_view(kChrome), std::string_view(kFirefox),
          std::string_view("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                           "HeadlessChrome/120.0.6099.224 Safari/537.36"),
          std::string_view("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
                           "Gecko) Mobile/15E148 Zalo iOS/24.04.01 ZaloTheme/light ZaloLanguage/vi"),
          std::string_view("Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) "
                           "Chrome/120.0 Mobile Safari/537.36")}) {
        EXPECT_FALSE(Audience::IsLikelyBot(agent)) << agent;
    }
}

TEST(AudienceDays, DaysAreLocalDatesInVietnam) {
    std::int64_t midnight = Midnight("10/03/2026");
    EXPECT_EQ(Audience::DayOf(midnight), 20260310);
    EXPECT_EQ(Audience::DayOf(midnight - 1), 20260309);
    EXPECT_EQ(Audience::DayOf(midnight + kDay - 1), 20260310);
    EXPECT_EQ(Audience::DayOf(Midnight("01/01/2024")), 20240101);
    EXPECT_EQ(Audience::DayOf(Midnight("29/02/2024") + 23 * kHour), 20240229);
    for (std::int64_t at = Midnight("25/12/2025"); at < Midnight("05/01/2026"); at += 7 * kHour + 13 * kMinute) {
        std::string iso = text::FormatIsoDate(at);
        iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
        EXPECT_EQ(std::to_string(Audience::DayOf(at)), iso);
    }
}

class AudienceTest : public ::testing::TestWithParam<db::Engine> {
protected:
    void SetUp() override {
        db::Migrate(db_.Get());
        db_.Get().Write([&](db::Connection& c) {
            auto unit = c.Query(
                             "INSERT INTO units (code, level, kind, name, full_name, name_key, sort_key, path, depth, "
                             "created_at, updated_at) VALUES ('10', 'province', 'Tỉnh', 'Lào Cai', 'Tỉnh Lào Cai', "
                             "'lao cai', '00', '/1/', 0, 0, 0) RETURNING id")
                            .Int(0, 0);
            auto account = c.Query(
                                "INSERT INTO accounts (login, password_hash, created_at, updated_at, "
                                "password_changed_at) VALUES ('bientap', 'x', 0, 0, 0) RETURNING id")
                               .Int(0, 0);
            for (std::int64_t* site : {&site_, &other_site_}) {
                std::string slug = site == &site_ ? "tinh-lao-cai" : "huyen-bat-xat";
                *site = c.Query(
                             "INSERT INTO sites (slug, name, unit_id, created_at, updated_at) "
                             "VALUES ($1, $1, $2, 0, 0) RETURNING id",
                             {slug, unit})
                            .Int(0, 0);
            }
            auto section = c.Query(
                                "INSERT INTO sections (site_id, slug, name, created_at) "
                                "VALUES ($1, 'tin-tuc', 'Tin tức', 0) RETURNING id",
                                {site_})
                               .Int(0, 0);
            auto add_item = [&](const std::string& status) {
                std::string slug = "tin-" + std::to_string(items_.size()) + "-" + status;
                return c
                    .Query(
                        "INSERT INTO items (site_id, section_id, genre, title, slug, author_account_id, status, "
                        "created_at, updated_at) VALUES ($1, $2, 'tin', 'Tin tuyên vận', $3, $4, $5, 0, 0) "
                        "RETURNING id",
                        {site_, section, slug, account, status})
                    .Int(0, 0);
            };
            for (int i = 0; i < 8; ++i) {
                items_.push_back(add_item("published"));
            }
            draft_ = add_item("draft");
        });
    }

    std::int64_t Scalar(const std::string& sql, std::initializer_list<db::Value> params = {}) {
        std::vector<db::Value> copy(params);
        return db_.Get().ReadValue([&](db::Connection& c) {
            auto rows = c.Query(sql, copy);
            return rows.Empty() ? 0 : rows.Int(0, 0);
        });
    }
    std::int64_t StoredItemViews(std::int64_t item) {
        return Scalar("SELECT COALESCE(SUM(views), 0) FROM item_views WHERE item_id = $1", {item});
    }
    std::int64_t DayVisitors(std::int64_t site, std::int64_t day) {
        return Scalar("SELECT visitors FROM site_visit_days WHERE site_id = $1 AND day = $2", {site, day});
    }
    std::int64_t DayViews(std::int64_t site, std::int64_t day) {
        return Scalar("SELECT views FROM site_visit_days WHERE site_id = $1 AND day = $2", {site, day});
    }
    std::int64_t ItemViews(const Audience& audience, std::int64_t item) {
        return db_.Get().ReadValue([&](db::Connection& c) { return audience.ItemViews(c, site_, item); });
    }
    RatingSummary Ratings(const Audience& audience, std::int64_t item) {
        return db_.Get().ReadValue([&](db::Connection& c) { return audience.Ratings(c, item); });
    }
    std::int64_t Today() const { return Audience::DayOf(now_.load()); }
    // Every cell of every table in the database, as text.
    std::vector<std::string> AllCells() {
        std::vector<std::string> cells;
        db_.Get().Read([&](db::Connection& c) {
            auto tables =
                c.Query(GetParam() == db::Engine::kSqlite
                            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
            for (std::size_t t = 0; t < tables.Size(); ++t) {
                auto rows = c.Query("SELECT * FROM " + tables.String(t, 0));
                for (std::size_t r = 0; r < rows.Size(); ++r) {
                    for (std::size_t col = 0; col < rows.Columns(); ++col) {
                        cells.push_back(rows.String(r, col));
                    }
                }
            }
        });
        return cells;
    }

    std::atomic<std::int64_t> now_{Midnight("10/03/2026") + 10 * kHour};
    std::function<std::int64_t()> clock_ = [this] { return now_.load(); };
    db::testing::TestDatabase db_{GetParam()};
    std::int64_t site_ = 0, other_site_ = 0, draft_ = 0;
    std::vector<std::int64_t> items_;
};

TEST_P(AudienceTest, ViewsFromEightThreadsAreCountedExactly) {
    Audience audience(db_.Get(), clock_, "node-1");
    constexpr int kThreads = 8;
    constexpr int kViews = 10000;
    std::atomic<bool> done{false};
    // Flushes run while the threads count, so counts move between memory and database mid-way.
    std::thread flusher([&] {
        while (!done) {
            audience.Flush();
            std::this_thread::sleep_for(1ms);
        }
    });
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kViews; ++i) {
                std::string address = "10.0." + std::to_string(t) + "." + std::to_string(i % 50);
                std::string_view agent = i % 7 == 6 ? kGooglebot : kChrome;
                std::optional<std::int64_t> item;
                if (i % 4 != 3) {
                    item = items_[static_cast<std::size_t>(i % 3)];
                }
                audience.RecordView(site_, item, address, agent);
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    done = true;
    flusher.join();

    std::vector<std::int64_t> expected(3, 0);
    std::int64_t expected_views = 0;
    for (int i = 0; i < kViews; ++i) {
        if (i % 7 == 6) {
            continue;
        }
        ++expected_views;
        if (i % 4 != 3) {
            expected[static_cast<std::size_t>(i % 3)] += kThreads;
        }
    }
    for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(ItemViews(audience, items_[k]), expected[k]) << "pending included before the last flush";
    }
    audience.Flush();
    for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(StoredItemViews(items_[k]), expected[k]);
        EXPECT_EQ(ItemViews(audience, items_[k]), expected[k]);
        // The month's figure (for the column's statistics) gets the same counts.
        EXPECT_EQ(Scalar("SELECT COALESCE(SUM(views), 0) FROM item_view_months WHERE item_id = $1 AND month = $2",
                         {items_[k], Today() / 100}),
                  expected[k]);
    }
    EXPECT_EQ(DayViews(site_, Today()), expected_views * kThreads);
    EXPECT_EQ(DayVisitors(site_, Today()), kThreads * 50);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM site_visitors"), kThreads * 50);
    auto figures = audience.Figures(site_);
    EXPECT_EQ(figures.today, kThreads * 50);
    EXPECT_EQ(figures.month, kThreads * 50);
    EXPECT_EQ(figures.year, kThreads * 50);
    EXPECT_EQ(figures.online, kThreads * 50);
    EXPECT_EQ(audience.Figures(other_site_), SiteFigures{});
    EXPECT_EQ(audience.FailedFlushes(), 0);
}

TEST_P(AudienceTest, AVisitorIsAnAddressAndBrowserCountedOncePerDay) {
    Audience audience(db_.Get(), clock_, "node-1");
    for (int i = 0; i < 5; ++i) {
        audience.RecordView(site_, items_[0], "203.113.131.7", kChrome);
    }
    audience.Flush();
    audience.RecordView(site_, std::nullopt, "203.113.131.7", kChrome);  // seen again after a flush
    audience.RecordView(site_, std::nullopt, "203.113.131.7", kFirefox);
    audience.RecordView(site_, std::nullopt, "2001:ee0:4f01::1", kChrome);
    audience.RecordView(other_site_, std::nullopt, "203.113.131.7", kChrome);  // a visitor of each site
    auto generation = audience.FiguresGeneration();
    audience.Flush();
    EXPECT_GT(audience.FiguresGeneration(), generation);
    EXPECT_EQ(DayVisitors(site_, Today()), 3);
    EXPECT_EQ(DayViews(site_, Today()), 8);
    EXPECT_EQ(DayVisitors(other_site_, Today()), 1);
    EXPECT_EQ(audience.Figures(site_), (SiteFigures{3, 3, 3, 3}));
    EXPECT_EQ(audience.Figures(other_site_), (SiteFigures{1, 1, 1, 1}));
    EXPECT_EQ(StoredItemViews(items_[0]), 5);

    generation = audience.FiguresGeneration();
    audience.Flush();
    EXPECT_EQ(audience.FiguresGeneration(), generation) << "nothing changed";

    // Readers stop counting as online five minutes after their last view; the day's figures stay.
    now_ += 5 * kMinute + 1;
    audience.Flush();
    EXPECT_EQ(audience.Figures(site_), (SiteFigures{3, 3, 3, 0}));
}

TEST_P(AudienceTest, ANewDayHasANewSaltAndTodayStartsOverWhileMonthAndYearAddUp) {
    now_ = Midnight("10/03/2026") + 23 * kHour + 59 * kMinute;
    Audience audience(db_.Get(), clock_, "node-1");
    audience.RecordView(site_, items_[0], "203.113.131.7", kChrome);
    audience.RecordView(site_, items_[0], "203.113.131.8", kChrome);
    audience.Flush();
    EXPECT_EQ(audience.Figures(site_), (SiteFigures{2, 2, 2, 2}));
    auto first_salt = Scalar("SELECT COUNT(*) FROM visitor_salts WHERE day = 20260310");
    EXPECT_EQ(first_salt, 1);

    // Counted before midnight, written after it: still the old day's.
    now_ += 59LL * 1000;
    audience.RecordView(site_, items_[0], "203.113.131.9", kChrome);
    now_ += 2 * kMinute;  // 00:01 on 11/03
    EXPECT_EQ(Today(), 20260311);
    audience.RecordView(site_, items_[0], "203.113.131.7", kChrome);
    audience.Flush();
    EXPECT_EQ(DayVisitors(site_, 20260310), 3);
    EXPECT_EQ(DayViews(site_, 20260310), 3);
    EXPECT_EQ(DayVisitors(site_, 20260311), 1) << "yesterday's visitor is new today";
    EXPECT_EQ(audience.Figures(site_), (SiteFigures{1, 4, 4, 3}));
    EXPECT_EQ(Scalar("SELECT COUNT(DISTINCT salt) FROM visitor_salts WHERE day IN (20260310, 20260311)"), 2);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM site_visitors a JOIN site_visitors b ON a.visitor_hash = b.visitor_hash "
                     "WHERE a.day = 20260310 AND b.day = 20260311"),
              0)
        << "two days cannot be linked";

    // Two days on, the old salts and visitor hashes are gone; the daily figures stay.
    now_ = Midnight("13/03/2026") + 8 * kHour;
    audience.Flush();
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM visitor_salts WHERE day > 0 AND day < 20260312"), 0);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM site_visitors WHERE day < 20260312"), 0);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM visitor_salts WHERE day = 20260313"), 1);
    EXPECT_EQ(audience.Figures(site_), (SiteFigures{0, 4, 4, 0}));

    now_ = Midnight("01/04/2026") + 9 * kHour;
    audience.RecordView(site_, std::nullopt, "203.113.131.7", kChrome);
    audience.Flush();
    EXPECT_EQ(audience.Figures(site_), (SiteFigures{1, 1, 5, 1}));
    now_ = Midnight("01/01/2027") + 9 * kHour;
    audience.Flush();
    EXPECT_EQ(audience.Figures(site_), (SiteFigures{0, 0, 0, 0}));
    EXPECT_EQ(StoredItemViews(items_[0]), 4);
}

TEST_P(AudienceTest, BotsAreNotCounted) {
    Audience audience(db_.Get(), clock_, "node-1");
    audience.RecordView(site_, items_[0], "66.249.66.1", kGooglebot);
    audience.RecordView(site_, items_[0], "66.249.66.1", "");
    audience.RecordView(site_, items_[0], "66.249.66.1", "curl/8.5.0");
    audience.Flush();
    EXPECT_EQ(StoredItemViews(items_[0]), 0);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM site_visit_days"), 0);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM site_visitors"), 0);
    audience.RecordView(site_, items_[0], "127.0.0.1",
                        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0");
    audience.Flush();
    EXPECT_EQ(StoredItemViews(items_[0]), 1);
    EXPECT_EQ(DayVisitors(site_, Today()), 1);
}

TEST_P(AudienceTest, TheBackgroundThreadWritesAndStopWritesTheRest) {
    {
        Audience audience(db_.Get(), clock_, "node-1");
        audience.Start(20ms);
        audience.RecordView(site_, items_[1], "203.113.131.7", kChrome);
        for (int i = 0; i < 200 && audience.Figures(site_).today == 0; ++i) {
            std::this_thread::sleep_for(10ms);
        }
        EXPECT_EQ(audience.Figures(site_).today, 1) << "written and read back by the background thread";
        audience.Stop();
    }
    Audience audience(db_.Get(), clock_, "node-1");
    audience.Start(1h);  // writes once at start, then not for an hour
    for (int i = 0; i < 1000; ++i) {
        audience.RecordView(site_, items_[1], "203.113.131." + std::to_string(i % 10), kChrome);
    }
    audience.Stop();
    EXPECT_EQ(StoredItemViews(items_[1]), 1001);
    EXPECT_EQ(DayViews(site_, Today()), 1001);
    EXPECT_EQ(DayVisitors(site_, Today()), 10);
    EXPECT_EQ(audience.FailedFlushes(), 0);
}

TEST_P(AudienceTest, ARestartedNodeContinuesTheTotals) {
    {
        Audience audience(db_.Get(), clock_, "node-1");
        for (int i = 0; i < 10; ++i) {
            audience.RecordView(site_, items_[2], i % 2 == 1 ? "203.113.131.7" : "203.113.131.8", kChrome);
        }
    }  // the destructor writes
    Audience audience(db_.Get(), clock_, "node-1");
    for (int i = 0; i < 5; ++i) {
        audience.RecordView(site_, items_[2], i % 2 == 1 ? "203.113.131.7" : "203.113.131.9", kChrome);
    }
    audience.Flush();
    EXPECT_EQ(StoredItemViews(items_[2]), 15);
    EXPECT_EQ(DayViews(site_, Today()), 15);
    EXPECT_EQ(DayVisitors(site_, Today()), 3) << "a visitor seen before the restart is not new";
    EXPECT_EQ(audience.Figures(site_).today, 3);
}

TEST_P(AudienceTest, TwoNodesOnOneDatabaseAddUp) {
    auto second_database = db::Database::Open(db_.Target(), 2);
    Audience a(db_.Get(), clock_, "node-a");
    Audience b(*second_database, clock_, "node-b");
    for (std::string_view address : {"203.113.131.1", "203.113.131.2", "203.113.131.3"}) {
        a.RecordView(site_, items_[0], address, kChrome);
    }
    for (std::string_view address : {"203.113.131.3", "203.113.131.4", "203.113.131.5"}) {
        b.RecordView(site_, items_[0], address, kChrome);
        b.RecordView(site_, items_[0], address, kChrome);
    }
    a.Flush();
    b.Flush();
    a.Flush();
    EXPECT_EQ(StoredItemViews(items_[0]), 9);
    EXPECT_EQ(DayViews(site_, Today()), 9);
    // One salt for both nodes, so the visitor both nodes served counts once.
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM visitor_salts WHERE day = $1", {Today()}), 1);
    EXPECT_EQ(a.Figures(site_), (SiteFigures{5, 5, 5, 6}));
    EXPECT_EQ(b.Figures(site_), (SiteFigures{5, 5, 5, 6}));
    EXPECT_EQ(db_.Get().ReadValue([&](db::Connection& c) { return a.ItemViews(c, site_, items_[0]); }), 9);

    // A node that stops reporting drops out of the online figure after three intervals.
    now_ += 7000;
    a.Flush();
    EXPECT_EQ(a.Figures(site_).online, 3);
}

TEST_P(AudienceTest, AFailedWriteKeepsTheCountsForTheNextOne) {
    Audience audience(db_.Get(), clock_, "node-1");
    audience.Flush();
    // The node's online row is written last in the flush, so everything before it is rolled back.
    db_.Get().Write([&](db::Connection& c) {
        c.ExecuteScript(GetParam() == db::Engine::kSqlite
                            ? "CREATE TRIGGER refuse_online BEFORE INSERT ON site_online "
                              "BEGIN SELECT RAISE(ABORT, 'refused'); END;"
                              "CREATE TRIGGER refuse_online_update BEFORE UPDATE ON site_online "
                              "BEGIN SELECT RAISE(ABORT, 'refused'); END;"
                            : "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                              "$$ BEGIN RAISE EXCEPTION 'refused'; END $$;"
                              "CREATE TRIGGER refuse_online BEFORE INSERT OR UPDATE ON site_online "
                              "FOR EACH ROW EXECUTE FUNCTION refuse();");
    });
    for (int i = 0; i < 7; ++i) {
        audience.RecordView(site_, items_[3], i % 2 == 1 ? "203.113.131.7" : "203.113.131.8", kChrome);
    }
    EXPECT_THROW(audience.Flush(), db::Error);
    EXPECT_EQ(audience.FailedFlushes(), 1);
    EXPECT_EQ(StoredItemViews(items_[3]), 0);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM site_visitors"), 0);
    EXPECT_EQ(ItemViews(audience, items_[3]), 7) << "still pending";
    audience.RecordView(site_, items_[3], "203.113.131.7", kChrome);
    audience.RecordView(site_, items_[3], "203.113.131.9", kChrome);
    EXPECT_THROW(audience.Flush(), db::Error);
    EXPECT_EQ(ItemViews(audience, items_[3]), 9);

    db_.Get().Write([&](db::Connection& c) {
        c.ExecuteScript(GetParam() == db::Engine::kSqlite
                            ? "DROP TRIGGER refuse_online; DROP TRIGGER refuse_online_update;"
                            : "DROP TRIGGER refuse_online ON site_online;");
    });
    audience.Flush();
    EXPECT_EQ(StoredItemViews(items_[3]), 9);
    EXPECT_EQ(ItemViews(audience, items_[3]), 9);
    EXPECT_EQ(DayViews(site_, Today()), 9);
    EXPECT_EQ(DayVisitors(site_, Today()), 3);
    EXPECT_EQ(audience.Figures(site_), (SiteFigures{3, 3, 3, 3}));
    audience.Flush();
    EXPECT_EQ(StoredItemViews(items_[3]), 9) << "nothing written twice";
}

TEST_P(AudienceTest, NoAddressOrBrowserIsStored) {
    constexpr std::string_view kAddress = "203.113.131.77";
    constexpr std::string_view kAgent = "Mozilla/5.0 TestBrowserXYZ/1.0";
    Audience audience(db_.Get(), clock_, "node-1");
    audience.RecordView(site_, items_[0], kAddress, kAgent);
    audience.Rate(items_[0], "reader-token-1", kAddress, kAgent, 5);
    audience.Flush();
    EXPECT_EQ(DayVisitors(site_, Today()), 1);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM ratings"), 1);
    for (const auto& cell : AllCells()) {
        EXPECT_EQ(cell.find(kAddress), std::string::npos) << cell;
        EXPECT_EQ(cell.find("TestBrowserXYZ"), std::string::npos) << cell;
        EXPECT_EQ(cell.find("reader-token-1"), std::string::npos) << cell;
    }
}

TEST_P(AudienceTest, AReaderHasOneRatingPerItemAndMayChangeIt) {
    Audience audience(db_.Get(), clock_, "node-1");
    EXPECT_EQ(audience.Rate(items_[0], "reader-a", "203.113.131.7", kChrome, 4), (RatingSummary{4, 1}));
    EXPECT_EQ(audience.Rate(items_[0], "reader-a", "203.113.131.8", kChrome, 2), (RatingSummary{2, 1}));
    EXPECT_EQ(audience.Rate(items_[0], "reader-b", "203.113.131.7", kChrome, 5), (RatingSummary{7, 2}));
    EXPECT_EQ(audience.Rate(items_[1], "reader-a", "203.113.131.7", kChrome, 3), (RatingSummary{3, 1}));
    EXPECT_EQ(Ratings(audience, items_[0]), (RatingSummary{7, 2}));
    EXPECT_EQ(Ratings(audience, items_[2]), (RatingSummary{0, 0}));

    // Another node (or a restart) knows the same reader.
    Audience other(db_.Get(), clock_, "node-2");
    now_ += kDay;
    EXPECT_EQ(other.Rate(items_[0], "reader-a", "203.113.131.7", kChrome, 1), (RatingSummary{6, 2}));
}

TEST_P(AudienceTest, RatingsAreCheckedAndRefused) {
    Audience audience(db_.Get(), clock_, "node-1");
    ExpectError([&] { audience.Rate(items_[0], "reader-a", "203.113.131.7", kChrome, 0); }, Kind::kInvalid);
    ExpectError([&] { audience.Rate(items_[0], "reader-a", "203.113.131.7", kChrome, 6); }, Kind::kInvalid);
    try {
        audience.Rate(items_[0], "reader-a", "203.113.131.7", kChrome, -1);
    } catch (const org::ServiceError& error) {
        EXPECT_STREQ(error.what(), "Điểm đánh giá phải từ 1 đến 5.");
    }
    ExpectError([&] { audience.Rate(items_[0], "", "203.113.131.7", kChrome, 3); }, Kind::kInvalid);
    ExpectError([&] { audience.Rate(items_[0], "reader-a", "66.249.66.1", kGooglebot, 5); }, Kind::kForbidden);
    ExpectError([&] { audience.Rate(draft_, "reader-a", "203.113.131.7", kChrome, 5); }, Kind::kNotFound);
    ExpectError([&] { audience.Rate(draft_ + 1000, "reader-a", "203.113.131.7", kChrome, 5); }, Kind::kNotFound);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM ratings"), 0);
}

TEST_P(AudienceTest, OneAddressCannotStuffAnItem) {
    Audience audience(db_.Get(), clock_, "node-1");
    const std::string address = "203.113.131.7";
    for (int reader = 0; reader < Audience::kMaxNewReadersPerItemDay; ++reader) {
        audience.Rate(items_[0], "reader-" + std::to_string(reader), address, kChrome, 5);
    }
    try {
        audience.Rate(items_[0], "reader-new", address, kChrome, 5);
        ADD_FAILURE() << "a fourth new reader from one address";
    } catch (const org::ServiceError& error) {
        EXPECT_EQ(error.GetKind(), Kind::kThrottled);
        EXPECT_STREQ(error.what(), "Bạn đã đánh giá quá nhiều lần, xin thử lại sau.");
    }
    audience.Rate(items_[0], "reader-0", address, kChrome, 1);            // changing a vote is not a new reader
    audience.Rate(items_[1], "reader-new", address, kChrome, 5);          // another item
    audience.Rate(items_[0], "reader-new", "203.113.131.8", kChrome, 5);  // another address
    EXPECT_EQ(Ratings(audience, items_[0]), (RatingSummary{1 + 5 + 5 + 5, 4}));
    now_ = Midnight("11/03/2026") + kHour;
    EXPECT_EQ(audience.Rate(items_[0], "reader-next-day", address, kChrome, 5).count, 5);
}

TEST_P(AudienceTest, OneAddressMayWriteTwentyRatingsAnHour) {
    Audience audience(db_.Get(), clock_, "node-1");
    const std::string address = "203.113.131.7";
    int written = 0;
    for (std::size_t item = 0; written < Audience::kMaxRatingsPerHour; ++item) {
        for (int reader = 0; reader < 3 && written < Audience::kMaxRatingsPerHour; ++reader, ++written) {
            audience.Rate(items_[item], "reader-" + std::to_string(reader), address, kChrome, 4);
            now_ += 1000;
        }
    }
    ExpectError([&] { audience.Rate(items_[7], "reader-0", address, kChrome, 4); }, Kind::kThrottled);
    ExpectError([&] { audience.Rate(items_[7], "reader-1", address, kChrome, 4); }, Kind::kThrottled);
    audience.Rate(items_[0], "reader-0", address, kChrome, 2);  // a change of one of the twenty
    audience.Rate(items_[7], "reader-0", "203.113.131.8", kChrome, 4);
    now_ += kHour;
    audience.Rate(items_[7], "reader-1", address, kChrome, 4);
    EXPECT_EQ(Ratings(audience, items_[7]).count, 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, AudienceTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::portal
