#include "portal/page_cache.hpp"

#include <algorithm>
#include <functional>

#include "platform/http/static_files.hpp"
#include "platform/security/crypto.hpp"

namespace tuyenvan::portal {
namespace {

bool Accepts(std::string_view accept_encoding, std::string_view coding) {
    std::size_t at = 0;
    while ((at = accept_encoding.find(coding, at)) != std::string_view::npos) {
        bool starts = at == 0 || accept_encoding[at - 1] == ' ' || accept_encoding[at - 1] == ',';
        std::size_t end = at + coding.size();
        bool ends = end == accept_encoding.size() || accept_encoding[end] == ',' || accept_encoding[end] == ';' ||
                    accept_encoding[end] == ' ';
        if (starts && ends) {
            // "br;q=0" refuses the coding.
            auto rest = accept_encoding.substr(end, 6);
            return !(rest.starts_with(";q=0") && (rest.size() < 6 || rest[5] == ',' || rest == ";q=0.0"));
        }
        at = end;
    }
    return false;
}

}  // namespace

// Generations

Generations::Generations(db::Database& database) : database_(database) {}

void Generations::Bump(db::Connection& c, const std::string& scope, std::int64_t now_ms) {
    // The '*' row hands out the numbers; its row lock makes the changes commit in number order.
    auto next = c.Query("UPDATE cache_generations SET generation = generation + 1, changed_at = $1 WHERE scope = '*' "
                        "RETURNING generation",
                        {now_ms})
                    .Int(0, 0);
    c.Query("INSERT INTO cache_generations (scope, generation, changed_at) VALUES ($1, $2, $3) "
            "ON CONFLICT (scope) DO UPDATE SET generation = excluded.generation, changed_at = excluded.changed_at",
            {scope, next, now_ms});
}

Generations::Counter& Generations::Slot(const std::string& scope) {
    std::lock_guard lock(mutex_);
    auto& slot = counters_[scope];
    if (!slot) {
        slot = std::make_unique<Counter>(0);
    }
    return *slot;
}

const Generations::Counter& Generations::Of(const std::string& scope) { return Slot(scope); }

void Generations::Poll() {
    std::lock_guard poll_lock(poll_mutex_);
    auto rows = database_.ReadValue([&](db::Connection& c) {
        return c.Query("SELECT scope, generation FROM cache_generations WHERE generation > $1", {seen_});
    });
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        auto value = static_cast<std::uint64_t>(rows.Int(i, 1));
        seen_ = std::max<std::int64_t>(seen_, rows.Int(i, 1));
        Counter& counter = Slot(rows.String(i, 0));
        std::uint64_t current = counter.load();
        while (current < value && !counter.compare_exchange_weak(current, value)) {
        }
    }
    polls_.fetch_add(1);
}

// Pages

bool CachedPage::Current() const {
    return std::all_of(depends.begin(), depends.end(),
                       [](const auto& dependency) { return dependency.first->load() == dependency.second; });
}

PageCache::PageCache(std::chrono::milliseconds max_age, std::size_t max_entries, std::size_t max_bytes)
    : max_age_(max_age),
      max_entries_per_shard_(std::max<std::size_t>(1, max_entries / kShards)),
      max_bytes_per_shard_(std::max<std::size_t>(1, max_bytes / kShards)) {}

