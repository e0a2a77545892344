#include "outreach/bodies_routes.hpp"

#include <boost/json.hpp>

#include "outreach/web_support.hpp"
#include "platform/http/multipart.hpp"
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
using org::ServiceError;

// A rules document of at most 10 MB, with room for the other form fields (or base64 in JSON).
constexpr std::size_t kUploadBodyLimit = std::size_t{14} * 1024 * 1024;

std::vector<std::string> Topics(const json::object& body) {
    std::vector<std::string> out;
    auto found = body.find("topics");
    if (found != body.end() && found->value().is_array()) {
        for (const auto& topic : found->value().as_array()) {
            if (topic.is_string()) {
                out.emplace_back(topic.as_string());
            }
        }
    }
    return out;
}

// One topic per line of a textarea.
std::vector<std::string> TopicLines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    return out;
}

std::optional<std::string> DecodeBase64(std::string_view text) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char ch : text) {
        int value = -1;
        if (ch >= 'A' && ch <= 'Z') value = ch - 'A';
        else if (ch >= 'a' && ch <= 'z') value = ch - 'a' + 26;
        else if (ch >= '0' && ch <= '9') value = ch - '0' + 52;
        else if (ch == '+' || ch == '-') value = 62;
        else if (ch == '/' || ch == '_') value = 63;
        else if (ch == '=' || ch == '\n' || ch == '\r' || ch == ' ') continue;
        else return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

std::string Size(std::int64_t bytes) {
    if (bytes >= 1024 * 1024) {
        return text::FormatNumber((bytes * 10 / (1024 * 1024)) / 10) + "," +
               std::to_string((bytes * 10 / (1024 * 1024)) % 10) + " MB";
    }
    return text::FormatNumber(std::max<std::int64_t>(1, bytes / 1024)) + " KB";
}

std::string UnitPath(std::int64_t id) { return "/quan-tri/tuyen-van/don-vi/" + std::to_string(id); }

bool Writes(const org::Principal& principal, const UnitRef& unit) {
    return principal.Can(org::Permission::kOutreachWrite, unit.path);
}

// A form is offered only to those who may send it; the service checks again when it comes back.
void RequireWrites(const org::Principal& principal, const UnitRef& unit) {
    if (!Writes(principal, unit)) {
        throw http::HttpError(403, "forbidden", "Bạn không có quyền thực hiện thao tác này với đơn vị này.");
    }
}

void SetUnit(view::Data& data, const UnitRef& unit) {
    data.set("unit_id", std::to_string(unit.id));
    data.set("unit_name", unit.name);
    data.set("unit_level", std::string(org::LevelLabel(unit.level)));
    if (unit.parent_id) {
        data.set("parent_id", std::to_string(*unit.parent_id));
        data.set("parent_name", unit.parent_name);
    }
    data.set("is_commune", unit.level == "commune");
    data.set("is_village", unit.level == "village");
    data.set("has_overview", unit.level == "province" || unit.level == "district");
    data.set("has_speakers", unit.level == "province" || unit.level == "district" || unit.level == "commune");
}

view::Data UnitData(const UnitRef& unit) {
    view::Data data;
    SetUnit(data, unit);
    return data;
}

view::Data MemberData(const Member& member, bool can_write) {
    view::Data row;
    row.set("id", std::to_string(member.id));
    row.set("name", member.person_name);
    row.set("role", std::string(MemberRoleLabel(member.role)));
    row.set("lead", IsSingleSeat(member.role));
    row.set("position", member.position);
    // Absent, not empty: a Mustache section shows for any string, even an empty one.
    if (!member.phone.empty()) {
        row.set("phone", member.phone);
    }
    row.set("start_on", web::ShowDay(member.start_on));
    if (!member.end_on.empty()) {
        row.set("end_on", web::ShowDay(member.end_on));
    } else if (can_write) {
        row.set("can_end", true);
    }
    return row;
}

view::List CandidateOptions(const std::vector<Candidate>& people, std::int64_t selected) {
    view::List list = view::MakeList();
    for (const auto& person : people) {
        view::Data option;
        option.set("value", std::to_string(person.id));
        std::string label = person.full_name;
        if (!person.position.empty()) {
            label += " — " + person.position;
        }
        label += " (" + person.unit_name + ")";
        option.set("label", label);
        option.set("selected", person.id == selected);
        view::Append(list, std::move(option));
    }
    return list;
}

view::Data DocumentData(const RulesDocument& document) {
    view::Data row;
    row.set("id", std::to_string(document.id));
    row.set("file_name", document.file_name);
    row.set("kind", document.content_type == "application/pdf" ? "PDF" : "DOCX");
    row.set("size", Size(document.byte_size));
    row.set("adopted_on", web::ShowDay(document.adopted_on));
    row.set("uploaded_at", text::FormatDateTime(document.created_at));
    return row;
}

// ---------- JSON ----------

json::value UnitJson(const UnitRef& unit) {
    return json::object{{"id", unit.id},
                        {"name", unit.name},
                        {"level", unit.level},
                        {"parent_id", unit.parent_id ? json::value(*unit.parent_id) : json::value(nullptr)}};
}

json::value OptionalBody(const std::optional<Body>& body) {
    return body ? json::parse(ToJson(*body)) : json::value(nullptr);
}

std::string OutreachJson(const UnitOutreach& outreach) {
    json::array members;
    for (const auto& member : outreach.members) {
        members.push_back(json::parse(ToJson(member)));
    }
    json::array rules;
    for (const auto& document : outreach.rules) {
        rules.push_back(json::parse(ToJson(document)));
    }
    json::array villages;
    for (const auto& village : outreach.villages) {
        villages.push_back(json::object{{"village", UnitJson(village.village)},
                                        {"team", OptionalBody(village.team)},
                                        {"members", village.members},
                                        {"leader_name", village.leader_name}});
    }
    return json::serialize(json::object{{"unit", UnitJson(outreach.unit)},
                                        {"body", OptionalBody(outreach.body)},
                                        {"members", std::move(members)},
                                        {"rules", std::move(rules)},
                                        {"villages", std::move(villages)},
                                        {"parent_committee", OptionalBody(outreach.parent_committee)}});
}

std::string VacanciesJson(const VacancyOverview& overview) {
    json::array communes;
    for (const auto& line : overview.communes) {
        json::array without;
        for (const auto& name : line.villages_without_team) {
            without.push_back(json::value(name));
        }
        json::array small;
        for (const auto& [name, members] : line.small_teams) {
            small.push_back(json::object{{"village_name", name}, {"members", members}});
        }
        communes.push_back(json::object{
            {"commune", UnitJson(line.commune)},
            {"committee_id", line.committee_id ? json::value(*line.committee_id) : json::value(nullptr)},
            {"has_head", line.has_head},
            {"has_full_time_deputy", line.has_full_time_deputy},
            {"members", line.members},
            {"villages", line.villages},
            {"villages_without_team", std::move(without)},
            {"small_teams", std::move(small)}});
    }
    return json::serialize(json::object{{"unit", UnitJson(overview.unit)},
                                        {"without_committee", overview.without_committee},
                                        {"without_full_time_deputy", overview.without_full_time_deputy},
                                        {"villages_without_team", overview.villages_without_team},
                                        {"small_teams", overview.small_teams},
                                        {"communes", std::move(communes)}});
}

Response Created(std::int64_t id) { return Response::Json(json::serialize(json::object{{"id", id}}), 201); }

Response Download(const RulesFile& file) {
    Response response;
    response.content_type = file.document.content_type;
    response.body = file.bytes;
    response.With("Content-Disposition", "attachment; filename=\"quy-che-" + std::to_string(file.document.id) + "." +
                                             (file.document.content_type == "application/pdf" ? "pdf" : "docx") +
                                             "\"; filename*=UTF-8''" + http::PercentEncode(file.document.file_name));
    return response;
}

// ---------- pages ----------

Response UnitPage(const org::Web& web, BodiesService& service, const org::Principal& principal, std::int64_t unit_id,
                  bool history, view::Data data) {
    auto outreach = service.GetUnit(principal, unit_id, history);
    bool can_write = Writes(principal, outreach.unit);
    SetUnit(data, outreach.unit);
    data.set("can_write", can_write);
    data.set("history", history);
    data.set("can_have_body", outreach.can_have_body);
    data.set("today", web::TodayIso());
    std::string title = outreach.unit.name;
    if (outreach.body) {
        data.set("body_id", std::to_string(outreach.body->id));
        data.set("body_name", outreach.body->name);
        data.set("is_team", outreach.body->kind == BodyKind::kTeam);
        if (!outreach.body->established_on.empty()) {
            data.set("established_on", web::ShowDay(outreach.body->established_on));
        }
        title = outreach.body->name;
        view::List members = view::MakeList();
        std::int64_t current = 0;
        for (const auto& member : outreach.members) {
            current += member.end_on.empty() ? 1 : 0;
            view::Append(members, MemberData(member, can_write));
        }
        data.set("has_members", !outreach.members.empty());
        data["members"] = std::move(members);
        data.set("member_count", std::to_string(current));
        if (!outreach.rules.empty()) {
            data["rules"] = DocumentData(outreach.rules.front());
            view::List older = view::MakeList();
            for (std::size_t i = 1; i < outreach.rules.size(); ++i) {
                view::Append(older, DocumentData(outreach.rules[i]));
            }
            data.set("has_older_rules", outreach.rules.size() > 1);
            data["older_rules"] = std::move(older);
        }
        if (outreach.body->kind == BodyKind::kTeam && current < kTeamMinimum) {
            data.set("warning", "Tổ mới có " + std::to_string(current) + " thành viên; một tổ cần ít nhất " +
                                    std::to_string(kTeamMinimum) + ".");
        }
    } else {
        data.set("no_body", true);
        data.set("needs_committee", outreach.unit.level == "village" && !outreach.parent_committee);
    }
    if (outreach.unit.level == "commune") {
        view::List villages = view::MakeList();
        for (const auto& village : outreach.villages) {
            view::Data row;
            row.set("id", std::to_string(village.village.id));
            row.set("name", village.village.name);
            if (village.team) {
                row.set("has_team", true);
                row.set("members", std::to_string(village.members));
                row.set("small", village.members < kTeamMinimum);
                if (!village.leader_name.empty()) {
                    row.set("leader", village.leader_name);
                }
            } else {
                row.set("can_create", can_write && outreach.body.has_value());
            }
            view::Append(villages, std::move(row));
        }
        data.set("has_villages", !outreach.villages.empty());
        data["villages"] = std::move(villages);
    }
    return web.Page("outreach/bodies_unit", std::move(data), principal, title);
}

Response MemberForm(const org::Web& web, BodiesService& service, const org::Principal& principal,
                    std::int64_t body_id, const http::Params& form, view::Data data, unsigned status) {
    auto [body, unit] = service.GetBody(principal, body_id);
    auto people = service.Candidates(principal, body_id);
    data.set("body_id", std::to_string(body.id));
    data.set("body_name", body.name);
    data.set("unit_id", std::to_string(unit.id));
    data.set("people", CandidateOptions(people, org::ToInt(form.Get("person_id")).value_or(0)));
    view::List roles = view::MakeList();
    for (MemberRole role : RolesOf(body.kind)) {
        view::Data option;
        option.set("value", std::string(MemberRoleName(role)));
        option.set("label", std::string(MemberRoleLabel(role)));
        option.set("selected", form.Get("role", "member") == MemberRoleName(role));
        view::Append(roles, std::move(option));
    }
    data["roles"] = std::move(roles);
    data.set("position", form.Get("position"));
    data.set("phone", form.Get("phone"));
    data.set("start_on", form.Get("start_on", web::TodayIso()));
    return web.Page("outreach/bodies_member_form", std::move(data), principal, "Thêm thành viên · " + body.name, status);
}

Response EndForm(const org::Web& web, BodiesService& service, const org::Principal& principal,
                 std::int64_t member_id, const std::string& end_on, view::Data data, unsigned status) {
    auto [member, unit] = service.GetMember(principal, member_id);
    RequireWrites(principal, unit);
    data.set("member_id", std::to_string(member.id));
    data.set("version", std::to_string(member.version));
    data.set("name", member.person_name);
    data.set("role", std::string(MemberRoleLabel(member.role)));
    data.set("start_on", web::ShowDay(member.start_on));
    data.set("unit_id", std::to_string(unit.id));
    data.set("unit_name", unit.name);
    data.set("end_on", end_on.empty() ? web::TodayIso() : end_on);
    if (!member.end_on.empty()) {
        data.set("ended", web::ShowDay(member.end_on));
    }
    return web.Page("outreach/bodies_member_end", std::move(data), principal, "Thôi tham gia · " + member.person_name,
                    status);
}

Response RulesForm(const org::Web& web, BodiesService& service, const org::Principal& principal, std::int64_t body_id,
                   const std::string& adopted_on, view::Data data, unsigned status) {
    auto [body, unit] = service.GetBody(principal, body_id);
    RequireWrites(principal, unit);
    data.set("body_id", std::to_string(body.id));
    data.set("body_name", body.name);
    data.set("unit_id", std::to_string(unit.id));
    data.set("adopted_on", adopted_on);
    return web.Page("outreach/bodies_rules_form", std::move(data), principal, "Quy chế hoạt động · " + body.name,
                    status);
}

void SetSpeaker(view::Data& row, const Speaker& speaker) {
    row.set("id", std::to_string(speaker.id));
    row.set("name", speaker.person_name);
    row.set("position", speaker.position);
    if (!speaker.phone.empty()) {
        row.set("phone", speaker.phone);
    }
    row.set("unit_name", speaker.unit_name);
    row.set("inactive", !speaker.active);
    view::List topics = view::MakeList();
    std::string lines;
    for (const auto& topic : speaker.topics) {
        view::Data item;
        item.set("topic", topic);
        view::Append(topics, std::move(item));
        lines += (lines.empty() ? "" : "\n") + topic;
    }
    row["topics"] = std::move(topics);
    row.set("topic_lines", lines);
}

Response SpeakersPage(const org::Web& web, BodiesService& service, const org::Principal& principal,
                      std::int64_t unit_id, const http::Params& form, view::Data data, unsigned status) {
    auto [unit, speakers] = service.Speakers(principal, unit_id);
    SetUnit(data, unit);
    view::List rows = view::MakeList();
    for (const auto& speaker : speakers) {
        view::Data row;
        SetSpeaker(row, speaker);
        view::Append(rows, std::move(row));
    }
    data.set("has_speakers_list", !speakers.empty());
    data.set("speaker_count", std::to_string(speakers.size()));
    data["speakers"] = std::move(rows);
    bool can_write = Writes(principal, unit) && (unit.level == "province" || unit.level == "district" ||
                                                 unit.level == "commune");
    data.set("can_write", can_write);
    if (can_write) {
        data.set("people",
                 CandidateOptions(service.SpeakerCandidates(principal, unit_id),
                                  org::ToInt(form.Get("person_id")).value_or(0)));
        data.set("topics_text", form.Get("topics"));
    }
    return web.Page("outreach/bodies_speakers", std::move(data), principal, "Báo cáo viên · " + unit.name, status);
}

Response SpeakerPage(const org::Web& web, BodiesService& service, const org::Principal& principal,
                     std::int64_t speaker_id, view::Data data, unsigned status) {
    auto speaker = service.GetSpeaker(principal, speaker_id);
    SetSpeaker(data, speaker);
    view::List presentations = view::MakeList();
    for (const auto& presentation : speaker.presentations) {
        view::Data row;
        row.set("day", web::ShowDay(presentation.day));
        row.set("commune", presentation.commune_name);
        row.set("topic", presentation.topic);
        row.set("presented", presentation.presented);
        view::Append(presentations, std::move(row));
    }
    data.set("has_presentations", !speaker.presentations.empty());
    data["presentations"] = std::move(presentations);
    data.set("unit_id", std::to_string(speaker.unit_id));
    data.set("version", std::to_string(speaker.version));
    data.set("active", speaker.active);
    auto [unit, ignored] = service.Speakers(principal, speaker.unit_id);
    data.set("can_write", Writes(principal, unit));
    return web.Page("outreach/bodies_speaker", std::move(data), principal, "Báo cáo viên " + speaker.person_name,
                    status);
}

Response VacancyPage(const org::Web& web, BodiesService& service, const org::Principal& principal,
                     std::int64_t unit_id, bool by_gaps) {
    auto overview = service.Vacancies(principal, unit_id, by_gaps ? VacancyOrder::kGaps : VacancyOrder::kName);
    view::Data data = UnitData(overview.unit);
    data.set("by_gaps", by_gaps);
    data.set("commune_count", text::FormatNumber(static_cast<std::int64_t>(overview.communes.size())));
    data.set("without_committee", text::FormatNumber(overview.without_committee));
    data.set("without_full_time_deputy", text::FormatNumber(overview.without_full_time_deputy));
    data.set("villages_without_team", text::FormatNumber(overview.villages_without_team));
    data.set("small_teams", text::FormatNumber(overview.small_teams));
    view::List rows = view::MakeList();
    for (const auto& line : overview.communes) {
        view::Data row;
        row.set("id", std::to_string(line.commune.id));
        row.set("name", line.commune.name);
        // The district is worth naming only on an overview wider than one district.
        if (line.commune.parent_id != overview.unit.id) {
            row.set("district_name", line.commune.parent_name);
        }
        row.set("has_committee", line.committee_id.has_value());
        row.set("has_head", line.has_head);
        row.set("has_full_time_deputy", line.has_full_time_deputy);
        row.set("members", std::to_string(line.members));
        row.set("villages", std::to_string(line.villages));
        std::string without;
        for (const auto& name : line.villages_without_team) {
            without += (without.empty() ? "" : ", ") + name;
        }
        if (!without.empty()) {
            row.set("without", without);
            row.set("without_count", std::to_string(line.villages_without_team.size()));
        }
        std::string small;
        for (const auto& [name, members] : line.small_teams) {
            small += (small.empty() ? "" : ", ") + name + " (" + std::to_string(members) + ")";
        }
        if (!small.empty()) {
            row.set("small", small);
            row.set("small_count", std::to_string(line.small_teams.size()));
        }
        row.set("complete", line.Gaps() == 0);
        view::Append(rows, std::move(row));
    }
    data.set("has_communes", !overview.communes.empty());
    data["communes"] = std::move(rows);
    return web.Page("outreach/bodies_vacancies", std::move(data), principal, "Tổng hợp ban, tổ tuyên vận · " +
                                                                                  overview.unit.name);
}

void RegisterPages(http::Router& router, const org::Web& web, BodiesService& service) {
    router.Add(verb::get, "/quan-tri/tuyen-van", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        view::List units = view::MakeList();
        for (const auto& unit : service.EntryUnits(principal)) {
            view::Append(units, UnitData(unit));
        }
        view::Data data;
        data.set("has_units", units.is_non_empty_list());
        data["units"] = std::move(units);
        return web.Page("outreach/bodies_home", std::move(data), principal, "Công tác tuyên vận");
    });
    router.Add(verb::get, "/quan-tri/tuyen-van/don-vi/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        view::Data data;
        if (request.query.Has("da-luu")) {
            data.set("notice", "Đã lưu.");
        }
        return UnitPage(web, service, principal, request.PathId("id"), request.query.Get("lich-su") == "1",
                        std::move(data));
    });
    router.Add(verb::post, "/quan-tri/tuyen-van/don-vi/{id}/thanh-lap", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto form = web.Form(request);
                   web.CheckCsrf(request, principal, &form);
                   std::int64_t unit_id = request.PathId("id");
                   service.Establish(ActorOf(principal, request), unit_id, form.Get("established_on"));
                   auto back = org::ToInt(form.Get("back"));
                   return Response::Redirect(UnitPath(back.value_or(unit_id)) + "?da-luu=1");
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/ban/{body}/thanh-vien", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return MemberForm(web, service, principal, request.PathId("body"), http::Params{}, view::Data{},
                                     200);
               });
    router.Add(verb::post, "/quan-tri/tuyen-van/ban/{body}/thanh-vien", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto form = web.Form(request);
                   web.CheckCsrf(request, principal, &form);
                   std::int64_t body_id = request.PathId("body");
                   MemberInput input{org::ToInt(form.Get("person_id")), form.Get("role"), form.Get("position"),
                                     form.Get("phone"), form.Get("start_on")};
                   try {
                       Guard([&] { service.AddMember(ActorOf(principal, request), body_id, input); });
                   } catch (const http::HttpError& error) {
                       if (error.Status() == 403 || error.Status() == 404) {
                           throw;
                       }
                       view::Data data;
                       FormErrors(data, error);
                       return MemberForm(web, service, principal, body_id, form, std::move(data), error.Status());
                   }
                   auto [body, unit] = service.GetBody(principal, body_id);
                   return Response::Redirect(UnitPath(unit.id) + "?da-luu=1");
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/thanh-vien/{member}/thoi", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return EndForm(web, service, principal, request.PathId("member"), "", view::Data{}, 200);
               });
    router.Add(verb::post, "/quan-tri/tuyen-van/thanh-vien/{member}/thoi", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto form = web.Form(request);
                   web.CheckCsrf(request, principal, &form);
                   std::int64_t member_id = request.PathId("member");
                   try {
                       Guard([&] {
                           service.EndMember(ActorOf(principal, request), member_id,
                                             org::ToInt(form.Get("version")).value_or(0), form.Get("end_on"));
                       });
                   } catch (const http::HttpError& error) {
                       if (error.Status() == 403 || error.Status() == 404) {
                           throw;
                       }
                       view::Data data;
                       FormErrors(data, error);
                       return EndForm(web, service, principal, member_id, form.Get("end_on"), std::move(data),
                                      error.Status());
                   }
                   auto [member, unit] = service.GetMember(principal, member_id);
                   return Response::Redirect(UnitPath(unit.id) + "?da-luu=1");
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/ban/{body}/quy-che", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return RulesForm(web, service, principal, request.PathId("body"), "", view::Data{}, 200);
               });
    auto& upload = router.Add(
        verb::post, "/quan-tri/tuyen-van/ban/{body}/quy-che", Mode::kBlocking, [&web, &service](Request& request) {
            auto principal = web.RequirePrincipal(request);
            http::Params fields;
            RulesUpload file;
            auto boundary = http::MultipartBoundary(request.Header("Content-Type"));
            bool parsed = false;
            if (boundary) {
                auto multipart = http::ParseMultipart(request.body, *boundary, 10);
                if (!multipart.error) {
                    parsed = true;
                    for (const auto& part : multipart.parts) {
                        if (part.name == "file" && part.filename) {
                            file.file_name = *part.filename;
                            file.bytes = std::string(part.data);
                        } else if (!part.filename) {
                            fields.Add(part.name, std::string(part.data));
                        }
                    }
                }
            } else {
                fields = web.Form(request);
            }
            web.CheckCsrf(request, principal, &fields);
            std::int64_t body_id = request.PathId("body");
            if (boundary && !parsed) {
                throw http::HttpError(400, "bad_form", "Dữ liệu tải lên không hợp lệ hoặc bị cắt ngang; hãy gửi lại.");
            }
            file.adopted_on = fields.Get("adopted_on");
            try {
                Guard([&] { service.UploadRules(ActorOf(principal, request), body_id, file); });
            } catch (const http::HttpError& error) {
                if (error.Status() == 403 || error.Status() == 404) {
                    throw;
                }
                view::Data data;
                FormErrors(data, error);
                return RulesForm(web, service, principal, body_id, file.adopted_on, std::move(data), error.Status());
            }
            auto [body, unit] = service.GetBody(principal, body_id);
            return Response::Redirect(UnitPath(unit.id) + "?da-luu=1");
        });
    upload.body_limit = kUploadBodyLimit;
    router.Add(verb::get, "/quan-tri/tuyen-van/quy-che/{document}", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return Download(service.Rules(principal, request.PathId("document")));
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/don-vi/{id}/bao-cao-vien", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   view::Data data;
                   if (request.query.Has("da-luu")) {
                       data.set("notice", "Đã lưu.");
                   }
                   return SpeakersPage(web, service, principal, request.PathId("id"), http::Params{}, std::move(data),
                                       200);
               });
    router.Add(verb::post, "/quan-tri/tuyen-van/don-vi/{id}/bao-cao-vien", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto form = web.Form(request);
                   web.CheckCsrf(request, principal, &form);
                   std::int64_t unit_id = request.PathId("id");
                   SpeakerInput input{org::ToInt(form.Get("person_id")), TopicLines(form.Get("topics")), true};
                   std::int64_t id = 0;
                   try {
                       id = Guard([&] { return service.AddSpeaker(ActorOf(principal, request), unit_id, input); });
                   } catch (const http::HttpError& error) {
                       if (error.Status() == 403 || error.Status() == 404) {
                           throw;
                       }
                       view::Data data;
                       FormErrors(data, error);
                       return SpeakersPage(web, service, principal, unit_id, form, std::move(data), error.Status());
                   }
                   return Response::Redirect("/quan-tri/tuyen-van/bao-cao-vien/" + std::to_string(id) + "?da-luu=1");
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/bao-cao-vien/{speaker}", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   view::Data data;
                   if (request.query.Has("da-luu")) {
                       data.set("notice", "Đã lưu.");
                   }
                   return SpeakerPage(web, service, principal, request.PathId("speaker"), std::move(data), 200);
               });
    router.Add(verb::post, "/quan-tri/tuyen-van/bao-cao-vien/{speaker}", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto form = web.Form(request);
                   web.CheckCsrf(request, principal, &form);
                   std::int64_t speaker_id = request.PathId("speaker");
                   SpeakerInput input{std::nullopt, TopicLines(form.Get("topics")), form.Get("active") == "1"};
                   try {
                       Guard([&] {
                           service.UpdateSpeaker(ActorOf(principal, request), speaker_id,
                                                 org::ToInt(form.Get("version")).value_or(0), input);
                       });
                   } catch (const http::HttpError& error) {
                       if (error.Status() == 403 || error.Status() == 404) {
                           throw;
                       }
                       view::Data data;
                       FormErrors(data, error);
                       return SpeakerPage(web, service, principal, speaker_id, std::move(data), error.Status());
                   }
                   return Response::Redirect("/quan-tri/tuyen-van/bao-cao-vien/" + std::to_string(speaker_id) +
                                             "?da-luu=1");
               });
    router.Add(verb::get, "/quan-tri/tuyen-van/don-vi/{id}/tong-hop", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return VacancyPage(web, service, principal, request.PathId("id"),
                                      request.query.Get("sap-xep") == "thieu");
               });
}

