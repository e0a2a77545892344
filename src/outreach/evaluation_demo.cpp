#include "outreach/evaluation_demo.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <span>

#include "outreach/conference_status.hpp"
#include "outreach/evaluation_service.hpp"
#include "outreach/evaluation_store.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

constexpr std::int64_t kHourMs = 3600000;

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

// Runs one INSERT of many rows: `head` is "INSERT … VALUES", each row has `width` parameters.
void InsertRows(db::Connection& c, const std::string& head, std::size_t width, const std::vector<db::Value>& values) {
    constexpr std::size_t kRowsPerStatement = 200;
    std::size_t rows = values.size() / width;
    for (std::size_t first = 0; first < rows; first += kRowsPerStatement) {
        std::size_t count = std::min(kRowsPerStatement, rows - first);
        std::string sql = head;
        for (std::size_t r = 0; r < count; ++r) {
            sql += r == 0 ? " (" : ", (";
            for (std::size_t k = 0; k < width; ++k) {
                sql += (k == 0 ? "$" : ", $") + std::to_string(r * width + k + 1);
            }
            sql += ")";
        }
        c.Query(sql, std::span<const db::Value>(values.data() + first * width, count * width));
    }
}

struct SampleSet {
    const char* effective_from;
    const char* title;
    int points[5];
};

constexpr const char* kCodes[] = {"preparation", "content", "speakers", "participation", "opinions"};
constexpr const char* kLabels[] = {"Công tác chuẩn bị", "Chất lượng nội dung", "Báo cáo viên",
                                   "Sự tham gia của người dự", "Giải quyết ý kiến của nhân dân"};
constexpr SampleSet kSets[] = {{"2016-01-01", "Bộ tiêu chí 2016", {20, 20, 20, 20, 20}},
                               {"2020-07-01", "Bộ tiêu chí 2020", {15, 25, 20, 20, 20}}};
constexpr const char* kComments[] = {
    "Hội nghị chuẩn bị chu đáo, nội dung sát thực tế địa phương.",
    "Báo cáo viên trình bày rõ ràng; cần dành thêm thời gian cho người dân phát biểu.",
    "Số người dự chưa đông; đề nghị thông báo sớm hơn tới các thôn.",
    "Ý kiến của nhân dân được ghi nhận đầy đủ và giao người theo dõi trả lời.",
    "Tài liệu phát cho người dự còn ít; đề nghị chuẩn bị thêm."};

}  // namespace

