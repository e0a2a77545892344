#include "org/routes.hpp"

#include <boost/json.hpp>

#include "platform/http/cookie.hpp"
#include "platform/security/crypto.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::org {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using http::Mode;
using http::Request;
using http::Response;

constexpr std::string_view kLoginCsrfCookie = "tv_login_csrf";

// Runs `fn`, turning expected service failures into HTTP errors right here, for the form handlers
// that catch them to show the form again; elsewhere the wrapper around every route does it.
template <typename F>
auto Guard(F fn) {
    try {
        return fn();
    } catch (const ServiceError& error) {
        Web::Rethrow(error);
    }
}

std::string Str(const json::object& body, std::string_view key) {
    auto found = body.find(key);
    if (found == body.end() || !found->value().is_string()) {
        return {};
    }
    return std::string(found->value().as_string());
}

std::optional<std::int64_t> Int(const json::object& body, std::string_view key) {
    auto found = body.find(key);
    if (found == body.end()) {
        return std::nullopt;
    }
    if (found->value().is_int64()) {
        return found->value().as_int64();
    }
    if (found->value().is_uint64()) {
        return static_cast<std::int64_t>(found->value().as_uint64());
    }
    return std::nullopt;
}

std::string Iso(const std::optional<std::int64_t>& ms) { return ms ? text::FormatIsoDate(*ms) : ""; }

view::Data UnitRow(const Unit& unit) {
    view::Data row;
    row.set("id", std::to_string(unit.id));
    if (!unit.code.empty()) {
        row.set("code", unit.code);
    }
    row.set("name", unit.name);
    row.set("full_name", unit.full_name);
    row.set("kind", unit.kind);
    row.set("level", std::string(LevelLabel(unit.level)));
    row.set("parent_name", unit.parent_name);
    row.set("closed", unit.valid_to.has_value());
    // Absent keys, not empty strings: a Mustache section shows for any string, even an empty one.
    if (unit.valid_from) {
        row.set("valid_from", text::FormatDate(*unit.valid_from));
    }
    if (unit.valid_to) {
        row.set("valid_to", text::FormatDate(*unit.valid_to));
    }
    return row;
}

view::List Options(const std::vector<std::pair<std::string, std::string>>& choices, const std::string& selected) {
    view::List list = view::MakeList();
    for (const auto& [value, label] : choices) {
        view::Data option;
        option.set("value", value);
        option.set("label", label);
        option.set("selected", value == selected);
        view::Append(list, std::move(option));
    }
    return list;
}

