// The newsroom's pages: sites, a site's items and sections, the item form and the workflow buttons.
// Every page works without JavaScript; editor.js only turns the body's textarea into an editor.
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <unordered_map>

#include "platform/markdown/markdown.hpp"
#include "platform/text/format.hpp"
#include "portal/newsroom.hpp"
#include "portal/routes.hpp"

namespace tuyenvan::portal::newsroom {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using http::Mode;
using http::Request;
using http::Response;
using org::ServiceError;

constexpr std::int64_t kPerPage = 30;
/// How many of the site's recent pictures, documents and published items the item form offers.
constexpr std::int64_t kChoices = 30;
/// A document is uploaded from at most 20 MB; the body carries a little more for the other fields.
constexpr std::size_t kUploadBodyLimit = std::size_t{21} * 1024 * 1024;
/// Unchanged lines kept around each change of a comparison; longer unchanged runs are folded.
constexpr std::size_t kDiffContext = 3;

org::Actor ActorOf(const org::Principal& principal, const Request& request) {
    return org::Actor{&principal, request.remote_address};
}

std::int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Runs `fn`, turning an expected service failure into its HTTP error here, so that a form handler can
// catch it and show the form again with what the person typed.
template <typename F>
auto Attempt(F fn) {
    try {
        return fn();
    } catch (const ServiceError& error) {
        org::Web::Rethrow(error);
    }
}

// Failures a form is shown again for; anything else (403, 404, CSRF) goes to the error page.
bool ShownOnForm(const http::HttpError& error) {
    return error.Status() == 400 || error.Status() == 409 || error.Status() == 422;
}

[[noreturn]] void Invalid(const std::string& field, const std::string& message) {
    throw ServiceError(ServiceError::Kind::kInvalid, message, {{field, message}});
}

std::string SitePath(std::int64_t site_id) { return "/quan-tri/trang/" + std::to_string(site_id); }
std::string RevisionPath(std::int64_t item_id, std::int64_t number) {
    return "/quan-tri/bai-viet/" + std::to_string(item_id) + "/phien-ban/" + std::to_string(number);
}
std::string ItemPath(std::int64_t item_id) { return "/quan-tri/bai-viet/" + std::to_string(item_id); }

std::int64_t PageNumber(const Request& request) {
    auto page = org::ToInt(request.query.Get("trang"));
    return page && *page > 0 && *page < 100000 ? *page : 1;
}

// The error summary at the top of a form links each message to its field, and "error_<id>" puts the
// message beside it; `anchors` maps a service field name to the input's id when they differ (several
// forms on one page).
void ShowErrors(view::Data& data, const http::HttpError& error,
                const std::map<std::string, std::string>& anchors = {}) {
    data.set("form_error", error.what());
    view::List list = view::MakeList();
    bool any = false;
    if (!error.details_json.empty()) {
        json::value fields = json::parse(error.details_json);
        for (const auto& [name, message] : fields.as_object()) {
            std::string field(name);
            std::string text = message.is_string() ? std::string(message.as_string()) : std::string(error.what());
            auto mapped = anchors.find(field);
            std::string anchor = mapped == anchors.end() ? field : mapped->second;
            data.set("error_" + anchor, text);
            view::Data item;
            item.set("anchor", anchor);
            item.set("message", text);
            view::Append(list, std::move(item));
            any = true;
        }
    }
    data["field_errors"] = std::move(list);
    data.set("has_field_errors", any);
}

struct Placed {
    const Section* section;
    int depth;
};

// Sections as a tree: each parent followed by its children, each level in the site's order.
std::vector<Placed> TreeOrder(const std::vector<Section>& sections) {
    std::vector<Placed> out;
    auto known = [&](std::int64_t id) {
        return std::any_of(sections.begin(), sections.end(), [&](const Section& s) { return s.id == id; });
    };
    auto visit = [&](auto& self, std::optional<std::int64_t> parent, int depth) -> void {
        for (const auto& section : sections) {
            bool root = !section.parent_id || !known(*section.parent_id);
            if ((parent ? section.parent_id == parent : root) && depth < 8) {
                out.push_back(Placed{&section, depth});
                self(self, section.id, depth + 1);
            }
        }
    };
    visit(visit, std::nullopt, 0);
    return out;
}

std::string Indented(const Placed& placed) {
    std::string prefix;
    for (int i = 0; i < placed.depth; ++i) {
        prefix += "— ";
    }
    return prefix + placed.section->name;
}

view::List GenreOptions(const std::string& selected) {
    view::List list = view::MakeList();
    for (Genre genre : kAllGenres) {
        view::Data option;
        option.set("value", std::string(GenreName(genre)));
        option.set("label", std::string(GenreLabel(genre)));
        option.set("selected", GenreName(genre) == selected);
        view::Append(list, std::move(option));
    }
    return list;
}

std::string JoinTags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& tag : tags) {
        out += (out.empty() ? "" : ", ") + tag;
    }
    return out;
}

std::vector<std::string> SplitTags(const std::string& text) {
    std::vector<std::string> tags;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos) {
            comma = text.size();
        }
        std::string tag = org::Trim(std::string_view(text).substr(start, comma - start));
        if (!tag.empty()) {
            tags.push_back(std::move(tag));
        }
        start = comma + 1;
    }
    return tags;
}

// What the item form sends; fields the form does not show keep their stored values (`base`).
ItemFields FieldsFromForm(const http::Params& form, ItemFields base, std::optional<std::int64_t> section_id) {
    base.genre = form.Get("genre");
    base.title = form.Get("title");
    base.sapo = form.Get("sapo");
    base.body_md = form.Get("body_md");
    base.pen_name = form.Get("pen_name");
    base.tags = SplitTags(form.Get("tags"));
    base.extra_section_ids.clear();
    for (const auto& value : form.GetAll("extra_section_ids")) {
        auto id = org::ToInt(value);
        // The main section ticked again among the extra ones means nothing more.
        if (id && id != section_id) {
            base.extra_section_ids.push_back(*id);
        }
    }
    // The pictures, documents and related items, when the form carried them.
    if (form.Has("media_form")) {
        auto ids = [&form](std::string_view name) {
            std::vector<std::int64_t> out;
            for (const auto& value : form.GetAll(name)) {
                // A value that is no number names no media: the service refuses id 0 with a message.
                out.push_back(org::ToInt(value).value_or(0));
            }
            return out;
        };
        auto without = [](std::vector<std::int64_t> kept, const std::vector<std::int64_t>& removed) {
            std::erase_if(kept, [&](std::int64_t id) {
                return std::find(removed.begin(), removed.end(), id) != removed.end();
            });
            return kept;
        };
        std::string featured = form.Get("featured_media_id");
        base.featured_media_id = featured.empty() ? std::nullopt : std::optional(org::ToInt(featured).value_or(0));
        base.featured_caption = form.Get("featured_caption");
        base.gallery_media_ids = without(ids("gallery_media_ids"), ids("gallery_remove"));
        base.gallery_captions.clear();
        for (auto id : base.gallery_media_ids) {
            base.gallery_captions.push_back(form.Get("gallery_caption_" + std::to_string(id)));
        }
        base.attachment_media_ids = without(ids("attachment_media_ids"), ids("attachment_remove"));
        base.related_item_ids = ids("related_item_ids");
    }
    return base;
}

