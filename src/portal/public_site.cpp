#include "portal/public_site.hpp"

#include <algorithm>
#include <charconv>

#include "platform/http/cookie.hpp"
#include "platform/search/search.hpp"
#include "platform/security/crypto.hpp"
#include "platform/text/format.hpp"
#include "platform/text/slug.hpp"
#include "platform/text/utf8.hpp"
#include "portal/feeds.hpp"

namespace tuyenvan::portal {

struct PublicSite::Context {
    Site site;
    /// Path prefix of this site's pages as addressed ("" at the root, "/huyen-bat-xat" otherwise).
    std::string base;
    /// "http://host" as the reader addressed us, for absolute links (share, feeds, canonical).
    std::string origin;
    std::optional<org::Principal> principal;
    std::vector<Section> sections;
    /// Every site, to link items shown here but belonging to another site.
    std::vector<Site> sites;
    std::int64_t default_site_id = 0;
    std::vector<std::pair<const Generations::Counter*, std::uint64_t>> depends;
    std::int64_t now = 0;
};

namespace {

using boost::beast::http::verb;
using http::Mode;
using http::Request;
using http::Response;

constexpr std::string_view kReaderCookie = "tv_reader";
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

std::int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

[[noreturn]] void NotFound(const std::string& message = "Không tìm thấy trang yêu cầu.") {
    throw http::HttpError(404, "not_found", message);
}

std::int64_t PageNumber(const Request& request) {
    auto value = org::ToInt(request.query.Get("trang"));
    if (!value) {
        return 1;
    }
    if (*value < 1 || *value > 10000) {
        NotFound();
    }
    return *value;
}

// "cong-tac-tuyen-van-123" → 123.
std::optional<std::int64_t> TrailingId(std::string_view slug_id) {
    auto dash = slug_id.rfind('-');
    std::string_view digits = dash == std::string_view::npos ? slug_id : slug_id.substr(dash + 1);
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec != std::errc{} || end != digits.data() + digits.size() || id <= 0) {
        return std::nullopt;
    }
    return id;
}

std::string SiteBase(const PublicSite::Context& ctx, std::int64_t site_id);

std::string ItemPath(const PublicSite::Context& ctx, std::int64_t site_id, const std::string& slug, std::int64_t id) {
    return SiteBase(ctx, site_id) + "/bai-viet/" + slug + "-" + std::to_string(id);
}

std::string SiteBase(const PublicSite::Context& ctx, std::int64_t site_id) {
    if (site_id == ctx.site.id) {
        return ctx.base;
    }
    for (const auto& site : ctx.sites) {
        if (site.id == site_id) {
            return site.id == ctx.default_site_id && ctx.base.empty() && !ctx.site.host ? "" : "/" + site.slug;
        }
    }
    return "";
}

std::string PictureUrl(std::int64_t media_id, int width, std::string_view extension) {
    return "/media/" + std::to_string(media_id) + "/" + std::to_string(width) + "." + std::string(extension);
}

view::Data PictureData(std::int64_t media_id, const std::string& alt, int width, int height, bool lazy) {
    view::Data picture;
    picture.set("src", PictureUrl(media_id, 640, "jpg"));
    picture.set("srcset_jpg", PictureUrl(media_id, 320, "jpg") + " 320w, " + PictureUrl(media_id, 640, "jpg") +
                                  " 640w, " + PictureUrl(media_id, 1280, "jpg") + " 1280w");
    picture.set("srcset_webp", PictureUrl(media_id, 320, "webp") + " 320w, " + PictureUrl(media_id, 640, "webp") +
                                   " 640w, " + PictureUrl(media_id, 1280, "webp") + " 1280w");
    picture.set("alt", alt);
    if (width > 0 && height > 0) {
        picture.set("width", std::to_string(std::min(width, 1280)));
        picture.set("height", std::to_string(static_cast<std::int64_t>(height) * std::min(width, 1280) / width));
    }
    picture.set("lazy", lazy);
    return picture;
}

view::Data TeaserData(const PublicSite::Context& ctx, const Teaser& teaser, bool with_picture) {
    view::Data data;
    data.set("title", teaser.title);
    data.set("href", ItemPath(ctx, teaser.site_id, teaser.slug, teaser.id));
    if (!teaser.sapo.empty()) {
        data.set("sapo", teaser.sapo);
    }
    data.set("date", text::FormatDateTime(teaser.published_at));
    data.set("iso", text::FormatIsoDate(teaser.published_at));
    data.set("section", teaser.section_name);
    data.set("genre", std::string(GenreLabel(teaser.genre)));
    if (with_picture && teaser.featured_media_id) {
        data["picture"] = PictureData(*teaser.featured_media_id, teaser.title, 0, 0, true);
    }
    return data;
}

view::List TeaserList(const PublicSite::Context& ctx, const std::vector<Teaser>& teasers, bool with_pictures) {
    view::List list = view::MakeList();
    for (const auto& teaser : teasers) {
        view::Append(list, TeaserData(ctx, teaser, with_pictures));
    }
    return list;
}

std::string Absolute(const PublicSite::Context& ctx, const std::string& path) { return ctx.origin + path; }

// A list page (section, tag, archive): its teasers sit right under the page's <h1>.
Response ListPage(const view::View& views, view::Data data) {
    view::Data top;
    top.set("top_level", true);
    data["top"] = std::move(top);
    return Response::Html(views.Render("portal/list", data));
}

}  // namespace

