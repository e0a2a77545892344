// PostgreSQL: search_docs holds the originals and two tsvectors built from detail::Tokenize's words.
//
// The tsvectors and tsqueries are written as literals rather than produced by to_tsvector, so the
// words are exactly the ones SQLite and the highlighter see, and no extension (unaccent) is needed.
#include <string>
#include <vector>

#include "platform/search/indexes.hpp"

namespace tuyenvan::search::detail {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS search_docs (
    id BIGINT PRIMARY KEY,
    site_id BIGINT NOT NULL,
    section_id BIGINT NOT NULL,
    published_at BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    folded tsvector NOT NULL,
    exact tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS search_docs_site ON search_docs (site_id, section_id, published_at);
CREATE INDEX IF NOT EXISTS search_docs_folded ON search_docs USING GIN (folded);
-- Other sites and sections that list the document (an item shared to another site's column).
ALTER TABLE search_docs ADD COLUMN IF NOT EXISTS also_sites BIGINT[] NOT NULL DEFAULT '{}';
ALTER TABLE search_docs ADD COLUMN IF NOT EXISTS also_sections BIGINT[] NOT NULL DEFAULT '{}';
)sql";

// An array literal of ids: "{1,2}".
std::string IdArray(const std::vector<std::int64_t>& ids) {
    std::string out = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out += (i == 0 ? "" : ",") + std::to_string(ids[i]);
    }
    return out + "}";
}

class PostgresIndex final : public Index {
public:
    void EnsureSchema(db::Connection& connection) const override { connection.ExecuteScript(kSchema); }

    void Upsert(db::Connection& connection, const Document& document) const override {
        std::string title = Normalize(document.title);
        std::string body = Normalize(document.body);
        std::vector<Token> title_words = Tokenize(title, kMaxTitleWords);
        std::vector<Token> body_words = Tokenize(body, kMaxBodyWords);
        connection.Query(
            "INSERT INTO search_docs (id, site_id, section_id, published_at, title, body, folded, exact, also_sites, "
            "also_sections) VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS tsvector), CAST($8 AS tsvector), "
            "CAST($9 AS BIGINT[]), CAST($10 AS BIGINT[])) "
            "ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, section_id = excluded.section_id, "
            "published_at = excluded.published_at, title = excluded.title, body = excluded.body, "
            "folded = excluded.folded, exact = excluded.exact, also_sites = excluded.also_sites, "
            "also_sections = excluded.also_sections",
            {document.id, document.site_id, document.section_id, document.published_at_ms, title, body,
             TsVector(title_words, body_words, false), TsVector(title_words, body_words, true),
             IdArray(document.also_site_ids), IdArray(document.also_section_ids)});
    }

    void Optimize(db::Connection& /*connection*/) const override {
        // The GIN index merges its pending list by itself (autovacuum); nothing to do here.
    }

    void Remove(db::Connection& connection, std::int64_t id) const override {
        connection.Query("DELETE FROM search_docs WHERE id = $1", {id});
    }

    Results Search(db::Connection& connection, const Query& query) const override {
        std::vector<Term> terms = ParseQuery(query.text);
        if (terms.empty()) {
            return {};
        }
        std::vector<db::Value> params{TsQuery(terms, false), query.site_id};
        auto param = [&params](db::Value value) {
            params.push_back(std::move(value));
            return "$" + std::to_string(params.size());
        };
        // The GIN index on `folded` finds the candidates; the filters narrow them.
        std::string from = " FROM search_docs AS d WHERE d.folded @@ CAST($1 AS tsquery) AND "
                           "(d.site_id = $2 OR $2 = ANY (d.also_sites))";
        if (query.section_id) {
            std::string section = param(*query.section_id);
            from += " AND (d.section_id = " + section + " OR " + section + " = ANY (d.also_sections))";
        }
        AppendFilters(from, query, param);
        Results results;
        results.total = connection.Query("SELECT COUNT(*)" + from, params).Int(0, 0);
        if (results.total == 0) {
            return results;
        }
        // Relevance is computed for the newest kRankedWindow matches only; older matches follow
        // them, newest first. The exact-word bonus counts for every match.
        constexpr std::int64_t kRankedWindow = 400;
        std::string oldest = "0";
        if (results.total > kRankedWindow) {
            auto newest = connection.Query("SELECT d.id" + from + " ORDER BY d.id DESC LIMIT 1 OFFSET " +
                                               std::to_string(kRankedWindow - 1),
                                           params);
            if (!newest.Empty()) {
                oldest = param(newest.Int(0, 0));
            }
        }
        // One point per accented term found exactly as typed; ts_rank squeezed below one point.
        std::string bonus = "0";
        for (const Term& term : terms) {
            if (term.accented) {
                std::vector<Term> one{term};
                bonus += " + CAST(d.exact @@ CAST(" + param(TsQuery(one, true)) + " AS tsquery) AS integer)";
            }
        }
        std::string relevance = "CASE WHEN d.id >= " + oldest + " THEN ts_rank(d.folded, CAST($1 AS tsquery)) END";
        std::string limit = param(std::int64_t{ClampedLimit(query)});
        std::string offset = param(std::int64_t{ClampedOffset(query)});
        // Only ids and scores are sorted; titles and bodies are read for the page alone.
        db::Rows ranked = connection.Query(
            "SELECT id, CAST(bonus + COALESCE(relevance / (1.0 + relevance), 0) AS double precision) AS score "
            "FROM (SELECT d.id, " + bonus + " AS bonus, " + relevance + " AS relevance" + from +
                ") AS candidates ORDER BY bonus DESC, relevance IS NULL, relevance DESC, id DESC LIMIT " + limit +
                " OFFSET " + offset,
            params);
        ReadHits(connection, ranked, terms, results);
        return results;
    }
};

}  // namespace

std::unique_ptr<Index> MakePostgresIndex() {
    return std::make_unique<PostgresIndex>();
}

}  // namespace tuyenvan::search::detail
