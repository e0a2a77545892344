#include "outreach/conference_routes.hpp"

#include <boost/json.hpp>

#include "outreach/web_support.hpp"
#include "platform/http/multipart.hpp"
#include "platform/security/crypto.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using http::Mode;
using http::Request;
using http::Response;
using org::ToInt;
using web::ActorOf;
using web::FormErrors;
using web::Guard;

constexpr std::string_view kBase = "/quan-tri/tuyen-van";

std::vector<TopicLine> TopicsFromJson(const json::object& body, std::string_view key) {
    std::vector<TopicLine> out;
    auto found = body.find(key);
    if (found == body.end() || !found->value().is_array()) {
        return out;
    }
    for (const auto& value : found->value().as_array()) {
        if (value.is_string()) {
            out.push_back(TopicLine{std::string(value.as_string()), std::nullopt, ""});
        } else if (value.is_object()) {
            const auto& topic = value.as_object();
            out.push_back(TopicLine{web::JsonText(topic, "topic"), web::JsonInt(topic, "speaker_id"),
                                    web::JsonText(topic, "speaker_name")});
        }
    }
    return out;
}

// Topic lines of a form: repeated "topic" and "speaker" fields; empty lines are skipped.
std::vector<TopicLine> TopicsFromForm(const http::Params& form) {
    auto topics = form.GetAll("topic");
    auto speakers = form.GetAll("speaker");
    std::vector<TopicLine> out;
    for (std::size_t i = 0; i < topics.size(); ++i) {
        std::string speaker = i < speakers.size() ? org::Trim(speakers[i]) : "";
        std::string topic = org::Trim(topics[i]);
        if (!topic.empty() || !speaker.empty()) {
            out.push_back(TopicLine{topic, std::nullopt, speaker});
        }
    }
    return out;
}

view::List TopicRows(const std::vector<TopicLine>& topics, std::size_t blanks) {
    view::List list = view::MakeList();
    for (const auto& topic : topics) {
        view::Data row;
        row.set("topic", topic.topic);
        row.set("speaker", topic.speaker_name);
        row.set("has_speaker", !topic.speaker_name.empty());
        view::Append(list, std::move(row));
    }
    for (std::size_t i = 0; i < blanks; ++i) {
        view::Data row;
        row.set("topic", std::string());
        row.set("speaker", std::string());
        view::Append(list, std::move(row));
    }
    return list;
}

std::string CurrentMonth(const ConferenceService& service) {
    return service.Today().substr(0, 7);
}

std::string ConferenceUrl(std::int64_t id) {
    return std::string(kBase) + "/hoi-nghi/" + std::to_string(id);
}

view::Data StatusData(const StatusResult& status) {
    view::Data data;
    data.set("status_code", std::string(StatusName(status.status)));
    data.set("status_label", std::string(StatusLabel(status.status)));
    data.set("registered_late", status.registered_late);
    data.set("record_late", status.record_late);
    data.set("registration_deadline", ShowDate(status.registration_deadline));
    if (!status.record_deadline.empty()) {
        data.set("record_deadline", ShowDate(status.record_deadline));
    }
    return data;
}

// ---------- the calendar ----------

