#include "outreach/conference_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "platform/audit/audit_log.hpp"
#include "platform/ical/ical.hpp"
#include "platform/media/image.hpp"
#include "platform/security/crypto.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

using Kind = org::ServiceError::Kind;
using org::ServiceError;
namespace json = boost::json;

constexpr std::size_t kMaxTopics = 30;
constexpr std::size_t kMaxOpinions = 100;
constexpr std::size_t kMaxPhotos = 30;
constexpr std::int64_t kMaxCount = 100000;
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

json::value Opt(const std::optional<std::int64_t>& value) {
    return value ? json::value(*value) : json::value(nullptr);
}

json::array TopicsJson(const std::vector<TopicLine>& topics) {
    json::array out;
    for (const auto& topic : topics) {
        out.push_back(json::object{
            {"topic", topic.topic}, {"speaker_id", Opt(topic.speaker_id)}, {"speaker_name", topic.speaker_name}});
    }
    return out;
}

json::object StatusJson(const StatusResult& status) {
    return json::object{
        {"code", StatusName(status.status)},         {"label", StatusLabel(status.status)},
        {"scheduled_date", status.scheduled_date},   {"registration_deadline", status.registration_deadline},
        {"record_deadline", status.record_deadline}, {"registered_late", status.registered_late},
        {"record_late", status.record_late},         {"notices", status.notices}};
}

json::object ConferenceObject(const Conference& conference) {
    json::array changes;
    for (const auto& change : conference.changes) {
        changes.push_back(json::object{
            {"id", change.id},
            {"made_at", change.made_at},
            {"made_by", change.made_by},
            {"before",
             json::object{{"date", change.before_date}, {"time", change.before_time}, {"venue", change.before_venue}}},
            {"after",
             json::object{{"date", change.after_date}, {"time", change.after_time}, {"venue", change.after_venue}}},
            {"reason", change.reason}});
    }
    json::value record = nullptr;
    if (conference.record) {
        const auto& r = *conference.record;
        json::array opinions;
        for (const auto& opinion : r.opinions) {
            opinions.push_back(json::object{{"opinion", opinion.opinion}, {"follow_up", opinion.follow_up}});
        }
        record = json::object{{"held_date", r.held_date},
                              {"participants", json::object{{"cadres", r.participants.cadres},
                                                            {"party_members", r.participants.party_members},
                                                            {"committee_members", r.participants.committee_members},
                                                            {"people", r.participants.people},
                                                            {"total", r.participants.Total()}}},
                              {"topics", TopicsJson(r.topics)},
                              {"materials", r.materials},
                              {"opinions", std::move(opinions)},
                              {"submitted_at", r.submitted_at},
                              {"submitted_by", r.submitted_by},
                              {"version", r.version}};
    }
    json::array photos;
    for (const auto& photo : conference.photos) {
        photos.push_back(json::object{{"id", photo.id},
                                      {"caption", photo.caption},
                                      {"width", photo.width},
                                      {"height", photo.height},
                                      {"url", "/quan-tri/tuyen-van/anh/" + std::to_string(photo.id) + "/640.jpg"}});
    }
    return json::object{{"id", conference.id},
                        {"unit_id", conference.unit_id},
                        {"unit_name", conference.unit_name},
                        {"month", conference.month},
                        {"original_date", conference.original_date},
                        {"original_time", conference.original_time},
                        {"date", conference.scheduled_date},
                        {"time", conference.scheduled_time},
                        {"venue", conference.venue},
                        {"chair", conference.chair},
                        {"registered_at", conference.registered_at},
                        {"registered_by", conference.registered_by},
                        {"sequence", conference.sequence},
                        {"column_item_id", Opt(conference.column_item_id)},
                        {"version", conference.version},
                        {"planned_topics", TopicsJson(conference.planned)},
                        {"changes", std::move(changes)},
                        {"record", std::move(record)},
                        {"photos", std::move(photos)},
                        {"status", StatusJson(conference.status)}};
}

void CheckTopics(org::FieldErrors& errors, const std::string& field, const std::vector<TopicLine>& topics) {
    if (topics.size() > kMaxTopics) {
        errors.emplace_back(field, "Tối đa " + std::to_string(kMaxTopics) + " chuyên đề.");
        return;
    }
    for (const auto& topic : topics) {
        org::CheckText(errors, field, topic.topic, "Tên chuyên đề", true, 300);
        org::CheckText(errors, field, topic.speaker_name, "Tên báo cáo viên", false, 200);
    }
}

std::int64_t MonthStartMs(const std::string& month) {
    return text::ParseIsoDate(month + "-01").value_or(0);
}

std::int64_t MonthEndMs(const std::string& month) {
    return text::ParseIsoDate(NextMonth(month) + "-01").value_or(0) - 1;
}

std::string UnitLabel(const Conference& conference) {
    return conference.unit_name;
}

