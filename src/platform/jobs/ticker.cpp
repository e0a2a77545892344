#include "platform/jobs/ticker.hpp"

#include <exception>

namespace tuyenvan::jobs {

Ticker::Ticker(std::chrono::milliseconds interval, std::function<void()> task,
               std::function<void(const std::string&)> on_error)
    : interval_(interval), task_(std::move(task)), on_error_(std::move(on_error)), thread_([this] { Run(); }) {}

Ticker::~Ticker() { Stop(); }

void Ticker::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) {
        thread_.join();
    }
}

void Ticker::Wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_.notify_all();
}

void Ticker::Run() {
    for (;;) {
        try {
            task_();
        } catch (const std::exception& error) {
            if (on_error_) {
                on_error_(error.what());
            }
        }
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, interval_, [this] { return stopping_ || woken_; });
        woken_ = false;
        if (stopping_) {
            return;
        }
    }
}

}  // namespace tuyenvan::jobs