std::string FileSize(std::int64_t bytes) {
    if (bytes < 1024 * 1024) {
        return text::FormatNumber(std::max<std::int64_t>(1, (bytes + 1023) / 1024)) + " KB";
    }
    std::int64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    return text::FormatNumber(tenths / 10) + "," + std::to_string(tenths % 10) + " MB";
}

// The featured picture, gallery, attachments and related items of the item form: what the item has, and
// the site's recent uploads and published items to choose from. `self` is the item's id (0 when new).
void MediaFields(view::Data& data, Service& service, const org::Principal& principal, const ItemFields& fields,
                 std::int64_t site_id, std::int64_t self) {
    auto images = service.SiteMedia(principal, site_id, "image", kChoices);
    auto documents = service.SiteMedia(principal, site_id, "document", kChoices);
    std::vector<std::int64_t> shown_ids = fields.gallery_media_ids;
    shown_ids.insert(shown_ids.end(), fields.attachment_media_ids.begin(), fields.attachment_media_ids.end());
    if (fields.featured_media_id) {
        shown_ids.push_back(*fields.featured_media_id);
    }
    auto shown = service.FindMedia(principal, site_id, shown_ids);
    auto find = [&](std::int64_t id) -> const StoredMedia* {
        auto hit = std::find_if(shown.begin(), shown.end(), [id](const StoredMedia& m) { return m.id == id; });
        return hit == shown.end() ? nullptr : &*hit;
    };
    auto in = [](const std::vector<std::int64_t>& ids, std::int64_t id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    auto thumbnail = [](view::Data& row, const StoredMedia& media) {
        row.set("id", std::to_string(media.id));
        row.set("thumb", "/media/" + std::to_string(media.id) + "/320.jpg");
        row.set("alt", media.alt);
        row.set("name", media.name);
    };

    view::List featured = view::MakeList();
    bool featured_listed = false;
    auto featured_option = [&](const StoredMedia& media) {
        view::Data option;
        option.set("value", std::to_string(media.id));
        option.set("label", media.alt.empty() ? media.name : media.alt + " (" + media.name + ")");
        option.set("selected", fields.featured_media_id == media.id);
        featured_listed |= fields.featured_media_id == media.id;
        view::Append(featured, std::move(option));
    };
    for (const auto& media : images) {
        featured_option(media);
    }
    if (fields.featured_media_id && !featured_listed) {
        if (const auto* media = find(*fields.featured_media_id); media != nullptr && media->kind == "image") {
            featured_option(*media);
        }
    }
    data["featured_options"] = std::move(featured);
    data.set("featured_caption", fields.featured_caption);
    if (fields.featured_media_id) {
        if (const auto* media = find(*fields.featured_media_id); media != nullptr && media->kind == "image") {
            view::Data picture;
            thumbnail(picture, *media);
            data["featured_picture"] = std::move(picture);
        }
    }

    view::List gallery = view::MakeList();
    for (std::size_t i = 0; i < fields.gallery_media_ids.size(); ++i) {
        const auto* media = find(fields.gallery_media_ids[i]);
        if (media == nullptr) {
            continue;
        }
        view::Data row;
        thumbnail(row, *media);
        row.set("caption", i < fields.gallery_captions.size() ? fields.gallery_captions[i] : "");
        row.set("own_caption", media->caption);
        view::Append(gallery, std::move(row));
    }
    data.set("has_gallery", !fields.gallery_media_ids.empty());
    data["gallery"] = std::move(gallery);
    view::List gallery_choices = view::MakeList();
    bool any_gallery_choice = false;
    for (const auto& media : images) {
        if (!in(fields.gallery_media_ids, media.id)) {
            view::Data row;
            thumbnail(row, media);
            view::Append(gallery_choices, std::move(row));
            any_gallery_choice = true;
        }
    }
    data["gallery_choices"] = std::move(gallery_choices);
    data.set("has_gallery_choices", any_gallery_choice);

    view::List attachments = view::MakeList();
    for (auto id : fields.attachment_media_ids) {
        if (const auto* media = find(id)) {
            view::Data row;
            row.set("id", std::to_string(media->id));
            row.set("name", media->name);
            row.set("url", media->url);
            row.set("size", FileSize(media->bytes));
            if (!media->caption.empty()) {
                row.set("caption", media->caption);
            }
            view::Append(attachments, std::move(row));
        }
    }
    data.set("has_attachments", !fields.attachment_media_ids.empty());
    data["attachments"] = std::move(attachments);
    view::List document_choices = view::MakeList();
    bool any_document_choice = false;
    for (const auto& media : documents) {
        if (!in(fields.attachment_media_ids, media.id)) {
            view::Data row;
            row.set("id", std::to_string(media.id));
            row.set("name", media.name);
            row.set("size", FileSize(media.bytes));
            view::Append(document_choices, std::move(row));
            any_document_choice = true;
        }
    }
    data["document_choices"] = std::move(document_choices);
    data.set("has_document_choices", any_document_choice);

    view::List related = view::MakeList();
    bool any_related = false;
    for (const auto& teaser : service.RelatedChoices(principal, site_id, fields.related_item_ids, kChoices)) {
        if (teaser.id == self) {
            continue;
        }
        view::Data row;
        row.set("id", std::to_string(teaser.id));
        row.set("title", teaser.title);
        row.set("published", FormatWhen(teaser.published_at));
        row.set("checked", in(fields.related_item_ids, teaser.id));
        view::Append(related, std::move(row));
        any_related = true;
    }
    data["related_choices"] = std::move(related);
    data.set("has_related_choices", any_related);
}

// The fields of the item form, shared by the new and the edit page.
void FormFields(view::Data& data, const ItemFields& fields, std::int64_t site_id,
                const std::vector<Section>& sections, const std::vector<OutreachColumn>& columns,
                std::optional<std::int64_t> main_section) {
    data["genres"] = GenreOptions(fields.genre);
    data.set("title", fields.title);
    data.set("sapo", fields.sapo);
    data.set("body_md", fields.body_md);
    data.set("pen_name", fields.pen_name);
    data.set("tags", JoinTags(fields.tags));
    data.set("site_id", std::to_string(site_id));
    auto ticked = [&](std::int64_t id) {
        return std::find(fields.extra_section_ids.begin(), fields.extra_section_ids.end(), id) !=
               fields.extra_section_ids.end();
    };
    view::List own = view::MakeList();
    bool any_own = false;
    for (const auto& placed : TreeOrder(sections)) {
        if (placed.section->id == main_section) {
            continue;
        }
        any_own = true;
        view::Data option;
        option.set("value", std::to_string(placed.section->id));
        option.set("label", Indented(placed));
        option.set("checked", ticked(placed.section->id));
        view::Append(own, std::move(option));
    }
    view::List shared = view::MakeList();
    bool any_shared = false;
    for (const auto& column : columns) {
        if (column.section.site_id == site_id) {
            continue;
        }
        view::Data option;
        option.set("value", std::to_string(column.section.id));
        option.set("label", column.site_name + " — " + column.section.name);
        option.set("checked", ticked(column.section.id));
        view::Append(shared, std::move(option));
        any_shared = true;
    }
    data["own_sections"] = std::move(own);
    data.set("has_own_sections", any_own);
    data["shared_sections"] = std::move(shared);
    data.set("has_shared_sections", any_shared);
}

view::Data SiteData(const SiteDesk& desk) {
    view::Data data;
    data.set("site_id", std::to_string(desk.site.id));
    // Not "site_name": the layout's, the whole system's name.
    data.set("portal_name", desk.site.name);
    data.set("site_slug", desk.site.slug);
    std::string role_label(SiteRoleLabel(desk.Most()));
    if (desk.Most() > desk.role) {
        role_label += desk.role == SiteRole::kNone ? " (một số chuyên mục)"
                                                   : " (một số chuyên mục); " + std::string(SiteRoleLabel(desk.role)) +
                                                         " (cả trang)";
    }
    data.set("role_label", role_label);
    // Editors of the whole site see every item; the board keeps the site's settings, sections and roles.
    data.set("sees_all", desk.role >= SiteRole::kEditor);
    data.set("section_scope", desk.Most() >= SiteRole::kEditor && desk.role < SiteRole::kEditor);
    data.set("is_board", desk.role >= SiteRole::kBoard);
    return data;
}

// ---------- the list of sites ----------

struct SiteForm {
    std::int64_t unit_id = 0;
    std::string slug;
    std::string name;
};

Response SitesPage(const org::Web& web, Service& service, const org::Principal& principal, const Request& request,
                   const SiteForm& typed, const http::HttpError* error) {
    view::Data data;
    std::unordered_map<std::int64_t, std::string> unit_names;
    for (const auto& unit : web.Org().UnitChoices(principal, org::Permission::kUnitsRead)) {
        unit_names.emplace(unit.id, unit.full_name);
    }
    view::List rows = view::MakeList();
    auto desks = service.Desks(principal);
    for (const auto& desk : desks) {
        view::Data row = SiteData(desk);
        auto unit = unit_names.find(desk.site.unit_id);
        if (unit != unit_names.end()) {
            row.set("unit_name", unit->second);
        }
        view::Append(rows, std::move(row));
    }
    data["sites"] = std::move(rows);
    data.set("has_sites", !desks.empty());
    // The column's statistics: editors of a whole site and those who compile the monthly report.
    bool statistics = std::any_of(desks.begin(), desks.end(), [](const SiteDesk& d) { return d.role >= SiteRole::kEditor; });
    for (const auto& grant : principal.grants) {
        statistics |= grant.role == org::Role::kProvinceOffice || grant.role == org::Role::kDistrictOfficer;
    }
    data.set("can_see_statistics", statistics);
    bool administrator = principal.HasRole(org::Role::kAdministrator);
    data.set("can_create", administrator);
    if (administrator) {
        view::List units = view::MakeList();
        for (const auto& unit : web.Org().UnitChoices(principal, org::Permission::kUnitsWrite)) {
            view::Data option;
            option.set("value", std::to_string(unit.id));
            option.set("label", std::string(static_cast<std::size_t>(unit.depth) * 2, ' ') + unit.full_name);
            option.set("selected", unit.id == typed.unit_id);
            view::Append(units, std::move(option));
        }
        data["units"] = std::move(units);
        data.set("slug", typed.slug);
        data.set("name", typed.name);
    }
    if (error != nullptr) {
        ShowErrors(data, *error);
    }
    if (request.query.Get("da") == "tao-trang") {
        data.set("notice", "Đã tạo trang thông tin.");
    }
    return web.Page("portal/newsroom/sites", std::move(data), principal, "Trang thông tin điện tử",
                    error != nullptr ? error->Status() : 200);
}

void RegisterSites(http::Router& router, const org::Web& web, Service& service) {
    router.Add(verb::get, "/quan-tri/trang", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return SitesPage(web, service, principal, request, SiteForm{}, nullptr);
    });
    router.Add(verb::post, "/quan-tri/trang", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        // The service decides on the unit; this only spares others a form they may never send.
        if (!principal.HasRole(org::Role::kAdministrator)) {
            throw http::HttpError(403, "forbidden", "Chỉ quản trị hệ thống mới được tạo trang thông tin.");
        }
        SiteForm typed{org::ToInt(form.Get("unit_id")).value_or(0), form.Get("slug"), form.Get("name")};
        try {
            std::int64_t id = Attempt([&] {
                if (typed.unit_id == 0) {
                    Invalid("unit_id", "Hãy chọn đơn vị của trang.");
                }
                return service.CreateSite(ActorOf(principal, request), typed.unit_id, typed.slug, typed.name);
            });
            return Response::Redirect(SitePath(id) + "?da=tao-trang");
        } catch (const http::HttpError& error) {
            if (!ShownOnForm(error)) {
                throw;
            }
            return SitesPage(web, service, principal, request, typed, &error);
        }
    });
}

