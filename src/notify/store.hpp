// SQL of the notify room, and nothing else.
#pragma once

#include <optional>

#include "notify/model.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::notify {

/// Data access of notifications. Methods take the connection of the caller's transaction.
class Store {
public:
    /// Stores a notification (its id is ignored); returns the new id.
    std::int64_t Insert(db::Connection& c, const Notification& notification) const;
    /// The account's notifications, newest first.
    std::vector<Notification> List(db::Connection& c, std::int64_t account_id, std::int64_t limit,
                                   std::int64_t offset) const;
    /// How many notifications the account has.
    std::int64_t Count(db::Connection& c, std::int64_t account_id) const;
    /// How many of them are unread.
    std::int64_t CountUnread(db::Connection& c, std::int64_t account_id) const;
    /// Marks one of the account's notifications read (a read one stays as it was); false when the
    /// account has no notification with that id.
    bool MarkRead(db::Connection& c, std::int64_t account_id, std::int64_t id, std::int64_t now) const;
    /// Marks every unread notification of the account read; returns how many.
    std::int64_t MarkAllRead(db::Connection& c, std::int64_t account_id, std::int64_t now) const;
    /// The e-mail address and name of the account's person; nothing when the account has no person
    /// or the person no e-mail.
    std::optional<Recipient> RecipientOf(db::Connection& c, std::int64_t account_id) const;
};

}  // namespace tuyenvan::notify
