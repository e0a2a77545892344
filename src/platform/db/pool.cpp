#include "platform/db/pool.hpp"

namespace tuyenvan::db::detail {

void ConnectionPool::Add(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    free_.push_back(connection.get());
    all_.push_back(std::move(connection));
    available_.notify_one();
}

Connection* ConnectionPool::Acquire() {
    std::unique_lock lock(mutex_);
    if (free_.empty()) {
        ++waits_;
        available_.wait(lock, [this] { return !free_.empty() || all_.empty(); });
        if (all_.empty()) {
            throw Error(ErrorKind::kConnection, "database is closed");
        }
    }
    Connection* connection = free_.back();
    free_.pop_back();
    return connection;
}

void ConnectionPool::Release(Connection* connection) {
    std::lock_guard lock(mutex_);
    free_.push_back(connection);
    available_.notify_one();
}

PoolStats ConnectionPool::Stats() const {
    std::lock_guard lock(mutex_);
    return PoolStats{static_cast<int>(all_.size()), static_cast<int>(all_.size() - free_.size()), waits_};
}

void ConnectionPool::Clear() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [this] { return free_.size() == all_.size(); });
    free_.clear();
    all_.clear();
    available_.notify_all();
}

}  // namespace tuyenvan::db::detail