PublicSite::PublicSite(db::Database& database, const org::Web& web, Audience& audience, Generations& generations,
                       PageCache& cache, PublicOptions options)
    : database_(database),
      web_(web),
      audience_(audience),
      generations_(generations),
      cache_(cache),
      options_(std::move(options)) {}

PublicSite::Context PublicSite::Resolve(Request& request, const std::optional<org::Principal>& principal) {
    Context ctx;
    ctx.principal = principal;
    ctx.now = NowMs();
    std::string host(request.Header("Host"));
    std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
    ctx.origin = std::string(request.secure ? "https://" : "http://") + (host.empty() ? "localhost" : host);
    const std::string& slug = request.PathParam("site");
    auto without_port = host.substr(0, host.rfind(':') == std::string::npos ? host.size() : host.rfind(':'));
    database_.Read([&](db::Connection& c) {
        ctx.sites = Store{}.AllSites(c);
        if (ctx.sites.empty()) {
            NotFound("Chưa có trang thông tin nào.");
        }
        const Site* found = nullptr;
        const Site* by_host = nullptr;
        const Site* by_default = &ctx.sites.front();
        for (const auto& site : ctx.sites) {
            if (site.host && (*site.host == host || *site.host == without_port)) {
                by_host = &site;
            }
            if (!options_.default_site.empty() && site.slug == options_.default_site) {
                by_default = &site;
            }
        }
        ctx.default_site_id = by_default->id;
        if (!slug.empty()) {
            for (const auto& site : ctx.sites) {
                if (site.slug == slug) {
                    found = &site;
                }
            }
            if (found == nullptr) {
                NotFound();
            }
            ctx.base = "/" + slug;
        } else {
            found = by_host != nullptr ? by_host : by_default;
            ctx.base = "";
        }
        ctx.site = *found;
    });
    // The generation is read before the pages' data: a change after this point makes the page stale.
    const auto& generation = generations_.Of("site:" + std::to_string(ctx.site.id));
    ctx.depends.emplace_back(&generation, generation.load());
    database_.Read([&](db::Connection& c) {
        // Re-read the site itself after taking the generation, so its name is never older than the page.
        if (auto site = Store{}.FindSite(c, ctx.site.id)) {
            ctx.site = *site;
        }
        ctx.sections = Store{}.Sections(c, ctx.site.id);
    });
    return ctx;
}

namespace {

// The data every public page's layout needs.
view::Data LayoutData(const PublicSite::Context& ctx, const SiteFigures& figures, const std::string& title,
                      const std::string& asset_version, const std::string& current_section) {
    view::Data data;
    data.set("page_title", title);
    data.set("site_name", ctx.site.name);
    if (!ctx.site.tagline.empty()) {
        data.set("site_tagline", ctx.site.tagline);
    }
    if (ctx.site.logo_media_id) {
        data.set("logo", PictureUrl(*ctx.site.logo_media_id, 320, "jpg"));
    }
    data.set("home", ctx.base.empty() ? "/" : ctx.base + "/");
    data.set("base", ctx.base);
    data.set("asset_version", asset_version);
    view::List nav = view::MakeList();
    for (const auto& section : ctx.sections) {
        if (section.parent_id) {
            continue;
        }
        view::Data entry;
        entry.set("name", section.name);
        entry.set("href", ctx.base + "/chuyen-muc/" + section.slug);
        entry.set("current", section.slug == current_section);
        view::Append(nav, std::move(entry));
    }
    data["nav"] = std::move(nav);
    view::Data counters;
    counters.set("today", text::FormatNumber(figures.today));
    counters.set("month", text::FormatNumber(figures.month));
    counters.set("year", text::FormatNumber(figures.year));
    counters.set("online", text::FormatNumber(figures.online));
    std::string iso = text::FormatIsoDate(ctx.now);  // yyyy-mm-dd
    counters.set("month_label", "Tháng " + iso.substr(5, 2));
    counters.set("year_label", "Năm " + iso.substr(0, 4));
    data["counters"] = std::move(counters);
    view::List sites = view::MakeList();
    for (const auto& site : ctx.sites) {
        view::Data entry;
        entry.set("name", site.name);
        entry.set("href", "/" + site.slug + "/");
        view::Append(sites, std::move(entry));
    }
    data["sites"] = std::move(sites);
    data.set("year", iso.substr(0, 4));
    if (ctx.principal) {
        view::Data user;
        user.set("name", ctx.principal->display_name);
        data["user"] = std::move(user);
    }
    return data;
}

}  // namespace

void PublicSite::Page(http::Router& router, const std::string& pattern, std::vector<std::string_view> kept,
                      Renderer render) {
    for (bool prefixed : {true, false}) {
        std::string full = prefixed ? "/{site}" + pattern : (pattern.empty() ? "/" : pattern);
        auto& route = router.Add(verb::get, full, Mode::kBlocking, [this, kept, render](Request& request) {
            auto principal = web_.CurrentPrincipal(request);
            Context ctx = Resolve(request, principal);
            Rendered rendered = render(ctx, request);
            for (auto& dependency : ctx.depends) {
                rendered.depends.push_back(dependency);
            }
            if (rendered.site_id != 0) {
                audience_.RecordView(rendered.site_id, rendered.item_id, request.remote_address,
                                     request.Header("User-Agent"));
            }
            // Nothing rendered for a request carrying a session cookie enters the cache, even when the
            // session has ended: what such a reader sees is rendered for them alone.
            if (principal || request.Cookie(org::kSessionCookie) || !rendered.cacheable ||
                rendered.response.status != 200) {
                return std::move(rendered.response);
            }
            auto page = cache_.Store(PageCache::Key(request, kept), std::move(rendered.response), rendered.site_id,
                                     rendered.item_id, std::move(rendered.depends));
            return PageCache::Serve(request, page);
        });
        route.fast = [this, kept](Request& request) -> std::optional<Response> {
            // A signed-in reader gets pages rendered for them; the session never enters a key.
            if (request.Cookie(org::kSessionCookie)) {
                return std::nullopt;
            }
            auto page = cache_.Find(PageCache::Key(request, kept));
            if (!page) {
                return std::nullopt;
            }
            if (page->site_id != 0) {
                audience_.RecordView(page->site_id, page->item_id, request.remote_address,
                                     request.Header("User-Agent"));
            }
            return PageCache::Serve(request, page);
        };
    }
}

