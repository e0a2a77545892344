#include "portal/service.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "platform/audit/audit_log.hpp"
#include "platform/markdown/markdown.hpp"
#include "platform/search/search.hpp"
#include "platform/text/slug.hpp"
#include "platform/text/utf8.hpp"

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
    json::array extra;
    for (auto id : item.extra_section_ids) {
        extra.push_back(id);
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
                                        {"extra_section_ids", std::move(extra)}});
}

Service::Service(db::Database& database, org::Service& org, std::function<std::int64_t()> clock)
    : database_(database), org_(org), clock_(std::move(clock)) {}

void Service::EnsureSchema() {
    database_.Write([](db::Connection& c) { search::EnsureSchema(c); });
}

// Permissions

Service::Access Service::SiteAccess(const org::Principal& principal, const Site& site) {
    Access access = Access::kNone;
    for (const auto& grant : principal.grants) {
        if (grant.role == org::Role::kAdministrator && site.unit_path.starts_with(grant.unit_path)) {
            return Access::kEditor;
        }
        // Editorial roles hold on exactly their unit's site: a district editor has no say on the province's.
        if (grant.unit_id == site.unit_id) {
            if (grant.role == org::Role::kEditor) {
                return Access::kEditor;
            }
            if (grant.role == org::Role::kContributor) {
                access = Access::kContributor;
            }
        }
    }
    return access;
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
    Access access = SiteAccess(principal, LoadSite(c, item.site_id));
    if (access == Access::kEditor ||
        (access == Access::kContributor && item.author_account_id == principal.account_id)) {
        return item;
    }
    throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem bài viết này.");
}

void Service::RequireEditor(db::Connection& c, const org::Principal& principal, const Item& item) const {
    if (SiteAccess(principal, LoadSite(c, item.site_id)) != Access::kEditor) {
        throw ServiceError(Kind::kForbidden, "Chỉ biên tập viên của trang này mới được thực hiện thao tác này.");
    }
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
    if (after.status == ItemStatus::kPublished) {
        search::Document document;
        document.id = after.id;
        document.site_id = after.site_id;
        document.section_id = after.section_id;
        document.title = after.title;
        document.body = after.sapo + "\n" + markdown::PlainText(after.body_md);
        document.published_at_ms = after.published_at.value_or(now);
        search::Upsert(c, document);
    } else if (before.status == ItemStatus::kPublished) {
        search::Remove(c, after.id);
    }
}

// Sites and sections

