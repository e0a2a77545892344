// The newsroom's JSON API: the same service calls as the pages, for programs and scripts. Changes need
// the X-CSRF-Token header; errors become {"error": {...}} in one place (org::Web::RenderError).
#include <boost/json.hpp>

#include <algorithm>

#include "portal/newsroom.hpp"

namespace tuyenvan::portal::newsroom {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using http::Mode;
using http::Request;
using http::Response;
using org::ServiceError;

constexpr std::string_view kPublishAtHelp =
    "Thời điểm đăng phải là ngày giờ ISO 8601 có múi giờ (ví dụ 2026-03-05T14:30:00+07:00) hoặc số mili giây "
    "kể từ 00:00 01/01/1970 UTC.";

org::Actor ActorOf(const org::Principal& principal, const Request& request) {
    return org::Actor{&principal, request.remote_address};
}

// A body that may be absent (a workflow step without a comment).
json::object OptionalBody(const org::Web& web, const Request& request) {
    if (request.body.find_first_not_of(" \t\r\n") == std::string::npos) {
        return {};
    }
    return web.JsonBody(request);
}

std::optional<std::int64_t> AsInt(const json::value& value) {
    if (value.is_int64()) {
        return value.as_int64();
    }
    if (value.is_uint64() && value.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        return static_cast<std::int64_t>(value.as_uint64());
    }
    return std::nullopt;
}

// Reads the JSON fields of a body into typed values, collecting a Vietnamese message per bad field.
class Reader {
public:
    explicit Reader(const json::object& body) : body_(body) {}

    bool Has(std::string_view key) const { return body_.contains(key); }

    void Text(std::string_view key, std::string& out) {
        auto found = body_.find(key);
        if (found == body_.end()) {
            return;
        }
        if (found->value().is_string()) {
            out = std::string(found->value().as_string());
        } else if (!found->value().is_null()) {
            Fail(key, "Phải là một chuỗi ký tự.");
        }
    }

    std::optional<std::int64_t> Id(std::string_view key, const std::string& message) {
        auto found = body_.find(key);
        if (found == body_.end() || found->value().is_null()) {
            return std::nullopt;
        }
        auto id = AsInt(found->value());
        if (!id) {
            Fail(key, message);
        }
        return id;
    }

    void Ids(std::string_view key, std::vector<std::int64_t>& out,
             const std::string& message = "Phải là một mảng mã chuyên mục (số nguyên).") {
        auto found = body_.find(key);
        if (found == body_.end()) {
            return;
        }
        out.clear();
        if (!found->value().is_array()) {
            Fail(key, message);
            return;
        }
        for (const auto& value : found->value().as_array()) {
            auto id = AsInt(value);
            if (!id) {
                Fail(key, message);
                return;
            }
            out.push_back(*id);
        }
    }

    void Texts(std::string_view key, std::vector<std::string>& out) {
        auto found = body_.find(key);
        if (found == body_.end()) {
            return;
        }
        out.clear();
        if (!found->value().is_array()) {
            Fail(key, "Phải là một mảng chuỗi ký tự.");
            return;
        }
        for (const auto& value : found->value().as_array()) {
            if (!value.is_string()) {
                Fail(key, "Phải là một mảng chuỗi ký tự.");
                return;
            }
            out.emplace_back(value.as_string());
        }
    }

    void Fail(std::string_view key, std::string message) { errors_.emplace_back(std::string(key), std::move(message)); }