void PublicSite::Register(http::Router& router) {
    using std::placeholders::_1;
    using std::placeholders::_2;
    Page(router, "", {}, [this](Context& ctx, Request& request) { return Home(ctx, request); });
    Page(router, "/chuyen-muc/{section}", {"trang"},
         [this](Context& ctx, Request& request) { return SectionPage(ctx, request); });
    Page(router, "/bai-viet/{item}", {}, [this](Context& ctx, Request& request) { return ItemPage(ctx, request, false); });
    Page(router, "/bai-viet/{item}/in", {},
         [this](Context& ctx, Request& request) { return ItemPage(ctx, request, true); });
    Page(router, "/the/{tag}", {"trang"}, [this](Context& ctx, Request& request) { return TagPage(ctx, request); });
    Page(router, "/luu-tru/{year}/{month}", {"trang"},
         [this](Context& ctx, Request& request) { return Archive(ctx, request); });
    Page(router, "/van-ban", {"trang"}, [this](Context& ctx, Request& request) { return Documents(ctx, request); });
    Page(router, "/tim-kiem", {"q", "chuyen-muc", "tu", "den", "trang"},
         [this](Context& ctx, Request& request) { return Search(ctx, request); });
    Page(router, "/rss.xml", {}, [this](Context& ctx, Request& request) { return Rss(ctx, request); });
    Page(router, "/chuyen-muc/{section}/rss.xml", {},
         [this](Context& ctx, Request& request) { return Rss(ctx, request); });
    Page(router, "/sitemap.xml", {}, [this](Context& ctx, Request& request) { return Sitemap(ctx, request); });
    Page(router, "/sitemap-tin-tuc.xml", {},
         [this](Context& ctx, Request& request) { return NewsSitemap(ctx, request); });
    for (const char* pattern : {"/{site}/bai-viet/{item}/danh-gia", "/bai-viet/{item}/danh-gia"}) {
        router.Add(verb::post, pattern, Mode::kBlocking, [this](Request& request) { return Rate(request); })
            .body_limit = 4096;
    }
}

PublicSite::Rendered PublicSite::Home(Context& ctx, Request&) {
    SiteFigures figures = audience_.Figures(ctx.site.id);
    view::Data data = LayoutData(ctx, figures, ctx.site.name, web_.Options().asset_version, "");
    data.set("is_home", true);
    database_.Read([&](db::Connection& c) {
        auto featured = store_.Featured(c, ctx.site.id, 5);
        if (!featured.empty()) {
            data["lead"] = TeaserData(ctx, featured.front(), true);
            data["featured"] = TeaserList(ctx, std::vector<Teaser>(featured.begin() + 1, featured.end()), true);
            data.set("has_featured", featured.size() > 1);
        }
        data["latest"] = TeaserList(ctx, store_.Latest(c, ctx.site.id, 10, 0, false).items, false);
        view::List blocks = view::MakeList();
        for (const auto& section : ctx.sections) {
            auto items = store_.InSection(c, section.id, section.is_outreach ? 6 : 4, 0, false).items;
            if (items.empty()) {
                continue;
            }
            view::Data block;
            block.set("name", section.name);
            block.set("href", ctx.base + "/chuyen-muc/" + section.slug);
            block.set("outreach", section.is_outreach);
            block["items"] = TeaserList(ctx, items, true);
            view::Append(blocks, std::move(block));
        }
        data["blocks"] = std::move(blocks);
    });
    data.set("canonical", Absolute(ctx, ctx.base + "/"));
    data.set("description", ctx.site.tagline.empty() ? ctx.site.name : ctx.site.tagline);
    data.set("rss", ctx.base + "/rss.xml");
    Rendered rendered;
    rendered.response = Response::Html(web_.Views().Render("portal/home", data));
    rendered.site_id = ctx.site.id;
    return rendered;
}

