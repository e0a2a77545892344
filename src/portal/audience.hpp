// Readers of the public sites: page views and daily visitors counted in memory on the I/O threads and
// written in batches, the footer figures read back from the database, and one rating per reader and item.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "platform/db/database.hpp"

namespace tuyenvan::portal {

/// A site's visitor figures as the footer shows them ("Hôm nay / Tháng MM / Năm YYYY / Đang trực tuyến").
struct SiteFigures {
    std::int64_t today = 0;   ///< distinct visitors today (a day in Asia/Ho_Chi_Minh)
    std::int64_t month = 0;   ///< the daily visitors of this calendar month, summed
    std::int64_t year = 0;    ///< the daily visitors of this calendar year, summed
    std::int64_t online = 0;  ///< distinct visitors of the last 5 minutes, summed over the nodes
    bool operator==(const SiteFigures&) const = default;
};

/// The ratings of an item; the average score is sum / count.
struct RatingSummary {
    std::int64_t sum = 0;
    std::int64_t count = 0;
    bool operator==(const RatingSummary&) const = default;
};

/// Counts views, visitors and readers online for every site, and takes ratings.
///
/// RecordView runs on the I/O threads for every page view, cache hits included: it touches no database
/// and, once a visitor and an item have been seen, allocates nothing; it locks the shard of the visitor, then
/// that of the item, out of many.
/// A background thread (Start) writes what was counted every interval in one transaction and reads the
/// figures back, so the figures shown lag by at most one interval. A clean Stop writes everything; a crash
/// loses at most one interval. Nodes sharing one PostgreSQL database add up.
///
/// A visitor is the HMAC of address and user agent under a random salt of the day (table visitor_salts,
/// shared by the nodes, older salts deleted), so two days cannot be linked and no address is stored. Until
/// a flush hashes it, a new visitor's address is held in memory only. Days are local dates in
/// Asia/Ho_Chi_Minh (UTC+7, no DST) stored as yyyymmdd integers (20260310) in the `day` columns.
class Audience {
public:
    /// Rating writes one address may make in an hour, over all items.
    static constexpr std::int64_t kMaxRatingsPerHour = 20;
    /// New readers one address may add to one item in a day (so clearing cookies cannot stuff an item).
    static constexpr std::int64_t kMaxNewReadersPerItemDay = 3;
    /// A reader counts as online this long after their last view.
    static constexpr std::int64_t kOnlineWindowMs = 5LL * 60 * 1000;
    /// The visitor_salts row holding the server-side key of reader hashes (never a real day, never deleted).
    static constexpr std::int64_t kReaderKeyDay = 0;

    /// `clock_ms` gives UTC epoch milliseconds; `node_id` names this server in site_online (unique per node).
    Audience(db::Database& database, std::function<std::int64_t()> clock_ms, std::string node_id);
    /// Stops the background thread and writes what is pending; a failure of that last write is swallowed.
    ~Audience();
    Audience(const Audience&) = delete;
    Audience& operator=(const Audience&) = delete;

    /// True for user agents that are not people reading: empty, or naming a crawler or an HTTP library.
    /// Headless browsers and in-app browsers (Zalo, Facebook's) count as readers.
    static bool IsLikelyBot(std::string_view user_agent);
    /// The local date (Asia/Ho_Chi_Minh) of an instant as yyyymmdd, the form of the `day` columns.
    static std::int64_t DayOf(std::int64_t epoch_ms);

    /// Counts one page view of a site (and of an item shown on it); ignores bots. Throws only std::bad_alloc.
    void RecordView(std::int64_t site_id, std::optional<std::int64_t> item_id, std::string_view address,
                    std::string_view user_agent);

    /// Starts the background thread: it writes and refreshes at once, then every `interval`.
    void Start(std::chrono::milliseconds interval = std::chrono::seconds(2));
    /// Stops the background thread and writes what is pending; throws db::Error when that write fails
    /// (the counts then stay in memory). Call on clean shutdown, before the database closes.
    void Stop();
    /// Writes everything pending in one transaction, then refreshes the figures. When the write fails the
    /// counts stay pending (nothing lost, nothing counted twice) and the db::Error is thrown; so is one of
    /// the refresh, after a write that succeeded.
    void Flush();

    /// The figures of a site from the last refresh (no database access); zeros for an unknown site.
    SiteFigures Figures(std::int64_t site_id) const;
    /// Increases whenever a refresh changed any site's figures, so cached pages showing them can be dropped.
    std::int64_t FiguresGeneration() const { return figures_generation_.load(); }
    /// Stored views of an item on a site plus the views this node has not written yet.
    std::int64_t ItemViews(db::Connection& c, std::int64_t site_id, std::int64_t item_id) const;
    /// Flushes that failed so far (background and explicit), for metrics.
    std::int64_t FailedFlushes() const { return failed_flushes_.load(); }

    /// Records a reader's score (1..5) of a published item and returns the item's new summary. A reader
    /// (`reader_token`, the random cookie value the web layer issues) has one rating per item: voting again
    /// changes it. Throws org::ServiceError: kInvalid (score out of range, no token), kForbidden (bots),
    /// kNotFound (no such published item), kThrottled (too many votes from one address).
    RatingSummary Rate(std::int64_t item_id, std::string_view reader_token, std::string_view address,
                       std::string_view user_agent, int score);
    /// The ratings of an item.
    RatingSummary Ratings(db::Connection& c, std::int64_t item_id) const;

private:
    struct Shard;
    struct Batch;

    // The shard holding the view counter of an item on a site.
    Shard& ItemShard(std::int64_t site_id, std::int64_t item_id) const;
    void Run();
    // Moves the shards' counts into unsaved_ and counts each site's visitors of the last 5 minutes.
    void Collect(std::int64_t now, std::int64_t today, std::map<std::int64_t, std::int64_t>& online);
    // The salts of `days` (day numbers), read or created in their own transaction and cached.
    std::map<std::int64_t, std::string> Salts(const std::set<std::int64_t>& days);
    void Refresh(std::int64_t now, std::int64_t today);

    db::Database& database_;
    std::function<std::int64_t()> clock_;
    std::string node_id_;
    // Keys the in-memory visitor hash, so user agents cannot be chosen to collide.
    std::array<unsigned char, 16> key_{};
    std::unique_ptr<Shard[]> shards_;

    // Counts taken from the shards but not yet committed; written by the flush under unsaved_mutex_.
    mutable std::mutex unsaved_mutex_;
    std::unique_ptr<Batch> unsaved_;

    std::mutex flush_mutex_;  // one flush at a time; guards online_sites_ and cleaned_day_
    std::set<std::int64_t> online_sites_;
    std::int64_t cleaned_day_ = -1;

    mutable std::mutex salts_mutex_;
    std::map<std::int64_t, std::string> salts_;  // day number → salt
    std::string reader_key_;

    mutable std::mutex figures_mutex_;
    std::unordered_map<std::int64_t, SiteFigures> figures_;
    std::atomic<std::int64_t> figures_generation_{0};
    std::atomic<std::int64_t> failed_flushes_{0};
    std::atomic<std::int64_t> interval_ms_{2000};  // online rows older than 3 intervals are not counted

    std::mutex run_mutex_;
    std::condition_variable run_wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace tuyenvan::portal
