// SQL of the public sites, and nothing else: what readers see (published items only).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "portal/model.hpp"

namespace tuyenvan::portal {

/// A document attached to a published item, for the document library.
struct Attachment {
    std::int64_t media_id = 0;
    std::string name;
    std::string content_type;
    std::int64_t bytes = 0;
    std::int64_t item_id = 0;
    std::int64_t item_site_id = 0;
    std::string item_title;
    std::string item_slug;
    std::int64_t published_at = 0;
};

/// A picture of an item's gallery.
struct GalleryPicture {
    std::int64_t media_id = 0;
    std::string alt;
    std::string caption;
    int width = 0;
    int height = 0;
};

/// One page of teasers and how many there are in all.
struct TeaserPage {
    std::vector<Teaser> items;
    std::int64_t total = 0;
};

/// Public reads. Every list is one index range on site_items or section_items.
class PublicStore {
public:
    /// The newest items a site shows.
    TeaserPage Latest(db::Connection& c, std::int64_t site_id, std::int64_t limit, std::int64_t offset,
                      bool count) const;
    /// The newest items of a section (including items shared into it).
    TeaserPage InSection(db::Connection& c, std::int64_t section_id, std::int64_t limit, std::int64_t offset,
                         bool count) const;
    /// The newest items of a site with a tag.
    TeaserPage WithTag(db::Connection& c, std::int64_t site_id, std::int64_t tag_id, std::int64_t limit,
                       std::int64_t offset) const;
    /// A site's items published in [from, to).
    TeaserPage InPeriod(db::Connection& c, std::int64_t site_id, std::int64_t from, std::int64_t to,
                        std::int64_t limit, std::int64_t offset) const;
    /// The newest items with a featured picture.
    std::vector<Teaser> Featured(db::Connection& c, std::int64_t site_id, std::int64_t limit) const;
    /// Teasers of the given items, in the given order (for search results).
    std::vector<Teaser> ByIds(db::Connection& c, const std::vector<std::int64_t>& ids) const;

    /// True when the site lists the published item.
    bool Shows(db::Connection& c, std::int64_t site_id, std::int64_t item_id) const;
    std::optional<Tag> TagBySlug(db::Connection& c, const std::string& slug) const;
    /// The documents attached to the items a site shows, newest first.
    std::vector<Attachment> Documents(db::Connection& c, std::int64_t site_id, std::int64_t limit,
                                      std::int64_t offset, std::int64_t& total) const;
    /// The documents attached to one item.
    std::vector<Attachment> ItemDocuments(db::Connection& c, std::int64_t item_id) const;
    /// The pictures of an item's gallery, in order.
    std::vector<GalleryPicture> Gallery(db::Connection& c, std::int64_t item_id) const;
    /// Alternative text and size of an image.
    std::optional<GalleryPicture> Picture(db::Connection& c, std::int64_t media_id) const;
};

}  // namespace tuyenvan::portal