// ---------- one site: items and sections ----------

Response SitePage(const org::Web& web, Service& service, const org::Principal& principal, const Request& request,
                  std::int64_t site_id, const std::string& typed_section, const http::HttpError* error,
                  const std::string& typed_login = "") {
    SiteDesk desk = service.Desk(principal, site_id);
    view::Data data = SiteData(desk);
    if (desk.role >= SiteRole::kBoard) {
        // The site's own settings: name, tagline, host name and logo.
        view::Data settings;
        settings.set("version", std::to_string(desk.site.version));
        settings.set("name", desk.site.name);
        settings.set("tagline", desk.site.tagline);
        settings.set("host", desk.site.host.value_or(""));
        view::List logos = view::MakeList();
        for (const auto& picture : service.SiteMedia(principal, site_id, "image", 50)) {
            view::Data option;
            option.set("value", std::to_string(picture.id));
            option.set("label", picture.alt + " (" + picture.name + ")");
            option.set("selected", desk.site.logo_media_id == picture.id);
            view::Append(logos, std::move(option));
        }
        settings["logos"] = std::move(logos);
        data["settings"] = std::move(settings);
    }
    std::string base = SitePath(site_id);

    ItemQuery query;
    std::string status_name = request.query.Get("trang-thai");
    query.status = ParseStatus(status_name);
    if (!query.status) {
        status_name.clear();
    }
    query.page = PageNumber(request);
    query.per_page = kPerPage;
    auto counts = service.CountItems(principal, site_id);
    std::int64_t total = 0;
    for (const auto& [status, count] : counts) {
        total += count;
    }
    view::List tabs = view::MakeList();
    auto tab = [&](const std::string& name, const std::string& label, std::int64_t count) {
        view::Data item;
        item.set("href", name.empty() ? base : base + "?trang-thai=" + name);
        item.set("label", label);
        item.set("count", text::FormatNumber(count));
        item.set("current", name == status_name);
        view::Append(tabs, std::move(item));
    };
    tab("", "Tất cả", total);
    for (const auto& [status, count] : counts) {
        tab(std::string(StatusName(status)), std::string(StatusLabel(status)), count);
    }
    data["tabs"] = std::move(tabs);
    data.set("filter_label", query.status ? std::string(StatusLabel(*query.status)) : "Tất cả");

    auto sections = service.Sections(site_id);
    std::unordered_map<std::int64_t, std::string> section_names;
    for (const auto& section : sections) {
        section_names.emplace(section.id, section.name);
    }
    auto page = service.ListItems(principal, site_id, query);
    view::List rows = view::MakeList();
    for (const auto& item : page.items) {
        view::Data row;
        row.set("id", std::to_string(item.id));
        row.set("title", item.title);
        row.set("section", section_names.contains(item.section_id) ? section_names[item.section_id] : "");
        row.set("genre", std::string(GenreLabel(item.genre)));
        row.set("author", item.author_login);
        if (!item.pen_name.empty()) {
            row.set("pen_name", item.pen_name);
        }
        row.set("status", std::string(StatusName(item.status)));
        row.set("status_label", std::string(StatusLabel(item.status)));
        row.set("updated", FormatWhen(item.updated_at));
        if (item.status == ItemStatus::kScheduled && item.publish_at) {
            row.set("publish_at", FormatWhen(*item.publish_at));
        }
        view::Append(rows, std::move(row));
    }
    data["items"] = std::move(rows);
    data.set("has_items", !page.items.empty());
    data.set("count", text::FormatNumber(page.total));
    data["pagination"] =
        org::Pagination(page.page, page.per_page, page.total, status_name.empty() ? "" : "trang-thai=" + status_name);

    view::List tree = view::MakeList();
    view::List parents = view::MakeList();
    for (const auto& placed : TreeOrder(sections)) {
        view::Data row;
        row.set("id", std::to_string(placed.section->id));
        row.set("name", Indented(placed));
        row.set("slug", placed.section->slug);
        row.set("is_outreach", placed.section->is_outreach);
        view::Append(tree, std::move(row));
        view::Data option;
        option.set("value", std::to_string(placed.section->id));
        option.set("label", Indented(placed));
        view::Append(parents, std::move(option));
    }
    data["sections"] = std::move(tree);
    data["section_parents"] = std::move(parents);
    data.set("section_name", typed_section);

    if (desk.role >= SiteRole::kEditor) {
        // Who holds which role: the board gives and takes back roles on the site or on one section.
        view::List roles = view::MakeList();
        for (const auto& grant : service.SiteRoles(principal, site_id)) {
            view::Data row;
            row.set("id", std::to_string(grant.id));
            row.set("login", grant.account.login);
            row.set("name", grant.account.name);
            row.set("role_label", std::string(SiteRoleLabel(grant.role)));
            row.set("scope", grant.section_id ? "Chuyên mục " + grant.section_name : std::string("Cả trang"));
            row.set("revocable", grant.id != 0 && desk.role >= SiteRole::kBoard);
            row.set("from_unit", grant.id == 0);
            view::Append(roles, std::move(row));
        }
        data["roles"] = std::move(roles);
        data.set("show_roles", true);
        view::List role_sections = view::MakeList();
        for (const auto& placed : TreeOrder(sections)) {
            view::Data option;
            option.set("value", std::to_string(placed.section->id));
            option.set("label", Indented(placed));
            view::Append(role_sections, std::move(option));
        }
        data["role_sections"] = std::move(role_sections);
        data.set("role_login", typed_login);
    }
    if (error != nullptr) {
        ShowErrors(data, *error,
                   {{"name", "section_name"}, {"login", "role_login"}, {"role", "role_role"}, {"section_id", "role_section"}});
    }
    std::string done = request.query.Get("da");
    if (done == "tao-trang") {
        data.set("notice", "Đã tạo trang thông tin.");
    } else if (done == "chuyen-muc") {
        data.set("notice", "Đã thêm chuyên mục.");
    } else if (done == "giao-vai-tro") {
        data.set("notice", "Đã giao vai trò.");
    } else if (done == "thu-hoi-vai-tro") {
        data.set("notice", "Đã thu hồi vai trò.");
    }
    return web.Page("portal/newsroom/site", std::move(data), principal, desk.site.name,
                    error != nullptr ? error->Status() : 200);
}

