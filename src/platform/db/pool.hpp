// A small blocking pool of connections shared by both engines.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "platform/db/database.hpp"

namespace tuyenvan::db::detail {

/// Hands out connections one at a time; a caller waits when all are in use.
class ConnectionPool {
public:
    /// Takes ownership of the connections.
    void Add(std::unique_ptr<Connection> connection);
    /// Borrows a connection; blocks while none is free.
    Connection* Acquire();
    /// Returns a borrowed connection.
    void Release(Connection* connection);
    /// Counters.
    PoolStats Stats() const;
    /// Drops every connection (waits for those in use).
    void Clear();

private:
    mutable std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> all_;
    std::vector<Connection*> free_;
    std::int64_t waits_ = 0;
};

/// RAII lease of one pooled connection.
class Lease {
public:
    explicit Lease(ConnectionPool& pool) : pool_(pool), connection_(pool.Acquire()) {}
    ~Lease() { pool_.Release(connection_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    /// The leased connection.
    Connection& operator*() const { return *connection_; }

private:
    ConnectionPool& pool_;
    Connection* connection_;
};

}  // namespace tuyenvan::db::detail
