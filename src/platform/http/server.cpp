#include "platform/http/server.hpp"

#include <array>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message_generator.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <ctime>
#include <limits>
#include <thread>

#include "platform/http/form.hpp"

namespace tuyenvan::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

namespace {

constexpr auto kAsTuple = net::as_tuple(net::use_awaitable);

// Headers that every response carries. Scripts and styles come only from our own origin.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

// The Date header changes once a second; format it once a second per thread.
std::string_view CachedDate() {
    thread_local std::time_t last = 0;
    thread_local char buffer[64];
    thread_local std::size_t length = 0;
    std::time_t now = std::time(nullptr);
    if (now != last) {
        last = now;
        std::tm tm{};
        gmtime_r(&now, &tm);
        length = std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    }
    return {buffer, length};
}

template <typename F>
net::awaitable<Response> RunBlocking(net::thread_pool& pool, F fn) {
    auto task = [fn = std::move(fn)]() mutable -> net::awaitable<Response> { co_return fn(); };
    co_return co_await net::co_spawn(pool, std::move(task), net::use_awaitable);
}

std::string ForwardedFor(std::string_view header) {
    auto comma = header.find(',');
    std::string_view first = header.substr(0, comma);
    while (!first.empty() && first.front() == ' ') first.remove_prefix(1);
    while (!first.empty() && first.back() == ' ') first.remove_suffix(1);
    return std::string(first);
}

}  // namespace

struct Server::Connection {
    beast::tcp_stream* stream = nullptr;
    bool idle = true;
};

Server::Server(ServerOptions options, const Router& router, Metrics& metrics, ErrorRenderer error_renderer,
               std::shared_ptr<spdlog::logger> access_log)
    : options_(std::move(options)),
      router_(router),
      metrics_(metrics),
      error_renderer_(std::move(error_renderer)),
      access_log_(std::move(access_log)),
      blocking_pool_(static_cast<std::size_t>(std::max(1, options_.blocking_threads))) {
    int threads = options_.io_threads > 0 ? options_.io_threads
                                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 0; i < threads; ++i) {
        contexts_.push_back(std::make_unique<net::io_context>(1));
    }
}

Server::~Server() {
    StopContexts();
    blocking_pool_.join();
}

unsigned short Server::Listen() {
    auto address = net::ip::make_address(options_.host);
    tcp::endpoint endpoint(address, options_.port);
    acceptor_ = std::make_unique<tcp::acceptor>(*contexts_[0]);
    acceptor_->open(endpoint.protocol());
    acceptor_->set_option(net::socket_base::reuse_address(true));
    acceptor_->bind(endpoint);
    acceptor_->listen(net::socket_base::max_listen_connections);
    signals_ = std::make_unique<net::signal_set>(*contexts_[0], SIGINT, SIGTERM);
    return acceptor_->local_endpoint().port();
}

void Server::Run() {
    if (!signals_) {
        signals_ = std::make_unique<net::signal_set>(*contexts_[0], SIGINT, SIGTERM);
    }
    signals_->async_wait([this](const boost::system::error_code& ec, int) {
        if (!ec) {
            BeginDrain();
        }
    });
    net::co_spawn(*contexts_[0], AcceptLoop(), net::detached);
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < contexts_.size(); ++i) {
        threads.emplace_back([this, i] {
            auto guard = net::make_work_guard(*contexts_[i]);
            contexts_[i]->run();
        });
    }
    {
        auto guard = net::make_work_guard(*contexts_[0]);
        contexts_[0]->run();
    }
    for (auto& thread : threads) {
        thread.join();
    }
}

void Server::Stop() {
    net::post(*contexts_[0], [this] { BeginDrain(); });
}

