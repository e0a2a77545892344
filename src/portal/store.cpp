#include "portal/store.hpp"

#include <algorithm>

#include "platform/text/slug.hpp"

namespace tuyenvan::portal {
namespace {

using db::Value;

constexpr std::string_view kSiteColumns =
    "s.id, s.slug, s.host, s.name, s.unit_id, s.created_at, s.updated_at, s.version, s.tagline";

constexpr std::string_view kSectionColumns = "id, site_id, parent_id, slug, name, position, is_outreach, created_at";

Section ReadSection(const db::Rows& rows, std::size_t i) {
    Section section;
    section.id = rows.Int(i, 0);
    section.site_id = rows.Int(i, 1);
    section.parent_id = rows.OptInt(i, 2);
    section.slug = rows.String(i, 3);
    section.name = rows.String(i, 4);
    section.position = rows.Int(i, 5);
    section.is_outreach = rows.Int(i, 6) != 0;
    section.created_at = rows.Int(i, 7);
    return section;
}

// Bodies are the two columns lists leave out: an item may hold megabytes.
constexpr std::string_view kItemColumnsBefore =
    "i.id, i.site_id, i.section_id, i.genre, i.title, i.slug, i.sapo, ";
constexpr std::string_view kItemBodies = "i.body_md, i.body_html, ";
constexpr std::string_view kItemNoBodies = "'', '', ";
constexpr std::string_view kItemColumnsAfter =
    "i.author_account_id, a.login, i.pen_name, i.source_unit_id, i.status, i.publish_at, i.published_at, "
    "i.created_at, i.updated_at, i.version, i.featured_media_id, i.featured_caption "
    "FROM items i JOIN accounts a ON a.id = i.author_account_id";

std::string ItemSelect(bool bodies) {
    return "SELECT " + std::string(kItemColumnsBefore) + std::string(bodies ? kItemBodies : kItemNoBodies) +
           std::string(kItemColumnsAfter);
}

Item ReadItem(const db::Rows& rows, std::size_t i) {
    Item item;
    item.id = rows.Int(i, 0);
    item.site_id = rows.Int(i, 1);
    item.section_id = rows.Int(i, 2);
    item.genre = ParseGenre(rows.Text(i, 3)).value_or(Genre::kNews);
    item.title = rows.String(i, 4);
    item.slug = rows.String(i, 5);
    item.sapo = rows.String(i, 6);
    item.body_md = rows.String(i, 7);
    item.body_html = rows.String(i, 8);
    item.author_account_id = rows.Int(i, 9);
    item.author_login = rows.String(i, 10);
    item.pen_name = rows.String(i, 11);
    item.source_unit_id = rows.OptInt(i, 12);
    item.status = ParseStatus(rows.Text(i, 13)).value_or(ItemStatus::kDraft);
    item.publish_at = rows.OptInt(i, 14);
    item.published_at = rows.OptInt(i, 15);
    item.created_at = rows.Int(i, 16);
    item.updated_at = rows.Int(i, 17);
    item.version = rows.Int(i, 18);
    item.featured_media_id = rows.OptInt(i, 19);
    item.featured_caption = rows.String(i, 20);
    return item;
}

std::string Param(std::vector<Value>& params, Value value) {
    params.push_back(std::move(value));
    return "$" + std::to_string(params.size());
}

}  // namespace

std::int64_t Store::InsertSite(db::Connection& c, const Site& site, std::int64_t now) const {
    return c
        .Query("INSERT INTO sites (slug, host, name, unit_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) "
               "RETURNING id",
               {site.slug, site.host ? Value(*site.host) : Value(nullptr), site.name, site.unit_id, now})
        .Int(0, 0);
}

std::optional<Site> Store::FindSite(db::Connection& c, std::int64_t id) const {
    auto rows = c.Query(
        "SELECT " + std::string(kSiteColumns) + " FROM sites s WHERE s.id = $1", {id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    Site site;
    site.id = rows.Int(0, 0);
    site.slug = rows.String(0, 1);
    if (!rows.IsNull(0, 2)) {
        site.host = rows.String(0, 2);
    }
    site.name = rows.String(0, 3);
    site.unit_id = rows.Int(0, 4);
    site.created_at = rows.Int(0, 5);
    site.updated_at = rows.Int(0, 6);
    site.version = rows.Int(0, 7);
    site.tagline = rows.String(0, 8);
    return site;
}

std::int64_t Store::InsertSection(db::Connection& c, const Section& section, std::int64_t now) const {
    std::int64_t position =
        c.Query("SELECT COALESCE(MAX(position), 0) + 1 FROM sections WHERE site_id = $1", {section.site_id}).Int(0, 0);
    return c
        .Query("INSERT INTO sections (site_id, parent_id, slug, name, position, is_outreach, created_at) "
               "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
               {section.site_id, db::Nullable(section.parent_id), section.slug, section.name, position,
                std::int64_t{section.is_outreach ? 1 : 0}, now})
        .Int(0, 0);
}

std::optional<Section> Store::FindSection(db::Connection& c, std::int64_t id) const {
    auto rows = c.Query("SELECT " + std::string(kSectionColumns) + " FROM sections WHERE id = $1", {id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return ReadSection(rows, 0);
}

std::vector<Section> Store::Sections(db::Connection& c, std::int64_t site_id) const {
    auto rows = c.Query(
        "SELECT " + std::string(kSectionColumns) + " FROM sections WHERE site_id = $1 ORDER BY position, id", {site_id});
    std::vector<Section> sections;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        sections.push_back(ReadSection(rows, i));
    }
    return sections;
}

std::int64_t Store::InsertItem(db::Connection& c, const Item& item, std::int64_t now) const {
    return c
        .Query("INSERT INTO items (site_id, section_id, genre, title, slug, sapo, body_md, body_html, "
               "author_account_id, pen_name, source_unit_id, status, created_at, updated_at, featured_media_id, "
               "featured_caption) VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, $9, $10, $11, $12, $12, $13, $14) "
               "RETURNING id",
               {item.site_id, item.section_id, std::string(GenreName(item.genre)), item.title, item.slug, item.sapo,
                item.body_md, item.author_account_id, item.pen_name, db::Nullable(item.source_unit_id),
                std::string(StatusName(item.status)), now, db::Nullable(item.featured_media_id),
                item.featured_caption})
        .Int(0, 0);
}

std::optional<Item> Store::FindItem(db::Connection& c, std::int64_t id) const {
    auto rows = c.Query(ItemSelect(true) + " WHERE i.id = $1", {id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    Item item = ReadItem(rows, 0);
    auto extra = c.Query("SELECT section_id FROM item_sections WHERE item_id = $1 ORDER BY section_id", {id});
    for (std::size_t i = 0; i < extra.Size(); ++i) {
        item.extra_section_ids.push_back(extra.Int(i, 0));
    }
    for (auto& tag : Tags(c, id)) {
        item.tags.push_back(std::move(tag.name));
    }
    return item;
}

bool Store::UpdateItemFields(db::Connection& c, const Item& item, std::int64_t now) const {
    return c
               .Query("UPDATE items SET genre = $3, title = $4, slug = $5, sapo = $6, body_md = $7, pen_name = $8, "
                      "source_unit_id = $9, updated_at = $10, featured_media_id = $11, featured_caption = $12, "
                      "version = version + 1 WHERE id = $1 AND version = $2",
                      {item.id, item.version, std::string(GenreName(item.genre)), item.title, item.slug, item.sapo,
                       item.body_md, item.pen_name, db::Nullable(item.source_unit_id), now,
                       db::Nullable(item.featured_media_id), item.featured_caption})
               .Affected() == 1;
}

void Store::SetExtraSections(db::Connection& c, std::int64_t item_id,
                             const std::vector<std::int64_t>& section_ids) const {
    c.Query("DELETE FROM item_sections WHERE item_id = $1", {item_id});
    for (auto section_id : section_ids) {
        c.Query("INSERT INTO item_sections (item_id, section_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                {item_id, section_id});
    }
}

bool Store::Transition(db::Connection& c, const Item& item, ItemStatus from, std::int64_t now) const {
    return c
               .Query("UPDATE items SET status = $2, publish_at = $3, published_at = $4, body_html = $5, "
                      "updated_at = $6, version = version + 1 WHERE id = $1 AND status = $7",
                      {item.id, std::string(StatusName(item.status)), db::Nullable(item.publish_at),
                       db::Nullable(item.published_at), item.body_html, now, std::string(StatusName(from))})
               .Affected() == 1;
}

org::Page<Item> Store::ListItems(db::Connection& c, std::int64_t site_id, const ItemQuery& query,
                                 std::optional<std::int64_t> author_id) const {
    std::vector<Value> params;
    std::string where = " WHERE i.site_id = " + Param(params, site_id);
    if (query.status) {
        where += " AND i.status = " + Param(params, std::string(StatusName(*query.status)));
    }
    if (author_id) {
        where += " AND i.author_account_id = " + Param(params, *author_id);
    }
    org::Page<Item> page;
    page.page = std::max<std::int64_t>(query.page, 1);
    page.per_page = query.per_page;
    page.total = c.Query("SELECT COUNT(*) FROM items i" + where, params).Int(0, 0);
    // The SQL is built before the call: Param() grows `params`, which the call reads.
    std::string sql = ItemSelect(false) + where + " ORDER BY i.updated_at DESC, i.id DESC LIMIT " +
                      Param(params, query.per_page) + " OFFSET " + Param(params, (page.page - 1) * query.per_page);
    auto rows = c.Query(sql, params);
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        page.items.push_back(ReadItem(rows, i));
    }
    return page;
}

std::vector<std::int64_t> Store::DueItems(db::Connection& c, std::int64_t now) const {
    auto rows = c.Query("SELECT id FROM items WHERE status = 'scheduled' AND publish_at <= $1 ORDER BY publish_at, id",
                        {now});
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        ids.push_back(rows.Int(i, 0));
    }
    return ids;
}

void Store::InsertEvent(db::Connection& c, const ItemEvent& event) const {
    c.Query("INSERT INTO item_events (item_id, at, actor_account_id, action, from_status, to_status, comment) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7)",
            {event.item_id, event.at, db::Nullable(event.actor_account_id), event.action,
             event.from_status ? Value(std::string(StatusName(*event.from_status))) : Value(nullptr),
             std::string(StatusName(event.to_status)), event.comment});
}

std::vector<ItemEvent> Store::Events(db::Connection& c, std::int64_t item_id) const {
    auto rows = c.Query(
        "SELECT e.id, e.item_id, e.at, e.actor_account_id, a.login, e.action, e.from_status, e.to_status, e.comment "
        "FROM item_events e LEFT JOIN accounts a ON a.id = e.actor_account_id WHERE e.item_id = $1 ORDER BY e.id",
        {item_id});
    std::vector<ItemEvent> events;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        ItemEvent event;
        event.id = rows.Int(i, 0);
        event.item_id = rows.Int(i, 1);
        event.at = rows.Int(i, 2);
        event.actor_account_id = rows.OptInt(i, 3);
        event.actor_login = rows.IsNull(i, 4) ? "system" : rows.String(i, 4);
        event.action = rows.String(i, 5);
        if (!rows.IsNull(i, 6)) {
            event.from_status = ParseStatus(rows.Text(i, 6));
        }
        event.to_status = ParseStatus(rows.Text(i, 7)).value_or(ItemStatus::kDraft);
        event.comment = rows.String(i, 8);
        events.push_back(std::move(event));
    }
    return events;
}

void Store::SetTags(db::Connection& c, std::int64_t item_id, const std::vector<std::string>& names) const {
    c.Query("DELETE FROM item_tags WHERE item_id = $1", {item_id});
    for (const auto& name : names) {
        std::string slug = text::Slug(name);
        if (slug.empty()) {
            continue;
        }
        auto id = c.Query("INSERT INTO tags (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO UPDATE SET slug = "
                          "excluded.slug RETURNING id",
                          {slug, name})
                      .Int(0, 0);
        c.Query("INSERT INTO item_tags (item_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", {item_id, id});
    }
}

std::vector<Tag> Store::Tags(db::Connection& c, std::int64_t item_id) const {
    auto rows = c.Query(
        "SELECT t.id, t.slug, t.name FROM item_tags x JOIN tags t ON t.id = x.tag_id WHERE x.item_id = $1 ORDER BY t.slug",
        {item_id});
    std::vector<Tag> tags;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        tags.push_back(Tag{rows.Int(i, 0), rows.String(i, 1), rows.String(i, 2)});
    }
    return tags;
}

std::vector<std::int64_t> Store::Place(db::Connection& c, const Item& item) const {
    std::vector<std::int64_t> sites = Unplace(c, item.id);
    if (item.status != ItemStatus::kPublished) {
        return sites;
    }
    std::int64_t at = item.published_at.value_or(0);
    std::vector<std::int64_t> sections = item.extra_section_ids;
    sections.push_back(item.section_id);
    for (auto section_id : sections) {
        c.Query("INSERT INTO section_items (section_id, item_id, published_at) VALUES ($1, $2, $3) "
                "ON CONFLICT DO NOTHING",
                {section_id, item.id, at});
    }
    auto rows = c.Query("SELECT DISTINCT site_id FROM sections WHERE id IN (SELECT section_id FROM section_items "
                        "WHERE item_id = $1)",
                        {item.id});
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        c.Query("INSERT INTO site_items (site_id, item_id, published_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                {rows.Int(i, 0), item.id, at});
        sites.push_back(rows.Int(i, 0));
    }
    std::sort(sites.begin(), sites.end());
    sites.erase(std::unique(sites.begin(), sites.end()), sites.end());
    return sites;
}

std::vector<std::int64_t> Store::Unplace(db::Connection& c, std::int64_t item_id) const {
    auto rows = c.Query("SELECT site_id FROM site_items WHERE item_id = $1", {item_id});
    std::vector<std::int64_t> sites;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        sites.push_back(rows.Int(i, 0));
    }
    c.Query("DELETE FROM site_items WHERE item_id = $1", {item_id});
    c.Query("DELETE FROM section_items WHERE item_id = $1", {item_id});
    return sites;
}

// The newsroom's reads

std::vector<Site> Store::AllSites(db::Connection& c) const {
    auto rows = c.Query("SELECT " + std::string(kSiteColumns) + " FROM sites s ORDER BY s.id");
    std::vector<Site> sites;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        Site site;
        site.id = rows.Int(i, 0);
        site.slug = rows.String(i, 1);
        if (!rows.IsNull(i, 2)) {
            site.host = rows.String(i, 2);
        }
        site.name = rows.String(i, 3);
        site.unit_id = rows.Int(i, 4);
        site.created_at = rows.Int(i, 5);
        site.updated_at = rows.Int(i, 6);
        site.version = rows.Int(i, 7);
        site.tagline = rows.String(i, 8);
        sites.push_back(std::move(site));
    }
    return sites;
}

std::vector<std::pair<ItemStatus, std::int64_t>> Store::CountItems(db::Connection& c, std::int64_t site_id,
                                                                   std::optional<std::int64_t> author_id) const {
    std::vector<Value> params{site_id};
    std::string sql = "SELECT status, COUNT(*) FROM items WHERE site_id = $1";
    if (author_id) {
        sql += " AND author_account_id = " + Param(params, *author_id);
    }
    auto rows = c.Query(sql + " GROUP BY status", params);
    std::vector<std::pair<ItemStatus, std::int64_t>> counts;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        if (auto status = ParseStatus(rows.Text(i, 0))) {
            counts.emplace_back(*status, rows.Int(i, 1));
        }
    }
    return counts;
}

std::vector<Section> Store::OutreachSections(db::Connection& c) const {
    auto rows = c.Query("SELECT " + std::string(kSectionColumns) + " FROM sections WHERE is_outreach = 1 "
                        "ORDER BY site_id, position, id");
    std::vector<Section> sections;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        sections.push_back(ReadSection(rows, i));
    }
    return sections;
}

}  // namespace tuyenvan::portal
