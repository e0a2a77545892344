#include "outreach/logbook_service.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "outreach/bodies_service.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

using Kind = org::ServiceError::Kind;
using org::ServiceError;
namespace json = boost::json;

const ServiceError kForbidden(Kind::kForbidden, "Bạn không có quyền thực hiện thao tác này với đơn vị này.");

void Require(const org::Principal* principal, org::Permission permission, const std::string& path) {
    if (principal != nullptr && !principal->Can(permission, path)) {
        throw kForbidden;
    }
}

bool ValidKey(const std::string& key) {
    return key.size() >= 8 && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char ch) {
               return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-' || ch == '_';
           });
}

// A count typed into the form: empty is 0; otherwise digits (and '.' between thousands) up to a million.
std::optional<std::int64_t> ParseCount(const std::string& text) {
    std::string digits;
    for (char ch : org::Trim(text)) {
        if (ch >= '0' && ch <= '9') {
            digits += ch;
        } else if (ch != '.') {
            return std::nullopt;
        }
    }
    if (digits.empty()) {
        return org::Trim(text).empty() ? std::optional<std::int64_t>(0) : std::nullopt;
    }
    if (digits.size() > 7) {
        return std::nullopt;
    }
    std::int64_t value = std::stoll(digits);
    return value <= 1000000 ? std::optional(value) : std::nullopt;
}

std::string ShowDay(const std::string& iso) {
    auto ms = text::ParseIsoDate(iso);
    return ms ? text::FormatDate(*ms) : iso;
}

std::string NextMonth(const std::string& month) {
    int year = std::stoi(month.substr(0, 4));
    int mon = std::stoi(month.substr(5, 2)) + 1;
    if (mon > 12) {
        mon = 1;
        ++year;
    }
    return std::to_string(year) + (mon < 10 ? "-0" : "-") + std::to_string(mon);
}

std::string AddMonths(const std::string& month, int count) {
    int index = std::stoi(month.substr(0, 4)) * 12 + std::stoi(month.substr(5, 2)) - 1 + count;
    int mon = index % 12 + 1;
    return std::to_string(index / 12) + (mon < 10 ? "-0" : "-") + std::to_string(mon);
}

}  // namespace

std::string ToJson(const LogbookEntry& entry) {
    auto optional = [](const std::optional<std::int64_t>& value) {
        return value ? json::value(*value) : json::value(nullptr);
    };
    return json::serialize(json::object{
        {"id", entry.id},
        {"body_id", entry.body_id},
        {"body_name", entry.body_name},
        {"commune_id", optional(entry.commune_id)},
        {"village_id", optional(entry.village_id)},
        {"village_name", entry.village_name},
        {"date", entry.day},
        {"form", ActivityFormName(entry.form)},
        {"form_label", ActivityFormLabel(entry.form)},
        {"topic", entry.topic},
        {"households", entry.households},
        {"people", entry.people},
        {"opinions", entry.opinions},
        {"follow_up", entry.follow_up},
        {"written_by", entry.written_by},
        {"client_key", entry.client_key},
        {"created_by", entry.created_by},
        {"created_at", entry.created_at},
        {"reviewed", entry.reviewed_at.has_value()},
        {"reviewed_at", optional(entry.reviewed_at)},
        {"reviewed_by", entry.reviewed_by.empty() ? json::value(nullptr) : json::value(entry.reviewed_by)},
        {"review_comment", entry.review_comment},
        {"version", entry.version}});
}

LogbookService::LogbookService(db::Database& database, std::function<std::int64_t()> clock)
    : database_(database), clock_(std::move(clock)) {}

std::optional<std::string> LogbookService::ParseMonth(const std::string& text) {
    std::string t = org::Trim(text);
    std::string iso;
    if (t.size() == 7 && t[4] == '-') {
        iso = t;
    } else if (t.size() == 7 && t[2] == '/') {
        iso = t.substr(3, 4) + "-" + t.substr(0, 2);
    } else {
        return std::nullopt;
    }
    if (!text::ParseIsoDate(iso + "-01")) {
        return std::nullopt;
    }
    if (iso < "1945-01" || iso > "2100-12") {
        return std::nullopt;
    }
    return iso;
}

std::string LogbookService::Today() const { return text::FormatIsoDate(clock_()); }

