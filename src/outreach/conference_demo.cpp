#include "outreach/conference_demo.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "outreach/conference_status.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

constexpr std::int64_t kHourMs = 3600LL * 1000;

// A small deterministic mix of the commune, the month and a purpose, so every run gives the same history.
std::uint64_t Mix(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    std::uint64_t x =
        a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B14E9DULL) * 0xC2B2AE3D27D4EB4FULL ^ c * 0x165667B19E3779F9ULL;
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 29;
    return x;
}

int Pick(std::uint64_t seed, int n) {
    return static_cast<int>(seed % static_cast<std::uint64_t>(n));
}

std::int64_t At(const std::string& date, int hour) {
    return text::ParseIsoDate(date).value_or(0) + hour * kHourMs;
}

std::string Day(const std::string& month, int day) {
    day = std::max(1, std::min(day, DaysInMonth(month)));
    return month + (day < 10 ? "-0" : "-") + std::to_string(day);
}

const char* const kVenues[] = {"Hội trường Đảng ủy xã", "Hội trường UBND xã", "Nhà văn hóa trung tâm xã",
                               "Nhà văn hóa thôn", "Trường Tiểu học trung tâm xã"};
const char* const kChairs[] = {"Đồng chí Bí thư Đảng ủy", "Đồng chí Phó Bí thư Thường trực Đảng ủy",
                               "Đồng chí Trưởng ban Tuyên vận xã"};
const char* const kTopics[] = {"Thông tin thời sự trong nước và quốc tế nổi bật trong tháng",
                               "Tình hình kinh tế - xã hội của tỉnh và huyện",
                               "Phòng, chống lừa đảo qua mạng",
                               "Phòng, chống cháy rừng mùa khô",
                               "Chính sách hỗ trợ phát triển sản xuất nông nghiệp",
                               "Xây dựng nông thôn mới, đô thị văn minh",
                               "Phòng, chống mua bán người và xuất cảnh trái phép",
                               "Bảo hiểm xã hội tự nguyện và bảo hiểm y tế"};
const char* const kSpeakers[] = {"Lý Seo Dìn",    "Hoàng Thị Mai",   "Giàng A Páo",
                                 "Vàng Thị Sính", "Nguyễn Văn Hùng", "Lù Văn Chiến"};
const char* const kReasons[] = {"Trùng lịch họp của huyện", "Mưa lũ, đường vào trung tâm xã bị sạt lở",
                                "Người dân đang vào vụ thu hoạch", "Báo cáo viên của huyện đi công tác"};
const char* const kOpinions[] = {"Đề nghị sửa chữa đường vào thôn", "Đề nghị hỗ trợ giống cây trồng",
                                 "Phản ánh tình trạng mất điện kéo dài", "Đề nghị lắp thêm đèn chiếu sáng đường thôn"};
const char* const kFollowUps[] = {"UBND xã", "Mặt trận Tổ quốc xã", "Ban Tuyên vận xã"};

// Runs one INSERT of many rows: `head` is "INSERT … VALUES", each row has `width` parameters.
void InsertRows(db::Connection& c, const std::string& head, std::size_t width, const std::vector<db::Value>& values) {
    constexpr std::size_t kRowsPerStatement = 200;
    std::size_t rows = values.size() / width;
    for (std::size_t first = 0; first < rows; first += kRowsPerStatement) {
        std::size_t count = std::min(kRowsPerStatement, rows - first);
        std::string sql = head;
        std::vector<db::Value> params;
        params.reserve(count * width);
        for (std::size_t r = 0; r < count; ++r) {
            sql += r == 0 ? " (" : ", (";
            for (std::size_t k = 0; k < width; ++k) {
                sql += (k == 0 ? "$" : ", $") + std::to_string(r * width + k + 1);
                params.push_back(values[(first + r) * width + k]);
            }
            sql += ")";
        }
        c.Query(sql, std::span<const db::Value>(params));
    }
}

}  // namespace