// The Markdown body of the column item, from the record.
std::string RecordBody(const Conference& conference) {
    const auto& record = *conference.record;
    std::string body = "Ngày " + ShowDate(record.held_date) + ", " + conference.unit_name +
                       " tổ chức hội nghị tuyên vận tháng " + ShowMonth(conference.month) + " tại " + conference.venue +
                       ", do " + conference.chair + " chủ trì.\n\n";
    const auto& p = record.participants;
    body += "Tham dự hội nghị có " + text::FormatNumber(p.Total()) + " người: " + text::FormatNumber(p.cadres) +
            " cán bộ, " + text::FormatNumber(p.party_members) + " đảng viên, " +
            text::FormatNumber(p.committee_members) + " thành viên ban, tổ tuyên vận và " +
            text::FormatNumber(p.people) + " người dân.\n\n";
    if (!record.topics.empty()) {
        body += "Tại hội nghị, các báo cáo viên đã thông tin những nội dung:\n\n";
        for (const auto& topic : record.topics) {
            body += "- " + topic.topic + (topic.speaker_name.empty() ? "" : " (" + topic.speaker_name + ")") + "\n";
        }
        body += "\n";
    }
    if (!record.materials.empty()) {
        body += "Tài liệu phát tới người dự: " + record.materials + "\n\n";
    }
    if (!record.opinions.empty()) {
        body += "Người dân đã nêu " + std::to_string(record.opinions.size()) +
                " ý kiến, kiến nghị; các ý kiến đã được giao cho cơ quan, người có trách nhiệm theo dõi, giải "
                "quyết.\n";
    }
    return body;
}

}  // namespace

std::string ToJson(const Conference& conference) {
    return json::serialize(ConferenceObject(conference));
}

std::string ToJson(const MonthOverview& overview) {
    json::array communes;
    for (const auto& line : overview.communes) {
        json::value conference = nullptr;
        if (line.conference) {
            const auto& c = *line.conference;
            conference = json::object{{"id", c.id},          {"date", c.scheduled_date}, {"time", c.scheduled_time},
                                      {"venue", c.venue},    {"chair", c.chair},         {"sequence", c.sequence},
                                      {"version", c.version}};
        }
        communes.push_back(json::object{{"unit_id", line.unit.id},
                                        {"unit_name", line.unit.full_name},
                                        {"conference", std::move(conference)},
                                        {"status", StatusJson(line.status)}});
    }
    return json::serialize(json::object{{"unit_id", overview.unit.id},
                                        {"unit_name", overview.unit.full_name},
                                        {"month", overview.month},
                                        {"rule", json::object{{"registration_day", overview.rule.registration_day},
                                                              {"record_due_days", overview.rule.record_due_days}}},
                                        {"communes", std::move(communes)}});
}

ConferenceService::ConferenceService(db::Database& database, org::Service& org, portal::Service& portal,
                                     std::function<std::int64_t()> clock)
    : database_(database), org_(org), portal_(portal), clock_(std::move(clock)) {}

std::string ConferenceService::Today() const {
    return text::FormatIsoDate(clock_());
}

ConferenceUnit ConferenceService::RequireUnit(db::Connection& c, std::int64_t unit_id) const {
    auto unit = store_.FindUnit(c, unit_id);
    if (!unit) {
        throw ServiceError(Kind::kNotFound, "Không tìm thấy đơn vị.");
    }
    return *unit;
}

DeadlineRule ConferenceService::RuleIn(const std::vector<DeadlineRuleRow>& rules, const std::string& month) {
    DeadlineRule rule;
    for (const auto& row : rules) {
        if (row.effective_month <= month) {
            rule = row.rule;
        }
    }
    return rule;
}

StatusResult ConferenceService::StatusOf(const Conference& conference, const std::optional<std::string>& held_date,
                                         const std::optional<std::int64_t>& submitted_at,
                                         const std::vector<DeadlineRuleRow>& rules, const std::string& today) const {
    StatusFacts facts;
    facts.month = conference.month;
    facts.registered = true;
    facts.registered_on = text::FormatIsoDate(conference.registered_at);
    facts.original_date = conference.original_date;
    for (const auto& change : conference.changes) {
        facts.changes.push_back(ChangeFact{text::FormatIsoDate(change.made_at), change.before_date, change.after_date});
    }
    facts.held_date = held_date;
    if (submitted_at) {
        facts.submitted_on = text::FormatIsoDate(*submitted_at);
    }
    facts.rule = RuleIn(rules, conference.month);
    facts.today = today;
    return ComputeStatus(facts);
}

Conference ConferenceService::Load(db::Connection& c, std::int64_t id) const {
    auto conference = store_.LoadConference(c, id);
    if (!conference) {
        throw ServiceError(Kind::kNotFound, "Không tìm thấy hội nghị.");
    }
    auto rules = store_.Rules(c);
    std::optional<std::string> held;
    std::optional<std::int64_t> submitted;
    if (conference->record) {
        held = conference->record->held_date;
        submitted = conference->record->submitted_at;
    }
    conference->status = StatusOf(*conference, held, submitted, rules, Today());
    return *conference;
}

void ConferenceService::Audit(db::Connection& c, const org::Actor& actor, const std::string& action, std::int64_t id,
                              std::string before, std::string after) {
    audit::Change change;
    change.actor = actor.principal ? actor.principal->login : "system";
    change.action = action;
    change.entity = "outreach_conference";
    change.entity_id = std::to_string(id);
    change.before_json = std::move(before);
    change.after_json = std::move(after);
    change.address = actor.address;
    audit::Append(c, change, clock_());
}

void AuditCreated(db::Connection& c, const org::Actor& actor, const std::string& action, const std::string& entity,
                  std::int64_t id, const std::string& after, std::int64_t now) {
    audit::Change change;
    change.actor = actor.principal ? actor.principal->login : "system";
    change.action = action;
    change.entity = entity;
    change.entity_id = std::to_string(id);
    change.after_json = after;
    change.address = actor.address;
    audit::Append(c, change, now);
}

