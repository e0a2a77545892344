// SQL of the portal room, and nothing else: sites, sections, items, their extra sections, media, related
// items, revisions and events.
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
    /// Writes a site's name, tagline, host and logo when the stored version is `site.version`; false when stale.
    /// A host another site has raises db::Error kUniqueViolation.
    bool UpdateSite(db::Connection& c, const Site& site, std::int64_t now) const;
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
    /// One page of the site's items. With `author_id`, only that author's items and, when `also_sections` is not
    /// empty, the items filed in those sections.
    org::Page<Item> ListItems(db::Connection& c, std::int64_t site_id, const ItemQuery& query,
                              std::optional<std::int64_t> author_id,
                              const std::vector<std::int64_t>& also_sections) const;
    /// Writes the editable fields and the HTML of a published item when the stored version is `item.version`
    /// and it is still published; false otherwise.
    bool UpdatePublishedText(db::Connection& c, const Item& item, std::int64_t now) const;
    /// Raises the item's version (a change kept beside the item, such as a pending revision) when it is
    /// `version`; false on a stale version.
    bool BumpVersion(db::Connection& c, std::int64_t item_id, std::int64_t version) const;
    /// Ids of scheduled items whose time has come, oldest first.
    std::vector<std::int64_t> DueItems(db::Connection& c, std::int64_t now) const;

    // Tags
    /// Replaces the item's tags, creating tags met for the first time (by slug).
    void SetTags(db::Connection& c, std::int64_t item_id, const std::vector<std::string>& names) const;
    /// The item's tags, by slug.
    std::vector<Tag> Tags(db::Connection& c, std::int64_t item_id) const;

    // Gallery, attachments and related items
    /// Replaces the item's gallery (with its captions) and attached documents by `item`'s.
    void SetItemMedia(db::Connection& c, const Item& item) const;
    /// Replaces the item's related items, in order.
    void SetRelated(db::Connection& c, std::int64_t item_id, const std::vector<std::int64_t>& related_ids) const;
    /// The uploaded media among `ids`, in the order of `ids`; unknown ids are left out.
    std::vector<Media> FindMedia(db::Connection& c, const std::vector<std::int64_t>& ids) const;
    /// The site's uploaded media of one kind ("image", "document"), newest first.
    std::vector<Media> RecentMedia(db::Connection& c, std::int64_t site_id, const std::string& kind,
                                   std::int64_t limit) const;
    /// The published items of the site (its own, not shared ones), newest first.
    std::vector<Teaser> RecentPublished(db::Connection& c, std::int64_t site_id, std::int64_t limit) const;
    /// Those of `ids` that are published items of the site, in the order of `ids`.
    std::vector<Teaser> PublishedAmong(db::Connection& c, std::int64_t site_id,
                                       const std::vector<std::int64_t>& ids) const;

    // Revisions
    /// The item's revisions, oldest first, without bodies.
    std::vector<Revision> Revisions(db::Connection& c, std::int64_t item_id) const;
    /// One revision with its body.
    std::optional<Revision> FindRevision(db::Connection& c, std::int64_t item_id, std::int64_t number) const;
    /// The item's pending revision with its body.
    std::optional<Revision> PendingRevision(db::Connection& c, std::int64_t item_id) const;
    /// The last applied revision numbered below `number`, with its body.
    std::optional<Revision> PreviousApplied(db::Connection& c, std::int64_t item_id, std::int64_t number) const;
    /// Stores `content` as the item's pending revision: replaces the text of the one waiting, or adds one with
    /// the next number. Returns its number. The caller holds the item's row (BumpVersion) so numbers cannot race.
    std::int64_t SavePending(db::Connection& c, std::int64_t item_id, const Item& content,
                             std::optional<std::int64_t> account_id, std::int64_t now) const;
    /// Records a text that went online as an applied revision with the next number; returns the number.
    std::int64_t InsertApplied(db::Connection& c, std::int64_t item_id, const Item& content,
                               std::optional<std::int64_t> account_id, std::int64_t at) const;
    /// Marks the pending revision applied or discarded by `by`; false when there is none.
    bool DecidePending(db::Connection& c, std::int64_t item_id, RevisionState state, std::optional<std::int64_t> by,
                       std::int64_t now) const;

    // Where published items show
    /// Lists a published item on its sections and their sites (and only those); returns every site
    /// that listed it before or lists it now, whose pages have changed.
    std::vector<std::int64_t> Place(db::Connection& c, const Item& item) const;
    /// A role held on a site (no section) or on one section of it, as stored.
    struct StoredSiteRole {
        std::int64_t id = 0;
        std::int64_t account_id = 0;
        std::int64_t site_id = 0;
        std::optional<std::int64_t> section_id;
        std::string role;  ///< "contributor", "editor" or "board"
    };
    /// The site's stored roles, every account's when `account_id` is absent, in id order.
    std::vector<StoredSiteRole> SiteRoles(db::Connection& c, std::int64_t site_id,
                                          std::optional<std::int64_t> account_id) const;
    /// Every stored role of one account, on any site, in id order.
    std::vector<StoredSiteRole> AccountSiteRoles(db::Connection& c, std::int64_t account_id) const;
    /// Stores a role; the same one twice raises db::Error kUniqueViolation.
    std::int64_t InsertSiteRole(db::Connection& c, std::int64_t site_id, const StoredSiteRole& role,
                                std::int64_t now) const;
    /// Removes one of the site's roles; false when it has no such role.
    bool DeleteSiteRole(db::Connection& c, std::int64_t site_id, std::int64_t id) const;
    /// Takes an item off every list; returns the sites that listed it.
    std::vector<std::int64_t> Unplace(db::Connection& c, std::int64_t item_id) const;

    // The newsroom's reads
    /// Every site, oldest first (unit paths are not filled in).
    std::vector<Site> AllSites(db::Connection& c) const;
    /// The number of the site's items per status that has any; with `author_id`, only that author's and the
    /// items filed in `also_sections`.
    std::vector<std::pair<ItemStatus, std::int64_t>> CountItems(db::Connection& c, std::int64_t site_id,
                                                                std::optional<std::int64_t> author_id,
                                                                const std::vector<std::int64_t>& also_sections) const;
    /// Every site's "Thông tin tuyên vận" section, by site.
    std::vector<Section> OutreachSections(db::Connection& c) const;

    // Events
    void InsertEvent(db::Connection& c, const ItemEvent& event) const;
    /// The item's events, oldest first.
    std::vector<ItemEvent> Events(db::Connection& c, std::int64_t item_id) const;
};

}  // namespace tuyenvan::portal
