#include "outreach/evaluation_service.hpp"

#include <gtest/gtest.h>

#include "outreach/service_test_support.hpp"
#include "outreach/supervision_service.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/testing.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

using Kind = org::ServiceError::Kind;

constexpr std::string_view kTree =
    "code,parent_code,level,kind,name,full_name,name_en\n"
    "10,,province,Tỉnh,Lào Cai,Tỉnh Lào Cai,Lao Cai\n"
    "082,10,district,Huyện,Bát Xát,Huyện Bát Xát,Bat Xat\n"
    "086,10,district,Huyện,Bảo Thắng,Huyện Bảo Thắng,Bao Thang\n"
    "02686,082,commune,Xã,A Mú Sung,Xã A Mú Sung,A Mu Sung\n"
    "02689,082,commune,Xã,Nậm Chạc,Xã Nậm Chạc,Nam Chac\n"
    "02800,086,commune,Xã,Bản Phiệt,Xã Bản Phiệt,Ban Phiet\n"
    "S01,10,department,Sở,Văn hóa,Sở Văn hóa Thể thao và Du lịch,Culture\n"
    "S02,10,department,Sở,Y tế,Sở Y tế,Health\n";

class EvaluationTest : public testing::OutreachServiceTest {
protected:
    EvaluationTest() : OutreachServiceTest(Noon("2026-05-10")) {}
    void SetUp() override {
        org_.ImportUnits(std::string(kTree), std::nullopt, std::nullopt);
        province_ = UnitId("10");
        batxat_ = UnitId("082");
        amusung_ = UnitId("02686");
        namchac_ = UnitId("02689");
        culture_ = UnitId("S01");
        health_ = UnitId("S02");
        office_ = SignIn("vp.tinh", org::Role::kProvinceOffice, "10");
        commune_ = SignIn("xa.amusung", org::Role::kCommuneOfficer, "02686");
        culture_officer_ = SignIn("so.vhttdl", org::Role::kDepartmentOfficer, "S01");
        health_officer_ = SignIn("so.yte", org::Role::kDepartmentOfficer, "S02");
        // The 2016 and 2020 sample sets, five criteria each.
        AddSet("01/01/2016", "Bộ tiêu chí 2016", {"20", "20", "20", "20", "20"});
        AddSet("2020-07-01", "Bộ tiêu chí 2020", {"15", "25", "20", "20", "20"});
    }
    void AddSet(const std::string& from, const std::string& title, const std::vector<std::string>& points) {
        CriteriaSetInput input{from, title, "Dữ liệu mẫu", {}};
        const char* codes[] = {"preparation", "content", "speakers", "participation", "opinions"};
        for (std::size_t i = 0; i < points.size(); ++i) {
            input.criteria.push_back(CriterionInput{codes[i], std::string("Tiêu chí ") + codes[i], points[i]});
        }
        service_.AddCriteriaSet(As(office_), input, "");
    }
    // A conference of a commune, scheduled on `date`; held that day when `held`.
    std::int64_t Conference(std::int64_t unit_id, const std::string& date, bool held) {
        return db_.Get().WriteValue([&](db::Connection& c) {
            auto id = c.Query(
                           "INSERT INTO outreach_conferences (unit_id, month, original_date, original_time, "
                           "scheduled_date, scheduled_time, venue, chair, registered_at, registered_by, updated_at) "
                           "VALUES ($1, $2, $3, '08:00', $3, '08:00', 'Nhà văn hoá xã', 'Lý Seo Dìn', $4, 'x', $4) "
                           "RETURNING id",
                           {unit_id, date.substr(0, 7), date, Noon(date) - 20 * 86400000LL})
                          .Int(0, 0);
            if (held) {
                c.Query(
                    "INSERT INTO outreach_conference_records (conference_id, held_date, cadres, party_members, "
                    "committee_members, people, submitted_at, submitted_by, updated_at) VALUES ($1, $2, 3, 10, 5, "
                    "80, $3, 'x', $3)",
                    {id, date, Noon(date)});
            }
            return id;
        });
    }
    // A published assignment of a department (or, with `person`, of a district's cadre).
    std::int64_t Assign(std::int64_t level, const std::string& month, std::int64_t commune, std::int64_t agency,
                        bool person = false) {
        return db_.Get().WriteValue([&](db::Connection& c) {
            return c
                .Query(
                    "INSERT INTO outreach_rotation_assignments (level_unit_id, month, commune_id, agency_unit_id, "
                    "agency_person_id, status, published_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, "
                    "'published', 1, 1, 1) RETURNING id",
                    {level, month, commune, person ? db::Value(nullptr) : db::Value(agency),
                     person ? db::Value(agency) : db::Value(nullptr)})
                .Int(0, 0);
        });
    }
    EvaluationInput Input(std::int64_t assignment_id, const std::vector<std::string>& points) {
        EvaluationInput input;
        input.assignment_id = assignment_id;
        const char* codes[] = {"preparation", "content", "speakers", "participation", "opinions"};
        for (std::size_t i = 0; i < points.size(); ++i) {
            input.scores.push_back(ScoreInput{0, codes[i], points[i], ""});
        }
        input.followed_registration = "1";
        input.comments = "Hội nghị chuẩn bị chu đáo.";
        return input;
    }

