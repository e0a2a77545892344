// Rules and permissions of the portal room: sites, sections and the editorial workflow of items.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "org/service.hpp"
#include "platform/db/database.hpp"
#include "portal/diff.hpp"
#include "portal/model.hpp"
#include "portal/store.hpp"

namespace tuyenvan::portal {

/// What an author or editor writes for an item; the section is chosen when the draft is created.
struct ItemFields {
    std::string genre = "tin";  ///< "tin", "bai", "anh" or "van-ban"
    std::string title;          ///< 1–300 characters
    std::string sapo;           ///< up to 1000 characters
    std::string body_md;        ///< Markdown, up to 2 MiB
    std::string pen_name;
    std::optional<std::int64_t> source_unit_id;
    /// Further sections: on the item's site, or another site's "Thông tin tuyên vận" column.
    std::vector<std::int64_t> extra_section_ids;
    /// Up to 10 tags of up to 60 characters each.
    std::vector<std::string> tags;
    /// An uploaded picture of the item's site, shown at the top with its caption.
    std::optional<std::int64_t> featured_media_id;
    std::string featured_caption;
    /// Pictures uploaded to the item's site, shown as the item's gallery in this order (up to 50).
    std::vector<std::int64_t> gallery_media_ids;
    /// This item's caption of each gallery picture, in the same order (up to 500 characters each); a missing or
    /// empty one shows the picture's own caption.
    std::vector<std::string> gallery_captions;
    /// Documents uploaded to the item's site, offered for download under the item in this order (up to 20).
    std::vector<std::int64_t> attachment_media_ids;
    /// Published items of the same site shown as "related" (up to 10), in this order.
    std::vector<std::int64_t> related_item_ids;
};

/// Most pictures in an item's gallery.
inline constexpr std::size_t kMaxGalleryPictures = 50;
/// Most documents attached to an item.
inline constexpr std::size_t kMaxAttachments = 20;
/// Most related items of an item.
inline constexpr std::size_t kMaxRelatedItems = 10;

/// What one person may do on a site or on a section of it, each role what the one before it may and more:
/// contributors write drafts, editors approve or return them and edit any item, the board (ban biên tập)
/// publishes, schedules, withdraws and corrects, and keeps the site's settings, sections and roles. The
/// newsroom offers actions by it, and the service checks again.
enum class SiteRole { kNone, kContributor, kEditor, kBoard };

/// Machine name ("board") and Vietnamese label ("Ban biên tập") of a role.
std::string_view SiteRoleName(SiteRole role);
std::string_view SiteRoleLabel(SiteRole role);
/// Parses "contributor", "editor" or "board".
std::optional<SiteRole> ParseSiteRole(std::string_view name);

/// A site with what one person may do on it.
struct SiteDesk {
    Site site;
    SiteRole role = SiteRole::kNone;  ///< held on the whole site
    /// Higher roles held on some sections only, each section's subsections included.
    std::map<std::int64_t, SiteRole> section_roles;