void RegisterSiteRoles(http::Router& router, const org::Web& web, Service& service) {
    router.Add(verb::post, "/quan-tri/trang/{id}/vai-tro", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        std::int64_t site_id = request.PathId("id");
        service.Desk(principal, site_id);
        try {
            Attempt([&] {
                auto role = ParseSiteRole(form.Get("role"));
                if (!role) {
                    Invalid("role", "Hãy chọn vai trò.");
                }
                std::optional<std::int64_t> section;
                if (!form.Get("section_id").empty()) {
                    section = org::ToInt(form.Get("section_id"));
                    if (!section) {
                        Invalid("section_id", "Chuyên mục không hợp lệ.");
                    }
                }
                return service.GrantSiteRole(ActorOf(principal, request), site_id, form.Get("login"), *role, section);
            });
            return Response::Redirect(SitePath(site_id) + "?da=giao-vai-tro#vai-tro");
        } catch (const http::HttpError& error) {
            if (!ShownOnForm(error)) {
                throw;
            }
            return SitePage(web, service, principal, request, site_id, "", &error, form.Get("login"));
        }
    });
    router.Add(verb::post, "/quan-tri/trang/{id}/vai-tro/{grant}/xoa", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto form = web.Form(request);
                   web.CheckCsrf(request, principal, &form);
                   std::int64_t site_id = request.PathId("id");
                   service.RevokeSiteRole(ActorOf(principal, request), site_id, request.PathId("grant"));
                   return Response::Redirect(SitePath(site_id) + "?da=thu-hoi-vai-tro#vai-tro");
               });
}

