// A background thread that runs a task at a fixed interval until stopped (scheduled publishing,
// page-cache polling). The task's exceptions are reported, never allowed to end the thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace tuyenvan::jobs {

/// Runs `task` every `interval` on its own thread, starting at once.
class Ticker {
public:
    /// `on_error` receives the message of an exception the task threw.
    Ticker(std::chrono::milliseconds interval, std::function<void()> task,
           std::function<void(const std::string&)> on_error = {});
    /// Stops the thread.
    ~Ticker();
    Ticker(const Ticker&) = delete;
    Ticker& operator=(const Ticker&) = delete;

    /// Stops the thread after the current run; idempotent.
    void Stop();
    /// Runs the task soon instead of at the end of the interval.
    void Wake();

private:
    void Run();

    std::chrono::milliseconds interval_;
    std::function<void()> task_;
    std::function<void(const std::string&)> on_error_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool woken_ = false;
    std::thread thread_;
};

}  // namespace tuyenvan::jobs
