// The HTTP/1.1 server: Boost.Beast on Asio coroutines, one io_context thread per core, blocking
// handlers on their own thread pool, limits and timeouts per connection, and a bounded drain.
#pragma once

#include <spdlog/logger.h>

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/http/metrics.hpp"
#include "platform/http/router.hpp"

namespace tuyenvan::http {

/// Settings of the listening server.
struct ServerOptions {
    std::string host = "127.0.0.1";
    unsigned short port = 8080;
    int io_threads = 0;        ///< 0: one per core
    int blocking_threads = 8;  ///< threads that run database-bound handlers
    std::size_t header_limit = 16 * 1024;
    std::chrono::milliseconds idle_timeout{15000};   ///< keep-alive idle and header read
    std::chrono::milliseconds body_timeout{30000};   ///< whole body read
    std::chrono::milliseconds write_timeout{30000};  ///< whole response write
    std::chrono::milliseconds drain_timeout{10000};  ///< bound on finishing in-flight requests
    bool trust_proxy = false;                        ///< honour X-Forwarded-For/-Proto
};

/// Turns an error into a response (HTML for people, JSON under /api/).
using ErrorRenderer = std::function<Response(const Request&, const HttpError&)>;

/// The server; construct, Listen(), then Run() until SIGTERM/SIGINT or Stop().
class Server {
public:
    Server(ServerOptions options, const Router& router, Metrics& metrics, ErrorRenderer error_renderer,
           std::shared_ptr<spdlog::logger> access_log);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds the listening socket; returns the bound port (useful with port 0).
    unsigned short Listen();
    /// Serves until a signal or Stop(), then drains and returns.
    void Run();
    /// Starts the drain from any thread.
    void Stop();
    /// The pool that runs blocking handlers (also for background work).
    boost::asio::thread_pool& BlockingPool() { return blocking_pool_; }
    /// Open connections.
    std::int64_t ActiveConnections() const { return active_; }

private:
    struct Connection;
    boost::asio::awaitable<void> AcceptLoop();
    boost::asio::awaitable<void> Serve(boost::asio::ip::tcp::socket socket, std::uint64_t id);
    boost::asio::awaitable<Response> Dispatch(Request& request, const Match& match);
    Response RenderError(const Request& request, const HttpError& error) const;
    /// Records a written response in the metrics and the access log.
    void Finished(const Request& request, unsigned status, std::size_t bytes, std::chrono::steady_clock::time_point started);
    void BeginDrain();
    void ConnectionFinished(std::uint64_t id);
    void StopContexts();

    ServerOptions options_;
    const Router& router_;
    Metrics& metrics_;
    ErrorRenderer error_renderer_;
    std::shared_ptr<spdlog::logger> access_log_;
    std::vector<std::unique_ptr<boost::asio::io_context>> contexts_;
    boost::asio::thread_pool blocking_pool_;
    std::unique_ptr<boost::asio::ip::tcp::acceptor> acceptor_;
    /// Installed in Listen(), so that a signal sent as soon as the address is known is not lost.
    std::unique_ptr<boost::asio::signal_set> signals_;
    std::atomic<bool> draining_{false};
    std::atomic<bool> stopped_{false};
    std::atomic<std::int64_t> active_{0};
    std::atomic<std::uint64_t> next_id_{1};
    std::mutex connections_mutex_;
    std::unordered_map<std::uint64_t, Connection*> connections_;
};

}  // namespace tuyenvan::http
