#include "portal/public_store.hpp"

namespace tuyenvan::portal {
namespace {

using db::Value;

// `list` is the placement table aliased p, with published_at; the item's own section names it.
constexpr std::string_view kTeaserColumns =
    "SELECT i.id, i.site_id, i.title, i.slug, i.sapo, i.genre, p.published_at, i.featured_media_id, sec.name, "
    "sec.slug FROM ";
constexpr std::string_view kTeaserJoin = " JOIN items i ON i.id = p.item_id JOIN sections sec ON sec.id = i.section_id ";

std::vector<Teaser> ReadTeasers(const db::Rows& rows) {
    std::vector<Teaser> teasers;
    teasers.reserve(rows.Size());
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        Teaser teaser;
        teaser.id = rows.Int(i, 0);
        teaser.site_id = rows.Int(i, 1);
        teaser.title = rows.String(i, 2);
        teaser.slug = rows.String(i, 3);
        teaser.sapo = rows.String(i, 4);
        teaser.genre = ParseGenre(rows.Text(i, 5)).value_or(Genre::kNews);
        teaser.published_at = rows.Int(i, 6);
        teaser.featured_media_id = rows.OptInt(i, 7);
        teaser.section_name = rows.String(i, 8);
        teaser.section_slug = rows.String(i, 9);
        teasers.push_back(std::move(teaser));
    }
    return teasers;
}

Attachment ReadAttachment(const db::Rows& rows, std::size_t i) {
    Attachment a;
    a.media_id = rows.Int(i, 0);
    a.name = rows.String(i, 1);
    a.content_type = rows.String(i, 2);
    a.bytes = rows.Int(i, 3);
    a.item_id = rows.Int(i, 4);
    a.item_site_id = rows.Int(i, 5);
    a.item_title = rows.String(i, 6);
    a.item_slug = rows.String(i, 7);
    a.published_at = rows.Int(i, 8);
    return a;
}

}  // namespace

TeaserPage PublicStore::Latest(db::Connection& c, std::int64_t site_id, std::int64_t limit, std::int64_t offset,
                               bool count) const {
    TeaserPage page;
    page.items = ReadTeasers(c.Query(std::string(kTeaserColumns) + "site_items p" + std::string(kTeaserJoin) +
                                         "WHERE p.site_id = $1 ORDER BY p.published_at DESC, p.item_id DESC "
                                         "LIMIT $2 OFFSET $3",
                                     {site_id, limit, offset}));
    if (count) {
        page.total = c.Query("SELECT COUNT(*) FROM site_items WHERE site_id = $1", {site_id}).Int(0, 0);
    }
    return page;
}

TeaserPage PublicStore::InSection(db::Connection& c, std::int64_t section_id, std::int64_t limit,
                                  std::int64_t offset, bool count) const {
    TeaserPage page;
    page.items = ReadTeasers(c.Query(std::string(kTeaserColumns) + "section_items p" + std::string(kTeaserJoin) +
                                         "WHERE p.section_id = $1 ORDER BY p.published_at DESC, p.item_id DESC "
                                         "LIMIT $2 OFFSET $3",
                                     {section_id, limit, offset}));
    if (count) {
        page.total = c.Query("SELECT COUNT(*) FROM section_items WHERE section_id = $1", {section_id}).Int(0, 0);
    }
    return page;
}

TeaserPage PublicStore::WithTag(db::Connection& c, std::int64_t site_id, std::int64_t tag_id, std::int64_t limit,
                                std::int64_t offset) const {
    TeaserPage page;
    page.items = ReadTeasers(c.Query(std::string(kTeaserColumns) + "site_items p" + std::string(kTeaserJoin) +
                                         "JOIN item_tags t ON t.item_id = p.item_id AND t.tag_id = $2 "
                                         "WHERE p.site_id = $1 ORDER BY p.published_at DESC, p.item_id DESC "
                                         "LIMIT $3 OFFSET $4",
                                     {site_id, tag_id, limit, offset}));
    page.total = c.Query("SELECT COUNT(*) FROM site_items p JOIN item_tags t ON t.item_id = p.item_id AND t.tag_id = $2 "
                         "WHERE p.site_id = $1",
                         {site_id, tag_id})
                     .Int(0, 0);
    return page;
}

TeaserPage PublicStore::InPeriod(db::Connection& c, std::int64_t site_id, std::int64_t from, std::int64_t to,
                                 std::int64_t limit, std::int64_t offset) const {
    TeaserPage page;
    page.items = ReadTeasers(c.Query(std::string(kTeaserColumns) + "site_items p" + std::string(kTeaserJoin) +
                                         "WHERE p.site_id = $1 AND p.published_at >= $2 AND p.published_at < $3 "
                                         "ORDER BY p.published_at DESC, p.item_id DESC LIMIT $4 OFFSET $5",
                                     {site_id, from, to, limit, offset}));
    page.total = c.Query("SELECT COUNT(*) FROM site_items WHERE site_id = $1 AND published_at >= $2 AND "
                         "published_at < $3",
                         {site_id, from, to})
                     .Int(0, 0);
    return page;
}

