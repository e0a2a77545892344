// SQLite: FTS5 holds the folded and the exact words of each document; search_docs the originals.
#include <string>
#include <vector>

#include "platform/search/indexes.hpp"

namespace tuyenvan::search::detail {
namespace {

// The tokenizer keeps the character classes of detail::Tokenize and leaves diacritics alone, because
// folding has already happened: the folded columns match any accent, the exact ones only the written form.
constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS search_docs (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL,
    section_id INTEGER NOT NULL,
    published_at INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS search_docs_site ON search_docs (site_id, section_id, published_at);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    folded_title, folded_body, exact_title, exact_body,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
)sql";

constexpr std::string_view kFoldedColumns = "{folded_title folded_body}";
constexpr std::string_view kExactColumns = "{exact_title exact_body}";

class SqliteIndex final : public Index {
public:
    void EnsureSchema(db::Connection& connection) const override { connection.ExecuteScript(kSchema); }

    void Upsert(db::Connection& connection, const Document& document) const override {
        std::string title = Normalize(document.title);
        std::string body = Normalize(document.body);
        std::vector<Token> title_words = Tokenize(title, kMaxTitleWords);
        std::vector<Token> body_words = Tokenize(body, kMaxBodyWords);
        connection.Query(
            "INSERT INTO search_docs (id, site_id, section_id, published_at, title, body) "
            "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, "
            "section_id = excluded.section_id, published_at = excluded.published_at, title = excluded.title, "
            "body = excluded.body",
            {document.id, document.site_id, document.section_id, document.published_at_ms, title, body});
        connection.Query("DELETE FROM search_fts WHERE rowid = $1", {document.id});
        connection.Query(
            "INSERT INTO search_fts (rowid, folded_title, folded_body, exact_title, exact_body) "
            "VALUES ($1, $2, $3, $4, $5)",
            {document.id, JoinFolded(title_words), JoinFolded(body_words), JoinExact(title_words),
             JoinExact(body_words)});
    }

    void Remove(db::Connection& connection, std::int64_t id) const override {
        connection.Query("DELETE FROM search_fts WHERE rowid = $1", {id});
        connection.Query("DELETE FROM search_docs WHERE id = $1", {id});
    }

    Results Search(db::Connection& connection, const Query& query) const override {
        std::vector<Term> terms = ParseQuery(query.text);
        if (terms.empty()) {
            return {};
        }
        std::vector<db::Value> params{Fts5Expression(terms, kFoldedColumns, false), query.site_id};
        auto param = [&params](db::Value value) {
            params.push_back(std::move(value));
            return "$" + std::to_string(params.size());
        };
        // Recall comes from the folded columns through the FTS index; the site, section and date
        // filters apply to those candidates only.
        std::string from =
            " FROM search_fts JOIN search_docs AS d ON d.id = search_fts.rowid "
            "WHERE search_fts MATCH $1 AND d.site_id = $2";
        AppendFilters(from, query, param);
        std::size_t filter_params = params.size();
        // One point per accented term found exactly as typed; bm25 (negative, lower is better) adds
        // less than one point, so exact words always outrank mere folded matches.
        std::string score = "0";
        for (const Term& term : terms) {
            if (term.accented) {
                std::vector<Term> one{term};
                score += " + (search_fts.rowid IN (SELECT rowid FROM search_fts(" +
                         param(Fts5Expression(one, kExactColumns, true)) + ")))";
            }
        }
        std::string relevance = "(-bm25(search_fts, 4.0, 1.0, 0.0, 0.0))";
        score += " + " + relevance + " / (1.0 + " + relevance + ")";
        std::string limit = param(std::int64_t{ClampedLimit(query)});
        std::string offset = param(std::int64_t{ClampedOffset(query)});
        // The window count lives outside the subquery because SQLite cannot evaluate bm25 in a
        // query that also computes a window function.
        db::Rows rows = connection.Query(
            "SELECT id, title, body, score, COUNT(*) OVER () FROM (SELECT d.id, d.title, d.body, d.published_at, " +
                score + " AS score" + from + ") ORDER BY score DESC, published_at DESC, id DESC LIMIT " + limit +
                " OFFSET " + offset,
            params);
        return CollectResults(connection, rows, query, terms, "SELECT COUNT(*)" + from, std::move(params),
                              filter_params);
    }
};

}  // namespace

std::unique_ptr<Index> MakeSqliteIndex() {
    return std::make_unique<SqliteIndex>();
}

}  // namespace tuyenvan::search::detail
