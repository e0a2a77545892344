#include "portal/service.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "platform/audit/audit_log.hpp"
#include "platform/markdown/markdown.hpp"
#include "platform/media/image.hpp"
#include "platform/media/sniff.hpp"
#include "platform/security/crypto.hpp"
#include "platform/search/search.hpp"
#include "platform/text/slug.hpp"
#include "platform/text/utf8.hpp"
#include "portal/page_cache.hpp"

namespace tuyenvan::portal {
namespace {

using Kind = org::ServiceError::Kind;
using org::ServiceError;
using Errors = org::FieldErrors;
using org::CheckText;
using org::Trim;
namespace json = boost::json;

constexpr std::string_view kFallbackSlug = "bai-viet";

json::value Opt(const std::optional<std::int64_t>& value) { return value ? json::value(*value) : json::value(nullptr); }

// Trims and checks what a person typed; returns the fields as they will be stored.
ItemFields Validate(const ItemFields& input) {
    ItemFields fields = input;
    fields.title = Trim(fields.title);
    fields.sapo = Trim(fields.sapo);
    fields.pen_name = Trim(fields.pen_name);
    // Browsers post a textarea's line breaks as CRLF; Markdown is stored with LF.
    std::string body;
    body.reserve(fields.body_md.size());
    for (std::size_t i = 0; i < fields.body_md.size(); ++i) {
        if (fields.body_md[i] != '\r' || i + 1 >= fields.body_md.size() || fields.body_md[i + 1] != '\n') {
            body += fields.body_md[i];
        }
    }
    fields.body_md = std::move(body);
    Errors errors;
    if (!ParseGenre(fields.genre)) {
        errors.emplace_back("genre", "Thể loại không hợp lệ (tin, bài, ảnh hoặc văn bản).");
    }
    CheckText(errors, "title", fields.title, "Tiêu đề", true, 300);
    CheckText(errors, "sapo", fields.sapo, "Sapo", false, 1000);
    CheckText(errors, "pen_name", fields.pen_name, "Bút danh", false, 100);
    if (fields.body_md.size() > markdown::kMaxInputBytes) {
        errors.emplace_back("body_md", "Nội dung quá dài (tối đa 2 MiB).");
    } else if (!text::IsValidUtf8(fields.body_md)) {
        errors.emplace_back("body_md", "Nội dung chứa ký tự không hợp lệ.");
    }
    org::ThrowIfInvalid(errors);
    std::vector<std::string> tags;
    for (const auto& raw : fields.tags) {
        std::string tag = Trim(raw);
        if (tag.empty()) {
            continue;
        }
        std::size_t before = errors.size();
        CheckText(errors, "tags", tag, "Từ khóa", false, 60);
        if (errors.size() != before) {
            break;
        }
        if (std::find(tags.begin(), tags.end(), tag) == tags.end()) {
            tags.push_back(std::move(tag));
        }
    }
    if (tags.size() > 10) {
        errors.emplace_back("tags", "Mỗi bài viết có tối đa 10 từ khóa.");
    }
    fields.tags = std::move(tags);
    fields.featured_caption = Trim(fields.featured_caption);
    CheckText(errors, "featured_caption", fields.featured_caption, "Chú thích ảnh", false, 500);
    // The gallery keeps the first place of a picture chosen twice, with its caption.
    std::vector<std::int64_t> gallery;
    std::vector<std::string> captions;
    for (std::size_t i = 0; i < fields.gallery_media_ids.size(); ++i) {
        std::string caption = i < fields.gallery_captions.size() ? Trim(fields.gallery_captions[i]) : "";
        if (std::find(gallery.begin(), gallery.end(), fields.gallery_media_ids[i]) != gallery.end()) {
            continue;
        }
        std::size_t before = errors.size();
        CheckText(errors, "gallery_captions", caption, "Chú thích ảnh trong bộ ảnh", false, 500);
        if (errors.size() != before) {
            break;
        }
        gallery.push_back(fields.gallery_media_ids[i]);
        captions.push_back(std::move(caption));
    }
    if (fields.gallery_captions.size() > fields.gallery_media_ids.size()) {
        errors.emplace_back("gallery_captions", "Số chú thích nhiều hơn số ảnh trong bộ ảnh.");
    }
    if (gallery.size() > kMaxGalleryPictures) {
        errors.emplace_back("gallery_media_ids", "Bộ ảnh của một bài viết có tối đa 50 ảnh.");
    }
    // Captions all empty are no captions: the pictures show their own.
    if (std::all_of(captions.begin(), captions.end(), [](const std::string& c) { return c.empty(); })) {
        captions.clear();
    }
    fields.gallery_media_ids = std::move(gallery);
    fields.gallery_captions = std::move(captions);
    auto unique_in_order = [](std::vector<std::int64_t>& ids) {
        std::vector<std::int64_t> kept;
        for (auto id : ids) {
            if (std::find(kept.begin(), kept.end(), id) == kept.end()) {
                kept.push_back(id);
            }
        }
        ids = std::move(kept);
    };
    unique_in_order(fields.attachment_media_ids);
    unique_in_order(fields.related_item_ids);
    if (fields.attachment_media_ids.size() > kMaxAttachments) {
        errors.emplace_back("attachment_media_ids", "Mỗi bài viết đính kèm tối đa 20 tệp.");
    }
    if (fields.related_item_ids.size() > kMaxRelatedItems) {
        errors.emplace_back("related_item_ids", "Mỗi bài viết có tối đa 10 bài liên quan.");
    }
    org::ThrowIfInvalid(errors);
    std::sort(fields.extra_section_ids.begin(), fields.extra_section_ids.end());
    fields.extra_section_ids.erase(std::unique(fields.extra_section_ids.begin(), fields.extra_section_ids.end()),
                                   fields.extra_section_ids.end());
    return fields;
}

void Apply(Item& item, const ItemFields& fields) {
    item.genre = *ParseGenre(fields.genre);
    item.title = fields.title;
    item.slug = text::Slug(fields.title);
    if (item.slug.empty()) {
        item.slug = kFallbackSlug;
    }
    item.sapo = fields.sapo;
    item.body_md = fields.body_md;
    item.pen_name = fields.pen_name;
    item.source_unit_id = fields.source_unit_id;
    item.extra_section_ids = fields.extra_section_ids;
    item.tags = fields.tags;
    item.featured_media_id = fields.featured_media_id;
    item.featured_caption = fields.featured_caption;
    item.gallery_media_ids = fields.gallery_media_ids;
    item.gallery_captions = fields.gallery_captions;
    item.attachment_media_ids = fields.attachment_media_ids;
    item.related_item_ids = fields.related_item_ids;
}

// Gives `item` the editable fields of a revision's content (everything but its identity, status and dates).
void ApplyRevision(Item& item, const Item& content) {
    item.genre = content.genre;
    item.title = content.title;
    item.slug = content.slug.empty() ? text::Slug(content.title) : content.slug;
    if (item.slug.empty()) {
        item.slug = kFallbackSlug;
    }
    item.sapo = content.sapo;
    item.body_md = content.body_md;
    item.pen_name = content.pen_name;
    item.source_unit_id = content.source_unit_id;
    item.extra_section_ids = content.extra_section_ids;
    item.tags = content.tags;
    item.featured_media_id = content.featured_media_id;
    item.featured_caption = content.featured_caption;
    item.gallery_media_ids = content.gallery_media_ids;
    item.gallery_captions = content.gallery_captions;
    item.attachment_media_ids = content.attachment_media_ids;
    item.related_item_ids = content.related_item_ids;
}

}  // namespace

ItemFields EditableFields(const Item& content) {
    ItemFields fields;
    fields.genre = std::string(GenreName(content.genre));
    fields.title = content.title;
    fields.sapo = content.sapo;
    fields.body_md = content.body_md;
    fields.pen_name = content.pen_name;
    fields.source_unit_id = content.source_unit_id;
    fields.extra_section_ids = content.extra_section_ids;
    fields.tags = content.tags;
    fields.featured_media_id = content.featured_media_id;
    fields.featured_caption = content.featured_caption;
    fields.gallery_media_ids = content.gallery_media_ids;
    fields.gallery_captions = content.gallery_captions;
    fields.attachment_media_ids = content.attachment_media_ids;
    fields.related_item_ids = content.related_item_ids;
    return fields;
}

namespace {

StoredMedia Stored(const Media& media) {
    StoredMedia stored;
    stored.id = media.id;
    stored.kind = media.kind;
    stored.name = media.name;
    stored.alt = media.alt;
    stored.caption = media.caption;
    stored.width = media.width;
    stored.height = media.height;
    stored.bytes = media.bytes;
    stored.url = media.kind == "image" ? "/media/" + std::to_string(media.id) + "/" +
                                             std::to_string(std::clamp(media.width, 1, 1280)) + ".jpg"
                                       : "/media/" + std::to_string(media.id) + "/tai-ve";
    return stored;
}

bool In(ItemStatus status, std::initializer_list<ItemStatus> allowed) {
    return std::find(allowed.begin(), allowed.end(), status) != allowed.end();
}

void RequireStatus(const Item& item, std::initializer_list<ItemStatus> allowed, const std::string& what) {
    if (!In(item.status, allowed)) {
        throw ServiceError(Kind::kConflict, "Không thể " + what + " bài viết đang ở trạng thái \"" +
                                                std::string(StatusLabel(item.status)) + "\".");
    }
}

// Turns a constraint failure on a source unit or section into a field message.
[[noreturn]] void Rethrow(const db::Error& error) {
    if (error.Kind() == db::ErrorKind::kForeignKeyViolation) {
        throw ServiceError(Kind::kInvalid, "Đơn vị nguồn tin không tồn tại.",
                           {{"source_unit_id", "Đơn vị nguồn tin không tồn tại."}});
    }
    throw error;
}

const char* kStale = "Bài viết vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa lại.";

}  // namespace

std::string ToJson(const Item& item) {
    auto ids = [](const std::vector<std::int64_t>& values) {
        json::array out;
        for (auto id : values) {
            out.push_back(id);
        }
        return out;
    };
    json::array captions;
    for (const auto& caption : item.gallery_captions) {
        captions.emplace_back(caption);
    }
    return json::serialize(json::object{{"id", item.id},
                                        {"site_id", item.site_id},
                                        {"section_id", item.section_id},
                                        {"genre", GenreName(item.genre)},
                                        {"title", item.title},
                                        {"slug", item.slug},
                                        {"sapo", item.sapo},
                                        {"body_bytes", item.body_md.size()},
                                        {"author_account_id", item.author_account_id},
                                        {"pen_name", item.pen_name},
                                        {"source_unit_id", Opt(item.source_unit_id)},
                                        {"status", StatusName(item.status)},
                                        {"publish_at", Opt(item.publish_at)},
                                        {"published_at", Opt(item.published_at)},
                                        {"version", item.version},
                                        {"extra_section_ids", ids(item.extra_section_ids)},
                                        {"featured_media_id", Opt(item.featured_media_id)},
                                        {"featured_caption", item.featured_caption},
                                        {"gallery_media_ids", ids(item.gallery_media_ids)},
                                        {"gallery_captions", std::move(captions)},
                                        {"attachment_media_ids", ids(item.attachment_media_ids)},
                                        {"related_item_ids", ids(item.related_item_ids)}});
}

Service::Service(db::Database& database, org::Service& org, std::function<std::int64_t()> clock)
    : database_(database), org_(org), clock_(std::move(clock)) {}

void Service::EnsureSchema() {
    database_.Write([](db::Connection& c) { search::EnsureSchema(c); });
}

// Permissions

std::string_view SiteRoleName(SiteRole role) {
    switch (role) {
        case SiteRole::kContributor: return "contributor";
        case SiteRole::kEditor: return "editor";
        case SiteRole::kBoard: return "board";
        case SiteRole::kNone: return "";
    }
    return "";
}

std::string_view SiteRoleLabel(SiteRole role) {
    switch (role) {
        case SiteRole::kContributor: return "Cộng tác viên";
        case SiteRole::kEditor: return "Biên tập viên";
        case SiteRole::kBoard: return "Ban biên tập";
        case SiteRole::kNone: return "";
    }
    return "";
}

std::optional<SiteRole> ParseSiteRole(std::string_view name) {
    for (SiteRole role : {SiteRole::kContributor, SiteRole::kEditor, SiteRole::kBoard}) {
        if (SiteRoleName(role) == name) {
            return role;
        }
    }
    return std::nullopt;
}

SiteRole SiteDesk::On(std::int64_t section_id) const {
    auto found = section_roles.find(section_id);
    return found == section_roles.end() ? role : std::max(role, found->second);
}

SiteRole SiteDesk::Most() const {
    SiteRole most = role;
    for (const auto& [section, held] : section_roles) {
        most = std::max(most, held);
    }
    return most;
}

SiteDesk Service::Reach(db::Connection& c, const org::Principal& principal, Site site) const {
    auto held = store_.SiteRoles(c, site.id, principal.account_id);
    return Reach(principal, std::move(site), held, c);
}

SiteDesk Service::Reach(const org::Principal& principal, Site site, const std::vector<Store::StoredSiteRole>& roles,
                        db::Connection& c) const {
    SiteDesk desk;
    for (const auto& grant : principal.grants) {
        if (grant.role == org::Role::kAdministrator && site.unit_path.starts_with(grant.unit_path)) {
            desk.role = SiteRole::kBoard;
        }
        // Editorial grants hold on exactly their unit's site: a district editor has no say on the province's.
        if (grant.unit_id == site.unit_id) {
            if (grant.role == org::Role::kEditor) {
                desk.role = std::max(desk.role, SiteRole::kEditor);
            } else if (grant.role == org::Role::kContributor) {
                desk.role = std::max(desk.role, SiteRole::kContributor);
            }
        }
    }
    if (desk.role != SiteRole::kBoard) {
        std::vector<Section> sections;
        for (const auto& held : roles) {
            if (held.site_id != site.id) {
                continue;
            }
            SiteRole role = ParseSiteRole(held.role).value_or(SiteRole::kNone);
            if (!held.section_id) {
                desk.role = std::max(desk.role, role);
                continue;
            }
            if (sections.empty()) {
                sections = store_.Sections(c, site.id);
            }
            // The section and every section below it.
            std::vector<std::int64_t> reached{*held.section_id};
            for (std::size_t i = 0; i < reached.size(); ++i) {
                for (const auto& section : sections) {
                    if (section.parent_id == reached[i]) {
                        reached.push_back(section.id);
                    }
                }
            }
            for (std::int64_t id : reached) {
                SiteRole& entry = desk.section_roles[id];
                entry = std::max(entry, role);
            }
        }
        // Only what is more than the site-wide role.
        std::erase_if(desk.section_roles, [&](const auto& entry) { return entry.second <= desk.role; });
    } else {
        desk.section_roles.clear();
    }
    desk.site = std::move(site);
    return desk;
}

SiteDesk Service::RequireOnSite(db::Connection& c, const org::Principal& principal, std::int64_t site_id,
                                SiteRole role, const char* message) const {
    SiteDesk desk = Reach(c, principal, LoadSite(c, site_id));
    if (desk.role < role) {
        throw ServiceError(Kind::kForbidden, message);
    }
    return desk;
}

const org::Principal& Service::RequirePrincipal(const org::Actor& actor) {
    if (actor.principal == nullptr) {
        throw ServiceError(Kind::kUnauthenticated, "Bạn cần đăng nhập để thực hiện thao tác này.");
    }
    return *actor.principal;
}

Site Service::LoadSite(db::Connection& c, std::int64_t site_id) const {
    auto site = store_.FindSite(c, site_id);
    if (!site) {
        throw ServiceError(Kind::kNotFound, "Không tìm thấy trang thông tin.");
    }
    site->unit_path = org_.FindUnitPath(c, site->unit_id).value_or("");
    return *site;
}

Item Service::LoadItem(db::Connection& c, std::int64_t item_id) const {
    auto item = store_.FindItem(c, item_id);
    if (!item) {
        throw ServiceError(Kind::kNotFound, "Không tìm thấy bài viết.");
    }
    return *item;
}

Item Service::VisibleItem(db::Connection& c, const org::Principal& principal, std::int64_t item_id) const {
    Item item = LoadItem(c, item_id);
    SiteDesk desk = Reach(c, principal, LoadSite(c, item.site_id));
    if (desk.On(item.section_id) >= SiteRole::kEditor ||
        (desk.Most() != SiteRole::kNone && item.author_account_id == principal.account_id)) {
        return item;
    }
    throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem bài viết này.");
}

void Service::RequireRole(db::Connection& c, const org::Principal& principal, const Item& item, SiteRole role) const {
    if (Reach(c, principal, LoadSite(c, item.site_id)).On(item.section_id) >= role) {
        return;
    }
    if (role == SiteRole::kBoard) {
        throw ServiceError(Kind::kForbidden, "Chỉ ban biên tập của trang (hoặc của chuyên mục) mới được đăng, hẹn giờ, "
                                             "gỡ hay đính chính bài viết.");
    }
    throw ServiceError(Kind::kForbidden, "Chỉ biên tập viên của trang (hoặc của chuyên mục) mới được thực hiện thao "
                                         "tác này.");
}

void Service::CheckPlacement(db::Connection& c, std::int64_t site_id, std::int64_t section_id,
                             const std::vector<std::int64_t>& extra_section_ids) const {
    auto section = store_.FindSection(c, section_id);
    if (!section || section->site_id != site_id) {
        throw ServiceError(Kind::kInvalid, "Chuyên mục không thuộc trang này.",
                           {{"section_id", "Hãy chọn một chuyên mục của trang này."}});
    }
    for (auto id : extra_section_ids) {
        auto extra = store_.FindSection(c, id);
        // Another site takes an item only into its "Thông tin tuyên vận" column.
        if (id == section_id || !extra || (extra->site_id != site_id && !extra->is_outreach)) {
            throw ServiceError(Kind::kInvalid, "Chuyên mục đăng thêm không hợp lệ.",
                               {{"extra_section_ids", "Chỉ đăng thêm vào chuyên mục khác của trang này hoặc "
                                                      "chuyên mục Thông tin tuyên vận của trang khác."}});
        }
    }
}

void Service::CheckPicture(db::Connection& c, std::int64_t site_id, std::optional<std::int64_t> media_id) const {
    if (!media_id) {
        return;
    }
    auto rows = c.Query("SELECT site_id FROM media WHERE id = $1 AND kind = 'image'", {*media_id});
    if (rows.Empty() || rows.Int(0, 0) != site_id) {
        throw ServiceError(Kind::kInvalid, "Ảnh đại diện không thuộc kho ảnh của trang này.",
                           {{"featured_media_id", "Hãy chọn một ảnh đã tải lên trang này."}});
    }
}

void Service::CheckMedia(db::Connection& c, std::int64_t site_id, std::int64_t item_id,
                         const ItemFields& fields) const {
    Errors errors;
    auto check = [&](const std::vector<std::int64_t>& ids, const char* kind, const char* field, const char* message) {
        auto found = store_.FindMedia(c, ids);
        for (auto id : ids) {
            auto hit = std::find_if(found.begin(), found.end(), [&](const Media& media) { return media.id == id; });
            if (hit == found.end() || hit->site_id != site_id || hit->kind != kind) {
                errors.emplace_back(field, std::string(message) + " (mã " + std::to_string(id) + ").");
                return;
            }
        }
    };
    check(fields.gallery_media_ids, "image", "gallery_media_ids", "Bộ ảnh chỉ gồm ảnh đã tải lên kho ảnh của trang này");
    check(fields.attachment_media_ids, "document", "attachment_media_ids",
          "Tệp đính kèm phải là văn bản đã tải lên trang này");
    if (!fields.related_item_ids.empty()) {
        auto published = store_.PublishedAmong(c, site_id, fields.related_item_ids);
        for (auto id : fields.related_item_ids) {
            bool ok = id != item_id && std::any_of(published.begin(), published.end(),
                                                   [&](const Teaser& teaser) { return teaser.id == id; });
            if (!ok) {
                errors.emplace_back("related_item_ids",
                                    id == item_id ? "Bài viết không thể liên quan đến chính nó."
                                                  : "Bài liên quan phải là bài đã đăng của trang này (mã " +
                                                        std::to_string(id) + ").");
                break;
            }
        }
    }
    if (!errors.empty()) {
        throw ServiceError(Kind::kInvalid, errors.front().second, errors);
    }
}

void Service::Audit(db::Connection& c, const org::Actor& actor, const std::string& action, const std::string& entity,
                    std::int64_t id, std::string before, std::string after, std::int64_t now) {
    audit::Change change;
    change.actor = actor.principal ? actor.principal->login : "system";
    change.action = action;
    change.entity = entity;
    change.entity_id = std::to_string(id);
    change.before_json = std::move(before);
    change.after_json = std::move(after);
    change.address = actor.address;
    audit::Append(c, change, now);
}

void Service::Record(db::Connection& c, const org::Actor& actor, const Item& before, const Item& after,
                     const std::string& action, const std::string& comment, std::int64_t now) {
    if (!store_.Transition(c, after, before.status, now)) {
        throw ServiceError(Kind::kConflict, kStale);
    }
    AfterChange(c, actor, before, after, action, comment, now);
}

void Service::AfterChange(db::Connection& c, const org::Actor& actor, const Item& before, const Item& after,
                          const std::string& action, const std::string& comment, std::int64_t now) {
    ItemEvent event;
    event.item_id = after.id;
    event.at = now;
    if (actor.principal) {
        event.actor_account_id = actor.principal->account_id;
    }
    event.action = action;
    event.from_status = before.status;
    event.to_status = after.status;
    event.comment = comment;
    store_.InsertEvent(c, event);
    Item stored = after;
    stored.version = before.version + 1;
    Audit(c, actor, "portal.item." + action, "item", after.id, ToJson(before), ToJson(stored), now);
    if (after.status == ItemStatus::kPublished && before.status != ItemStatus::kPublished) {
        // Every text that goes online is kept, numbered, so later corrections can be compared with it.
        store_.InsertApplied(c, after.id, after, event.actor_account_id, now);
    }
    if (after.status == ItemStatus::kPublished || before.status == ItemStatus::kPublished) {
        Changed(c, store_.Place(c, after), after.id, now);
    }
    if (after.status == ItemStatus::kPublished) {
        search::Document document;
        document.id = after.id;
        document.site_id = after.site_id;
        document.section_id = after.section_id;
        document.title = after.title;
        document.body = after.sapo + "\n" + markdown::PlainText(after.body_md);
        document.published_at_ms = after.published_at.value_or(now);
        // Found on the sites whose column it was sent to, and in every section that lists it.
        document.also_section_ids = after.extra_section_ids;
        for (std::int64_t section_id : after.extra_section_ids) {
            auto section = store_.FindSection(c, section_id);
            if (section && section->site_id != after.site_id &&
                std::find(document.also_site_ids.begin(), document.also_site_ids.end(), section->site_id) ==
                    document.also_site_ids.end()) {
                document.also_site_ids.push_back(section->site_id);
            }
        }
        search::Upsert(c, document);
    } else if (before.status == ItemStatus::kPublished) {
        search::Remove(c, after.id);
    }
}

void Service::Changed(db::Connection& c, const std::vector<std::int64_t>& site_ids, std::int64_t item_id,
                      std::int64_t now) {
    for (auto site_id : site_ids) {
        Generations::Bump(c, "site:" + std::to_string(site_id), now);
    }
    if (item_id != 0) {
        Generations::Bump(c, "item:" + std::to_string(item_id), now);
    }
}

void Service::NotifyPublic() const {
    if (on_public_change_) {
        on_public_change_();
    }
}

// Sites and sections

std::int64_t Service::CreateSite(const org::Actor& actor, std::int64_t unit_id, const std::string& raw_slug,
                                 const std::string& raw_name) {
    std::string slug = Trim(raw_slug);
    std::string name = Trim(raw_name);
    Errors errors;
    // Paths the server itself uses cannot name a site.
    static constexpr std::string_view kReserved[] = {
        "api", "static", "media", "quan-tri", "dang-nhap", "dang-xuat", "tai-khoan", "healthz", "readyz", "metrics",
        "chuyen-muc", "bai-viet", "the", "luu-tru", "van-ban", "tim-kiem", "rss-xml", "sitemap-xml"};
    if (slug.empty() || text::Slug(slug) != slug) {
        errors.emplace_back("slug", "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.");
    } else if (std::find(std::begin(kReserved), std::end(kReserved), slug) != std::end(kReserved)) {
        errors.emplace_back("slug", "Đường dẫn \"" + slug + "\" được hệ thống dùng riêng; hãy chọn đường dẫn khác.");
    }
    CheckText(errors, "name", name, "Tên trang", true, 200);
    org::ThrowIfInvalid(errors);
    return database_.WriteValue([&](db::Connection& c) {
        auto path = org_.FindUnitPath(c, unit_id);
        if (!path) {
            throw ServiceError(Kind::kInvalid, "Không tìm thấy đơn vị.", {{"unit_id", "Không tìm thấy đơn vị."}});
        }
        if (actor.principal != nullptr) {
            bool administrator = false;
            for (const auto& grant : actor.principal->grants) {
                administrator |= grant.role == org::Role::kAdministrator && path->starts_with(grant.unit_path);
            }
            if (!administrator) {
                throw ServiceError(Kind::kForbidden, "Chỉ quản trị hệ thống của đơn vị mới được tạo trang thông tin.");
            }
        }
        std::int64_t now = clock_();
        Site site;
        site.slug = slug;
        site.name = name;
        site.unit_id = unit_id;
        std::int64_t id = 0;
        try {
            id = store_.InsertSite(c, site, now);
        } catch (const db::Error& error) {
            if (error.Kind() == db::ErrorKind::kUniqueViolation) {
                throw ServiceError(Kind::kConflict, "Đường dẫn này đã được một trang khác dùng.",
                                   {{"slug", "Đường dẫn này đã được một trang khác dùng."}});
            }
            throw;
        }
        Section outreach;
        outreach.site_id = id;
        outreach.slug = kOutreachSectionSlug;
        outreach.name = kOutreachSectionName;
        outreach.is_outreach = true;
        store_.InsertSection(c, outreach, now);
        Audit(c, actor, "portal.site.create", "site", id, "null",
              json::serialize(json::object{{"id", id}, {"slug", slug}, {"name", name}, {"unit_id", unit_id}}), now);
        return id;
    });
}

std::int64_t Service::CreateSection(const org::Actor& actor, std::int64_t site_id,
                                    std::optional<std::int64_t> parent_id, const std::string& raw_name) {
    std::string name = Trim(raw_name);
    Errors errors;
    CheckText(errors, "name", name, "Tên chuyên mục", true, 200);
    org::ThrowIfInvalid(errors);
    std::string slug = text::Slug(name);
    if (slug.empty()) {
        throw ServiceError(Kind::kInvalid, "Tên chuyên mục cần có ít nhất một chữ cái hoặc chữ số.",
                           {{"name", "Tên chuyên mục cần có ít nhất một chữ cái hoặc chữ số."}});
    }
    std::int64_t created = database_.WriteValue([&](db::Connection& c) {
        Site site = LoadSite(c, site_id);
        if (actor.principal != nullptr && Reach(c, *actor.principal, site).role < SiteRole::kBoard) {
            throw ServiceError(Kind::kForbidden, "Chỉ ban biên tập của trang này mới được thêm chuyên mục.");
        }
        if (parent_id) {
            auto parent = store_.FindSection(c, *parent_id);
            if (!parent || parent->site_id != site_id) {
                throw ServiceError(Kind::kInvalid, "Chuyên mục cha không thuộc trang này.",
                                   {{"parent_id", "Chuyên mục cha không thuộc trang này."}});
            }
        }
        std::int64_t now = clock_();
        Section section;
        section.site_id = site_id;
        section.parent_id = parent_id;
        section.slug = slug;
        section.name = name;
        std::int64_t id = 0;
        try {
            id = store_.InsertSection(c, section, now);
        } catch (const db::Error& error) {
            if (error.Kind() == db::ErrorKind::kUniqueViolation) {
                throw ServiceError(Kind::kConflict, "Trang đã có một chuyên mục cùng đường dẫn \"" + slug + "\".",
                                   {{"name", "Trang đã có một chuyên mục trùng tên."}});
            }
            throw;
        }
        Changed(c, {site_id}, 0, now);
        Audit(c, actor, "portal.section.create", "section", id, "null",
              json::serialize(json::object{{"id", id},
                                           {"site_id", site_id},
                                           {"parent_id", Opt(parent_id)},
                                           {"slug", slug},
                                           {"name", name}}),
              now);
        return id;
    });
    NotifyPublic();
    return created;
}

void Service::UpdateSite(const org::Actor& actor, std::int64_t site_id, std::int64_t version,
                         const SiteSettings& input) {
    const auto& principal = RequirePrincipal(actor);
    SiteSettings settings = input;
    settings.name = Trim(settings.name);
    settings.tagline = Trim(settings.tagline);
    settings.host = Trim(settings.host);
    std::transform(settings.host.begin(), settings.host.end(), settings.host.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    Errors errors;
    CheckText(errors, "name", settings.name, "Tên trang", true, 200);
    CheckText(errors, "tagline", settings.tagline, "Dòng giới thiệu", false, 300);
    // A host name: letters, digits, dots and hyphens, with an optional port (for tests and proxies).
    bool host_ok = settings.host.size() <= 253 &&
                   std::all_of(settings.host.begin(), settings.host.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':';
                   }) &&
                   !settings.host.starts_with('.') && !settings.host.starts_with('-');
    if (!host_ok) {
        errors.emplace_back("host", "Tên miền chỉ gồm chữ thường không dấu, chữ số, dấu chấm và dấu gạch ngang.");
    }
    org::ThrowIfInvalid(errors);
    database_.Write([&](db::Connection& c) {
        Site before = LoadSite(c, site_id);
        if (Reach(c, principal, before).role < SiteRole::kBoard) {
            throw ServiceError(Kind::kForbidden, "Chỉ ban biên tập của trang này mới được sửa thông tin trang.");
        }
        if (before.version != version) {
            throw ServiceError(Kind::kConflict, "Thông tin trang vừa được người khác sửa. Hãy tải lại trang rồi sửa lại.");
        }
        CheckPicture(c, site_id, settings.logo_media_id);
        Site after = before;
        after.name = settings.name;
        after.tagline = settings.tagline;
        after.host = settings.host.empty() ? std::nullopt : std::optional<std::string>(settings.host);
        after.logo_media_id = settings.logo_media_id;
        std::int64_t now = clock_();
        try {
            if (!store_.UpdateSite(c, after, now)) {
                throw ServiceError(Kind::kConflict, "Thông tin trang vừa được người khác sửa. Hãy tải lại trang rồi sửa lại.");
            }
        } catch (const db::Error& error) {
            if (error.Kind() == db::ErrorKind::kUniqueViolation) {
                throw ServiceError(Kind::kConflict, "Tên miền này đã được một trang khác dùng.",
                                   {{"host", "Tên miền này đã được một trang khác dùng."}});
            }
            throw;
        }
        auto json_of = [](const Site& site) {
            return json::serialize(json::object{{"id", site.id},
                                                {"name", site.name},
                                                {"tagline", site.tagline},
                                                {"host", site.host ? json::value(*site.host) : json::value(nullptr)},
                                                {"logo_media_id", Opt(site.logo_media_id)},
                                                {"version", site.version}});
        };
        after.version = before.version + 1;
        Audit(c, actor, "portal.site.update", "site", site_id, json_of(before), json_of(after), now);
        Changed(c, {site_id}, 0, now);
    });
    NotifyPublic();
}

Site Service::GetSite(std::int64_t site_id) {
    return database_.ReadValue([&](db::Connection& c) { return LoadSite(c, site_id); });
}

std::vector<Section> Service::Sections(std::int64_t site_id) {
    return database_.ReadValue([&](db::Connection& c) { return store_.Sections(c, site_id); });
}

// The editorial workflow

std::int64_t Service::CreateDraft(const org::Actor& actor, std::int64_t site_id, std::int64_t section_id,
                                  const ItemFields& input) {
    const auto& principal = RequirePrincipal(actor);
    ItemFields fields = Validate(input);
    return database_.WriteValue([&](db::Connection& c) {
        SiteDesk desk = Reach(c, principal, LoadSite(c, site_id));
        if (desk.Most() == SiteRole::kNone) {
            throw ServiceError(Kind::kForbidden, "Bạn không phải cộng tác viên hay biên tập viên của trang này.");
        }
        CheckPlacement(c, site_id, section_id, fields.extra_section_ids);
        if (desk.On(section_id) == SiteRole::kNone) {
            throw ServiceError(Kind::kForbidden, "Bạn chỉ được viết bài cho các chuyên mục mình phụ trách.",
                               {{"section_id", "Bạn chỉ được viết bài cho các chuyên mục mình phụ trách."}});
        }
        CheckPicture(c, site_id, fields.featured_media_id);
        CheckMedia(c, site_id, 0, fields);
        std::int64_t now = clock_();
        Item item;
        item.site_id = site_id;
        item.section_id = section_id;
        item.author_account_id = principal.account_id;
        item.status = ItemStatus::kDraft;
        Apply(item, fields);
        try {
            item.id = store_.InsertItem(c, item, now);
        } catch (const db::Error& error) {
            Rethrow(error);
        }
        store_.SetExtraSections(c, item.id, item.extra_section_ids);
        store_.SetTags(c, item.id, item.tags);
        store_.SetItemMedia(c, item);
        store_.SetRelated(c, item.id, item.related_item_ids);
        ItemEvent event;
        event.item_id = item.id;
        event.at = now;
        event.actor_account_id = principal.account_id;
        event.action = "create";
        event.to_status = ItemStatus::kDraft;
        store_.InsertEvent(c, event);
        Audit(c, actor, "portal.item.create", "item", item.id, "null", ToJson(item), now);
        return item.id;
    });
}

void Service::RequireEditable(const org::Principal& principal, const SiteDesk& desk, const Item& item) const {
    bool author = desk.Most() != SiteRole::kNone && item.author_account_id == principal.account_id;
    bool editor = desk.On(item.section_id) >= SiteRole::kEditor;
    if ((editor && item.status != ItemStatus::kWithdrawn) ||
        (author && In(item.status, {ItemStatus::kDraft, ItemStatus::kReturned}))) {
        return;
    }
    if (author && item.status == ItemStatus::kPublished) {
        throw ServiceError(Kind::kForbidden, "Bài viết đã đăng chỉ biên tập viên mới được sửa. Cần đính chính, "
                                             "hãy báo biên tập viên của trang.");
    }
    if (editor || author) {
        throw ServiceError(Kind::kConflict, "Không thể sửa bài viết đang ở trạng thái \"" +
                                                std::string(StatusLabel(item.status)) + "\".");
    }
    throw ServiceError(Kind::kForbidden, "Bạn không có quyền sửa bài viết này.");
}

void Service::UpdateDraft(const org::Actor& actor, std::int64_t item_id, std::int64_t version,
                          const ItemFields& input) {
    const auto& principal = RequirePrincipal(actor);
    ItemFields fields = Validate(input);
    database_.Write([&](db::Connection& c) {
        Item before = LoadItem(c, item_id);
        RequireEditable(principal, Reach(c, principal, LoadSite(c, before.site_id)), before);
        SaveFields(c, actor, before, version, fields, clock_());
    });
}

void Service::SaveFields(db::Connection& c, const org::Actor& actor, const Item& before, std::int64_t version,
                         const ItemFields& fields, std::int64_t now) {
    if (before.version != version) {
        throw ServiceError(Kind::kConflict, kStale);
    }
    CheckPlacement(c, before.site_id, before.section_id, fields.extra_section_ids);
    CheckPicture(c, before.site_id, fields.featured_media_id);
    CheckMedia(c, before.site_id, before.id, fields);
    Item after = before;
    Apply(after, fields);
    ItemEvent event;
    event.item_id = before.id;
    event.at = now;
    if (actor.principal) {
        event.actor_account_id = actor.principal->account_id;
    }
    event.from_status = before.status;
    event.to_status = before.status;
    if (before.status == ItemStatus::kPublished) {
        // Readers keep the text online; the edit waits as the pending revision until an editor publishes it.
        if (fields.source_unit_id && !org_.FindUnitPath(c, *fields.source_unit_id)) {
            throw ServiceError(Kind::kInvalid, "Đơn vị nguồn tin không tồn tại.",
                               {{"source_unit_id", "Đơn vị nguồn tin không tồn tại."}});
        }
        // The item's row is taken first: a second editor saving at once waits here, then finds a stale version.
        if (!store_.BumpVersion(c, before.id, version)) {
            throw ServiceError(Kind::kConflict, kStale);
        }
        if (store_.Revisions(c, before.id).empty()) {
            // Published before revisions were kept: its text online becomes revision 1.
            store_.InsertApplied(c, before.id, before, std::nullopt, before.published_at.value_or(now));
        }
        std::int64_t number = store_.SavePending(c, before.id, after, event.actor_account_id, now);
        event.action = "revise";
        event.comment = "Bản sửa số " + std::to_string(number);
        store_.InsertEvent(c, event);
        after.version = before.version + 1;
        json::object audited = json::parse(ToJson(after)).as_object();
        audited["revision"] = number;
        Audit(c, actor, "portal.item.revise", "item", before.id, ToJson(before), json::serialize(audited), now);
        return;
    }
    try {
        if (!store_.UpdateItemFields(c, after, now)) {
            throw ServiceError(Kind::kConflict, kStale);
        }
    } catch (const db::Error& error) {
        Rethrow(error);
    }
    store_.SetExtraSections(c, before.id, after.extra_section_ids);
    store_.SetTags(c, before.id, after.tags);
    store_.SetItemMedia(c, after);
    store_.SetRelated(c, before.id, after.related_item_ids);
    event.action = "update";
    store_.InsertEvent(c, event);
    after.version = before.version + 1;
    Audit(c, actor, "portal.item.update", "item", before.id, ToJson(before), ToJson(after), now);
}

void Service::Submit(const org::Actor& actor, std::int64_t item_id) {
    const auto& principal = RequirePrincipal(actor);
    database_.Write([&](db::Connection& c) {
        Item before = VisibleItem(c, principal, item_id);
        if (before.author_account_id != principal.account_id) {
            throw ServiceError(Kind::kForbidden, "Chỉ tác giả mới được gửi bài viết đi duyệt.");
        }
        RequireStatus(before, {ItemStatus::kDraft, ItemStatus::kReturned}, "gửi duyệt");
        Item after = before;
        after.status = ItemStatus::kSubmitted;
        Record(c, actor, before, after, "submit", "", clock_());
    });
}

void Service::Return(const org::Actor& actor, std::int64_t item_id, const std::string& raw_comment) {
    const auto& principal = RequirePrincipal(actor);
    std::string comment = Trim(raw_comment);
    Errors errors;
    CheckText(errors, "comment", comment, "Lý do trả lại", true, 2000);
    org::ThrowIfInvalid(errors);
    database_.Write([&](db::Connection& c) {
        Item before = LoadItem(c, item_id);
        RequireRole(c, principal, before, SiteRole::kEditor);
        RequireStatus(before, {ItemStatus::kSubmitted, ItemStatus::kApproved}, "trả lại");
        Item after = before;
        after.status = ItemStatus::kReturned;
        Record(c, actor, before, after, "return", comment, clock_());
    });
}

void Service::Approve(const org::Actor& actor, std::int64_t item_id) {
    const auto& principal = RequirePrincipal(actor);
    database_.Write([&](db::Connection& c) {
        Item before = LoadItem(c, item_id);
        RequireRole(c, principal, before, SiteRole::kEditor);
        RequireStatus(before, {ItemStatus::kSubmitted}, "duyệt");
        Item after = before;
        after.status = ItemStatus::kApproved;
        Record(c, actor, before, after, "approve", "", clock_());
    });
}

void Service::Publish(const org::Actor& actor, std::int64_t item_id, std::optional<std::int64_t> at) {
    const auto& principal = RequirePrincipal(actor);
    database_.Write([&](db::Connection& c) {
        Item before = LoadItem(c, item_id);
        RequireRole(c, principal, before, SiteRole::kBoard);
        RequireStatus(before, {ItemStatus::kApproved}, "đăng");
        std::int64_t now = clock_();
        Item after = before;
        if (!at || *at <= now) {
            after.status = ItemStatus::kPublished;
            after.publish_at = std::nullopt;
            after.published_at = now;
            after.body_html = markdown::RenderHtml(after.body_md);
            Record(c, actor, before, after, "publish", "", now);
        } else {
            after.status = ItemStatus::kScheduled;
            after.publish_at = *at;
            Record(c, actor, before, after, "schedule", "", now);
        }
    });
    NotifyPublic();
}

std::int64_t Service::PublishDue(std::int64_t now) {
    std::int64_t published = database_.WriteValue([&](db::Connection& c) {
        std::int64_t count = 0;
        org::Actor system{nullptr, ""};
        for (auto id : store_.DueItems(c, now)) {
            Item before = LoadItem(c, id);
            Item after = before;
            after.status = ItemStatus::kPublished;
            // The announced time, not the timer's tick: readers see the item as of when it was meant to appear.
            after.published_at = before.publish_at.value_or(now);
            after.body_html = markdown::RenderHtml(after.body_md);
            Record(c, system, before, after, "publish", "", now);
            ++count;
        }
        return count;
    });
    if (published > 0) {
        NotifyPublic();
    }
    return published;
}

void Service::Withdraw(const org::Actor& actor, std::int64_t item_id, const std::string& raw_comment) {
    const auto& principal = RequirePrincipal(actor);
    std::string comment = Trim(raw_comment);
    Errors errors;
    CheckText(errors, "comment", comment, "Lý do gỡ bài", false, 2000);
    org::ThrowIfInvalid(errors);
    database_.Write([&](db::Connection& c) {
        Item before = LoadItem(c, item_id);
        RequireRole(c, principal, before, SiteRole::kBoard);
        RequireStatus(before, {ItemStatus::kPublished, ItemStatus::kScheduled}, "gỡ");
        Item after = before;
        after.status = ItemStatus::kWithdrawn;
        after.publish_at = std::nullopt;
        std::int64_t now = clock_();
        Record(c, actor, before, after, "withdraw", comment, now);
        // A correction of a text no longer online has nothing left to correct.
        store_.DecidePending(c, item_id, RevisionState::kDiscarded, principal.account_id, now);
    });
    NotifyPublic();
}

// Revisions of published items

namespace {

const char* kNoPending = "Bài viết không có bản sửa nào đang chờ đăng.";
const char* kPendingStale =
    "Bản sửa vừa được người khác thay đổi hoặc xử lý. Hãy tải lại trang để xem bản mới nhất rồi làm lại.";

}  // namespace

void Service::PublishRevision(const org::Actor& actor, std::int64_t item_id, std::optional<std::int64_t> version) {
    const auto& principal = RequirePrincipal(actor);
    database_.Write([&](db::Connection& c) {
        Item before = LoadItem(c, item_id);
        RequireRole(c, principal, before, SiteRole::kBoard);
        RequireStatus(before, {ItemStatus::kPublished}, "đăng bản sửa của");
        auto pending = store_.PendingRevision(c, item_id);
        if (!pending) {
            throw ServiceError(Kind::kConflict, kNoPending);
        }
        if (version && *version != before.version) {
            throw ServiceError(Kind::kConflict, kPendingStale);
        }
        std::int64_t now = clock_();
        Item after = before;
        ApplyRevision(after, pending->content);
        // A related item withdrawn since the revision was saved is simply left out.
        std::vector<std::int64_t> related;
        for (const auto& teaser : store_.PublishedAmong(c, after.site_id, after.related_item_ids)) {
            if (teaser.id != item_id) {
                related.push_back(teaser.id);
            }
        }
        after.related_item_ids = std::move(related);
        CheckPlacement(c, after.site_id, after.section_id, after.extra_section_ids);
        after.body_html = markdown::RenderHtml(after.body_md);
        try {
            if (!store_.UpdatePublishedText(c, after, now)) {
                throw ServiceError(Kind::kConflict, kPendingStale);
            }
        } catch (const db::Error& error) {
            Rethrow(error);
        }
        store_.SetExtraSections(c, item_id, after.extra_section_ids);
        store_.SetTags(c, item_id, after.tags);
        store_.SetItemMedia(c, after);
        store_.SetRelated(c, item_id, after.related_item_ids);
        store_.DecidePending(c, item_id, RevisionState::kApplied, principal.account_id, now);
        AfterChange(c, actor, before, after, "correct", "Bản sửa số " + std::to_string(pending->number), now);
    });
    NotifyPublic();
}

void Service::DiscardRevision(const org::Actor& actor, std::int64_t item_id, std::optional<std::int64_t> version) {
    const auto& principal = RequirePrincipal(actor);
    database_.Write([&](db::Connection& c) {
        Item before = LoadItem(c, item_id);
        RequireRole(c, principal, before, SiteRole::kBoard);
        auto pending = store_.PendingRevision(c, item_id);
        if (!pending) {
            throw ServiceError(Kind::kConflict, kNoPending);
        }
        if ((version && *version != before.version) || !store_.BumpVersion(c, item_id, before.version)) {
            throw ServiceError(Kind::kConflict, kPendingStale);
        }
        std::int64_t now = clock_();
        store_.DecidePending(c, item_id, RevisionState::kDiscarded, principal.account_id, now);
        std::string comment = "Bản sửa số " + std::to_string(pending->number);
        ItemEvent event;
        event.item_id = item_id;
        event.at = now;
        event.actor_account_id = principal.account_id;
        event.action = "discard";
        event.from_status = before.status;
        event.to_status = before.status;
        event.comment = comment;
        store_.InsertEvent(c, event);
        Audit(c, actor, "portal.item.discard", "item", item_id,
              json::serialize(json::object{{"revision", pending->number}, {"title", pending->content.title}}),
              json::serialize(json::object{{"revision", pending->number}, {"state", "discarded"}}), now);
    });
}

std::vector<Revision> Service::Revisions(const org::Principal& principal, std::int64_t item_id) {
    return database_.ReadValue([&](db::Connection& c) {
        VisibleItem(c, principal, item_id);
        return store_.Revisions(c, item_id);
    });
}

std::optional<Revision> Service::PendingRevision(const org::Principal& principal, std::int64_t item_id) {
    return database_.ReadValue([&](db::Connection& c) {
        VisibleItem(c, principal, item_id);
        return store_.PendingRevision(c, item_id);
    });
}

RevisionDiff Service::CompareRevision(const org::Principal& principal, std::int64_t item_id, std::int64_t number) {
    RevisionDiff out;
    Item earlier;  // the first text is compared with nothing
    database_.Read([&](db::Connection& c) {
        Item item = VisibleItem(c, principal, item_id);
        auto revision = store_.FindRevision(c, item_id, number);
        if (!revision) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy phiên bản này của bài viết.");
        }
        out.revision = std::move(*revision);
        if (out.revision.state == RevisionState::kPending) {
            earlier = std::move(item);
            out.against_online = true;
        } else if (auto previous = store_.PreviousApplied(c, item_id, number)) {
            earlier = std::move(previous->content);
            out.against_number = previous->number;
        }
    });
    // Compared outside the transaction: a long body costs CPU, not a pooled connection.
    const Item& later = out.revision.content;
    out.fields.push_back(FieldChange{"title", "Tiêu đề", DiffLines(earlier.title, later.title)});
    out.fields.push_back(FieldChange{"sapo", "Sapo", DiffLines(earlier.sapo, later.sapo)});
    out.fields.push_back(FieldChange{"body_md", "Nội dung", DiffLines(earlier.body_md, later.body_md)});
    out.revision.content.body_md.clear();
    return out;
}

