#include "outreach/rotation_cadre_routes.hpp"

#include <boost/json.hpp>

#include "outreach/rotation_routes.hpp"
#include "outreach/web_support.hpp"

namespace tuyenvan::outreach {

namespace json = boost::json;
using boost::beast::http::verb;
using http::Mode;
using http::Request;
using http::Response;
using web::ActorOf;

void RegisterCadreScheduleRoutes(http::Router& router, const org::Web& web, RotationService& service,
                                 CadreFeedTokenSource feed_token) {
    router.Add(verb::get, "/quan-tri/tuyen-van/lich-can-bo/{id}", Mode::kBlocking,
               [&web, &service, feed_token](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   std::int64_t id = request.PathId("id");
                   auto [from, to] = ScheduleRange(request, service, "tu", "den");
                   auto schedule = service.Cadre(principal, id, from, to);
                   view::Data data;
                   data.set("person_id", std::to_string(id));
                   data.set("person_name", schedule.full_name);
                   data.set("position", schedule.position);
                   data.set("unit_name", schedule.unit.full_name);
                   data.set("unit_id", std::to_string(schedule.unit.id));
                   data.set("tu", RotationService::ParseMonth(from).value_or(from));
                   data.set("den", RotationService::ParseMonth(to).value_or(to));
                   data.set("has_rows", !schedule.assignments.empty());
                   data.set("rows", ScheduleRows(schedule.assignments));
                   data.set("caption", "Hội nghị tuyên vận cán bộ được phân công dự");
                   if (feed_token) {
                       data.set("feed_url", web::BaseUrl(request) + "/lich-tuyen-van/" +
                                                feed_token(ActorOf(principal, request), id) + ".ics");
                   }
                   return web.Page("outreach/rotation_cadre", std::move(data), principal,
                                   "Lịch đi dự · " + schedule.full_name);
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/lich-cua-toi", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto person = service.PersonOf(principal);
        if (!person) {
            throw org::ServiceError(org::ServiceError::Kind::kNotFound,
                                    "Tài khoản của đồng chí chưa gắn với một cán bộ trong danh sách nhân sự, nên "
                                    "không có lịch đi dự riêng. Hãy nhờ quản trị viên gắn tài khoản với hồ sơ cán bộ.");
        }
        return Response::Redirect("/quan-tri/tuyen-van/lich-can-bo/" + std::to_string(*person));
    });

    // API
    router
        .Add(verb::get, "/api/v1/outreach/people/{id}/rotation", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 auto [from, to] = ScheduleRange(request, service, "from", "to");
                 return Response::Json(ToJson(service.Cadre(principal, request.PathId("id"), from, to)));
             })
        .summary = "Lịch đi dự hội nghị đã công bố của một cán bộ huyện (luân phiên của huyện)";
    router
        .Add(verb::get, "/api/v1/outreach/people/{id}/calendar-feed", Mode::kBlocking,
             [&web, feed_token](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 std::string token = feed_token(ActorOf(principal, request), request.PathId("id"));
                 return Response::Json(json::serialize(
                     json::object{{"url", web::BaseUrl(request) + "/lich-tuyen-van/" + token + ".ics"}}));
             })
        .summary = "Địa chỉ lịch iCalendar của một cán bộ huyện (các hội nghị được phân công dự)";
}

}  // namespace tuyenvan::outreach