Body LogbookService::LoadBody(db::Connection& c, std::int64_t body_id) const {
    auto body = bodies_.FindBody(c, body_id);
    if (!body) {
        throw ServiceError(Kind::kNotFound, "Không tìm thấy ban hoặc tổ tuyên vận.");
    }
    return std::move(*body);
}

UnitRef LogbookService::LoadUnit(db::Connection& c, std::int64_t unit_id) const {
    auto unit = bodies_.FindUnit(c, unit_id);
    if (!unit) {
        throw ServiceError(Kind::kNotFound, "Không tìm thấy đơn vị.");
    }
    return std::move(*unit);
}

// A team's entries are reviewed at its commune; a committee's at its own unit.
std::string LogbookService::ReviewPath(db::Connection& c, const Body& body, const UnitRef& unit) const {
    if (body.kind == BodyKind::kTeam && body.parent_body_id) {
        return LoadUnit(c, LoadBody(c, *body.parent_body_id).unit_id).path;
    }
    return unit.path;
}

LogbookBody LogbookService::GetBody(const org::Principal& principal, std::int64_t body_id) {
    return database_.ReadValue([&](db::Connection& c) {
        LogbookBody out;
        out.body = LoadBody(c, body_id);
        out.unit = LoadUnit(c, out.body.unit_id);
        Require(&principal, org::Permission::kOutreachRead, out.unit.path);
        out.can_write = principal.Can(org::Permission::kOutreachWrite, out.unit.path);
        out.can_review = principal.Can(org::Permission::kOutreachWrite, ReviewPath(c, out.body, out.unit));
        return out;
    });
}

std::vector<UnitRef> LogbookService::Villages(const org::Principal& principal, std::int64_t body_id) {
    return database_.ReadValue([&](db::Connection& c) {
        Body body = LoadBody(c, body_id);
        UnitRef unit = LoadUnit(c, body.unit_id);
        Require(&principal, org::Permission::kOutreachRead, unit.path);
        if (body.kind == BodyKind::kTeam) {
            return std::vector<UnitRef>{unit};
        }
        if (unit.level == "commune") {
            return bodies_.UnitsUnder(c, unit.path, "village");
        }
        return std::vector<UnitRef>{};
    });
}

org::Page<LogbookEntry> LogbookService::List(const org::Principal& principal, std::int64_t body_id,
                                             LogbookQuery query) {
    query.page = std::max<std::int64_t>(1, query.page);
    query.per_page = std::clamp<std::int64_t>(query.per_page, 1, 200);
    return database_.ReadValue([&](db::Connection& c) {
        Body body = LoadBody(c, body_id);
        Require(&principal, org::Permission::kOutreachRead, LoadUnit(c, body.unit_id).path);
        auto page = store_.List(c, body_id, std::nullopt, query);
        return org::Page<LogbookEntry>{std::move(page.items), page.total, query.page, query.per_page, 0};
    });
}

LogbookEntry LogbookService::Get(const org::Principal& principal, std::int64_t entry_id) {
    return database_.ReadValue([&](db::Connection& c) {
        auto entry = store_.Find(c, entry_id);
        if (!entry) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy mục nhật ký.");
        }
        Require(&principal, org::Permission::kOutreachRead, LoadUnit(c, LoadBody(c, entry->body_id).unit_id).path);
        return std::move(*entry);
    });
}

bool LogbookService::CanReview(const org::Principal& principal, const LogbookEntry& entry) {
    return database_.ReadValue([&](db::Connection& c) {
        Body body = LoadBody(c, entry.body_id);
        return principal.Can(org::Permission::kOutreachWrite, ReviewPath(c, body, LoadUnit(c, body.unit_id)));
    });
}