void RegisterSite(http::Router& router, const org::Web& web, Service& service) {
    router.Add(verb::get, "/quan-tri/trang/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return SitePage(web, service, principal, request, request.PathId("id"), "", nullptr);
    });
    router.Add(verb::post, "/quan-tri/trang/{id}/thong-tin", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        std::int64_t site_id = request.PathId("id");
        service.Desk(principal, site_id);
        SiteSettings settings{form.Get("name"), form.Get("tagline"), form.Get("host"), std::nullopt};
        if (!form.Get("logo_media_id").empty()) {
            settings.logo_media_id = org::ToInt(form.Get("logo_media_id"));
            if (!settings.logo_media_id) {
                throw http::HttpError(422, "invalid", "Logo không hợp lệ.");
            }
        }
        auto version = org::ToInt(form.Get("version"));
        if (!version) {
            throw http::HttpError(422, "invalid", "Biểu mẫu thiếu phiên bản; hãy tải lại trang.");
        }
        service.UpdateSite(ActorOf(principal, request), site_id, *version, settings);
        return Response::Redirect(SitePath(site_id) + "?da=thong-tin#thong-tin");
    });
    router.Add(verb::post, "/quan-tri/trang/{id}/chuyen-muc", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        std::int64_t site_id = request.PathId("id");
        service.Desk(principal, site_id);
        try {
            Attempt([&] {
                std::optional<std::int64_t> parent;
                if (!form.Get("parent_id").empty()) {
                    parent = org::ToInt(form.Get("parent_id"));
                    if (!parent) {
                        Invalid("parent_id", "Chuyên mục cha không hợp lệ.");
                    }
                }
                return service.CreateSection(ActorOf(principal, request), site_id, parent, form.Get("name"));
            });
            return Response::Redirect(SitePath(site_id) + "?da=chuyen-muc#chuyen-muc");
        } catch (const http::HttpError& error) {
            if (!ShownOnForm(error)) {
                throw;
            }
            return SitePage(web, service, principal, request, site_id, form.Get("name"), &error);
        }
    });
}

// ---------- a new item ----------

Response NewItemPage(const org::Web& web, Service& service, const org::Principal& principal, std::int64_t site_id,
                     const ItemFields& fields, std::optional<std::int64_t> section_id,
                     const http::HttpError* error) {
    SiteDesk desk = service.Desk(principal, site_id);
    view::Data data = SiteData(desk);
    auto sections = service.Sections(site_id);
    view::List options = view::MakeList();
    for (const auto& placed : TreeOrder(sections)) {
        // Only the sections the person may write for.
        if (desk.On(placed.section->id) == SiteRole::kNone) {
            continue;
        }
        view::Data option;
        option.set("value", std::to_string(placed.section->id));
        option.set("label", Indented(placed));
        option.set("selected", placed.section->id == section_id);
        view::Append(options, std::move(option));
    }
    data["section_options"] = std::move(options);
    FormFields(data, fields, site_id, sections, service.OutreachColumns(), std::nullopt);
    MediaFields(data, service, principal, fields, site_id, 0);
    data.set("is_new", true);
    if (error != nullptr) {
        ShowErrors(data, *error);
    }
    return web.Page("portal/newsroom/item_new", std::move(data), principal, "Viết bài mới",
                    error != nullptr ? error->Status() : 200);
}

void RegisterNewItem(http::Router& router, const org::Web& web, Service& service) {
    router.Add(verb::get, "/quan-tri/trang/{id}/bai-viet/moi", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return NewItemPage(web, service, principal, request.PathId("id"), ItemFields{},
                           org::ToInt(request.query.Get("chuyen-muc")), nullptr);
    });
    router.Add(verb::post, "/quan-tri/trang/{id}/bai-viet", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        std::int64_t site_id = request.PathId("id");
        // Someone with no desk on the site hears so before any word about the form.
        service.Desk(principal, site_id);
        auto section_id = org::ToInt(form.Get("section_id"));
        ItemFields fields = FieldsFromForm(form, ItemFields{}, section_id);
        try {
            std::int64_t id = Attempt([&] {
                if (!section_id) {
                    Invalid("section_id", "Hãy chọn một chuyên mục của trang này.");
                }
                return service.CreateDraft(ActorOf(principal, request), site_id, *section_id, fields);
            });
            return Response::Redirect(ItemPath(id) + "?da=tao");
        } catch (const http::HttpError& error) {
            if (!ShownOnForm(error)) {
                throw;
            }
            return NewItemPage(web, service, principal, site_id, fields, section_id, &error);
        }
    }).body_limit = kItemBodyLimit;
}

// ---------- one item: edit form, workflow, history ----------

// What a failed post puts back on the item page.
struct ItemFailure {
    const http::HttpError* error = nullptr;
    /// The edit form as it was sent, and the version it was built from.
    std::optional<ItemFields> typed;
    std::int64_t typed_version = 0;
    /// Which workflow form failed ("tra-lai", "dang", "go", "tep", "dang-ban-sua", "bo-ban-sua"), and what it
    /// carried.
    std::string action;
    std::string comment;
    std::string publish_at;
    std::string file_caption;
};

// Who may do what; the service decides again on every post.
struct Allowed {
    bool edit = false;
    bool submit = false;
    bool give_back = false;
    bool approve = false;
    bool publish = false;
    bool withdraw = false;
    bool decide_revision = false;  ///< publish or drop the pending revision
};