std::vector<std::pair<std::string, std::string>> LevelChoices(bool with_any) {
    std::vector<std::pair<std::string, std::string>> out;
    if (with_any) {
        out.emplace_back("", "Tất cả các cấp");
    }
    for (auto level : kLevels) {
        out.emplace_back(std::string(level), std::string(LevelLabel(level)));
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> KindChoices(bool with_any) {
    std::vector<std::pair<std::string, std::string>> out;
    if (with_any) {
        out.emplace_back("", "Tất cả các loại");
    }
    for (const char* kind : {"Tỉnh", "Thành phố", "Huyện", "Thị xã", "Xã", "Phường", "Thị trấn", "Thôn", "Bản",
                             "Tổ dân phố", "Sở", "Ban", "Ngành", "Văn phòng"}) {
        out.emplace_back(kind, kind);
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> RoleChoices(bool with_any) {
    std::vector<std::pair<std::string, std::string>> out;
    if (with_any) {
        out.emplace_back("", "Tất cả vai trò");
    }
    for (Role role : AllRoles()) {
        out.emplace_back(std::string(RoleName(role)), std::string(RoleLabel(role)));
    }
    return out;
}

view::List UnitOptions(const std::vector<Unit>& units, std::int64_t selected) {
    view::List list = view::MakeList();
    for (const auto& unit : units) {
        view::Data option;
        option.set("value", std::to_string(unit.id));
        option.set("label", std::string(static_cast<std::size_t>(unit.depth) * 2, ' ') + unit.full_name);
        option.set("selected", unit.id == selected);
        view::Append(list, std::move(option));
    }
    return list;
}

std::int64_t PageNumber(const Request& request) {
    auto page = ToInt(request.query.Get("trang", request.query.Get("page")));
    return page && *page > 0 && *page < 100000 ? *page : 1;
}

std::int64_t PerPage(const Request& request, std::int64_t fallback) {
    auto per_page = ToInt(request.query.Get("per_page"));
    return per_page ? std::clamp<std::int64_t>(*per_page, 1, 200) : fallback;
}

std::string QueryWithout(const Request& request, std::string_view skip) {
    std::string out;
    for (const auto& [name, value] : request.query.Items()) {
        if (name == skip || value.empty()) {
            continue;
        }
        out += (out.empty() ? "" : "&") + http::PercentEncode(name) + "=" + http::PercentEncode(value);
    }
    return out;
}

Actor ActorOf(const Principal& principal, const Request& request) { return Actor{&principal, request.remote_address}; }

template <typename T, typename F>
std::string PageJson(const Page<T>& page, F to_json) {
    json::array items;
    for (const auto& item : page.items) {
        items.push_back(json::parse(to_json(item)));
    }
    return json::serialize(json::object{{"items", std::move(items)},
                                        {"total", page.total},
                                        {"page", page.page},
                                        {"per_page", page.per_page}});
}

// Sets the form's errors and values back on the page after a failed post.
void FormErrors(view::Data& data, const http::HttpError& error) {
    data.set("error", error.what());
    if (!error.details_json.empty()) {
        auto fields = json::parse(error.details_json).as_object();
        for (const auto& [name, message] : fields) {
            data.set("error_" + std::string(name), std::string(message.as_string()));
        }
    }
}

// ---------- sign-in ----------

Response SignInPage(const Web& web, Request& request, const std::string& error, const std::string& login,
                    unsigned status) {
    std::string token = security::RandomToken(24);
    view::Data data;
    data.set("login_csrf", token);
    data.set("login", login);
    data.set("next", request.query.Get("tiep"));
    if (!error.empty()) {
        data.set("error", error);
    }
    if (request.query.Has("da-dang-xuat")) {
        data.set("notice", "Bạn đã đăng xuất.");
    }
    Response response = web.Page("org/sign_in", std::move(data), std::nullopt, "Đăng nhập", status);
    http::SetCookie cookie{std::string(kLoginCsrfCookie), token, "/dang-nhap", 3600, true, web.Options().secure_cookies,
                           http::SameSite::kStrict};
    response.With("Set-Cookie", http::SerializeSetCookie(cookie));
    return response;
}

// Signing in rotates the session: whatever session the browser carried before ends here.
void EndPreviousSession(const Web& web, Request& request) {
    if (auto previous = web.CurrentPrincipal(request)) {
        web.Org().SignOut(*previous, request.remote_address);
    }
}

// Only same-site relative paths are followed after sign-in.
std::string SafeNext(const std::string& next) {
    if (next.starts_with("/") && !next.starts_with("//") && next.find('\\') == std::string::npos &&
        next.find_first_of("\r\n") == std::string::npos) {
        return next;
    }
    return "/quan-tri";
}

void RegisterSession(http::Router& router, const Web& web) {
    router.Add(verb::get, "/dang-nhap", Mode::kBlocking, [&web](Request& request) {
        if (web.CurrentPrincipal(request)) {
            return Response::Redirect("/quan-tri");
        }
        return SignInPage(web, request, "", "", 200);
    });
    router.Add(verb::post, "/dang-nhap", Mode::kBlocking, [&web](Request& request) {
        auto form = web.Form(request);
        auto cookie = request.Cookie(kLoginCsrfCookie);
        if (!cookie || !security::ConstantTimeEquals(*cookie, form.Get("csrf_token"))) {
            return SignInPage(web, request, "Biểu mẫu đã hết hạn. Hãy đăng nhập lại.", form.Get("login"), 403);
        }
        try {
            auto signed_in = web.Org().SignIn(form.Get("login"), form.Get("password"), request.remote_address);
            EndPreviousSession(web, request);
            Response response = Response::Redirect(SafeNext(form.Get("next")));
            response.With("Set-Cookie", web.SessionCookie(signed_in.token, false));
            return response;
        } catch (const ServiceError& error) {
            unsigned status = error.GetKind() == ServiceError::Kind::kThrottled ? 429 : 401;
            return SignInPage(web, request, error.what(), form.Get("login"), status);
        }
    });
    router.Add(verb::post, "/dang-xuat", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.CurrentPrincipal(request);
        Response response = Response::Redirect("/dang-nhap?da-dang-xuat=1");
        if (principal) {
            auto form = web.Form(request);
            web.CheckCsrf(request, *principal, &form);
            web.Org().SignOut(*principal, request.remote_address);
        }
        response.With("Set-Cookie", web.SessionCookie("", true));
        return response;
    });

    router.Add(verb::post, "/api/v1/session", Mode::kBlocking, [&web](Request& request) {
        auto body = web.JsonBody(request);
        auto signed_in = web.Org().SignIn(Str(body, "login"), Str(body, "password"), request.remote_address);
        EndPreviousSession(web, request);
        Response response = Response::Json(json::serialize(json::object{
            {"csrf_token", signed_in.principal.csrf_token},
            {"account_id", signed_in.principal.account_id},
            {"login", signed_in.principal.login}}));
        response.status = 201;
        response.With("Set-Cookie", web.SessionCookie(signed_in.token, false));
        return response;
    }).summary = "Đăng nhập: trả về cookie phiên và csrf_token";
    router.Add(verb::get, "/api/v1/session", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        json::array grants;
        for (const auto& grant : principal.grants) {
            grants.push_back(json::object{{"id", grant.id}, {"role", RoleName(grant.role)}, {"unit_id", grant.unit_id},
                                          {"unit_name", grant.unit_name}});
        }
        return Response::Json(json::serialize(json::object{{"account_id", principal.account_id},
                                                           {"login", principal.login},
                                                           {"display_name", principal.display_name},
                                                           {"csrf_token", principal.csrf_token},
                                                           {"grants", std::move(grants)}}));
    }).summary = "Phiên hiện tại";
    router.Add(verb::delete_, "/api/v1/session", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        web.Org().SignOut(principal, request.remote_address);
        Response response = Response::Json("{}", 200);
        response.With("Set-Cookie", web.SessionCookie("", true));
        return response;
    }).summary = "Đăng xuất";
    router.Add(verb::put, "/api/v1/me/password", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        web.Org().ChangeOwnPassword(principal, Str(body, "current_password"), Str(body, "new_password"),
                                    request.remote_address);
        return Response::Json("{}");
    }).summary = "Đổi mật khẩu của chính mình";

    router.Add(verb::get, "/tai-khoan/mat-khau", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        view::Data data;
        if (request.query.Has("da-doi")) {
            data.set("notice", "Đã đổi mật khẩu.");
        }
        return web.Page("org/password", std::move(data), principal, "Đổi mật khẩu");
    });
    router.Add(verb::post, "/tai-khoan/mat-khau", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        try {
            Guard([&] {
                if (form.Get("new_password") != form.Get("confirm_password")) {
                    throw ServiceError(ServiceError::Kind::kInvalid, "Hai lần nhập mật khẩu mới không khớp.",
                                       {{"confirm_password", "Hai lần nhập mật khẩu mới không khớp."}});
                }
                web.Org().ChangeOwnPassword(principal, form.Get("current_password"), form.Get("new_password"),
                                            request.remote_address);
            });
            return Response::Redirect("/tai-khoan/mat-khau?da-doi=1");
        } catch (const http::HttpError& error) {
            view::Data data;
            FormErrors(data, error);
            return web.Page("org/password", std::move(data), principal, "Đổi mật khẩu", error.Status());
        }
    });
}

