#include "platform/mail/test_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "platform/mail/message.hpp"

namespace tuyenvan::mail::testing {
namespace {

class Lines {
public:
    explicit Lines(int fd) : fd_(fd) {}
    // One line without its CRLF; false when the peer closed or went silent for 10 s.
    bool Read(std::string& line) {
        for (;;) {
            auto end = buffer_.find("\r\n");
            if (end != std::string::npos) {
                line = buffer_.substr(0, end);
                buffer_.erase(0, end + 2);
                return true;
            }
            pollfd p{fd_, POLLIN, 0};
            if (poll(&p, 1, 10000) <= 0) {
                return false;
            }
            char chunk[4096];
            ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
            if (n <= 0) {
                return false;
            }
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }
    void Write(const std::string& text) {
        std::string out = text + "\r\n";
        std::size_t sent = 0;
        while (sent < out.size()) {
            ssize_t n = send(fd_, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) {
                return;
            }
            sent += static_cast<std::size_t>(n);
        }
    }

private:
    int fd_;
    std::string buffer_;
};

std::string Upper(std::string text) {
    for (char& c : text) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return text;
}

std::string AngleAddress(const std::string& line) {
    auto open = line.find('<');
    auto close = line.find('>', open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) {
        return {};
    }
    return line.substr(open + 1, close - open - 1);
}

}  // namespace

SmtpSink::SmtpSink(SinkOptions options) : options_(std::move(options)) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(options_.port);
    if (bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(listener_, 16) != 0) {
        close(listener_);
        throw std::runtime_error("test SMTP sink cannot listen on port " + std::to_string(options_.port));
    }
    socklen_t length = sizeof address;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { Run(); });
}

SmtpSink::~SmtpSink() { Stop(); }

void SmtpSink::Stop() {
    stopping_ = true;
    if (thread_.joinable()) {
        thread_.join();
    }
    if (listener_ >= 0) {
        close(listener_);
        listener_ = -1;
    }
}

unsigned short SmtpSink::FreePort() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

std::vector<Received> SmtpSink::WaitFor(std::size_t count, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, timeout, [&] { return messages_.size() >= count; });
    return messages_;
}

std::vector<Received> SmtpSink::Messages() {
    std::lock_guard lock(mutex_);
    return messages_;
}

void SmtpSink::Run() {
    while (!stopping_) {
        pollfd p{listener_, POLLIN, 0};
        if (poll(&p, 1, 50) <= 0) {
            continue;
        }
        int client = accept(listener_, nullptr, nullptr);
        if (client < 0) {
            continue;
        }
        Serve(client);
        close(client);
    }
}

void SmtpSink::Serve(int client) {
    Lines io(client);
    io.Write("220 sink.test ESMTP");
    bool authed = options_.user.empty();
    std::string user;
    Received current;
    std::string line;
    auto check_login = [&](const std::string& name, const std::string& password) {
        if (!options_.user.empty() && name == options_.user && password == options_.password) {
            authed = true;
            user = name;
            io.Write("235 2.7.0 Authentication successful");
        } else {
            io.Write("535 5.7.8 Authentication credentials invalid");
        }
    };
    while (!stopping_ && io.Read(line)) {
        std::string verb = Upper(line.substr(0, line.find(' ')));
        if (verb == "EHLO") {
            io.Write("250-sink.test");
            if (!options_.user.empty()) {
                io.Write("250-AUTH PLAIN LOGIN");
            }
            io.Write("250 8BITMIME");
        } else if (verb == "HELO") {
            io.Write("250 sink.test");
        } else if (verb == "AUTH") {
            std::string rest = line.size() > 5 ? line.substr(5) : "";
            std::string mechanism = Upper(rest.substr(0, rest.find(' ')));
            std::string initial = rest.find(' ') == std::string::npos ? "" : rest.substr(rest.find(' ') + 1);
            if (mechanism == "PLAIN") {
                if (initial.empty()) {
                    io.Write("334 ");
                    if (!io.Read(initial)) return;
                }
                std::string decoded = Base64Decode(initial);
                auto first = decoded.find('\0');
                auto second = decoded.find('\0', first + 1);
                if (first == std::string::npos || second == std::string::npos) {
                    io.Write("501 5.5.2 Malformed");
                    continue;
                }
                check_login(decoded.substr(first + 1, second - first - 1), decoded.substr(second + 1));
            } else if (mechanism == "LOGIN") {
                std::string name = initial;
                if (name.empty()) {
                    io.Write("334 VXNlcm5hbWU6");
                    if (!io.Read(name)) return;
                }
                io.Write("334 UGFzc3dvcmQ6");
                std::string password;
                if (!io.Read(password)) return;
                check_login(Base64Decode(name), Base64Decode(password));
            } else {
                io.Write("504 5.5.4 Unrecognized authentication type");
            }
        } else if (verb == "MAIL") {
            if (!authed) {
                io.Write("530 5.7.0 Authentication required");
                continue;
            }
            current = Received{};
            current.from = AngleAddress(line);
            current.user = user;
            io.Write("250 2.1.0 Ok");
        } else if (verb == "RCPT") {
            std::string to = AngleAddress(line);
            if (!options_.refuse_domain.empty() && to.ends_with("@" + options_.refuse_domain)) {
                io.Write("550 5.1.1 No such mailbox");
                continue;
            }
            current.to.push_back(to);
            io.Write("250 2.1.5 Ok");
        } else if (verb == "DATA") {
            if (current.to.empty()) {
                io.Write("554 5.5.1 No valid recipients");
                continue;
            }
            io.Write("354 End data with <CR><LF>.<CR><LF>");
            std::string data;
            bool complete = false;
            while (io.Read(line)) {
                if (line == ".") {
                    complete = true;
                    break;
                }
                data += (line.starts_with(".") ? line.substr(1) : line) + "\r\n";
            }
            if (!complete) {
                return;
            }
            current.data = std::move(data);
            {
                std::lock_guard lock(mutex_);
                messages_.push_back(std::move(current));
            }
            arrived_.notify_all();
            current = Received{};
            io.Write("250 2.0.0 Ok: queued");
        } else if (verb == "RSET") {
            current = Received{};
            io.Write("250 2.0.0 Ok");
        } else if (verb == "NOOP") {
            io.Write("250 2.0.0 Ok");
        } else if (verb == "QUIT") {
            io.Write("221 2.0.0 Bye");
            return;
        } else {
            io.Write("502 5.5.2 Command not recognized");
        }
    }
}

}  // namespace tuyenvan::mail::testing
