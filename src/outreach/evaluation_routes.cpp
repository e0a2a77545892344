#include "outreach/evaluation_routes.hpp"

#include <boost/json.hpp>

#include "outreach/web_support.hpp"
#include "platform/http/form.hpp"
#include "platform/security/crypto.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using http::Mode;
using http::Request;
using http::Response;
using web::ActorOf;
using web::FormErrors;
using web::Guard;

constexpr const char* kCriteriaPath = "/quan-tri/tuyen-van/tieu-chi";
constexpr const char* kEvaluationPath = "/quan-tri/tuyen-van/danh-gia";
// Lines of criteria the form offers.
constexpr int kCriteriaLines = 8;

// The five criteria of the regulation, proposed on an empty form (labels only).
constexpr const char* kProposedLabels[] = {"Công tác chuẩn bị", "Chất lượng nội dung", "Báo cáo viên",
                                           "Sự tham gia của người dự", "Giải quyết ý kiến của nhân dân"};
constexpr const char* kProposedCodes[] = {"preparation", "content", "speakers", "participation", "opinions"};

std::string Id(std::int64_t id) {
    return std::to_string(id);
}

// ---------- criteria sets ----------

Response CriteriaPage(const org::Web& web, EvaluationService& service, const org::Principal& principal,
                      const http::Params& form, view::Data data, int status) {
    auto sets = Guard([&] { return service.CriteriaSets(principal); });
    view::List rows = view::MakeList();
    for (const auto& set : sets) {
        view::Data row;
        row.set("title", set.title);
        row.set("basis", set.basis);
        row.set("effective_from", ShowDate(set.effective_from));
        row.set("max_points", std::to_string(set.max_points));
        row.set("in_effect", set.in_effect);
        row.set("used", set.used);
        view::List criteria = view::MakeList();
        for (const auto& k : set.criteria) {
            view::Data item;
            item.set("label", k.label);
            item.set("code", k.code);
            item.set("max_points", std::to_string(k.max_points));
            view::Append(criteria, std::move(item));
        }
        row["criteria"] = std::move(criteria);
        view::Append(rows, std::move(row));
    }
    data["sets"] = std::move(rows);
    data.set("has_sets", !sets.empty());
    bool can_edit = service.CanEditCriteria(principal);
    data.set("can_edit", can_edit);
    if (can_edit) {
        bool typed = form.Has("title");
        data.set("effective_from", form.Get("effective_from"));
        data.set("title", form.Get("title"));
        data.set("basis", form.Get("basis"));
        view::List lines = view::MakeList();
        for (int i = 1; i <= kCriteriaLines; ++i) {
            std::string n = std::to_string(i);
            view::Data line;
            line.set("n", n);
            bool proposed = !typed && i <= 5;
            line.set("code", proposed ? std::string(kProposedCodes[i - 1]) : form.Get("code_" + n));
            line.set("label", proposed ? std::string(kProposedLabels[i - 1]) : form.Get("label_" + n));
            line.set("max_points", form.Get("max_" + n));
            view::Append(lines, std::move(line));
        }
        data["lines"] = std::move(lines);
        data.set("idempotency_key",
                 form.Has("idempotency_key") ? form.Get("idempotency_key") : security::RandomToken(16));
    }
    auto response =
        web.Page("outreach/evaluation_criteria", std::move(data), principal, "Bộ tiêu chí đánh giá hội nghị");
    response.status = status;
    return response;
}

CriteriaSetInput CriteriaFromForm(const http::Params& form) {
    CriteriaSetInput input{form.Get("effective_from"), form.Get("title"), form.Get("basis"), {}};
    for (int i = 1; i <= kCriteriaLines; ++i) {
        std::string n = std::to_string(i);
        input.criteria.push_back(CriterionInput{form.Get("code_" + n), form.Get("label_" + n), form.Get("max_" + n)});
    }
    return input;
}

CriteriaSetInput CriteriaFromJson(const json::object& body) {
    CriteriaSetInput input{
        web::JsonText(body, "effective_from"), web::JsonText(body, "title"), web::JsonText(body, "basis"), {}};
    if (auto found = body.if_contains("criteria"); found && found->is_array()) {
        for (const auto& item : found->as_array()) {
            if (!item.is_object()) {
                throw http::HttpError(422, "invalid", "Mỗi tiêu chí phải là một đối tượng {code, label, max_points}.");
            }
            const auto& k = item.as_object();
            input.criteria.push_back(
                CriterionInput{web::JsonText(k, "code"), web::JsonText(k, "label"), web::JsonText(k, "max_points")});
        }
    }
    return input;
}