view::Data CalendarData(ConferenceService& service, const org::Principal& principal, const Request& request) {
    view::Data data;
    auto units = service.CalendarUnits(principal);
    if (units.empty()) {
        data.set("no_units", true);
        return data;
    }
    std::int64_t unit_id = ToInt(request.query.Get("don-vi")).value_or(units.front().id);
    std::string month = request.query.Get("thang");
    if (month.empty()) {
        month = CurrentMonth(service);
    }
    bool list_view = request.query.Get("xem") == "danh-sach";
    MonthOverview overview = service.Month(principal, unit_id, month);
    std::string today = service.Today();

    view::List options = view::MakeList();
    for (const auto& unit : units) {
        view::Data option;
        option.set("value", std::to_string(unit.id));
        option.set("label", (unit.level == "commune" ? "— " : unit.level == "district" ? "" : "") + unit.full_name);
        option.set("selected", unit.id == unit_id);
        view::Append(options, std::move(option));
    }
    data["units"] = std::move(options);
    data.set("unit_id", std::to_string(unit_id));
    data.set("unit_name", overview.unit.full_name);
    data.set("month", month);
    data.set("month_label", web::ShowMonth(month));
    data.set("previous_month", PreviousMonth(month));
    data.set("next_month", NextMonth(month));
    data.set("list_view", list_view);
    data.set("registration_day", std::to_string(overview.rule.registration_day));
    data.set("record_due_days", std::to_string(overview.rule.record_due_days));
    StatusFacts facts;
    facts.month = month;
    facts.rule = overview.rule;
    facts.today = today;
    data.set("registration_deadline", ShowDate(ComputeStatus(facts).registration_deadline));

    // Counts by status.
    view::List counts = view::MakeList();
    for (auto status : AllConferenceStatuses()) {
        std::int64_t n = 0;
        for (const auto& line : overview.communes) {
            n += line.status.status == status ? 1 : 0;
        }
        if (n > 0) {
            view::Data count;
            count.set("status_code", std::string(StatusName(status)));
            count.set("status_label", std::string(StatusLabel(status)));
            count.set("count", std::to_string(n));
            view::Append(counts, std::move(count));
        }
    }
    data["counts"] = std::move(counts);
    data.set("commune_count", std::to_string(overview.communes.size()));

    // The list.
    view::List rows = view::MakeList();
    for (const auto& line : overview.communes) {
        view::Data row = StatusData(line.status);
        row.set("unit_name", line.unit.full_name);
        row.set("unit_id", std::to_string(line.unit.id));
        if (line.conference) {
            row.set("href", ConferenceUrl(line.conference->id));
            row.set("date", ShowDate(line.conference->scheduled_date));
            row.set("time", line.conference->scheduled_time);
            row.set("venue", line.conference->venue);
            row.set("chair", line.conference->chair);
            row.set("changed", !line.conference->changes.empty());
        } else if (principal.Can(org::Permission::kOutreachWrite, line.unit.path) &&
                   line.status.status == ConferenceStatus::kNotRegistered) {
            row.set("register_href",
                    std::string(kBase) + "/hoi-nghi/moi?don-vi=" + std::to_string(line.unit.id) + "&thang=" + month);
        }
        view::Append(rows, std::move(row));
    }
    data["rows"] = std::move(rows);
    data.set("has_rows", !overview.communes.empty());

    // The month grid, Monday first.
    std::string first = month + "-01";
    int days = DaysInMonth(month);
    int lead = Weekday(first);
    view::List weeks = view::MakeList();
    view::Data week;
    view::List cells = view::MakeList();
    int filled = 0;
    for (int i = 0; i < lead; ++i, ++filled) {
        view::Data cell;
        cell.set("blank", true);
        view::Append(cells, std::move(cell));
    }
    for (int day = 1; day <= days; ++day, ++filled) {
        std::string date = AddDays(first, day - 1);
        view::Data cell;
        cell.set("day", std::to_string(day));
        cell.set("date", ShowDate(date));
        cell.set("today", date == today);
        view::List events = view::MakeList();
        for (const auto& line : overview.communes) {
            if (line.conference && line.conference->scheduled_date == date) {
                view::Data event = StatusData(line.status);
                event.set("unit_name", line.unit.full_name);
                event.set("time", line.conference->scheduled_time);
                event.set("href", ConferenceUrl(line.conference->id));
                view::Append(events, std::move(event));
            }
        }
        cell["events"] = std::move(events);
        view::Append(cells, std::move(cell));
        if (filled % 7 == 6) {
            week["cells"] = std::move(cells);
            view::Append(weeks, std::move(week));
            week = view::Data();
            cells = view::MakeList();
        }
    }
    if (filled % 7 != 0) {
        for (; filled % 7 != 0; ++filled) {
            view::Data cell;
            cell.set("blank", true);
            view::Append(cells, std::move(cell));
        }
        week["cells"] = std::move(cells);
        view::Append(weeks, std::move(week));
    }
    data["weeks"] = std::move(weeks);
    std::string token = service.FeedToken(ActorOf(principal, request), unit_id);
    data.set("feed_url", web::BaseUrl(request) + "/lich-tuyen-van/" + token + ".ics");
    return data;
}

// ---------- registration ----------

view::Data RegistrationData(ConferenceService& service, const org::Principal& principal, const RegistrationInput& input,
                            const std::string& key) {
    view::Data data;
    view::List options = view::MakeList();
    bool any = false;
    for (const auto& unit : service.CalendarUnits(principal)) {
        if (unit.level != "commune" || !principal.Can(org::Permission::kOutreachWrite, unit.path)) {
            continue;
        }
        any = true;
        view::Data option;
        option.set("value", std::to_string(unit.id));
        option.set("label", unit.full_name);
        option.set("selected", unit.id == input.unit_id);
        view::Append(options, std::move(option));
    }
    data["units"] = std::move(options);
    data.set("has_units", any);
    data.set("month", input.month);
    data.set("month_label", web::ShowMonth(input.month));
    data.set("date", input.date);
    data.set("time", input.time.empty() ? "08:00" : input.time);
    data.set("venue", input.venue);
    data.set("chair", input.chair);
    data["topics"] = TopicRows(input.topics, input.topics.size() < 5 ? 5 - input.topics.size() : 1);
    data.set("idempotency_key", key);
    return data;
}