Written RunOnce(db::Database& database, const ConferenceStore& store, const org::Actor& actor, const std::string& key,
                const std::string& action, std::int64_t now, const std::function<std::int64_t(db::Connection&)>& fn) {
    bool printable = std::all_of(key.begin(), key.end(), [](char ch) { return ch > ' ' && ch < 0x7F; });
    if (key.size() > 200 || !printable) {
        throw ServiceError(Kind::kInvalid, "Mã chống gửi trùng (Idempotency-Key) không hợp lệ.");
    }
    std::int64_t account = actor.principal ? actor.principal->account_id : 0;
    bool keyed = !key.empty() && account != 0;
    auto replay = [&](const StoredKey& found) {
        if (found.action != action) {
            throw ServiceError(
                Kind::kConflict,
                "Mã chống gửi trùng này đã được dùng cho một thao tác khác. Hãy tải lại trang rồi gửi lại.");
        }
        return Written{found.result_id, true};
    };
    try {
        return database.WriteValue([&](db::Connection& c) {
            if (keyed) {
                if (auto found = store.FindKey(c, account, key)) {
                    return replay(*found);
                }
            }
            std::int64_t id = fn(c);
            if (keyed) {
                store.SaveKey(c, account, key, action, id, now);
            }
            return Written{id, false};
        });
    } catch (const db::Error& error) {
        // Two copies of one submission at the same moment (PostgreSQL runs them side by side): the loser
        // finds the winner's key once the winner has committed.
        if (error.Kind() != db::ErrorKind::kUniqueViolation || !keyed) {
            throw;
        }
        auto found = database.ReadValue([&](db::Connection& c) { return store.FindKey(c, account, key); });
        if (!found) {
            throw;
        }
        return replay(*found);
    }
}

Written ConferenceService::Idempotent(const org::Actor& actor, const std::string& key, const std::string& action,
                                      const std::function<std::int64_t(db::Connection&)>& fn) {
    return RunOnce(database_, store_, actor, key, action, clock_(), fn);
}

Written ConferenceService::Register(const org::Actor& actor, const RegistrationInput& input,
                                    const std::string& idempotency_key) {
    std::string today = Today();
    try {
        return Idempotent(actor, idempotency_key, "register", [&](db::Connection& c) {
            ConferenceUnit unit = RequireUnit(c, input.unit_id);
            if (actor.principal && !actor.principal->Can(org::Permission::kOutreachWrite, unit.path)) {
                throw ServiceError(Kind::kForbidden, "Bạn không có quyền đăng ký hội nghị của đơn vị này.");
            }
            if (unit.level != "commune") {
                throw ServiceError(Kind::kInvalid, "Chỉ cấp xã đăng ký hội nghị tuyên vận hằng tháng.",
                                   {{"unit_id", "Hãy chọn một xã, phường hoặc thị trấn."}});
            }
            org::FieldErrors errors;
            std::string month = org::Trim(input.month);
            std::optional<std::string> date = ReadDate(input.date);
            if (!IsMonth(month)) {
                errors.emplace_back("month", "Tháng không hợp lệ (định dạng yyyy-mm, ví dụ 2026-05).");
            }
            if (!date) {
                errors.emplace_back("date", "Ngày tổ chức không hợp lệ (dd/mm/yyyy).");
            } else if (IsMonth(month) && date->substr(0, 7) != month) {
                errors.emplace_back("date",
                                    "Ngày tổ chức " + ShowDate(*date) + " không thuộc tháng " + ShowMonth(month) + ".");
            } else if (*date < today) {
                errors.emplace_back("date",
                                    "Ngày tổ chức " + ShowDate(*date) + " đã qua; chỉ đăng ký lịch từ hôm nay trở đi.");
            }
            std::string time = org::Trim(input.time);
            if (!IsClock(time)) {
                errors.emplace_back("time", "Giờ bắt đầu không hợp lệ (hh:mm, ví dụ 08:00).");
            }
            std::string venue = org::Trim(input.venue);
            std::string chair = org::Trim(input.chair);
            org::CheckText(errors, "venue", venue, "Địa điểm", true, 300);
            org::CheckText(errors, "chair", chair, "Người chủ trì", true, 200);
            CheckTopics(errors, "topics", input.topics);
            org::ThrowIfInvalid(errors);
            for (const auto& topic : input.topics) {
                if (topic.speaker_id &&
                    c.Query("SELECT 1 FROM outreach_speakers WHERE id = $1", {*topic.speaker_id}).Empty()) {
                    throw ServiceError(Kind::kInvalid, "Không tìm thấy báo cáo viên đã chọn.",
                                       {{"topics", "Không tìm thấy báo cáo viên đã chọn."}});
                }
            }
            if (store_.FindConferenceId(c, unit.id, month)) {
                throw ServiceError(Kind::kConflict,
                                   unit.full_name + " đã đăng ký hội nghị tháng " + ShowMonth(month) +
                                       ". Nếu cần đổi ngày, giờ hoặc địa điểm, hãy ghi điều chỉnh lịch.");
            }
            Conference conference;
            conference.unit_id = unit.id;
            conference.month = month;
            conference.original_date = *date;
            conference.original_time = time;
            conference.venue = venue;
            conference.chair = chair;
            conference.registered_at = clock_();
            conference.registered_by = actor.principal ? actor.principal->login : "system";
            conference.planned = input.topics;
            std::int64_t id = store_.InsertConference(c, conference);
            Audit(c, actor, "outreach_conference.register", id, "null", ToJson(Load(c, id)));
            return id;
        });
    } catch (const db::Error& error) {
        if (error.Kind() != db::ErrorKind::kUniqueViolation) {
            throw;
        }
        throw ServiceError(Kind::kConflict, "Đơn vị này đã đăng ký hội nghị tháng " + ShowMonth(input.month) +
                                                ". Nếu cần đổi lịch, hãy ghi điều chỉnh lịch.");
    }
}

