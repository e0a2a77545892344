// Plain types of the portal room: sites, sections, news items and their editorial events.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::portal {

/// A portal site: the home page of one unit, reached by its path prefix or its own host.
struct Site {
    std::int64_t id = 0;
    std::string slug;                 ///< path prefix, e.g. "huyen-bat-xat"
    std::optional<std::string> host;  ///< own host name, when the unit has one
    std::string name;
    std::int64_t unit_id = 0;
    std::string unit_path;  ///< the unit's place in the tree, for permission checks
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
    std::string tagline;  ///< a line under the name in the site's header
    std::optional<std::int64_t> logo_media_id;  ///< a picture of the site's own, shown in its header
};

/// Slug of the section every site gets: the "Thông tin tuyên vận" column.
inline constexpr std::string_view kOutreachSectionSlug = "thong-tin-tuyen-van";
/// Name of that section.
inline constexpr std::string_view kOutreachSectionName = "Thông tin tuyên vận";

/// A section (column) of a site; sections may nest.
struct Section {
    std::int64_t id = 0;
    std::int64_t site_id = 0;
    std::optional<std::int64_t> parent_id;
    std::string slug;
    std::string name;
    std::int64_t position = 0;
    bool is_outreach = false;  ///< the "Thông tin tuyên vận" column
    std::int64_t created_at = 0;
};

/// Where an item stands in the editorial workflow.
enum class ItemStatus { kDraft, kSubmitted, kReturned, kApproved, kScheduled, kPublished, kWithdrawn };

/// Every status, in workflow order.
inline constexpr std::array<ItemStatus, 7> kAllStatuses = {
    ItemStatus::kDraft,     ItemStatus::kSubmitted, ItemStatus::kReturned, ItemStatus::kApproved,
    ItemStatus::kScheduled, ItemStatus::kPublished, ItemStatus::kWithdrawn};

/// Machine name, as stored ("submitted").
constexpr std::string_view StatusName(ItemStatus status) {
    switch (status) {
        case ItemStatus::kDraft: return "draft";
        case ItemStatus::kSubmitted: return "submitted";
        case ItemStatus::kReturned: return "returned";
        case ItemStatus::kApproved: return "approved";
        case ItemStatus::kScheduled: return "scheduled";
        case ItemStatus::kPublished: return "published";
        case ItemStatus::kWithdrawn: return "withdrawn";
    }
    return "draft";
}

/// Vietnamese label ("Chờ duyệt").
constexpr std::string_view StatusLabel(ItemStatus status) {
    switch (status) {
        case ItemStatus::kDraft: return "Bản nháp";
        case ItemStatus::kSubmitted: return "Chờ duyệt";
        case ItemStatus::kReturned: return "Trả lại";
        case ItemStatus::kApproved: return "Đã duyệt";
        case ItemStatus::kScheduled: return "Hẹn giờ đăng";
        case ItemStatus::kPublished: return "Đã đăng";
        case ItemStatus::kWithdrawn: return "Đã gỡ";
    }
    return "";
}

/// Parses a machine name.
constexpr std::optional<ItemStatus> ParseStatus(std::string_view name) {
    for (ItemStatus status : kAllStatuses) {
        if (StatusName(status) == name) {
            return status;
        }
    }
    return std::nullopt;
}

/// Kind of item: news ("tin"), article ("bai"), photo story ("anh"), document ("van-ban").
enum class Genre { kNews, kArticle, kPhoto, kDocument };

/// Every genre.
inline constexpr std::array<Genre, 4> kAllGenres = {Genre::kNews, Genre::kArticle, Genre::kPhoto, Genre::kDocument};

/// Machine name, as stored ("van-ban").
constexpr std::string_view GenreName(Genre genre) {
    switch (genre) {
        case Genre::kNews: return "tin";
        case Genre::kArticle: return "bai";
        case Genre::kPhoto: return "anh";
        case Genre::kDocument: return "van-ban";
    }
    return "tin";
}

/// Vietnamese label ("Tin ảnh").
constexpr std::string_view GenreLabel(Genre genre) {
    switch (genre) {
        case Genre::kNews: return "Tin";
        case Genre::kArticle: return "Bài";
        case Genre::kPhoto: return "Ảnh";
        case Genre::kDocument: return "Văn bản";
    }
    return "";
}

/// Parses a machine name.
constexpr std::optional<Genre> ParseGenre(std::string_view name) {
    for (Genre genre : kAllGenres) {
        if (GenreName(genre) == name) {
            return genre;
        }
    }
    return std::nullopt;
}

