// SQLite: FTS5 holds the folded and the exact words of each document; search_docs the originals.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "platform/search/indexes.hpp"

namespace tuyenvan::search::detail {
namespace {

// The tokenizer keeps the character classes of detail::Tokenize and leaves diacritics alone, because
// folding has already happened: the folded columns match any accent, the exact ones only the written form.
// The `site` column holds the words "s<site id>" of every site that lists the document and "c<section id>"
// of every section that does, so the site and section filters are doclist merges inside FTS5 rather than
// a lookup per candidate. search_docs keeps the lists, so the terms can be rebuilt from it.
constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS search_docs (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL,
    section_id INTEGER NOT NULL,
    published_at INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    also_sites TEXT NOT NULL DEFAULT '',
    also_sections TEXT NOT NULL DEFAULT ''
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
std::string SectionWord(std::int64_t section_id) { return "c" + std::to_string(section_id); }

std::string JoinIds(const std::vector<std::int64_t>& ids) {
    std::string out;
    for (std::int64_t id : ids) {
        out += (out.empty() ? "" : " ") + std::to_string(id);
    }
    return out;
}

std::vector<std::int64_t> SplitIds(std::string_view text) {
    std::vector<std::int64_t> ids;
    std::int64_t value = 0;
    bool any = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            any = true;
        } else if (any) {
            ids.push_back(value);
            value = 0;
            any = false;
        }
    }
    if (any) {
        ids.push_back(value);
    }
    return ids;
}

// The words of the `site` column: every site and every section that lists the document.
std::string PlaceWords(std::int64_t site_id, std::int64_t section_id, const std::vector<std::int64_t>& also_sites,
                       const std::vector<std::int64_t>& also_sections) {
    std::string out = SiteWord(site_id) + " " + SectionWord(section_id);
    for (std::int64_t id : also_sites) {
        out += " " + SiteWord(id);
    }
    for (std::int64_t id : also_sections) {
        out += " " + SectionWord(id);
    }
    return out;
}

// The columns a query's words are looked up in. FTS5 reads a column filter from every position list, which
// costs as much as the match itself, and most queries need none: a folded word (no diacritics) is in the
// exact columns only where the text had it without diacritics, and then in the folded ones too; an accented
// word is in the exact columns only. Only a word spelled like a site or section word ("s12", "c7") must keep
// off the site column.
std::string_view ColumnsFor(const std::vector<Term>& terms, std::string_view columns) {
    for (const Term& term : terms) {
        for (const auto& word : term.folded) {
            if (word.size() > 1 && (word[0] == 's' || word[0] == 'c') &&
                std::all_of(word.begin() + 1, word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                return columns;
            }
        }
    }
    return "";
}

void InsertTerms(db::Connection& connection, std::int64_t id, const std::string& places, const std::string& title,
                 const std::string& body) {
    std::vector<Token> title_words = Tokenize(title, kMaxTitleWords);
    std::vector<Token> body_words = Tokenize(body, kMaxBodyWords);
    connection.Query(
        "INSERT INTO search_terms (rowid, folded_title, folded_body, exact_title, exact_body, site) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {id, JoinFolded(title_words), JoinFolded(body_words), JoinExact(title_words), JoinExact(body_words), places});
}

class SqliteIndex final : public Index {
public:
    void EnsureSchema(db::Connection& connection) const override {
        connection.ExecuteScript(kSchema);
        // Databases indexed before the site column, or before sections and shared sites were words of it:
        // index their documents again, once.
        bool rebuild = false;
        if (!connection.Query("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").Empty()) {
            connection.ExecuteScript("DROP TABLE search_fts;");
            rebuild = true;
        }
        if (connection.Query("SELECT 1 FROM pragma_table_info('search_docs') WHERE name = 'also_sites'").Empty()) {
            connection.ExecuteScript("ALTER TABLE search_docs ADD COLUMN also_sites TEXT NOT NULL DEFAULT ''; "
                                     "ALTER TABLE search_docs ADD COLUMN also_sections TEXT NOT NULL DEFAULT '';");
            rebuild = true;
        }
        if (rebuild) {
            connection.ExecuteScript("DELETE FROM search_terms;");
            auto rows = connection.Query(
                "SELECT id, site_id, section_id, also_sites, also_sections, title, body FROM search_docs");
            for (std::size_t i = 0; i < rows.Size(); ++i) {
                InsertTerms(connection, rows.Int(i, 0),
                            PlaceWords(rows.Int(i, 1), rows.Int(i, 2), SplitIds(rows.Text(i, 3)), SplitIds(rows.Text(i, 4))),
                            rows.String(i, 5), rows.String(i, 6));
            }
        }
    }

    void Upsert(db::Connection& connection, const Document& document) const override {
        std::string title = Normalize(document.title);
        std::string body = Normalize(document.body);
        connection.Query(
            "INSERT INTO search_docs (id, site_id, section_id, published_at, title, body, also_sites, also_sections) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, "
            "section_id = excluded.section_id, published_at = excluded.published_at, title = excluded.title, "
            "body = excluded.body, also_sites = excluded.also_sites, also_sections = excluded.also_sections",
            {document.id, document.site_id, document.section_id, document.published_at_ms, title, body,
             JoinIds(document.also_site_ids), JoinIds(document.also_section_ids)});
        connection.Query("DELETE FROM search_terms WHERE rowid = $1", {document.id});
        InsertTerms(connection, document.id,
                    PlaceWords(document.site_id, document.section_id, document.also_site_ids, document.also_section_ids),
                    title, body);
    }

    void Optimize(db::Connection& connection) const override {
        // A search reads every segment's doclists; one segment halves the time of a query that matches
        // most of a large archive.
        connection.Query("INSERT INTO search_terms (search_terms) VALUES ('optimize')");
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
        std::string places = " AND {site} : " + SiteWord(query.site_id);
        if (query.section_id) {
            places += " AND {site} : " + SectionWord(*query.section_id);
        }
        std::string match = Fts5Expression(terms, ColumnsFor(terms, kFoldedColumns), false) + places;
        std::vector<db::Value> params{match};
        auto param = [&params](db::Value value) {
            params.push_back(std::move(value));
            return "$" + std::to_string(params.size());
        };
        // Dates need the documents table; most searches have none.
        bool filtered = query.from_ms || query.to_ms;
        std::string from = " FROM search_terms";
        std::string where = " WHERE search_terms MATCH $1";
        if (filtered) {
            from += " JOIN search_docs AS d ON d.id = search_terms.rowid";
            AppendFilters(where, query, param);
        }
        // Every match, newest first: one pass over the doclists gives the total and the ranked window.
        db::Rows matched = connection.Query("SELECT search_terms.rowid" + from + where + " ORDER BY search_terms.rowid DESC",
                                            params);
        Results results;
        results.total = static_cast<std::int64_t>(matched.Size());
        if (results.total == 0) {
            return results;
        }
        struct Entry {
            std::int64_t id = 0;
            int bonus = 0;
            bool ranked = false;
            double relevance = 0;
        };
        std::vector<Entry> entries(matched.Size());
        for (std::size_t i = 0; i < matched.Size(); ++i) {
            entries[i].id = matched.Int(i, 0);
        }
        // One point per accented term found exactly as typed (within the site); bm25 adds less than one
        // point, so exact words always outrank folded matches, on every page. Both lists are newest first.
        for (const Term& term : terms) {
            if (!term.accented) {
                continue;
            }
            std::vector<Term> one{term};
            db::Rows exact = connection.Query(
                "SELECT rowid FROM search_terms WHERE search_terms MATCH $1 AND rowid >= $2 ORDER BY rowid DESC",
                {Fts5Expression(one, ColumnsFor(one, kExactColumns), true) + " AND {site} : " + SiteWord(query.site_id),
                 entries.back().id});
            std::size_t e = 0;
            for (std::size_t i = 0; i < exact.Size() && e < entries.size(); ++i) {
                std::int64_t id = exact.Int(i, 0);
                while (e < entries.size() && entries[e].id > id) {
                    ++e;
                }
                if (e < entries.size() && entries[e].id == id) {
                    ++entries[e].bonus;
                }
            }
        }
        // Relevance (bm25) only for the newest kRankedWindow matches: FTS5 reads the rowid bound, so a query
        // matching most of the archive is scored on a few hundred documents. Older matches follow, newest first.
        std::size_t window = std::min<std::size_t>(entries.size(), kRankedWindow);
        std::string bound = param(entries[window - 1].id);
        db::Rows scored = connection.Query("SELECT search_terms.rowid, -bm25(search_terms, 4.0, 1.0, 0.0, 0.0, 0.0)" +
                                               from + where + " AND search_terms.rowid >= " + bound,
                                           params);
        std::unordered_map<std::int64_t, double> relevance;
        relevance.reserve(scored.Size());
        for (std::size_t i = 0; i < scored.Size(); ++i) {
            relevance.emplace(scored.Int(i, 0), scored.Real(i, 1));
        }
        for (std::size_t i = 0; i < window; ++i) {
            auto found = relevance.find(entries[i].id);
            if (found != relevance.end()) {
                entries[i].ranked = true;
                entries[i].relevance = found->second;
            }
        }
        // Only the requested page is sorted: bonus, then ranked before unranked, relevance, newest.
        std::size_t offset = static_cast<std::size_t>(ClampedOffset(query));
        std::size_t end = std::min(entries.size(), offset + static_cast<std::size_t>(ClampedLimit(query)));
        if (offset >= end) {
            return results;
        }
        auto better = [](const Entry& a, const Entry& b) {
            if (a.bonus != b.bonus) return a.bonus > b.bonus;
            if (a.ranked != b.ranked) return a.ranked;
            if (a.relevance != b.relevance) return a.relevance > b.relevance;
            return a.id > b.id;
        };
        std::partial_sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(end), entries.end(), better);
        std::vector<std::pair<std::int64_t, double>> ranked;
        for (std::size_t i = offset; i < end; ++i) {
            const Entry& entry = entries[i];
            double score = entry.bonus + (entry.ranked ? entry.relevance / (1.0 + entry.relevance) : 0.0);
            ranked.emplace_back(entry.id, score);
        }
        ReadHits(connection, ranked, terms, results);
        return results;
    }
};

}  // namespace

std::unique_ptr<Index> MakeSqliteIndex() {
    return std::make_unique<SqliteIndex>();
}

}  // namespace tuyenvan::search::detail