std::string PageCache::Key(const http::Request& request, const std::vector<std::string_view>& kept) {
    std::string_view host = request.Header("Host");
    std::string key;
    key.reserve(4 + host.size() + request.path.size() + 32);
    key += request.secure ? "s|" : "h|";
    std::size_t host_at = key.size();
    key += host;
    std::transform(key.begin() + static_cast<std::ptrdiff_t>(host_at), key.end(), key.begin() + static_cast<std::ptrdiff_t>(host_at),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    key += '|';
    key += request.path;
    // `kept` is in a fixed order, so the key does not depend on the order in the address.
    for (auto name : kept) {
        const std::string* value = request.query.Find(name);
        if (value != nullptr && !value->empty()) {
            key += '|';
            key += name;
            key += '=';
            key += *value;
        }
    }
    return key;
}

PageCache::Shard& PageCache::ShardOf(const std::string& key) const {
    return shards_[std::hash<std::string>{}(key) % kShards];
}

std::shared_ptr<const CachedPage> PageCache::Find(const std::string& key) const {
    Shard& shard = ShardOf(key);
    std::shared_ptr<const CachedPage> page;
    {
        std::lock_guard lock(shard.mutex);
        auto found = shard.pages.find(key);
        if (found != shard.pages.end()) {
            page = found->second;
        }
    }
    if (!page || !page->Current()) {
        misses_.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    if (std::chrono::steady_clock::now() - page->rendered_at > max_age_ && !page->refreshing.exchange(true)) {
        misses_.fetch_add(1, std::memory_order_relaxed);
        return nullptr;  // this caller re-renders; the others keep getting the aged page meanwhile
    }
    hits_.fetch_add(1, std::memory_order_relaxed);
    return page;
}

std::shared_ptr<const CachedPage> PageCache::Store(
    const std::string& key, http::Response response, std::int64_t site_id, std::optional<std::int64_t> item_id,
    std::vector<std::pair<const Generations::Counter*, std::uint64_t>> depends) {
    auto page = std::make_shared<CachedPage>();
    page->status = response.status;
    page->content_type = std::move(response.content_type);
    page->etag = "\"" + security::Sha256Hex(response.body).substr(0, 24) + "\"";
    page->identity = std::move(response.body);
    page->site_id = site_id;
    page->item_id = item_id;
    page->depends = std::move(depends);
    page->rendered_at = std::chrono::steady_clock::now();
    // Room for the compressed copies too, which are made later (they are far smaller).
    std::size_t bytes = key.size() + page->identity.size() + page->identity.size() / 2;
    Shard& shard = ShardOf(key);
    std::lock_guard lock(shard.mutex);
    if (shard.pages.size() >= max_entries_per_shard_ || shard.bytes + bytes > max_bytes_per_shard_) {
        shard.pages.clear();
        shard.bytes = 0;
    }
    auto [slot, inserted] = shard.pages.try_emplace(key, page);
    if (!inserted) {
        const auto& old = *slot->second;
        shard.bytes -= std::min(shard.bytes, key.size() + old.identity.size() + old.identity.size() / 2);
        slot->second = page;
    }
    shard.bytes += bytes;
    return page;
}

http::Response PageCache::Serve(const http::Request& request, const std::shared_ptr<const CachedPage>& shared) {
    const CachedPage& page = *shared;
    http::Response response;
    response.status = page.status;
    response.content_type = page.content_type;
    response.no_store = false;
    response.headers.reserve(4);
    response.With("Cache-Control", "no-cache");
    response.With("ETag", page.etag);
    response.With("Vary", "Accept-Encoding");
    auto if_none_match = request.Header("If-None-Match");
    if (page.status == 200 && !if_none_match.empty() && if_none_match.find(page.etag) != std::string_view::npos) {
        response.status = 304;
        return response;
    }
    // The body is the cached string itself, kept alive by the response (no copy per request).
    auto accept = request.Header("Accept-Encoding");
    bool small = page.identity.size() <= 256;
    if (!small && Accepts(accept, "br")) {
        std::call_once(page.brotli_once, [&page] { page.brotli = http::Brotli(page.identity, 5); });
        response.shared_body = std::shared_ptr<const std::string>(shared, &page.brotli);
        response.With("Content-Encoding", "br");
    } else if (!small && Accepts(accept, "gzip")) {
        std::call_once(page.gzip_once, [&page] { page.gzip = http::Gzip(page.identity, 6); });
        response.shared_body = std::shared_ptr<const std::string>(shared, &page.gzip);
        response.With("Content-Encoding", "gzip");
    } else {
        response.shared_body = std::shared_ptr<const std::string>(shared, &page.identity);
    }
    return response;
}

void PageCache::Clear() {
    for (auto& shard : shards_) {
        std::lock_guard lock(shard.mutex);
        shard.pages.clear();
        shard.bytes = 0;
    }
}

}  // namespace tuyenvan::portal
