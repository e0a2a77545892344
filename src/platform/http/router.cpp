#include "platform/http/router.hpp"

#include <boost/beast/http/verb.hpp>

namespace tuyenvan::http {

namespace beast_http = boost::beast::http;

std::vector<std::string_view> SplitPath(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) {
            slash = path.size();
        }
        if (slash > start) {
            parts.push_back(path.substr(start, slash - start));
        }
        start = slash + 1;
    }
    return parts;
}

Route& Router::Add(beast_http::verb method, std::string pattern, Mode mode, Handler handler) {
    Compiled compiled;
    for (auto part : SplitPath(pattern)) {
        if (part.starts_with("{*")) {
            compiled.wildcard = true;
        }
        compiled.segments.emplace_back(part);
    }
    if (compiled.wildcard) {
        wildcards_.push_back(routes_.size());
    } else {
        if (by_size_.size() <= compiled.segments.size()) {
            by_size_.resize(compiled.segments.size() + 1);
        }
        by_size_[compiled.segments.size()].push_back(routes_.size());
    }
    compiled_.push_back(std::move(compiled));
    routes_.push_back(Route{method, std::move(pattern), mode, std::move(handler), 1 << 20, {}, {}});
    return routes_.back();
}

bool Router::MatchOne(const Compiled& compiled, const std::vector<std::string_view>& parts,
                      std::vector<std::pair<std::string, std::string>>& params, int& literals) const {
    params.clear();
    if (!Matches(compiled, parts, literals)) {
        return false;
    }
    const auto& segments = compiled.segments;
    std::size_t fixed = compiled.wildcard ? segments.size() - 1 : segments.size();
    for (std::size_t i = 0; i < fixed; ++i) {
        const std::string& segment = segments[i];
        if (segment.size() >= 2 && segment.front() == '{' && segment.back() == '}') {
            params.emplace_back(segment.substr(1, segment.size() - 2), std::string(parts[i]));
        }
    }
    if (compiled.wildcard) {
        std::string rest;
        for (std::size_t i = fixed; i < parts.size(); ++i) {
            if (!rest.empty()) {
                rest += '/';
            }
            rest.append(parts[i]);
        }
        const std::string& segment = segments.back();
        params.emplace_back(segment.substr(2, segment.size() - 3), std::move(rest));
    }
    return true;
}

bool Router::Matches(const Compiled& compiled, const std::vector<std::string_view>& parts, int& literals) {
    literals = 0;
    const auto& segments = compiled.segments;
    std::size_t fixed = compiled.wildcard ? segments.size() - 1 : segments.size();
    if (compiled.wildcard ? parts.size() < fixed + 1 : parts.size() != fixed) {
        return false;
    }
    for (std::size_t i = 0; i < fixed; ++i) {
        const std::string& segment = segments[i];
        if (segment.size() >= 2 && segment.front() == '{' && segment.back() == '}') {
            continue;
        }
        if (segment != parts[i]) {
            return false;
        }
        ++literals;
    }
    return true;
}

Match Router::Find(beast_http::verb method, std::string_view path) const {
    Match best;
    auto parts = SplitPath(path);
    int best_score = -1;
    std::size_t best_index = 0;
    // Matching allocates nothing; the parameters of the winner alone are copied out at the end.
    static const std::vector<std::size_t> kNone;
    const auto& sized = parts.size() < by_size_.size() ? by_size_[parts.size()] : kNone;
    // Registration order is kept: the sized routes and the wildcards are merged by index.
    std::size_t a = 0;
    std::size_t b = 0;
    while (a < sized.size() || b < wildcards_.size()) {
        std::size_t i = 0;
        if (b >= wildcards_.size() || (a < sized.size() && sized[a] < wildcards_[b])) {
            i = sized[a++];
        } else {
            i = wildcards_[b++];
        }
        int literals = 0;
        if (!Matches(compiled_[i], parts, literals)) {
            continue;
        }
        const Route& route = routes_[i];
        best.path_exists = true;
        std::string_view name = beast_http::to_string(route.method);
        if (best.allow.find(name) == std::string::npos) {
            if (!best.allow.empty()) {
                best.allow += ", ";
            }
            best.allow += name;
            if (route.method == beast_http::verb::get) {
                best.allow += ", HEAD";
            }
        }
        bool method_ok = route.method == method || (method == beast_http::verb::head && route.method == beast_http::verb::get);
        // Exact paths win over parameters, parameters over a wildcard.
        int score = literals * 2 + (compiled_[i].wildcard ? 0 : 1);
        if (method_ok && score > best_score) {
            best_score = score;
            best.route = &route;
            best_index = i;
        }
    }
    if (best.route != nullptr) {
        int literals = 0;
        MatchOne(compiled_[best_index], parts, best.params, literals);
    }
    return best;
}

}  // namespace tuyenvan::http