// ---------- evaluations ----------

Response FormPage(const org::Web& web, EvaluationService& service, const org::Principal& principal,
                  std::int64_t assignment_id, const http::Params& form, view::Data data, int status) {
    auto prepared = Guard([&] { return service.Form(principal, assignment_id); });
    if (prepared.due.evaluation_id && status == 200) {
        return Response::Redirect(std::string(kEvaluationPath) + "/" + Id(*prepared.due.evaluation_id));
    }
    data.set("assignment_id", Id(assignment_id));
    data.set("agency_name", prepared.due.agency_name);
    data.set("commune_name", prepared.commune_name);
    data.set("month", web::ShowMonth(prepared.due.month));
    if (!prepared.due.conference_date.empty()) {
        data.set("conference_date", ShowDate(prepared.due.conference_date));
    }
    if (prepared.due.conference_id) {
        data.set("conference_href", "/quan-tri/tuyen-van/hoi-nghi/" + Id(*prepared.due.conference_id));
    }
    data.set("venue", prepared.venue);
    if (!prepared.due.deadline.empty()) {
        data.set("deadline", ShowDate(prepared.due.deadline));
    }
    data.set("can_file", prepared.can_file);
    if (!prepared.can_file) {
        data.set("blocked", prepared.blocked);
    }
    if (prepared.set) {
        data.set("set_title", prepared.set->title);
        data.set("set_max", std::to_string(prepared.set->max_points));
        view::List criteria = view::MakeList();
        for (const auto& k : prepared.set->criteria) {
            view::Data item;
            std::string field = "diem_" + Id(k.id);
            item.set("field", field);
            item.set("label", k.label);
            item.set("max_points", std::to_string(k.max_points));
            item.set("value", form.Get(field));
            if (const auto* error = data.get("error_" + field); error != nullptr && error->is_string()) {
                item.set("error", error->string_value());
            }
            view::Append(criteria, std::move(item));
        }
        data["criteria"] = std::move(criteria);
    }
    std::string followed = form.Get("followed_registration");
    data.set("followed_yes", followed == "1");
    data.set("followed_no", followed == "0");
    data.set("comments", form.Get("comments"));
    data.set("idempotency_key", form.Has("idempotency_key") ? form.Get("idempotency_key") : security::RandomToken(16));
    auto response = web.Page("outreach/evaluation_form", std::move(data), principal,
                             "Đánh giá hội nghị · " + prepared.commune_name);
    response.status = status;
    return response;
}

EvaluationInput EvaluationFromForm(const http::Params& form) {
    EvaluationInput input;
    input.assignment_id = org::ToInt(form.Get("assignment_id")).value_or(0);
    for (const auto& [name, value] : form.Items()) {
        if (name.rfind("diem_", 0) == 0) {
            if (auto id = org::ToInt(name.substr(5))) {
                input.scores.push_back(ScoreInput{*id, "", value, ""});
            }
        }
    }
    input.followed_registration = form.Get("followed_registration");
    input.comments = form.Get("comments");
    return input;
}

EvaluationInput EvaluationFromJson(const json::object& body) {
    EvaluationInput input;
    input.assignment_id = web::JsonInt(body, "assignment_id").value_or(0);
    input.conference_id = web::JsonInt(body, "conference_id").value_or(0);
    if (auto found = body.if_contains("scores")) {
        if (found->is_array()) {
            for (const auto& item : found->as_array()) {
                if (!item.is_object()) {
                    throw http::HttpError(422, "invalid",
                                          "Mỗi điểm phải là một đối tượng {criterion_id hoặc code, points, note}.");
                }
                const auto& s = item.as_object();
                input.scores.push_back(ScoreInput{web::JsonInt(s, "criterion_id").value_or(0), web::JsonText(s, "code"),
                                                  web::JsonText(s, "points"), web::JsonText(s, "note")});
            }
        } else if (found->is_object()) {
            for (const auto& [code, points] : found->as_object()) {
                json::object one{{"points", points}};
                input.scores.push_back(ScoreInput{0, std::string(code), web::JsonText(one, "points"), ""});
            }
        } else {
            throw http::HttpError(422, "invalid", "Trường scores phải là danh sách hoặc đối tượng {mã: điểm}.");
        }
    }
    if (auto followed = body.if_contains("followed_registration"); followed && followed->is_bool()) {
        input.followed_registration = followed->as_bool() ? "1" : "0";
    } else {
        input.followed_registration = web::JsonText(body, "followed_registration");
    }
    input.comments = web::JsonText(body, "comments");
    return input;
}