// ---------- dashboard and units ----------

UnitInput UnitFromForm(const http::Params& form) {
    UnitInput input;
    input.code = form.Get("code");
    input.parent_id = ToInt(form.Get("parent_id"));
    input.level = form.Get("level");
    input.kind = form.Get("kind");
    input.name = form.Get("name");
    input.full_name = form.Get("full_name");
    input.valid_from = text::ParseIsoDate(form.Get("valid_from"));
    input.valid_to = text::ParseIsoDate(form.Get("valid_to"));
    if (!form.Get("valid_from").empty() && !input.valid_from) {
        throw ServiceError(ServiceError::Kind::kInvalid, "Ngày bắt đầu hiệu lực không hợp lệ.",
                           {{"valid_from", "Ngày không hợp lệ."}});
    }
    if (!form.Get("valid_to").empty() && !input.valid_to) {
        throw ServiceError(ServiceError::Kind::kInvalid, "Ngày hết hiệu lực không hợp lệ.",
                           {{"valid_to", "Ngày không hợp lệ."}});
    }
    for (const auto& value : form.GetAll("successor_ids")) {
        if (auto id = ToInt(value)) {
            input.successor_ids.push_back(*id);
        }
    }
    return input;
}

UnitInput UnitFromJson(const json::object& body) {
    UnitInput input;
    input.code = Str(body, "code");
    input.parent_id = Int(body, "parent_id");
    input.level = Str(body, "level");
    input.kind = Str(body, "kind");
    input.name = Str(body, "name");
    input.full_name = Str(body, "full_name");
    input.valid_from = Int(body, "valid_from");
    input.valid_to = Int(body, "valid_to");
    if (auto found = body.find("successor_ids"); found != body.end() && found->value().is_array()) {
        for (const auto& id : found->value().as_array()) {
            if (id.is_int64()) {
                input.successor_ids.push_back(id.as_int64());
            }
        }
    }
    return input;
}

UnitQuery UnitQueryFrom(const Request& request, std::int64_t per_page) {
    UnitQuery query;
    query.text = request.query.Get("q");
    query.level = request.query.Get("level");
    query.kind = request.query.Get("kind");
    query.parent_id = ToInt(request.query.Get("parent"));
    query.include_closed = request.query.Get("closed") != "0";
    query.page = PageNumber(request);
    query.per_page = PerPage(request, per_page);
    return query;
}

view::Data UnitFormData(const Web& web, const Principal& principal, const UnitInput& input, std::int64_t id,
                        std::int64_t version) {
    view::Data data;
    data.set("id", id ? std::to_string(id) : "");
    data.set("version", std::to_string(version));
    data.set("is_new", id == 0);
    data.set("code", input.code);
    data.set("name", input.name);
    data.set("full_name", input.full_name);
    data.set("valid_from", Iso(input.valid_from));
    data.set("valid_to", Iso(input.valid_to));
    data["levels"] = Options(LevelChoices(false), input.level);
    data["kinds"] = Options(KindChoices(false), input.kind);
    auto choices = web.Org().UnitChoices(principal, Permission::kUnitsWrite);
    data["parents"] = UnitOptions(choices, input.parent_id.value_or(0));
    if (id != 0) {
        // A closed unit names the units that took over its work (after a merger, one or several).
        view::List successors = view::MakeList();
        for (const auto& unit : choices) {
            if (unit.id == id) {
                continue;
            }
            view::Data option;
            option.set("value", std::to_string(unit.id));
            option.set("label", unit.full_name);
            option.set("selected", std::find(input.successor_ids.begin(), input.successor_ids.end(), unit.id) !=
                                       input.successor_ids.end());
            view::Append(successors, std::move(option));
        }
        data["successors"] = std::move(successors);
    }
    return data;
}