RegistrationInput RegistrationFromForm(const http::Params& form) {
    RegistrationInput input;
    input.unit_id = ToInt(form.Get("unit_id")).value_or(0);
    input.date = form.Get("date");
    input.month = org::Trim(form.Get("month"));
    if (input.month.empty()) {
        if (auto date = ReadDate(input.date)) {
            input.month = date->substr(0, 7);
        }
    }
    input.time = form.Get("time");
    input.venue = form.Get("venue");
    input.chair = form.Get("chair");
    input.topics = TopicsFromForm(form);
    return input;
}

// ---------- a conference ----------

view::Data ConferenceData(ConferenceService& service, const org::Principal& principal, const Conference& conference) {
    view::Data data = StatusData(conference.status);
    std::string today = service.Today();
    bool can_write = principal.Can(org::Permission::kOutreachWrite, conference.unit_path);
    data.set("id", std::to_string(conference.id));
    data.set("version", std::to_string(conference.version));
    data.set("unit_name", conference.unit_name);
    data.set("unit_id", std::to_string(conference.unit_id));
    data.set("month", conference.month);
    data.set("month_label", web::ShowMonth(conference.month));
    data.set("date", ShowDate(conference.scheduled_date));
    data.set("time", conference.scheduled_time);
    data.set("venue", conference.venue);
    data.set("chair", conference.chair);
    data.set("original_date", ShowDate(conference.original_date));
    data.set("original_time", conference.original_time);
    data.set("registered_at", text::FormatDateTime(conference.registered_at));
    data.set("registered_by", conference.registered_by);
    data["planned"] = TopicRows(conference.planned, 0);
    data.set("has_planned", !conference.planned.empty());
    view::List changes = view::MakeList();
    for (const auto& change : conference.changes) {
        view::Data row;
        row.set("made_at", text::FormatDateTime(change.made_at));
        row.set("made_by", change.made_by);
        row.set("before", ShowDate(change.before_date) + " " + change.before_time + ", " + change.before_venue);
        row.set("after", ShowDate(change.after_date) + " " + change.after_time + ", " + change.after_venue);
        row.set("reason", change.reason);
        view::Append(changes, std::move(row));
    }
    data["changes"] = std::move(changes);
    data.set("has_changes", !conference.changes.empty());
    data.set("can_change", can_write && !conference.record && today < conference.scheduled_date);
    data.set("can_record", can_write && !conference.record && today >= conference.scheduled_date);
    data.set("can_edit_record", can_write && conference.record.has_value());
    data.set("can_photo", can_write && conference.record.has_value());
    data.set("can_send", can_write && conference.record.has_value() && !conference.column_item_id);
    if (conference.column_item_id) {
        data.set("column_item_id", std::to_string(*conference.column_item_id));
    }
    if (conference.record) {
        const auto& record = *conference.record;
        view::Data r;
        r.set("held_date", ShowDate(record.held_date));
        r.set("cadres", text::FormatNumber(record.participants.cadres));
        r.set("party_members", text::FormatNumber(record.participants.party_members));
        r.set("committee_members", text::FormatNumber(record.participants.committee_members));
        r.set("people", text::FormatNumber(record.participants.people));
        r.set("total", text::FormatNumber(record.participants.Total()));
        r["topics"] = TopicRows(record.topics, 0);
        r.set("has_topics", !record.topics.empty());
        if (!record.materials.empty()) {
            r.set("materials", record.materials);
        }
        view::List opinions = view::MakeList();
        for (const auto& opinion : record.opinions) {
            view::Data row;
            row.set("opinion", opinion.opinion);
            row.set("follow_up", opinion.follow_up);
            view::Append(opinions, std::move(row));
        }
        r["opinions"] = std::move(opinions);
        r.set("has_opinions", !record.opinions.empty());
        r.set("submitted_at", text::FormatDateTime(record.submitted_at));
        r.set("submitted_by", record.submitted_by);
        data["record"] = std::move(r);
    }
    view::List photos = view::MakeList();
    for (const auto& photo : conference.photos) {
        view::Data row;
        row.set("src", std::string(kBase) + "/anh/" + std::to_string(photo.id) + "/640.jpg");
        row.set("full", std::string(kBase) + "/anh/" + std::to_string(photo.id) + "/1920.jpg");
        row.set("caption", photo.caption);
        view::Append(photos, std::move(row));
    }
    data["photos"] = std::move(photos);
    data.set("has_photos", !conference.photos.empty());
    data.set("idempotency_key", security::RandomToken(16));
    data.set("calendar_href",
             std::string(kBase) + "/lich?don-vi=" + std::to_string(conference.unit_id) + "&thang=" + conference.month);
    return data;
}

