#include "platform/mail/outbox.hpp"

#include <algorithm>
#include <vector>

#include "platform/mail/message.hpp"

namespace tuyenvan::mail {
namespace {

MailStatus ParseStatus(std::string_view text) {
    if (text == "sent") return MailStatus::kSent;
    if (text == "failed") return MailStatus::kFailed;
    return MailStatus::kQueued;
}

// The domain of the sender, for Message-IDs that are unique to this installation.
std::string Domain(const std::string& address) {
    auto at = address.rfind('@');
    return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

// Stored errors stay short: the last one is kept for people to read, not a transcript.
std::string Shorten(std::string text) {
    if (text.size() > 500) {
        text.resize(500);
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xc0) == 0x80) {
            text.pop_back();
        }
        if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xc0) {
            text.pop_back();
        }
    }
    return text;
}

}  // namespace

Outbox::Outbox(db::Database& database, Transport& transport, OutboxOptions options,
               std::function<std::int64_t()> clock, std::string node)
    : database_(database),
      transport_(transport),
      options_(std::move(options)),
      clock_(std::move(clock)),
      node_(std::move(node)) {}

std::int64_t Outbox::Enqueue(db::Connection& c, const OutgoingMail& mail, std::int64_t now) {
    CheckAddress(mail.to_address, "người nhận");
    CheckHeaderText(mail.to_name, "Tên người nhận", 200);
    CheckHeaderText(mail.subject, "Tiêu đề thư", 600);
    CheckBody(mail.body);
    auto rows = c.Query(
        "INSERT INTO mail_outbox (to_address, to_name, subject, body, status, attempts, next_attempt_at, "
        "lease_until, lease_owner, last_error, created_at) VALUES ($1, $2, $3, $4, 'queued', 0, $5, 0, '', '', $5) "
        "RETURNING id",
        {mail.to_address, mail.to_name, mail.subject, mail.body, now});
    return rows.Int(0, 0);
}

std::optional<OutboxEntry> Outbox::Find(db::Connection& c, std::int64_t id) {
    auto rows = c.Query(
        "SELECT id, to_address, to_name, subject, body, status, attempts, next_attempt_at, last_error, created_at, "
        "sent_at FROM mail_outbox WHERE id = $1",
        {id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    OutboxEntry entry;
    entry.id = rows.Int(0, 0);
    entry.mail = OutgoingMail{rows.String(0, 1), rows.String(0, 2), rows.String(0, 3), rows.String(0, 4)};
    entry.status = ParseStatus(rows.Text(0, 5));
    entry.attempts = rows.Int(0, 6);
    entry.next_attempt_at = rows.Int(0, 7);
    entry.last_error = rows.String(0, 8);
    entry.created_at = rows.Int(0, 9);
    entry.sent_at = rows.OptInt(0, 10);
    return entry;
}

std::int64_t Outbox::QueuedCount() {
    return database_.ReadValue(
        [](db::Connection& c) { return c.Query("SELECT COUNT(*) FROM mail_outbox WHERE status = 'queued'").Int(0, 0); });
}

DeliveryReport Outbox::DeliverDue() {
    DeliveryReport report;
    std::int64_t now = clock_();
    auto due = database_.ReadValue([&](db::Connection& c) {
        auto rows = c.Query(
            "SELECT id FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= $1 AND lease_until <= $1 "
            "ORDER BY next_attempt_at, id LIMIT $2",
            {now, options_.batch});
        std::vector<std::int64_t> ids;
        for (std::size_t i = 0; i < rows.Size(); ++i) {
            ids.push_back(rows.Int(i, 0));
        }
        return ids;
    });
    for (std::int64_t id : due) {
        if (stopping_) {
            break;
        }
        // The claim re-checks every condition in one conditional UPDATE: of two nodes that saw the
        // same message due, exactly one changes the row (PostgreSQL re-evaluates the WHERE clause
        // after waiting for the other's row lock; SQLite has one writer at a time).
        std::string lease = node_ + "#" + std::to_string(++claims_);
        std::int64_t claimed_at = clock_();
        auto claimed = database_.WriteValue([&](db::Connection& c) {
            return c.Query(
                "UPDATE mail_outbox SET lease_until = $2, lease_owner = $3, attempts = attempts + 1 "
                "WHERE id = $1 AND status = 'queued' AND next_attempt_at <= $4 AND lease_until <= $4 "
                "RETURNING to_address, to_name, subject, body, attempts, created_at",
                {id, claimed_at + options_.lease_ms, lease, claimed_at});
        });
        if (claimed.Empty()) {
            continue;
        }
        OutgoingMail mail{claimed.String(0, 0), claimed.String(0, 1), claimed.String(0, 2), claimed.String(0, 3)};
        Deliver(id, mail, claimed.Int(0, 4), claimed.Int(0, 5), lease, report);
    }
    return report;
}

void Outbox::Deliver(std::int64_t id, const OutgoingMail& mail, std::int64_t attempts, std::int64_t created_at,
                     const std::string& lease, DeliveryReport& report) {
    std::string error;
    bool permanent = false;
    try {
        Message message{options_.from_address,
                        options_.from_name,
                        mail.to_address,
                        mail.to_name,
                        mail.subject,
                        mail.body,
                        clock_(),
                        "outbox-" + std::to_string(id) + "." + std::to_string(created_at) + "@" +
                            Domain(options_.from_address)};
        transport_.Send(Envelope{options_.from_address, mail.to_address, Build(message)});
    } catch (const InvalidMessage& invalid) {
        error = invalid.what();
        permanent = true;
    } catch (const SendError& failure) {
        error = failure.what();
        permanent = failure.Permanent();
    } catch (const std::exception& failure) {
        error = failure.what();
    }
    std::int64_t now = clock_();
    database_.Write([&](db::Connection& c) {
        if (error.empty()) {
            c.Query(
                "UPDATE mail_outbox SET status = 'sent', sent_at = $2, lease_until = 0, last_error = '' "
                "WHERE id = $1 AND lease_owner = $3",
                {id, now, lease});
        } else if (permanent || attempts >= options_.max_attempts) {
            c.Query(
                "UPDATE mail_outbox SET status = 'failed', lease_until = 0, last_error = $2 "
                "WHERE id = $1 AND lease_owner = $3",
                {id, Shorten(error), lease});
        } else {
            std::int64_t delay = options_.first_retry_ms;
            for (std::int64_t i = 1; i < attempts && delay < options_.max_retry_ms; ++i) {
                delay *= 2;
            }
            delay = std::min(delay, options_.max_retry_ms);
            c.Query(
                "UPDATE mail_outbox SET next_attempt_at = $2, lease_until = 0, last_error = $3 "
                "WHERE id = $1 AND lease_owner = $4",
                {id, now + delay, Shorten(error), lease});
        }
    });
    if (error.empty()) {
        ++report.sent;
    } else if (permanent || attempts >= options_.max_attempts) {
        ++report.failed;
    } else {
        ++report.retried;
    }
}

}  // namespace tuyenvan::mail