EvaluationDemoReport LoadEvaluationDemo(db::Database& database, std::int64_t now_ms) {
    EvaluationDemoReport report;
    auto started = std::chrono::steady_clock::now();
    std::string today = text::FormatIsoDate(now_ms);
    database.Write([&](db::Connection& c) {
        if (!c.Query("SELECT 1 FROM outreach_criteria_sets LIMIT 1").Empty()) {
            return;
        }
        EvaluationStore store;
        for (const auto& sample : kSets) {
            CriteriaSet set;
            set.effective_from = sample.effective_from;
            set.title = sample.title;
            set.basis = "Dữ liệu mẫu để trình diễn (tiêu chí và thang điểm giả định, không phải văn bản quy định).";
            set.created_by = "demo";
            set.created_at = now_ms;
            for (int k = 0; k < 5; ++k) {
                set.criteria.push_back(Criterion{0, k + 1, kCodes[k], kLabels[k], sample.points[k]});
            }
            store.InsertSet(c, set);
            ++report.sets;
        }
        auto sets = store.Sets(c);
        // How well each commune keeps its conferences: the share held on the scheduled date with a record.
        std::map<std::int64_t, double> quality;
        auto kept = c.Query(
            "SELECT k.unit_id, COUNT(*), SUM(CASE WHEN r.held_date = k.scheduled_date THEN 1 ELSE 0 END) FROM "
            "outreach_conferences k LEFT JOIN outreach_conference_records r ON r.conference_id = k.id GROUP BY "
            "k.unit_id");
        for (std::size_t i = 0; i < kept.Size(); ++i) {
            quality[kept.Int(i, 0)] = static_cast<double>(kept.Int(i, 2)) / std::max<std::int64_t>(1, kept.Int(i, 1));
        }
        std::string first = today.substr(0, 7);
        for (int i = 0; i < 25; ++i) {
            first = PreviousMonth(first);
        }
        auto dues = EvaluationDues(c, "/", first, today.substr(0, 7), today);
        std::vector<db::Value> evaluations;
        struct Planned {
            std::int64_t conference_id;
            std::optional<std::int64_t> agency_unit;
            std::optional<std::int64_t> agency_person;
            std::vector<std::pair<std::int64_t, int>> scores;
        };
        std::vector<Planned> planned;
        for (const auto& due : dues) {
            if (!due.held || due.state != EvaluationState::kMissing) {
                continue;  // awaited, filed, or nothing held to evaluate
            }
            std::uint64_t seed = Mix(static_cast<std::uint64_t>(due.assignment_id), due.commune_id, 11);
            if (Pick(seed, 100) < 10) {
                ++report.missing;
                continue;
            }
            const CriteriaSet* set = SetForDate(sets, due.conference_date);
            if (set == nullptr) {
                continue;
            }
            double q = quality.count(due.commune_id) ? quality[due.commune_id] : 0.5;
            Planned plan{*due.conference_id, due.agency_unit_id, due.agency_person_id, {}};
            int total = 0;
            for (std::size_t k = 0; k < set->criteria.size(); ++k) {
                const auto& criterion = set->criteria[k];
                double share = 0.35 + 0.55 * q + (Pick(seed >> (8 + 4 * k), 21) - 10) / 100.0;
                int points = std::clamp(static_cast<int>(criterion.max_points * share + 0.5), 0, criterion.max_points);
                plan.scores.emplace_back(criterion.id, points);
                total += points;
            }
            int lag = Pick(seed >> 40, 1 + static_cast<int>(DaysOf(due.deadline) - DaysOf(due.conference_date)));
            std::string filed_on = AddDays(due.conference_date, lag);
            std::int64_t filed_at = text::ParseIsoDate(filed_on).value_or(now_ms) + (2 + Pick(seed >> 48, 8)) * kHourMs;
            bool followed = Pick(seed >> 52, 100) < 88;
            evaluations.insert(evaluations.end(),
                               {*due.conference_id, due.assignment_id, due.level_unit_id, due.month, due.commune_id,
                                db::Nullable(due.agency_unit_id), db::Nullable(due.agency_person_id), set->id,
                                std::int64_t{total}, std::int64_t{set->max_points}, std::int64_t{followed ? 1 : 0},
                                std::string(kComments[Pick(seed >> 56, 5)]), std::string("demo"), filed_at});
            planned.push_back(std::move(plan));
        }
        InsertRows(c,
                   "INSERT INTO outreach_evaluations (conference_id, assignment_id, level_unit_id, month, commune_id, "
                   "agency_unit_id, agency_person_id, criteria_set_id, total_points, max_points, "
                   "followed_registration, comments, filed_by, filed_at) VALUES",
                   14, evaluations);
        std::map<std::tuple<std::int64_t, std::int64_t, std::int64_t>, std::int64_t> ids;
        auto rows = c.Query("SELECT id, conference_id, agency_unit_id, agency_person_id FROM outreach_evaluations");
        for (std::size_t i = 0; i < rows.Size(); ++i) {
            ids[{rows.Int(i, 1), rows.Int(i, 2), rows.Int(i, 3)}] = rows.Int(i, 0);
        }
        std::vector<db::Value> scores;
        for (const auto& plan : planned) {
            std::int64_t id = ids[{plan.conference_id, plan.agency_unit.value_or(0), plan.agency_person.value_or(0)}];
            for (const auto& [criterion, points] : plan.scores) {
                scores.insert(scores.end(), {id, criterion, std::int64_t{points}});
            }
        }
        InsertRows(c, "INSERT INTO outreach_evaluation_scores (evaluation_id, criterion_id, points) VALUES", 3, scores);
        report.evaluations = static_cast<std::int64_t>(planned.size());
    });
    report.elapsed_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace tuyenvan::outreach