// Media

namespace {

// Keeps the last path component, without control characters, at most 200 characters.
std::string CleanFileName(const std::string& raw) {
    std::string name = raw.substr(raw.find_last_of("/\\") == std::string::npos ? 0 : raw.find_last_of("/\\") + 1);
    std::string clean;
    for (char c : name) {
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
            clean += c;
        }
    }
    clean = Trim(text::ToValidUtf8(clean));
    std::size_t code_points = 0;
    for (std::size_t i = 0; i < clean.size(); ++i) {
        // Cut before the 201st code point (a lead byte is any byte that is not 10xxxxxx).
        if ((static_cast<unsigned char>(clean[i]) & 0xC0) != 0x80 && ++code_points > 200) {
            clean.resize(i);
            break;
        }
    }
    return clean.empty() ? "tep-tai-len" : clean;
}

}  // namespace

StoredMedia Service::UploadImage(const org::Actor& actor, std::int64_t site_id, const Upload& upload) {
    const auto& principal = RequirePrincipal(actor);
    std::string alt = Trim(upload.alt);
    std::string caption = Trim(upload.caption);
    Errors errors;
    CheckText(errors, "alt", alt, "Mô tả ảnh (văn bản thay thế)", true, 300);
    CheckText(errors, "caption", caption, "Chú thích ảnh", false, 500);
    if (upload.bytes.empty()) {
        errors.emplace_back("file", "Hãy chọn một tệp ảnh.");
    }
    org::ThrowIfInvalid(errors);
    database_.Read([&](db::Connection& c) {
        if (Reach(c, principal, LoadSite(c, site_id)).Most() == SiteRole::kNone) {
            throw ServiceError(Kind::kForbidden, "Bạn không phải cộng tác viên hay biên tập viên của trang này.");
        }
    });
    // Decoding and encoding take tens of milliseconds: done before the write transaction.
    media::ProcessedImage image;
    try {
        image = media::ProcessImage(upload.bytes);
    } catch (const media::MediaError& error) {
        throw ServiceError(Kind::kInvalid, error.what(), {{"file", error.what()}});
    }
    std::string name = CleanFileName(upload.file_name);
    std::int64_t now = clock_();
    StoredMedia stored;
    stored.kind = "image";
    stored.name = name;
    stored.alt = alt;
    stored.width = image.width;
    stored.height = image.height;
    stored.id = database_.WriteValue([&](db::Connection& c) {
        auto id = c.Query("INSERT INTO media (site_id, kind, sha256, original_name, content_type, bytes, width, height, "
                          "alt, caption, uploaded_by, created_at) VALUES ($1, 'image', $2, $3, $4, $5, $6, $7, $8, $9, "
                          "$10, $11) RETURNING id",
                          {site_id, security::Sha256Hex(upload.bytes), name, image.source_type,
                           static_cast<std::int64_t>(upload.bytes.size()), std::int64_t{image.width},
                           std::int64_t{image.height}, alt, caption, principal.account_id, now})
                      .Int(0, 0);
        for (const auto& variant : image.variants) {
            c.Query("INSERT INTO media_files (media_id, variant, content_type, width, height, data) VALUES ($1, $2, $3, "
                    "$4, $5, $6)",
                    {id, variant.name, variant.content_type, std::int64_t{variant.width}, std::int64_t{variant.height},
                     db::Blob{variant.data}});
        }
        Audit(c, actor, "portal.media.upload", "media", id, "null",
              json::serialize(json::object{{"id", id}, {"site_id", site_id}, {"kind", "image"}, {"name", name},
                                           {"alt", alt}, {"bytes", upload.bytes.size()}}),
              now);
        return id;
    });
    stored.url = "/media/" + std::to_string(stored.id) + "/" + std::to_string(std::min(image.width, 1280)) + ".jpg";
    return stored;
}