void Server::BeginDrain() {
    if (draining_.exchange(true)) {
        return;
    }
    boost::system::error_code ignored;
    if (acceptor_) {
        acceptor_->close(ignored);
    }
    {
        // Idle keep-alive connections are closed now; busy ones finish their request first.
        std::lock_guard lock(connections_mutex_);
        for (auto& [id, connection] : connections_) {
            if (connection->idle) {
                auto executor = connection->stream->get_executor();
                net::post(executor, [this, id = id] {
                    std::lock_guard inner(connections_mutex_);
                    auto found = connections_.find(id);
                    if (found != connections_.end() && found->second->idle) {
                        found->second->stream->cancel();
                    }
                });
            }
        }
    }
    if (active_ == 0) {
        StopContexts();
        return;
    }
    auto timer = std::make_shared<net::steady_timer>(*contexts_[0], options_.drain_timeout);
    timer->async_wait([this, timer](const boost::system::error_code&) { StopContexts(); });
}

void Server::StopContexts() {
    if (stopped_.exchange(true)) {
        return;
    }
    for (auto& context : contexts_) {
        context->stop();
    }
}

void Server::ConnectionFinished(std::uint64_t id) {
    {
        std::lock_guard lock(connections_mutex_);
        connections_.erase(id);
    }
    metrics_.ConnectionClosed();
    if (--active_ == 0 && draining_) {
        StopContexts();
    }
}

net::awaitable<void> Server::AcceptLoop() {
    std::size_t next = 0;
    for (;;) {
        net::io_context& target = *contexts_[next++ % contexts_.size()];
        auto [ec, socket] = co_await acceptor_->async_accept(target, kAsTuple);
        if (ec) {
            if (ec == net::error::operation_aborted || draining_) {
                co_return;
            }
            continue;  // EMFILE and friends: keep serving the connections we have.
        }
        std::uint64_t id = next_id_++;
        ++active_;
        metrics_.ConnectionOpened();
        net::co_spawn(target, Serve(std::move(socket), id), net::detached);
    }
}

void Server::Finished(const Request& request, unsigned status, std::size_t bytes,
                      std::chrono::steady_clock::time_point started) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    metrics_.Record(request.route, status, seconds);
    if (access_log_) {
        access_log_->info("method={} path=\"{}\" route=\"{}\" status={} bytes={} ms={:.3f} addr={}",
                          std::string_view(bhttp::to_string(request.method)), request.path, request.route, status,
                          bytes, seconds * 1000, request.remote_address);
    }
}

Response Server::RenderError(const Request& request, const HttpError& error) const {
    try {
        return error_renderer_(request, error);
    } catch (const std::exception&) {
        return Response::Text(std::string(error.what()), error.Status());
    }
}

net::awaitable<Response> Server::Dispatch(Request& request, const Match& match) {
    if (match.route == nullptr) {
        if (match.path_exists) {
            HttpError error(405, "method_not_allowed", "Phương thức không được hỗ trợ cho địa chỉ này.");
            Response response = RenderError(request, error);
            response.headers.emplace_back("Allow", match.allow);
            co_return response;
        }
        co_return RenderError(request, HttpError(404, "not_found", "Không tìm thấy trang yêu cầu."));
    }
    const Route* route = match.route;
    auto guarded = [this, route, &request]() -> Response {
        try {
            return route->handler(request);
        } catch (const HttpError& error) {
            return RenderError(request, error);
        } catch (const std::exception& error) {
            if (access_log_) {
                access_log_->error("event=handler_failure route=\"{}\" error=\"{}\"", request.route, error.what());
            }
            return RenderError(request,
                               HttpError(500, "internal", "Hệ thống gặp lỗi khi xử lý yêu cầu. Xin thử lại sau."));
        }
    };
    if (route->mode == Mode::kInline) {
        co_return guarded();
    }

    co_return co_await RunBlocking(blocking_pool_, guarded);
}