Written ConferenceService::ChangeSchedule(const org::Actor& actor, std::int64_t id, std::optional<std::int64_t> version,
                                          const ScheduleInput& input, const std::string& idempotency_key) {
    std::string today = Today();
    return Idempotent(actor, idempotency_key, "change", [&](db::Connection& c) {
        Conference before = Load(c, id);
        if (actor.principal && !actor.principal->Can(org::Permission::kOutreachWrite, before.unit_path)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền điều chỉnh lịch hội nghị của đơn vị này.");
        }
        if (before.record) {
            throw ServiceError(Kind::kConflict, "Hội nghị đã có biên bản; không điều chỉnh lịch được nữa.");
        }
        if (today >= before.scheduled_date) {
            throw ServiceError(Kind::kInvalid,
                               "Chỉ được điều chỉnh lịch trước ngày tổ chức đã đăng ký (" +
                                   ShowDate(before.scheduled_date) + "). Hôm nay đã quá thời hạn điều chỉnh.",
                               {{"date", "Đã quá thời hạn điều chỉnh lịch."}});
        }
        org::FieldErrors errors;
        std::optional<std::string> date = ReadDate(input.date);
        if (!date) {
            errors.emplace_back("date", "Ngày mới không hợp lệ (dd/mm/yyyy).");
        } else if (date->substr(0, 7) != before.month) {
            errors.emplace_back("date", "Ngày mới " + ShowDate(*date) + " không thuộc tháng " +
                                            ShowMonth(before.month) +
                                            ". Hội nghị của tháng nào phải tổ chức trong tháng đó.");
        } else if (*date < today) {
            errors.emplace_back("date", "Ngày mới " + ShowDate(*date) + " đã qua.");
        }
        std::string time = org::Trim(input.time);
        if (time.empty()) {
            time = before.scheduled_time;
        }
        if (!IsClock(time)) {
            errors.emplace_back("time", "Giờ bắt đầu không hợp lệ (hh:mm, ví dụ 08:00).");
        }
        std::string venue = org::Trim(input.venue);
        if (venue.empty()) {
            venue = before.venue;
        }
        org::CheckText(errors, "venue", venue, "Địa điểm", true, 300);
        std::string reason = org::Trim(input.reason);
        org::CheckText(errors, "reason", reason, "Lý do điều chỉnh", true, 1000);
        org::ThrowIfInvalid(errors);
        if (*date == before.scheduled_date && time == before.scheduled_time && venue == before.venue) {
            throw ServiceError(Kind::kInvalid, "Lịch mới giống lịch hiện tại; không có gì để điều chỉnh.",
                               {{"date", "Lịch mới giống lịch hiện tại."}});
        }
        ScheduleChange change;
        change.made_at = clock_();
        change.made_by = actor.principal ? actor.principal->login : "system";
        change.before_date = before.scheduled_date;
        change.before_time = before.scheduled_time;
        change.before_venue = before.venue;
        change.after_date = *date;
        change.after_time = time;
        change.after_venue = venue;
        change.reason = reason;
        if (!store_.ApplyChange(c, id, version.value_or(before.version), change, change.made_at)) {
            throw ServiceError(Kind::kConflict,
                               "Hội nghị vừa được người khác thay đổi. Hãy tải lại trang, xem lịch mới rồi thử lại.");
        }
        Conference after = Load(c, id);
        Audit(c, actor, "outreach_conference.change", id, ToJson(before), ToJson(after));
        if (change_listener_) {
            change_listener_(c, before, after, change.made_at);
        }
        return after.changes.back().id;
    });
}