StoredMedia Service::UploadDocument(const org::Actor& actor, std::int64_t site_id, const Upload& upload) {
    const auto& principal = RequirePrincipal(actor);
    constexpr std::size_t kMaxDocumentBytes = std::size_t{20} * 1024 * 1024;
    std::string caption = Trim(upload.caption);
    std::string name = CleanFileName(upload.file_name);
    Errors errors;
    CheckText(errors, "caption", caption, "Mô tả tệp", false, 500);
    if (upload.bytes.empty()) {
        errors.emplace_back("file", "Hãy chọn một tệp văn bản.");
    } else if (upload.bytes.size() > kMaxDocumentBytes) {
        errors.emplace_back("file", "Tệp quá lớn (tối đa 20 MB).");
    }
    org::ThrowIfInvalid(errors);
    auto kind = media::SniffDocument(upload.bytes);
    if (!kind) {
        throw ServiceError(Kind::kInvalid, "Chỉ nhận văn bản PDF, DOCX hoặc XLSX; nội dung tệp này không phải các dạng đó.",
                           {{"file", "Chỉ nhận văn bản PDF, DOCX hoặc XLSX."}});
    }
    if (!media::NameMatches(name, kind->extension)) {
        std::string message = std::string("Tên tệp không khớp nội dung: tệp thực chất là ") +
                              (kind->type == media::DocumentType::kPdf    ? "PDF"
                               : kind->type == media::DocumentType::kDocx ? "DOCX"
                                                                          : "XLSX") +
                              ", hãy đặt đuôi ." +
                              std::string(kind->extension) + ".";
        throw ServiceError(Kind::kInvalid, message, {{"file", message}});
    }
    std::int64_t now = clock_();
    StoredMedia stored;
    stored.kind = "document";
    stored.name = name;
    stored.id = database_.WriteValue([&](db::Connection& c) {
        if (Reach(c, principal, LoadSite(c, site_id)).Most() == SiteRole::kNone) {
            throw ServiceError(Kind::kForbidden, "Bạn không phải cộng tác viên hay biên tập viên của trang này.");
        }
        auto id = c.Query("INSERT INTO media (site_id, kind, sha256, original_name, content_type, bytes, caption, "
                          "uploaded_by, created_at) VALUES ($1, 'document', $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                          {site_id, security::Sha256Hex(upload.bytes), name, std::string(kind->content_type),
                           static_cast<std::int64_t>(upload.bytes.size()), caption, principal.account_id, now})
                      .Int(0, 0);
        c.Query("INSERT INTO media_files (media_id, variant, content_type, data) VALUES ($1, 'original', $2, $3)",
                {id, std::string(kind->content_type), db::Blob{upload.bytes}});
        Audit(c, actor, "portal.media.upload", "media", id, "null",
              json::serialize(json::object{{"id", id}, {"site_id", site_id}, {"kind", "document"}, {"name", name},
                                           {"bytes", upload.bytes.size()}}),
              now);
        return id;
    });
    stored.url = "/media/" + std::to_string(stored.id) + "/tai-ve";
    return stored;
}