/// A news item (tin, bài, ảnh, văn bản) of a site.
struct Item {
    std::int64_t id = 0;
    std::int64_t site_id = 0;
    std::int64_t section_id = 0;
    Genre genre = Genre::kNews;
    std::string title;
    std::string slug;
    std::string sapo;       ///< the lead paragraph
    std::string body_md;    ///< empty in lists
    std::string body_html;  ///< rendered at publication; empty in lists
    std::int64_t author_account_id = 0;
    std::string author_login;
    std::string pen_name;
    std::optional<std::int64_t> source_unit_id;
    ItemStatus status = ItemStatus::kDraft;
    std::optional<std::int64_t> publish_at;    ///< when a scheduled item goes out
    std::optional<std::int64_t> published_at;  ///< when it went out
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
    std::vector<std::int64_t> extra_section_ids;  ///< item_sections; empty in lists
    std::optional<std::int64_t> featured_media_id;  ///< the picture at the top of the item
    std::string featured_caption;
    std::vector<std::string> tags;  ///< tag names; empty in lists
    /// Pictures of the item's gallery in order (item_media, role 'gallery'); empty in lists.
    std::vector<std::int64_t> gallery_media_ids;
    /// This item's caption of each gallery picture, in the same order; empty: the picture's own caption.
    std::vector<std::string> gallery_captions;
    /// Documents attached to the item in order (item_media, role 'attachment'); empty in lists.
    std::vector<std::int64_t> attachment_media_ids;
    /// Published items of the same site that the item points readers to (item_related); empty in lists.
    std::vector<std::int64_t> related_item_ids;
};

/// A tag shared by every site ("Dân vận khéo").
struct Tag {
    std::int64_t id = 0;
    std::string slug;
    std::string name;
};

/// A published item as lists show it.
struct Teaser {
    std::int64_t id = 0;
    std::int64_t site_id = 0;  ///< the item's own site (its canonical address)
    std::string title;
    std::string slug;
    std::string sapo;
    Genre genre = Genre::kNews;
    std::int64_t published_at = 0;
    std::optional<std::int64_t> featured_media_id;
    std::string section_name;
    std::string section_slug;
};

/// An uploaded picture or document of a site (media), without its bytes.
struct Media {
    std::int64_t id = 0;
    std::int64_t site_id = 0;
    std::string kind;  ///< "image" or "document"
    std::string name;  ///< the file name as uploaded
    std::string content_type;
    std::int64_t bytes = 0;
    int width = 0;  ///< images only
    int height = 0;
    std::string alt;
    std::string caption;
    std::int64_t created_at = 0;
};

/// One step of an item's editorial history.
struct ItemEvent {
    std::int64_t id = 0;
    std::int64_t item_id = 0;
    std::int64_t at = 0;
    std::optional<std::int64_t> actor_account_id;  ///< absent for the scheduler
    std::string actor_login;                       ///< "system" for the scheduler
    std::string action;
    std::optional<ItemStatus> from_status;  ///< absent for creation
    ItemStatus to_status = ItemStatus::kDraft;
    std::string comment;
};

/// Where a saved text of an item stands: a correction waiting for an editor, a text that went online, or a
/// correction an editor dropped.
enum class RevisionState { kPending, kApplied, kDiscarded };

/// Machine name, as stored ("pending").
constexpr std::string_view RevisionStateName(RevisionState state) {
    switch (state) {
        case RevisionState::kPending: return "pending";
        case RevisionState::kApplied: return "applied";
        case RevisionState::kDiscarded: return "discarded";
    }
    return "pending";
}

/// Vietnamese label ("Chờ đăng").
constexpr std::string_view RevisionStateLabel(RevisionState state) {
    switch (state) {
        case RevisionState::kPending: return "Chờ đăng";
        case RevisionState::kApplied: return "Đã đăng";
        case RevisionState::kDiscarded: return "Đã bỏ";
    }
    return "";
}

/// Every state of a revision.
inline constexpr std::array<RevisionState, 3> kAllRevisionStates = {RevisionState::kPending, RevisionState::kApplied,
                                                                    RevisionState::kDiscarded};

/// Parses a machine name.
constexpr std::optional<RevisionState> ParseRevisionState(std::string_view name) {
    for (RevisionState state : kAllRevisionStates) {
        if (RevisionStateName(state) == name) {
            return state;
        }
    }
    return std::nullopt;
}

/// A saved text of an item (item_revisions): the text each publication put online, numbered 1, 2, … per
/// item, and the correction of a published item that waits for an editor (at most one per item).
struct Revision {
    std::int64_t id = 0;
    std::int64_t item_id = 0;
    std::int64_t number = 0;
    RevisionState state = RevisionState::kPending;
    /// The editable fields as saved: genre, title, slug, sapo, body (empty in lists), pen name, source unit,
    /// extra sections, tags, featured picture, gallery, attachments and related items.
    Item content;
    std::optional<std::int64_t> account_id;  ///< who wrote the text; absent for texts from before revisions
    std::string account_login;               ///< empty when absent
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;  ///< last replaced (pending) or when it was applied or dropped
    std::optional<std::int64_t> decided_by;  ///< who published or dropped it; absent for the scheduler
    std::string decided_login;
    std::optional<std::int64_t> decided_at;
};

/// Filters of the item list.
struct ItemQuery {
    std::optional<ItemStatus> status;
    std::int64_t page = 1;
    std::int64_t per_page = 50;
};

}  // namespace tuyenvan::portal