    /// The role that holds on an item filed in the section.
    SiteRole On(std::int64_t section_id) const;
    /// The highest role held anywhere on the site.
    SiteRole Most() const;
};

/// A role held on a site or on one of its sections, as the newsroom lists them.
struct SiteRoleGrant {
    std::int64_t id = 0;  ///< 0: held through a grant on the site's unit, kept with the accounts
    org::AccountRef account;
    SiteRole role = SiteRole::kNone;
    std::optional<std::int64_t> section_id;  ///< absent: the whole site
    std::string section_name;
};

/// One site's "Thông tin tuyên vận" column, where other sites send items.
struct OutreachColumn {
    Section section;
    std::string site_name;
};

/// What an editor may change of a site.
struct SiteSettings {
    std::string name;
    std::string tagline;
    std::string host;  ///< empty: reached by its path prefix only
    std::optional<std::int64_t> logo_media_id;
};

/// A file a contributor or editor uploads.
struct Upload {
    std::string file_name;  ///< as the browser sent it; only for display and the type check
    std::string bytes;
    std::string alt;      ///< required for images
    std::string caption;  ///< optional
};

/// An uploaded picture or document as the newsroom refers to it.
struct StoredMedia {
    std::int64_t id = 0;
    std::string kind;  ///< "image" or "document"
    std::string url;   ///< "/media/12/1280.jpg" or "/media/12/tai-ve"
    std::string name;
    std::string alt;
    int width = 0;
    int height = 0;
    std::string caption;
    std::int64_t bytes = 0;  ///< the size of the uploaded file
};

/// How one field of an item changed between two texts.
struct FieldChange {
    std::string field;  ///< "title", "sapo" or "body_md"
    std::string label;  ///< "Tiêu đề"
    LineDiff diff;
};

/// What a revision changed: its title, sapo and Markdown body against the text before it.
struct RevisionDiff {
    Revision revision;  ///< without its body
    /// The applied revision compared with; absent when the revision is compared with the text online now
    /// (a pending one) or with nothing (the first text).
    std::optional<std::int64_t> against_number;
    bool against_online = false;  ///< a pending revision against the text readers see now
    std::vector<FieldChange> fields;
};

/// One line of the column's figures for a month: a site, a source unit or an author.
struct ColumnFigures {
    std::int64_t id = 0;  ///< the site, unit or account
    std::string name;
    std::string detail;  ///< an author's pen names; a unit's or site's note
    std::int64_t items = 0;  ///< items published in the month into a "Thông tin tuyên vận" column
    std::array<std::int64_t, 4> by_genre{};  ///< of them: tin, bài, ảnh, văn bản (kAllGenres order)
    std::int64_t views = 0;  ///< views in the month of the column's items, whenever they were published
};

/// The monthly statistics of the "Thông tin tuyên vận" column that the seed asks for, with the units
/// proposed for a reward ("nhiều tin, bài, lượt truy cập").
struct ColumnStatistics {
    int year = 0;
    int month = 0;
    std::vector<ColumnFigures> sites;    ///< each site shown, in site order, its own column's figures
    std::vector<ColumnFigures> units;    ///< source units (the item's, or its site's unit), best first
    std::vector<ColumnFigures> authors;  ///< accounts with their pen names, best first (for royalties)
    std::int64_t items = 0;
    std::int64_t views = 0;
    /// The reward proposal: the units with the most items and with the most views among those with at least
    /// kRewardMinItems items, kRewardPlaces of each.
    std::vector<ColumnFigures> reward_by_items;
    std::vector<ColumnFigures> reward_by_views;
};
/// Least items in a month for a unit to be proposed for a reward, and how many units are proposed per list.
inline constexpr std::int64_t kRewardMinItems = 3;
inline constexpr std::size_t kRewardPlaces = 3;

/// The portal room's service. Errors are org::ServiceError with Vietnamese messages.
///
/// Who may act on a site: an editor or contributor granted on exactly the site's unit, or an
/// administrator of a subtree holding it (who acts as an editor). Contributors see only their own items.
class Service {
public:
    /// Unit paths come from the org room's service; the portal reads none of its tables.
    Service(db::Database& database, org::Service& org, std::function<std::int64_t()> clock);

    /// Creates the search tables when missing (at start-up, after migrations).
    void EnsureSchema();
    /// Called after a change that public pages show has committed (the page cache polls then).
    void OnPublicChange(std::function<void()> listener) { on_public_change_ = std::move(listener); }

    // Sites and sections
    /// An administrator of the unit's subtree (or the command line) creates a site with its
    /// "Thông tin tuyên vận" section; `slug` is the path prefix.
    std::int64_t CreateSite(const org::Actor& actor, std::int64_t unit_id, const std::string& slug,
                            const std::string& name);
    /// An editor of the site (or an administrator) adds a section; its slug comes from the name.
    std::int64_t CreateSection(const org::Actor& actor, std::int64_t site_id, std::optional<std::int64_t> parent_id,
                               const std::string& name);
    /// An editor of the site (or an administrator) changes its name, tagline, own host name and logo (a
    /// picture uploaded to the site); `version` is the one the form was built from (stale: kConflict).
    void UpdateSite(const org::Actor& actor, std::int64_t site_id, std::int64_t version, const SiteSettings& settings);
    /// Who holds which role on the site: the roles stored for the site and its sections, then the editors and
    /// contributors granted on its unit. For the site's editors and board.
    std::vector<SiteRoleGrant> SiteRoles(const org::Principal& principal, std::int64_t site_id);
    /// The site's board (or an administrator, or the command line) gives the account with `login` a role on the
    /// whole site or on one of its sections (and its subsections); the same role twice is kConflict.
    std::int64_t GrantSiteRole(const org::Actor& actor, std::int64_t site_id, const std::string& login, SiteRole role,
                               std::optional<std::int64_t> section_id);
    /// The site's board (or an administrator) takes a stored role back.
    void RevokeSiteRole(const org::Actor& actor, std::int64_t site_id, std::int64_t grant_id);
    /// A site, public.
    Site GetSite(std::int64_t site_id);
    /// A site's sections in display order, public.
    std::vector<Section> Sections(std::int64_t site_id);