    /// Throws the collected messages, if any.
    void Done() const { org::ThrowIfInvalid(errors_); }

private:
    const json::object& body_;
    org::FieldErrors errors_;
};

// The item's editable fields from a body; keys left out keep `base`.
ItemFields FieldsFromJson(Reader& reader, ItemFields base) {
    reader.Text("genre", base.genre);
    reader.Text("title", base.title);
    reader.Text("sapo", base.sapo);
    reader.Text("body_md", base.body_md);
    reader.Text("pen_name", base.pen_name);
    reader.Text("featured_caption", base.featured_caption);
    reader.Ids("extra_section_ids", base.extra_section_ids);
    reader.Texts("tags", base.tags);
    if (reader.Has("source_unit_id")) {
        base.source_unit_id = reader.Id("source_unit_id", "Mã đơn vị nguồn tin phải là số nguyên.");
    }
    if (reader.Has("featured_media_id")) {
        base.featured_media_id = reader.Id("featured_media_id", "Mã ảnh phải là số nguyên.");
    }
    reader.Ids("gallery_media_ids", base.gallery_media_ids, "Phải là một mảng mã ảnh (số nguyên).");
    if (reader.Has("gallery_media_ids") && !reader.Has("gallery_captions")) {
        // A new set of pictures without captions: each shows its own.
        base.gallery_captions.clear();
    }
    reader.Texts("gallery_captions", base.gallery_captions);
    reader.Ids("attachment_media_ids", base.attachment_media_ids, "Phải là một mảng mã tệp (số nguyên).");
    reader.Ids("related_item_ids", base.related_item_ids, "Phải là một mảng mã bài viết (số nguyên).");
    return base;
}

json::value Opt(const std::optional<std::int64_t>& value) { return value ? json::value(*value) : json::value(nullptr); }

/// The sections where the person holds more than on the whole site: [{"section_id", "role"}].
json::array SectionRolesJson(const SiteDesk& desk) {
    json::array out;
    for (const auto& [section, role] : desk.section_roles) {
        out.push_back(json::object{{"section_id", section}, {"role", SiteRoleName(role)}});
    }
    return out;
}

json::object SiteJson(const SiteDesk& desk) {
    const Site& site = desk.site;
    return json::object{{"id", site.id},
                        {"slug", site.slug},
                        {"host", site.host ? json::value(*site.host) : json::value(nullptr)},
                        {"name", site.name},
                        {"tagline", site.tagline},
                        {"logo_media_id", site.logo_media_id ? json::value(*site.logo_media_id) : json::value(nullptr)},
                        {"unit_id", site.unit_id},
                        {"created_at", site.created_at},
                        {"version", site.version},
                        {"role", SiteRoleName(desk.Most())},
                        {"site_role", desk.role == SiteRole::kNone ? json::value(nullptr)
                                                                   : json::value(SiteRoleName(desk.role))},
                        {"section_roles", SectionRolesJson(desk)}};
}

json::object RoleGrantJson(const SiteRoleGrant& grant) {
    return json::object{{"id", grant.id == 0 ? json::value(nullptr) : json::value(grant.id)},
                        {"account_id", grant.account.id},
                        {"login", grant.account.login},
                        {"name", grant.account.name},
                        {"role", SiteRoleName(grant.role)},
                        {"section_id", Opt(grant.section_id)},
                        {"from_unit_grant", grant.id == 0}};
}

json::object SectionJson(const Section& section) {
    return json::object{{"id", section.id},
                        {"site_id", section.site_id},
                        {"parent_id", Opt(section.parent_id)},
                        {"slug", section.slug},
                        {"name", section.name},
                        {"position", section.position},
                        {"is_outreach", section.is_outreach}};
}

json::object ItemJson(const Item& item, bool with_body) {
    json::object out = json::parse(ToJson(item)).as_object();
    out["status_label"] = StatusLabel(item.status);
    out["genre_label"] = GenreLabel(item.genre);
    out["author_login"] = item.author_login;
    out["created_at"] = item.created_at;
    out["updated_at"] = item.updated_at;
    if (with_body) {
        out["body_md"] = item.body_md;
        json::array tags;
        for (const auto& tag : item.tags) {
            tags.emplace_back(tag);
        }
        out["tags"] = std::move(tags);
    } else {
        // Lists do not read these; empty arrays would say something untrue.
        for (const char* key : {"gallery_media_ids", "gallery_captions", "attachment_media_ids", "related_item_ids"}) {
            out.erase(key);
        }
    }
    return out;
}

json::value OptLogin(const std::string& login, const std::optional<std::int64_t>& id) {
    return id && !login.empty() ? json::value(login) : json::value(nullptr);
}

// A revision; with its text (every field an edit sends) or, in lists, only its title.
json::object RevisionJson(const Revision& revision, bool with_text) {
    json::object out{{"number", revision.number},
                     {"state", RevisionStateName(revision.state)},
                     {"state_label", RevisionStateLabel(revision.state)},
                     {"title", revision.content.title},
                     {"account_id", Opt(revision.account_id)},
                     {"account_login", OptLogin(revision.account_login, revision.account_id)},
                     {"created_at", revision.created_at},
                     {"updated_at", revision.updated_at},
                     {"decided_by", Opt(revision.decided_by)},
                     {"decided_login", OptLogin(revision.decided_login, revision.decided_by)},
                     {"decided_at", Opt(revision.decided_at)}};
    if (with_text) {
        json::object fields = ItemJson(revision.content, true);
        for (const char* key : {"genre", "slug", "sapo", "body_md", "pen_name", "source_unit_id", "extra_section_ids",
                                "tags", "featured_media_id", "featured_caption", "gallery_media_ids",
                                "gallery_captions", "attachment_media_ids", "related_item_ids"}) {
            out[key] = fields[key];
        }
    }
    return out;
}

json::object DiffJson(const RevisionDiff& compared) {
    json::array fields;
    for (const auto& change : compared.fields) {
        json::array lines;
        for (const auto& line : change.diff.lines) {
            lines.push_back(json::object{{"op", line.change == LineChange::kSame      ? "same"
                                                : line.change == LineChange::kDeleted ? "deleted"
                                                                                      : "inserted"},
                                         {"text", line.text}});
        }
        fields.push_back(json::object{{"field", change.field},
                                      {"label", change.label},
                                      {"changed", change.diff.Changed()},
                                      {"too_large", change.diff.too_large},
                                      {"lines", std::move(lines)}});
    }
    std::string against = compared.against_online ? "online" : compared.against_number ? "revision" : "none";
    return json::object{{"item_id", compared.revision.item_id},
                        {"revision", RevisionJson(compared.revision, false)},
                        {"against", json::object{{"kind", against}, {"number", Opt(compared.against_number)}}},
                        {"fields", std::move(fields)}};
}

json::array HistoryJson(const std::vector<ItemEvent>& events) {
    json::array out;
    for (const auto& event : events) {
        out.push_back(json::object{
            {"id", event.id},
            {"at", event.at},
            {"actor_account_id", Opt(event.actor_account_id)},
            {"actor", event.actor_login},
            {"action", event.action},
            {"action_label", ActionLabel(event.action)},
            {"from_status", event.from_status ? json::value(StatusName(*event.from_status)) : json::value(nullptr)},
            {"to_status", StatusName(event.to_status)},
            {"comment", event.comment}});
    }
    return out;
}

Response ItemResponse(Service& service, const org::Principal& principal, std::int64_t id, unsigned status = 200) {
    Item item = service.GetItem(principal, id);
    json::object out = ItemJson(item, true);
    out["history"] = HistoryJson(service.History(principal, id));
    std::optional<Revision> pending;
    if (item.status == ItemStatus::kPublished) {
        pending = service.PendingRevision(principal, id);
    }
    out["pending_revision"] = pending ? json::value(RevisionJson(*pending, true)) : json::value(nullptr);
    return Response::Json(json::serialize(out), status);
}

// The fields a change of the item starts from: a published item's pending revision when there is one.
ItemFields EditBase(Service& service, const org::Principal& principal, const Item& item) {
    if (item.status == ItemStatus::kPublished) {
        if (auto pending = service.PendingRevision(principal, item.id)) {
            return FieldsOf(pending->content);
        }
    }
    return FieldsOf(item);
}

std::optional<std::int64_t> PublishAt(const json::object& body) {
    auto found = body.find("publish_at");
    if (found == body.end() || found->value().is_null()) {
        return std::nullopt;
    }
    std::optional<std::int64_t> at;
    if (found->value().is_string()) {
        at = ParseIsoInstant(found->value().as_string());
    } else {
        at = AsInt(found->value());
    }
    if (!at) {
        throw ServiceError(ServiceError::Kind::kInvalid, std::string(kPublishAtHelp),
                           {{"publish_at", std::string(kPublishAtHelp)}});
    }
    return at;
}

void RegisterSites(http::Router& router, const org::Web& web, Service& service) {
    router.Add(verb::get, "/api/v1/sites", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        json::array items;
        for (const auto& desk : service.Desks(principal)) {
            items.push_back(SiteJson(desk));
        }
        return Response::Json(json::serialize(json::object{{"items", std::move(items)}}));
    }).summary = "Các trang thông tin mà người đăng nhập được làm việc (role: contributor, editor hoặc board)";
    router.Add(verb::post, "/api/v1/sites", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        if (!principal.HasRole(org::Role::kAdministrator)) {
            throw http::HttpError(403, "forbidden", "Chỉ quản trị hệ thống mới được tạo trang thông tin.");
        }
        Reader reader(body);
        std::string slug;
        std::string name;
        reader.Text("slug", slug);
        reader.Text("name", name);
        auto unit_id = reader.Id("unit_id", "Mã đơn vị phải là số nguyên.");
        if (!unit_id && !reader.Has("unit_id")) {
            reader.Fail("unit_id", "Hãy chọn đơn vị của trang.");
        }
        reader.Done();
        std::int64_t id = service.CreateSite(ActorOf(principal, request), unit_id.value_or(0), slug, name);
        return Response::Json(json::serialize(SiteJson(service.Desk(principal, id))), 201);
    }).summary = "Tạo trang thông tin cho một đơn vị (unit_id, slug, name); chỉ quản trị hệ thống";
    router.Add(verb::get, "/api/v1/sites/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        std::int64_t id = request.PathId("id");
        json::object out = SiteJson(service.Desk(principal, id));
        json::array sections;
        for (const auto& section : service.Sections(id)) {
            sections.push_back(SectionJson(section));
        }
        out["sections"] = std::move(sections);
        json::object counts;
        for (const auto& [status, count] : service.CountItems(principal, id)) {
            counts[StatusName(status)] = count;
        }
        out["counts"] = std::move(counts);
        return Response::Json(json::serialize(out));
    }).summary = "Một trang thông tin với các chuyên mục và số bài viết theo trạng thái";
    router.Add(verb::patch, "/api/v1/sites/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        std::int64_t id = request.PathId("id");
        SiteDesk desk = service.Desk(principal, id);
        auto body = web.JsonBody(request);
        Reader reader(body);
        SiteSettings settings{desk.site.name, desk.site.tagline, desk.site.host.value_or(""), desk.site.logo_media_id};
        reader.Text("name", settings.name);
        reader.Text("tagline", settings.tagline);
        reader.Text("host", settings.host);
        if (reader.Has("logo_media_id")) {
            settings.logo_media_id = reader.Id("logo_media_id", "Mã ảnh phải là số nguyên.");
        }
        auto version = reader.Id("version", "Phiên bản phải là số nguyên.");
        reader.Done();
        service.UpdateSite(org::Actor{&principal, request.remote_address}, id, version.value_or(desk.site.version),
                           settings);
        return Response::Json(json::serialize(SiteJson(service.Desk(principal, id))));
    }).summary = "Sửa tên, dòng giới thiệu, tên miền riêng và logo của trang (name, tagline, host, logo_media_id, version)";
    router.Add(verb::get, "/api/v1/sites/{id}/sections", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        std::int64_t id = request.PathId("id");
        service.Desk(principal, id);
        json::array items;
        for (const auto& section : service.Sections(id)) {
            items.push_back(SectionJson(section));
        }
        return Response::Json(json::serialize(json::object{{"items", std::move(items)}}));
    }).summary = "Các chuyên mục của một trang thông tin";
    router.Add(verb::post, "/api/v1/sites/{id}/sections", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        std::int64_t site_id = request.PathId("id");
        service.Desk(principal, site_id);
        Reader reader(body);
        std::string name;
        reader.Text("name", name);
        auto parent = reader.Id("parent_id", "Mã chuyên mục cha phải là số nguyên.");
        reader.Done();
        std::int64_t id = service.CreateSection(ActorOf(principal, request), site_id, parent, name);
        for (const auto& section : service.Sections(site_id)) {
            if (section.id == id) {
                return Response::Json(json::serialize(SectionJson(section)), 201);
            }
        }
        return Response::Json(json::serialize(json::object{{"id", id}}), 201);
    }).summary = "Thêm chuyên mục (name, parent_id); ban biên tập của trang";
    router.Add(verb::get, "/api/v1/sites/{id}/roles", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        json::array items;
        for (const auto& grant : service.SiteRoles(principal, request.PathId("id"))) {
            items.push_back(RoleGrantJson(grant));
        }
        return Response::Json(json::serialize(json::object{{"items", std::move(items)}}));
    }).summary = "Ai giữ vai trò nào trên trang (role: contributor, editor, board; section_id: null là cả trang)";
    router.Add(verb::post, "/api/v1/sites/{id}/roles", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        std::int64_t site_id = request.PathId("id");
        service.Desk(principal, site_id);
        Reader reader(body);
        std::string login;
        std::string role_name;
        reader.Text("login", login);
        reader.Text("role", role_name);
        auto section = reader.Id("section_id", "Mã chuyên mục phải là số nguyên.");
        reader.Done();
        auto role = ParseSiteRole(role_name);
        if (!role) {
            throw org::ServiceError(org::ServiceError::Kind::kInvalid,
                                    "Vai trò phải là contributor, editor hoặc board.",
                                    {{"role", "Vai trò phải là contributor, editor hoặc board."}});
        }
        std::int64_t id = service.GrantSiteRole(ActorOf(principal, request), site_id, login, *role, section);
        for (const auto& grant : service.SiteRoles(principal, site_id)) {
            if (grant.id == id) {
                return Response::Json(json::serialize(RoleGrantJson(grant)), 201);
            }
        }
        return Response::Json(json::serialize(json::object{{"id", id}}), 201);
    }).summary = "Giao vai trò trên cả trang hoặc một chuyên mục (login, role, section_id); ban biên tập của trang";
    router.Add(verb::delete_, "/api/v1/sites/{id}/roles/{grant}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        service.RevokeSiteRole(ActorOf(principal, request), request.PathId("id"), request.PathId("grant"));
        return Response::Json("{}");
    }).summary = "Thu hồi một vai trò trên trang; ban biên tập của trang";

    router.Add(verb::get, "/api/v1/sites/{id}/items", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        ItemQuery query;
        std::string status = request.query.Get("status");
        if (!status.empty()) {
            query.status = ParseStatus(status);
            if (!query.status) {
                std::string message = "Trạng thái không hợp lệ (draft, submitted, returned, approved, scheduled, "
                                      "published hoặc withdrawn).";
                throw ServiceError(ServiceError::Kind::kInvalid, message, {{"status", message}});
            }
        }
        query.page = std::clamp<std::int64_t>(org::ToInt(request.query.Get("page")).value_or(1), 1, 100000);
        query.per_page = std::clamp<std::int64_t>(org::ToInt(request.query.Get("per_page")).value_or(50), 1, 200);
        auto page = service.ListItems(principal, request.PathId("id"), query);
        json::array items;
        for (const auto& item : page.items) {
            items.push_back(ItemJson(item, false));
        }
        return Response::Json(json::serialize(json::object{{"items", std::move(items)},
                                                           {"total", page.total},
                                                           {"page", page.page},
                                                           {"per_page", page.per_page}}));
    }).summary = "Bài viết của một trang (status, page, per_page); cộng tác viên chỉ thấy bài của mình";
    auto& create = router.Add(verb::post, "/api/v1/sites/{id}/items", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        std::int64_t site_id = request.PathId("id");
        service.Desk(principal, site_id);
        Reader reader(body);
        auto section_id = reader.Id("section_id", "Hãy chọn một chuyên mục của trang này.");
        if (!section_id && !reader.Has("section_id")) {
            reader.Fail("section_id", "Hãy chọn một chuyên mục của trang này.");
        }
        ItemFields fields = FieldsFromJson(reader, ItemFields{});
        reader.Done();
        std::int64_t id = service.CreateDraft(ActorOf(principal, request), site_id, section_id.value_or(0), fields);
        return ItemResponse(service, principal, id, 201);
    });
    create.summary = "Viết bản nháp (section_id, genre, title, sapo, body_md, pen_name, extra_section_ids, tags)";
    create.body_limit = kItemBodyLimit;
}