view::Data RecordFormData(const Conference& conference, const RecordInput& input, const std::string& key) {
    view::Data data;
    data.set("id", std::to_string(conference.id));
    data.set("unit_name", conference.unit_name);
    data.set("month_label", web::ShowMonth(conference.month));
    data.set("scheduled_date", ShowDate(conference.scheduled_date));
    data.set("held_date", input.held_date);
    data.set("cadres", std::to_string(input.participants.cadres));
    data.set("party_members", std::to_string(input.participants.party_members));
    data.set("committee_members", std::to_string(input.participants.committee_members));
    data.set("people", std::to_string(input.participants.people));
    data["topics"] = TopicRows(input.topics, input.topics.size() < 5 ? 5 - input.topics.size() : 1);
    data.set("materials", input.materials);
    view::List opinions = view::MakeList();
    std::size_t blanks = input.opinions.size() < 5 ? 5 - input.opinions.size() : 1;
    for (const auto& opinion : input.opinions) {
        view::Data row;
        row.set("opinion", opinion.opinion);
        row.set("follow_up", opinion.follow_up);
        view::Append(opinions, std::move(row));
    }
    for (std::size_t i = 0; i < blanks; ++i) {
        view::Data row;
        row.set("opinion", std::string());
        row.set("follow_up", std::string());
        view::Append(opinions, std::move(row));
    }
    data["opinions"] = std::move(opinions);
    if (input.version) {
        data.set("record_version", std::to_string(*input.version));
    }
    data.set("idempotency_key", key);
    return data;
}

std::int64_t Count(const std::string& text) {
    auto value = ToInt(org::Trim(text));
    return value.value_or(org::Trim(text).empty() ? 0 : -1);
}

RecordInput RecordFromForm(const http::Params& form) {
    RecordInput input;
    input.held_date = form.Get("held_date");
    input.participants.cadres = Count(form.Get("cadres"));
    input.participants.party_members = Count(form.Get("party_members"));
    input.participants.committee_members = Count(form.Get("committee_members"));
    input.participants.people = Count(form.Get("people"));
    input.topics = TopicsFromForm(form);
    input.materials = form.Get("materials");
    auto opinions = form.GetAll("opinion");
    auto follow_ups = form.GetAll("follow_up");
    for (std::size_t i = 0; i < opinions.size(); ++i) {
        std::string opinion = org::Trim(opinions[i]);
        std::string follow_up = i < follow_ups.size() ? org::Trim(follow_ups[i]) : "";
        if (!opinion.empty() || !follow_up.empty()) {
            input.opinions.push_back(Opinion{opinion, follow_up});
        }
    }
    input.version = ToInt(form.Get("record_version"));
    return input;
}

RecordInput RecordFromJson(const json::object& body) {
    RecordInput input;
    input.held_date = web::JsonText(body, "held_date");
    auto participants = body.find("participants");
    if (participants != body.end() && participants->value().is_object()) {
        const auto& p = participants->value().as_object();
        input.participants.cadres = web::JsonInt(p, "cadres").value_or(0);
        input.participants.party_members = web::JsonInt(p, "party_members").value_or(0);
        input.participants.committee_members = web::JsonInt(p, "committee_members").value_or(0);
        input.participants.people = web::JsonInt(p, "people").value_or(0);
    }
    input.topics = TopicsFromJson(body, "topics");
    input.materials = web::JsonText(body, "materials");
    auto opinions = body.find("opinions");
    if (opinions != body.end() && opinions->value().is_array()) {
        for (const auto& value : opinions->value().as_array()) {
            if (value.is_object()) {
                input.opinions.push_back(Opinion{web::JsonText(value.as_object(), "opinion"),
                                                 web::JsonText(value.as_object(), "follow_up")});
            }
        }
    }
    input.version = web::JsonInt(body, "version");
    return input;
}

struct PhotoUpload {
    http::Params fields;
    std::string bytes;
};

PhotoUpload ReadPhoto(const Request& request) {
    PhotoUpload out;
    auto boundary = http::MultipartBoundary(request.Header("Content-Type"));
    if (!boundary) {
        return out;
    }
    auto parsed = http::ParseMultipart(request.body, *boundary, 20);
    if (parsed.error) {
        return out;
    }
    for (const auto& part : parsed.parts) {
        if (part.name == "file" && part.filename) {
            out.bytes = std::string(part.data);
        } else if (!part.filename) {
            out.fields.Add(part.name, std::string(part.data));
        }
    }
    return out;
}

