// Line-based comparison of two texts (Myers' O(ND) algorithm in linear space), for showing what a
// revision of an item changed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::portal {

/// What happened to one line between the old and the new text.
enum class LineChange { kSame, kDeleted, kInserted };

/// One line of a comparison, in reading order: deleted lines come before the inserted lines that replace them.
struct DiffLine {
    LineChange change = LineChange::kSame;
    std::string text;  ///< without its line break
};

/// The outcome of a comparison.
struct LineDiff {
    /// True when the texts were too long to compare; `lines` is then empty.
    bool too_large = false;
    std::vector<DiffLine> lines;

    /// True when some line differs.
    bool Changed() const;
};

/// Bounds that keep a comparison cheap whatever the input.
struct DiffLimits {
    /// Texts with more lines than this (either side) are not compared.
    std::size_t max_lines = 20000;
    /// Work budget: the number of diagonals the search may visit before it gives up.
    std::size_t max_steps = std::size_t{20} * 1000 * 1000;
};

/// Splits a text into lines on "\n" (a "\r" before it is dropped); a final line break adds no empty
/// line, and an empty text has no lines.
std::vector<std::string_view> SplitLines(std::string_view text);

/// A shortest line-based edit script turning `before` into `after`: every line of `before` appears in
/// order as kSame or kDeleted, every line of `after` as kSame or kInserted, and the kSame lines are a
/// longest common subsequence.
LineDiff DiffLines(std::string_view before, std::string_view after, const DiffLimits& limits = {});

}  // namespace tuyenvan::portal
