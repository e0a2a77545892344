#include "portal/audience.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <tuple>
#include <utility>
#include <vector>

#include "org/service.hpp"
#include "platform/security/crypto.hpp"

namespace tuyenvan::portal {
namespace {

using Kind = org::ServiceError::Kind;

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr std::int64_t kHourMs = 3600LL * 1000;
// Asia/Ho_Chi_Minh has been UTC+7 without DST since 1975.
constexpr std::int64_t kZoneOffsetMs = 7LL * 3600 * 1000;

// Enough shards that 4-16 I/O threads rarely meet on one lock.
constexpr std::size_t kShards = 64;
// Visitors remembered per shard for today's de-duplication before idle ones are forgotten early (the
// database de-duplicates too, so forgetting costs a write, never a miscount).
constexpr std::size_t kMaxVisitorsPerShard = 1 << 16;
// Items whose zeroed counters are kept per shard so their next view allocates nothing.
constexpr std::size_t kMaxItemsPerShard = 1 << 14;
// What of the address and user agent identifies a visitor; longer values are cut.
constexpr std::size_t kMaxAddress = 64;
constexpr std::size_t kMaxAgent = 512;
constexpr std::size_t kMaxReaderToken = 256;

constexpr std::string_view kThrottled = "Bạn đã đánh giá quá nhiều lần, xin thử lại sau.";

// Lower-case ASCII marks of crawlers and HTTP libraries. "bot" also catches Googlebot, bingbot,
// coccocbot, UptimeRobot…; "HeadlessChrome" is deliberately absent (our browser tests read pages with it).
constexpr std::string_view kBotMarks[] = {
    "bot",     "crawl",          "spider", "slurp",      "curl",   "wget",   "python-requests",     "python-urllib",
    "aiohttp", "go-http-client", "libwww", "httpclient", "okhttp", "scrapy", "facebookexternalhit", "bingpreview",
};

constexpr char ToLower(char ch) {
    return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
}

// For the first and second character of the marks: each lower-case byte's bit set of the marks having it
// there. A position can start a mark only if its two bytes are both in the mark's bit.
constexpr auto kMarksWith = [] {
    static_assert(std::size(kBotMarks) <= 32);
    std::array<std::array<std::uint32_t, 256>, 2> table{};
    for (std::size_t m = 0; m < std::size(kBotMarks); ++m) {
        for (std::size_t i = 0; i < 2; ++i) {
            table[i][static_cast<unsigned char>(kBotMarks[m][i])] |= std::uint32_t{1} << m;
        }
    }
    return table;
}();

// `text` starts with the lower-case `prefix`, ignoring ASCII case.
bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (ToLower(text[i]) != prefix[i]) {
            return false;
        }
    }
    return true;
}

// Local day number: days since 1970-01-01 in Asia/Ho_Chi_Minh.
std::int64_t LocalDay(std::int64_t epoch_ms) {
    std::int64_t shifted = epoch_ms + kZoneOffsetMs;
    return shifted / kDayMs - (shifted % kDayMs < 0 ? 1 : 0);
}

// yyyymmdd of a day number (Howard Hinnant's civil_from_days).
std::int64_t DayCode(std::int64_t day) {
    std::int64_t z = day + 719468;
    std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    std::int64_t doe = z - era * 146097;
    std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    std::int64_t mp = (5 * doy + 2) / 153;
    std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return y * 10000 + m * 100 + d;
}

std::int64_t DayStartMs(std::int64_t day) {
    return day * kDayMs - kZoneOffsetMs;
}

// Two integers as one hash-map key: (site, item), (site, day) or (site, visitor).
struct Key {
    std::int64_t a = 0;
    std::int64_t b = 0;
    bool operator==(const Key&) const = default;
};
struct KeyHash {
    std::size_t operator()(const Key& key) const {
        std::uint64_t x = static_cast<std::uint64_t>(key.a) * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(key.b);
        x ^= x >> 32;
        x *= 0xD6E8FEB86659FD93ULL;
        x ^= x >> 32;
        return static_cast<std::size_t>(x);
    }
};
using Counts = std::unordered_map<Key, std::int64_t, KeyHash>;

