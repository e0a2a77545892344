#include "platform/search/search.hpp"

#include <algorithm>

#include "platform/search/indexes.hpp"

namespace tuyenvan::search {

std::unique_ptr<Index> Index::Create(db::Engine engine) {
    return engine == db::Engine::kSqlite ? detail::MakeSqliteIndex() : detail::MakePostgresIndex();
}

const Index& IndexFor(db::Engine engine) {
    // Both indexes are stateless and immutable, so sharing one of each is safe.
    static const std::unique_ptr<Index> sqlite = detail::MakeSqliteIndex();
    static const std::unique_ptr<Index> postgres = detail::MakePostgresIndex();
    return engine == db::Engine::kSqlite ? *sqlite : *postgres;
}

void EnsureSchema(db::Connection& connection) {
    IndexFor(connection.GetEngine()).EnsureSchema(connection);
}

void Upsert(db::Connection& connection, const Document& document) {
    IndexFor(connection.GetEngine()).Upsert(connection, document);
}

void Remove(db::Connection& connection, std::int64_t id) {
    IndexFor(connection.GetEngine()).Remove(connection, id);
}

Results Search(db::Connection& connection, const Query& query) {
    return IndexFor(connection.GetEngine()).Search(connection, query);
}

void Optimize(db::Connection& connection) {
    IndexFor(connection.GetEngine()).Optimize(connection);
}

namespace detail {

int ClampedLimit(const Query& query) {
    return std::clamp(query.limit, 1, 100);
}

int ClampedOffset(const Query& query) {
    return std::clamp(query.offset, 0, 10000);
}

Hit MakeHit(std::int64_t id, double score, std::string_view title, std::string_view body,
            const std::vector<Term>& terms) {
    return Hit{id, score, HighlightAll(title, terms), Snippet(body, terms)};
}

void AppendFilters(std::string& sql, const Query& query, const std::function<std::string(db::Value)>& param) {
    if (query.from_ms) {
        sql += " AND d.published_at >= " + param(*query.from_ms);
    }
    if (query.to_ms) {
        sql += " AND d.published_at <= " + param(*query.to_ms);
    }
}

void ReadHits(db::Connection& connection, const db::Rows& ranked, const std::vector<Term>& terms, Results& results) {
    std::vector<std::pair<std::int64_t, double>> pairs;
    for (std::size_t i = 0; i < ranked.Size(); ++i) {
        pairs.emplace_back(ranked.Int(i, 0), ranked.Real(i, 1));
    }
    ReadHits(connection, pairs, terms, results);
}

void ReadHits(db::Connection& connection, const std::vector<std::pair<std::int64_t, double>>& ranked,
              const std::vector<Term>& terms, Results& results) {
    std::vector<db::Value> ids;
    std::string list;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        ids.emplace_back(ranked[i].first);
        list += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
    }
    if (ids.empty()) {
        return;
    }
    db::Rows docs = connection.Query("SELECT id, title, body FROM search_docs WHERE id IN (" + list + ")", ids);
    for (const auto& [id, score] : ranked) {
        for (std::size_t j = 0; j < docs.Size(); ++j) {
            if (docs.Int(j, 0) == id) {
                results.hits.push_back(MakeHit(id, score, docs.Text(j, 1), docs.Text(j, 2), terms));
                break;
            }
        }
    }
}

}  // namespace detail
}  // namespace tuyenvan::search