void RegisterItems(http::Router& router, const org::Web& web, Service& service) {
    router.Add(verb::get, "/api/v1/items/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return ItemResponse(service, principal, request.PathId("id"));
    }).summary = "Một bài viết với nội dung và lịch sử biên tập";
    auto& patch = router.Add(verb::patch, "/api/v1/items/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        std::int64_t id = request.PathId("id");
        Item current = service.GetItem(principal, id);
        Reader reader(body);
        auto version = reader.Id("version", "Phiên bản (version) phải là số nguyên.");
        if (!version && !reader.Has("version")) {
            reader.Fail("version", "Cần gửi kèm version của bản đã đọc, để không ghi đè thay đổi của người khác.");
        }
        ItemFields fields = FieldsFromJson(reader, EditBase(service, principal, current));
        reader.Done();
        service.UpdateDraft(ActorOf(principal, request), id, version.value_or(0), fields);
        return ItemResponse(service, principal, id);
    });
    patch.summary =
        "Sửa bài viết (cần version để tránh ghi đè; chỉ các trường gửi lên thay đổi); với bài đã đăng, tạo hoặc "
        "thay bản sửa chờ đăng (pending_revision), nội dung đang đăng giữ nguyên";
    patch.body_limit = kItemBodyLimit;

    // A workflow step: the item must be visible before anything in the body is judged.
    auto step = [&web, &service](auto call) {
        return [&web, &service, call](Request& request) {
            auto principal = web.RequirePrincipal(request);
            web.CheckCsrf(request, principal, nullptr);
            auto body = OptionalBody(web, request);
            std::int64_t id = request.PathId("id");
            service.GetItem(principal, id);
            call(ActorOf(principal, request), id, body);
            return ItemResponse(service, principal, id);
        };
    };
    router.Add(verb::post, "/api/v1/items/{id}/submit", Mode::kBlocking,
               step([&service](const org::Actor& actor, std::int64_t id, const json::object&) {
                   service.Submit(actor, id);
               })).summary = "Gửi bài viết đi duyệt (tác giả)";
    router.Add(verb::post, "/api/v1/items/{id}/return", Mode::kBlocking,
               step([&service](const org::Actor& actor, std::int64_t id, const json::object& body) {
                   Reader reader(body);
                   std::string comment;
                   reader.Text("comment", comment);
                   reader.Done();
                   service.Return(actor, id, comment);
               })).summary = "Trả lại bài viết cho tác giả (comment bắt buộc)";
    router.Add(verb::post, "/api/v1/items/{id}/approve", Mode::kBlocking,
               step([&service](const org::Actor& actor, std::int64_t id, const json::object&) {
                   service.Approve(actor, id);
               })).summary = "Duyệt bài viết";
    router.Add(verb::post, "/api/v1/items/{id}/publish", Mode::kBlocking,
               step([&service](const org::Actor& actor, std::int64_t id, const json::object& body) {
                   service.Publish(actor, id, PublishAt(body));
               })).summary =
        "Đăng bài viết đã duyệt: ngay, hoặc hẹn giờ với publish_at (ISO 8601 có múi giờ hoặc mili giây)";
    router.Add(verb::post, "/api/v1/items/{id}/withdraw", Mode::kBlocking,
               step([&service](const org::Actor& actor, std::int64_t id, const json::object& body) {
                   Reader reader(body);
                   std::string comment;
                   reader.Text("comment", comment);
                   reader.Done();
                   service.Withdraw(actor, id, comment);
               })).summary = "Gỡ bài viết đã đăng hoặc đang hẹn giờ (comment)";

    // The version the editor saw, when sent, guards against publishing a revision someone just replaced.
    auto seen_version = [](const json::object& body) {
        Reader reader(body);
        auto version = reader.Id("version", "Phiên bản (version) phải là số nguyên.");
        reader.Done();
        return version;
    };
    router.Add(verb::post, "/api/v1/items/{id}/revision/publish", Mode::kBlocking,
               step([&service, seen_version](const org::Actor& actor, std::int64_t id, const json::object& body) {
                   service.PublishRevision(actor, id, seen_version(body));
               })).summary = "Đăng bản sửa chờ đăng của bài đã đăng (version tùy chọn); biên tập viên";
    router.Add(verb::post, "/api/v1/items/{id}/revision/discard", Mode::kBlocking,
               step([&service, seen_version](const org::Actor& actor, std::int64_t id, const json::object& body) {
                   service.DiscardRevision(actor, id, seen_version(body));
               })).summary = "Bỏ bản sửa chờ đăng, nội dung đang đăng giữ nguyên (version tùy chọn); biên tập viên";
    router.Add(verb::get, "/api/v1/items/{id}/revisions", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        json::array items;
        for (const auto& revision : service.Revisions(principal, request.PathId("id"))) {
            items.push_back(RevisionJson(revision, false));
        }
        return Response::Json(json::serialize(json::object{{"items", std::move(items)}}));
    }).summary = "Các phiên bản của bài viết: mỗi lần đăng, bản sửa chờ đăng và bản sửa đã bỏ";
    router.Add(verb::get, "/api/v1/items/{id}/revisions/{number}/diff", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto compared =
                       service.CompareRevision(principal, request.PathId("id"), request.PathId("number"));
                   return Response::Json(json::serialize(DiffJson(compared)));
               })
        .summary = "So sánh từng dòng tiêu đề, sapo và nội dung của một phiên bản với bản trước (bản chờ đăng: với "
                   "nội dung đang đăng)";
}

}  // namespace

void RegisterApi(http::Router& router, const org::Web& web, Service& service) {
    RegisterSites(router, web, service);
    RegisterItems(router, web, service);
}

}  // namespace tuyenvan::portal::newsroom
