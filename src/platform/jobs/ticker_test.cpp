#include "platform/jobs/ticker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

namespace tuyenvan::jobs {
namespace {

TEST(Ticker, RunsAtOnceAndRepeatsUntilStopped) {
    std::atomic<int> runs{0};
    {
        Ticker ticker(std::chrono::milliseconds(5), [&] { ++runs; });
        while (runs.load() < 3) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        ticker.Stop();
        int after_stop = runs.load();
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        EXPECT_EQ(runs.load(), after_stop);
    }
    EXPECT_GE(runs.load(), 3);
}

TEST(Ticker, WakeRunsBeforeTheInterval) {
    std::atomic<int> runs{0};
    Ticker ticker(std::chrono::hours(1), [&] { ++runs; });
    while (runs.load() < 1) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ticker.Wake();
    for (int i = 0; i < 2000 && runs.load() < 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    EXPECT_EQ(runs.load(), 2);
}

TEST(Ticker, ReportsErrorsAndKeepsRunning) {
    std::atomic<int> runs{0};
    std::atomic<int> errors{0};
    Ticker ticker(
        std::chrono::milliseconds(2),
        [&] {
            ++runs;
            throw std::runtime_error("hỏng");
        },
        [&](const std::string& message) {
            EXPECT_EQ(message, "hỏng");
            ++errors;
        });
    while (errors.load() < 3) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ticker.Stop();
    EXPECT_GE(runs.load(), 3);
}

}  // namespace
}  // namespace tuyenvan::jobs
