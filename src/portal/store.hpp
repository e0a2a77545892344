// SQL of the portal room, and nothing else: sites, sections, items, their extra sections and events.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "org/model.hpp"
#include "platform/db/database.hpp"
#include "portal/model.hpp"

namespace tuyenvan::portal {

/// Data access of the portal room. Methods take the connection of the caller's transaction.
class Store {
public:
    // Sites and sections
    /// Inserts a site; a taken slug or host raises db::Error kUniqueViolation.
    std::int64_t InsertSite(db::Connection& c, const Site& site, std::int64_t now) const;
    /// The site with its unit's path.
    std::optional<Site> FindSite(db::Connection& c, std::int64_t id) const;
    /// Inserts a section at the end of its site's order; a taken slug raises kUniqueViolation.
    std::int64_t InsertSection(db::Connection& c, const Section& section, std::int64_t now) const;
    std::optional<Section> FindSection(db::Connection& c, std::int64_t id) const;
    /// The site's sections in display order.
    std::vector<Section> Sections(db::Connection& c, std::int64_t site_id) const;

    // Items
    std::int64_t InsertItem(db::Connection& c, const Item& item, std::int64_t now) const;
    /// The item with its body and extra sections.
    std::optional<Item> FindItem(db::Connection& c, std::int64_t id) const;
    /// Writes the editable fields when the stored version is `item.version`; false on a stale version.
    bool UpdateItemFields(db::Connection& c, const Item& item, std::int64_t now) const;
    /// Replaces the item's extra sections.
    void SetExtraSections(db::Connection& c, std::int64_t item_id, const std::vector<std::int64_t>& section_ids) const;
    /// Moves the item from `from` to `item.status` with its dates and HTML; false when it is no longer in `from`.
    bool Transition(db::Connection& c, const Item& item, ItemStatus from, std::int64_t now) const;
    /// One page of a site's items, newest change first, without bodies; only `author_id`'s when given.
    org::Page<Item> ListItems(db::Connection& c, std::int64_t site_id, const ItemQuery& query,
                              std::optional<std::int64_t> author_id) const;
    /// Ids of scheduled items whose time has come, oldest first.
    std::vector<std::int64_t> DueItems(db::Connection& c, std::int64_t now) const;

    // Tags
    /// Replaces the item's tags, creating tags met for the first time (by slug).
    void SetTags(db::Connection& c, std::int64_t item_id, const std::vector<std::string>& names) const;
    /// The item's tags, by slug.
    std::vector<Tag> Tags(db::Connection& c, std::int64_t item_id) const;

    // Where published items show
    /// Lists a published item on its sections and their sites (and only those); returns every site
    /// that listed it before or lists it now, whose pages have changed.
    std::vector<std::int64_t> Place(db::Connection& c, const Item& item) const;
    /// Takes an item off every list; returns the sites that listed it.
    std::vector<std::int64_t> Unplace(db::Connection& c, std::int64_t item_id) const;

    // The newsroom's reads
    /// Every site, oldest first (unit paths are not filled in).
    std::vector<Site> AllSites(db::Connection& c) const;
    /// The number of the site's items per status that has any; only `author_id`'s when given.
    std::vector<std::pair<ItemStatus, std::int64_t>> CountItems(db::Connection& c, std::int64_t site_id,
                                                                std::optional<std::int64_t> author_id) const;
    /// Every site's "Thông tin tuyên vận" section, by site.
    std::vector<Section> OutreachSections(db::Connection& c) const;

    // Events
    void InsertEvent(db::Connection& c, const ItemEvent& event) const;
    /// The item's events, oldest first.
    std::vector<ItemEvent> Events(db::Connection& c, std::int64_t item_id) const;
};

}  // namespace tuyenvan::portal