PublicSite::Rendered PublicSite::SectionPage(Context& ctx, Request& request) {
    const std::string& slug = request.PathParam("section");
    auto section = std::find_if(ctx.sections.begin(), ctx.sections.end(),
                                [&](const Section& s) { return s.slug == slug; });
    if (section == ctx.sections.end()) {
        NotFound("Không tìm thấy chuyên mục này.");
    }
    std::int64_t page = PageNumber(request);
    SiteFigures figures = audience_.Figures(ctx.site.id);
    std::string title = section->name;
    if (page > 1) {
        title += " – trang " + std::to_string(page);
    }
    view::Data data = LayoutData(ctx, figures, title, web_.Options().asset_version, section->slug);
    data.set("heading", section->name);
    TeaserPage items;
    database_.Read([&](db::Connection& c) {
        items = store_.InSection(c, section->id, options_.per_page, (page - 1) * options_.per_page, true);
    });
    if (items.items.empty() && page > 1) {
        NotFound();
    }
    data["items"] = TeaserList(ctx, items.items, true);
    data.set("empty", items.items.empty());
    data["pagination"] = org::Pagination(page, options_.per_page, items.total, "");
    view::List children = view::MakeList();
    for (const auto& child : ctx.sections) {
        if (child.parent_id == section->id) {
            view::Data entry;
            entry.set("name", child.name);
            entry.set("href", ctx.base + "/chuyen-muc/" + child.slug);
            view::Append(children, std::move(entry));
        }
    }
    data.set("has_children", !children.is_empty_list());
    data["children"] = std::move(children);
    data.set("canonical", Absolute(ctx, ctx.base + "/chuyen-muc/" + section->slug +
                                            (page > 1 ? "?trang=" + std::to_string(page) : "")));
    data.set("description", section->name + " – " + ctx.site.name);
    data.set("rss", ctx.base + "/chuyen-muc/" + section->slug + "/rss.xml");
    Rendered rendered;
    rendered.response = ListPage(web_.Views(), std::move(data));
    rendered.site_id = ctx.site.id;
    return rendered;
}

PublicSite::Rendered PublicSite::ItemPage(Context& ctx, Request& request, bool print) {
    auto id = TrailingId(request.PathParam("item"));
    if (!id) {
        NotFound("Không tìm thấy bài viết.");
    }
    const auto& item_generation = generations_.Of("item:" + std::to_string(*id));
    ctx.depends.emplace_back(&item_generation, item_generation.load());
    std::optional<Item> item;
    std::vector<Teaser> related;
    std::vector<Attachment> documents;
    std::vector<GalleryPicture> gallery;
    std::optional<GalleryPicture> featured;
    RatingSummary rating;
    std::int64_t views = 0;
    database_.Read([&](db::Connection& c) {
        if (!store_.Shows(c, ctx.site.id, *id)) {
            return;
        }
        item = Store{}.FindItem(c, *id);
        if (!item || item->status != ItemStatus::kPublished) {
            item.reset();
            return;
        }
        // The related items the editors chose, else the newest of the same section.
        if (!item->related_item_ids.empty()) {
            related = store_.ByIds(c, item->related_item_ids);
        } else {
            for (auto& teaser : store_.InSection(c, item->section_id, 6, 0, false).items) {
                if (teaser.id != item->id && related.size() < 5) {
                    related.push_back(std::move(teaser));
                }
            }
        }
        documents = store_.ItemDocuments(c, *id);
        gallery = store_.Gallery(c, *id);
        if (item->featured_media_id) {
            featured = store_.Picture(c, *item->featured_media_id);
        }
        rating = audience_.Ratings(c, *id);
        views = audience_.ItemViews(c, ctx.site.id, *id);
    });
    if (!item) {
        NotFound("Không tìm thấy bài viết. Có thể bài đã được gỡ hoặc địa chỉ không đúng.");
    }
    std::string path = ItemPath(ctx, item->site_id, item->slug, item->id);
    std::string here = ctx.base + "/bai-viet/" + item->slug + "-" + std::to_string(item->id);
    if (request.PathParam("item") != item->slug + "-" + std::to_string(item->id)) {
        Rendered moved;
        moved.response = Response::Redirect(here + (print ? "/in" : ""), 301);
        moved.cacheable = false;
        return moved;
    }
    SiteFigures figures = audience_.Figures(ctx.site.id);
    std::string section_slug;
    std::string section_name;
    for (const auto& section : ctx.sections) {
        if (section.id == item->section_id ||
            std::find(item->extra_section_ids.begin(), item->extra_section_ids.end(), section.id) !=
                item->extra_section_ids.end()) {
            section_slug = section.slug;
            section_name = section.name;
            break;
        }
    }
    view::Data data = LayoutData(ctx, figures, item->title, web_.Options().asset_version, section_slug);
    data.set("title", item->title);
    if (!item->sapo.empty()) {
        data.set("sapo", item->sapo);
    }
    data["body"] = item->body_html;  // rendered from Markdown with raw HTML off when it was published
    data.set("date", text::FormatDateTime(item->published_at.value_or(0)));
    data.set("iso", text::FormatIsoDate(item->published_at.value_or(0)));
    data.set("genre", std::string(GenreLabel(item->genre)));
    if (!item->pen_name.empty()) {
        data.set("author", item->pen_name);
    }
    if (!section_name.empty()) {
        data.set("section_name", section_name);
        data.set("section_href", ctx.base + "/chuyen-muc/" + section_slug);
    }
    data.set("views", text::FormatNumber(views));
    data.set("rating_sum", text::FormatNumber(rating.sum));
    data.set("rating_count", text::FormatNumber(rating.count));
    data.set("rate_action", here + "/danh-gia");
    data.set("print_href", here + "/in");
    data.set("thanks", request.query.Get("danh-gia") == "cam-on");
    if (featured) {
        view::Data picture = PictureData(featured->media_id, featured->alt, featured->width, featured->height, false);
        if (!item->featured_caption.empty()) {
            picture.set("caption", item->featured_caption);
        } else if (!featured->caption.empty()) {
            picture.set("caption", featured->caption);
        }
        data["featured"] = std::move(picture);
        data.set("og_image", Absolute(ctx, PictureUrl(featured->media_id, 1280, "jpg")));
    }
    view::List pictures = view::MakeList();
    for (const auto& picture : gallery) {
        view::Data entry = PictureData(picture.media_id, picture.alt, picture.width, picture.height, true);
        if (!picture.caption.empty()) {
            entry.set("caption", picture.caption);
        }
        view::Append(pictures, std::move(entry));
    }
    data.set("has_gallery", !gallery.empty());
    data["gallery"] = std::move(pictures);
    view::List tag_list = view::MakeList();
    // A tag's slug is the slug of its name (Store::SetTags), so FindItem's names are enough.
    for (const auto& tag : item->tags) {
        view::Data entry;
        entry.set("name", tag);
        entry.set("href", ctx.base + "/the/" + text::Slug(tag));
        view::Append(tag_list, std::move(entry));
    }
    data.set("has_tags", !item->tags.empty());
    data["tags"] = std::move(tag_list);
    view::List files = view::MakeList();
    for (const auto& document : documents) {
        view::Data entry;
        entry.set("name", document.name);
        entry.set("href", "/media/" + std::to_string(document.media_id) + "/tai-ve");
        entry.set("size", text::FormatNumber(std::max<std::int64_t>(1, document.bytes / 1024)) + " KB");
        view::Append(files, std::move(entry));
    }
    data.set("has_documents", !documents.empty());
    data["documents"] = std::move(files);
    data.set("has_related", !related.empty());
    data.set("related_heading", item->related_item_ids.empty() ? "Tin cùng chuyên mục" : "Tin liên quan");
    data["related"] = TeaserList(ctx, related, false);
    std::string canonical = Absolute(ctx, path);
    data.set("canonical", canonical);
    data.set("description", item->sapo.empty() ? item->title : item->sapo);
    data.set("og_type", "article");
    std::string url = http::PercentEncode(canonical);
    std::string title_encoded = http::PercentEncode(item->title);
    data.set("share_url", canonical);
    data.set("share_facebook", "https://www.facebook.com/sharer/sharer.php?u=" + url);
    data.set("share_x", "https://x.com/intent/post?url=" + url + "&text=" + title_encoded);
    data.set("share_email", "mailto:?subject=" + title_encoded + "&body=" + url);
    Rendered rendered;
    rendered.response = Response::Html(web_.Views().Render(print ? "portal/print" : "portal/item", data));
    rendered.site_id = ctx.site.id;
    rendered.item_id = item->id;
    rendered.cacheable = !request.query.Has("danh-gia");
    return rendered;
}

