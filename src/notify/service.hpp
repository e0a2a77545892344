// Rules of the notify room: notifications are recorded inside the transaction of the change that
// causes them (with their e-mail queued in the outbox), and a person sees and marks only their own.
#pragma once

#include <functional>
#include <span>
#include <string>

#include "notify/model.hpp"
#include "notify/store.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::notify {

/// What to tell the accounts.
struct Message {
    /// What caused it, for programs: "role_granted", …
    std::string kind;
    /// One line; also the e-mail's subject.
    std::string title;
    std::string body;
    /// A path inside the site ("/quan-tri/…"), or empty.
    std::string link;
};

/// Records one notification per account on the caller's connection, so it exists exactly when the
/// caller's transaction commits; with `also_email`, also queues an e-mail to each account's person
/// that has a usable address (others get the notification alone). Line breaks in the title become
/// spaces; an empty title is a programmer error (std::invalid_argument).
void Notify(db::Connection& c, std::int64_t now, std::span<const std::int64_t> account_ids, const Message& message,
            bool also_email);

/// The notify room's service.
class Service {
public:
    Service(db::Database& database, std::function<std::int64_t()> clock);

    /// Notify(…) at the service's clock, on the caller's connection (inside the caller's transaction).
    void Notify(db::Connection& c, std::span<const std::int64_t> account_ids, const std::string& title,
                const std::string& body, const std::string& link, bool also_email,
                const std::string& kind = "general");
    /// The account's notifications, newest first; `page` from 1, `per_page` clamped to 1…100.
    NotificationPage List(std::int64_t account_id, std::int64_t page, std::int64_t per_page);
    /// Unread notifications of the account (for the header of every page).
    std::int64_t UnreadCount(std::int64_t account_id);
    /// Marks one of the account's own notifications read; false when the account has none with that id
    /// (someone else's counts as none).
    bool MarkRead(std::int64_t account_id, std::int64_t id);
    /// Marks every notification of the account read; returns how many were unread.
    std::int64_t MarkAllRead(std::int64_t account_id);

private:
    db::Database& database_;
    Store store_;
    std::function<std::int64_t()> clock_;
};

}  // namespace tuyenvan::notify