Submitted LogbookService::Submit(const org::Actor& actor, std::int64_t body_id, const EntryInput& input) {
    std::string key = org::Trim(input.client_key);
    org::FieldErrors errors;
    LogbookEntry entry;
    entry.body_id = body_id;
    entry.client_key = key;
    auto day = BodiesService::ParseDay(input.day);
    if (org::Trim(input.day).empty()) {
        errors.emplace_back("day", "Hãy ghi ngày hoạt động.");
    } else if (!day) {
        errors.emplace_back("day", "Ngày hoạt động không hợp lệ; hãy ghi theo dạng ngày/tháng/năm.");
    } else if (*day > Today()) {
        errors.emplace_back("day", "Ngày hoạt động không được sau ngày hôm nay.");
    } else {
        entry.day = *day;
    }
    auto form = ParseActivityForm(input.form);
    if (!form) {
        errors.emplace_back("form", "Hãy chọn hình thức tuyên vận.");
    } else {
        entry.form = *form;
    }
    entry.topic = org::Trim(input.topic);
    org::CheckText(errors, "topic", entry.topic, "Nội dung, chủ đề", true, 300);
    auto households = ParseCount(input.households);
    auto people = ParseCount(input.people);
    if (!households) {
        errors.emplace_back("households", "Số hộ phải là số nguyên từ 0 đến 1.000.000.");
    }
    if (!people) {
        errors.emplace_back("people", "Số người phải là số nguyên từ 0 đến 1.000.000.");
    }
    entry.households = households.value_or(0);
    entry.people = people.value_or(0);
    entry.opinions = org::Trim(input.opinions);
    org::CheckText(errors, "opinions", entry.opinions, "Ý kiến, kiến nghị của nhân dân", false, 4000);
    entry.follow_up = org::Trim(input.follow_up);
    org::CheckText(errors, "follow_up", entry.follow_up, "Hướng xử lý, theo dõi", false, 2000);
    entry.written_by = org::Trim(input.written_by);
    if (entry.written_by.empty() && actor.principal != nullptr) {
        entry.written_by = actor.principal->display_name.empty() ? actor.principal->login : actor.principal->display_name;
    }
    org::CheckText(errors, "written_by", entry.written_by, "Người ghi", true, 200);
    if (!ValidKey(key)) {
        errors.emplace_back("client_key", "Thiếu mã gửi của mục nhật ký (8–64 chữ, số hoặc dấu gạch); hãy tải lại "
                                          "trang rồi gửi lại.");
    }
    entry.created_by = actor.principal ? actor.principal->login : "system";
    std::int64_t now = clock_();
    // A resend may race the first send on PostgreSQL: the loser's unique violation ends in the same answer.
    auto replay = [&](db::Connection& c) -> std::optional<Submitted> {
        if (!ValidKey(key)) {
            return std::nullopt;
        }
        auto first = store_.FindByKey(c, key);
        if (!first) {
            return std::nullopt;
        }
        if (first->body_id != body_id) {
            throw ServiceError(Kind::kConflict, "Mã gửi này đã được dùng cho sổ nhật ký khác; hãy tải lại trang "
                                                "rồi ghi lại.");
        }
        return Submitted{std::move(*first), true};
    };
    try {
        return database_.WriteValue([&](db::Connection& c) {
            Body body = LoadBody(c, body_id);
            UnitRef unit = LoadUnit(c, body.unit_id);
            // Who may act is answered before what is wrong with the form.
            Require(actor.principal, org::Permission::kOutreachWrite, unit.path);
            if (auto first = replay(c)) {
                return std::move(*first);
            }
            if (!entry.day.empty() && !body.established_on.empty() && entry.day < body.established_on) {
                errors.emplace_back("day", "Ngày hoạt động không được trước ngày thành lập " + body.name + " (" +
                                               ShowDay(body.established_on) + ").");
            }
            if (body.kind == BodyKind::kTeam) {
                if (input.village_id && *input.village_id != unit.id) {
                    errors.emplace_back("village_id", "Tổ tuyên vận chỉ ghi hoạt động tại " + unit.name + ".");
                }
                entry.village_id = unit.id;
                if (body.parent_body_id) {
                    entry.commune_id = LoadBody(c, *body.parent_body_id).unit_id;
                }
            } else {
                if (unit.level == "commune") {
                    entry.commune_id = unit.id;
                }
                if (input.village_id) {
                    auto village = bodies_.FindUnit(c, *input.village_id);
                    if (!village || village->level != "village" || !village->path.starts_with(unit.path)) {
                        errors.emplace_back("village_id", "Thôn, bản được chọn không thuộc " + unit.name + ".");
                    } else {
                        entry.village_id = village->id;
                    }
                }
            }
            org::ThrowIfInvalid(errors);
            entry.id = store_.Insert(c, entry, now);
            auto stored = store_.Find(c, entry.id);
            audit::Change change;
            change.actor = actor.principal ? actor.principal->login : "system";
            change.action = "outreach.logbook.create";
            change.entity = "outreach_logbook_entry";
            change.entity_id = std::to_string(entry.id);
            change.before_json = "null";
            change.after_json = ToJson(*stored);
            change.address = actor.address;
            audit::Append(c, change, now);
            return Submitted{std::move(*stored), false};
        });
    } catch (const db::Error& error) {
        if (error.Kind() != db::ErrorKind::kUniqueViolation) {
            throw;
        }
        auto first = database_.ReadValue([&](db::Connection& c) { return replay(c); });
        if (!first) {
            throw;
        }
        return std::move(*first);
    }
}

