// SQLite: FTS5 holds the folded and the exact words of each document; search_docs the originals.
#include <string>
#include <vector>

#include "platform/search/indexes.hpp"

namespace tuyenvan::search::detail {
namespace {

// The tokenizer keeps the character classes of detail::Tokenize and leaves diacritics alone, because
// folding has already happened: the folded columns match any accent, the exact ones only the written form.
// The `site` column holds one word, "s<site id>", so the site filter is a doclist merge inside FTS5
// rather than a lookup per candidate.
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
CREATE VIRTUAL TABLE IF NOT EXISTS search_terms USING fts5(
    folded_title, folded_body, exact_title, exact_body, site,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
)sql";

constexpr std::string_view kFoldedColumns = "{folded_title folded_body}";
constexpr std::string_view kExactColumns = "{exact_title exact_body}";
// Beyond this many matches, relevance is ranked among the newest ones (the count stays exact):
// a query that matches most of the archive is ranked in a few milliseconds instead of a few tens.
constexpr std::int64_t kRankedWindow = 400;

std::string SiteWord(std::int64_t site_id) { return "s" + std::to_string(site_id); }

void InsertTerms(db::Connection& connection, std::int64_t id, std::int64_t site_id, const std::string& title,
                 const std::string& body) {
    std::vector<Token> title_words = Tokenize(title, kMaxTitleWords);
    std::vector<Token> body_words = Tokenize(body, kMaxBodyWords);
    connection.Query(
        "INSERT INTO search_terms (rowid, folded_title, folded_body, exact_title, exact_body, site) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {id, JoinFolded(title_words), JoinFolded(body_words), JoinExact(title_words), JoinExact(body_words),
         SiteWord(site_id)});
}

class SqliteIndex final : public Index {
public:
    void EnsureSchema(db::Connection& connection) const override {
        connection.ExecuteScript(kSchema);
        // Databases indexed before the site column: index their documents again, once.
        if (!connection.Query("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").Empty()) {
            connection.ExecuteScript("DROP TABLE search_fts; DELETE FROM search_terms;");
            auto rows = connection.Query("SELECT id, site_id, title, body FROM search_docs");
            for (std::size_t i = 0; i < rows.Size(); ++i) {
                InsertTerms(connection, rows.Int(i, 0), rows.Int(i, 1), rows.String(i, 2), rows.String(i, 3));
            }
        }
    }

    void Upsert(db::Connection& connection, const Document& document) const override {
        std::string title = Normalize(document.title);
        std::string body = Normalize(document.body);
        connection.Query(
            "INSERT INTO search_docs (id, site_id, section_id, published_at, title, body) "
            "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, "
            "section_id = excluded.section_id, published_at = excluded.published_at, title = excluded.title, "
            "body = excluded.body",
            {document.id, document.site_id, document.section_id, document.published_at_ms, title, body});
        connection.Query("DELETE FROM search_terms WHERE rowid = $1", {document.id});
        InsertTerms(connection, document.id, document.site_id, title, body);
    }

    void Remove(db::Connection& connection, std::int64_t id) const override {
        connection.Query("DELETE FROM search_terms WHERE rowid = $1", {id});
        connection.Query("DELETE FROM search_docs WHERE id = $1", {id});
    }

    Results Search(db::Connection& connection, const Query& query) const override {
        std::vector<Term> terms = ParseQuery(query.text);
        if (terms.empty()) {
            return {};
        }
        // Recall comes from the folded columns and the site word, both inside FTS5.
        std::string match = Fts5Expression(terms, kFoldedColumns, false) + " AND {site} : " + SiteWord(query.site_id);
        std::vector<db::Value> params{match};
        auto param = [&params](db::Value value) {
            params.push_back(std::move(value));
            return "$" + std::to_string(params.size());
        };
        // Section and dates need the documents table; most searches have neither.
        bool filtered = query.section_id || query.from_ms || query.to_ms;
        std::string from = " FROM search_terms";
        std::string where = " WHERE search_terms MATCH $1";
        if (filtered) {
            from += " JOIN search_docs AS d ON d.id = search_terms.rowid";
            AppendFilters(where, query, param);
        }
        Results results;
        results.total = connection.Query("SELECT COUNT(*)" + from + where, params).Int(0, 0);
        if (results.total == 0) {
            return results;
        }
        // Relevance (bm25) is computed for the newest kRankedWindow matches only; older matches
        // follow them, newest first. The exact-word bonus counts for every match, so exact words
        // still come first on every page.
        std::string oldest = "0";
        if (results.total > kRankedWindow) {
            auto newest = connection.Query("SELECT search_terms.rowid" + from + where +
                                               " ORDER BY search_terms.rowid DESC LIMIT 1 OFFSET " +
                                               std::to_string(kRankedWindow - 1),
                                           params);
            if (!newest.Empty()) {
                oldest = param(newest.Int(0, 0));
            }
        }
        // One point per accented term found exactly as typed (within the site); bm25 (negative,
        // lower is better) adds less than one point, so exact words always outrank folded matches.
        std::string bonus = "0";
        for (const Term& term : terms) {
            if (term.accented) {
                std::vector<Term> one{term};
                bonus += " + (search_terms.rowid IN (SELECT rowid FROM search_terms(" +
                         param(Fts5Expression(one, kExactColumns, true) + " AND {site} : " + SiteWord(query.site_id)) +
                         ")))";
            }
        }
        std::string limit = param(std::int64_t{ClampedLimit(query)});
        std::string offset = param(std::int64_t{ClampedOffset(query)});
        // bm25 is computed once per ranked candidate in the inner query (a CASE evaluates only the
        // branch it takes); only ids and scores are sorted.
        db::Rows ranked = connection.Query(
            "SELECT id, bonus + CASE WHEN relevance IS NULL THEN 0 ELSE relevance / (1.0 + relevance) END AS score "
            "FROM (SELECT search_terms.rowid AS id, " +
                bonus + " AS bonus, CASE WHEN search_terms.rowid >= " + oldest +
                " THEN -bm25(search_terms, 4.0, 1.0, 0.0, 0.0, 0.0) END AS relevance" + from + where +
                ") ORDER BY bonus DESC, relevance IS NULL, relevance DESC, id DESC LIMIT " + limit + " OFFSET " + offset,
            params);
        ReadHits(connection, ranked, terms, results);
        return results;
    }
};

}  // namespace

std::unique_ptr<Index> MakeSqliteIndex() {
    return std::make_unique<SqliteIndex>();
}

}  // namespace tuyenvan::search::detail
