// Request counters and a latency histogram, printed in Prometheus text format.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace tuyenvan::http {

/// Thread-safe request metrics.
class Metrics {
public:
    /// Counts one finished request.
    void Record(std::string_view route, unsigned status, double seconds);
    /// Counts a connection opened or closed.
    void ConnectionOpened() { ++connections_; }
    void ConnectionClosed() { --connections_; }
    /// Prometheus text, followed by the lines that `extra` appends (pool usage and so on).
    std::string Render(const std::function<void(std::string&)>& extra) const;

private:
    static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  5.0};
    static constexpr std::size_t kStatusSlots = 24;
    // One route's counters: atomics, so recording takes only a shared lock to find them.
    struct RouteStats {
        std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};
        std::atomic<std::uint64_t> count{0};
        std::atomic<std::uint64_t> sum_ns{0};
        // Statuses seen, each claimed once (0 = free), with their counts.
        std::array<std::atomic<unsigned>, kStatusSlots> statuses{};
        std::array<std::atomic<std::uint64_t>, kStatusSlots> counts{};
        std::atomic<std::uint64_t> other_statuses{0};
    };
    RouteStats& StatsOf(std::string_view route);

    mutable std::shared_mutex mutex_;
    std::map<std::string, std::unique_ptr<RouteStats>, std::less<>> routes_;
    std::atomic<std::int64_t> connections_{0};
};

}  // namespace tuyenvan::http