Allowed AllowedOn(const Item& item, SiteRole role, const org::Principal& principal) {
    bool editor = role >= SiteRole::kEditor;
    bool board = role >= SiteRole::kBoard;
    bool author = item.author_account_id == principal.account_id;
    auto in = [&](std::initializer_list<ItemStatus> statuses) {
        return std::find(statuses.begin(), statuses.end(), item.status) != statuses.end();
    };
    Allowed allowed;
    allowed.edit = (author && in({ItemStatus::kDraft, ItemStatus::kReturned})) ||
                   (editor && item.status != ItemStatus::kWithdrawn);
    allowed.submit = author && in({ItemStatus::kDraft, ItemStatus::kReturned});
    allowed.give_back = editor && in({ItemStatus::kSubmitted, ItemStatus::kApproved});
    allowed.approve = editor && item.status == ItemStatus::kSubmitted;
    allowed.publish = board && item.status == ItemStatus::kApproved;
    allowed.withdraw = board && in({ItemStatus::kPublished, ItemStatus::kScheduled});
    allowed.decide_revision = board && item.status == ItemStatus::kPublished;
    return allowed;
}

std::string DoneMessage(const std::string& done, const Item& item) {
    bool published = item.status == ItemStatus::kPublished;
    if (done == "tao") return "Đã tạo bản nháp. Bạn có thể sửa tiếp hoặc gửi duyệt.";
    if (done == "luu" && published) {
        return "Đã lưu bản sửa. Trang công khai vẫn giữ nội dung đang đăng cho đến khi bản sửa được đăng.";
    }
    if (done == "luu") return "Đã lưu bài viết.";
    if (done == "tep" && published) return "Đã tải tệp lên và đính kèm vào bản sửa (chờ đăng).";
    if (done == "tep") return "Đã tải tệp lên và đính kèm vào bài viết.";
    if (done == "dang-ban-sua") return "Đã đăng bản sửa: trang công khai hiện nội dung mới.";
    if (done == "bo-ban-sua") return "Đã bỏ bản sửa; nội dung đang đăng giữ nguyên.";
    if (done == "gui-duyet") return "Đã gửi bài viết đi duyệt.";
    if (done == "tra-lai") return "Đã trả lại bài viết cho tác giả.";
    if (done == "duyet") return "Đã duyệt bài viết.";
    if (done == "dang") {
        if (item.status == ItemStatus::kScheduled && item.publish_at) {
            return "Đã hẹn giờ đăng bài viết lúc " + FormatWhen(*item.publish_at) + ".";
        }
        return "Đã đăng bài viết.";
    }
    if (done == "go") return "Đã gỡ bài viết.";
    return "";
}

Response ItemPage(const org::Web& web, Service& service, const org::Principal& principal, const Request& request,
                  std::int64_t item_id, const ItemFailure& failure) {
    Item item = service.GetItem(principal, item_id);
    SiteDesk desk = service.Desk(principal, item.site_id);
    auto sections = service.Sections(item.site_id);
    Allowed allowed = AllowedOn(item, desk.On(item.section_id), principal);
    view::Data data = SiteData(desk);

    data.set("item_id", std::to_string(item.id));
    data.set("heading", item.title);
    data.set("status", std::string(StatusName(item.status)));
    data.set("status_label", std::string(StatusLabel(item.status)));
    data.set("author", item.author_login);
    data.set("genre_label", std::string(GenreLabel(item.genre)));
    for (const auto& section : sections) {
        if (section.id == item.section_id) {
            data.set("section_name", section.name);
        }
    }
    data.set("created", FormatWhen(item.created_at));
    data.set("updated", FormatWhen(item.updated_at));
    if (item.published_at) {
        data.set("published", FormatWhen(*item.published_at));
    }
    if (item.publish_at) {
        data.set("publish_at_label", FormatWhen(*item.publish_at));
    }

    bool published = item.status == ItemStatus::kPublished;
    auto pending = published ? service.PendingRevision(principal, item_id) : std::nullopt;
    // What an edit starts from: the correction waiting, on a published item that has one.
    const Item& editable = pending ? pending->content : item;
    data.set("is_published", published);
    if (pending) {
        view::Data notice;
        notice.set("number", std::to_string(pending->number));
        notice.set("by", pending->account_login.empty() ? "Hệ thống" : pending->account_login);
        notice.set("at", FormatWhen(pending->updated_at));
        notice.set("href", RevisionPath(item.id, pending->number));
        data["pending"] = std::move(notice);
    }
    data.set("can_decide_revision", allowed.decide_revision && pending.has_value());

    data.set("can_edit", allowed.edit || failure.typed.has_value());
    if (allowed.edit || failure.typed) {
        bool stale = failure.typed && failure.typed_version != item.version;
        ItemFields shown = failure.typed ? *failure.typed : FieldsOf(editable);
        FormFields(data, shown, item.site_id, sections, service.OutreachColumns(), item.section_id);
        MediaFields(data, service, principal, shown, item.site_id, item.id);
        if (stale) {
            data.set("stale", true);
            data.set("stored_version", std::to_string(item.version));
            data.set("stored_title", editable.title);
            data.set("stored_sapo", editable.sapo);
            data.set("stored_body", editable.body_md);
        }
    }
    // The forms carry the stored version; after a conflict, saving again is a choice made with both texts in
    // view, not an accident.
    data.set("version", std::to_string(item.version));
    // The text readers see (a published item) or will see (the others), unless the form already shows it.
    if (published || !(allowed.edit || failure.typed)) {
        data.set("show_preview", true);
        // Absent keys, not empty strings: a Mustache section shows for any string, even an empty one.
        if (!item.sapo.empty()) {
            data.set("sapo_preview", item.sapo);
        }
        // Published items show the HTML rendered at publication; the rest a preview, rendered as safely.
        data["preview_html"] = published && !item.body_html.empty() ? item.body_html : markdown::RenderHtml(item.body_md);
        if (!item.pen_name.empty()) {
            data.set("pen_name_preview", item.pen_name);
        }
    }
    data.set("file_caption", failure.action == "tep" ? failure.file_caption : "");

    view::List revisions = view::MakeList();
    auto all_revisions = service.Revisions(principal, item_id);
    for (auto it = all_revisions.rbegin(); it != all_revisions.rend(); ++it) {
        view::Data row;
        row.set("number", std::to_string(it->number));
        row.set("state", std::string(RevisionStateName(it->state)));
        row.set("state_label", std::string(RevisionStateLabel(it->state)));
        row.set("by", it->account_login.empty() ? "Hệ thống" : it->account_login);
        row.set("at", FormatWhen(it->state == RevisionState::kPending ? it->updated_at : it->created_at));
        // Who published or dropped it, when that is news: a correction, not a text its publisher wrote.
        if (it->decided_at && (it->state != RevisionState::kApplied || it->decided_login != it->account_login)) {
            row.set("decided", (it->decided_login.empty() ? std::string("Hệ thống") : it->decided_login) + ", " +
                                   FormatWhen(*it->decided_at));
        }
        row.set("href", RevisionPath(item.id, it->number));
        view::Append(revisions, std::move(row));
    }
    data.set("has_revisions", !all_revisions.empty());
    data["revisions"] = std::move(revisions);

    data.set("can_submit", allowed.submit);
    data.set("can_return", allowed.give_back);
    data.set("can_approve", allowed.approve);
    data.set("can_publish", allowed.publish);
    data.set("can_withdraw", allowed.withdraw);
    data.set("has_actions", allowed.submit || allowed.give_back || allowed.approve || allowed.publish ||
                                allowed.withdraw);
    data.set("now_local", FormatLocalDateTime(NowMs()));
    data.set("return_comment", failure.action == "tra-lai" ? failure.comment : "");
    data.set("withdraw_comment", failure.action == "go" ? failure.comment : "");
    data.set("publish_at", failure.action == "dang" ? failure.publish_at : "");

    view::List events = view::MakeList();
    for (const auto& event : service.History(principal, item_id)) {
        view::Data row;
        row.set("at", FormatWhen(event.at));
        row.set("actor", event.actor_account_id ? event.actor_login : "Hệ thống (đăng theo lịch)");
        row.set("action", std::string(ActionLabel(event.action)));
        if (event.from_status && *event.from_status != event.to_status) {
            row.set("from", std::string(StatusLabel(*event.from_status)));
        }
        row.set("to", std::string(StatusLabel(event.to_status)));
        if (!event.comment.empty()) {
            row.set("comment", event.comment);
        }
        view::Append(events, std::move(row));
    }
    data["history"] = std::move(events);

    if (failure.error != nullptr) {
        std::map<std::string, std::string> anchors;
        if (failure.action == "tra-lai") {
            anchors = {{"comment", "return_comment"}};
        } else if (failure.action == "go") {
            anchors = {{"comment", "withdraw_comment"}};
        } else if (failure.action == "tep") {
            anchors = {{"file", "attachment_file"}, {"caption", "attachment_caption"}};
        }
        ShowErrors(data, *failure.error, anchors);
    } else {
        std::string done = DoneMessage(request.query.Get("da"), item);
        if (!done.empty()) {
            data.set("notice", done);
        }
    }
    return web.Page("portal/newsroom/item", std::move(data), principal, item.title,
                    failure.error != nullptr ? failure.error->Status() : 200);
}

