#include "outreach/logbook_demo.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "outreach/logbook_model.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

// A deterministic mix of the body, the month and the entry, so every run of a day gives the same logbooks.
std::uint64_t Mix(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    std::uint64_t x = a * 0xD6E8FEB86659FD93ULL ^ (b + 0x9E3779B97F4A7C15ULL) * 0xA0761D6478BD642FULL ^
                      c * 0xE7037ED1A0B428DBULL;
    x ^= x >> 32;
    x *= 0x8EBC6AF09C88C6E3ULL;
    x ^= x >> 29;
    return x;
}

int Pick(std::uint64_t seed, int n) { return static_cast<int>(seed % static_cast<std::uint64_t>(n)); }

// Subjects the teams and committees carry to people; each fits after "Tuyên truyền về" or "Vận động bà con".
const char* const kSubjects[] = {
    "phòng, chống cháy rừng mùa khô",
    "bảo hiểm y tế hộ gia đình năm nay",
    "cảnh giác với lừa đảo qua điện thoại và mạng xã hội",
    "giữ gìn vệ sinh chuồng trại, phòng dịch tả lợn châu Phi",
    "đưa trẻ đến trường đúng độ tuổi",
    "không tảo hôn, không kết hôn cận huyết thống",
    "phòng, chống ma túy trong thanh niên",
    "hiến đất mở rộng đường liên thôn",
    "trồng quế và cây ăn quả theo hướng hàng hóa",
    "bảo vệ đường điện và trạm biến áp",
    "an toàn giao thông khi đi xe máy trên đường đèo",
    "phòng tránh sạt lở đất mùa mưa bão",
    "giữ gìn trang phục và tiếng nói của dân tộc mình",
    "tiêm chủng đầy đủ cho trẻ nhỏ",
    "xây dựng nhà tiêu hợp vệ sinh",
    "không nghe, không theo người lạ tuyên truyền đạo trái phép",
    "đăng ký khai sinh, khai tử đúng hạn",
    "vay vốn ngân hàng chính sách để phát triển chăn nuôi",
    "làm du lịch cộng đồng giữ bản sắc",
    "không xuất cảnh trái phép sang biên giới làm thuê",
};

const char* const kOpening[] = {"Tuyên truyền về ", "Vận động bà con ", "Phổ biến, nhắc nhở về ",
                                "Trao đổi với nhân dân về "};

const char* const kOpinions[] = {
    "Bà con đề nghị sớm sửa đoạn đường bị sạt sau mưa.",
    "Một số hộ hỏi về thủ tục vay vốn và mức lãi suất.",
    "Người dân phản ánh điện chập chờn vào buổi tối.",
    "Bà con mong được hỗ trợ giống ngô, giống lúa cho vụ tới.",
    "Có ý kiến đề nghị lắp thêm loa ở cuối thôn vì nghe không rõ.",
    "Phụ huynh đề nghị có xe đưa đón học sinh bán trú.",
    "Bà con hỏi về thời hạn nộp bảo hiểm y tế và nơi đóng tiền.",
    "Người dân phản ánh nước sinh hoạt bị đục sau mưa lớn.",
    "Đề nghị hướng dẫn cách nhận biết tin nhắn lừa đảo.",
    "Một số hộ đề nghị được tập huấn kỹ thuật trồng quế.",
};

const char* const kFollowUps[] = {
    "Báo cáo Ban Tuyên vận xã để chuyển UBND xã xem xét.",
    "Đã giải thích tại chỗ; tổ tiếp tục theo dõi.",
    "Chuyển Mặt trận Tổ quốc xã tổng hợp.",
    "Hẹn cán bộ chuyên môn xã xuống hướng dẫn trong tháng.",
    "Đưa vào nội dung sinh hoạt thôn kỳ tới.",
};

const char* const kReviewNotes[] = {"Ghi đầy đủ, đúng mẫu.", "Cần ghi rõ số người tham dự.",
                                    "Đề nghị theo dõi kết quả giải quyết kiến nghị.", ""};

const char* const kFamily[] = {"Lý", "Giàng", "Vàng", "Lò", "Hoàng", "Nguyễn", "Phàn", "Tẩn", "Sùng", "Đặng"};
const char* const kMiddle[] = {"Văn", "Thị", "A", "Seo", "Láo", "Thị Thu", "Văn Minh"};
const char* const kGiven[] = {"Páo", "Mai", "Dìn", "Sính", "Chiến", "Hoa", "Chảo", "Lan", "Dũng", "Súa", "Tả", "Hằng"};