StoredMedia Service::AttachDocument(const org::Actor& actor, std::int64_t item_id, const Upload& upload) {
    const auto& principal = RequirePrincipal(actor);
    // The fields an edit of the item starts from: a published item's pending revision when there is one.
    auto editable = [&](db::Connection& c, const Item& item) {
        RequireEditable(principal, Reach(c, principal, LoadSite(c, item.site_id)), item);
        if (item.status == ItemStatus::kPublished) {
            if (auto pending = store_.PendingRevision(c, item.id)) {
                return EditableFields(pending->content);
            }
        }
        return EditableFields(item);
    };
    // Refused before the upload, so a refusal leaves no stray file behind.
    std::int64_t site_id = database_.ReadValue([&](db::Connection& c) {
        Item item = LoadItem(c, item_id);
        if (editable(c, item).attachment_media_ids.size() >= kMaxAttachments) {
            throw ServiceError(Kind::kInvalid, "Bài viết đã có đủ 20 tệp đính kèm; hãy bỏ bớt trước khi thêm.",
                               {{"file", "Bài viết đã có đủ 20 tệp đính kèm."}});
        }
        return item.site_id;
    });
    StoredMedia stored = UploadDocument(actor, site_id, upload);
    database_.Write([&](db::Connection& c) {
        Item before = LoadItem(c, item_id);
        ItemFields fields = editable(c, before);
        fields.attachment_media_ids.push_back(stored.id);
        // Only the list of attachments changes, so the version read here is the one written over.
        SaveFields(c, actor, before, before.version, Validate(fields), clock_());
    });
    return stored;
}