PublicSite::Rendered PublicSite::TagPage(Context& ctx, Request& request) {
    std::int64_t page = PageNumber(request);
    std::optional<Tag> tag;
    TeaserPage items;
    database_.Read([&](db::Connection& c) {
        tag = store_.TagBySlug(c, request.PathParam("tag"));
        if (tag) {
            items = store_.WithTag(c, ctx.site.id, tag->id, options_.per_page, (page - 1) * options_.per_page);
        }
    });
    if (!tag || (items.items.empty() && page > 1)) {
        NotFound("Không tìm thấy từ khóa này.");
    }
    view::Data data = LayoutData(ctx, audience_.Figures(ctx.site.id), "Từ khóa: " + tag->name,
                                 web_.Options().asset_version, "");
    data.set("heading", "Từ khóa: " + tag->name);
    data["items"] = TeaserList(ctx, items.items, true);
    data.set("empty", items.items.empty());
    data["pagination"] = org::Pagination(page, options_.per_page, items.total, "");
    data.set("canonical", Absolute(ctx, ctx.base + "/the/" + tag->slug));
    data.set("description", "Bài viết với từ khóa " + tag->name + " – " + ctx.site.name);
    Rendered rendered;
    rendered.response = ListPage(web_.Views(), std::move(data));
    rendered.site_id = ctx.site.id;
    return rendered;
}

