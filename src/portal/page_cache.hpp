// The page cache of the public sites: rendered, precompressed responses for anonymous readers,
// dropped exactly when something they show changes (on this node at once, on other nodes at their
// next poll), and re-rendered a few seconds after rendering so the counters they show stay current.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/http/message.hpp"

namespace tuyenvan::portal {

/// Change generations of what pages show: "site:3" (anything listed on site 3), "item:42" (one
/// item's own page, for example its rating). Every change stamps its scopes with the next number of a
/// database-wide sequence, in the transaction that makes it; each node reads the scopes stamped after
/// the highest number it has seen. A scope's counter is the number of its last change.
class Generations {
public:
    /// A counter whose value changes whenever its scope changes.
    using Counter = std::atomic<std::uint64_t>;

    explicit Generations(db::Database& database);

    /// Bumps `scope` in the caller's transaction.
    static void Bump(db::Connection& c, const std::string& scope, std::int64_t now_ms);
    /// The counter of a scope; the reference stays valid for the life of this object.
    const Counter& Of(const std::string& scope);
    /// Reads the scopes stamped since the last poll and advances their counters. Call after a local
    /// change commits, and every second or so.
    void Poll();
    /// Polls done so far (for tests and metrics).
    std::uint64_t Polls() const { return polls_.load(); }

private:
    Counter& Slot(const std::string& scope);

    db::Database& database_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::unique_ptr<Counter>> counters_;
    std::mutex poll_mutex_;
    std::int64_t seen_ = -1;
    std::atomic<std::uint64_t> polls_{0};
};

/// One cached response with its encodings and what it depends on.
struct CachedPage {
    unsigned status = 200;
    std::string content_type;
    std::string etag;
    std::string identity;
    /// Compressed on first demand, once each (most readers take only one of them).
    mutable std::string gzip;
    mutable std::string brotli;
    mutable std::once_flag gzip_once;
    mutable std::once_flag brotli_once;
    /// The site and item the page shows, for the view counters on every hit.
    std::int64_t site_id = 0;
    std::optional<std::int64_t> item_id;
    /// Generations read before the page's data was read; a different value now means stale.
    std::vector<std::pair<const Generations::Counter*, std::uint64_t>> depends;
    std::chrono::steady_clock::time_point rendered_at;
    /// Set by the one request that re-renders an aged page while the others are still served it.
    mutable std::atomic<bool> refreshing{false};

    /// True while nothing the page shows has changed.
    bool Current() const;
};

/// Rendered pages by key. Thread-safe; bounded (a shard that grows too big starts over).
class PageCache {
public:
    /// Pages older than `max_age` are re-rendered by one request while the others still get them.
    explicit PageCache(std::chrono::milliseconds max_age = std::chrono::seconds(3), std::size_t max_entries = 50000,
                       std::size_t max_bytes = std::size_t{512} << 20);

    /// The cache key of a request: scheme, host, path and the query parameters in `kept` (sorted).
    static std::string Key(const http::Request& request, const std::vector<std::string_view>& kept);
    /// A fresh page for `key`, or nothing (the caller renders). An aged page is returned to all but
    /// one caller, which gets nothing and re-renders it.
    std::shared_ptr<const CachedPage> Find(const std::string& key) const;
    /// Compresses and stores a rendered page; returns it.
    std::shared_ptr<const CachedPage> Store(const std::string& key, http::Response response, std::int64_t site_id,
                                            std::optional<std::int64_t> item_id,
                                            std::vector<std::pair<const Generations::Counter*, std::uint64_t>> depends);
    /// The response for a request from a cached page: the best encoding it accepts, or 304.
    static http::Response Serve(const http::Request& request, const std::shared_ptr<const CachedPage>& page);
    /// Drops everything.
    void Clear();
    /// Hits and misses so far.
    std::uint64_t Hits() const { return hits_.load(std::memory_order_relaxed); }
    std::uint64_t Misses() const { return misses_.load(std::memory_order_relaxed); }

private:
    struct Shard {
        mutable std::mutex mutex;
        std::unordered_map<std::string, std::shared_ptr<const CachedPage>> pages;
        std::size_t bytes = 0;
    };
    static constexpr std::size_t kShards = 16;
    Shard& ShardOf(const std::string& key) const;

    std::chrono::milliseconds max_age_;
    std::size_t max_entries_per_shard_;
    std::size_t max_bytes_per_shard_;
    mutable std::array<Shard, kShards> shards_;
    mutable std::atomic<std::uint64_t> hits_{0};
    mutable std::atomic<std::uint64_t> misses_{0};
};

}  // namespace tuyenvan::portal