Written ConferenceService::SaveRecord(const org::Actor& actor, std::int64_t id, const RecordInput& input,
                                      const std::string& idempotency_key) {
    std::string today = Today();
    return Idempotent(actor, idempotency_key, "record", [&](db::Connection& c) {
        Conference before = Load(c, id);
        if (actor.principal && !actor.principal->Can(org::Permission::kOutreachWrite, before.unit_path)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền nhập biên bản hội nghị của đơn vị này.");
        }
        if (before.record && !input.version) {
            throw ServiceError(Kind::kConflict, "Hội nghị này đã có biên bản. Hãy mở biên bản để sửa.");
        }
        if (!before.record && input.version) {
            throw ServiceError(Kind::kConflict, "Biên bản chưa có hoặc đã bị thay đổi. Hãy tải lại trang.");
        }
        org::FieldErrors errors;
        std::optional<std::string> held = ReadDate(input.held_date);
        if (!held) {
            errors.emplace_back("held_date", "Ngày tổ chức không hợp lệ (dd/mm/yyyy).");
        } else if (*held < before.scheduled_date) {
            errors.emplace_back("held_date", "Ngày tổ chức " + ShowDate(*held) + " trước ngày hội nghị đã đăng ký (" +
                                                 ShowDate(before.scheduled_date) +
                                                 "). Nếu lịch đã đổi, hãy ghi điều chỉnh lịch trước ngày tổ chức.");
        } else if (*held > today) {
            errors.emplace_back("held_date", "Ngày tổ chức " + ShowDate(*held) +
                                                 " chưa đến; chỉ nhập biên bản sau khi hội nghị đã diễn ra.");
        }
        const auto& p = input.participants;
        for (auto [field, value] :
             {std::pair{"cadres", p.cadres}, std::pair{"party_members", p.party_members},
              std::pair{"committee_members", p.committee_members}, std::pair{"people", p.people}}) {
            if (value < 0 || value > kMaxCount) {
                errors.emplace_back(field, "Số người phải từ 0 đến " + text::FormatNumber(kMaxCount) + ".");
            }
        }
        if (p.Total() <= 0) {
            errors.emplace_back("people", "Hãy nhập số người tham dự.");
        }
        CheckTopics(errors, "topics", input.topics);
        org::CheckText(errors, "materials", input.materials, "Tài liệu phát ra", false, 2000);
        if (input.opinions.size() > kMaxOpinions) {
            errors.emplace_back("opinions", "Tối đa " + std::to_string(kMaxOpinions) + " ý kiến.");
        }
        for (const auto& opinion : input.opinions) {
            org::CheckText(errors, "opinions", opinion.opinion, "Ý kiến của người dân", true, 2000);
            org::CheckText(errors, "opinions", opinion.follow_up, "Người theo dõi, giải quyết", false, 300);
        }
        org::ThrowIfInvalid(errors);
        ConferenceRecord record;
        record.held_date = *held;
        record.participants = input.participants;
        record.topics = input.topics;
        record.materials = org::Trim(input.materials);
        record.opinions = input.opinions;
        record.submitted_by = actor.principal ? actor.principal->login : "system";
        if (!store_.SaveRecord(c, id, record, input.version, clock_())) {
            throw ServiceError(Kind::kConflict,
                               "Biên bản vừa được người khác sửa. Hãy tải lại trang rồi nhập lại thay đổi của bạn.");
        }
        Conference after = Load(c, id);
        Audit(c, actor, before.record ? "outreach_conference.record_edit" : "outreach_conference.record", id,
              ToJson(before), ToJson(after));
        return id;
    });
}

Written ConferenceService::AddPhoto(const org::Actor& actor, std::int64_t id, const std::string& bytes,
                                    const std::string& caption, const std::string& idempotency_key) {
    // Check the permission before the expensive decoding.
    auto path = database_.ReadValue([&](db::Connection& c) { return Load(c, id).unit_path; });
    if (actor.principal && !actor.principal->Can(org::Permission::kOutreachWrite, path)) {
        throw ServiceError(Kind::kForbidden, "Bạn không có quyền thêm ảnh cho hội nghị của đơn vị này.");
    }
    std::string text = org::Trim(caption);
    org::FieldErrors errors;
    // The caption is the picture's alternative text: what a reader who cannot see it is told.
    org::CheckText(errors, "caption", text, "Chú thích ảnh (mô tả ngắn nội dung ảnh)", true, 500);
    if (bytes.empty()) {
        errors.emplace_back("photo", "Hãy chọn một ảnh.");
    }
    org::ThrowIfInvalid(errors);
    media::ProcessedImage image;
    try {
        image = media::ProcessImage(bytes);
    } catch (const media::MediaError& error) {
        throw ServiceError(Kind::kInvalid, error.what(), {{"photo", error.what()}});
    }
    std::vector<PhotoVariant> variants;
    for (auto& variant : image.variants) {
        variants.push_back(
            PhotoVariant{variant.name, variant.content_type, variant.width, variant.height, std::move(variant.data)});
    }
    return Idempotent(actor, idempotency_key, "photo", [&](db::Connection& c) {
        Conference conference = Load(c, id);
        if (!conference.record) {
            throw ServiceError(Kind::kConflict, "Hãy nhập biên bản hội nghị trước khi thêm ảnh.");
        }
        if (conference.photos.size() >= kMaxPhotos) {
            throw ServiceError(Kind::kInvalid, "Mỗi hội nghị có tối đa " + std::to_string(kMaxPhotos) + " ảnh.");
        }
        std::int64_t photo_id = store_.InsertPhoto(c, id, text, image.width, image.height, variants, clock_(),
                                                   actor.principal ? actor.principal->login : "system");
        Audit(c, actor, "outreach_conference.photo", id, "null",
              json::serialize(json::object{{"photo_id", photo_id}, {"caption", text}}));
        return photo_id;
    });
}