std::vector<StoredMedia> Service::SiteMedia(const org::Principal& principal, std::int64_t site_id,
                                            const std::string& kind, std::int64_t limit) {
    if (kind != "image" && kind != "document") {
        throw ServiceError(Kind::kInvalid, "Loại tệp không hợp lệ (image hoặc document).",
                           {{"kind", "Loại tệp không hợp lệ (image hoặc document)."}});
    }
    auto media = database_.ReadValue([&](db::Connection& c) {
        if (Reach(c, principal, LoadSite(c, site_id)).Most() == SiteRole::kNone) {
            throw ServiceError(Kind::kForbidden, "Bạn không phải cộng tác viên hay biên tập viên của trang này.");
        }
        return store_.RecentMedia(c, site_id, kind, std::clamp<std::int64_t>(limit, 1, 500));
    });
    std::vector<StoredMedia> out;
    for (const auto& one : media) {
        out.push_back(Stored(one));
    }
    return out;
}

std::vector<StoredMedia> Service::FindMedia(const org::Principal& principal, std::int64_t site_id,
                                            const std::vector<std::int64_t>& ids) {
    auto media = database_.ReadValue([&](db::Connection& c) {
        if (Reach(c, principal, LoadSite(c, site_id)).Most() == SiteRole::kNone) {
            throw ServiceError(Kind::kForbidden, "Bạn không phải cộng tác viên hay biên tập viên của trang này.");
        }
        return store_.FindMedia(c, ids);
    });
    std::vector<StoredMedia> out;
    for (const auto& one : media) {
        if (one.site_id == site_id) {
            out.push_back(Stored(one));
        }
    }
    return out;
}