Response EvaluationPage(const org::Web& web, EvaluationService& service, const org::Principal& principal,
                        std::int64_t id, bool filed) {
    auto e = Guard([&] { return service.Get(principal, id); });
    view::Data data;
    if (filed) {
        data.set("notice", std::string("Đã gửi phiếu đánh giá."));
    }
    data.set("commune_name", e.commune_name);
    data.set("agency_name", e.agency_name);
    data.set("month", web::ShowMonth(e.month));
    data.set("conference_href", "/quan-tri/tuyen-van/hoi-nghi/" + Id(e.conference_id));
    data.set("set_title", e.criteria_set_title);
    data.set("total_points", std::to_string(e.total_points));
    data.set("max_points", std::to_string(e.max_points));
    data.set("followed_registration", e.followed_registration);
    data.set("comments", e.comments);
    data.set("filed_by", e.filed_by);
    data.set("filed_at", text::FormatDateTime(e.filed_at));
    view::List scores = view::MakeList();
    for (const auto& s : e.scores) {
        view::Data item;
        item.set("label", s.label);
        item.set("points", std::to_string(s.points));
        item.set("max_points", std::to_string(s.max_points));
        item.set("note", s.note);
        view::Append(scores, std::move(item));
    }
    data["scores"] = std::move(scores);
    return web.Page("outreach/evaluation_view", std::move(data), principal,
                    "Phiếu đánh giá hội nghị · " + e.commune_name);
}

Response ConferencePage(const org::Web& web, EvaluationService& service, const org::Principal& principal,
                        std::int64_t conference_id) {
    auto [evaluations, open] = Guard([&] { return service.OfConference(principal, conference_id); });
    view::Data data;
    data.set("conference_id", Id(conference_id));
    view::List rows = view::MakeList();
    for (const auto& e : evaluations) {
        view::Data row;
        row.set("href", std::string(kEvaluationPath) + "/" + Id(e.id));
        row.set("agency_name", e.agency_name);
        row.set("points", std::to_string(e.total_points) + "/" + std::to_string(e.max_points));
        row.set("followed_registration", e.followed_registration);
        row.set("filed_at", text::FormatDateTime(e.filed_at));
        view::Append(rows, std::move(row));
    }
    view::List pending = view::MakeList();
    for (const auto& due : open) {
        view::Data row;
        row.set("agency_name", due.agency_name);
        row.set("state_code", std::string(EvaluationStateName(due.state)));
        row.set("state_label", std::string(EvaluationStateLabel(due.state)));
        if (!due.deadline.empty()) {
            row.set("deadline", ShowDate(due.deadline));
        }
        row.set("form_href", std::string(kEvaluationPath) + "/moi?phan-cong=" + Id(due.assignment_id));
        view::Append(pending, std::move(row));
    }
    data.set("has_rows", !evaluations.empty());
    data.set("has_pending", !open.empty());
    data["rows"] = std::move(rows);
    data["pending"] = std::move(pending);
    return web.Page("outreach/evaluation_conference", std::move(data), principal, "Đánh giá của đơn vị dự hội nghị");
}

void RegisterPages(http::Router& router, const org::Web& web, EvaluationService& service) {
    const std::string criteria(kCriteriaPath);
    const std::string base(kEvaluationPath);
    router.Add(verb::get, criteria, Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        view::Data data;
        if (request.query.Has("da-luu")) {
            data.set("notice", std::string("Đã lưu bộ tiêu chí."));
        }
        return CriteriaPage(web, service, principal, http::Params{}, std::move(data), 200);
    });
    router.Add(verb::post, criteria, Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        try {
            Guard([&] {
                return service.AddCriteriaSet(ActorOf(principal, request), CriteriaFromForm(form),
                                              web::IdempotencyKey(request, &form));
            });
        } catch (const http::HttpError& error) {
            if (error.Status() == 403 || error.Status() == 404) {
                throw;
            }
            view::Data data;
            FormErrors(data, error);
            return CriteriaPage(web, service, principal, form, std::move(data), error.Status());
        }
        return Response::Redirect(std::string(kCriteriaPath) + "?da-luu=1");
    });
    router.Add(verb::get, base + "/moi", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto id = org::ToInt(request.query.Get("phan-cong"));
        if (!id) {
            throw http::HttpError(404, "not_found", "Hãy mở phiếu đánh giá từ lịch đi dự của cơ quan.");
        }
        return FormPage(web, service, principal, *id, http::Params{}, view::Data(), 200);
    });
    router.Add(verb::post, base + "/moi", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        auto input = EvaluationFromForm(form);
        Written written;
        try {
            written = Guard(
                [&] { return service.File(ActorOf(principal, request), input, web::IdempotencyKey(request, &form)); });
        } catch (const http::HttpError& error) {
            if (error.Status() == 403 || error.Status() == 404) {
                throw;
            }
            view::Data data;
            FormErrors(data, error);
            return FormPage(web, service, principal, input.assignment_id, form, std::move(data), error.Status());
        }
        return Response::Redirect(std::string(kEvaluationPath) + "/" + Id(written.id) + "?da-gui=1");
    });
    router.Add(verb::get, base + "/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return EvaluationPage(web, service, principal, request.PathId("id"), request.query.Has("da-gui"));
    });
    router.Add(verb::get, "/quan-tri/tuyen-van/hoi-nghi/{id}/danh-gia", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return ConferencePage(web, service, principal, request.PathId("id"));
               });
}