view::Data RulesData(ConferenceService& service, const org::Principal& principal) {
    view::Data data;
    view::List rows = view::MakeList();
    for (const auto& rule : service.Rules()) {
        view::Data row;
        row.set("effective_month", web::ShowMonth(rule.effective_month));
        row.set("registration_day", std::to_string(rule.rule.registration_day));
        row.set("record_due_days", std::to_string(rule.rule.record_due_days));
        row.set("evaluation_due_days", std::to_string(rule.rule.evaluation_due_days));
        row.set("created_by", rule.created_by);
        row.set("created_at", rule.created_at > 0 ? text::FormatDateTime(rule.created_at) : "—");
        view::Append(rows, std::move(row));
    }
    data["rules"] = std::move(rows);
    data.set("can_set", service.CanSetRules(principal));
    data.set("effective_month", NextMonth(CurrentMonth(service)));
    auto current = service.RuleFor(NextMonth(CurrentMonth(service)));
    data.set("registration_day", std::to_string(current.registration_day));
    data.set("record_due_days", std::to_string(current.record_due_days));
    data.set("evaluation_due_days", std::to_string(current.evaluation_due_days));
    return data;
}

}  // namespace

void RegisterConferenceRoutes(http::Router& router, const org::Web& web, ConferenceService& service) {
    const std::string base(kBase);

    // ---------- pages ----------
    router.Add(verb::get, base + "/lich", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return web.Page("outreach/conference_calendar", CalendarData(service, principal, request), principal,
                        "Lịch hội nghị tuyên vận");
    });

    router.Add(verb::get, base + "/hoi-nghi/moi", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        RegistrationInput input;
        input.unit_id = ToInt(request.query.Get("don-vi")).value_or(0);
        input.month = request.query.Get("thang");
        if (!IsMonth(input.month)) {
            input.month = NextMonth(CurrentMonth(service));
        }
        return web.Page("outreach/conference_register",
                        RegistrationData(service, principal, input, security::RandomToken(16)), principal,
                        "Đăng ký hội nghị tuyên vận");
    });

    router.Add(verb::post, base + "/hoi-nghi", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        RegistrationInput input = RegistrationFromForm(form);
        try {
            auto written = Guard([&] {
                return service.Register(ActorOf(principal, request), input, web::IdempotencyKey(request, &form));
            });
            return Response::Redirect(ConferenceUrl(written.id) + "?da-luu=dang-ky");
        } catch (const http::HttpError& error) {
            if (error.Status() != 422 && error.Status() != 409)
                throw;
            view::Data data = RegistrationData(service, principal, input, web::IdempotencyKey(request, &form));
            FormErrors(data, error);
            return web.Page("outreach/conference_register", std::move(data), principal, "Đăng ký hội nghị tuyên vận",
                            error.Status());
        }
    });

    auto detail_page = [&web, &service](Request& request, const org::Principal& principal, std::int64_t id,
                                        const http::HttpError* error, const ScheduleInput* change) {
        Conference conference = Guard([&] { return service.Get(principal, id); });
        view::Data data = ConferenceData(service, principal, conference);
        std::string saved = request.query.Get("da-luu");
        if (saved == "dang-ky")
            data.set("notice", "Đã đăng ký hội nghị.");
        if (saved == "doi-lich")
            data.set("notice", "Đã ghi điều chỉnh lịch.");
        if (saved == "bien-ban")
            data.set("notice", "Đã lưu biên bản hội nghị.");
        if (saved == "anh")
            data.set("notice", "Đã thêm ảnh.");
        if (saved == "gui-bai")
            data.set("notice", "Đã tạo bản nháp trong chuyên mục “Thông tin tuyên vận”.");
        if (change) {
            data.set("change_date", change->date);
            data.set("change_time", change->time);
            data.set("change_venue", change->venue);
            data.set("change_reason", change->reason);
        }
        if (error) {
            FormErrors(data, *error);
        }
        return web.Page("outreach/conference_detail", std::move(data), principal,
                        "Hội nghị tuyên vận tháng " + web::ShowMonth(conference.month) + " – " + conference.unit_name,
                        error ? error->Status() : 200);
    };

    router.Add(verb::get, base + "/hoi-nghi/{id}", Mode::kBlocking, [&web, detail_page](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return detail_page(request, principal, request.PathId("id"), nullptr, nullptr);
    });

    router.Add(verb::post, base + "/hoi-nghi/{id}/doi-lich", Mode::kBlocking,
               [&web, &service, detail_page](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto form = web.Form(request);
                   web.CheckCsrf(request, principal, &form);
                   std::int64_t id = request.PathId("id");
                   ScheduleInput input{form.Get("date"), form.Get("time"), form.Get("venue"), form.Get("reason")};
                   try {
                       Guard([&] {
                           return service.ChangeSchedule(ActorOf(principal, request), id, ToInt(form.Get("version")),
                                                         input, web::IdempotencyKey(request, &form));
                       });
                       return Response::Redirect(ConferenceUrl(id) + "?da-luu=doi-lich");
                   } catch (const http::HttpError& error) {
                       if (error.Status() != 422 && error.Status() != 409)
                           throw;
                       return detail_page(request, principal, id, &error, &input);
                   }
               });

    auto record_page = [&web, &service](const org::Principal& principal, std::int64_t id, const RecordInput* shown,
                                        const http::HttpError* error, const std::string& key) {
        Conference conference = Guard([&] { return service.Get(principal, id); });
        if (!principal.Can(org::Permission::kOutreachWrite, conference.unit_path)) {
            throw http::HttpError(403, "forbidden", "Bạn không có quyền nhập biên bản hội nghị của đơn vị này.");
        }
        RecordInput input;
        if (shown) {
            input = *shown;
        } else if (conference.record) {
            const auto& record = *conference.record;
            input.held_date = ShowDate(record.held_date);
            input.participants = record.participants;
            input.topics = record.topics;
            input.materials = record.materials;
            input.opinions = record.opinions;
            input.version = record.version;
        } else {
            input.held_date = ShowDate(conference.scheduled_date);
            input.topics = conference.planned;
        }
        view::Data data = RecordFormData(conference, input, key);
        if (error) {
            FormErrors(data, *error);
        }
        return web.Page("outreach/conference_record", std::move(data), principal,
                        "Biên bản hội nghị tuyên vận – " + conference.unit_name, error ? error->Status() : 200);
    };

    router.Add(verb::get, base + "/hoi-nghi/{id}/bien-ban", Mode::kBlocking, [&web, record_page](Request& request) {
        auto principal = web.RequirePrincipal(request);
        return record_page(principal, request.PathId("id"), nullptr, nullptr, security::RandomToken(16));
    });

    router.Add(verb::post, base + "/hoi-nghi/{id}/bien-ban", Mode::kBlocking,
               [&web, &service, record_page](Request& request) {
                   auto principal = web.RequirePrincipal(request);
                   auto form = web.Form(request);
                   web.CheckCsrf(request, principal, &form);
                   std::int64_t id = request.PathId("id");
                   RecordInput input = RecordFromForm(form);
                   try {
                       Guard([&] {
                           return service.SaveRecord(ActorOf(principal, request), id, input,
                                                     web::IdempotencyKey(request, &form));
                       });
                       return Response::Redirect(ConferenceUrl(id) + "?da-luu=bien-ban");
                   } catch (const http::HttpError& error) {
                       if (error.Status() != 422 && error.Status() != 409)
                           throw;
                       return record_page(principal, id, &input, &error, web::IdempotencyKey(request, &form));
                   }
               });

    router
        .Add(verb::post, base + "/hoi-nghi/{id}/anh", Mode::kBlocking,
             [&web, &service, detail_page](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 PhotoUpload upload = ReadPhoto(request);
                 web.CheckCsrf(request, principal, &upload.fields);
                 std::int64_t id = request.PathId("id");
                 try {
                     Guard([&] {
                         return service.AddPhoto(ActorOf(principal, request), id, upload.bytes,
                                                 upload.fields.Get("caption"),
                                                 web::IdempotencyKey(request, &upload.fields));
                     });
                     return Response::Redirect(ConferenceUrl(id) + "?da-luu=anh");
                 } catch (const http::HttpError& error) {
                     if (error.Status() != 422 && error.Status() != 409)
                         throw;
                     return detail_page(request, principal, id, &error, nullptr);
                 }
             })
        .body_limit = 25u << 20;

    router.Add(
        verb::post, base + "/hoi-nghi/{id}/gui-chuyen-muc", Mode::kBlocking,
        [&web, &service, detail_page](Request& request) {
            auto principal = web.RequirePrincipal(request);
            auto form = web.Form(request);
            web.CheckCsrf(request, principal, &form);
            std::int64_t id = request.PathId("id");
            try {
                Guard([&] { return service.SendToColumn(ActorOf(principal, request), id); });
                return Response::Redirect(ConferenceUrl(id) + "?da-luu=gui-bai");
            } catch (const http::HttpError& error) {
                if (error.Status() != 422 && error.Status() != 409 && error.Status() != 403 && error.Status() != 404) {
                    throw;
                }
                // A missing site or role is explained on the conference's page itself.
                return detail_page(request, principal, id, &error, nullptr);
            }
        });

    router.Add(verb::get, base + "/anh/{id}/{variant}", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        const std::string& variant = request.PathParam("variant");
        auto dot = variant.find('.');
        auto width = ToInt(variant.substr(0, dot));
        std::string extension = dot == std::string::npos ? "" : variant.substr(dot + 1);
        std::string type = extension == "webp" ? "image/webp" : extension == "jpg" ? "image/jpeg" : "";
        if (!width || type.empty()) {
            throw http::HttpError(404, "not_found", "Không tìm thấy ảnh này.");
        }
        Response response;
        response.content_type = type;
        response.body = service.PhotoBytes(principal, request.PathId("id"), type, *width);
        response.With("Cache-Control", "private, max-age=86400");
        return response;
    });

    router.Add(verb::get, base + "/thoi-han", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        view::Data data = RulesData(service, principal);
        if (request.query.Has("da-luu")) {
            data.set("notice", "Đã lưu thời hạn.");
        }
        return web.Page("outreach/conference_rules", std::move(data), principal,
                        "Thời hạn đăng ký và nộp biên bản hội nghị");
    });

    router.Add(verb::post, base + "/thoi-han", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        auto form = web.Form(request);
        web.CheckCsrf(request, principal, &form);
        DeadlineRule rule;
        rule.registration_day = static_cast<int>(ToInt(form.Get("registration_day")).value_or(0));
        rule.record_due_days = static_cast<int>(ToInt(form.Get("record_due_days")).value_or(-1));
        std::string month = form.Get("effective_month");
        if (auto parsed = ReadDate("01/" + month); parsed && !IsMonth(month)) {
            month = parsed->substr(0, 7);  // "mm/yyyy" as shown
        }
        rule.evaluation_due_days = form.Has("evaluation_due_days")
                                       ? static_cast<int>(ToInt(form.Get("evaluation_due_days")).value_or(-1))
                                       : service.RuleFor(month).evaluation_due_days;
        try {
            Guard([&] { return service.SetRule(ActorOf(principal, request), month, rule); });
            return Response::Redirect(std::string(kBase) + "/thoi-han?da-luu=1");
        } catch (const http::HttpError& error) {
            if (error.Status() != 422)
                throw;
            view::Data data = RulesData(service, principal);
            data.set("effective_month", form.Get("effective_month"));
            data.set("registration_day", form.Get("registration_day"));
            data.set("record_due_days", form.Get("record_due_days"));
            data.set("evaluation_due_days", form.Get("evaluation_due_days"));
            FormErrors(data, error);
            return web.Page("outreach/conference_rules", std::move(data), principal,
                            "Thời hạn đăng ký và nộp biên bản hội nghị", 422);
        }
    });

    // ---------- the iCalendar feed: no session (calendar apps cannot sign in), an unguessable token ----------
    router.Add(verb::get, "/lich-tuyen-van/{token}", Mode::kBlocking, [&service](Request& request) {
        std::string token = request.PathParam("token");
        if (token.ends_with(".ics")) {
            token.resize(token.size() - 4);
        }
        auto feed = service.Feed(token, web::BaseUrl(request));
        if (!feed) {
            throw http::HttpError(404, "not_found", "Không tìm thấy lịch này.");
        }
        Response response;
        response.content_type = "text/calendar; charset=utf-8";
        response.body = std::move(*feed);
        response.With("Cache-Control", "private, max-age=300");
        return response;
    });

    // ---------- API ----------
    router
        .Add(verb::get, "/api/v1/outreach/conferences", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 auto unit_id = ToInt(request.query.Get("unit_id"));
                 if (!unit_id) {
                     auto units = service.CalendarUnits(principal);
                     if (units.empty()) {
                         return Response::Json(R"({"unit_id":null,"communes":[]})");
                     }
                     unit_id = units.front().id;
                 }
                 std::string month = request.query.Get("month");
                 return Response::Json(
                     ToJson(service.Month(principal, *unit_id, month.empty() ? CurrentMonth(service) : month)));
             })
        .summary = "Hội nghị tuyên vận của các xã trong một đơn vị và một tháng, kèm trạng thái (unit_id, month)";

    router
        .Add(verb::post, "/api/v1/outreach/conferences", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto body = web.JsonBody(request);
                 RegistrationInput input;
                 input.unit_id = web::JsonInt(body, "unit_id").value_or(0);
                 input.month = web::JsonText(body, "month");
                 input.date = web::JsonText(body, "date");
                 if (input.month.empty()) {
                     if (auto date = ReadDate(input.date))
                         input.month = date->substr(0, 7);
                 }
                 input.time = web::JsonText(body, "time");
                 input.venue = web::JsonText(body, "venue");
                 input.chair = web::JsonText(body, "chair");
                 input.topics = TopicsFromJson(body, "topics");
                 auto written =
                     service.Register(ActorOf(principal, request), input, web::IdempotencyKey(request, nullptr));
                 return web::WrittenJson(ToJson(service.Get(principal, written.id)), written.replayed, 200);
             })
        .summary = "Đăng ký hội nghị tuyên vận của một xã cho một tháng (header Idempotency-Key chống gửi trùng)";

    router
        .Add(verb::get, "/api/v1/outreach/conferences/{id}", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 return Response::Json(ToJson(service.Get(principal, request.PathId("id"))));
             })
        .summary = "Một hội nghị với lịch sử điều chỉnh lịch, biên bản, ảnh và trạng thái";

    router
        .Add(verb::post, "/api/v1/outreach/conferences/{id}/changes", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto body = web.JsonBody(request);
                 std::int64_t id = request.PathId("id");
                 ScheduleInput input{web::JsonText(body, "date"), web::JsonText(body, "time"),
                                     web::JsonText(body, "venue"), web::JsonText(body, "reason")};
                 auto written = service.ChangeSchedule(ActorOf(principal, request), id, web::JsonInt(body, "version"),
                                                       input, web::IdempotencyKey(request, nullptr));
                 return web::WrittenJson(ToJson(service.Get(principal, id)), written.replayed, 200);
             })
        .summary = "Ghi điều chỉnh lịch (trước ngày tổ chức) với lý do";

    router
        .Add(verb::put, "/api/v1/outreach/conferences/{id}/record", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto body = web.JsonBody(request);
                 std::int64_t id = request.PathId("id");
                 auto written = service.SaveRecord(ActorOf(principal, request), id, RecordFromJson(body),
                                                   web::IdempotencyKey(request, nullptr));
                 return web::WrittenJson(ToJson(service.Get(principal, id)), written.replayed, 200);
             })
        .summary = "Nộp hoặc sửa (kèm version) biên bản hội nghị đã tổ chức";

    router
        .Add(verb::post, "/api/v1/outreach/conferences/{id}/photos", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 PhotoUpload upload = ReadPhoto(request);
                 web.CheckCsrf(request, principal, &upload.fields);
                 std::int64_t id = request.PathId("id");
                 auto written = service.AddPhoto(ActorOf(principal, request), id, upload.bytes,
                                                 upload.fields.Get("caption"), web::IdempotencyKey(request, nullptr));
                 return web::WrittenJson(
                     json::serialize(
                         json::object{{"id", written.id},
                                      {"url", std::string(kBase) + "/anh/" + std::to_string(written.id) + "/640.jpg"}}),
                     written.replayed, 200);
             })
        .summary = "Thêm ảnh vào biên bản (multipart: file, caption)";

    router
        .Add(verb::post, "/api/v1/outreach/conferences/{id}/column-draft", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto written = service.SendToColumn(ActorOf(principal, request), request.PathId("id"));
                 return web::WrittenJson(json::serialize(json::object{{"item_id", written.id}}), written.replayed, 200);
             })
        .summary = "Tạo bản nháp tin trong chuyên mục “Thông tin tuyên vận” từ biên bản";

    router
        .Add(verb::get, "/api/v1/outreach/deadline-rules", Mode::kBlocking,
             [&web, &service](Request& request) {
                 web.RequirePrincipal(request);
                 json::array rules;
                 for (const auto& rule : service.Rules()) {
                     rules.push_back(json::object{{"id", rule.id},
                                                  {"effective_month", rule.effective_month},
                                                  {"registration_day", rule.rule.registration_day},
                                                  {"record_due_days", rule.rule.record_due_days},
                                                  {"evaluation_due_days", rule.rule.evaluation_due_days},
                                                  {"created_at", rule.created_at},
                                                  {"created_by", rule.created_by}});
                 }
                 return Response::Json(json::serialize(json::object{{"items", std::move(rules)}}));
             })
        .summary = "Thời hạn đăng ký (ngày của tháng trước) và nộp biên bản (số ngày sau hội nghị)";

    router
        .Add(verb::post, "/api/v1/outreach/deadline-rules", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 web.CheckCsrf(request, principal, nullptr);
                 auto body = web.JsonBody(request);
                 DeadlineRule rule;
                 rule.registration_day = static_cast<int>(web::JsonInt(body, "registration_day").value_or(0));
                 rule.record_due_days = static_cast<int>(web::JsonInt(body, "record_due_days").value_or(-1));
                 rule.evaluation_due_days =
                     body.contains("evaluation_due_days")
                         ? static_cast<int>(web::JsonInt(body, "evaluation_due_days").value_or(-1))
                         : service.RuleFor(web::JsonText(body, "effective_month")).evaluation_due_days;
                 auto id = service.SetRule(ActorOf(principal, request), web::JsonText(body, "effective_month"), rule);
                 return Response::Json(json::serialize(json::object{{"id", id}}), 201);
             })
        .summary = "Đặt thời hạn áp dụng từ một tháng (cấp tỉnh)";

    router
        .Add(verb::get, "/api/v1/outreach/units/{id}/calendar-feed", Mode::kBlocking,
             [&web, &service](Request& request) {
                 auto principal = web.RequirePrincipal(request);
                 std::string token = service.FeedToken(ActorOf(principal, request), request.PathId("id"));
                 return Response::Json(json::serialize(
                     json::object{{"url", web::BaseUrl(request) + "/lich-tuyen-van/" + token + ".ics"}}));
             })
        .summary = "Địa chỉ lịch iCalendar của một đơn vị (cho ứng dụng lịch trên điện thoại)";
}

}  // namespace tuyenvan::outreach