void RegisterUnits(http::Router& router, const Web& web) {
    router.Add(verb::get, "/quan-tri", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        view::Data data;
        view::List grants = view::MakeList();
        for (const auto& grant : principal.grants) {
            view::Data item;
            item.set("role", std::string(RoleLabel(grant.role)));
            item.set("unit", grant.unit_name);
            item.set("unit_id", std::to_string(grant.unit_id));
            view::Append(grants, std::move(item));
        }
        data["grants"] = std::move(grants);
        UnitQuery query;
        query.per_page = 1;
        auto units = web.Org().ListUnits(principal, query);
        query.level = "commune";
        auto communes = web.Org().ListUnits(principal, query);
        PersonQuery people_query;
        people_query.per_page = 1;
        auto people = web.Org().ListPeople(principal, people_query);
        data.set("unit_count", text::FormatNumber(units.total));
        data.set("commune_count", text::FormatNumber(communes.total));
        data.set("people_count", text::FormatNumber(people.total));
        return web.Page("org/dashboard", std::move(data), principal, "Tổng quan");
    });

    router.Add(verb::get, "/quan-tri/don-vi", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        UnitQuery query = UnitQueryFrom(request, 50);
        auto page = web.Org().ListUnits(principal, query);
        bool can_write = !principal.Scopes(Permission::kUnitsWrite).empty();
        // The list depends only on the data version, the caller's subtrees and the query: render it once.
        std::string key = "units|" + std::to_string(page.data_version) + "|" + (can_write ? "w|" : "r|") +
                          request.target;
        for (const auto& scope : principal.Scopes(Permission::kUnitsRead)) {
            key += "|" + scope;
        }
        auto body = web.Fragments().Find(key);
        std::string rendered;
        if (!body) {
            view::Data data;
            view::List rows = view::MakeList();
            for (const auto& unit : page.items) {
                view::Append(rows, UnitRow(unit));
            }
            data["units"] = std::move(rows);
            data.set("has_units", !page.items.empty());
            data.set("q", query.text);
            data["levels"] = Options(LevelChoices(true), query.level);
            data["kinds"] = Options(KindChoices(true), query.kind);
            data.set("count", text::FormatNumber(page.total));
            data["pagination"] = Pagination(page.page, page.per_page, page.total, QueryWithout(request, "trang"));
            data.set("can_write", can_write);
            rendered = web.Views().Render("org/units", data);
            web.Fragments().Store(key, rendered);
        }
        return web.PageWithBody(principal, "Đơn vị", body ? *body : rendered);
    });

    router.Add(verb::get, "/quan-tri/don-vi/moi", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        if (principal.Scopes(Permission::kUnitsWrite).empty()) {
            throw http::HttpError(403, "forbidden", "Bạn không có quyền thêm đơn vị.");
        }
        UnitInput input;
        input.parent_id = ToInt(request.query.Get("parent"));
        input.level = "commune";
        return web.Page("org/unit_form", UnitFormData(web, principal, input, 0, 1), principal, "Thêm đơn vị");
    });

    router.Add(verb::post, "/quan-tri/don-vi", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        UnitInput input;
        try {
            std::int64_t id = Guard([&] {
                input = UnitFromForm(form);
                return web.Org().CreateUnit(ActorOf(principal, request), input);
            });
            return Response::Redirect("/quan-tri/don-vi/" + std::to_string(id) + "?da-luu=1");
        } catch (const http::HttpError& error) {
            if (error.Status() != 422 && error.Status() != 409) throw;
            UnitInput shown = input;
            shown.code = form.Get("code");
            shown.name = form.Get("name");
            shown.full_name = form.Get("full_name");
            shown.level = form.Get("level");
            shown.kind = form.Get("kind");
            view::Data data = UnitFormData(web, principal, shown, 0, 1);
            FormErrors(data, error);
            return web.Page("org/unit_form", std::move(data), principal, "Thêm đơn vị", error.Status());
        }
    });

    router.Add(verb::get, "/quan-tri/don-vi/{id}", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto detail = web.Org().GetUnit(principal, request.PathId("id"));
        view::Data data = UnitRow(detail.unit);
        view::List crumbs = view::MakeList();
        for (const auto& ancestor : detail.ancestors) {
            if (principal.Can(Permission::kUnitsRead, ancestor.path)) {
                view::Append(crumbs, UnitRow(ancestor));
            }
        }
        data["ancestors"] = std::move(crumbs);
        view::List children = view::MakeList();
        for (const auto& child : detail.children) {
            view::Append(children, UnitRow(child));
        }
        data["children"] = std::move(children);
        data.set("has_children", !detail.children.empty());
        view::List successors = view::MakeList();
        for (const auto& successor : detail.successors) {
            view::Append(successors, UnitRow(successor));
        }
        data["successors"] = std::move(successors);
        data.set("has_successors", !detail.successors.empty());
        data.set("people", text::FormatNumber(detail.people));
        data.set("can_write", principal.Can(Permission::kUnitsWrite, detail.unit.path));
        data.set("can_people", principal.Can(Permission::kPeopleWrite, detail.unit.path));
        if (request.query.Has("da-luu")) {
            data.set("notice", "Đã lưu đơn vị.");
        }
        return web.Page("org/unit", std::move(data), principal, detail.unit.full_name);
    });

    router.Add(verb::get, "/quan-tri/don-vi/{id}/sua", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto detail = web.Org().GetUnit(principal, request.PathId("id"));
        if (!principal.Can(Permission::kUnitsWrite, detail.unit.path)) {
            throw http::HttpError(403, "forbidden", "Bạn không có quyền sửa đơn vị này.");
        }
        const Unit& unit = detail.unit;
        UnitInput input{unit.code, unit.parent_id, unit.level, unit.kind, unit.name, unit.full_name,
                        unit.valid_from, unit.valid_to, unit.successor_ids};
        return web.Page("org/unit_form", UnitFormData(web, principal, input, unit.id, unit.version), principal,
                        "Sửa " + unit.full_name);
    });

    router.Add(verb::post, "/quan-tri/don-vi/{id}", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        std::int64_t id = request.PathId("id");
        try {
            Guard([&] {
                UnitInput input = UnitFromForm(form);
                web.Org().UpdateUnit(ActorOf(principal, request), id, ToInt(form.Get("version")).value_or(0), input);
            });
            return Response::Redirect("/quan-tri/don-vi/" + std::to_string(id) + "?da-luu=1");
        } catch (const http::HttpError& error) {
            if (error.Status() != 422 && error.Status() != 409) throw;
            UnitInput shown;
            shown.code = form.Get("code");
            shown.name = form.Get("name");
            shown.full_name = form.Get("full_name");
            shown.level = form.Get("level");
            shown.kind = form.Get("kind");
            view::Data data = UnitFormData(web, principal, shown, id, ToInt(form.Get("version")).value_or(0));
            FormErrors(data, error);
            return web.Page("org/unit_form", std::move(data), principal, "Sửa đơn vị", error.Status());
        }
    });

    router.Add(verb::get, "/api/v1/units", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto page = web.Org().ListUnits(principal, UnitQueryFrom(request, 50));
        return Response::Json(PageJson(page, [](const Unit& u) { return ToJson(u); }));
    }).summary = "Danh sách đơn vị (q, level, kind, parent, page, per_page)";
    router.Add(verb::get, "/api/v1/units/{id}", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto detail = web.Org().GetUnit(principal, request.PathId("id"));
        auto body = json::parse(ToJson(detail.unit)).as_object();
        json::array children;
        for (const auto& child : detail.children) {
            children.push_back(json::parse(ToJson(child)));
        }
        body["children"] = std::move(children);
        body["people_count"] = detail.people;
        return Response::Json(json::serialize(body));
    }).summary = "Một đơn vị với các đơn vị trực thuộc";
    router.Add(verb::post, "/api/v1/units", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        auto id = web.Org().CreateUnit(ActorOf(principal, request), UnitFromJson(body));
        auto detail = web.Org().GetUnit(principal, id);
        return Response::Json(ToJson(detail.unit), 201);
    }).summary = "Thêm đơn vị";
    router.Add(verb::patch, "/api/v1/units/{id}", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        std::int64_t id = request.PathId("id");
        auto current = web.Org().GetUnit(principal, id).unit;
        UnitInput input{current.code, current.parent_id, current.level, current.kind, current.name,
                        current.full_name, current.valid_from, current.valid_to, current.successor_ids};
        if (body.contains("code")) input.code = Str(body, "code");
        if (body.contains("kind")) input.kind = Str(body, "kind");
        if (body.contains("name")) input.name = Str(body, "name");
        if (body.contains("full_name")) input.full_name = Str(body, "full_name");
        if (body.contains("valid_from")) input.valid_from = Int(body, "valid_from");
        if (body.contains("valid_to")) input.valid_to = Int(body, "valid_to");
        if (body.contains("successor_ids")) input.successor_ids = UnitFromJson(body).successor_ids;
        web.Org().UpdateUnit(ActorOf(principal, request), id, Int(body, "version").value_or(current.version), input);
        return Response::Json(ToJson(web.Org().GetUnit(principal, id).unit));
    }).summary = "Sửa đơn vị (cần version để tránh ghi đè)";
}

