// Plain types of the notify room: notifications shown in the app (and sent by e-mail).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tuyenvan::notify {

/// One notification of one account.
struct Notification {
    std::int64_t id = 0;
    std::int64_t account_id = 0;
    /// What caused it, for programs: "role_granted", …
    std::string kind;
    std::string title;
    std::string body;
    /// A path inside the site, or empty.
    std::string link;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> read_at;
};

/// One page of an account's notifications, newest first.
struct NotificationPage {
    std::vector<Notification> items;
    std::int64_t total = 0;
    std::int64_t unread = 0;
    std::int64_t page = 1;
    std::int64_t per_page = 20;
};

/// Where a notification's e-mail goes: the e-mail of the account's person, when there is one.
struct Recipient {
    std::string address;
    std::string name;
};

}  // namespace tuyenvan::notify