// A visitor first seen on a day: the raw key (address and user agent) until a flush hashes it.
struct NewVisitor {
    std::int64_t site_id = 0;
    std::int64_t day = 0;
    std::string key;
};

// Multi-row INSERT of visitor hashes, in a few fixed sizes so each connection prepares at most one
// statement per size.
constexpr std::size_t kChunkSizes[] = {128, 32, 8, 1};

const std::string& InsertVisitorsSql(std::size_t rows) {
    static const auto texts = [] {
        std::array<std::string, std::size(kChunkSizes)> out;
        for (std::size_t k = 0; k < std::size(kChunkSizes); ++k) {
            std::string sql = "INSERT INTO site_visitors (site_id, day, visitor_hash) VALUES ";
            for (std::size_t r = 0; r < kChunkSizes[k]; ++r) {
                std::size_t p = r * 3;
                sql += (r != 0 ? ", ($" : "($") + std::to_string(p + 1) + ", $" + std::to_string(p + 2) + ", $" +
                       std::to_string(p + 3) + ")";
            }
            sql += " ON CONFLICT DO NOTHING RETURNING site_id, day";
            out[k] = std::move(sql);
        }
        return out;
    }();
    for (std::size_t k = 0; k < std::size(kChunkSizes); ++k) {
        if (kChunkSizes[k] == rows) {
            return texts[k];
        }
    }
    throw std::logic_error("audience: no statement for this chunk size");
}

// The guards on items and sites drop counts for rows that no longer exist instead of failing every
// later flush on a foreign key.
constexpr std::string_view kAddItemViews =
    "INSERT INTO item_views (item_id, site_id, views) "
    "SELECT i.id, s.id, $3 FROM items i, sites s WHERE i.id = $1 AND s.id = $2 "
    "ON CONFLICT (item_id, site_id) DO UPDATE SET views = item_views.views + excluded.views";
constexpr std::string_view kAddItemViewMonth =
    "INSERT INTO item_view_months (item_id, site_id, month, views) "
    "SELECT i.id, s.id, $3, $4 FROM items i, sites s WHERE i.id = $1 AND s.id = $2 "
    "ON CONFLICT (item_id, site_id, month) DO UPDATE SET views = item_view_months.views + excluded.views";
constexpr std::string_view kAddVisitDay =
    "INSERT INTO site_visit_days (site_id, day, visitors, views) "
    "SELECT id, $2, $3, $4 FROM sites WHERE id = $1 "
    "ON CONFLICT (site_id, day) DO UPDATE SET visitors = site_visit_days.visitors + excluded.visitors, "
    "views = site_visit_days.views + excluded.views";
constexpr std::string_view kSetOnline =
    "INSERT INTO site_online (node, site_id, online, at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (node, site_id) DO UPDATE SET online = excluded.online, at = excluded.at";

// The salt (or, for kReaderKeyDay, the reader key) of a day, created by whichever node asks first.
std::string SaltOf(db::Connection& c, std::int64_t day_code) {
    c.Query("INSERT INTO visitor_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING",
            {day_code, security::RandomToken(32)});
    return c.Query("SELECT salt FROM visitor_salts WHERE day = $1", {day_code}).String(0, 0);
}

std::string AddressHash(std::string_view salt, std::string_view address) {
    std::string data = "rating-address\n";
    data += address;
    return security::HmacSha256Hex(salt, data);
}

}  // namespace

struct Audience::Shard {
    struct Seen {
        std::int64_t last_seen_ms = 0;
        std::int64_t day = std::numeric_limits<std::int64_t>::min();  // the day it was queued for
    };