Written ConferenceService::SendToColumn(const org::Actor& actor, std::int64_t id) {
    if (actor.principal == nullptr) {
        throw ServiceError(Kind::kForbidden, "Cần đăng nhập để gửi bài.");
    }
    const org::Principal& principal = *actor.principal;
    Conference conference = database_.ReadValue([&](db::Connection& c) { return Load(c, id); });
    if (!principal.Can(org::Permission::kOutreachWrite, conference.unit_path)) {
        throw ServiceError(Kind::kForbidden, "Bạn không có quyền gửi bài về hội nghị của đơn vị này.");
    }
    if (!conference.record) {
        throw ServiceError(Kind::kConflict, "Hội nghị chưa có biên bản; hãy nhập biên bản trước khi gửi bài.");
    }
    if (conference.column_item_id) {
        return Written{*conference.column_item_id, true};
    }
    // The nearest ancestor with a site: the district's, or the province's when the district has none.
    std::map<std::int64_t, portal::OutreachColumn> by_unit;
    for (auto& column : portal_.OutreachColumns()) {
        auto site = portal_.GetSite(column.section.site_id);
        by_unit.emplace(site.unit_id, std::move(column));
    }
    std::vector<std::int64_t> ancestors;
    std::string path = conference.unit_path;
    std::size_t start = 1;
    while (start < path.size()) {
        auto end = path.find('/', start);
        if (end == std::string::npos)
            break;
        ancestors.push_back(std::stoll(path.substr(start, end - start)));
        start = end + 1;
    }
    const portal::OutreachColumn* column = nullptr;
    for (auto it = ancestors.rbegin(); it != ancestors.rend(); ++it) {
        if (*it == conference.unit_id)
            continue;
        auto found = by_unit.find(*it);
        if (found != by_unit.end()) {
            column = &found->second;
            break;
        }
    }
    if (column == nullptr) {
        throw ServiceError(Kind::kNotFound,
                           "Không tìm thấy trang thông tin điện tử của huyện hoặc tỉnh để gửi bài vào chuyên mục "
                           "“Thông tin tuyên vận”.");
    }
    bool allowed = false;
    for (const auto& desk : portal_.Desks(principal)) {
        if (desk.site.id == column->section.site_id && desk.On(column->section.id) != portal::SiteRole::kNone) {
            allowed = true;
        }
    }
    if (!allowed) {
        throw ServiceError(Kind::kForbidden, "Bạn chưa là cộng tác viên hay biên tập viên của trang “" +
                                                 column->site_name +
                                                 "”, nên chưa gửi được bài vào chuyên mục “Thông tin tuyên vận”. "
                                                 "Hãy đề nghị ban biên tập cấp quyền cộng tác viên.");
    }
    std::string alt = "Hội nghị tuyên vận tháng " + ShowMonth(conference.month) + " tại " + UnitLabel(conference);
    portal::ItemFields fields;
    fields.genre = "tin";
    fields.title = UnitLabel(conference) + " tổ chức hội nghị tuyên vận tháng " + ShowMonth(conference.month);
    fields.sapo = "Ngày " + ShowDate(conference.record->held_date) + ", " + conference.unit_name +
                  " tổ chức hội nghị tuyên vận với " + text::FormatNumber(conference.record->participants.Total()) +
                  " người tham dự.";
    fields.body_md = RecordBody(conference);
    fields.source_unit_id = conference.unit_id;
    std::int64_t n = 0;
    for (const auto& photo : conference.photos) {
        std::string bytes = database_.ReadValue(
            [&](db::Connection& c) { return store_.PhotoBytes(c, photo.id, "image/jpeg", 1920).value_or(""); });
        portal::Upload upload;
        upload.file_name = "hoi-nghi-" + std::to_string(id) + "-" + std::to_string(++n) + ".jpg";
        upload.bytes = std::move(bytes);
        upload.alt = photo.caption.empty() ? alt : photo.caption;
        upload.caption = photo.caption;
        auto stored = portal_.UploadImage(actor, column->section.site_id, upload);
        fields.gallery_media_ids.push_back(stored.id);
        fields.gallery_captions.push_back(photo.caption);
        if (!fields.featured_media_id) {
            fields.featured_media_id = stored.id;
            fields.featured_caption = photo.caption;
        }
    }
    std::int64_t item_id = portal_.CreateDraft(actor, column->section.site_id, column->section.id, fields);
    database_.Write([&](db::Connection& c) {
        store_.SetColumnItem(c, id, item_id, clock_());
        Audit(c, actor, "outreach_conference.send_to_column", id, "null",
              json::serialize(json::object{{"item_id", item_id}, {"site_id", column->section.site_id}}));
    });
    return Written{item_id, false};
}

Conference ConferenceService::Get(const org::Principal& principal, std::int64_t id) {
    auto conference = database_.ReadValue([&](db::Connection& c) { return Load(c, id); });
    if (!principal.Can(org::Permission::kOutreachRead, conference.unit_path)) {
        throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem hội nghị của đơn vị này.");
    }
    return conference;
}

MonthOverview ConferenceService::Month(const org::Principal& principal, std::int64_t unit_id,
                                       const std::string& month) {
    if (!IsMonth(month)) {
        throw ServiceError(Kind::kInvalid, "Tháng không hợp lệ (định dạng yyyy-mm, ví dụ 2026-05).",
                           {{"month", "Tháng không hợp lệ."}});
    }
    std::string today = Today();
    return database_.ReadValue([&](db::Connection& c) {
        MonthOverview overview;
        overview.unit = RequireUnit(c, unit_id);
        if (!principal.Can(org::Permission::kOutreachRead, overview.unit.path)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem lịch hội nghị của đơn vị này.");
        }
        overview.month = month;
        auto rules = store_.Rules(c);
        overview.rule = RuleIn(rules, month);
        auto communes = store_.Communes(c, overview.unit.path, MonthStartMs(month), MonthEndMs(month));
        std::map<std::int64_t, StatusRow> rows;
        for (auto& row : store_.StatusRows(c, overview.unit.path, month, month)) {
            rows.emplace(row.conference.unit_id, std::move(row));
        }
        for (auto& unit : communes) {
            CommuneMonth line;
            line.unit = std::move(unit);
            auto found = rows.find(line.unit.id);
            if (found != rows.end()) {
                line.status = StatusOf(found->second.conference, found->second.held_date, found->second.submitted_at,
                                       rules, today);
                line.conference = std::move(found->second.conference);
                line.conference->status = line.status;
            } else {
                StatusFacts facts;
                facts.month = month;
                facts.rule = overview.rule;
                facts.today = today;
                line.status = ComputeStatus(facts);
            }
            overview.communes.push_back(std::move(line));
        }
        return overview;
    });
}