    // The editorial workflow
    /// A contributor or editor of the site starts a draft in one of the site's sections.
    std::int64_t CreateDraft(const org::Actor& actor, std::int64_t site_id, std::int64_t section_id,
                             const ItemFields& fields);
    /// The author while draft or returned, an editor in any state but withdrawn; `version` is the one the form
    /// was built from (stale: kConflict, nothing written). An editor's edit of a published item does not
    /// change what readers see: it becomes the item's pending revision (replacing the one waiting), which
    /// PublishRevision puts online. Contributors cannot revise published items.
    void UpdateDraft(const org::Actor& actor, std::int64_t item_id, std::int64_t version, const ItemFields& fields);
    /// The author sends a draft or returned item for approval.
    void Submit(const org::Actor& actor, std::int64_t item_id);
    /// An editor sends a submitted or approved item back to its author, saying why.
    void Return(const org::Actor& actor, std::int64_t item_id, const std::string& comment);
    /// An editor approves a submitted item.
    void Approve(const org::Actor& actor, std::int64_t item_id);
    /// An editor publishes an approved item now (`at` absent or not in the future) or schedules it.
    void Publish(const org::Actor& actor, std::int64_t item_id, std::optional<std::int64_t> at);
    /// Publishes every scheduled item whose time is at or before `now`; returns how many (the timer calls it).
    std::int64_t PublishDue(std::int64_t now);
    /// An editor takes down a published or scheduled item (a pending revision is dropped with it).
    void Withdraw(const org::Actor& actor, std::int64_t item_id, const std::string& comment);

    // Revisions of published items
    /// An editor puts the pending revision of a published item online ("Đăng bản sửa"): the item's fields
    /// become the revision's, the body is rendered again, search, tags, placements and public pages follow.
    /// `version`, when given, is the item version the editor saw (stale: kConflict, nothing written).
    void PublishRevision(const org::Actor& actor, std::int64_t item_id, std::optional<std::int64_t> version);
    /// An editor drops the pending revision ("Bỏ bản sửa"); the text online stays.
    void DiscardRevision(const org::Actor& actor, std::int64_t item_id, std::optional<std::int64_t> version);
    /// The item's revisions, oldest first, without bodies; visible to whoever may see the item.
    std::vector<Revision> Revisions(const org::Principal& principal, std::int64_t item_id);
    /// The pending revision with its text, if any; visible to whoever may see the item.
    std::optional<Revision> PendingRevision(const org::Principal& principal, std::int64_t item_id);
    /// What revision `number` changed: against the previous applied revision, a pending one against the text
    /// online; kNotFound when the item has no such revision.
    RevisionDiff CompareRevision(const org::Principal& principal, std::int64_t item_id, std::int64_t number);

    // Media
    /// A contributor or editor of the site uploads a picture: its real type is checked from its bytes, it is
    /// re-encoded in the sizes pages use (JPEG and WebP, metadata such as GPS removed), and it must have
    /// alternative text. Refused files raise kInvalid with a clear Vietnamese message; nothing is stored.
    StoredMedia UploadImage(const org::Actor& actor, std::int64_t site_id, const Upload& upload);
    /// The same for a PDF, DOCX or XLSX document, whose name must agree with its real type.
    StoredMedia UploadDocument(const org::Actor& actor, std::int64_t site_id, const Upload& upload);
    /// Whoever may edit the item uploads a document to its site and attaches it to the item (to the pending
    /// revision, for a published item), after the documents already attached.
    StoredMedia AttachDocument(const org::Actor& actor, std::int64_t item_id, const Upload& upload);
    /// The site's uploaded pictures ("image") or documents ("document"), newest first, up to `limit`: the
    /// choices of the item form. For editors and contributors of the site.
    std::vector<StoredMedia> SiteMedia(const org::Principal& principal, std::int64_t site_id, const std::string& kind,
                                       std::int64_t limit);
    /// The site's uploaded media among `ids`, in that order; unknown ids and other sites' media are left out.
    std::vector<StoredMedia> FindMedia(const org::Principal& principal, std::int64_t site_id,
                                       const std::vector<std::int64_t>& ids);
    /// The choices of related items: the site's newest published items (up to `limit`) followed by those of
    /// `also` that are published items of the site and not among them. For editors and contributors of the site.
    std::vector<Teaser> RelatedChoices(const org::Principal& principal, std::int64_t site_id,
                                       const std::vector<std::int64_t>& also, std::int64_t limit);

    // Reading
    /// An item with its body: editors of the site see all, contributors only their own.
    Item GetItem(const org::Principal& principal, std::int64_t item_id);
    /// One page of the site's items (without bodies), filtered by status; contributors get only theirs.
    org::Page<Item> ListItems(const org::Principal& principal, std::int64_t site_id, ItemQuery query);
    /// The item's editorial steps, oldest first; visible to whoever may see the item.
    std::vector<ItemEvent> History(const org::Principal& principal, std::int64_t item_id);