std::int64_t Service::CreateSite(const org::Actor& actor, std::int64_t unit_id, const std::string& raw_slug,
                                 const std::string& raw_name) {
    std::string slug = Trim(raw_slug);
    std::string name = Trim(raw_name);
    Errors errors;
    if (slug.empty() || text::Slug(slug) != slug) {
        errors.emplace_back("slug", "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.");
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
    return database_.WriteValue([&](db::Connection& c) {
        Site site = LoadSite(c, site_id);
        if (actor.principal != nullptr && SiteAccess(*actor.principal, site) != Access::kEditor) {
            throw ServiceError(Kind::kForbidden, "Chỉ biên tập viên của trang này mới được thêm chuyên mục.");
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
        Audit(c, actor, "portal.section.create", "section", id, "null",
              json::serialize(json::object{{"id", id},
                                           {"site_id", site_id},
                                           {"parent_id", Opt(parent_id)},
                                           {"slug", slug},
                                           {"name", name}}),
              now);
        return id;
    });
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
        Site site = LoadSite(c, site_id);
        if (SiteAccess(principal, site) == Access::kNone) {
            throw ServiceError(Kind::kForbidden, "Bạn không phải cộng tác viên hay biên tập viên của trang này.");
        }
        CheckPlacement(c, site_id, section_id, fields.extra_section_ids);
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

void Service::UpdateDraft(const org::Actor& actor, std::int64_t item_id, std::int64_t version,
                          const ItemFields& input) {
    const auto& principal = RequirePrincipal(actor);
    ItemFields fields = Validate(input);
    database_.Write([&](db::Connection& c) {
        Item before = LoadItem(c, item_id);
        Access access = SiteAccess(principal, LoadSite(c, before.site_id));
        bool as_author = access != Access::kNone && before.author_account_id == principal.account_id &&
                         In(before.status, {ItemStatus::kDraft, ItemStatus::kReturned});
        bool as_editor = access == Access::kEditor &&
                         !In(before.status, {ItemStatus::kPublished, ItemStatus::kWithdrawn});
        if (!as_author && !as_editor) {
            if (access == Access::kEditor ||
                (access == Access::kContributor && before.author_account_id == principal.account_id)) {
                throw ServiceError(Kind::kConflict, "Không thể sửa bài viết đang ở trạng thái \"" +
                                                        std::string(StatusLabel(before.status)) + "\".");
            }
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền sửa bài viết này.");
        }
        if (before.version != version) {
            throw ServiceError(Kind::kConflict, kStale);
        }
        CheckPlacement(c, before.site_id, before.section_id, fields.extra_section_ids);
        std::int64_t now = clock_();
        Item after = before;
        Apply(after, fields);
        try {
            if (!store_.UpdateItemFields(c, after, now)) {
                throw ServiceError(Kind::kConflict, kStale);
            }
        } catch (const db::Error& error) {
            Rethrow(error);
        }
        store_.SetExtraSections(c, item_id, after.extra_section_ids);
        ItemEvent event;
        event.item_id = item_id;
        event.at = now;
        event.actor_account_id = principal.account_id;
        event.action = "update";
        event.from_status = before.status;
        event.to_status = before.status;
        store_.InsertEvent(c, event);
        after.version = before.version + 1;
        Audit(c, actor, "portal.item.update", "item", item_id, ToJson(before), ToJson(after), now);
    });
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
        RequireEditor(c, principal, before);
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
        RequireEditor(c, principal, before);
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
        RequireEditor(c, principal, before);
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
}

std::int64_t Service::PublishDue(std::int64_t now) {
    return database_.WriteValue([&](db::Connection& c) {
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
}

void Service::Withdraw(const org::Actor& actor, std::int64_t item_id, const std::string& raw_comment) {
    const auto& principal = RequirePrincipal(actor);
    std::string comment = Trim(raw_comment);
    Errors errors;
    CheckText(errors, "comment", comment, "Lý do gỡ bài", false, 2000);
    org::ThrowIfInvalid(errors);
    database_.Write([&](db::Connection& c) {
        Item before = LoadItem(c, item_id);
        RequireEditor(c, principal, before);
        RequireStatus(before, {ItemStatus::kPublished, ItemStatus::kScheduled}, "gỡ");
        Item after = before;
        after.status = ItemStatus::kWithdrawn;
        after.publish_at = std::nullopt;
        Record(c, actor, before, after, "withdraw", comment, clock_());
    });
}

// Reading

Item Service::GetItem(const org::Principal& principal, std::int64_t item_id) {
    return database_.ReadValue([&](db::Connection& c) { return VisibleItem(c, principal, item_id); });
}

org::Page<Item> Service::ListItems(const org::Principal& principal, std::int64_t site_id, ItemQuery query) {
    query.per_page = std::clamp<std::int64_t>(query.per_page, 1, 200);
    return database_.ReadValue([&](db::Connection& c) {
        Access access = SiteAccess(principal, LoadSite(c, site_id));
        if (access == Access::kNone) {
            throw ServiceError(Kind::kForbidden, "Bạn không phải cộng tác viên hay biên tập viên của trang này.");
        }
        std::optional<std::int64_t> author;
        if (access == Access::kContributor) {
            author = principal.account_id;
        }
        return store_.ListItems(c, site_id, query, author);
    });
}

std::vector<ItemEvent> Service::History(const org::Principal& principal, std::int64_t item_id) {
    return database_.ReadValue([&](db::Connection& c) {
        VisibleItem(c, principal, item_id);
        return store_.Events(c, item_id);
    });
}

}  // namespace tuyenvan::portal
