#include "notify/service.hpp"

#include <algorithm>
#include <stdexcept>

#include "platform/mail/message.hpp"
#include "platform/mail/outbox.hpp"

namespace tuyenvan::notify {
namespace {

std::string OneLine(std::string text) {
    std::replace_if(text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n' || c == '\t'; }, ' ');
    return text;
}

std::string EmailBody(const Recipient& recipient, const Message& message) {
    std::string out = "Kính gửi " + (recipient.name.empty() ? std::string("đồng chí") : "đồng chí " + recipient.name) +
                      ",\n\n" + message.title + ".\n";
    if (!message.body.empty()) {
        out += "\n" + message.body + "\n";
    }
    out += "\nĐăng nhập hệ thống công tác tuyên vận và mở mục «Thông báo» (/thong-bao) để xem";
    out += message.link.empty() ? ".\n" : "; trang liên quan: " + message.link + "\n";
    out += "\n--\nThư gửi tự động, xin đừng trả lời thư này.\n";
    return out;
}

}  // namespace

void Notify(db::Connection& c, std::int64_t now, std::span<const std::int64_t> account_ids, const Message& message,
            bool also_email) {
    std::string title = OneLine(message.title);
    if (title.empty()) {
        throw std::invalid_argument("a notification needs a title");
    }
    Store store;
    for (std::int64_t account_id : account_ids) {
        store.Insert(c, Notification{0, account_id, message.kind, title, message.body, message.link, now, std::nullopt});
        if (!also_email) {
            continue;
        }
        auto recipient = store.RecipientOf(c, account_id);
        // People's e-mail is free text typed by officers: an address we could not send to is skipped,
        // never allowed to undo the change that caused the notification.
        if (!recipient || !mail::IsValidAddress(recipient->address)) {
            continue;
        }
        mail::Outbox::Enqueue(c,
                              mail::OutgoingMail{recipient->address, OneLine(recipient->name), title,
                                                 EmailBody(*recipient, Message{message.kind, title, message.body,
                                                                               message.link})},
                              now);
    }
}

Service::Service(db::Database& database, std::function<std::int64_t()> clock)
    : database_(database), clock_(std::move(clock)) {}

void Service::Notify(db::Connection& c, std::span<const std::int64_t> account_ids, const std::string& title,
                     const std::string& body, const std::string& link, bool also_email, const std::string& kind) {
    notify::Notify(c, clock_(), account_ids, Message{kind, title, body, link}, also_email);
}

NotificationPage Service::List(std::int64_t account_id, std::int64_t page, std::int64_t per_page) {
    NotificationPage out;
    out.page = std::max<std::int64_t>(1, page);
    out.per_page = std::clamp<std::int64_t>(per_page, 1, 100);
    database_.Read([&](db::Connection& c) {
        out.total = store_.Count(c, account_id);
        out.unread = store_.CountUnread(c, account_id);
        out.items = store_.List(c, account_id, out.per_page, (out.page - 1) * out.per_page);
    });
    return out;
}

std::int64_t Service::UnreadCount(std::int64_t account_id) {
    return database_.ReadValue([&](db::Connection& c) { return store_.CountUnread(c, account_id); });
}

bool Service::MarkRead(std::int64_t account_id, std::int64_t id) {
    return database_.WriteValue([&](db::Connection& c) { return store_.MarkRead(c, account_id, id, clock_()); });
}

std::int64_t Service::MarkAllRead(std::int64_t account_id) {
    return database_.WriteValue([&](db::Connection& c) { return store_.MarkAllRead(c, account_id, clock_()); });
}

}  // namespace tuyenvan::notify