void RegisterApi(http::Router& router, const org::Web& web, EvaluationService& service) {
    router
        .Add(verb::get, "/api/v1/outreach/criteria-sets", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 json::array items;
                 for (const auto& set : service.CriteriaSets(principal)) {
                     items.push_back(json::parse(ToJson(set)));
                 }
                 return Response::Json(json::serialize(json::object{{"items", std::move(items)}}));
             })
        .summary = "Các bộ tiêu chí đánh giá hội nghị tuyên vận, mới nhất trước, đánh dấu bộ đang áp dụng";
    router
        .Add(verb::post, "/api/v1/outreach/criteria-sets", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto written =
                     service.AddCriteriaSet(ActorOf(principal, request), CriteriaFromJson(web.JsonBody(request)),
                                            web::IdempotencyKey(request, nullptr));
                 for (const auto& set : service.CriteriaSets(principal)) {
                     if (set.id == written.id) {
                         return web::WrittenJson(ToJson(set), written.replayed, 201);
                     }
                 }
                 throw http::HttpError(404, "not_found", "Không tìm thấy bộ tiêu chí vừa lưu.");
             })
        .summary =
        "Thêm bộ tiêu chí đánh giá: {effective_from (yyyy-mm-dd), title, basis, criteria: [{code, label, "
        "max_points}]}; bộ chưa dùng cùng ngày áp dụng được thay thế, bộ đã dùng thì không (Tỉnh ủy; header "
        "Idempotency-Key chống gửi trùng)";
    router
        .Add(verb::get, "/api/v1/outreach/conferences/{id}/evaluations", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 auto [evaluations, open] = service.OfConference(principal, request.PathId("id"));
                 json::array items, pending;
                 for (const auto& e : evaluations) {
                     items.push_back(json::parse(ToJson(e)));
                 }
                 for (const auto& due : open) {
                     pending.push_back(json::parse(ToJson(due)));
                 }
                 return Response::Json(
                     json::serialize(json::object{{"items", std::move(items)}, {"pending", std::move(pending)}}));
             })
        .summary = "Các phiếu đánh giá một hội nghị của đơn vị dự, và các đơn vị được phân công chưa đánh giá";
    router
        .Add(verb::post, "/api/v1/outreach/evaluations", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto written = service.File(ActorOf(principal, request), EvaluationFromJson(web.JsonBody(request)),
                                             web::IdempotencyKey(request, nullptr));
                 return web::WrittenJson(ToJson(service.Get(principal, written.id)), written.replayed, 201);
             })
        .summary =
        "Gửi phiếu đánh giá hội nghị của đơn vị được phân công dự: {assignment_id hoặc conference_id, scores: "
        "[{criterion_id hoặc code, points, note}] hoặc {mã: điểm}, followed_registration (true|false), comments}; "
        "trong hạn sau ngày hội nghị, mỗi đơn vị một lần (header Idempotency-Key chống gửi trùng)";
    router
        .Add(verb::get, "/api/v1/outreach/evaluations/{id}", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 return Response::Json(ToJson(service.Get(principal, request.PathId("id"))));
             })
        .summary = "Một phiếu đánh giá hội nghị với điểm từng tiêu chí";
}

}  // namespace

void RegisterEvaluationRoutes(http::Router& router, const org::Web& web, EvaluationService& service) {
    RegisterPages(router, web, service);
    RegisterApi(router, web, service);
}

}  // namespace tuyenvan::outreach