    alignas(64) std::mutex mutex;
    Counts item_views;                                // (site, item) → views
    Counts day_views;                                 // (site, day number) → views
    std::unordered_map<Key, Seen, KeyHash> visitors;  // (site, keyed 64-bit hash of the visitor)
    std::vector<NewVisitor> new_visitors;
};

Audience::Shard& Audience::ItemShard(std::int64_t site_id, std::int64_t item_id) const {
    return shards_[KeyHash{}(Key{site_id, item_id}) % kShards];
}

struct Audience::Batch {
    Counts item_views;
    Counts day_views;
    std::vector<NewVisitor> new_visitors;
};

Audience::Audience(db::Database& database, std::function<std::int64_t()> clock_ms, std::string node_id)
    : database_(database),
      clock_(std::move(clock_ms)),
      node_id_(std::move(node_id)),
      shards_(std::make_unique<Shard[]>(kShards)),
      unsaved_(std::make_unique<Batch>()) {
    if (sodium_init() < 0) {
        throw std::runtime_error("audience: sodium_init() failed");
    }
    static_assert(crypto_shorthash_KEYBYTES == std::tuple_size_v<decltype(key_)>);
    randombytes_buf(key_.data(), key_.size());
}

Audience::~Audience() {
    try {
        Stop();
    } catch (...) {
        // Counted in FailedFlushes; a destructor cannot report more.
    }
}

bool Audience::IsLikelyBot(std::string_view user_agent) {
    // One pass over the text; a position is compared only with the marks whose first two letters it has.
    bool blank = true;
    auto next = user_agent.empty() ? 0 : static_cast<unsigned char>(ToLower(user_agent[0]));
    for (std::size_t at = 0; at < user_agent.size(); ++at) {
        const auto ch = next;
        next = at + 1 < user_agent.size() ? static_cast<unsigned char>(ToLower(user_agent[at + 1])) : 0;
        blank &= ch == ' ' || ch == '\t';
        for (std::uint32_t marks = kMarksWith[0][ch] & kMarksWith[1][next]; marks != 0; marks &= marks - 1) {
            std::string_view mark = kBotMarks[std::countr_zero(marks)];
            if (!StartsWithIgnoringCase(user_agent.substr(at), mark)) {
                continue;
            }
            // CUBOT is a brand of phones, not a robot.
            if (mark == "bot" && at >= 2 && ToLower(user_agent[at - 2]) == 'c' && ToLower(user_agent[at - 1]) == 'u') {
                continue;
            }
            return true;
        }
    }
    return blank;
}

std::int64_t Audience::DayOf(std::int64_t epoch_ms) {
    return DayCode(LocalDay(epoch_ms));
}

void Audience::RecordView(std::int64_t site_id, std::optional<std::int64_t> item_id, std::string_view address,
                          std::string_view user_agent) {
    if (IsLikelyBot(user_agent)) {
        return;
    }
    std::array<char, kMaxAddress + 1 + kMaxAgent> buffer;
    address = address.substr(0, kMaxAddress);
    user_agent = user_agent.substr(0, kMaxAgent);
    std::copy(address.begin(), address.end(), buffer.begin());
    buffer[address.size()] = '\n';
    std::copy(user_agent.begin(), user_agent.end(), buffer.begin() + address.size() + 1);
    std::string_view visitor(buffer.data(), address.size() + 1 + user_agent.size());

    std::uint64_t visitor_key = 0;
    static_assert(crypto_shorthash_BYTES == sizeof visitor_key);
    crypto_shorthash(reinterpret_cast<unsigned char*>(&visitor_key),
                     reinterpret_cast<const unsigned char*>(visitor.data()), visitor.size(), key_.data());
    const std::int64_t now = clock_();
    const std::int64_t day = LocalDay(now);

    {
        Shard& shard = shards_[visitor_key % kShards];
        std::lock_guard lock(shard.mutex);
        ++shard.day_views[Key{site_id, day}];
        Shard::Seen& seen = shard.visitors[Key{site_id, static_cast<std::int64_t>(visitor_key)}];
        seen.last_seen_ms = std::max(seen.last_seen_ms, now);
        if (seen.day != day) {
            seen.day = day;
            shard.new_visitors.push_back(NewVisitor{site_id, day, std::string(visitor)});
        }
    }
    if (item_id) {
        // An item's counter lives in one shard (not one per visitor's shard), so popular items stay in
        // cache and ItemViews looks in one place.
        const Key key{site_id, *item_id};
        Shard& shard = ItemShard(key.a, key.b);
        std::lock_guard lock(shard.mutex);
        ++shard.item_views[key];
    }
}

