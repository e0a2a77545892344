#include "portal/diff.hpp"

#include <gtest/gtest.h>

#include <random>

namespace tuyenvan::portal {
namespace {

// The script as "=a", "-b", "+c", one entry per line.
std::vector<std::string> Marks(const LineDiff& diff) {
    std::vector<std::string> out;
    for (const auto& line : diff.lines) {
        char mark = line.change == LineChange::kSame ? '=' : line.change == LineChange::kDeleted ? '-' : '+';
        out.push_back(mark + line.text);
    }
    return out;
}

std::string Join(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) {
        text += line + "\n";
    }
    return text;
}

std::size_t LcsLength(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::vector<std::size_t>> table(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
    for (std::size_t i = a.size(); i-- > 0;) {
        for (std::size_t j = b.size(); j-- > 0;) {
            table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : std::max(table[i + 1][j], table[i][j + 1]);
        }
    }
    return table[0][0];
}

TEST(SplitLines, DropsTheFinalBreakAndCarriageReturns) {
    EXPECT_TRUE(SplitLines("").empty());
    EXPECT_EQ(SplitLines("a"), (std::vector<std::string_view>{"a"}));
    EXPECT_EQ(SplitLines("a\n"), (std::vector<std::string_view>{"a"}));
    EXPECT_EQ(SplitLines("a\r\n\nb"), (std::vector<std::string_view>{"a", "", "b"}));
    EXPECT_EQ(SplitLines("\n"), (std::vector<std::string_view>{""}));
}

TEST(DiffLines, EqualAndEmptyTexts) {
    EXPECT_TRUE(DiffLines("", "").lines.empty());
    EXPECT_FALSE(DiffLines("", "").Changed());
    auto same = DiffLines("một\nhai\n", "một\nhai");
    EXPECT_FALSE(same.Changed());
    EXPECT_EQ(Marks(same), (std::vector<std::string>{"=một", "=hai"}));
    EXPECT_EQ(Marks(DiffLines("", "mới\nthêm")), (std::vector<std::string>{"+mới", "+thêm"}));
    EXPECT_EQ(Marks(DiffLines("cũ\nbỏ", "")), (std::vector<std::string>{"-cũ", "-bỏ"}));
}

TEST(DiffLines, ReplacedLinesShowDeletionBeforeInsertion) {
    auto diff = DiffLines("Tiêu đề\nCó 100 người dự.\nKết thúc", "Tiêu đề\nCó 120 người dự.\nKết thúc");
    EXPECT_TRUE(diff.Changed());
    EXPECT_EQ(Marks(diff),
              (std::vector<std::string>{"=Tiêu đề", "-Có 100 người dự.", "+Có 120 người dự.", "=Kết thúc"}));
    EXPECT_EQ(Marks(DiffLines("a\nb\nc", "x\na\nb\nc\ny")), (std::vector<std::string>{"+x", "=a", "=b", "=c", "+y"}));
    EXPECT_EQ(Marks(DiffLines("a\nb\nc\nd", "a\nd")), (std::vector<std::string>{"=a", "-b", "-c", "=d"}));
    EXPECT_EQ(Marks(DiffLines("a", "b")), (std::vector<std::string>{"-a", "+b"}));
}

TEST(DiffLines, MarkupIsKeptAsTextForTheTemplateToEscape) {
    auto diff = DiffLines("<b>cũ</b>", "<script>alert(1)</script>");
    EXPECT_EQ(Marks(diff), (std::vector<std::string>{"-<b>cũ</b>", "+<script>alert(1)</script>"}));
}

// Random texts over a few distinct lines: the script must rebuild both texts and keep a longest common
// subsequence (so it is a shortest script).
TEST(DiffLines, RandomTextsGetAShortestValidScript) {
    std::mt19937 random(20260305);
    const std::vector<std::string> alphabet = {"a", "b", "c", "d", ""};
    for (int round = 0; round < 3000; ++round) {
        std::uniform_int_distribution<int> size(0, round < 2000 ? 12 : 60);
        std::uniform_int_distribution<int> pick(0, round % 3 == 0 ? 1 : static_cast<int>(alphabet.size()) - 1);
        std::vector<std::string> a(static_cast<std::size_t>(size(random)));
        std::vector<std::string> b(static_cast<std::size_t>(size(random)));
        for (auto& line : a) {
            line = alphabet[static_cast<std::size_t>(pick(random))];
        }
        for (auto& line : b) {
            line = alphabet[static_cast<std::size_t>(pick(random))];
        }
        auto diff = DiffLines(Join(a), Join(b));
        ASSERT_FALSE(diff.too_large);
        std::vector<std::string> old_side, new_side;
        std::size_t same = 0;
        for (const auto& line : diff.lines) {
            if (line.change != LineChange::kInserted) {
                old_side.push_back(line.text);
            }
            if (line.change != LineChange::kDeleted) {
                new_side.push_back(line.text);
            }
            same += line.change == LineChange::kSame ? 1 : 0;
        }
        ASSERT_EQ(old_side, a) << "round " << round;
        ASSERT_EQ(new_side, b) << "round " << round;
        ASSERT_EQ(same, LcsLength(a, b)) << "round " << round << ": not a shortest script";
    }
}

TEST(DiffLines, LongTextsWithFewChangesAreQuick) {
    std::string before, after;
    for (int i = 0; i < 15000; ++i) {
        before += "Dòng số " + std::to_string(i) + "\n";
        after += (i % 1000 == 7 ? "Dòng đã sửa " : "Dòng số ") + std::to_string(i) + "\n";
    }
    auto diff = DiffLines(before, after);
    ASSERT_FALSE(diff.too_large);
    std::size_t changed = 0;
    for (const auto& line : diff.lines) {
        changed += line.change != LineChange::kSame ? 1 : 0;
    }
    EXPECT_EQ(changed, 30u);
}

TEST(DiffLines, TooLongOrTooDifferentTextsAreNotCompared) {
    std::string many;
    for (int i = 0; i < 20001; ++i) {
        many += "x\n";
    }
    auto diff = DiffLines(many, "x\n");
    EXPECT_TRUE(diff.too_large);
    EXPECT_TRUE(diff.lines.empty());
    EXPECT_TRUE(diff.Changed());
    EXPECT_FALSE(DiffLines(many, many, DiffLimits{30000, 1000}).too_large) << "equal texts cost nothing to compare";

    std::string odd, even;
    for (int i = 0; i < 2000; ++i) {
        odd += std::to_string(2 * i + 1) + "\n" + "chung\n";
        even += std::to_string(2 * i) + "\n" + "chung\n";
    }
    EXPECT_TRUE(DiffLines(odd, even, DiffLimits{20000, 5000}).too_large);
    EXPECT_FALSE(DiffLines(odd, even).too_large);
}

}  // namespace
}  // namespace tuyenvan::portal
