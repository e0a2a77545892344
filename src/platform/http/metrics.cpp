#include "platform/http/metrics.hpp"

#include <fmt/format.h>

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

void Metrics::Record(const std::string& route, unsigned status, double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    Histogram& histogram = latency_[route];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++histogram.counts[i];
        }
    }
    ++histogram.count;
    histogram.sum += seconds;
}

std::string Metrics::Render(const std::function<void(std::string&)>& extra) const {
    std::string out;
    out.reserve(8192);
    out += "# HELP tuyenvan_http_requests_total Requests by route and status.\n";
    out += "# TYPE tuyenvan_http_requests_total counter\n";
    std::lock_guard lock(mutex_);
    for (const auto& [key, count] : requests_) {
        out += fmt::format("tuyenvan_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", Escape(key.first),
                           key.second, count);
    }
    out += "# HELP tuyenvan_http_request_duration_seconds Request latency by route.\n";
    out += "# TYPE tuyenvan_http_request_duration_seconds histogram\n";
    for (const auto& [route, histogram] : latency_) {
        std::string label = Escape(route);
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            out += fmt::format("tuyenvan_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label,
                               kBuckets[i], histogram.counts[i]);
        }
        out += fmt::format("tuyenvan_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label,
                           histogram.count);
        out += fmt::format("tuyenvan_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label, histogram.sum);
        out += fmt::format("tuyenvan_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label,
                           histogram.count);
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