// ---------- people ----------

Person PersonFromParams(const std::function<std::string(std::string_view)>& get) {
    Person person;
    person.full_name = get("full_name");
    person.position = get("position");
    person.unit_id = ToInt(get("unit_id")).value_or(0);
    person.phone = get("phone");
    person.email = get("email");
    return person;
}

view::Data PersonFormData(const Web& web, const Principal& principal, const Person& person) {
    view::Data data;
    data.set("id", person.id ? std::to_string(person.id) : "");
    data.set("is_new", person.id == 0);
    data.set("version", std::to_string(person.version));
    data.set("full_name", person.full_name);
    data.set("position", person.position);
    data.set("phone", person.phone);
    data.set("email", person.email);
    data["units"] = UnitOptions(web.Org().UnitChoices(principal, Permission::kPeopleWrite), person.unit_id);
    return data;
}

void RegisterPeople(http::Router& router, const Web& web) {
    auto list_query = [](const Request& request) {
        PersonQuery query;
        query.text = request.query.Get("q");
        query.unit_id = ToInt(request.query.Get("unit"));
        query.page = PageNumber(request);
        query.per_page = PerPage(request, 50);
        return query;
    };
    router.Add(verb::get, "/quan-tri/nhan-su", Mode::kBlocking, [&web, list_query](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto page = web.Org().ListPeople(principal, list_query(request));
        view::Data data;
        view::List rows = view::MakeList();
        for (const auto& person : page.items) {
            view::Data row;
            row.set("id", std::to_string(person.id));
            row.set("full_name", person.full_name);
            row.set("position", person.position);
            row.set("unit_name", person.unit_name);
            row.set("phone", person.phone);
            row.set("email", person.email);
            view::Append(rows, std::move(row));
        }
        data["people"] = std::move(rows);
        data.set("has_people", !page.items.empty());
        data.set("q", request.query.Get("q"));
        data.set("count", text::FormatNumber(page.total));
        data["pagination"] = Pagination(page.page, page.per_page, page.total, QueryWithout(request, "trang"));
        data.set("can_write", !principal.Scopes(Permission::kPeopleWrite).empty());
        if (request.query.Has("da-luu")) data.set("notice", "Đã lưu thông tin.");
        if (request.query.Has("da-xoa")) data.set("notice", "Đã xóa.");
        return web.Page("org/people", std::move(data), principal, "Nhân sự");
    });
    router.Add(verb::get, "/quan-tri/nhan-su/moi", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        Person person;
        person.unit_id = ToInt(request.query.Get("unit")).value_or(0);
        return web.Page("org/person_form", PersonFormData(web, principal, person), principal, "Thêm người");
    });
    auto save = [&web](Request& request, std::int64_t id) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        Person person = PersonFromParams([&](std::string_view name) { return form.Get(name); });
        person.id = id;
        person.version = ToInt(form.Get("version")).value_or(1);
        try {
            Guard([&] {
                if (id == 0) {
                    web.Org().CreatePerson(ActorOf(principal, request), person);
                } else {
                    web.Org().UpdatePerson(ActorOf(principal, request), person);
                }
            });
            return Response::Redirect("/quan-tri/nhan-su?da-luu=1");
        } catch (const http::HttpError& error) {
            if (error.Status() != 422 && error.Status() != 409) throw;
            view::Data data = PersonFormData(web, principal, person);
            FormErrors(data, error);
            return web.Page("org/person_form", std::move(data), principal, id ? "Sửa thông tin" : "Thêm người", error.Status());
        }
    };
    router.Add(verb::post, "/quan-tri/nhan-su", Mode::kBlocking, [save](Request& request) { return save(request, 0); });
    router.Add(verb::get, "/quan-tri/nhan-su/{id}/sua", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto person = web.Org().GetPerson(principal, request.PathId("id"));
        return web.Page("org/person_form", PersonFormData(web, principal, person), principal, "Sửa thông tin");
    });
    router.Add(verb::post, "/quan-tri/nhan-su/{id}", Mode::kBlocking,
               [save](Request& request) { return save(request, request.PathId("id")); });
    router.Add(verb::post, "/quan-tri/nhan-su/{id}/xoa", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        web.Org().DeletePerson(ActorOf(principal, request), request.PathId("id"));
        return Response::Redirect("/quan-tri/nhan-su?da-xoa=1");
    });

    router.Add(verb::get, "/api/v1/people", Mode::kBlocking, [&web, list_query](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto page = web.Org().ListPeople(principal, list_query(request));
        return Response::Json(PageJson(page, [](const Person& p) { return ToJson(p); }));
    }).summary = "Danh sách nhân sự (q, unit, page, per_page)";
    router.Add(verb::get, "/api/v1/people/{id}", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return Response::Json(ToJson(web.Org().GetPerson(principal, request.PathId("id"))));
    }).summary = "Một người";
    router.Add(verb::post, "/api/v1/people", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        Person person = PersonFromParams([&](std::string_view name) { return Str(body, name); });
        person.unit_id = Int(body, "unit_id").value_or(0);
        auto id = web.Org().CreatePerson(ActorOf(principal, request), person);
        return Response::Json(ToJson(web.Org().GetPerson(principal, id)), 201);
    }).summary = "Thêm người";
    router.Add(verb::patch, "/api/v1/people/{id}", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        std::int64_t id = request.PathId("id");
        Person person = web.Org().GetPerson(principal, id);
        if (body.contains("full_name")) person.full_name = Str(body, "full_name");
        if (body.contains("position")) person.position = Str(body, "position");
        if (body.contains("phone")) person.phone = Str(body, "phone");
        if (body.contains("email")) person.email = Str(body, "email");
        if (body.contains("unit_id")) person.unit_id = Int(body, "unit_id").value_or(0);
        if (body.contains("version")) person.version = Int(body, "version").value_or(0);
        web.Org().UpdatePerson(ActorOf(principal, request), person);
        return Response::Json(ToJson(web.Org().GetPerson(principal, id)));
    }).summary = "Sửa thông tin một người";
    router.Add(verb::delete_, "/api/v1/people/{id}", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        web.Org().DeletePerson(ActorOf(principal, request), request.PathId("id"));
        return Response::Json("{}");
    }).summary = "Xóa một người";
}