void RegisterApi(http::Router& router, const org::Web& web, BodiesService& service) {
    router.Add(verb::get, "/api/v1/outreach/units/{id}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return Response::Json(
            OutreachJson(service.GetUnit(principal, request.PathId("id"), request.query.Get("history") == "1")));
    }).summary = "Ban hoặc tổ tuyên vận của một đơn vị: thành viên (history=1: cả lịch sử), quy chế, các tổ";
    router.Add(verb::post, "/api/v1/outreach/units/{id}/body", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        web.CheckCsrf(request, principal, nullptr);
        std::int64_t unit_id = request.PathId("id");
        auto body = web.JsonBody(request);
        return Created(service.Establish(ActorOf(principal, request), unit_id, web::JsonText(body, "established_on")));
    }).summary = "Thành lập ban tuyên vận (xã, huyện, tỉnh) hoặc tổ tuyên vận (thôn, bản): {established_on}";
    router.Add(verb::get, "/api/v1/outreach/units/{id}/vacancies", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto order = request.query.Get("order") == "gaps" ? VacancyOrder::kGaps : VacancyOrder::kName;
                   return Response::Json(VacanciesJson(service.Vacancies(principal, request.PathId("id"), order)));
               })
        .summary = "Tổng hợp thiếu vắng của các xã trong đơn vị (order=gaps: xã thiếu nhiều trước)";
    router.Add(verb::get, "/api/v1/outreach/units/{id}/speakers", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto [unit, speakers] = service.Speakers(principal, request.PathId("id"));
        json::array items;
        for (const auto& speaker : speakers) {
            items.push_back(json::parse(ToJson(speaker)));
        }
        return Response::Json(json::serialize(json::object{{"unit", UnitJson(unit)}, {"items", std::move(items)}}));
    }).summary = "Báo cáo viên của một cấp với các chuyên đề";
    router.Add(verb::post, "/api/v1/outreach/units/{id}/speakers", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   web.CheckCsrf(request, principal, nullptr);
                   std::int64_t unit_id = request.PathId("id");
                   auto body = web.JsonBody(request);
                   auto active = body.find("active");
                   SpeakerInput input{web::JsonInt(body, "person_id"), Topics(body),
                                      active == body.end() || !active->value().is_bool() || active->value().as_bool()};
                   return Created(service.AddSpeaker(ActorOf(principal, request), unit_id, input));
               })
        .summary = "Thêm báo cáo viên của một cấp: {person_id, topics[]}";
    router.Add(verb::get, "/api/v1/outreach/bodies/{body}/members", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto [body, unit] = service.GetBody(principal, request.PathId("body"));
                   auto outreach = service.GetUnit(principal, unit.id, request.query.Get("history") == "1");
                   json::array items;
                   for (const auto& member : outreach.members) {
                       items.push_back(json::parse(ToJson(member)));
                   }
                   return Response::Json(json::serialize(
                       json::object{{"body", json::parse(ToJson(body))}, {"items", std::move(items)}}));
               })
        .summary = "Thành viên của ban hoặc tổ (history=1: cả người đã thôi)";
    router.Add(verb::post, "/api/v1/outreach/bodies/{body}/members", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   web.CheckCsrf(request, principal, nullptr);
                   std::int64_t body_id = request.PathId("body");
                   auto body = web.JsonBody(request);
                   MemberInput input{web::JsonInt(body, "person_id"), web::JsonText(body, "role"), web::JsonText(body, "position"),
                                     web::JsonText(body, "phone"), web::JsonText(body, "start_on")};
                   return Created(service.AddMember(ActorOf(principal, request), body_id, input));
               })
        .summary = "Thêm thành viên: {person_id, role, position, phone, start_on}";
    router.Add(verb::post, "/api/v1/outreach/members/{member}/end", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   web.CheckCsrf(request, principal, nullptr);
                   std::int64_t member_id = request.PathId("member");
                   auto body = web.JsonBody(request);
                   service.EndMember(ActorOf(principal, request), member_id, web::JsonInt(body, "version").value_or(0),
                                     web::JsonText(body, "end_on"));
                   auto [member, unit] = service.GetMember(principal, member_id);
                   return Response::Json(ToJson(member));
               })
        .summary = "Cho thành viên thôi tham gia (giữ lịch sử): {end_on, version}";
    auto& rules = router.Add(verb::post, "/api/v1/outreach/bodies/{body}/rules", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   web.CheckCsrf(request, principal, nullptr);
                   std::int64_t body_id = request.PathId("body");
                   auto body = web.JsonBody(request);
                   auto bytes = DecodeBase64(web::JsonText(body, "content_base64"));
                   if (!bytes) {
                       throw http::HttpError(422, "invalid", "Nội dung tệp (content_base64) không phải base64 hợp lệ.");
                   }
                   RulesUpload upload{web::JsonText(body, "file_name"), std::move(*bytes), web::JsonText(body, "adopted_on")};
                   return Created(service.UploadRules(ActorOf(principal, request), body_id, upload));
               });
    rules.body_limit = kUploadBodyLimit;
    rules.summary = "Đính kèm quy chế hoạt động (PDF hoặc DOCX): {file_name, content_base64, adopted_on}";
    router.Add(verb::get, "/api/v1/outreach/documents/{document}", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   return Download(service.Rules(principal, request.PathId("document")));
               })
        .summary = "Tải tệp quy chế hoạt động";
    router.Add(verb::get, "/api/v1/outreach/speakers/{speaker}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return Response::Json(ToJson(service.GetSpeaker(principal, request.PathId("speaker"))));
    }).summary = "Một báo cáo viên với các chuyên đề";
    router.Add(verb::patch, "/api/v1/outreach/speakers/{speaker}", Mode::kBlocking,
               [&web, &service](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   web.CheckCsrf(request, principal, nullptr);
                   std::int64_t speaker_id = request.PathId("speaker");
                   auto body = web.JsonBody(request);
                   auto active = body.find("active");
                   SpeakerInput input{std::nullopt, Topics(body),
                                      active == body.end() || !active->value().is_bool() || active->value().as_bool()};
                   service.UpdateSpeaker(ActorOf(principal, request), speaker_id, web::JsonInt(body, "version").value_or(0),
                                         input);
                   return Response::Json(ToJson(service.GetSpeaker(principal, speaker_id)));
               })
        .summary = "Sửa chuyên đề và trạng thái của báo cáo viên: {topics[], active, version}";
}

}  // namespace

void RegisterBodiesRoutes(http::Router& router, const org::Web& web, BodiesService& service) {
    RegisterPages(router, web, service);
    RegisterApi(router, web, service);
}

}  // namespace tuyenvan::outreach