// A workflow step posted from a small form on the item page.
template <typename F>
http::Handler Step(const org::Web& web, Service& service, std::string action, F step) {
    return [&web, &service, action, step](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        std::int64_t id = request.PathId("id");
        // Who may not see the item hears 403 or 404 before any word about the form.
        service.GetItem(principal, id);
        try {
            Attempt([&] { step(ActorOf(principal, request), id, form); });
            return Response::Redirect(ItemPath(id) + "?da=" + action);
        } catch (const http::HttpError& error) {
            if (!ShownOnForm(error)) {
                throw;
            }
            ItemFailure failure;
            failure.error = &error;
            failure.action = action;
            failure.comment = form.Get("comment");
            failure.publish_at = form.Get("publish_at");
            return ItemPage(web, service, principal, request, id, failure);
        }
    };
}

// ---------- revisions: compare, publish, drop ----------

// The lines of a comparison as the page shows them: changes with a few unchanged lines around them, longer
// unchanged runs folded into one "n dòng không đổi" row.
view::List DiffRows(const LineDiff& diff) {
    view::List rows = view::MakeList();
    auto line = [&](const DiffLine& one) {
        view::Data row;
        row.set("text", one.text);
        row.set(one.change == LineChange::kSame      ? "is_same"
                : one.change == LineChange::kDeleted ? "is_deleted"
                                                     : "is_inserted",
                true);
        view::Append(rows, std::move(row));
    };
    const auto& lines = diff.lines;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (lines[i].change != LineChange::kSame) {
            line(lines[i++]);
            continue;
        }
        std::size_t end = i;
        while (end < lines.size() && lines[end].change == LineChange::kSame) {
            ++end;
        }
        std::size_t keep_before = i == 0 ? 0 : kDiffContext;  // after a change
        std::size_t keep_after = end == lines.size() ? 0 : kDiffContext;  // before a change
        if (end - i <= keep_before + keep_after + 1) {
            for (; i < end; ++i) {
                line(lines[i]);
            }
            continue;
        }
        for (std::size_t k = 0; k < keep_before; ++k) {
            line(lines[i + k]);
        }
        view::Data gap;
        gap.set("is_gap", true);
        gap.set("gap", text::FormatNumber(static_cast<std::int64_t>(end - i - keep_before - keep_after)));
        view::Append(rows, std::move(gap));
        for (std::size_t k = end - keep_after; k < end; ++k) {
            line(lines[k]);
        }
        i = end;
    }
    return rows;
}

Response RevisionPage(const org::Web& web, Service& service, const org::Principal& principal, std::int64_t item_id,
                      std::int64_t number) {
    Item item = service.GetItem(principal, item_id);
    SiteDesk desk = service.Desk(principal, item.site_id);
    RevisionDiff compared = service.CompareRevision(principal, item_id, number);
    const Revision& revision = compared.revision;
    view::Data data = SiteData(desk);
    data.set("item_id", std::to_string(item.id));
    data.set("heading", item.title);
    data.set("number", std::to_string(revision.number));
    data.set("state", std::string(RevisionStateName(revision.state)));
    data.set("state_label", std::string(RevisionStateLabel(revision.state)));
    data.set("by", revision.account_login.empty() ? "Hệ thống" : revision.account_login);
    data.set("at", FormatWhen(revision.updated_at));
    if (compared.against_online) {
        data.set("against", "nội dung đang đăng trên trang");
    } else if (compared.against_number) {
        data.set("against", "phiên bản số " + std::to_string(*compared.against_number));
        data.set("against_href", RevisionPath(item.id, *compared.against_number));
    } else {
        data.set("first", true);
    }
    view::List fields = view::MakeList();
    for (const auto& change : compared.fields) {
        view::Data field;
        field.set("field", change.field);
        field.set("label", change.label);
        if (change.diff.too_large) {
            field.set("too_large", true);
        } else if (!change.diff.Changed()) {
            field.set("unchanged", true);
        } else {
            field["lines"] = DiffRows(change.diff);
            field.set("has_lines", true);
        }
        view::Append(fields, std::move(field));
    }
    data["fields"] = std::move(fields);
    bool pending = revision.state == RevisionState::kPending;
    data.set("is_pending", pending);
    data.set("can_decide_revision", pending && desk.On(item.section_id) >= SiteRole::kBoard);
    data.set("version", std::to_string(item.version));
    return web.Page("portal/newsroom/revision", std::move(data), principal,
                    "Phiên bản " + std::to_string(revision.number) + " · " + item.title);
}