LogbookEntry LogbookService::Review(const org::Actor& actor, std::int64_t entry_id, std::int64_t version,
                                    const std::string& comment) {
    org::FieldErrors errors;
    std::string text = org::Trim(comment);
    org::CheckText(errors, "comment", text, "Nhận xét", false, 1000);
    std::int64_t now = clock_();
    return database_.WriteValue([&](db::Connection& c) {
        auto before = store_.Find(c, entry_id);
        if (!before) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy mục nhật ký.");
        }
        Body body = LoadBody(c, before->body_id);
        UnitRef unit = LoadUnit(c, body.unit_id);
        Require(actor.principal, org::Permission::kOutreachRead, unit.path);
        if (actor.principal != nullptr &&
            !actor.principal->Can(org::Permission::kOutreachWrite, ReviewPath(c, body, unit))) {
            throw ServiceError(Kind::kForbidden, "Chỉ cán bộ cấp xã trở lên được duyệt sổ nhật ký của " + body.name +
                                                     ".");
        }
        org::ThrowIfInvalid(errors);
        std::string login = actor.principal ? actor.principal->login : "system";
        if (!store_.Review(c, entry_id, version, login, text, now)) {
            throw ServiceError(Kind::kConflict, "Mục nhật ký vừa được người khác duyệt hoặc sửa. Hãy tải lại trang "
                                                "để xem bản mới nhất rồi làm lại.");
        }
        auto after = store_.Find(c, entry_id);
        audit::Change change;
        change.actor = login;
        change.action = "outreach.logbook.review";
        change.entity = "outreach_logbook_entry";
        change.entity_id = std::to_string(entry_id);
        change.before_json = ToJson(*before);
        change.after_json = ToJson(*after);
        change.address = actor.address;
        audit::Append(c, change, now);
        return std::move(*after);
    });
}

UnitRef LogbookService::GetUnit(const org::Principal& principal, std::int64_t unit_id) {
    return database_.ReadValue([&](db::Connection& c) {
        UnitRef unit = LoadUnit(c, unit_id);
        Require(&principal, org::Permission::kOutreachRead, unit.path);
        return unit;
    });
}

std::optional<Body> LogbookService::BodyOf(const org::Principal& principal, std::int64_t unit_id) {
    return database_.ReadValue([&](db::Connection& c) {
        UnitRef unit = LoadUnit(c, unit_id);
        Require(&principal, org::Permission::kOutreachRead, unit.path);
        return bodies_.OpenBodyOf(c, unit_id);
    });
}

std::pair<UnitRef, org::Page<LogbookEntry>> LogbookService::ListCommune(const org::Principal& principal,
                                                                        std::int64_t unit_id, LogbookQuery query) {
    query.page = std::max<std::int64_t>(1, query.page);
    query.per_page = std::clamp<std::int64_t>(query.per_page, 1, 200);
    return database_.ReadValue([&](db::Connection& c) {
        UnitRef unit = LoadUnit(c, unit_id);
        Require(&principal, org::Permission::kOutreachRead, unit.path);
        if (unit.level != "commune") {
            throw ServiceError(Kind::kInvalid, "Danh sách sổ nhật ký của các tổ chỉ có ở cấp xã.");
        }
        auto page = store_.List(c, std::nullopt, unit.id, query);
        return std::make_pair(std::move(unit), org::Page<LogbookEntry>{std::move(page.items), page.total, query.page,
                                                                        query.per_page, 0});
    });
}

std::vector<Body> LogbookService::CommuneBodies(const org::Principal& principal, std::int64_t unit_id) {
    return database_.ReadValue([&](db::Connection& c) {
        UnitRef unit = LoadUnit(c, unit_id);
        Require(&principal, org::Permission::kOutreachRead, unit.path);
        std::vector<Body> out;
        if (auto committee = bodies_.OpenBodyOf(c, unit.id)) {
            out.push_back(std::move(*committee));
        }
        for (auto& village : bodies_.VillageTeams(c, unit.path)) {
            if (village.team) {
                out.push_back(std::move(*village.team));
            }
        }
        return out;
    });
}