std::vector<Teaser> Service::RelatedChoices(const org::Principal& principal, std::int64_t site_id,
                                            const std::vector<std::int64_t>& also, std::int64_t limit) {
    return database_.ReadValue([&](db::Connection& c) {
        if (Reach(c, principal, LoadSite(c, site_id)).Most() == SiteRole::kNone) {
            throw ServiceError(Kind::kForbidden, "Bạn không phải cộng tác viên hay biên tập viên của trang này.");
        }
        auto choices = store_.RecentPublished(c, site_id, std::clamp<std::int64_t>(limit, 1, 500));
        for (auto& teaser : store_.PublishedAmong(c, site_id, also)) {
            auto id = teaser.id;
            if (std::none_of(choices.begin(), choices.end(), [id](const Teaser& t) { return t.id == id; })) {
                choices.push_back(std::move(teaser));
            }
        }
        return choices;
    });
}

// Reading

Item Service::GetItem(const org::Principal& principal, std::int64_t item_id) {
    return database_.ReadValue([&](db::Connection& c) { return VisibleItem(c, principal, item_id); });
}

namespace {

/// Who sees which of a site's items in the newsroom: editors of the whole site all of them; others their own and,
/// for section editors, the items filed in their sections. Nothing to filter: no author.
struct ItemScope {
    std::optional<std::int64_t> author;
    std::vector<std::int64_t> sections;
};

ItemScope ScopeOf(const SiteDesk& desk, const org::Principal& principal) {
    ItemScope scope;
    if (desk.role >= SiteRole::kEditor) {
        return scope;
    }
    scope.author = principal.account_id;
    for (const auto& [section, role] : desk.section_roles) {
        if (role >= SiteRole::kEditor) {
            scope.sections.push_back(section);
        }
    }
    return scope;
}

}  // namespace

