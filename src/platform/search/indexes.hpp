#pragma once

/// @file The two engine implementations of search::Index and what they share; private to tv_search.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/search/analyze.hpp"
#include "platform/search/search.hpp"

namespace tuyenvan::search::detail {

/// SQLite: an FTS5 table beside a table of the originals.
std::unique_ptr<Index> MakeSqliteIndex();
/// PostgreSQL: tsvector columns with a GIN index.
std::unique_ptr<Index> MakePostgresIndex();

/// Page size clamped to what Query documents.
int ClampedLimit(const Query& query);
/// Offset clamped to what Query documents.
int ClampedOffset(const Query& query);

/// A result row with its title and snippet highlighted for `terms`.
Hit MakeHit(std::int64_t id, double score, std::string_view title, std::string_view body,
            const std::vector<Term>& terms);

/// Appends the date filters of `query` to `sql` as " AND d.…" conditions; `param` adds a parameter and
/// returns its placeholder. Each engine filters sections itself (a document may be listed in several).
void AppendFilters(std::string& sql, const Query& query, const std::function<std::string(db::Value)>& param);

/// Adds to `results` the hits of `ranked` (columns id, score; best first) with their titles and
/// snippets read from search_docs for this page alone.
void ReadHits(db::Connection& connection, const db::Rows& ranked, const std::vector<Term>& terms, Results& results);
/// The same for (id, score) pairs, best first.
void ReadHits(db::Connection& connection, const std::vector<std::pair<std::int64_t, double>>& ranked,
              const std::vector<Term>& terms, Results& results);

/// Words indexed per body at most, so one huge document cannot exceed the engines' limits.
inline constexpr std::size_t kMaxBodyWords = 50000;
/// Words indexed per title at most.
inline constexpr std::size_t kMaxTitleWords = 500;

}  // namespace tuyenvan::search::detail