std::pair<UnitRef, LogbookCounts> LogbookService::Counts(const org::Principal& principal, std::int64_t unit_id,
                                                         std::string from_month, std::string to_month) {
    std::string current = Today().substr(0, 7);
    org::FieldErrors errors;
    auto to = to_month.empty() ? std::optional(current) : ParseMonth(to_month);
    if (!to) {
        errors.emplace_back("den", "Tháng kết thúc không hợp lệ; hãy ghi theo dạng tháng/năm.");
    }
    auto from = from_month.empty() ? std::optional(AddMonths(to.value_or(current), -5)) : ParseMonth(from_month);
    if (!from) {
        errors.emplace_back("tu", "Tháng bắt đầu không hợp lệ; hãy ghi theo dạng tháng/năm.");
    }
    if (from && to && *from > *to) {
        errors.emplace_back("tu", "Tháng bắt đầu phải trước tháng kết thúc.");
    } else if (from && to && AddMonths(*from, 23) < *to) {
        errors.emplace_back("tu", "Mỗi lần xem tối đa 24 tháng.");
    }
    return database_.ReadValue([&](db::Connection& c) {
        UnitRef unit = LoadUnit(c, unit_id);
        Require(&principal, org::Permission::kOutreachRead, unit.path);
        org::ThrowIfInvalid(errors);
        LogbookCounts out;
        std::map<std::string, std::size_t> month_index;
        for (std::string month = *from; month <= *to; month = NextMonth(month)) {
            month_index[month] = out.months.size();
            out.months.push_back(month);
        }
        std::map<std::int64_t, std::size_t> commune_index;
        for (auto& commune : bodies_.UnitsUnder(c, unit.path, "commune")) {
            commune_index[commune.id] = out.communes.size();
            CommuneCounts line;
            line.commune_id = commune.id;
            line.commune_name = commune.name;
            line.district_name = commune.parent_name;
            line.months.resize(out.months.size());
            out.communes.push_back(std::move(line));
        }
        for (const auto& [commune_id, month, cell] : store_.Counts(c, unit.path, *from + "-01", *to + "-31")) {
            auto at = commune_index.find(commune_id);
            auto m = month_index.find(month);
            if (at == commune_index.end() || m == month_index.end()) {
                continue;  // a commune closed since: its entries stay, its line does not
            }
            auto& line = out.communes[at->second];
            line.months[m->second] = cell;
            for (auto* sum : {&line.total, &out.total}) {
                sum->entries += cell.entries;
                sum->households += cell.households;
                sum->people += cell.people;
            }
        }
        return std::make_pair(std::move(unit), std::move(out));
    });
}

std::vector<LogbookEntry> LogbookService::Export(const org::Principal& principal, std::optional<std::int64_t> body_id,
                                                 std::optional<std::int64_t> unit_id, const std::string& from_day,
                                                 const std::string& to_day) {
    org::FieldErrors errors;
    auto from = BodiesService::ParseDay(from_day);
    auto to = BodiesService::ParseDay(to_day);
    if (!from) {
        errors.emplace_back("tu", "Ngày bắt đầu không hợp lệ; hãy ghi theo dạng ngày/tháng/năm.");
    }
    if (!to) {
        errors.emplace_back("den", "Ngày kết thúc không hợp lệ; hãy ghi theo dạng ngày/tháng/năm.");
    }
    if (from && to && *from > *to) {
        errors.emplace_back("tu", "Ngày bắt đầu phải trước ngày kết thúc.");
    }
    return database_.ReadValue([&](db::Connection& c) {
        std::string path;
        if (body_id) {
            Body body = LoadBody(c, *body_id);
            path = LoadUnit(c, body.unit_id).path;
        } else {
            path = LoadUnit(c, unit_id.value_or(0)).path;
        }
        Require(&principal, org::Permission::kOutreachRead, path);
        org::ThrowIfInvalid(errors);
        return store_.Range(c, body_id, path, *from, *to, kMaxExportRows);
    });
}

}  // namespace tuyenvan::outreach
