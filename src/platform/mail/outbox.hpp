// The outbox: e-mail queued in the database inside the transaction of the change that caused it,
// and delivered in the background. Several nodes may deliver at once: each message is claimed with
// a conditional UPDATE and a lease, sent outside any transaction, then marked sent, or retried with
// exponential backoff, or given up after a bounded number of attempts (keeping the last error).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "platform/db/database.hpp"
#include "platform/mail/smtp.hpp"

namespace tuyenvan::mail {

/// A message to queue; the sender is the same for every message and is applied at delivery.
struct OutgoingMail {
    std::string to_address;
    std::string to_name;
    std::string subject;
    /// Plain UTF-8 text.
    std::string body;
};

/// Where a queued message stands.
enum class MailStatus { kQueued, kSent, kFailed };

/// One stored message.
struct OutboxEntry {
    std::int64_t id = 0;
    OutgoingMail mail;
    MailStatus status = MailStatus::kQueued;
    std::int64_t attempts = 0;
    std::int64_t next_attempt_at = 0;
    std::string last_error;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> sent_at;
};

/// The sender, and the limits of delivery.
struct OutboxOptions {
    std::string from_address;
    std::string from_name;
    /// Attempts before a message is given up (status failed).
    std::int64_t max_attempts = 8;
    /// Wait after the first failure; doubled after each later one, up to `max_retry_ms`.
    std::int64_t first_retry_ms = 30'000;
    std::int64_t max_retry_ms = 6LL * 3600 * 1000;
    /// How long a claim keeps other nodes off a message; longer than any send may take.
    std::int64_t lease_ms = 5LL * 60 * 1000;
    /// Messages claimed per run.
    std::int64_t batch = 20;
};

/// What one delivery run did.
struct DeliveryReport {
    int sent = 0;
    int retried = 0;
    int failed = 0;
};

/// Queues and delivers e-mail.
class Outbox {
public:
    /// `node` names this deliverer in leases (host:port:pid); `clock` gives UTC epoch milliseconds.
    Outbox(db::Database& database, Transport& transport, OutboxOptions options, std::function<std::int64_t()> clock,
           std::string node);

    /// Queues a message on the caller's connection, so it exists exactly when the caller's
    /// transaction commits; returns its id. Throws InvalidMessage (Vietnamese) for a bad address,
    /// a subject or name with CR/LF, or text that is not UTF-8.
    static std::int64_t Enqueue(db::Connection& c, const OutgoingMail& mail, std::int64_t now);
    /// A stored message, or nothing.
    static std::optional<OutboxEntry> Find(db::Connection& c, std::int64_t id);

    /// Claims the messages that are due, sends them one by one and records the outcome.
    /// Never runs inside a transaction of a request; meant for a background ticker.
    DeliveryReport DeliverDue();
    /// Messages waiting to be sent.
    std::int64_t QueuedCount();
    /// Makes a run in progress stop after the message it is sending; for shutdown.
    void Stop() { stopping_ = true; }

private:
    void Deliver(std::int64_t id, const OutgoingMail& mail, std::int64_t attempts, std::int64_t created_at,
                 const std::string& lease, DeliveryReport& report);

    db::Database& database_;
    Transport& transport_;
    OutboxOptions options_;
    std::function<std::int64_t()> clock_;
    std::string node_;
    std::atomic<std::int64_t> claims_{0};
    std::atomic<bool> stopping_{false};
};

}  // namespace tuyenvan::mail