// Form weights out of 100, by kind of body: teams go from house to house, committees hold meetings.
ActivityForm FormFor(bool team, int roll) {
    if (team) {
        return roll < 40 ? ActivityForm::kHomeVisit
               : roll < 65 ? ActivityForm::kMeeting
               : roll < 85 ? ActivityForm::kLoudspeaker
               : roll < 95 ? ActivityForm::kCulturalEvent
                           : ActivityForm::kOnline;
    }
    return roll < 40 ? ActivityForm::kMeeting
           : roll < 55 ? ActivityForm::kLoudspeaker
           : roll < 75 ? ActivityForm::kOnline
           : roll < 90 ? ActivityForm::kCulturalEvent
                       : ActivityForm::kHomeVisit;
}

std::pair<std::int64_t, std::int64_t> Reach(ActivityForm form, std::uint64_t s) {
    switch (form) {
        case ActivityForm::kHomeVisit: {
            std::int64_t h = 2 + Pick(s, 12);
            return {h, h * (2 + Pick(s >> 8, 3))};
        }
        case ActivityForm::kMeeting: {
            std::int64_t h = 15 + Pick(s, 60);
            return {h, h + Pick(s >> 8, 60)};
        }
        case ActivityForm::kLoudspeaker: {
            std::int64_t h = 60 + Pick(s, 300);
            return {h, h * 3};
        }
        case ActivityForm::kCulturalEvent: {
            std::int64_t h = 25 + Pick(s, 90);
            return {h, 2 * h + Pick(s >> 8, 200)};
        }
        case ActivityForm::kOnline:
            return {0, 40 + Pick(s, 1500)};
    }
    return {0, 0};
}

int DaysIn(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string Iso(int year, int month, int day) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

constexpr std::size_t kWidth = 19;

void Flush(db::Connection& c, std::vector<db::Value>& values) {
    // SQLite runs a cached one-row statement fastest (naming each bound parameter costs time linear in their
    // number); PostgreSQL wants few round trips.
    std::size_t rows_per_statement = c.GetEngine() == db::Engine::kSqlite ? 1 : 500;
    std::size_t rows = values.size() / kWidth;
    for (std::size_t first = 0; first < rows; first += rows_per_statement) {
        std::size_t count = std::min(rows_per_statement, rows - first);
        std::string sql =
            "INSERT INTO outreach_logbook_entries (body_id, commune_id, village_id, day, form, topic, households, "
            "people, opinions, follow_up, written_by, client_key, created_by, created_at, reviewed_at, reviewed_by, "
            "review_comment, updated_at, version) VALUES";
        sql.reserve(sql.size() + count * kWidth * 7);
        for (std::size_t r = 0; r < count; ++r) {
            sql += r == 0 ? " (" : ", (";
            for (std::size_t k = 0; k < kWidth; ++k) {
                sql += (k == 0 ? "$" : ", $") + std::to_string(r * kWidth + k + 1);
            }
            sql += ")";
        }
        c.Query(sql, std::span<const db::Value>(values.data() + first * kWidth, count * kWidth));
    }
    values.clear();
}

}  // namespace

