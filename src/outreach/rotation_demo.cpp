#include "outreach/rotation_demo.hpp"

#include <boost/json.hpp>
#include <chrono>

#include "outreach/rotation.hpp"
#include "outreach/rotation_store.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {

namespace {

// 24 months of one level's published rotation: the province sends its departments to `share` of the communes,
// a district sends its cadres to every one of its communes.
void LoadLevel(db::Connection& c, const RotationStore& store, const RotationUnit& level, CommuneShare share,
               std::int64_t now_ms, RotationDemoReport& report) {
    std::vector<RotationAgency> agencies;
    for (const auto& agency : store.Agencies(c, level)) {
        agencies.push_back(RotationAgency{agency.id, agency.name, true});
    }
    if (agencies.empty()) {
        return;
    }
    std::vector<RotationCommune> communes;
    for (const auto& commune : store.Communes(c, level.path, now_ms)) {
        communes.push_back(RotationCommune{commune.id, commune.full_name, commune.parent_id.value_or(0),
                                           Weakness::kNormal, std::nullopt});
    }
    if (communes.empty()) {
        return;
    }
    bool persons = level.level == "district";
    std::string today = text::FormatIsoDate(now_ms);
    int current = std::stoi(today.substr(0, 4)) * 12 + std::stoi(today.substr(5, 2)) - 1;
    std::vector<PastAttendance> history;
    for (int index = current - 24; index < current; ++index) {
        RotationInput input;
        input.month = YearMonth::FromIndex(index);
        input.communes = communes;
        input.share = share;
        input.agencies = agencies;
        input.history = history;
        RotationProposal proposal = ProposeRotation(input);
        std::string month = std::to_string(input.month.year) + (input.month.month < 10 ? "-0" : "-") +
                            std::to_string(input.month.month);
        // Published on the first day of the month before, as the office would.
        std::int64_t published_at = text::ParseIsoDate(month + "-01").value_or(now_ms) - 20LL * 24 * 3600 * 1000;
        for (const auto& attendance : proposal.attendances) {
            AssignmentRow row;
            row.level_unit_id = level.id;
            row.month = month;
            row.commune_id = attendance.commune_id;
            row.agency_id = attendance.agency_id;
            row.agency_is_person = persons;
            boost::json::array reasons;
            for (const auto& reason : attendance.reasons) {
                reasons.emplace_back(reason);
            }
            row.reasons = boost::json::serialize(reasons);
            row.status = "published";
            row.published_at = published_at;
            row.created_at = published_at;
            row.updated_at = published_at;
            store.Insert(c, row);
            history.push_back(PastAttendance{attendance.agency_id, attendance.commune_id, input.month});
            ++report.assignments;
        }
        ++report.months;
    }
}

}  // namespace

RotationDemoReport LoadRotationDemo(db::Database& database, std::int64_t now_ms) {
    auto started = std::chrono::steady_clock::now();
    RotationDemoReport report;
    RotationStore store;
    database.Write([&](db::Connection& c) {
        if (c.Query("SELECT COUNT(*) FROM outreach_rotation_assignments").Int(0, 0) > 0) {
            return;
        }
        auto province = c.Query("SELECT id FROM units WHERE level = 'province' AND parent_id IS NULL ORDER BY id");
        if (province.Empty()) {
            return;
        }
        auto level = store.FindUnit(c, province.Int(0, 0)).value();
        LoadLevel(c, store, level, CommuneShare::Count(20), now_ms, report);
        auto districts = c.Query(
            "SELECT id FROM units WHERE level = 'district' AND valid_to IS NULL AND path LIKE $1 "
            "ORDER BY sort_key, id",
            {level.path + "%"});
        for (std::size_t i = 0; i < districts.Size(); ++i) {
            LoadLevel(c, store, store.FindUnit(c, districts.Int(i, 0)).value(), CommuneShare::All(), now_ms, report);
        }
    });
    report.elapsed_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace tuyenvan::outreach