ConferenceDemoReport LoadConferenceDemo(db::Database& database, std::int64_t now_ms) {
    ConferenceDemoReport report;
    std::string today = text::FormatIsoDate(now_ms);
    std::string current = today.substr(0, 7);
    std::vector<std::string> months;
    std::string month = current;
    for (int i = 0; i < 24; ++i) {
        month = PreviousMonth(month);
        months.insert(months.begin(), month);
    }
    database.Write([&](db::Connection& c) {
        if (!c.Query("SELECT 1 FROM outreach_conferences LIMIT 1").Empty()) {
            return;
        }
        auto units = c.Query("SELECT id FROM units WHERE level = 'commune' AND valid_to IS NULL ORDER BY id");
        std::vector<db::Value> conferences;
        struct Plan {
            std::int64_t unit_id;
            std::string month;
            std::string original;
            std::string scheduled;
            std::string time;
            std::string venue;
            std::int64_t registered_at;
            bool changed;
            std::string change_reason;
            std::int64_t change_at;
            std::string held;  // empty: no record
            std::int64_t submitted_at;
            std::uint64_t seed;
        };
        std::vector<Plan> plans;
        for (std::size_t u = 0; u < units.Size(); ++u) {
            std::int64_t unit_id = units.Int(u, 0);
            for (std::size_t m = 0; m < months.size(); ++m) {
                const std::string& mon = months[m];
                std::uint64_t seed = Mix(static_cast<std::uint64_t>(unit_id), m, 1);
                if (Pick(seed, 100) < 4) {
                    continue;  // never registered: "not held"
                }
                Plan plan;
                plan.unit_id = unit_id;
                plan.month = mon;
                plan.seed = seed;
                plan.original = Day(mon, 5 + Pick(seed >> 8, 20));
                plan.scheduled = plan.original;
                plan.time = Pick(seed >> 16, 3) == 0 ? "14:00" : Pick(seed >> 18, 2) == 0 ? "07:30" : "08:00";
                plan.venue = kVenues[Pick(seed >> 20, 5)];
                // Most register by the 25th of the previous month, some a few days late.
                plan.registered_at = At(Day(PreviousMonth(mon), 12 + Pick(seed >> 24, 17)), 9);
                plan.changed = Pick(seed >> 30, 100) < 15;
                if (plan.changed) {
                    plan.scheduled = Day(mon, std::stoi(plan.original.substr(8, 2)) + 2 + Pick(seed >> 34, 4));
                    if (plan.scheduled == plan.original) {
                        plan.changed = false;
                    } else {
                        plan.change_reason = kReasons[Pick(seed >> 38, 4)];
                        plan.change_at = At(AddDays(plan.original, -3), 15);
                        plan.change_at = std::max(plan.change_at, plan.registered_at + kHourMs);
                    }
                }
                int outcome = Pick(seed >> 42, 100);
                if (outcome < 72) {
                    plan.held = plan.scheduled;  // on schedule
                } else if (outcome < 88) {
                    plan.held = AddDays(plan.scheduled, 1 + Pick(seed >> 46, 4));  // late
                }
                if (!plan.held.empty()) {
                    plan.submitted_at = At(AddDays(plan.held, Pick(seed >> 50, 8)), 16);
                    // Nothing from the future: a conference held after today has no record yet.
                    if (plan.held > today) {
                        plan.held.clear();
                    } else {
                        plan.submitted_at = std::min(plan.submitted_at, now_ms - kHourMs);
                    }
                }
                plans.push_back(std::move(plan));
            }
        }
        for (const auto& plan : plans) {
            std::int64_t updated = plan.changed ? plan.change_at : plan.registered_at;
            conferences.insert(
                conferences.end(),
                {plan.unit_id, plan.month, plan.original, plan.time, plan.scheduled, plan.time, plan.venue,
                 std::string(kChairs[Pick(plan.seed >> 54, 3)]), plan.registered_at, std::string("demo"),
                 std::int64_t{plan.changed ? 1 : 0}, plan.submitted_at > updated ? plan.submitted_at : updated});
        }
        InsertRows(c,
                   "INSERT INTO outreach_conferences (unit_id, month, original_date, original_time, scheduled_date, "
                   "scheduled_time, venue, chair, registered_at, registered_by, sequence, updated_at) VALUES",
                   12, conferences);
        std::map<std::pair<std::int64_t, std::string>, std::int64_t> ids;
        auto rows = c.Query("SELECT id, unit_id, month FROM outreach_conferences");
        for (std::size_t i = 0; i < rows.Size(); ++i) {
            ids[{rows.Int(i, 1), rows.String(i, 2)}] = rows.Int(i, 0);
        }
        std::vector<db::Value> topics, changes, records, opinions;
        for (const auto& plan : plans) {
            std::int64_t id = ids[{plan.unit_id, plan.month}];
            int first = Pick(plan.seed >> 3, 8);
            for (std::int64_t k = 0; k < 2; ++k) {
                std::string topic = kTopics[(first + k) % 8];
                std::string speaker = kSpeakers[Pick(plan.seed >> (5 + k), 6)];
                topics.insert(topics.end(), {id, std::string("planned"), k + 1, topic, speaker});
                if (!plan.held.empty()) {
                    topics.insert(topics.end(), {id, std::string("presented"), k + 1, topic, speaker});
                }
            }
            if (plan.changed) {
                changes.insert(changes.end(), {id, plan.change_at, std::string("demo"), plan.original, plan.time,
                                               plan.venue, plan.scheduled, plan.time, plan.venue, plan.change_reason});
            }
            if (!plan.held.empty()) {
                std::uint64_t s = Mix(plan.seed, 7, 3);
                records.insert(records.end(),
                               {id, plan.held, std::int64_t{5 + Pick(s, 15)}, std::int64_t{15 + Pick(s >> 8, 40)},
                                std::int64_t{6 + Pick(s >> 16, 10)}, std::int64_t{40 + Pick(s >> 24, 160)},
                                std::string("Bản tin thông tin thời sự tháng ") + ShowMonth(plan.month),
                                plan.submitted_at, std::string("demo"), plan.submitted_at});
                for (std::int64_t k = 0; k < Pick(s >> 32, 3); ++k) {
                    opinions.insert(opinions.end(), {id, k + 1, std::string(kOpinions[Pick(s >> (36 + k), 4)]),
                                                     std::string(kFollowUps[Pick(s >> (40 + k), 3)])});
                }
            }
        }
        InsertRows(c,
                   "INSERT INTO outreach_conference_topics (conference_id, kind, position, topic, speaker_name) VALUES",
                   5, topics);
        InsertRows(c,
                   "INSERT INTO outreach_conference_changes (conference_id, made_at, made_by, before_date, "
                   "before_time, before_venue, after_date, after_time, after_venue, reason) VALUES",
                   10, changes);
        InsertRows(c,
                   "INSERT INTO outreach_conference_records (conference_id, held_date, cadres, party_members, "
                   "committee_members, people, materials, submitted_at, submitted_by, updated_at) VALUES",
                   10, records);
        InsertRows(c, "INSERT INTO outreach_conference_opinions (conference_id, position, opinion, follow_up) VALUES",
                   4, opinions);
        report.conferences = static_cast<std::int64_t>(plans.size());
        report.changes = static_cast<std::int64_t>(changes.size() / 10);
        report.records = static_cast<std::int64_t>(records.size() / 10);
        audit::Change change;
        change.actor = "system";
        change.action = "outreach_conference.demo";
        change.entity = "outreach_conference";
        change.entity_id = "demo";
        change.after_json = "{\"conferences\":" + std::to_string(report.conferences) + "}";
        audit::Append(c, change, now_ms);
    });
    return report;
}

}  // namespace tuyenvan::outreach