PublicSite::Rendered PublicSite::Archive(Context& ctx, Request& request) {
    auto year = org::ToInt(request.PathParam("year"));
    auto month = org::ToInt(request.PathParam("month"));
    if (!year || !month || *year < 1990 || *year > 2200 || *month < 1 || *month > 12) {
        NotFound("Không có lưu trữ cho tháng này.");
    }
    auto two = [](std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    auto from = text::ParseIsoDate(std::to_string(*year) + "-" + two(*month) + "-01");
    std::int64_t next_year = *month == 12 ? *year + 1 : *year;
    std::int64_t next_month = *month == 12 ? 1 : *month + 1;
    auto to = text::ParseIsoDate(std::to_string(next_year) + "-" + two(next_month) + "-01");
    if (!from || !to) {
        NotFound();
    }
    std::int64_t page = PageNumber(request);
    TeaserPage items;
    database_.Read([&](db::Connection& c) {
        items = store_.InPeriod(c, ctx.site.id, *from, *to, options_.per_page, (page - 1) * options_.per_page);
    });
    std::string heading = "Lưu trữ tháng " + two(*month) + "/" + std::to_string(*year);
    view::Data data = LayoutData(ctx, audience_.Figures(ctx.site.id), heading, web_.Options().asset_version, "");
    data.set("heading", heading);
    data["items"] = TeaserList(ctx, items.items, true);
    data.set("empty", items.items.empty());
    data["pagination"] = org::Pagination(page, options_.per_page, items.total, "");
    std::string prefix = ctx.base + "/luu-tru/";
    std::int64_t prev_year = *month == 1 ? *year - 1 : *year;
    std::int64_t prev_month = *month == 1 ? 12 : *month - 1;
    data.set("archive_prev", prefix + std::to_string(prev_year) + "/" + two(prev_month));
    data.set("archive_prev_label", "Tháng " + two(prev_month) + "/" + std::to_string(prev_year));
    if (*to <= ctx.now) {
        data.set("archive_next", prefix + std::to_string(next_year) + "/" + two(next_month));
        data.set("archive_next_label", "Tháng " + two(next_month) + "/" + std::to_string(next_year));
    }
    data.set("canonical", Absolute(ctx, prefix + std::to_string(*year) + "/" + two(*month)));
    data.set("description", heading + " – " + ctx.site.name);
    Rendered rendered;
    rendered.response = ListPage(web_.Views(), std::move(data));
    rendered.site_id = ctx.site.id;
    return rendered;
}

PublicSite::Rendered PublicSite::Documents(Context& ctx, Request& request) {
    std::int64_t page = PageNumber(request);
    std::int64_t total = 0;
    std::vector<Attachment> documents;
    database_.Read([&](db::Connection& c) {
        documents = store_.Documents(c, ctx.site.id, options_.per_page, (page - 1) * options_.per_page, total);
    });
    view::Data data =
        LayoutData(ctx, audience_.Figures(ctx.site.id), "Thư viện văn bản", web_.Options().asset_version, "");
    view::List list = view::MakeList();
    for (const auto& document : documents) {
        view::Data entry;
        entry.set("name", document.name);
        entry.set("href", "/media/" + std::to_string(document.media_id) + "/tai-ve");
        entry.set("kind", document.content_type == "application/pdf" ? "PDF"
                          : document.content_type.find("word") != std::string::npos ? "DOCX"
                                                                                      : "XLSX");
        entry.set("size", text::FormatNumber(std::max<std::int64_t>(1, document.bytes / 1024)) + " KB");
        entry.set("item_title", document.item_title);
        entry.set("item_href", ItemPath(ctx, document.item_site_id, document.item_slug, document.item_id));
        entry.set("date", text::FormatDate(document.published_at));
        view::Append(list, std::move(entry));
    }
    data["documents"] = std::move(list);
    data.set("empty", documents.empty());
    data["pagination"] = org::Pagination(page, options_.per_page, total, "");
    data.set("canonical", Absolute(ctx, ctx.base + "/van-ban"));
    data.set("description", "Văn bản đính kèm các bài viết của " + ctx.site.name);
    Rendered rendered;
    rendered.response = Response::Html(web_.Views().Render("portal/documents", data));
    rendered.site_id = ctx.site.id;
    return rendered;
}

PublicSite::Rendered PublicSite::Search(Context& ctx, Request& request) {
    std::string q = org::Trim(request.query.Get("q"));
    if (q.size() > 200) {
        q.resize(200);
        q = text::ToValidUtf8(q);
    }
    std::int64_t page = PageNumber(request);
    search::Query query;
    query.text = q;
    query.site_id = ctx.site.id;
    query.limit = static_cast<int>(options_.per_page);
    query.offset = static_cast<int>((page - 1) * options_.per_page);
    std::string section_slug = request.query.Get("chuyen-muc");
    for (const auto& section : ctx.sections) {
        if (!section_slug.empty() && section.slug == section_slug) {
            query.section_id = section.id;
        }
    }
    std::string from_text = request.query.Get("tu");
    std::string to_text = request.query.Get("den");
    std::vector<std::string> problems;
    if (!from_text.empty()) {
        query.from_ms = text::ParseIsoDate(from_text);
        if (!query.from_ms) {
            problems.push_back("Ngày bắt đầu không hợp lệ.");
        }
    }
    if (!to_text.empty()) {
        auto to = text::ParseIsoDate(to_text);
        if (!to) {
            problems.push_back("Ngày kết thúc không hợp lệ.");
        } else {
            query.to_ms = *to + kDayMs - 1;
        }
    }
    search::Results results;
    std::vector<Teaser> teasers;
    if (!q.empty() && problems.empty()) {
        database_.Read([&](db::Connection& c) {
            results = search::Search(c, query);
            std::vector<std::int64_t> ids;
            for (const auto& hit : results.hits) {
                ids.push_back(hit.id);
            }
            teasers = store_.ByIds(c, ids);
        });
    }
    view::Data data = LayoutData(ctx, audience_.Figures(ctx.site.id), q.empty() ? "Tìm kiếm" : "Tìm kiếm: " + q,
                                 web_.Options().asset_version, "");
    data.set("q", q);
    data.set("from", from_text);
    data.set("to", to_text);
    view::List sections = view::MakeList();
    for (const auto& section : ctx.sections) {
        view::Data entry;
        entry.set("slug", section.slug);
        entry.set("name", section.name);
        entry.set("selected", section.slug == section_slug);
        view::Append(sections, std::move(entry));
    }
    data["sections"] = std::move(sections);
    view::List hits = view::MakeList();
    for (const auto& hit : results.hits) {
        auto teaser = std::find_if(teasers.begin(), teasers.end(), [&](const Teaser& t) { return t.id == hit.id; });
        if (teaser == teasers.end()) {
            continue;
        }
        view::Data entry;
        entry["title_html"] = hit.title_html;    // escaped by the search module, matches in <mark>
        entry["snippet_html"] = hit.snippet_html;
        entry.set("href", ItemPath(ctx, teaser->site_id, teaser->slug, teaser->id));
        entry.set("date", text::FormatDate(teaser->published_at));
        entry.set("section", teaser->section_name);
        view::Append(hits, std::move(entry));
    }
    data["hits"] = std::move(hits);
    if (!problems.empty()) {
        data.set("problem", problems.front());
    }
    data.set("searched", !q.empty() && problems.empty());
    data.set("total", text::FormatNumber(results.total));
    data.set("none", !q.empty() && problems.empty() && results.hits.empty());
    std::string base_query = "q=" + http::PercentEncode(q);
    if (!section_slug.empty()) {
        base_query += "&chuyen-muc=" + http::PercentEncode(section_slug);
    }
    if (!from_text.empty()) {
        base_query += "&tu=" + http::PercentEncode(from_text);
    }
    if (!to_text.empty()) {
        base_query += "&den=" + http::PercentEncode(to_text);
    }
    data["pagination"] = org::Pagination(page, options_.per_page, std::min<std::int64_t>(results.total, 10000),
                                         base_query);
    data.set("canonical", Absolute(ctx, ctx.base + "/tim-kiem"));
    data.set("description", "Tìm kiếm trên " + ctx.site.name);
    data.set("noindex", true);
    Rendered rendered;
    rendered.response = Response::Html(web_.Views().Render("portal/search", data), problems.empty() ? 200 : 400);
    rendered.site_id = ctx.site.id;
    return rendered;
}

PublicSite::Rendered PublicSite::Rss(Context& ctx, Request& request) {
    const std::string& slug = request.PathParam("section");
    FeedChannel channel;
    channel.title = ctx.site.name;
    channel.link = Absolute(ctx, ctx.base + "/");
    channel.self_url = Absolute(ctx, ctx.base + "/rss.xml");
    std::vector<Teaser> items;
    database_.Read([&](db::Connection& c) {
        if (slug.empty()) {
            items = store_.Latest(c, ctx.site.id, 50, 0, false).items;
            return;
        }
        for (const auto& section : ctx.sections) {
            if (section.slug == slug) {
                channel.title = section.name + " – " + ctx.site.name;
                channel.link = Absolute(ctx, ctx.base + "/chuyen-muc/" + slug);
                channel.self_url = Absolute(ctx, ctx.base + "/chuyen-muc/" + slug + "/rss.xml");
                items = store_.InSection(c, section.id, 50, 0, false).items;
                return;
            }
        }
        NotFound("Không tìm thấy chuyên mục này.");
    });
    channel.description = "Tin bài mới nhất: " + channel.title;
    channel.build_ms = items.empty() ? ctx.site.updated_at : items.front().published_at;
    std::vector<FeedEntry> entries;
    for (const auto& teaser : items) {
        FeedEntry entry;
        entry.title = teaser.title;
        entry.link = Absolute(ctx, ItemPath(ctx, teaser.site_id, teaser.slug, teaser.id));
        entry.guid = entry.link;
        entry.summary = teaser.sapo;
        entry.category = teaser.section_name;
        entry.published_ms = teaser.published_at;
        if (teaser.featured_media_id) {
            entry.image_url = Absolute(ctx, PictureUrl(*teaser.featured_media_id, 640, "jpg"));
        }
        entries.push_back(std::move(entry));
    }
    Rendered rendered;
    rendered.response.body = RenderRss(channel, entries);
    rendered.response.content_type = "application/rss+xml; charset=utf-8";
    return rendered;
}

PublicSite::Rendered PublicSite::Sitemap(Context& ctx, Request&) {
    std::vector<SitemapUrl> urls;
    database_.Read([&](db::Connection& c) {
        // A list page changes when its newest item does.
        auto newest = c.Query("SELECT COALESCE(MAX(published_at), 0) FROM site_items WHERE site_id = $1", {ctx.site.id});
        urls.push_back(SitemapUrl{Absolute(ctx, ctx.base + "/"), std::max(newest.Int(0, 0), ctx.site.updated_at),
                                  ChangeFrequency::kHourly, 1.0});
        for (const auto& section : ctx.sections) {
            auto latest = c.Query("SELECT COALESCE(MAX(published_at), 0) FROM section_items WHERE section_id = $1",
                                  {section.id});
            urls.push_back(SitemapUrl{Absolute(ctx, ctx.base + "/chuyen-muc/" + section.slug),
                                      std::max(latest.Int(0, 0), section.created_at), ChangeFrequency::kDaily, 0.8});
        }
        auto rows = c.Query("SELECT i.id, i.site_id, i.slug, i.updated_at FROM site_items p JOIN items i ON i.id = "
                            "p.item_id WHERE p.site_id = $1 ORDER BY p.published_at DESC LIMIT $2",
                            {ctx.site.id, static_cast<std::int64_t>(kMaxSitemapUrls - urls.size())});
        for (std::size_t i = 0; i < rows.Size(); ++i) {
            urls.push_back(SitemapUrl{Absolute(ctx, ItemPath(ctx, rows.Int(i, 1), rows.String(i, 2), rows.Int(i, 0))),
                                      rows.Int(i, 3), ChangeFrequency::kUnspecified, std::nullopt});
        }
    });
    Rendered rendered;
    rendered.response.body = RenderSitemap(urls);
    rendered.response.content_type = "application/xml; charset=utf-8";
    return rendered;
}

PublicSite::Rendered PublicSite::NewsSitemap(Context& ctx, Request&) {
    std::vector<NewsEntry> entries;
    database_.Read([&](db::Connection& c) {
        auto items = store_.InPeriod(c, ctx.site.id, ctx.now - 2 * kDayMs, ctx.now + 1,
                                     static_cast<std::int64_t>(kMaxNewsSitemapUrls), 0);
        for (const auto& teaser : items.items) {
            NewsEntry entry;
            entry.loc = Absolute(ctx, ItemPath(ctx, teaser.site_id, teaser.slug, teaser.id));
            entry.title = teaser.title;
            entry.publication_name = ctx.site.name;
            entry.published_ms = teaser.published_at;
            entries.push_back(std::move(entry));
        }
    });
    Rendered rendered;
    rendered.response.body = RenderNewsSitemap(entries);
    rendered.response.content_type = "application/xml; charset=utf-8";
    return rendered;
}

http::Response PublicSite::Rate(Request& request) {
    // Anonymous readers rate, so there is no session token to check: refuse posts made from other sites.
    auto origin = request.Header("Origin");
    auto host = request.Header("Host");
    if (!origin.empty() && origin != "null") {
        auto scheme_end = origin.find("://");
        if (scheme_end == std::string_view::npos || origin.substr(scheme_end + 3) != host) {
            throw http::HttpError(403, "forbidden", "Yêu cầu đánh giá không đến từ trang này.");
        }
    } else if (request.Header("Sec-Fetch-Site") == "cross-site") {
        throw http::HttpError(403, "forbidden", "Yêu cầu đánh giá không đến từ trang này.");
    }
    auto id = TrailingId(request.PathParam("item"));
    if (!id) {
        NotFound("Không tìm thấy bài viết.");
    }
    auto form = web_.Form(request);
    auto score = org::ToInt(form.Get("diem"));
    std::string token = request.Cookie(kReaderCookie).value_or("");
    bool new_reader = token.size() < 16 || token.size() > 64;
    if (new_reader) {
        token = security::RandomToken(24);
    }
    try {
        audience_.Rate(*id, token, request.remote_address, request.Header("User-Agent"),
                       score ? static_cast<int>(std::clamp<std::int64_t>(*score, -1, 6)) : 0);
    } catch (const org::ServiceError& error) {
        org::Web::Rethrow(error);
    }
    database_.Write([&](db::Connection& c) { Generations::Bump(c, "item:" + std::to_string(*id), NowMs()); });
    generations_.Poll();
    std::string back = "/bai-viet/" + request.PathParam("item") + "?danh-gia=cam-on#danh-gia";
    const std::string& site = request.PathParam("site");
    auto response = Response::Redirect(site.empty() ? back : "/" + site + back);
    if (new_reader) {
        http::SetCookie cookie;
        cookie.name = std::string(kReaderCookie);
        cookie.value = token;
        cookie.path = "/";
        cookie.http_only = true;
        cookie.secure = web_.Options().secure_cookies;
        cookie.same_site = http::SameSite::kLax;
        cookie.max_age_seconds = 400LL * 24 * 3600;
        response.With("Set-Cookie", http::SerializeSetCookie(cookie));
    }
    return response;
}

void PublicSite::RegisterMedia(http::Router& router) {
    router.Add(verb::get, "/media/{id}/{variant}", Mode::kBlocking, [this](Request& request) {
        std::int64_t id = request.PathId("id");
        const std::string& variant = request.PathParam("variant");
        Response response;
        database_.Read([&](db::Connection& c) {
            if (variant == "tai-ve") {
                // A document: only when attached to a published item.
                auto rows = c.Query(
                    "SELECT m.original_name, m.content_type, f.data FROM media m JOIN media_files f ON f.media_id = "
                    "m.id AND f.variant = 'original' WHERE m.id = $1 AND m.kind = 'document' AND EXISTS (SELECT 1 "
                    "FROM item_media im JOIN items i ON i.id = im.item_id WHERE im.media_id = m.id AND i.status = "
                    "'published')",
                    {id});
                if (rows.Empty()) {
                    NotFound("Không tìm thấy tệp này.");
                }
                response.content_type = rows.String(0, 1);
                response.body = rows.String(0, 2);
                response.With("Content-Disposition",
                              "attachment; filename=\"tai-lieu-" + std::to_string(id) + "\"; filename*=UTF-8''" +
                                  http::PercentEncode(rows.String(0, 0)));
                return;
            }
            // "640.webp": the variant of that width, or the widest narrower one (images are never upscaled).
            auto dot = variant.find('.');
            auto width = org::ToInt(variant.substr(0, dot));
            std::string extension = dot == std::string::npos ? "" : variant.substr(dot + 1);
            std::string type = extension == "webp" ? "image/webp" : extension == "jpg" ? "image/jpeg" : "";
            if (!width || type.empty()) {
                NotFound("Không tìm thấy ảnh này.");
            }
            auto rows = c.Query("SELECT data FROM media_files WHERE media_id = $1 AND content_type = $2 ORDER BY "
                                "CASE WHEN width <= $3 THEN 0 ELSE 1 END, CASE WHEN width <= $3 THEN -width ELSE width "
                                "END LIMIT 1",
                                {id, type, *width});
            if (rows.Empty()) {
                NotFound("Không tìm thấy ảnh này.");
            }
            response.content_type = type;
            response.body = rows.String(0, 0);
        });
        response.no_store = false;
        // A media id never changes its bytes: a new upload gets a new id.
        response.With("Cache-Control", "public, max-age=31536000, immutable");
        return response;
    });
}

}  // namespace tuyenvan::portal