    EvaluationService service_{db_.Get(), [this] { return now_; }};
    std::int64_t province_ = 0, batxat_ = 0, amusung_ = 0, namchac_ = 0, culture_ = 0, health_ = 0;
    org::Principal office_, commune_, culture_officer_, health_officer_;
};

TEST_P(EvaluationTest, TheSetInEffectOnTheConferencesDateScoresIt) {
    auto sets = service_.CriteriaSets(office_);
    ASSERT_EQ(sets.size(), 2u);
    EXPECT_EQ(sets[0].title, "Bộ tiêu chí 2020");
    EXPECT_TRUE(sets[0].in_effect);
    EXPECT_FALSE(sets[1].in_effect);
    EXPECT_EQ(SetForDate(sets, "2015-12-31"), nullptr);
    EXPECT_EQ(SetForDate(sets, "2020-06-30")->title, "Bộ tiêu chí 2016");
    EXPECT_EQ(SetForDate(sets, "2020-07-01")->title, "Bộ tiêu chí 2020");

    // Filed on 03/07/2020: a conference of 30/06 uses the 2016 set, one of 02/07 the 2020 set.
    now_ = Noon("2020-07-03");
    std::int64_t before = Assign(province_, "2020-06", amusung_, culture_);
    std::int64_t after = Assign(province_, "2020-07", amusung_, culture_);
    Conference(amusung_, "2020-06-30", true);
    Conference(amusung_, "2020-07-02", true);
    auto old_set = service_.File(As(culture_officer_), Input(before, {"20", "20", "10", "10", "0"}), "");
    auto new_set = service_.File(As(culture_officer_), Input(after, {"15", "25", "10", "10", "0"}), "");
    auto first = service_.Get(office_, old_set.id);
    auto second = service_.Get(office_, new_set.id);
    EXPECT_EQ(first.criteria_set_title, "Bộ tiêu chí 2016");
    EXPECT_EQ(first.total_points, 60);
    EXPECT_EQ(first.max_points, 100);
    EXPECT_EQ(second.criteria_set_title, "Bộ tiêu chí 2020");
    EXPECT_EQ(second.total_points, 60);
    ASSERT_EQ(second.scores.size(), 5u);
    EXPECT_EQ(second.scores[1].max_points, 25);

    // A used set is never edited; an unused one with the same date is replaced.
    std::string message;
    EXPECT_EQ(KindOf([&] { AddSet("2020-07-01", "Sửa bộ 2020", {"10"}); }, &message), Kind::kConflict);
    EXPECT_NE(message.find("01/07/2020"), std::string::npos) << message;
    AddSet("2026-01-01", "Bộ tiêu chí 2026", {"50", "50"});
    AddSet("2026-01-01", "Bộ tiêu chí 2026 (sửa)", {"40", "60"});
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_criteria_sets"), 3);
    EXPECT_EQ(KindOf([&] {
                  service_.AddCriteriaSet(As(commune_), CriteriaSetInput{"2027-01-01", "x", "", {}}, "");
              }),
              Kind::kForbidden);
}

