#include "platform/http/range.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tuyenvan::http {
namespace {

using Ranges = std::vector<std::pair<std::uint64_t, std::uint64_t>>;

Ranges Pairs(const RangeResult& result) {
    Ranges pairs;
    for (const ByteRange& range : result.ranges) {
        pairs.emplace_back(range.first, range.last);
    }
    return pairs;
}

void ExpectSatisfiable(std::string_view header, std::uint64_t size, const Ranges& expected) {
    const RangeResult result = ParseRange(header, size);
    EXPECT_EQ(result.kind, RangeKind::kSatisfiable) << header;
    EXPECT_EQ(Pairs(result), expected) << header;
}

void ExpectKind(std::string_view header, std::uint64_t size, RangeKind kind) {
    const RangeResult result = ParseRange(header, size);
    EXPECT_EQ(result.kind, kind) << header << " size " << size;
    EXPECT_TRUE(result.ranges.empty()) << header;
}

TEST(ParseRangeTest, SingleRanges) {
    ExpectSatisfiable("bytes=0-0", 100, {{0, 0}});
    ExpectSatisfiable("bytes=0-99", 100, {{0, 99}});
    ExpectSatisfiable("bytes=10-", 100, {{10, 99}});
    ExpectSatisfiable("bytes=-10", 100, {{90, 99}});
    ExpectSatisfiable("bytes=99-99", 100, {{99, 99}});
    ExpectSatisfiable("Bytes=0-1", 100, {{0, 1}});
    ExpectSatisfiable("  bytes=0-1  ", 100, {{0, 1}});
    ExpectSatisfiable("bytes=007-010", 100, {{7, 10}});
}

TEST(ParseRangeTest, ClampsToTheResource) {
    ExpectSatisfiable("bytes=0-999", 100, {{0, 99}});
    ExpectSatisfiable("bytes=-1000", 100, {{0, 99}});
    ExpectSatisfiable("bytes=50-18446744073709551615", 100, {{50, 99}});
    ExpectSatisfiable("bytes=-18446744073709551615", 100, {{0, 99}});
    ExpectSatisfiable("bytes=0-", 1, {{0, 0}});
}

TEST(ParseRangeTest, SeveralRanges) {
    ExpectSatisfiable("bytes=0-99, 200-, -50", 1000, {{0, 99}, {200, 999}, {950, 999}});
    ExpectSatisfiable("bytes=0-1,,  ,2-3,", 10, {{0, 1}, {2, 3}});
    // Unsatisfiable specs are dropped, the rest kept.
    ExpectSatisfiable("bytes=500-600, 0-1, -0", 100, {{0, 1}});
}

TEST(ParseRangeTest, Unsatisfiable) {
    ExpectKind("bytes=-0", 100, RangeKind::kUnsatisfiable);
    ExpectKind("bytes=100-", 50, RangeKind::kUnsatisfiable);
    ExpectKind("bytes=50-", 50, RangeKind::kUnsatisfiable);
    ExpectKind("bytes=50-60, 70-80", 50, RangeKind::kUnsatisfiable);
    ExpectKind("bytes=0-0", 0, RangeKind::kUnsatisfiable);
    ExpectKind("bytes=-0", 0, RangeKind::kUnsatisfiable);
}

TEST(ParseRangeTest, SuffixOfAnEmptyResourceServesTheWhole) {
    ExpectKind("bytes=-5", 0, RangeKind::kNone);
}

TEST(ParseRangeTest, InvalidMeansServeTheWhole) {
    for (const char* header :
         {"", "bytes", "bytes=", "bytes= ", "bytes=,", "bytes=5-2", "bytes=abc", "bytes=1", "bytes=-",
          "bytes=--1", "bytes=1-2-3", "bytes=+1-2", "bytes=1 -2", "bytes=0x10-", "bytes =0-1",
          "items=0-1", "bits=0-1", "bytes=0-1;2-3", "bytes=0-1, 5-2", "bytes=\xFF-1"}) {
        ExpectKind(header, 100, RangeKind::kNone);
    }
}

TEST(ParseRangeTest, OverflowMeansServeTheWhole) {
    ExpectKind("bytes=18446744073709551616-", 100, RangeKind::kNone);
    ExpectKind("bytes=0-18446744073709551616", 100, RangeKind::kNone);
    ExpectKind("bytes=-18446744073709551616", 100, RangeKind::kNone);
    ExpectKind("bytes=99999999999999999999999999-", 100, RangeKind::kNone);
    ExpectSatisfiable("bytes=" + std::string(1000, '0') + "1-", 100, {{1, 99}});
}

TEST(ParseRangeTest, AtMostSixteenRanges) {
    std::string header = "bytes=0-0";
    for (int i = 1; i < 16; ++i) {
        header += "," + std::to_string(i) + "-" + std::to_string(i);
    }
    EXPECT_EQ(ParseRange(header, 100).ranges.size(), 16u);
    ExpectKind(header + ",16-16", 100, RangeKind::kNone);
    // Empty elements do not count.
    EXPECT_EQ(ParseRange(header + ",,,", 100).kind, RangeKind::kSatisfiable);
}

TEST(ParseRangeTest, HugeResources) {
    constexpr std::uint64_t kSize = 18446744073709551615ULL;
    ExpectSatisfiable("bytes=0-", kSize, {{0, kSize - 1}});
    ExpectSatisfiable("bytes=-1", kSize, {{kSize - 1, kSize - 1}});
    ExpectKind("bytes=18446744073709551615-", kSize, RangeKind::kUnsatisfiable);
}

}  // namespace
}  // namespace tuyenvan::http