void Audience::Start(std::chrono::milliseconds interval) {
    std::lock_guard lock(run_mutex_);
    if (thread_.joinable()) {
        return;
    }
    stopping_ = false;
    interval_ms_ = std::max<std::int64_t>(1, interval.count());
    thread_ = std::thread([this] { Run(); });
}

void Audience::Stop() {
    {
        std::lock_guard lock(run_mutex_);
        stopping_ = true;
    }
    run_wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
    Flush();
}

void Audience::Run() {
    std::unique_lock lock(run_mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            Flush();
        } catch (...) {
            // Counted in FailedFlushes; the counts stay pending for the next round.
        }
        lock.lock();
        run_wake_.wait_for(lock, std::chrono::milliseconds(interval_ms_.load()), [this] { return stopping_; });
    }
}

void Audience::Collect(std::int64_t now, std::int64_t today, std::map<std::int64_t, std::int64_t>& online) {
    const std::int64_t since = now - kOnlineWindowMs;
    // Held across the move so that ItemViews, which takes the same locks in the same order, never sees
    // a count in both places or in neither.
    std::lock_guard unsaved_lock(unsaved_mutex_);
    Batch& batch = *unsaved_;
    for (std::size_t s = 0; s < kShards; ++s) {
        Shard& shard = shards_[s];
        std::lock_guard lock(shard.mutex);
        // Zeroed entries stay, so the next view of the same item or day allocates nothing.
        for (auto& [key, views] : shard.item_views) {
            if (views != 0) {
                batch.item_views[key] += views;
                views = 0;
            }
        }
        for (auto it = shard.day_views.begin(); it != shard.day_views.end();) {
            if (it->second != 0) {
                batch.day_views[it->first] += it->second;
                it->second = 0;
            }
            it = it->first.b == today ? std::next(it) : shard.day_views.erase(it);
        }
        for (auto& visitor : shard.new_visitors) {
            batch.new_visitors.push_back(std::move(visitor));
        }
        shard.new_visitors.clear();
        const bool crowded = shard.visitors.size() > kMaxVisitorsPerShard;
        std::erase_if(shard.visitors, [&](const auto& entry) {
            if (entry.second.last_seen_ms >= since) {
                ++online[entry.first.a];
                return false;
            }
            return entry.second.day != today || crowded;
        });
        if (shard.item_views.size() > kMaxItemsPerShard) {
            std::erase_if(shard.item_views, [](const auto& entry) { return entry.second == 0; });
        }
    }
}

std::map<std::int64_t, std::string> Audience::Salts(const std::set<std::int64_t>& days) {
    std::map<std::int64_t, std::string> salts;
    std::vector<std::int64_t> missing;
    {
        std::lock_guard lock(salts_mutex_);
        for (std::int64_t day : days) {
            auto found = salts_.find(day);
            if (found != salts_.end()) {
                salts.emplace(day, found->second);
            } else {
                missing.push_back(day);
            }
        }
    }
    if (missing.empty()) {
        return salts;
    }
    std::map<std::int64_t, std::string> fresh;
    database_.Write([&](db::Connection& c) {
        fresh.clear();
        for (std::int64_t day : missing) {
            fresh.emplace(day, SaltOf(c, DayCode(day)));
        }
    });
    std::lock_guard lock(salts_mutex_);
    for (auto& [day, salt] : fresh) {
        salts_.insert_or_assign(day, salt);
        salts.insert_or_assign(day, std::move(salt));
    }
    return salts;
}

