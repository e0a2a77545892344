#pragma once

/// @file Full-text search over portal documents: SQLite FTS5 or PostgreSQL full text behind one interface.
///
/// Vietnamese is matched with and without diacritics: every word is indexed twice, lowercased as
/// written ("tuyển") and folded by text::Fold ("tuyen"). Queries match the folded forms, so
/// "dang bo" finds "Đảng bộ"; words the user typed with diacritics earn a bonus where the document
/// has exactly those words, so "tuyên vận" ranks "Công tác tuyên vận" above "Tuyển văn thư".

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace tuyenvan::search {

/// A searchable document, usually one published article.
struct Document {
    /// Caller's id (the article id); one index entry per id.
    std::int64_t id = 0;
    /// The portal site it belongs to; a search finds it there (and on the sites below that list it).
    std::int64_t site_id = 0;
    /// The section within the site.
    std::int64_t section_id = 0;
    /// Title as written, plain text.
    std::string title;
    /// Body as plain text (markup already removed).
    std::string body;
    /// Publication time, UTC epoch milliseconds.
    std::int64_t published_at_ms = 0;
    /// Other sites that list it (an item shared to their "Thông tin tuyên vận" column): it is found there too.
    std::vector<std::int64_t> also_site_ids{};
    /// Further sections that list it, on its site or another: the section filter finds it in them too.
    std::vector<std::int64_t> also_section_ids{};
};

/// A search request; `text` is raw user input and may hold anything.
struct Query {
    /// Words are all required; text in double quotes is a phrase.
    std::string text;
    /// The site searched.
    std::int64_t site_id = 0;
    /// Restrict to one section (the document's own, or one that also lists it).
    std::optional<std::int64_t> section_id{};
    /// Restrict to published_at_ms >= from_ms.
    std::optional<std::int64_t> from_ms{};
    /// Restrict to published_at_ms <= to_ms.
    std::optional<std::int64_t> to_ms{};
    /// Page size, clamped to 1..100.
    int limit = 20;
    /// Hits skipped, clamped to 0..10000.
    int offset = 0;
};

/// One result.
struct Hit {
    /// The document id.
    std::int64_t id = 0;
    /// Higher is better: the number of diacritic-exact query terms the document holds, plus the
    /// engine's text relevance squeezed into [0, 1).
    double score = 0;
    /// The title HTML-escaped, matched words wrapped in <mark>.
    std::string title_html;
    /// About 30 words of the body around the first match, escaped and marked the same way.
    std::string snippet_html;
};

/// One page of results.
struct Results {
    /// Hits ordered by score, then newest first.
    std::vector<Hit> hits;
    /// All documents matching, for pagination.
    std::int64_t total = 0;
};

/// The search index of one database engine. Stateless: one instance may serve all threads.
class Index {
public:
    virtual ~Index() = default;

    /// The index for `engine`.
    static std::unique_ptr<Index> Create(db::Engine engine);

    /// Creates the search_ tables and indexes when they are missing.
    virtual void EnsureSchema(db::Connection& connection) const = 0;
    /// Adds the document or replaces the one with its id.
    virtual void Upsert(db::Connection& connection, const Document& document) const = 0;
    /// Removes the document with `id`; nothing happens when there is none.
    virtual void Remove(db::Connection& connection, std::int64_t id) const = 0;
    /// Runs a query; input that holds no word finds nothing.
    virtual Results Search(db::Connection& connection, const Query& query) const = 0;
    /// Rewrites the index into its fastest form (SQLite: merges FTS5's segments into one; PostgreSQL keeps
    /// its GIN index itself). Takes seconds on a large archive: for loads and a nightly job.
    virtual void Optimize(db::Connection& connection) const = 0;
};

/// The index for the connection's engine; the free functions below go through it.
const Index& IndexFor(db::Engine engine);

/// Creates the search_ tables when missing (run once at start-up, inside Database::Write).
void EnsureSchema(db::Connection& connection);
/// Adds or replaces a document; call inside Database::Write so its rows change together.
void Upsert(db::Connection& connection, const Document& document);
/// Removes a document; call inside Database::Write.
void Remove(db::Connection& connection, std::int64_t id);
/// Runs a query on a reading connection.
Results Search(db::Connection& connection, const Query& query);
/// Index::Optimize; call inside Database::Write.
void Optimize(db::Connection& connection);

}  // namespace tuyenvan::search
