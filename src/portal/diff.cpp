#include "portal/diff.hpp"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>

namespace tuyenvan::portal {
namespace {

using Index = std::ptrdiff_t;

// Lines are compared as small integers: equal lines get equal numbers.
struct Interned {
    std::vector<int> before;
    std::vector<int> after;
};

Interned Intern(const std::vector<std::string_view>& before, const std::vector<std::string_view>& after) {
    std::unordered_map<std::string_view, int> numbers;
    numbers.reserve(before.size() + after.size());
    auto number = [&](std::string_view line) {
        return numbers.emplace(line, static_cast<int>(numbers.size())).first->second;
    };
    Interned out;
    out.before.reserve(before.size());
    out.after.reserve(after.size());
    for (auto line : before) {
        out.before.push_back(number(line));
    }
    for (auto line : after) {
        out.after.push_back(number(line));
    }
    return out;
}

// Where a range is split, or why it is not.
struct Split {
    enum class Outcome { kFound, kNoCommonLine, kOverBudget };
    Outcome outcome = Outcome::kNoCommonLine;
    Index x = 0;
    Index y = 0;
};

// Takes `cost` from the budget; false when it is spent.
bool Spend(std::size_t& budget, std::size_t cost) {
    if (cost > budget) {
        budget = 0;
        return false;
    }
    budget -= cost;
    return true;
}

// Finds where a shortest edit script of a → b crosses the middle: Myers' search run from both ends at
// once until the paths overlap (the "middle snake"), in O((N+M)·D) time and O(N+M) space. Returns the
// split point; kNoCommonLine when a and b share no line at all (the script deletes a and inserts b).
Split Bisect(std::span<const int> a, std::span<const int> b, std::size_t& budget) {
    const Index n = static_cast<Index>(a.size());
    const Index m = static_cast<Index>(b.size());
    const Index max_d = (n + m + 1) / 2;
    const Index offset = max_d + 1;
    const Index length = 2 * max_d + 3;
    // v1[offset + k]: the furthest x reached on diagonal k from the start; v2 the same from the end.
    std::vector<Index> v1(static_cast<std::size_t>(length), -1);
    std::vector<Index> v2(static_cast<std::size_t>(length), -1);
    v1[offset + 1] = 0;
    v2[offset + 1] = 0;
    const Index delta = n - m;
    // With an odd delta the forward path meets the reverse one; with an even delta the reverse meets it.
    const bool front = delta % 2 != 0;
    Index k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
    for (Index d = 0; d < max_d; ++d) {
        for (Index k1 = -d + k1_start; k1 <= d - k1_end; k1 += 2) {
            const Index at = offset + k1;
            Index x1 = (k1 == -d || (k1 != d && v1[at - 1] < v1[at + 1])) ? v1[at + 1] : v1[at - 1] + 1;
            Index y1 = x1 - k1;
            const Index start = x1;
            while (x1 < n && y1 < m && a[x1] == b[y1]) {
                ++x1;
                ++y1;
            }
            if (!Spend(budget, 1 + static_cast<std::size_t>(x1 - start))) {
                return Split{Split::Outcome::kOverBudget};
            }
            v1[at] = x1;
            if (x1 > n) {
                k1_end += 2;  // ran off the right edge
            } else if (y1 > m) {
                k1_start += 2;  // ran off the bottom edge
            } else if (front) {
                const Index k2_at = offset + delta - k1;
                if (k2_at >= 0 && k2_at < length && v2[k2_at] != -1 && x1 >= n - v2[k2_at]) {
                    return Split{Split::Outcome::kFound, x1, y1};
                }
            }
        }
        for (Index k2 = -d + k2_start; k2 <= d - k2_end; k2 += 2) {
            const Index at = offset + k2;
            Index x2 = (k2 == -d || (k2 != d && v2[at - 1] < v2[at + 1])) ? v2[at + 1] : v2[at - 1] + 1;
            Index y2 = x2 - k2;
            const Index start = x2;
            while (x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1]) {
                ++x2;
                ++y2;
            }
            if (!Spend(budget, 1 + static_cast<std::size_t>(x2 - start))) {
                return Split{Split::Outcome::kOverBudget};
            }
            v2[at] = x2;
            if (x2 > n) {
                k2_end += 2;
            } else if (y2 > m) {
                k2_start += 2;
            } else if (!front) {
                const Index k1_at = offset + delta - k2;
                if (k1_at >= 0 && k1_at < length && v1[k1_at] != -1) {
                    const Index x1 = v1[k1_at];
                    const Index y1 = x1 - (k1_at - offset);
                    if (x1 >= n - x2) {
                        return Split{Split::Outcome::kFound, x1, y1};
                    }
                }
            }
        }
    }
    return Split{};
}

// Writes the edit script of before[a0, a1) → after[b0, b1) into `out`, without recursion: the pieces
// wait on a stack, each range split in two by its middle snake. False when the budget ran out.
bool Script(const Interned& lines, const std::vector<std::string_view>& before,
            const std::vector<std::string_view>& after, std::size_t& budget, std::vector<DiffLine>& out) {
    struct Task {
        Index a0, a1, b0, b1;
        bool same = false;  ///< emit before[a0, a1) as unchanged, nothing to compare
    };
    auto emit = [&](LineChange change, std::string_view text) { out.push_back(DiffLine{change, std::string(text)}); };
    std::vector<Task> stack{{0, static_cast<Index>(before.size()), 0, static_cast<Index>(after.size())}};
    while (!stack.empty()) {
        Task task = stack.back();
        stack.pop_back();
        if (task.same) {
            for (Index i = task.a0; i < task.a1; ++i) {
                emit(LineChange::kSame, before[i]);
            }
            continue;
        }
        Index a0 = task.a0, a1 = task.a1, b0 = task.b0, b1 = task.b1;
        while (a0 < a1 && b0 < b1 && lines.before[a0] == lines.after[b0]) {
            emit(LineChange::kSame, before[a0]);
            ++a0;
            ++b0;
        }
        Index suffix = 0;
        while (a1 - suffix > a0 && b1 - suffix > b0 && lines.before[a1 - suffix - 1] == lines.after[b1 - suffix - 1]) {
            ++suffix;
        }
        a1 -= suffix;
        b1 -= suffix;
        if (suffix > 0) {
            stack.push_back(Task{a1, a1 + suffix, b1, b1 + suffix, true});
        }
        Split split;
        if (a0 < a1 && b0 < b1) {
            std::span<const int> a(lines.before.data() + a0, static_cast<std::size_t>(a1 - a0));
            std::span<const int> b(lines.after.data() + b0, static_cast<std::size_t>(b1 - b0));
            split = Bisect(a, b, budget);
        }
        if (split.outcome == Split::Outcome::kOverBudget) {
            return false;
        }
        if (split.outcome == Split::Outcome::kNoCommonLine) {
            for (Index i = a0; i < a1; ++i) {
                emit(LineChange::kDeleted, before[i]);
            }
            for (Index j = b0; j < b1; ++j) {
                emit(LineChange::kInserted, after[j]);
            }
            continue;
        }
        Index x = a0 + split.x;
        Index y = b0 + split.y;
        // Both halves are smaller than the range (the overlap lies strictly inside it once the common
        // ends are gone), so the loop ends.
        assert((x > a0 || y > b0) && (x < a1 || y < b1));
        // The right half waits below the left one, so the left is written first.
        stack.push_back(Task{x, a1, y, b1});
        stack.push_back(Task{a0, x, b0, y});
    }
    return true;
}

}  // namespace

bool LineDiff::Changed() const {
    return too_large || std::any_of(lines.begin(), lines.end(),
                                    [](const DiffLine& line) { return line.change != LineChange::kSame; });
}

std::vector<std::string_view> SplitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        start = next;
    }
    return lines;
}

LineDiff DiffLines(std::string_view before, std::string_view after, const DiffLimits& limits) {
    LineDiff diff;
    auto old_lines = SplitLines(before);
    auto new_lines = SplitLines(after);
    if (old_lines.size() > limits.max_lines || new_lines.size() > limits.max_lines) {
        diff.too_large = true;
        return diff;
    }
    Interned interned = Intern(old_lines, new_lines);
    std::size_t budget = limits.max_steps;
    diff.lines.reserve(old_lines.size() + new_lines.size());
    if (!Script(interned, old_lines, new_lines, budget, diff.lines)) {
        diff.lines.clear();
        diff.too_large = true;
    }
    return diff;
}

}  // namespace tuyenvan::portal