void Audience::Flush() {
    std::lock_guard flushing(flush_mutex_);
    try {
        const std::int64_t now = clock_();
        const std::int64_t today = LocalDay(now);
        const std::int64_t yesterday_code = DayCode(today - 1);
        std::map<std::int64_t, std::int64_t> online;
        Collect(now, today, online);
        const Batch& batch = *unsaved_;  // only this flush changes it

        std::set<std::int64_t> days = {today};
        std::int64_t oldest = today;
        for (const auto& visitor : batch.new_visitors) {
            days.insert(visitor.day);
            oldest = std::min(oldest, visitor.day);
        }
        for (const auto& [key, views] : batch.day_views) {
            oldest = std::min(oldest, key.b);
        }
        auto salts = Salts(days);

        // Hashed here, off the I/O threads; the raw keys never leave memory.
        std::set<std::tuple<std::int64_t, std::int64_t, std::string>> hashed;
        for (const auto& visitor : batch.new_visitors) {
            hashed.emplace(visitor.site_id, DayCode(visitor.day),
                           security::HmacSha256Hex(salts.at(visitor.day), visitor.key));
        }
        std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> visitors(hashed.begin(), hashed.end());

        std::set<std::int64_t> reported;
        for (const auto& [site, count] : online) {
            reported.insert(site);
        }
        // Days older than yesterday in the batch (after a long outage) have just been given salts again.
        const bool clean = cleaned_day_ != today || oldest < today - 1;

        // Rows are written in key order, so nodes flushing at once on PostgreSQL wait for each other
        // instead of deadlocking.
        std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> item_views;  // item, site, views
        for (const auto& [key, views] : batch.item_views) {
            if (views != 0) {
                item_views.emplace_back(key.b, key.a, views);
            }
        }
        std::sort(item_views.begin(), item_views.end());
        const bool idle = item_views.empty() && visitors.empty() && online.empty() && online_sites_.empty() &&
                          std::all_of(batch.day_views.begin(), batch.day_views.end(),
                                      [](const auto& entry) { return entry.second == 0; });

        auto write = [&](db::Connection& c) {
            // The month the flush runs in (yyyymm), for the column's monthly statistics.
            const std::int64_t month = DayCode(today) / 100;
            for (const auto& [item, site, views] : item_views) {
                c.Query(kAddItemViews, {item, site, views});
                c.Query(kAddItemViewMonth, {item, site, month, views});
            }

            std::map<std::pair<std::int64_t, std::int64_t>, std::pair<std::int64_t, std::int64_t>> day_rows;
            for (const auto& [key, views] : batch.day_views) {
                if (views != 0) {
                    day_rows[{key.a, DayCode(key.b)}].second += views;
                }
            }
            std::vector<db::Value> params;
            for (std::size_t next = 0; next < visitors.size();) {
                std::size_t rows = 1;
                for (std::size_t size : kChunkSizes) {
                    if (size <= visitors.size() - next) {
                        rows = size;
                        break;
                    }
                }
                params.clear();
                for (std::size_t r = 0; r < rows; ++r) {
                    const auto& [site, day, hash] = visitors[next + r];
                    params.emplace_back(site);
                    params.emplace_back(day);
                    params.emplace_back(hash);
                }
                auto added = c.Query(InsertVisitorsSql(rows), params);
                for (std::size_t r = 0; r < added.Size(); ++r) {
                    ++day_rows[{added.Int(r, 0), added.Int(r, 1)}].first;
                }
                next += rows;
            }
            for (const auto& [key, counts] : day_rows) {
                if (counts.first != 0 || counts.second != 0) {
                    c.Query(kAddVisitDay, {key.first, key.second, counts.first, counts.second});
                }
            }

            // A site that had readers at the last flush and has none now is reported once as 0.
            for (std::int64_t site : online_sites_) {
                online.try_emplace(site, 0);
            }
            for (const auto& [site, count] : online) {
                c.Query(kSetOnline, {node_id_, site, count, now});
            }

            if (clean) {
                c.Query("DELETE FROM site_visitors WHERE day < $1", {yesterday_code});
                c.Query("DELETE FROM visitor_salts WHERE day <> $1 AND day < $2", {kReaderKeyDay, yesterday_code});
                c.Query("DELETE FROM site_online WHERE at < $1", {now - kDayMs});
            }
        };
        if (!idle || clean) {
            database_.Write(write);
        }

        {
            std::lock_guard lock(unsaved_mutex_);
            *unsaved_ = Batch{};
        }
        online_sites_ = std::move(reported);
        if (clean) {
            cleaned_day_ = today;
            std::lock_guard lock(salts_mutex_);
            std::erase_if(salts_, [&](const auto& entry) { return entry.first < today - 1; });
        }
        Refresh(now, today);
    } catch (...) {
        ++failed_flushes_;
        throw;
    }
}

