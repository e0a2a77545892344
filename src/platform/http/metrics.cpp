#include "platform/http/metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace tuyenvan::http {
namespace {

std::string Escape(const std::string& label) {
    std::string out;
    for (char c : label) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

}  // namespace

Metrics::RouteStats& Metrics::StatsOf(std::string_view route) {
    {
        std::shared_lock lock(mutex_);
        auto found = routes_.find(route);
        if (found != routes_.end()) {
            return *found->second;
        }
    }
    std::unique_lock lock(mutex_);
    auto& slot = routes_[std::string(route)];
    if (!slot) {
        slot = std::make_unique<RouteStats>();
    }
    return *slot;
}

void Metrics::Record(std::string_view route, unsigned status, double seconds) {
    RouteStats& stats = StatsOf(route);
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            stats.buckets[i].fetch_add(1, std::memory_order_relaxed);
        }
    }
    stats.count.fetch_add(1, std::memory_order_relaxed);
    stats.sum_ns.fetch_add(static_cast<std::uint64_t>(seconds * 1e9), std::memory_order_relaxed);
    for (std::size_t i = 0; i < kStatusSlots; ++i) {
        unsigned seen = stats.statuses[i].load(std::memory_order_acquire);
        if (seen == 0) {
            unsigned expected = 0;
            if (stats.statuses[i].compare_exchange_strong(expected, status) || expected == status) {
                stats.counts[i].fetch_add(1, std::memory_order_relaxed);
                return;
            }
            seen = expected;
        }
        if (seen == status) {
            stats.counts[i].fetch_add(1, std::memory_order_relaxed);
            return;
        }
    }
    stats.other_statuses.fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::Render(const std::function<void(std::string&)>& extra) const {
    std::string out;
    out.reserve(8192);
    out += "# HELP tuyenvan_http_requests_total Requests by route and status.\n";
    out += "# TYPE tuyenvan_http_requests_total counter\n";
    std::shared_lock lock(mutex_);
    for (const auto& [route, stats] : routes_) {
        std::string label = Escape(route);
        std::vector<std::pair<unsigned, std::uint64_t>> statuses;
        for (std::size_t i = 0; i < kStatusSlots; ++i) {
            unsigned status = stats->statuses[i].load();
            if (status != 0) {
                statuses.emplace_back(status, stats->counts[i].load());
            }
        }
        std::sort(statuses.begin(), statuses.end());
        for (const auto& [status, count] : statuses) {
            out += fmt::format("tuyenvan_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", label, status, count);
        }
        if (auto other = stats->other_statuses.load(); other > 0) {
            out += fmt::format("tuyenvan_http_requests_total{{route=\"{}\",status=\"other\"}} {}\n", label, other);
        }
    }
    out += "# HELP tuyenvan_http_request_duration_seconds Request latency by route.\n";
    out += "# TYPE tuyenvan_http_request_duration_seconds histogram\n";
    for (const auto& [route, stats] : routes_) {
        std::string label = Escape(route);
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            out += fmt::format("tuyenvan_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label,
                               kBuckets[i], stats->buckets[i].load());
        }
        auto count = stats->count.load();
        out += fmt::format("tuyenvan_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label,
                           count);
        out += fmt::format("tuyenvan_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label,
                           static_cast<double>(stats->sum_ns.load()) / 1e9);
        out += fmt::format("tuyenvan_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label, count);
    }
    out += "# HELP tuyenvan_http_connections Open client connections.\n";
    out += "# TYPE tuyenvan_http_connections gauge\n";
    out += fmt::format("tuyenvan_http_connections {}\n", connections_.load());
    if (extra) {
        extra(out);
    }
    return out;
}

}  // namespace tuyenvan::http
