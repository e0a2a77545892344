// A small SMTP server for tests: listens on a loopback port, accepts every message (or refuses
// recipients on request), optionally requires AUTH PLAIN/LOGIN, and keeps what it received.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tuyenvan::mail::testing {

/// One message as the sink received it.
struct Received {
    std::string from;
    std::vector<std::string> to;
    /// The DATA text with dot-stuffing undone, CRLF line ends.
    std::string data;
    /// The user name of AUTH, when the client signed in.
    std::string user;
};

/// How the sink behaves.
struct SinkOptions {
    /// 0: any free port.
    unsigned short port = 0;
    /// When set, MAIL FROM needs AUTH with this user and password first.
    std::string user;
    std::string password;
    /// Recipients at this domain get "550 no such mailbox".
    std::string refuse_domain;
};

/// The sink; starts listening in the constructor and stops in the destructor.
class SmtpSink {
public:
    explicit SmtpSink(SinkOptions options = {});
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    /// The loopback port it listens on.
    unsigned short Port() const { return port_; }
    /// "smtp://127.0.0.1:PORT".
    std::string Url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
    /// Waits until at least `count` messages arrived or `timeout` passed; returns a copy of them.
    std::vector<Received> WaitFor(std::size_t count, std::chrono::milliseconds timeout);
    /// A copy of what arrived so far.
    std::vector<Received> Messages();
    /// Stops listening; idempotent.
    void Stop();

    /// A loopback port that was free a moment ago (for a sink that starts later).
    static unsigned short FreePort();

private:
    void Run();
    void Serve(int client);

    SinkOptions options_;
    int listener_ = -1;
    unsigned short port_ = 0;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<Received> messages_;
    std::thread thread_;
};

}  // namespace tuyenvan::mail::testing