void Audience::Refresh(std::int64_t now, std::int64_t today) {
    const std::int64_t code = DayCode(today);
    const std::int64_t month_start = code - code % 100 + 1;
    const std::int64_t year_start = code - code % 10000 + 101;
    std::unordered_map<std::int64_t, SiteFigures> next;
    database_.Read([&](db::Connection& c) {
        next.clear();
        auto days = c.Query(
            "SELECT site_id, SUM(CASE WHEN day = $1 THEN visitors ELSE 0 END), "
            "SUM(CASE WHEN day >= $2 THEN visitors ELSE 0 END), SUM(visitors) "
            "FROM site_visit_days WHERE day >= $3 AND day <= $1 GROUP BY site_id",
            {code, month_start, year_start});
        for (std::size_t r = 0; r < days.Size(); ++r) {
            SiteFigures& figures = next[days.Int(r, 0)];
            figures.today = days.Int(r, 1);
            figures.month = days.Int(r, 2);
            figures.year = days.Int(r, 3);
        }
        auto online = c.Query("SELECT site_id, SUM(online) FROM site_online WHERE at >= $1 GROUP BY site_id",
                              {now - 3 * interval_ms_.load()});
        for (std::size_t r = 0; r < online.Size(); ++r) {
            next[online.Int(r, 0)].online = online.Int(r, 1);
        }
    });
    std::erase_if(next, [](const auto& entry) { return entry.second == SiteFigures{}; });
    std::lock_guard lock(figures_mutex_);
    if (next != figures_) {
        figures_ = std::move(next);
        ++figures_generation_;
    }
}

SiteFigures Audience::Figures(std::int64_t site_id) const {
    std::lock_guard lock(figures_mutex_);
    auto found = figures_.find(site_id);
    return found == figures_.end() ? SiteFigures{} : found->second;
}

std::int64_t Audience::ItemViews(db::Connection& c, std::int64_t site_id, std::int64_t item_id) const {
    auto rows = c.Query("SELECT views FROM item_views WHERE item_id = $1 AND site_id = $2", {item_id, site_id});
    std::int64_t views = rows.Empty() ? 0 : rows.Int(0, 0);
    const Key key{site_id, item_id};
    std::lock_guard unsaved_lock(unsaved_mutex_);
    if (auto found = unsaved_->item_views.find(key); found != unsaved_->item_views.end()) {
        views += found->second;
    }
    Shard& shard = ItemShard(key.a, key.b);
    std::lock_guard lock(shard.mutex);
    if (auto found = shard.item_views.find(key); found != shard.item_views.end()) {
        views += found->second;
    }
    return views;
}