std::vector<Teaser> PublicStore::Featured(db::Connection& c, std::int64_t site_id, std::int64_t limit) const {
    // Walk the newest few hundred only: the index gives them in order, the filter keeps it short.
    return ReadTeasers(c.Query(std::string(kTeaserColumns) + "site_items p" + std::string(kTeaserJoin) +
                                   "WHERE p.site_id = $1 AND i.featured_media_id IS NOT NULL "
                                   "ORDER BY p.published_at DESC, p.item_id DESC LIMIT $2",
                               {site_id, limit}));
}

std::vector<Teaser> PublicStore::ByIds(db::Connection& c, const std::vector<std::int64_t>& ids) const {
    std::vector<Teaser> ordered;
    if (ids.empty()) {
        return ordered;
    }
    std::vector<Value> params;
    std::string list;
    for (auto id : ids) {
        params.emplace_back(id);
        list += (list.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    // The status is checked here, not in SQL: with "status = 'published'" SQLite's planner walks the index of
    // every published item instead of looking up these few ids.
    std::string sql = "SELECT i.id, i.site_id, i.title, i.slug, i.sapo, i.genre, COALESCE(i.published_at, 0), "
                      "i.featured_media_id, sec.name, sec.slug, i.status FROM items i "
                      "JOIN sections sec ON sec.id = i.section_id WHERE i.id IN (" +
                      list + ")";
    auto rows = c.Query(sql, params);
    auto teasers = ReadTeasers(rows);
    for (auto id : ids) {
        for (std::size_t r = 0; r < teasers.size(); ++r) {
            const Teaser& teaser = teasers[r];
            if (teaser.id == id && rows.Text(r, 10) == "published") {
                ordered.push_back(teaser);
                break;
            }
        }
    }
    return ordered;
}

bool PublicStore::Shows(db::Connection& c, std::int64_t site_id, std::int64_t item_id) const {
    return !c.Query("SELECT 1 FROM site_items WHERE site_id = $1 AND item_id = $2", {site_id, item_id}).Empty();
}

std::optional<Tag> PublicStore::TagBySlug(db::Connection& c, const std::string& slug) const {
    auto rows = c.Query("SELECT id, slug, name FROM tags WHERE slug = $1", {slug});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return Tag{rows.Int(0, 0), rows.String(0, 1), rows.String(0, 2)};
}

std::vector<Attachment> PublicStore::Documents(db::Connection& c, std::int64_t site_id, std::int64_t limit,
                                               std::int64_t offset, std::int64_t& total) const {
    constexpr std::string_view kFrom =
        " FROM site_items p JOIN item_media im ON im.item_id = p.item_id AND im.role = 'attachment' "
        "JOIN media m ON m.id = im.media_id JOIN items i ON i.id = p.item_id WHERE p.site_id = $1";
    total = c.Query("SELECT COUNT(*)" + std::string(kFrom), {site_id}).Int(0, 0);
    auto rows = c.Query("SELECT m.id, m.original_name, m.content_type, m.bytes, i.id, i.site_id, i.title, i.slug, "
                        "p.published_at" +
                            std::string(kFrom) + " ORDER BY p.published_at DESC, m.id DESC LIMIT $2 OFFSET $3",
                        {site_id, limit, offset});
    std::vector<Attachment> documents;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        documents.push_back(ReadAttachment(rows, i));
    }
    return documents;
}

std::vector<Attachment> PublicStore::ItemDocuments(db::Connection& c, std::int64_t item_id) const {
    auto rows = c.Query(
        "SELECT m.id, m.original_name, m.content_type, m.bytes, i.id, i.site_id, i.title, i.slug, "
        "COALESCE(i.published_at, 0) FROM item_media im JOIN media m ON m.id = im.media_id JOIN items i ON i.id = "
        "im.item_id WHERE im.item_id = $1 AND im.role = 'attachment' ORDER BY im.position, m.id",
        {item_id});
    std::vector<Attachment> documents;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        documents.push_back(ReadAttachment(rows, i));
    }
    return documents;
}

std::vector<GalleryPicture> PublicStore::Gallery(db::Connection& c, std::int64_t item_id) const {
    auto rows = c.Query(
        "SELECT m.id, m.alt, CASE WHEN im.caption = '' THEN m.caption ELSE im.caption END, COALESCE(m.width, 0), "
        "COALESCE(m.height, 0) FROM item_media im JOIN media m ON m.id = im.media_id "
        "WHERE im.item_id = $1 AND im.role = 'gallery' ORDER BY im.position, m.id",
        {item_id});
    std::vector<GalleryPicture> pictures;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        pictures.push_back(GalleryPicture{rows.Int(i, 0), rows.String(i, 1), rows.String(i, 2),
                                          static_cast<int>(rows.Int(i, 3)), static_cast<int>(rows.Int(i, 4))});
    }
    return pictures;
}

std::optional<GalleryPicture> PublicStore::Picture(db::Connection& c, std::int64_t media_id) const {
    auto rows = c.Query("SELECT id, alt, caption, COALESCE(width, 0), COALESCE(height, 0) FROM media WHERE id = $1 "
                        "AND kind = 'image'",
                        {media_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return GalleryPicture{rows.Int(0, 0), rows.String(0, 1), rows.String(0, 2), static_cast<int>(rows.Int(0, 3)),
                          static_cast<int>(rows.Int(0, 4))};
}

}  // namespace tuyenvan::portal