void RegisterRevisions(http::Router& router, const org::Web& web, Service& service) {
    router.Add(verb::get, "/quan-tri/bai-viet/{id}/phien-ban/{number}", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return RevisionPage(web, service, principal, request.PathId("id"), request.PathId("number"));
               });
    // The no-script way to attach a document: the file goes to the item's site and onto the item.
    router.Add(verb::post, "/quan-tri/bai-viet/{id}/tep", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        http::Params fields;
        auto upload = ReadUploadForm(request, fields);
        web.CheckCsrf(request, principal, &fields);
        std::int64_t id = request.PathId("id");
        service.GetItem(principal, id);
        try {
            Attempt([&] {
                if (!upload) {
                    throw http::HttpError(400, "bad_request",
                                          "Dữ liệu tải lên không hợp lệ hoặc bị cắt ngang. Hãy chọn tệp và gửi lại.");
                }
                service.AttachDocument(ActorOf(principal, request), id, *upload);
            });
            return Response::Redirect(ItemPath(id) + "?da=tep#tep-dinh-kem");
        } catch (const http::HttpError& error) {
            if (!ShownOnForm(error)) {
                throw;
            }
            ItemFailure failure;
            failure.error = &error;
            failure.action = "tep";
            failure.file_caption = fields.Get("caption");
            return ItemPage(web, service, principal, request, id, failure);
        }
    }).body_limit = kUploadBodyLimit;
    router.Add(verb::post, "/quan-tri/bai-viet/{id}/ban-sua/dang", Mode::kBlocking,
               Step(web, service, "dang-ban-sua",
                    [&service](const org::Actor& actor, std::int64_t id, const http::Params& form) {
                        service.PublishRevision(actor, id, org::ToInt(form.Get("version")));
                    }));
    router.Add(verb::post, "/quan-tri/bai-viet/{id}/ban-sua/bo", Mode::kBlocking,
               Step(web, service, "bo-ban-sua",
                    [&service](const org::Actor& actor, std::int64_t id, const http::Params& form) {
                        service.DiscardRevision(actor, id, org::ToInt(form.Get("version")));
                    }));
}

void RegisterItem(http::Router& router, const org::Web& web, Service& service) {
    router.Add(verb::get, "/quan-tri/bai-viet/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return ItemPage(web, service, principal, request, request.PathId("id"), ItemFailure{});
    });
    router.Add(verb::post, "/quan-tri/bai-viet/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        std::int64_t id = request.PathId("id");
        Item current = service.GetItem(principal, id);
        // Fields the form leaves out keep the values the edit started from (a published item's pending revision).
        auto pending = current.status == ItemStatus::kPublished ? service.PendingRevision(principal, id) : std::nullopt;
        ItemFields fields = FieldsFromForm(form, FieldsOf(pending ? pending->content : current), current.section_id);
        std::int64_t version = org::ToInt(form.Get("version")).value_or(0);
        try {
            Attempt([&] { service.UpdateDraft(ActorOf(principal, request), id, version, fields); });
            return Response::Redirect(ItemPath(id) + "?da=luu");
        } catch (const http::HttpError& error) {
            if (!ShownOnForm(error)) {
                throw;
            }
            ItemFailure failure;
            failure.error = &error;
            failure.typed = fields;
            failure.typed_version = version;
            return ItemPage(web, service, principal, request, id, failure);
        }
    }).body_limit = kItemBodyLimit;

    router.Add(verb::post, "/quan-tri/bai-viet/{id}/gui-duyet", Mode::kBlocking,
               Step(web, service, "gui-duyet", [&service](const org::Actor& actor, std::int64_t id, const http::Params&) {
                   service.Submit(actor, id);
               }));
    router.Add(verb::post, "/quan-tri/bai-viet/{id}/tra-lai", Mode::kBlocking,
               Step(web, service, "tra-lai", [&service](const org::Actor& actor, std::int64_t id, const http::Params& form) {
                   service.Return(actor, id, form.Get("comment"));
               }));
    router.Add(verb::post, "/quan-tri/bai-viet/{id}/duyet", Mode::kBlocking,
               Step(web, service, "duyet", [&service](const org::Actor& actor, std::int64_t id, const http::Params&) {
                   service.Approve(actor, id);
               }));
    router.Add(verb::post, "/quan-tri/bai-viet/{id}/dang", Mode::kBlocking,
               Step(web, service, "dang", [&service](const org::Actor& actor, std::int64_t id, const http::Params& form) {
                   std::optional<std::int64_t> at;
                   if (form.Has("publish_at")) {
                       at = ParseLocalDateTime(form.Get("publish_at"));
                       if (!at) {
                           Invalid("publish_at", "Hãy nhập ngày và giờ đăng hợp lệ.");
                       }
                       // A time already past would publish at once: say so instead of surprising anyone.
                       if (*at <= NowMs()) {
                           Invalid("publish_at",
                                   "Thời điểm hẹn giờ phải ở sau lúc này. Muốn đăng ngay, hãy bấm “Đăng ngay”.");
                       }
                   }
                   service.Publish(actor, id, at);
               }));
    router.Add(verb::post, "/quan-tri/bai-viet/{id}/go", Mode::kBlocking,
               Step(web, service, "go", [&service](const org::Actor& actor, std::int64_t id, const http::Params& form) {
                   service.Withdraw(actor, id, form.Get("comment"));
               }));
}

}  // namespace

void RegisterPages(http::Router& router, const org::Web& web, Service& service) {
    RegisterSites(router, web, service);
    RegisterSite(router, web, service);
    RegisterSiteRoles(router, web, service);
    RegisterNewItem(router, web, service);
    RegisterItem(router, web, service);
    RegisterRevisions(router, web, service);
}

}  // namespace tuyenvan::portal::newsroom