RatingSummary Audience::Rate(std::int64_t item_id, std::string_view reader_token, std::string_view address,
                             std::string_view user_agent, int score) {
    if (score < 1 || score > 5) {
        const std::string message = "Điểm đánh giá phải từ 1 đến 5.";
        throw org::ServiceError(Kind::kInvalid, message, {{"score", message}});
    }
    if (IsLikelyBot(user_agent)) {
        throw org::ServiceError(Kind::kForbidden, "Không nhận đánh giá từ chương trình tự động.");
    }
    if (reader_token.empty() || reader_token.size() > kMaxReaderToken) {
        throw org::ServiceError(Kind::kInvalid, "Không nhận ra người đọc, xin bật cookie rồi thử lại.");
    }
    const std::int64_t now = clock_();
    const std::int64_t today = LocalDay(now);
    std::string reader_key;
    std::string salt;
    {
        std::lock_guard lock(salts_mutex_);
        reader_key = reader_key_;
        if (auto found = salts_.find(today); found != salts_.end()) {
            salt = found->second;
        }
    }
    const bool known_key = !reader_key.empty();
    const bool known_salt = !salt.empty();

    RatingSummary summary;
    database_.Write([&](db::Connection& c) {
        auto item = c.Query("SELECT status FROM items WHERE id = $1", {item_id});
        if (item.Empty() || item.Text(0, 0) != "published") {
            throw org::ServiceError(Kind::kNotFound, "Không tìm thấy bài viết.");
        }
        if (!known_key) {
            reader_key = SaltOf(c, kReaderKeyDay);
        }
        if (!known_salt) {
            salt = SaltOf(c, DayCode(today));
        }
        const std::string reader_hash = security::HmacSha256Hex(reader_key, reader_token);
        const std::string address_hash = AddressHash(salt, address);

        // The reader's own row does not count against them: changing a vote adds no rating.
        auto recent = c.Query(
            "SELECT COUNT(*) FROM ratings WHERE address_hash = $1 AND updated_at > $2 "
            "AND NOT (item_id = $3 AND reader_hash = $4)",
            {address_hash, now - kHourMs, item_id, reader_hash});
        if (recent.Int(0, 0) >= kMaxRatingsPerHour) {
            throw org::ServiceError(Kind::kThrottled, std::string(kThrottled));
        }
        auto existing =
            c.Query("SELECT 1 FROM ratings WHERE item_id = $1 AND reader_hash = $2", {item_id, reader_hash});
        if (existing.Empty()) {
            // Today's salt makes address_hash today's; created_at keeps out readers who only re-voted today.
            auto readers =
                c.Query("SELECT COUNT(*) FROM ratings WHERE item_id = $1 AND address_hash = $2 AND created_at >= $3",
                        {item_id, address_hash, DayStartMs(today)});
            if (readers.Int(0, 0) >= kMaxNewReadersPerItemDay) {
                throw org::ServiceError(Kind::kThrottled, std::string(kThrottled));
            }
        }
        c.Query(
            "INSERT INTO ratings (item_id, reader_hash, score, address_hash, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, $5, $5) "
            "ON CONFLICT (item_id, reader_hash) DO UPDATE SET score = excluded.score, "
            "address_hash = excluded.address_hash, updated_at = excluded.updated_at",
            {item_id, reader_hash, static_cast<std::int64_t>(score), address_hash, now});
        summary = Ratings(c, item_id);
    });
    std::lock_guard lock(salts_mutex_);
    reader_key_ = reader_key;
    salts_.try_emplace(today, salt);
    return summary;
}

RatingSummary Audience::Ratings(db::Connection& c, std::int64_t item_id) const {
    auto rows = c.Query("SELECT COALESCE(SUM(score), 0), COUNT(*) FROM ratings WHERE item_id = $1", {item_id});
    return RatingSummary{rows.Int(0, 0), rows.Int(0, 1)};
}

}  // namespace tuyenvan::portal