TEST_P(EvaluationTest, RefusalsAreClearAndWriteNothing) {
    std::int64_t april = Assign(province_, "2026-04", amusung_, culture_);
    std::int64_t may = Assign(province_, "2026-05", amusung_, culture_);
    std::int64_t later = Assign(province_, "2026-05", namchac_, culture_);
    Conference(amusung_, "2026-04-20", true);
    std::int64_t may_conference = Conference(amusung_, "2026-05-05", true);
    Conference(namchac_, "2026-05-20", false);
    std::int64_t audit_before = Count("SELECT COUNT(*) FROM audit_log");
    std::string message;

    // After the deadline (20/04 + 7 days).
    EXPECT_EQ(KindOf(
                  [&] {
                      service_.File(As(culture_officer_), Input(april, {"20", "20", "20", "20", "20"}), "k1");
                  },
                  &message),
              Kind::kConflict);
    EXPECT_NE(message.find("27/04/2026"), std::string::npos) << message;
    // Not held yet.
    EXPECT_EQ(KindOf(
                  [&] {
                      service_.File(As(culture_officer_), Input(later, {"20", "20", "20", "20", "20"}), "");
                  },
                  &message),
              Kind::kConflict);
    EXPECT_NE(message.find("20/05/2026"), std::string::npos) << message;
    // An agency that was not assigned, by assignment and by conference.
    EXPECT_EQ(KindOf(
                  [&] {
                      service_.File(As(health_officer_), Input(may, {"20", "20", "20", "20", "20"}), "");
                  },
                  &message),
              Kind::kForbidden);
    EXPECT_EQ(message, "Đơn vị của đồng chí không được phân công dự hội nghị này.");
    auto by_conference = Input(0, {"20", "20", "20", "20", "20"});
    by_conference.conference_id = may_conference;
    EXPECT_EQ(KindOf([&] { service_.File(As(health_officer_), by_conference, ""); }), Kind::kForbidden);
    // A commune officer.
    EXPECT_EQ(KindOf([&] {
                  service_.File(As(commune_), Input(may, {"20", "20", "20", "20", "20"}), "");
              }),
              Kind::kForbidden);
    // Points out of range, a criterion missing, the Yes/No missing.
    EXPECT_EQ(KindOf(
                  [&] {
                      service_.File(As(culture_officer_), Input(may, {"16", "25", "20", "20", "20"}), "");
                  },
                  &message),
              Kind::kInvalid);
    EXPECT_EQ(KindOf([&] {
                  service_.File(As(culture_officer_), Input(may, {"-1", "25", "20", "20", "20"}), "");
              }),
              Kind::kInvalid);
    EXPECT_EQ(KindOf([&] {
                  service_.File(As(culture_officer_), Input(may, {"15", "25", "20", "20"}), "");
              }),
              Kind::kInvalid);
    auto undecided = Input(may, {"15", "25", "20", "20", "20"});
    undecided.followed_registration = "";
    EXPECT_EQ(KindOf([&] { service_.File(As(culture_officer_), undecided, ""); }), Kind::kInvalid);

    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_evaluations"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_evaluation_scores"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_idempotency_keys"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audit_before);
}

TEST_P(EvaluationTest, ARetriedFilingReplaysAndASecondOneIsRefused) {
    std::int64_t may = Assign(province_, "2026-05", amusung_, culture_);
    Conference(amusung_, "2026-05-05", true);
    auto input = Input(may, {"15", "20", "18", "16", "12"});
    auto first = service_.File(As(culture_officer_), input, "phieu-1");
    EXPECT_FALSE(first.replayed);
    auto again = service_.File(As(culture_officer_), input, "phieu-1");
    EXPECT_TRUE(again.replayed);
    EXPECT_EQ(again.id, first.id);
    EXPECT_EQ(KindOf([&] { service_.File(As(culture_officer_), input, "phieu-2"); }), Kind::kConflict);
    EXPECT_EQ(KindOf([&] { service_.File(As(office_), input, ""); }), Kind::kConflict) << "the province records it";
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_evaluations"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_evaluation_scores"), 5);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'outreach_evaluation.file'"), 1);
    auto filed = service_.Get(culture_officer_, first.id);
    EXPECT_EQ(filed.total_points, 81);
    EXPECT_EQ(filed.agency_unit_id, culture_);
    // The commune reads it; another department does not.
    EXPECT_EQ(service_.Get(commune_, first.id).id, first.id);
    EXPECT_EQ(KindOf([&] { service_.Get(health_officer_, first.id); }), Kind::kForbidden);
    auto [evaluations, open] = service_.OfConference(commune_, filed.conference_id);
    EXPECT_EQ(evaluations.size(), 1u);
    EXPECT_TRUE(open.empty());
}