net::awaitable<void> Server::Serve(tcp::socket socket, std::uint64_t id) {
    beast::tcp_stream stream(std::move(socket));
    Connection connection{&stream, true};
    {
        std::lock_guard lock(connections_mutex_);
        connections_.emplace(id, &connection);
    }
    std::string peer;
    {
        boost::system::error_code ec;
        auto endpoint = stream.socket().remote_endpoint(ec);
        peer = ec ? "" : endpoint.address().to_string();
    }
    beast::flat_buffer buffer;
    std::string header_buffer;
    header_buffer.reserve(1024);
    for (;;) {
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(options_.header_limit));
        // The real limit depends on the route, known only after the header: set it then.
        parser.body_limit(std::numeric_limits<std::uint64_t>::max());
        stream.expires_after(options_.idle_timeout);
        {
            std::lock_guard lock(connections_mutex_);
            connection.idle = true;
        }
        if (draining_) {
            break;
        }
        auto [header_ec, header_bytes] = co_await bhttp::async_read_header(stream, buffer, parser, kAsTuple);
        {
            std::lock_guard lock(connections_mutex_);
            connection.idle = false;
        }
        auto started = std::chrono::steady_clock::now();
        unsigned early_status = 0;
        if (header_ec == bhttp::error::header_limit) {
            early_status = 431;
        } else if (header_ec) {
            break;  // closed, timed out, cancelled by the drain, or unparseable
        }

        Request request;
        Match match;
        if (early_status == 0) {
            const auto& header = parser.get();
            request.method = header.method();
            request.target = std::string(header.target());
            std::string_view target = request.target;
            std::string_view raw_path = target.substr(0, target.find('?'));
            auto decoded = PercentDecode(raw_path, false);
            if (!decoded || decoded->find('\0') != std::string::npos || !raw_path.starts_with('/')) {
                early_status = 400;
            } else {
                request.path = std::move(*decoded);
                match = router_.Find(request.method, request.path);
                std::size_t limit = match.route ? match.route->body_limit : (1 << 20);
                parser.body_limit(limit);
                auto length = parser.content_length();
                if (length && *length > limit) {
                    early_status = 413;
                } else if (!parser.is_done()) {
                    if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
                        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
                        co_await net::async_write(stream, net::buffer(kContinue.data(), kContinue.size()), kAsTuple);
                    }
                    stream.expires_after(options_.body_timeout);
                    auto [body_ec, body_bytes] = co_await bhttp::async_read(stream, buffer, parser, kAsTuple);
                    if (body_ec == bhttp::error::body_limit) {
                        early_status = 413;
                    } else if (body_ec) {
                        break;
                    }
                }
            }
        }

        bool keep_alive = early_status == 0 && parser.get().keep_alive();
        Response response;
        if (early_status != 0) {
            if (request.path.empty()) {
                request.path = "/";
            }
            request.route = "(invalid)";
            std::string message = early_status == 413   ? "Dữ liệu gửi lên quá lớn."
                                  : early_status == 431 ? "Phần đầu yêu cầu quá lớn."
                                                        : "Yêu cầu không hợp lệ.";
            response = RenderError(request, HttpError(early_status, early_status == 413 ? "payload_too_large"
                                                                    : early_status == 431 ? "headers_too_large"
                                                                                          : "bad_request",
                                                      message));
            keep_alive = false;
        } else {
            auto message = parser.release();
            request.headers = std::move(message.base());
            request.body = std::move(message.body());
            auto query = ParseQuery(request.target);
            request.query = std::move(query.params);
            request.remote_address = peer;
            if (options_.trust_proxy) {
                auto forwarded = request.Header("X-Forwarded-For");
                if (!forwarded.empty()) {
                    request.remote_address = ForwardedFor(forwarded);
                }
                request.secure = request.Header("X-Forwarded-Proto") == "https";
            }
            request.route = match.route ? std::string_view(match.route->pattern)
                                        : (match.path_exists ? std::string_view("(method)") : std::string_view("(unmatched)"));
            for (auto& [name, value] : match.params) {
                request.path_params.emplace(std::move(name), std::move(value));
            }
            // A route's fast handler (a cache) answers here, without a coroutine of its own.
            std::optional<Response> fast;
            if (match.route != nullptr && match.route->fast) {
                try {
                    fast = match.route->fast(request);
                } catch (const HttpError& error) {
                    fast = RenderError(request, error);
                } catch (const std::exception&) {
                    fast.reset();  // the blocking handler will try again and report it
                }
            }
            if (fast) {
                response = std::move(*fast);
            } else {
                response = co_await Dispatch(request, match);
            }
        }
        if (draining_) {
            keep_alive = false;
        }

        bool head = request.method == bhttp::verb::head;
        if (response.shared_body && early_status == 0 && parser.get().version() == 11) {
            // A shared body (a cached page): the header is written by hand next to the body in one
            // gathered write, so the body is neither copied nor walked by the serializer.
            std::size_t body_size = response.shared_body->size();
            std::string& header = header_buffer;
            header.clear();
            header += "HTTP/1.1 ";
            header += std::to_string(response.status);
            header += ' ';
            header += StatusText(response.status);
            header += "\r\nServer: tuyenvan\r\nDate: ";
            header += CachedDate();
            header += "\r\nContent-Type: ";
            header += response.content_type;
            header += "\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: strict-origin-when-cross-origin\r\n"
                      "X-Frame-Options: DENY\r\nContent-Security-Policy: ";
            header += kContentSecurityPolicy;
            if (response.no_store) {
                header += "\r\nCache-Control: no-store";
            }
            for (const auto& [name, value] : response.headers) {
                header += "\r\n";
                header += name;
                header += ": ";
                header += value;
            }
            header += "\r\nContent-Length: ";
            header += std::to_string(body_size);
            if (!keep_alive) {
                header += "\r\nConnection: close";
            }
            header += "\r\n\r\n";
            stream.expires_after(options_.write_timeout);
            std::array<net::const_buffer, 2> buffers{net::buffer(header),
                                                     net::buffer(*response.shared_body, head ? 0 : body_size)};
            auto [write_ec, bytes] = co_await net::async_write(stream, buffers, kAsTuple);
            Finished(request, response.status, head ? 0 : body_size, started);
            if (write_ec || !keep_alive) {
                break;
            }
            continue;
        }
        if (response.shared_body) {
            response.body = *response.shared_body;
        }
        bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), 11};
        out.set(bhttp::field::server, "tuyenvan");
        out.set(bhttp::field::date, CachedDate());
        out.set(bhttp::field::content_type, response.content_type);
        out.set("X-Content-Type-Options", "nosniff");
        out.set("Referrer-Policy", "strict-origin-when-cross-origin");
        out.set("X-Frame-Options", "DENY");
        out.set("Content-Security-Policy", kContentSecurityPolicy);
        if (response.no_store) {
            out.set(bhttp::field::cache_control, "no-store");
        }
        for (auto& [name, value] : response.headers) {
            out.insert(name, value);
        }
        out.keep_alive(keep_alive);
        std::size_t body_size = response.body.size();
        if (head) {
            out.content_length(body_size);
        } else {
            out.body() = std::move(response.body);
            out.prepare_payload();
        }
        stream.expires_after(options_.write_timeout);
        boost::system::error_code write_ec;
        if (head) {
            bhttp::response_serializer<bhttp::string_body> serializer(out);
            auto [ec, bytes] = co_await bhttp::async_write_header(stream, serializer, kAsTuple);
            write_ec = ec;
        } else {
            auto [ec, bytes] = co_await bhttp::async_write(stream, out, kAsTuple);
            write_ec = ec;
        }
        Finished(request, response.status, head ? 0 : body_size, started);
        if (write_ec || !keep_alive) {
            break;
        }
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
    ConnectionFinished(id);
}

}  // namespace tuyenvan::http
