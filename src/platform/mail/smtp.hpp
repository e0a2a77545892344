// Sending built messages: a Transport interface, and its SMTP implementation over libcurl.
#pragma once

#include <atomic>
#include <stdexcept>
#include <string>

namespace tuyenvan::mail {

/// One message on the wire: envelope sender, envelope recipient and the RFC 5322 text.
struct Envelope {
    std::string from;
    std::string to;
    std::string data;
};

/// A message that did not go out; `permanent` when retrying cannot help (the server answered 5xx).
class SendError : public std::runtime_error {
public:
    SendError(const std::string& message, bool permanent) : std::runtime_error(message), permanent_(permanent) {}
    /// True when the server refused the message for good.
    bool Permanent() const { return permanent_; }

private:
    bool permanent_;
};

/// Something that delivers one message or throws SendError.
class Transport {
public:
    virtual ~Transport() = default;
    /// Sends one message; throws SendError.
    virtual void Send(const Envelope& envelope) = 0;
};

/// Where and how to reach the SMTP server.
struct SmtpOptions {
    /// "smtp://host:port" (plain, or STARTTLS with `starttls`) or "smtps://host:465" (TLS from the start).
    std::string url;
    /// Sign-in name; empty means no AUTH.
    std::string user;
    std::string password;
    /// Require STARTTLS on an smtp:// URL (the send fails when the server does not offer it).
    bool starttls = false;
    long connect_timeout_ms = 10000;
    /// Bound on the whole conversation of one message.
    long timeout_ms = 30000;
};

/// SMTP through libcurl: one connection per message, bounded by timeouts, cancellable.
class SmtpTransport : public Transport {
public:
    /// Throws std::invalid_argument when the URL is not smtp:// or smtps://.
    explicit SmtpTransport(SmtpOptions options);

    void Send(const Envelope& envelope) override;
    /// Ends a send in progress (and every later one) within about a second; for shutdown.
    void Cancel() { cancelled_ = true; }

private:
    SmtpOptions options_;
    std::atomic<bool> cancelled_{false};
};

}  // namespace tuyenvan::mail