std::string ConferenceService::PhotoBytes(const org::Principal& principal, std::int64_t photo_id,
                                          const std::string& content_type, std::int64_t width) {
    return database_.ReadValue([&](db::Connection& c) {
        auto conference_id = store_.PhotoConference(c, photo_id);
        if (!conference_id) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy ảnh này.");
        }
        auto conference = store_.LoadConference(c, *conference_id);
        if (!conference || !principal.Can(org::Permission::kOutreachRead, conference->unit_path)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem ảnh này.");
        }
        auto bytes = store_.PhotoBytes(c, photo_id, content_type, width);
        if (!bytes) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy ảnh này.");
        }
        return *bytes;
    });
}

std::vector<DeadlineRuleRow> ConferenceService::Rules() {
    return database_.ReadValue([&](db::Connection& c) { return store_.Rules(c); });
}

DeadlineRule ConferenceService::RuleFor(const std::string& month) {
    return RuleIn(Rules(), month);
}

bool ConferenceService::CanSetRules(const org::Principal& principal) const {
    for (const auto& grant : principal.grants) {
        // A grant on a unit without a parent: the province (paths are "/id/").
        if (org::RoleHas(grant.role, org::Permission::kOutreachSupervise) &&
            std::count(grant.unit_path.begin(), grant.unit_path.end(), '/') == 2) {
            return true;
        }
    }
    return false;
}

std::int64_t ConferenceService::SetRule(const org::Actor& actor, const std::string& effective_month,
                                        const DeadlineRule& rule) {
    if (actor.principal && !CanSetRules(*actor.principal)) {
        throw ServiceError(Kind::kForbidden,
                           "Chỉ Tỉnh ủy (văn phòng, ban tuyên giáo) đặt thời hạn đăng ký và nộp biên bản.");
    }
    org::FieldErrors errors;
    std::string month = org::Trim(effective_month);
    if (!IsMonth(month)) {
        errors.emplace_back("effective_month", "Tháng áp dụng không hợp lệ (định dạng yyyy-mm).");
    }
    if (rule.registration_day < 1 || rule.registration_day > 31) {
        errors.emplace_back("registration_day", "Hạn đăng ký phải là một ngày từ 1 đến 31 của tháng trước.");
    }
    if (rule.record_due_days < 0 || rule.record_due_days > 60) {
        errors.emplace_back("record_due_days", "Hạn nộp biên bản phải từ 0 đến 60 ngày sau hội nghị.");
    }
    if (rule.evaluation_due_days < 0 || rule.evaluation_due_days > 60) {
        errors.emplace_back("evaluation_due_days", "Hạn gửi đánh giá phải từ 0 đến 60 ngày sau hội nghị.");
    }
    org::ThrowIfInvalid(errors);
    return database_.WriteValue([&](db::Connection& c) {
        auto before = store_.Rules(c);
        std::int64_t id =
            store_.SaveRule(c, month, rule, clock_(), actor.principal ? actor.principal->login : "system");
        audit::Change change;
        change.actor = actor.principal ? actor.principal->login : "system";
        change.action = "outreach_deadline_rule.set";
        change.entity = "outreach_deadline_rule";
        change.entity_id = std::to_string(id);
        change.after_json = json::serialize(json::object{{"effective_month", month},
                                                         {"registration_day", rule.registration_day},
                                                         {"record_due_days", rule.record_due_days},
                                                         {"evaluation_due_days", rule.evaluation_due_days}});
        change.address = actor.address;
        audit::Append(c, change, clock_());
        return id;
    });
}

std::string ConferenceService::FeedToken(const org::Actor& actor, std::int64_t unit_id) {
    auto unit = database_.ReadValue([&](db::Connection& c) { return RequireUnit(c, unit_id); });
    if (actor.principal && !actor.principal->Can(org::Permission::kOutreachRead, unit.path)) {
        throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem lịch hội nghị của đơn vị này.");
    }
    return TokenOf(actor, FeedOwner{unit_id, false});
}

std::string ConferenceService::CadreFeedToken(const org::Actor& actor, std::int64_t person_id) {
    database_.Read([&](db::Connection& c) {
        auto rows =
            c.Query("SELECT u.path FROM people p JOIN units u ON u.id = p.unit_id WHERE p.id = $1", {person_id});
        if (rows.Empty()) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy cán bộ.");
        }
        if (actor.principal == nullptr || actor.principal->Can(org::Permission::kOutreachRead, rows.String(0, 0))) {
            return;
        }
        auto own = c.Query("SELECT 1 FROM accounts WHERE id = $1 AND person_id = $2",
                           {actor.principal->account_id, person_id});
        if (own.Empty()) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem lịch đi dự của cán bộ này.");
        }
    });
    return TokenOf(actor, FeedOwner{person_id, true});
}