org::Page<Item> Service::ListItems(const org::Principal& principal, std::int64_t site_id, ItemQuery query) {
    query.per_page = std::clamp<std::int64_t>(query.per_page, 1, 200);
    return database_.ReadValue([&](db::Connection& c) {
        SiteDesk desk = Reach(c, principal, LoadSite(c, site_id));
        if (desk.Most() == SiteRole::kNone) {
            throw ServiceError(Kind::kForbidden, "Bạn không phải cộng tác viên hay biên tập viên của trang này.");
        }
        ItemScope scope = ScopeOf(desk, principal);
        return store_.ListItems(c, site_id, query, scope.author, scope.sections);
    });
}

std::vector<ItemEvent> Service::History(const org::Principal& principal, std::int64_t item_id) {
    return database_.ReadValue([&](db::Connection& c) {
        VisibleItem(c, principal, item_id);
        return store_.Events(c, item_id);
    });
}

// The newsroom's reads

std::vector<SiteDesk> Service::Desks(const org::Principal& principal) {
    return database_.ReadValue([&](db::Connection& c) {
        std::vector<SiteDesk> desks;
        auto held = store_.AccountSiteRoles(c, principal.account_id);
        for (Site& site : store_.AllSites(c)) {
            site.unit_path = org_.FindUnitPath(c, site.unit_id).value_or("");
            SiteDesk desk = Reach(principal, std::move(site), held, c);
            if (desk.Most() != SiteRole::kNone) {
                desks.push_back(std::move(desk));
            }
        }
        return desks;
    });
}