    // The newsroom's reads
    /// The sites the person may work on, oldest first: every site in an administrator's subtrees, the
    /// site of the very unit an editor or contributor is granted on.
    std::vector<SiteDesk> Desks(const org::Principal& principal);
    /// A site with what the person may do on it; kForbidden when nothing, kNotFound when there is no site.
    SiteDesk Desk(const org::Principal& principal, std::int64_t site_id);
    /// How many of the site's items stand in each status, in workflow order; contributors count only theirs.
    std::vector<std::pair<ItemStatus, std::int64_t>> CountItems(const org::Principal& principal,
                                                                std::int64_t site_id);
    /// The column's statistics for a month, over the sites the person edits or sits on the board of (site-wide),
    /// and every site of the subtrees where the person is an administrator, province office or district officer
    /// (who compile the monthly report). kForbidden when there is none; kInvalid for a month outside 2000–2100.
    ColumnStatistics ColumnStats(const org::Principal& principal, int year, int month);
    /// Every site's "Thông tin tuyên vận" column, in site order; public.
    std::vector<OutreachColumn> OutreachColumns();

private:
    /// What the principal may do on the site: grants on its unit, then the roles stored for it and its sections.
    SiteDesk Reach(db::Connection& c, const org::Principal& principal, Site site) const;
    /// The same with the account's stored roles already read (Store::AccountSiteRoles), for many sites at once.
    SiteDesk Reach(const org::Principal& principal, Site site, const std::vector<Store::StoredSiteRole>& held,
                   db::Connection& c) const;
    /// Refuses unless the principal holds at least `role` on the whole site.
    SiteDesk RequireOnSite(db::Connection& c, const org::Principal& principal, std::int64_t site_id, SiteRole role,
                           const char* message) const;
    static const org::Principal& RequirePrincipal(const org::Actor& actor);
    Site LoadSite(db::Connection& c, std::int64_t site_id) const;
    Item LoadItem(db::Connection& c, std::int64_t item_id) const;
    /// The item and its site, when the principal may see it; otherwise throws.
    Item VisibleItem(db::Connection& c, const org::Principal& principal, std::int64_t item_id) const;
    /// Refuses unless the principal holds at least `role` on the item's section.
    void RequireRole(db::Connection& c, const org::Principal& principal, const Item& item, SiteRole role) const;
    void CheckPlacement(db::Connection& c, std::int64_t site_id, std::int64_t section_id,
                        const std::vector<std::int64_t>& extra_section_ids) const;
    /// Stores the move from `before` to `after`, its event and audit entry, and updates the search index.
    void Record(db::Connection& c, const org::Actor& actor, const Item& before, const Item& after,
                const std::string& action, const std::string& comment, std::int64_t now);
    /// Refuses a featured picture that is not an image of the site.
    void CheckPicture(db::Connection& c, std::int64_t site_id, std::optional<std::int64_t> media_id) const;
    /// Refuses gallery pictures, attachments or related items that are not the site's own (or not the right
    /// kind, or a related item that is not published or is the item itself).
    void CheckMedia(db::Connection& c, std::int64_t site_id, std::int64_t item_id, const ItemFields& fields) const;
    /// Checks who may edit the item in its status; throws kForbidden or kConflict.
    void RequireEditable(const org::Principal& principal, const SiteDesk& desk, const Item& item) const;
    /// Writes validated fields over `before` at `version`: the item itself, or its pending revision when published.
    void SaveFields(db::Connection& c, const org::Actor& actor, const Item& before, std::int64_t version,
                    const ItemFields& fields, std::int64_t now);
    /// The event, audit entry, placements and search entry of a change from `before` to `after` already written.
    void AfterChange(db::Connection& c, const org::Actor& actor, const Item& before, const Item& after,
                     const std::string& action, const std::string& comment, std::int64_t now);
    /// Bumps the page-cache generations of the sites listed and of the item.
    static void Changed(db::Connection& c, const std::vector<std::int64_t>& site_ids, std::int64_t item_id,
                        std::int64_t now);
    void NotifyPublic() const;
    void Audit(db::Connection& c, const org::Actor& actor, const std::string& action, const std::string& entity,
               std::int64_t id, std::string before, std::string after, std::int64_t now);

    db::Database& database_;
    org::Service& org_;
    Store store_;
    std::function<std::int64_t()> clock_;
    std::function<void()> on_public_change_;
};

/// JSON text of an item for the audit log (without its body, which may be megabytes).
std::string ToJson(const Item& item);

/// The editable fields of an item (or of a revision's content): where a change that sends only some starts.
ItemFields EditableFields(const Item& item);

}  // namespace tuyenvan::portal