std::string ConferenceService::TokenOf(const org::Actor& actor, const FeedOwner& owner) {
    if (auto token = database_.ReadValue([&](db::Connection& c) { return store_.FeedToken(c, owner); })) {
        return *token;
    }
    return database_.WriteValue([&](db::Connection& c) {
        store_.InsertFeedToken(c, owner, security::RandomToken(24), clock_());
        std::string token = *store_.FeedToken(c, owner);
        audit::Change change;
        change.actor = actor.principal ? actor.principal->login : "system";
        change.action = owner.person ? "outreach_cadre_feed.create" : "outreach_calendar_feed.create";
        change.entity = owner.person ? "person" : "unit";
        change.entity_id = std::to_string(owner.id);
        change.address = actor.address;
        audit::Append(c, change, clock_());
        return token;
    });
}

std::optional<std::string> ConferenceService::Feed(const std::string& token, const std::string& base_url) {
    if (token.empty() || token.size() > 100) {
        return std::nullopt;
    }
    std::string today = Today();
    std::string current = today.substr(0, 7);
    std::string from = PreviousMonth(PreviousMonth(current));
    std::string to = current;
    for (int i = 0; i < 4; ++i) {
        to = NextMonth(to);
    }
    struct Loaded {
        ConferenceUnit unit;
        std::vector<StatusRow> rows;
        std::vector<DeadlineRuleRow> rules;
    };
    auto loaded = database_.ReadValue([&](db::Connection& c) -> std::optional<Loaded> {
        auto owner = store_.FindFeedOwner(c, token);
        if (!owner) {
            return std::nullopt;
        }
        Loaded out;
        if (owner->person) {
            auto person = c.Query("SELECT full_name FROM people WHERE id = $1", {owner->id});
            if (person.Empty()) {
                return std::nullopt;
            }
            out.unit.full_name = person.String(0, 0);
        } else {
            out.unit = RequireUnit(c, owner->id);
        }
        out.rules = store_.Rules(c);
        if (owner->person || out.unit.level == "department") {
            // An attending agency sees the conferences the rotation assigns it.
            if (attendance_) {
                for (std::string month = from; month <= to; month = NextMonth(month)) {
                    for (auto& row : store_.StatusRowsOf(c, attendance_(c, *owner, month), month, month)) {
                        out.rows.push_back(std::move(row));
                    }
                }
            }
        } else {
            out.rows = store_.StatusRows(c, out.unit.path, from, to);
        }
        return out;
    });
    if (!loaded) {
        return std::nullopt;
    }
    ical::Calendar calendar;
    calendar.name = "Hội nghị tuyên vận – " + loaded->unit.full_name;
    for (const auto& row : loaded->rows) {
        const Conference& conference = row.conference;
        StatusResult status = StatusOf(conference, row.held_date, row.submitted_at, loaded->rules, today);
        ical::Event event;
        event.uid = "hoi-nghi-tuyen-van-" + std::to_string(conference.id) + "@tuyenvan";
        event.stamp_ms = conference.updated_at;
        event.start = conference.scheduled_date + "T" + conference.scheduled_time;
        event.summary = "Hội nghị tuyên vận tháng " + ShowMonth(conference.month) + " – " + conference.unit_name;
        event.location = conference.venue;
        event.description = "Chủ trì: " + conference.chair + "\nTình trạng: " + std::string(StatusLabel(status.status));
        if (!conference.changes.empty()) {
            event.description += "\nĐã điều chỉnh lịch " + std::to_string(conference.changes.size()) +
                                 " lần; lý do lần gần nhất: " + conference.changes.back().reason;
        }
        if (!base_url.empty()) {
            event.url = base_url + "/quan-tri/tuyen-van/hoi-nghi/" + std::to_string(conference.id);
        }
        event.sequence = static_cast<int>(conference.sequence);
        calendar.events.push_back(std::move(event));
    }
    return ical::Render(calendar);
}

std::vector<ConferenceUnit> ConferenceService::CalendarUnits(const org::Principal& principal) {
    std::vector<ConferenceUnit> units;
    for (const auto& unit : org_.UnitChoices(principal, org::Permission::kOutreachRead)) {
        if (unit.level == "province" || unit.level == "district" || unit.level == "commune") {
            units.push_back(ConferenceUnit{unit.id, unit.level, unit.name, unit.full_name, unit.path, unit.parent_id});
        }
    }
    // Tree order from the Vietnamese order the choices come in: each unit followed by its children.
    std::vector<ConferenceUnit> out;
    std::vector<bool> placed(units.size(), false);
    std::function<void(std::optional<std::int64_t>)> children = [&](std::optional<std::int64_t> parent) {
        for (std::size_t i = 0; i < units.size(); ++i) {
            if (!placed[i] && units[i].parent_id == parent) {
                placed[i] = true;
                out.push_back(units[i]);
                children(units[i].id);
            }
        }
    };
    for (std::size_t i = 0; i < units.size(); ++i) {
        bool parent_listed = std::any_of(units.begin(), units.end(),
                                         [&](const ConferenceUnit& other) { return units[i].parent_id == other.id; });
        if (!placed[i] && !parent_listed) {
            placed[i] = true;
            out.push_back(units[i]);
            children(units[i].id);
        }
    }
    return out;
}

}  // namespace tuyenvan::outreach