// ---------- accounts and audit ----------

view::Data AccountData(const Account& account) {
    view::Data data;
    data.set("id", std::to_string(account.id));
    data.set("login", account.login);
    data.set("person_name", account.person_name);
    data.set("disabled", account.disabled);
    data.set("created", text::FormatDateTime(account.created_at));
    view::List grants = view::MakeList();
    for (const auto& grant : account.grants) {
        view::Data item;
        item.set("id", std::to_string(grant.id));
        item.set("account_id", std::to_string(account.id));
        item.set("role", std::string(RoleLabel(grant.role)));
        item.set("unit", grant.unit_name);
        view::Append(grants, std::move(item));
    }
    data["grants"] = std::move(grants);
    return data;
}

void RegisterAccounts(http::Router& router, const Web& web) {
    auto list_query = [](const Request& request) {
        AccountQuery query;
        query.text = request.query.Get("q");
        query.role = request.query.Get("role");
        query.page = PageNumber(request);
        query.per_page = PerPage(request, 50);
        return query;
    };
    router.Add(verb::get, "/quan-tri/tai-khoan", Mode::kBlocking, [&web, list_query](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto page = web.Org().ListAccounts(principal, list_query(request));
        view::Data data;
        view::List rows = view::MakeList();
        for (const auto& account : page.items) {
            view::Append(rows, AccountData(account));
        }
        data["accounts"] = std::move(rows);
        data.set("has_accounts", !page.items.empty());
        data.set("q", request.query.Get("q"));
        data["roles"] = Options(RoleChoices(true), request.query.Get("role"));
        data.set("count", text::FormatNumber(page.total));
        data["pagination"] = Pagination(page.page, page.per_page, page.total, QueryWithout(request, "trang"));
        return web.Page("org/accounts", std::move(data), principal, "Tài khoản");
    });
    auto new_form = [&web](const Principal& principal, view::Data data) {
        data["roles"] = Options(RoleChoices(false), "commune_officer");
        data["units"] = UnitOptions(web.Org().UnitChoices(principal, Permission::kAccountsWrite), 0);
        return data;
    };
    router.Add(verb::get, "/quan-tri/tai-khoan/moi", Mode::kBlocking, [&web, new_form](Request& request) {
        auto principal = web.RequirePrincipal(request);
        if (principal.Scopes(Permission::kAccountsWrite).empty()) {
            throw http::HttpError(403, "forbidden", "Bạn không có quyền tạo tài khoản.");
        }
        return web.Page("org/account_new", new_form(principal, {}), principal, "Tạo tài khoản");
    });
    router.Add(verb::post, "/quan-tri/tai-khoan", Mode::kBlocking, [&web, new_form](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        try {
            auto id = Guard([&] {
                auto role = ParseRole(form.Get("role"));
                if (!role) {
                    throw ServiceError(ServiceError::Kind::kInvalid, "Vai trò không hợp lệ.", {{"role", "Vai trò không hợp lệ."}});
                }
                return web.Org().CreateAccount(ActorOf(principal, request), form.Get("login"), form.Get("password"),
                                               std::nullopt, *role, ToInt(form.Get("unit_id")).value_or(0));
            });
            return Response::Redirect("/quan-tri/tai-khoan/" + std::to_string(id) + "?da-luu=1");
        } catch (const http::HttpError& error) {
            if (error.Status() != 422 && error.Status() != 409 && error.Status() != 404) throw;
            view::Data data;
            data.set("login", form.Get("login"));
            FormErrors(data, error);
            return web.Page("org/account_new", new_form(principal, data), principal, "Tạo tài khoản", 422);
        }
    });
    router.Add(verb::get, "/quan-tri/tai-khoan/{id}", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto account = web.Org().GetAccount(principal, request.PathId("id"));
        view::Data data = AccountData(account);
        data["roles"] = Options(RoleChoices(false), "viewer");
        data["units"] = UnitOptions(web.Org().UnitChoices(principal, Permission::kAccountsWrite), 0);
        if (request.query.Has("da-luu")) data.set("notice", "Đã lưu tài khoản.");
        if (request.query.Has("loi")) data.set("error", request.query.Get("loi"));
        return web.Page("org/account", std::move(data), principal, "Tài khoản " + account.login);
    });
    auto account_action = [&web](auto action) {
        return [&web, action](Request& request) {
            auto principal = web.RequirePrincipal(request);
            auto form = web.Form(request);
            web.CheckCsrf(request, principal, &form);
            std::int64_t id = request.PathId("id");
            std::string target = "/quan-tri/tai-khoan/" + std::to_string(id);
            try {
                Guard([&] { action(principal, request, form, id); });
                return Response::Redirect(target + "?da-luu=1");
            } catch (const http::HttpError& error) {
                if (error.Status() == 403 || error.Status() == 404) throw;
                return Response::Redirect(target + "?loi=" + http::PercentEncode(error.what()));
            }
        };
    };
    router.Add(verb::post, "/quan-tri/tai-khoan/{id}/mat-khau", Mode::kBlocking,
               account_action([&web](const Principal& p, Request& r, const http::Params& f, std::int64_t id) {
                   web.Org().ResetPassword(ActorOf(p, r), id, f.Get("password"));
               }));
    router.Add(verb::post, "/quan-tri/tai-khoan/{id}/khoa", Mode::kBlocking,
               account_action([&web](const Principal& p, Request& r, const http::Params& f, std::int64_t id) {
                   web.Org().SetDisabled(ActorOf(p, r), id, f.Get("disabled") == "1");
               }));
    router.Add(verb::post, "/quan-tri/tai-khoan/{id}/quyen", Mode::kBlocking,
               account_action([&web](const Principal& p, Request& r, const http::Params& f, std::int64_t id) {
                   auto role = ParseRole(f.Get("role"));
                   if (!role) throw ServiceError(ServiceError::Kind::kInvalid, "Vai trò không hợp lệ.");
                   web.Org().AddGrant(ActorOf(p, r), id, *role, ToInt(f.Get("unit_id")).value_or(0));
               }));
    router.Add(verb::post, "/quan-tri/tai-khoan/{id}/quyen/{grant}/xoa", Mode::kBlocking,
               account_action([&web](const Principal& p, Request& r, const http::Params&, std::int64_t id) {
                   web.Org().RemoveGrant(ActorOf(p, r), id, r.PathId("grant"));
               }));

    router.Add(verb::get, "/api/v1/accounts", Mode::kBlocking, [&web, list_query](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto page = web.Org().ListAccounts(principal, list_query(request));
        return Response::Json(PageJson(page, [](const Account& a) { return ToJson(a); }));
    }).summary = "Danh sách tài khoản (q, role, page, per_page)";
    router.Add(verb::get, "/api/v1/accounts/{id}", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return Response::Json(ToJson(web.Org().GetAccount(principal, request.PathId("id"))));
    }).summary = "Một tài khoản";
    router.Add(verb::post, "/api/v1/accounts", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        auto role = ParseRole(Str(body, "role"));
        if (!role) throw ServiceError(ServiceError::Kind::kInvalid, "Vai trò không hợp lệ.", {{"role", "Vai trò không hợp lệ."}});
        auto id = web.Org().CreateAccount(ActorOf(principal, request), Str(body, "login"), Str(body, "password"),
                                          Int(body, "person_id"), *role, Int(body, "unit_id").value_or(0));
        return Response::Json(ToJson(web.Org().GetAccount(principal, id)), 201);
    }).summary = "Tạo tài khoản (login, password, role, unit_id, person_id)";
    router.Add(verb::patch, "/api/v1/accounts/{id}", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        std::int64_t id = request.PathId("id");
        if (auto found = body.find("disabled"); found != body.end() && found->value().is_bool()) {
            web.Org().SetDisabled(ActorOf(principal, request), id, found->value().as_bool());
        }
        return Response::Json(ToJson(web.Org().GetAccount(principal, id)));
    }).summary = "Khóa hoặc mở khóa tài khoản (disabled)";
    router.Add(verb::post, "/api/v1/accounts/{id}/password", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        web.Org().ResetPassword(ActorOf(principal, request), request.PathId("id"), Str(body, "password"));
        return Response::Json("{}");
    }).summary = "Đặt lại mật khẩu";
    router.Add(verb::post, "/api/v1/accounts/{id}/grants", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        auto body = web.JsonBody(request);
        std::int64_t id = request.PathId("id");
        auto role = ParseRole(Str(body, "role"));
        if (!role) throw ServiceError(ServiceError::Kind::kInvalid, "Vai trò không hợp lệ.");
        web.Org().AddGrant(ActorOf(principal, request), id, *role, Int(body, "unit_id").value_or(0));
        return Response::Json(ToJson(web.Org().GetAccount(principal, id)), 201);
    }).summary = "Cấp vai trò trên một đơn vị";
    router.Add(verb::delete_, "/api/v1/accounts/{id}/grants/{grant}", Mode::kBlocking, [&web](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        std::int64_t id = request.PathId("id");
        web.Org().RemoveGrant(ActorOf(principal, request), id, request.PathId("grant"));
        return Response::Json(ToJson(web.Org().GetAccount(principal, id)));
    }).summary = "Thu hồi một vai trò";

    auto audit_entries = [&web](Request& request, const Principal& principal) {
        return web.Org().AuditLog(principal, PerPage(request, 50), ToInt(request.query.Get("before")).value_or(0));
    };
    router.Add(verb::get, "/api/v1/audit", Mode::kBlocking, [&web, audit_entries](Request& request) {
        auto principal = web.RequirePrincipal(request);
        json::array items;
        for (const auto& entry : audit_entries(request, principal)) {
            items.push_back(json::object{{"id", entry.id}, {"at", entry.at_ms}, {"actor", entry.change.actor},
                                         {"action", entry.change.action}, {"entity", entry.change.entity},
                                         {"entity_id", entry.change.entity_id}, {"address", entry.change.address},
                                         {"before", json::parse(entry.change.before_json)},
                                         {"after", json::parse(entry.change.after_json)}, {"hash", entry.hash}});
        }
        return Response::Json(json::serialize(json::object{{"items", std::move(items)}}));
    }).summary = "Nhật ký thay đổi (mới nhất trước)";
    router.Add(verb::get, "/quan-tri/nhat-ky", Mode::kBlocking, [&web, audit_entries](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto entries = audit_entries(request, principal);
        view::Data data;
        view::List rows = view::MakeList();
        for (const auto& entry : entries) {
            view::Data row;
            row.set("id", std::to_string(entry.id));
            row.set("at", text::FormatDateTime(entry.at_ms));
            row.set("actor", entry.change.actor);
            row.set("action", entry.change.action);
            row.set("entity", entry.change.entity + " #" + entry.change.entity_id);
            row.set("after", entry.change.after_json == "null" ? "" : entry.change.after_json);
            view::Append(rows, std::move(row));
        }
        data["entries"] = std::move(rows);
        if (!entries.empty() && entries.back().id > 1) {
            data.set("older", "?before=" + std::to_string(entries.back().id));
        }
        return web.Page("org/audit", std::move(data), principal, "Nhật ký thay đổi");
    });
}

}  // namespace

void RegisterRoutes(http::Router& router, const Web& web) {
    RegisterSession(router, web);
    RegisterUnits(router, web);
    RegisterPeople(router, web);
    RegisterAccounts(router, web);
}

}  // namespace tuyenvan::org
