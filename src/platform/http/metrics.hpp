// Request counters and a latency histogram, printed in Prometheus text format.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace tuyenvan::http {

/// Thread-safe request metrics.
class Metrics {
public:
    /// Counts one finished request.
    void Record(const std::string& route, unsigned status, double seconds);
    /// Counts a connection opened or closed.
    void ConnectionOpened() { ++connections_; }
    void ConnectionClosed() { --connections_; }
    /// Prometheus text, followed by the lines that `extra` appends (pool usage and so on).
    std::string Render(const std::function<void(std::string&)>& extra) const;

private:
    static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  5.0};
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> counts{};
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, unsigned>, std::uint64_t> requests_;
    std::map<std::string, Histogram> latency_;
    std::atomic<std::int64_t> connections_{0};
};

}  // namespace tuyenvan::http
