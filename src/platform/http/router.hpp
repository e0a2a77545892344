// Routes by method and path pattern: literal segments, {name} parameters and a trailing {*rest}.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http/message.hpp"

namespace tuyenvan::http {

/// Where a handler runs: inline on the I/O thread (no blocking work) or on the blocking pool.
enum class Mode { kInline, kBlocking };

/// A request handler.
using Handler = std::function<Response(Request&)>;
/// A handler that answers on the I/O thread when it can (for example from a cache) and returns
/// nothing when the request must go to the route's blocking handler.
using FastHandler = std::function<std::optional<Response>(Request&)>;

/// One registered route.
struct Route {
    boost::beast::http::verb method;
    std::string pattern;
    Mode mode = Mode::kBlocking;
    Handler handler;
    /// Largest accepted request body for this route.
    std::size_t body_limit = 1 << 20;
    /// A short summary for the OpenAPI document (API routes only).
    std::string summary;
    /// Tried first, inline, before a blocking handler (never blocks).
    FastHandler fast;
};

/// The outcome of matching a request.
struct Match {
    const Route* route = nullptr;
    /// True when the path exists under another method (→ 405).
    bool path_exists = false;
    /// Methods allowed for the path, for the Allow header.
    std::string allow;
    std::vector<std::pair<std::string, std::string>> params;
};

/// Segment router; registration happens at start-up, matching is read-only and thread-safe.
class Router {
public:
    /// Registers a route; returns it so options can be set.
    Route& Add(boost::beast::http::verb method, std::string pattern, Mode mode, Handler handler);
    /// Finds the route for a method and decoded path. HEAD falls back to GET.
    Match Find(boost::beast::http::verb method, std::string_view path) const;
    /// Wraps the handler of every route registered so far (for example to translate a room's errors).
    void WrapAll(const std::function<Handler(Handler)>& wrapper) {
        for (auto& route : routes_) {
            route.handler = wrapper(std::move(route.handler));
        }
    }
    /// Every route, in registration order.
    const std::vector<Route>& Routes() const { return routes_; }

private:
    struct Compiled {
        std::vector<std::string> segments;
        bool wildcard = false;
    };
    bool MatchOne(const Compiled& compiled, const std::vector<std::string_view>& parts,
                  std::vector<std::pair<std::string, std::string>>& params, int& literals) const;
    static bool Matches(const Compiled& compiled, const std::vector<std::string_view>& parts, int& literals);
    std::vector<Route> routes_;
    std::vector<Compiled> compiled_;
    // Route indexes by their number of segments (wildcard routes apart), so a lookup tries only
    // the routes that can match.
    std::vector<std::vector<std::size_t>> by_size_;
    std::vector<std::size_t> wildcards_;
};

/// Splits a path into its segments ("/a/b/" → ["a", "b"]).
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace tuyenvan::http
