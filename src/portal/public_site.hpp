// The public sites: home, sections, items, tags, archive, documents, search, feeds and sitemaps,
// served to anonymous readers from the page cache and rendered on a miss.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "org/web.hpp"
#include "platform/http/router.hpp"
#include "portal/audience.hpp"
#include "portal/page_cache.hpp"
#include "portal/public_store.hpp"
#include "portal/service.hpp"

namespace tuyenvan::portal {

/// Settings of the public sites.
struct PublicOptions {
    /// The site served at "/" on hosts that no site claims; empty: the first site created.
    std::string default_site;
    /// Items per list page.
    std::int64_t per_page = 20;
};

/// The public side of every site. One instance, built in the composition root.
class PublicSite {
public:
    PublicSite(db::Database& database, const org::Web& web, Audience& audience, Generations& generations,
               PageCache& cache, PublicOptions options);

    /// Registers every public page twice: under "/{site}/…" and at the root for the host's or default site.
    void Register(http::Router& router);
    /// Serves `/media/{id}/{variant}`: re-encoded pictures and attached documents.
    void RegisterMedia(http::Router& router);

    /// What a render produced.
    struct Rendered {
        http::Response response;
        std::int64_t site_id = 0;  ///< 0: do not count a page view (feeds, sitemaps)
        std::optional<std::int64_t> item_id;
        bool cacheable = true;
        std::vector<std::pair<const Generations::Counter*, std::uint64_t>> depends;
    };
    /// The site a request addresses, and what a page needs of it.
    struct Context;

private:
    using Renderer = std::function<Rendered(Context&, http::Request&)>;
    void Page(http::Router& router, const std::string& pattern, std::vector<std::string_view> kept, Renderer render);
    Context Resolve(http::Request& request, const std::optional<org::Principal>& principal);

    Rendered Home(Context& ctx, http::Request& request);
    Rendered SectionPage(Context& ctx, http::Request& request);
    Rendered ItemPage(Context& ctx, http::Request& request, bool print);
    Rendered TagPage(Context& ctx, http::Request& request);
    Rendered Archive(Context& ctx, http::Request& request);
    Rendered Documents(Context& ctx, http::Request& request);
    Rendered Search(Context& ctx, http::Request& request);
    Rendered Rss(Context& ctx, http::Request& request);
    Rendered Sitemap(Context& ctx, http::Request& request);
    Rendered NewsSitemap(Context& ctx, http::Request& request);
    http::Response Rate(http::Request& request);

    db::Database& database_;
    const org::Web& web_;
    Audience& audience_;
    Generations& generations_;
    PageCache& cache_;
    PublicOptions options_;
    PublicStore store_;
};

}  // namespace tuyenvan::portal
