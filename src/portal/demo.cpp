#include "portal/demo.hpp"

#include <map>

#include "platform/audit/audit_log.hpp"
#include "platform/markdown/markdown.hpp"
#include "platform/media/image.hpp"
#include "platform/search/search.hpp"
#include "platform/security/crypto.hpp"
#include "platform/text/format.hpp"
#include "platform/text/slug.hpp"
#include "portal/demo_content.hpp"
#include "portal/store.hpp"

namespace tuyenvan::portal {
namespace {

struct DemoSite {
    std::int64_t unit_id = 0;
    std::string unit_name;  // "Huyện Bát Xát"
    std::string district;   // "Bát Xát"; empty for the province
    std::int64_t id = 0;
    std::map<std::string, std::int64_t> sections;  // catalog key → section id
    std::vector<std::string> communes;
};

std::string WithoutKind(const std::string& name) {
    for (std::string_view kind : {"Huyện ", "Thị xã ", "Thành phố ", "Tỉnh "}) {
        if (name.starts_with(kind)) {
            return name.substr(kind.size());
        }
    }
    return name;
}

std::int64_t AccountId(db::Connection& c, const std::string& login) {
    auto rows = c.Query("SELECT id FROM accounts WHERE login = $1", {login});
    return rows.Empty() ? 0 : rows.Int(0, 0);
}

}  // namespace

DemoSummary LoadDemo(db::Database& database, org::Service& /*org*/, Service& service, const DemoOptions& options) {
    DemoSummary summary;
    bool has_sites =
        database.ReadValue([](db::Connection& c) { return !c.Query("SELECT 1 FROM sites LIMIT 1").Empty(); });
    if (has_sites) {
        return summary;
    }
    // The province and its districts (the 2019 tree the org demo loads), with their communes.
    std::vector<DemoSite> sites;
    database.Read([&](db::Connection& c) {
        auto province = c.Query("SELECT id, full_name FROM units WHERE code = '10'");
        if (province.Empty()) {
            return;
        }
        sites.push_back(DemoSite{province.Int(0, 0), "Tỉnh Lào Cai", "", 0, {}, {}});
        auto districts =
            c.Query("SELECT id, full_name FROM units WHERE parent_id = $1 AND level = 'district' ORDER BY code",
                    {province.Int(0, 0)});
        for (std::size_t i = 0; i < districts.Size(); ++i) {
            DemoSite site{districts.Int(i, 0), districts.String(i, 1), WithoutKind(districts.String(i, 1)), 0, {}, {}};
            auto communes = c.Query("SELECT full_name FROM units WHERE parent_id = $1 ORDER BY code", {site.unit_id});
            for (std::size_t j = 0; j < communes.Size(); ++j) {
                site.communes.push_back(communes.String(j, 0));
                sites.front().communes.push_back(communes.String(j, 0));
            }
            sites.push_back(std::move(site));
        }
    });
    if (sites.empty()) {
        return summary;
    }

    org::Actor system{nullptr, ""};
    auto catalog = demo::SectionCatalog();
    for (auto& site : sites) {
        bool province = site.district.empty();
        std::string name = province
                               ? "Trang thông tin điện tử Tỉnh ủy Lào Cai"
                               : "Trang thông tin điện tử " +
                                     std::string(site.unit_name.starts_with("Thành phố") ? "Thành ủy " : "Huyện ủy ") +
                                     site.district;
        site.id = service.CreateSite(system, site.unit_id, text::Slug(site.unit_name), name);
        database.Write([&](db::Connection& c) {
            c.Query("UPDATE sites SET tagline = $2 WHERE id = $1",
                    {site.id, std::string(province ? "Công tác tuyên vận của Đảng bộ tỉnh Lào Cai"
                                                   : "Công tác tuyên vận của Đảng bộ " + site.unit_name)});
        });
        for (const auto& [key, section_name] : catalog) {
            if (key == kOutreachSectionSlug) {
                continue;
            }
            service.CreateSection(system, site.id, std::nullopt, section_name);
        }
        for (const auto& section : service.Sections(site.id)) {
            site.sections[section.slug] = section.id;
        }
        // The demo boards (accounts of the org demo, when it made them).
        const char* board = province ? "bbt" : site.unit_name == "Huyện Bát Xát" ? "bbt.batxat" : nullptr;
        if (board != nullptr) {
            try {
                service.GrantSiteRole(system, site.id, board, SiteRole::kBoard, std::nullopt);
            } catch (const org::ServiceError&) {
                // No such account: a demo without the org demo's sign-ins.
            }
        }
        // The demo commune officer sends the records of A Mú Sung's conferences to the district's column.
        if (site.unit_name == "Huyện Bát Xát" && site.sections.contains(std::string(kOutreachSectionSlug))) {
            try {
                service.GrantSiteRole(system, site.id, "xa.amusung", SiteRole::kContributor,
                                      site.sections[std::string(kOutreachSectionSlug)]);
            } catch (const org::ServiceError&) {
            }
        }
        ++summary.sites;
    }

    // Pictures: generated once, stored under the province's site, shared by every demo item.
    std::vector<std::int64_t> pictures;
    for (int p = 0; p < options.pictures; ++p) {
        auto jpeg = media::MakeDemoPicture(static_cast<std::uint64_t>(p) * 7919 + 11, 1280, 720);
        auto image = media::ProcessImage(jpeg);
        std::int64_t id = database.WriteValue([&](db::Connection& c) {
            auto media_id =
                c.Query(
                     "INSERT INTO media (site_id, kind, sha256, original_name, content_type, bytes, "
                     "width, height, alt, caption, created_at) VALUES ($1, 'image', $2, $3, $4, $5, $6, "
                     "$7, $8, '', $9) RETURNING id",
                     {sites.front().id, security::Sha256Hex(jpeg), "anh-minh-hoa-" + std::to_string(p + 1) + ".jpg",
                      image.source_type, static_cast<std::int64_t>(jpeg.size()), std::int64_t{image.width},
                      std::int64_t{image.height}, "Ảnh minh họa: phong cảnh núi rừng và ruộng bậc thang",
                      options.now_ms})
                    .Int(0, 0);
            for (const auto& variant : image.variants) {
                c.Query(
                    "INSERT INTO media_files (media_id, variant, content_type, width, height, data) VALUES ($1, "
                    "$2, $3, $4, $5, $6)",
                    {media_id, variant.name, variant.content_type, std::int64_t{variant.width},
                     std::int64_t{variant.height}, db::Blob{variant.data}});
            }
            return media_id;
        });
        pictures.push_back(id);
        ++summary.pictures;
    }

    // Items: a quarter for the province, the rest spread over the districts.
    Store store;
    int remaining = options.items;
    for (std::size_t s = 0; s < sites.size(); ++s) {
        auto& site = sites[s];
        int count = s == 0 ? options.items / 4
                           : (remaining + static_cast<int>(sites.size() - s) - 1) / static_cast<int>(sites.size() - s);
        remaining -= count;
        if (count <= 0) {
            continue;
        }
        std::vector<std::string> keys;
        for (const auto& [key, name] : catalog) {
            keys.push_back(key);
        }
        demo::Place place{site.district, site.communes};
        auto articles = demo::Generate(place, keys, count, 1000 + s, options.now_ms, 730);
        const std::string today_iso = text::FormatIsoDate(options.now_ms);
        const std::int64_t this_month = std::stoll(today_iso.substr(0, 4)) * 100 + std::stoll(today_iso.substr(5, 2));
        database.Write([&](db::Connection& c) {
            std::int64_t author = AccountId(c, s == 0 ? "bientap" : "congtacvien");
            if (author == 0) {
                author = AccountId(c, "admin");
            }
            std::int64_t province_outreach = sites.front().sections[std::string(kOutreachSectionSlug)];
            for (std::size_t a = 0; a < articles.size(); ++a) {
                const auto& article = articles[a];
                Item item;
                item.site_id = site.id;
                auto section = site.sections.find(article.section_key);
                item.section_id =
                    section != site.sections.end() ? section->second : site.sections[std::string(kOutreachSectionSlug)];
                item.genre = ParseGenre(article.genre).value_or(Genre::kNews);
                item.title = article.title;
                item.slug = text::Slug(article.title);
                item.sapo = article.sapo;
                item.body_md = article.body_md;
                item.pen_name = article.pen_name;
                item.author_account_id = author;
                item.status = ItemStatus::kDraft;
                if (!pictures.empty() && a % 3 != 2) {
                    item.featured_media_id = pictures[article.picture_seed % pictures.size()];
                    item.featured_caption = article.picture_caption;
                }
                item.tags = article.tags;
                item.id = store.InsertItem(c, item, article.published_at);
                // Every tenth outreach item of a district is also sent to the province's column.
                if (s != 0 && article.section_key == kOutreachSectionSlug && a % 10 == 0) {
                    item.extra_section_ids.push_back(province_outreach);
                    store.SetExtraSections(c, item.id, item.extra_section_ids);
                }
                store.SetTags(c, item.id, item.tags);
                item.status = ItemStatus::kPublished;
                item.published_at = article.published_at;
                item.body_html = markdown::RenderHtml(item.body_md);
                store.Transition(c, item, ItemStatus::kDraft, article.published_at);
                ItemEvent event;
                event.item_id = item.id;
                event.at = article.published_at;
                event.action = "import";
                event.to_status = ItemStatus::kPublished;
                event.comment = "Dữ liệu mẫu";
                store.InsertEvent(c, event);
                store.Place(c, item);
                search::Document document;
                document.id = item.id;
                document.site_id = item.site_id;
                document.section_id = item.section_id;
                document.title = item.title;
                document.body = item.sapo + "\n" + markdown::PlainText(item.body_md);
                document.published_at_ms = article.published_at;
                document.also_section_ids = item.extra_section_ids;
                if (!item.extra_section_ids.empty() && site.id != sites.front().id) {
                    document.also_site_ids.push_back(sites.front().id);  // shared to the province's column
                }
                search::Upsert(c, document);
                // Readers over the months after publication, for the counters and the column's statistics.
                std::vector<std::int64_t> shown_on{site.id};
                if (!item.extra_section_ids.empty()) {
                    shown_on.push_back(sites.front().id);
                }
                for (std::int64_t on : shown_on) {
                    std::int64_t total = 0;
                    std::string iso = text::FormatIsoDate(article.published_at);  // "2026-03-15"
                    std::int64_t year = std::stoll(iso.substr(0, 4));
                    std::int64_t month = std::stoll(iso.substr(5, 2));
                    for (std::int64_t later = 0; later < 3; ++later) {
                        std::int64_t views =
                            5 + static_cast<std::int64_t>((item.id * 37 + later * 11 + on) % 120) / (later + 1);
                        std::int64_t code = year * 100 + month;
                        if (code > this_month) {
                            break;  // no views from the future
                        }
                        c.Query("INSERT INTO item_view_months (item_id, site_id, month, views) VALUES ($1, $2, $3, $4)",
                                {item.id, on, code, views});
                        total += views;
                        if (++month > 12) {
                            month = 1;
                            ++year;
                        }
                    }
                    c.Query("INSERT INTO item_views (item_id, site_id, views) VALUES ($1, $2, $3)",
                            {item.id, on, total});
                }
                ++summary.items;
            }
            audit::Change change;
            change.actor = "system";
            change.action = "portal.demo.load";
            change.entity = "site";
            change.entity_id = std::to_string(site.id);
            change.before_json = "null";
            change.after_json = "{\"items\":" + std::to_string(articles.size()) + "}";
            audit::Append(c, change, options.now_ms);
        });
    }

    // A few items waiting in the Bát Xát newsroom, for the editor to try the workflow on.
    if (sites.size() > 1) {
        const DemoSite* chosen = &sites[1];
        for (const auto& district : sites) {
            if (district.district == "Bát Xát") {
                chosen = &district;
            }
        }
        DemoSite site = *chosen;
        auto waiting = demo::Generate(demo::Place{site.district, site.communes}, {std::string(kOutreachSectionSlug)}, 4,
                                      77, options.now_ms, 3);
        database.Write([&](db::Connection& c) {
            std::int64_t author = AccountId(c, "congtacvien");
            if (author == 0) {
                return;
            }
            for (std::size_t i = 0; i < waiting.size(); ++i) {
                Item item;
                item.site_id = site.id;
                item.section_id = site.sections[std::string(kOutreachSectionSlug)];
                item.genre = ParseGenre(waiting[i].genre).value_or(Genre::kNews);
                item.title = waiting[i].title;
                item.slug = text::Slug(item.title);
                item.sapo = waiting[i].sapo;
                item.body_md = waiting[i].body_md;
                item.pen_name = waiting[i].pen_name;
                item.author_account_id = author;
                item.status = ItemStatus::kDraft;
                item.id = store.InsertItem(c, item, options.now_ms);
                store.SetTags(c, item.id, waiting[i].tags);
                ItemEvent event;
                event.item_id = item.id;
                event.at = options.now_ms;
                event.actor_account_id = author;
                event.action = "create";
                event.to_status = ItemStatus::kDraft;
                store.InsertEvent(c, event);
                if (i % 2 == 1) {
                    Item submitted = item;
                    submitted.status = ItemStatus::kSubmitted;
                    store.Transition(c, submitted, ItemStatus::kDraft, options.now_ms);
                    event.action = "submit";
                    event.from_status = ItemStatus::kDraft;
                    event.to_status = ItemStatus::kSubmitted;
                    store.InsertEvent(c, event);
                }
            }
        });
    }
    // Thousands of items went in one by one: merge the search index into its fastest form.
    database.Write([](db::Connection& c) { search::Optimize(c); });
    return summary;
}

}  // namespace tuyenvan::portal
