#include "notify/store.hpp"

namespace tuyenvan::notify {

std::int64_t Store::Insert(db::Connection& c, const Notification& n) const {
    return c
        .Query("INSERT INTO notifications (account_id, kind, title, body, link, created_at) "
               "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
               {n.account_id, n.kind, n.title, n.body, n.link, n.created_at})
        .Int(0, 0);
}

std::vector<Notification> Store::List(db::Connection& c, std::int64_t account_id, std::int64_t limit,
                                      std::int64_t offset) const {
    auto rows = c.Query(
        "SELECT id, account_id, kind, title, body, link, created_at, read_at FROM notifications "
        "WHERE account_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3",
        {account_id, limit, offset});
    std::vector<Notification> out;
    out.reserve(rows.Size());
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(Notification{rows.Int(i, 0), rows.Int(i, 1), rows.String(i, 2), rows.String(i, 3),
                                   rows.String(i, 4), rows.String(i, 5), rows.Int(i, 6), rows.OptInt(i, 7)});
    }
    return out;
}

std::int64_t Store::Count(db::Connection& c, std::int64_t account_id) const {
    return c.Query("SELECT COUNT(*) FROM notifications WHERE account_id = $1", {account_id}).Int(0, 0);
}

std::int64_t Store::CountUnread(db::Connection& c, std::int64_t account_id) const {
    return c.Query("SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND read_at IS NULL", {account_id})
        .Int(0, 0);
}

bool Store::MarkRead(db::Connection& c, std::int64_t account_id, std::int64_t id, std::int64_t now) const {
    auto found = c.Query("SELECT read_at FROM notifications WHERE id = $1 AND account_id = $2", {id, account_id});
    if (found.Empty()) {
        return false;
    }
    if (found.IsNull(0, 0)) {
        c.Query("UPDATE notifications SET read_at = $3 WHERE id = $1 AND account_id = $2 AND read_at IS NULL",
                {id, account_id, now});
    }
    return true;
}

std::int64_t Store::MarkAllRead(db::Connection& c, std::int64_t account_id, std::int64_t now) const {
    return c.Query("UPDATE notifications SET read_at = $2 WHERE account_id = $1 AND read_at IS NULL",
                   {account_id, now})
        .Affected();
}

std::optional<Recipient> Store::RecipientOf(db::Connection& c, std::int64_t account_id) const {
    auto rows = c.Query(
        "SELECT p.email, p.full_name FROM accounts a JOIN people p ON p.id = a.person_id "
        "WHERE a.id = $1 AND a.disabled = 0",
        {account_id});
    if (rows.Empty() || rows.Text(0, 0).empty()) {
        return std::nullopt;
    }
    return Recipient{rows.String(0, 0), rows.String(0, 1)};
}

}  // namespace tuyenvan::notify