LogbookDemoReport LoadLogbookDemo(db::Database& database, std::int64_t now_ms) {
    LogbookDemoReport report;
    auto started = std::chrono::steady_clock::now();
    std::string today = text::FormatIsoDate(now_ms);
    int this_year = std::stoi(today.substr(0, 4));
    int this_month = std::stoi(today.substr(5, 2));
    database.Write([&](db::Connection& c) {
        if (!c.Query("SELECT 1 FROM outreach_logbook_entries LIMIT 1").Empty()) {
            return;
        }
        auto bodies = c.Query(
            "SELECT b.id, b.kind, b.unit_id, u.level, COALESCE(b.established_on, ''), p.unit_id "
            "FROM outreach_bodies b JOIN units u ON u.id = b.unit_id "
            "LEFT JOIN outreach_bodies p ON p.id = b.parent_body_id WHERE b.dissolved_on IS NULL ORDER BY b.id");
        std::map<std::int64_t, std::vector<std::int64_t>> villages;  // commune → villages
        auto rows = c.Query("SELECT id, parent_id FROM units WHERE level = 'village' AND valid_to IS NULL ORDER BY id");
        for (std::size_t i = 0; i < rows.Size(); ++i) {
            villages[rows.Int(i, 1)].push_back(rows.Int(i, 0));
        }
        std::vector<db::Value> values;
        values.reserve(kWidth * 4000);
        std::int64_t sequence = 0;
        for (std::size_t b = 0; b < bodies.Size(); ++b) {
            std::int64_t body_id = bodies.Int(b, 0);
            bool team = bodies.Text(b, 1) == "team";
            std::int64_t unit_id = bodies.Int(b, 2);
            std::string level = bodies.String(b, 3);
            std::string established = bodies.String(b, 4);
            std::optional<std::int64_t> commune_id =
                team ? bodies.OptInt(b, 5) : level == "commune" ? std::optional(unit_id) : std::nullopt;
            const auto* commune_villages = commune_id && !team ? &villages[*commune_id] : nullptr;
            ++report.bodies;
            for (int back = 23; back >= 0; --back) {
                int index = this_year * 12 + this_month - 1 - back;
                int year = index / 12;
                int month = index % 12 + 1;
                std::uint64_t seed = Mix(static_cast<std::uint64_t>(body_id), static_cast<std::uint64_t>(index), 1);
                int count = team ? 6 + Pick(seed, 8) : level == "commune" ? 8 + Pick(seed, 8) : 3 + Pick(seed, 4);
                for (int k = 0; k < count; ++k) {
                    std::uint64_t s = Mix(seed, static_cast<std::uint64_t>(k), 2);
                    std::string day = Iso(year, month, 1 + Pick(s, DaysIn(year, month)));
                    if (day > today || (!established.empty() && day < established)) {
                        continue;
                    }
                    ActivityForm form = FormFor(team, Pick(s >> 8, 100));
                    auto [households, people] = Reach(form, s >> 16);
                    std::string topic = std::string(kOpening[Pick(s >> 24, 4)]) + kSubjects[Pick(s >> 27, 20)];
                    std::string opinions;
                    std::string follow_up;
                    if (form != ActivityForm::kLoudspeaker && Pick(s >> 32, 100) < 45) {
                        opinions = kOpinions[Pick(s >> 36, 10)];
                        follow_up = kFollowUps[Pick(s >> 40, 5)];
                        if (Pick(s >> 43, 4) == 0) {
                            opinions += "\n" + std::string(kOpinions[Pick(s >> 45, 10)]);
                        }
                    }
                    std::optional<std::int64_t> village_id;
                    if (team) {
                        village_id = unit_id;
                    } else if (commune_villages && !commune_villages->empty() && form != ActivityForm::kOnline) {
                        village_id = (*commune_villages)[static_cast<std::size_t>(
                            Pick(s >> 48, static_cast<int>(commune_villages->size())))];
                    }
                    std::string writer = std::string(kFamily[Pick(seed >> 8, 10)]) + " " + kMiddle[Pick(seed >> 12, 7)] +
                                         " " + kGiven[Pick(seed >> 16, 12)];
                    std::int64_t created = text::ParseIsoDate(day).value_or(now_ms) + std::int64_t{17 + Pick(s >> 50, 5)} * 3600000;
                    created = std::min(created, now_ms);
                    // Older entries were mostly reviewed by the commune within two weeks.
                    bool reviewed = back >= 1 && Pick(s >> 53, 100) < 88;
                    std::int64_t reviewed_at = std::min(created + std::int64_t{2 + Pick(s >> 56, 12)} * 86400000, now_ms);
                    char key[32];
                    std::snprintf(key, sizeof key, "demo-%010lld", static_cast<long long>(++sequence));
                    values.insert(values.end(),
                                  {body_id, db::Nullable(commune_id), db::Nullable(village_id), day,
                                   std::string(ActivityFormName(form)), std::move(topic), households, people,
                                   std::move(opinions), std::move(follow_up), std::move(writer), std::string(key),
                                   std::string("demo"), created, reviewed ? db::Value(reviewed_at) : db::Value(nullptr),
                                   reviewed ? db::Value(std::string("demo")) : db::Value(nullptr),
                                   std::string(reviewed ? kReviewNotes[Pick(s >> 60, 4)] : ""),
                                   reviewed ? reviewed_at : created, std::int64_t{reviewed ? 2 : 1}});
                    ++report.entries;
                }
                if (values.size() >= kWidth * 4000) {
                    Flush(c, values);
                }
            }
        }
        Flush(c, values);
        if (report.entries > 0) {
            audit::Change change;
            change.actor = "system";
            change.action = "outreach.logbook.demo";
            change.entity = "outreach_logbook_entry";
            change.entity_id = "demo";
            change.after_json = "{\"entries\":" + std::to_string(report.entries) + "}";
            audit::Append(c, change, now_ms);
        }
    });
    report.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                            .count();
    return report;
}

}  // namespace tuyenvan::outreach