TEST_P(EvaluationTest, ADistrictCadreFilesThroughTheLinkedAccount) {
    std::int64_t cadre = db_.Get().WriteValue([&](db::Connection& c) {
        return c
            .Query(
                "INSERT INTO people (full_name, name_key, sort_key, unit_id, created_at, updated_at) VALUES "
                "('Vàng A Sử', 'vang a su', 'su vang a', $1, 1, 1) RETURNING id",
                {batxat_})
            .Int(0, 0);
    });
    auto viewer = SignIn("canbo.su", org::Role::kViewer, "082");
    auto other = SignIn("canbo.khac", org::Role::kViewer, "082");
    db_.Get().Write(
        [&](db::Connection& c) { c.Query("UPDATE accounts SET person_id = $1 WHERE login = 'canbo.su'", {cadre}); });
    std::int64_t may = Assign(batxat_, "2026-05", namchac_, cadre, true);
    Conference(namchac_, "2026-05-08", true);
    EXPECT_EQ(KindOf([&] {
                  service_.File(As(other), Input(may, {"15", "20", "18", "16", "12"}), "");
              }),
              Kind::kForbidden);
    auto filed = service_.File(As(viewer), Input(may, {"15", "20", "18", "16", "12"}), "");
    EXPECT_EQ(service_.Get(viewer, filed.id).agency_person_id, cadre);
}

TEST_P(EvaluationTest, TheBoardCountsMissingEvaluationsAndTheWeakAreasUseTheScores) {
    SupervisionService supervision(db_.Get(), org_, [this] { return now_; });
    std::int64_t april_amusung = Assign(province_, "2026-04", amusung_, culture_);
    Assign(province_, "2026-04", namchac_, health_);
    Assign(province_, "2026-05", amusung_, culture_);
    Conference(amusung_, "2026-04-20", true);
    Conference(namchac_, "2026-04-10", true);
    Conference(amusung_, "2026-05-05", true);
    // A.Mú Sung's April evaluation, filed in time (written here: today is past its deadline).
    now_ = Noon("2026-04-22");
    service_.File(As(culture_officer_), Input(april_amusung, {"5", "5", "5", "5", "0"}), "");
    now_ = Noon("2026-05-10");

    auto april = supervision.Board(office_, province_, "2026-04");
    EXPECT_EQ(april.missing_evaluations, 1);  // Sở Y tế at Nậm Chạc
    EXPECT_EQ(april.filed_evaluations, 1);
    auto may_board = supervision.Board(office_, province_, "2026-05");
    EXPECT_EQ(may_board.missing_evaluations, 0);
    EXPECT_EQ(may_board.awaited_evaluations, 1);  // until 12/05
    for (const auto& line : april.lines) {
        if (line.commune.id == namchac_) {
            ASSERT_EQ(line.evaluations.size(), 1u);
            EXPECT_EQ(line.evaluations[0].state, EvaluationState::kMissing);
            EXPECT_EQ(line.missing_evaluations, 1);
        }
    }
    EXPECT_NE(ToJson(april).find("\"missing\":1"), std::string::npos);

    // April held on schedule (compliance 100) with an evaluation of 20/100: the average, 60, is "Trung bình".
    auto weak = supervision.Weak(office_, province_, 1);
    bool seen = false;
    for (const auto& area : weak.communes) {
        if (area.commune.id == amusung_) {
            seen = true;
            EXPECT_EQ(area.scores.compliance, 100);
            EXPECT_EQ(area.scores.evaluation, 20);
            EXPECT_EQ(area.score, 60);
            EXPECT_EQ(area.weak_class, WeakClass::kAverage);
        }
        if (area.commune.id == namchac_) {
            EXPECT_FALSE(area.scores.evaluation.has_value());
            EXPECT_EQ(area.weak_class, WeakClass::kGood);
        }
    }
    EXPECT_TRUE(seen);
    EXPECT_EQ(kWeakRuleText.find("Hiện chưa tính"), std::string_view::npos);
    auto levels = WeakLevels(db_.Get(), province_, 1, "2026-05-10");
    EXPECT_EQ(levels[amusung_], 0);
    // A poorer evaluation makes it weak: 100 and 0 average 50.
    db_.Get().Write([&](db::Connection& c) { c.Query("UPDATE outreach_evaluations SET total_points = 0"); });
    EXPECT_EQ(WeakLevels(db_.Get(), province_, 1, "2026-05-10")[amusung_], 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, EvaluationTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::outreach