SiteDesk Service::Desk(const org::Principal& principal, std::int64_t site_id) {
    return database_.ReadValue([&](db::Connection& c) {
        SiteDesk desk = Reach(c, principal, LoadSite(c, site_id));
        if (desk.Most() == SiteRole::kNone) {
            throw ServiceError(Kind::kForbidden, "Bạn không phải cộng tác viên hay biên tập viên của trang này.");
        }
        return desk;
    });
}

std::vector<std::pair<ItemStatus, std::int64_t>> Service::CountItems(const org::Principal& principal,
                                                                     std::int64_t site_id) {
    return database_.ReadValue([&](db::Connection& c) {
        SiteDesk desk = Reach(c, principal, LoadSite(c, site_id));
        if (desk.Most() == SiteRole::kNone) {
            throw ServiceError(Kind::kForbidden, "Bạn không phải cộng tác viên hay biên tập viên của trang này.");
        }
        ItemScope scope = ScopeOf(desk, principal);
        auto found = store_.CountItems(c, site_id, scope.author, scope.sections);
        std::vector<std::pair<ItemStatus, std::int64_t>> counts;
        for (ItemStatus status : kAllStatuses) {
            auto hit = std::find_if(found.begin(), found.end(), [&](const auto& pair) { return pair.first == status; });
            counts.emplace_back(status, hit == found.end() ? 0 : hit->second);
        }
        return counts;
    });
}

// Roles on a site and its sections

std::vector<SiteRoleGrant> Service::SiteRoles(const org::Principal& principal, std::int64_t site_id) {
    return database_.ReadValue([&](db::Connection& c) {
        SiteDesk desk = RequireOnSite(c, principal, site_id, SiteRole::kEditor,
                                      "Chỉ biên tập viên và ban biên tập của trang mới xem được danh sách này.");
        auto stored = store_.SiteRoles(c, site_id, std::nullopt);
        std::vector<std::int64_t> ids;
        for (const auto& held : stored) {
            ids.push_back(held.account_id);
        }
        auto accounts = org_.AccountRefs(c, ids);
        auto sections = store_.Sections(c, site_id);
        std::vector<SiteRoleGrant> grants;
        for (const auto& held : stored) {
            SiteRoleGrant grant;
            grant.id = held.id;
            auto account = std::find_if(accounts.begin(), accounts.end(),
                                        [&](const org::AccountRef& a) { return a.id == held.account_id; });
            if (account != accounts.end()) {
                grant.account = *account;
            }
            grant.role = ParseSiteRole(held.role).value_or(SiteRole::kNone);
            grant.section_id = held.section_id;
            if (held.section_id) {
                auto section = std::find_if(sections.begin(), sections.end(),
                                            [&](const Section& s) { return s.id == *held.section_id; });
                grant.section_name = section == sections.end() ? "" : section->name;
            }
            grants.push_back(std::move(grant));
        }
        for (auto [org_role, role] : {std::pair{org::Role::kEditor, SiteRole::kEditor},
                                      std::pair{org::Role::kContributor, SiteRole::kContributor}}) {
            for (auto& account : org_.AccountsGranted(c, org_role, desk.site.unit_id)) {
                SiteRoleGrant grant;
                grant.account = std::move(account);
                grant.role = role;
                grants.push_back(std::move(grant));
            }
        }
        return grants;
    });
}

std::int64_t Service::GrantSiteRole(const org::Actor& actor, std::int64_t site_id, const std::string& raw_login,
                                    SiteRole role, std::optional<std::int64_t> section_id) {
    std::string login = Trim(raw_login);
    if (login.empty()) {
        throw ServiceError(Kind::kInvalid, "Hãy nhập tên đăng nhập.", {{"login", "Hãy nhập tên đăng nhập."}});
    }
    if (role == SiteRole::kNone) {
        throw ServiceError(Kind::kInvalid, "Hãy chọn vai trò.", {{"role", "Hãy chọn vai trò."}});
    }
    return database_.WriteValue([&](db::Connection& c) {
        // The command line (no principal) sets up demo and first boards.
        if (actor.principal != nullptr) {
            RequireOnSite(c, *actor.principal, site_id, SiteRole::kBoard,
                          "Chỉ ban biên tập của trang mới được giao vai trò biên tập.");
        } else {
            LoadSite(c, site_id);
        }
        auto account = org_.FindAccountRef(c, login);
        if (!account) {
            throw ServiceError(Kind::kInvalid, "Không có tài khoản \"" + login + "\".",
                               {{"login", "Không có tài khoản \"" + login + "\"."}});
        }
        std::string section_name;
        if (section_id) {
            auto section = store_.FindSection(c, *section_id);
            if (!section || section->site_id != site_id) {
                throw ServiceError(Kind::kInvalid, "Chuyên mục không thuộc trang này.",
                                   {{"section_id", "Chuyên mục không thuộc trang này."}});
            }
            section_name = section->name;
        }
        Store::StoredSiteRole held;
        held.account_id = account->id;
        held.section_id = section_id;
        held.role = std::string(SiteRoleName(role));
        std::int64_t now = clock_();
        std::int64_t id = 0;
        try {
            id = store_.InsertSiteRole(c, site_id, held, now);
        } catch (const db::Error& error) {
            if (error.Kind() == db::ErrorKind::kUniqueViolation) {
                throw ServiceError(Kind::kConflict, "Tài khoản này đã có vai trò đó.");
            }
            throw;
        }
        Audit(c, actor, "portal.site_role.grant", "site_role", id, "null",
              json::serialize(json::object{{"site_id", site_id},
                                           {"account_id", account->id},
                                           {"login", account->login},
                                           {"role", held.role},
                                           {"section_id", section_id ? json::value(*section_id) : json::value(nullptr)},
                                           {"section_name", section_name}}),
              now);
        return id;
    });
}

void Service::RevokeSiteRole(const org::Actor& actor, std::int64_t site_id, std::int64_t grant_id) {
    const auto& principal = RequirePrincipal(actor);
    database_.Write([&](db::Connection& c) {
        RequireOnSite(c, principal, site_id, SiteRole::kBoard,
                      "Chỉ ban biên tập của trang mới được thu hồi vai trò biên tập.");
        auto stored = store_.SiteRoles(c, site_id, std::nullopt);
        auto held = std::find_if(stored.begin(), stored.end(), [&](const auto& r) { return r.id == grant_id; });
        if (held == stored.end() || !store_.DeleteSiteRole(c, site_id, grant_id)) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy vai trò này trên trang.");
        }
        Audit(c, actor, "portal.site_role.revoke", "site_role", grant_id,
              json::serialize(json::object{{"site_id", site_id},
                                           {"account_id", held->account_id},
                                           {"role", held->role},
                                           {"section_id", held->section_id ? json::value(*held->section_id)
                                                                            : json::value(nullptr)}}),
              "null", clock_());
    });
}

std::vector<OutreachColumn> Service::OutreachColumns() {
    return database_.ReadValue([&](db::Connection& c) {
        auto sites = store_.AllSites(c);
        std::vector<OutreachColumn> columns;
        for (auto& section : store_.OutreachSections(c)) {
            auto site = std::find_if(sites.begin(), sites.end(), [&](const Site& s) { return s.id == section.site_id; });
            std::string site_name = site == sites.end() ? "" : site->name;
            columns.push_back(OutreachColumn{std::move(section), std::move(site_name)});
        }
        return columns;
    });
}

}  // namespace tuyenvan::portal
