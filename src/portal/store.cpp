#include "portal/store.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "platform/text/slug.hpp"

namespace tuyenvan::portal {
namespace {

using db::Value;

constexpr std::string_view kSiteColumns =
    "s.id, s.slug, s.host, s.name, s.unit_id, s.created_at, s.updated_at, s.version, s.tagline, s.logo_media_id";

Site ReadSite(const db::Rows& rows, std::size_t i) {
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
    site.logo_media_id = rows.OptInt(i, 9);
    return site;
}

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

namespace json = boost::json;

// "$2, $3, $4" for the ids, appended to `params`.
std::string IdList(std::vector<Value>& params, const std::vector<std::int64_t>& ids) {
    std::string list;
    for (auto id : ids) {
        list += (list.empty() ? "" : ", ") + Param(params, id);
    }
    return list;
}

json::array IdArray(const std::vector<std::int64_t>& ids) {
    json::array out;
    for (auto id : ids) {
        out.push_back(id);
    }
    return out;
}

std::vector<std::int64_t> IdsOf(const json::object& object, std::string_view key) {
    std::vector<std::int64_t> ids;
    if (const auto* array = object.if_contains(key); array != nullptr && array->is_array()) {
        for (const auto& value : array->as_array()) {
            if (value.is_int64()) {
                ids.push_back(value.as_int64());
            }
        }
    }
    return ids;
}

std::optional<std::int64_t> OptIdOf(const json::object& object, std::string_view key) {
    if (const auto* value = object.if_contains(key); value != nullptr && value->is_int64()) {
        return value->as_int64();
    }
    return std::nullopt;
}

std::string TextOf(const json::object& object, std::string_view key) {
    if (const auto* value = object.if_contains(key); value != nullptr && value->is_string()) {
        return std::string(value->as_string());
    }
    return {};
}

// The JSON columns of a revision: its tags, and the fields that are not text.
std::string TagsJson(const Item& content) {
    json::array tags;
    for (const auto& tag : content.tags) {
        tags.emplace_back(tag);
    }
    return json::serialize(tags);
}

std::string ExtrasJson(const Item& content) {
    json::array captions;
    for (const auto& caption : content.gallery_captions) {
        captions.emplace_back(caption);
    }
    return json::serialize(json::object{
        {"slug", content.slug},
        {"source_unit_id", content.source_unit_id ? json::value(*content.source_unit_id) : json::value(nullptr)},
        {"extra_section_ids", IdArray(content.extra_section_ids)},
        {"featured_media_id",
         content.featured_media_id ? json::value(*content.featured_media_id) : json::value(nullptr)},
        {"featured_caption", content.featured_caption},
        {"gallery_media_ids", IdArray(content.gallery_media_ids)},
        {"gallery_captions", std::move(captions)},
        {"attachment_media_ids", IdArray(content.attachment_media_ids)},
        {"related_item_ids", IdArray(content.related_item_ids)}});
}

constexpr std::string_view kRevisionColumnsBefore =
    "SELECT r.id, r.item_id, r.number, r.state, r.genre, r.title, r.sapo, ";
constexpr std::string_view kRevisionColumnsAfter =
    ", r.pen_name, r.tags, r.extras, r.account_id, a.login, r.created_at, r.updated_at, r.decided_by, d.login, "
    "r.decided_at FROM item_revisions r LEFT JOIN accounts a ON a.id = r.account_id "
    "LEFT JOIN accounts d ON d.id = r.decided_by";

std::string RevisionSelect(bool bodies) {
    return std::string(kRevisionColumnsBefore) + (bodies ? "r.body_md" : "''") + std::string(kRevisionColumnsAfter);
}

Revision ReadRevision(const db::Rows& rows, std::size_t i) {
    Revision revision;
    revision.id = rows.Int(i, 0);
    revision.item_id = rows.Int(i, 1);
    revision.number = rows.Int(i, 2);
    revision.state = ParseRevisionState(rows.Text(i, 3)).value_or(RevisionState::kDiscarded);
    Item& content = revision.content;
    content.id = revision.item_id;
    content.genre = ParseGenre(rows.Text(i, 4)).value_or(Genre::kNews);
    content.title = rows.String(i, 5);
    content.sapo = rows.String(i, 6);
    content.body_md = rows.String(i, 7);
    content.pen_name = rows.String(i, 8);
    boost::system::error_code error;
    json::value tags = json::parse(rows.Text(i, 9), error);
    if (!error && tags.is_array()) {
        for (const auto& tag : tags.as_array()) {
            if (tag.is_string()) {
                content.tags.emplace_back(tag.as_string());
            }
        }
    }
    json::value extras = json::parse(rows.Text(i, 10), error);
    if (!error && extras.is_object()) {
        const auto& object = extras.as_object();
        content.slug = TextOf(object, "slug");
        content.source_unit_id = OptIdOf(object, "source_unit_id");
        content.extra_section_ids = IdsOf(object, "extra_section_ids");
        content.featured_media_id = OptIdOf(object, "featured_media_id");
        content.featured_caption = TextOf(object, "featured_caption");
        content.gallery_media_ids = IdsOf(object, "gallery_media_ids");
        if (const auto* captions = object.if_contains("gallery_captions"); captions && captions->is_array()) {
            for (const auto& caption : captions->as_array()) {
                content.gallery_captions.emplace_back(caption.is_string() ? caption.as_string() : "");
            }
        }
        content.attachment_media_ids = IdsOf(object, "attachment_media_ids");
        content.related_item_ids = IdsOf(object, "related_item_ids");
    }
    revision.account_id = rows.OptInt(i, 11);
    revision.account_login = rows.String(i, 12);
    revision.created_at = rows.Int(i, 13);
    revision.updated_at = rows.Int(i, 14);
    revision.decided_by = rows.OptInt(i, 15);
    revision.decided_login = rows.String(i, 16);
    revision.decided_at = rows.OptInt(i, 17);
    return revision;
}

constexpr std::string_view kMediaColumns =
    "SELECT id, site_id, kind, original_name, content_type, bytes, COALESCE(width, 0), COALESCE(height, 0), alt, "
    "caption, created_at FROM media";

Media ReadMedia(const db::Rows& rows, std::size_t i) {
    Media media;
    media.id = rows.Int(i, 0);
    media.site_id = rows.Int(i, 1);
    media.kind = rows.String(i, 2);
    media.name = rows.String(i, 3);
    media.content_type = rows.String(i, 4);
    media.bytes = rows.Int(i, 5);
    media.width = static_cast<int>(rows.Int(i, 6));
    media.height = static_cast<int>(rows.Int(i, 7));
    media.alt = rows.String(i, 8);
    media.caption = rows.String(i, 9);
    media.created_at = rows.Int(i, 10);
    return media;
}

constexpr std::string_view kTeaserColumns =
    "SELECT i.id, i.site_id, i.title, i.slug, i.sapo, i.genre, COALESCE(i.published_at, 0), i.featured_media_id "
    "FROM items i";

Teaser ReadTeaser(const db::Rows& rows, std::size_t i) {
    Teaser teaser;
    teaser.id = rows.Int(i, 0);
    teaser.site_id = rows.Int(i, 1);
    teaser.title = rows.String(i, 2);
    teaser.slug = rows.String(i, 3);
    teaser.sapo = rows.String(i, 4);
    teaser.genre = ParseGenre(rows.Text(i, 5)).value_or(Genre::kNews);
    teaser.published_at = rows.Int(i, 6);
    teaser.featured_media_id = rows.OptInt(i, 7);
    return teaser;
}

// Puts rows read in any order back into the order of `ids`.
template <typename T>
std::vector<T> InOrder(std::vector<T> found, const std::vector<std::int64_t>& ids) {
    std::vector<T> ordered;
    for (auto id : ids) {
        auto hit = std::find_if(found.begin(), found.end(), [&](const T& one) { return one.id == id; });
        if (hit != found.end()) {
            ordered.push_back(*hit);
        }
    }
    return ordered;
}

}  // namespace

std::int64_t Store::InsertSite(db::Connection& c, const Site& site, std::int64_t now) const {
    return c
        .Query("INSERT INTO sites (slug, host, name, unit_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) "
               "RETURNING id",
               {site.slug, site.host ? Value(*site.host) : Value(nullptr), site.name, site.unit_id, now})
        .Int(0, 0);
}

bool Store::UpdateSite(db::Connection& c, const Site& site, std::int64_t now) const {
    return c
               .Query("UPDATE sites SET name = $3, tagline = $4, host = $5, logo_media_id = $6, updated_at = $7, "
                      "version = version + 1 WHERE id = $1 AND version = $2",
                      {site.id, site.version, site.name, site.tagline, site.host ? Value(*site.host) : Value(nullptr),
                       db::Nullable(site.logo_media_id), now})
               .Affected() == 1;
}

std::optional<Site> Store::FindSite(db::Connection& c, std::int64_t id) const {
    auto rows = c.Query(
        "SELECT " + std::string(kSiteColumns) + " FROM sites s WHERE s.id = $1", {id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return ReadSite(rows, 0);
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
    auto media = c.Query("SELECT media_id, role, caption FROM item_media WHERE item_id = $1 ORDER BY role, position, "
                         "media_id",
                         {id});
    for (std::size_t i = 0; i < media.Size(); ++i) {
        if (media.Text(i, 1) == "gallery") {
            item.gallery_media_ids.push_back(media.Int(i, 0));
            item.gallery_captions.push_back(media.String(i, 2));
        } else {
            item.attachment_media_ids.push_back(media.Int(i, 0));
        }
    }
    auto related = c.Query("SELECT related_id FROM item_related WHERE item_id = $1 ORDER BY position, related_id", {id});
    for (std::size_t i = 0; i < related.Size(); ++i) {
        item.related_item_ids.push_back(related.Int(i, 0));
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

bool Store::UpdatePublishedText(db::Connection& c, const Item& item, std::int64_t now) const {
    return c
               .Query("UPDATE items SET genre = $3, title = $4, slug = $5, sapo = $6, body_md = $7, pen_name = $8, "
                      "source_unit_id = $9, updated_at = $10, featured_media_id = $11, featured_caption = $12, "
                      "body_html = $13, version = version + 1 WHERE id = $1 AND version = $2 AND status = 'published'",
                      {item.id, item.version, std::string(GenreName(item.genre)), item.title, item.slug, item.sapo,
                       item.body_md, item.pen_name, db::Nullable(item.source_unit_id), now,
                       db::Nullable(item.featured_media_id), item.featured_caption, item.body_html})
               .Affected() == 1;
}

bool Store::BumpVersion(db::Connection& c, std::int64_t item_id, std::int64_t version) const {
    return c.Query("UPDATE items SET version = version + 1 WHERE id = $1 AND version = $2", {item_id, version})
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

namespace {

/// " AND (author OR section in …)": an author's items, and the items of the sections they edit.
std::string OwnOrSections(std::vector<Value>& params, std::string_view prefix, std::int64_t author_id,
                          const std::vector<std::int64_t>& sections) {
    std::string clause = " AND (" + std::string(prefix) + "author_account_id = " + Param(params, author_id);
    if (!sections.empty()) {
        clause += " OR " + std::string(prefix) + "section_id IN (";
        for (std::size_t i = 0; i < sections.size(); ++i) {
            clause += (i == 0 ? "" : ", ") + Param(params, sections[i]);
        }
        clause += ")";
    }
    return clause + ")";
}

}  // namespace

org::Page<Item> Store::ListItems(db::Connection& c, std::int64_t site_id, const ItemQuery& query,
                                 std::optional<std::int64_t> author_id,
                                 const std::vector<std::int64_t>& also_sections) const {
    std::vector<Value> params;
    std::string where = " WHERE i.site_id = " + Param(params, site_id);
    if (query.status) {
        where += " AND i.status = " + Param(params, std::string(StatusName(*query.status)));
    }
    if (author_id) {
        where += OwnOrSections(params, "i.", *author_id, also_sections);
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

namespace {

std::vector<Store::StoredSiteRole> ReadSiteRoles(const db::Rows& rows) {
    std::vector<Store::StoredSiteRole> roles;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        Store::StoredSiteRole role;
        role.id = rows.Int(i, 0);
        role.account_id = rows.Int(i, 1);
        role.site_id = rows.Int(i, 2);
        if (!rows.IsNull(i, 3)) {
            role.section_id = rows.Int(i, 3);
        }
        role.role = rows.String(i, 4);
        roles.push_back(std::move(role));
    }
    return roles;
}

constexpr std::string_view kSiteRoleSelect = "SELECT id, account_id, site_id, section_id, role FROM site_roles ";

}  // namespace

std::vector<Store::StoredSiteRole> Store::SiteRoles(db::Connection& c, std::int64_t site_id,
                                                  std::optional<std::int64_t> account_id) const {
    std::vector<Value> params{site_id};
    std::string sql = std::string(kSiteRoleSelect) + "WHERE site_id = $1";
    if (account_id) {
        sql += " AND account_id = " + Param(params, *account_id);
    }
    return ReadSiteRoles(c.Query(sql + " ORDER BY id", params));
}

std::vector<Store::StoredSiteRole> Store::AccountSiteRoles(db::Connection& c, std::int64_t account_id) const {
    return ReadSiteRoles(c.Query(std::string(kSiteRoleSelect) + "WHERE account_id = $1 ORDER BY id", {account_id}));
}

std::int64_t Store::InsertSiteRole(db::Connection& c, std::int64_t site_id, const StoredSiteRole& role,
                                   std::int64_t now) const {
    return c
        .Query("INSERT INTO site_roles (account_id, site_id, section_id, role, created_at) VALUES ($1, $2, $3, $4, $5) "
               "RETURNING id",
               {role.account_id, site_id, db::Nullable(role.section_id), role.role, now})
        .Int(0, 0);
}

bool Store::DeleteSiteRole(db::Connection& c, std::int64_t site_id, std::int64_t id) const {
    return c.Query("DELETE FROM site_roles WHERE id = $1 AND site_id = $2", {id, site_id}).Affected() == 1;
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

// Gallery, attachments and related items

void Store::SetItemMedia(db::Connection& c, const Item& item) const {
    c.Query("DELETE FROM item_media WHERE item_id = $1", {item.id});
    for (std::size_t i = 0; i < item.gallery_media_ids.size(); ++i) {
        c.Query("INSERT INTO item_media (item_id, media_id, role, position, caption) VALUES ($1, $2, 'gallery', $3, $4) "
                "ON CONFLICT DO NOTHING",
                {item.id, item.gallery_media_ids[i], static_cast<std::int64_t>(i),
                 i < item.gallery_captions.size() ? item.gallery_captions[i] : std::string()});
    }
    for (std::size_t i = 0; i < item.attachment_media_ids.size(); ++i) {
        c.Query("INSERT INTO item_media (item_id, media_id, role, position) VALUES ($1, $2, 'attachment', $3) "
                "ON CONFLICT DO NOTHING",
                {item.id, item.attachment_media_ids[i], static_cast<std::int64_t>(i)});
    }
}

void Store::SetRelated(db::Connection& c, std::int64_t item_id, const std::vector<std::int64_t>& related_ids) const {
    c.Query("DELETE FROM item_related WHERE item_id = $1", {item_id});
    for (std::size_t i = 0; i < related_ids.size(); ++i) {
        c.Query("INSERT INTO item_related (item_id, related_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                {item_id, related_ids[i], static_cast<std::int64_t>(i)});
    }
}

std::vector<Media> Store::FindMedia(db::Connection& c, const std::vector<std::int64_t>& ids) const {
    if (ids.empty()) {
        return {};
    }
    std::vector<Value> params;
    std::string sql = std::string(kMediaColumns) + " WHERE id IN (" + IdList(params, ids) + ")";
    auto rows = c.Query(sql, params);
    std::vector<Media> found;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        found.push_back(ReadMedia(rows, i));
    }
    return InOrder(std::move(found), ids);
}

std::vector<Media> Store::RecentMedia(db::Connection& c, std::int64_t site_id, const std::string& kind,
                                      std::int64_t limit) const {
    auto rows = c.Query(std::string(kMediaColumns) + " WHERE site_id = $1 AND kind = $2 ORDER BY id DESC LIMIT $3",
                        {site_id, kind, limit});
    std::vector<Media> media;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        media.push_back(ReadMedia(rows, i));
    }
    return media;
}

std::vector<Teaser> Store::RecentPublished(db::Connection& c, std::int64_t site_id, std::int64_t limit) const {
    auto rows = c.Query(std::string(kTeaserColumns) +
                            " WHERE i.site_id = $1 AND i.status = 'published' ORDER BY i.published_at DESC, i.id DESC "
                            "LIMIT $2",
                        {site_id, limit});
    std::vector<Teaser> teasers;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        teasers.push_back(ReadTeaser(rows, i));
    }
    return teasers;
}

std::vector<Teaser> Store::PublishedAmong(db::Connection& c, std::int64_t site_id,
                                          const std::vector<std::int64_t>& ids) const {
    if (ids.empty()) {
        return {};
    }
    // Site and status are checked here, not in SQL: with them SQLite's planner walks the index of every
    // published item of the site instead of looking up these few ids.
    std::vector<Value> params;
    std::string sql = "SELECT i.id, i.site_id, i.title, i.slug, i.sapo, i.genre, COALESCE(i.published_at, 0), "
                      "i.featured_media_id, i.status FROM items i WHERE i.id IN (" +
                      IdList(params, ids) + ")";
    auto rows = c.Query(sql, params);
    std::vector<Teaser> found;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        if (rows.Int(i, 1) == site_id && rows.Text(i, 8) == "published") {
            found.push_back(ReadTeaser(rows, i));
        }
    }
    return InOrder(std::move(found), ids);
}

// Revisions

std::vector<Revision> Store::Revisions(db::Connection& c, std::int64_t item_id) const {
    auto rows = c.Query(RevisionSelect(false) + " WHERE r.item_id = $1 ORDER BY r.number", {item_id});
    std::vector<Revision> revisions;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        revisions.push_back(ReadRevision(rows, i));
    }
    return revisions;
}

std::optional<Revision> Store::FindRevision(db::Connection& c, std::int64_t item_id, std::int64_t number) const {
    auto rows = c.Query(RevisionSelect(true) + " WHERE r.item_id = $1 AND r.number = $2", {item_id, number});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return ReadRevision(rows, 0);
}

std::optional<Revision> Store::PendingRevision(db::Connection& c, std::int64_t item_id) const {
    auto rows = c.Query(RevisionSelect(true) + " WHERE r.item_id = $1 AND r.state = 'pending'", {item_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return ReadRevision(rows, 0);
}

std::optional<Revision> Store::PreviousApplied(db::Connection& c, std::int64_t item_id, std::int64_t number) const {
    auto rows = c.Query(RevisionSelect(true) +
                            " WHERE r.item_id = $1 AND r.state = 'applied' AND r.number < $2 ORDER BY r.number DESC "
                            "LIMIT 1",
                        {item_id, number});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return ReadRevision(rows, 0);
}

namespace {

std::int64_t InsertRevision(db::Connection& c, std::int64_t item_id, RevisionState state, const Item& content,
                            std::optional<std::int64_t> account_id, std::optional<std::int64_t> decided_by,
                            std::optional<std::int64_t> decided_at, std::int64_t at) {
    std::int64_t number =
        c.Query("SELECT COALESCE(MAX(number), 0) + 1 FROM item_revisions WHERE item_id = $1", {item_id}).Int(0, 0);
    c.Query("INSERT INTO item_revisions (item_id, number, state, genre, title, sapo, body_md, pen_name, tags, extras, "
            "account_id, created_at, updated_at, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
            "$10, $11, $12, $12, $13, $14)",
            {item_id, number, std::string(RevisionStateName(state)), std::string(GenreName(content.genre)),
             content.title, content.sapo, content.body_md, content.pen_name, TagsJson(content), ExtrasJson(content),
             db::Nullable(account_id), at, db::Nullable(decided_by), db::Nullable(decided_at)});
    return number;
}

}  // namespace

std::int64_t Store::SavePending(db::Connection& c, std::int64_t item_id, const Item& content,
                                std::optional<std::int64_t> account_id, std::int64_t now) const {
    auto rows = c.Query(
        "UPDATE item_revisions SET genre = $2, title = $3, sapo = $4, body_md = $5, pen_name = $6, tags = $7, "
        "extras = $8, account_id = $9, updated_at = $10 WHERE item_id = $1 AND state = 'pending' RETURNING number",
        {item_id, std::string(GenreName(content.genre)), content.title, content.sapo, content.body_md,
         content.pen_name, TagsJson(content), ExtrasJson(content), db::Nullable(account_id), now});
    if (!rows.Empty()) {
        return rows.Int(0, 0);
    }
    return InsertRevision(c, item_id, RevisionState::kPending, content, account_id, std::nullopt, std::nullopt, now);
}

std::int64_t Store::InsertApplied(db::Connection& c, std::int64_t item_id, const Item& content,
                                  std::optional<std::int64_t> account_id, std::int64_t at) const {
    return InsertRevision(c, item_id, RevisionState::kApplied, content, account_id, account_id, at, at);
}

bool Store::DecidePending(db::Connection& c, std::int64_t item_id, RevisionState state,
                          std::optional<std::int64_t> by, std::int64_t now) const {
    return c
               .Query("UPDATE item_revisions SET state = $2, decided_by = $3, decided_at = $4, updated_at = $4 "
                      "WHERE item_id = $1 AND state = 'pending'",
                      {item_id, std::string(RevisionStateName(state)), db::Nullable(by), now})
               .Affected() == 1;
}

// The newsroom's reads

std::vector<Site> Store::AllSites(db::Connection& c) const {
    auto rows = c.Query("SELECT " + std::string(kSiteColumns) + " FROM sites s ORDER BY s.id");
    std::vector<Site> sites;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        sites.push_back(ReadSite(rows, i));
    }
    return sites;
}

std::vector<std::pair<ItemStatus, std::int64_t>> Store::CountItems(db::Connection& c, std::int64_t site_id,
                                                                   std::optional<std::int64_t> author_id,
                                                                   const std::vector<std::int64_t>& also_sections) const {
    std::vector<Value> params{site_id};
    std::string sql = "SELECT status, COUNT(*) FROM items WHERE site_id = $1";
    if (author_id) {
        sql += OwnOrSections(params, "", *author_id, also_sections);
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
