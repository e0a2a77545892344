#include "outreach/rotation_service.hpp"

#include <gtest/gtest.h>

#include <set>

#include "outreach/conference_service.hpp"
#include "outreach/service_test_support.hpp"
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
    "S02,10,department,Sở,Y tế,Sở Y tế,Health\n"
    "S03,10,department,Sở,Giáo dục,Sở Giáo dục và Đào tạo,Education\n";

// 2026-05-10 noon in Vietnam.
const std::int64_t kNow = text::ParseIsoDate("2026-05-10").value() + 5 * 3600000;

class RotationServiceTest : public testing::OutreachServiceTest {
protected:
    RotationServiceTest() : OutreachServiceTest(kNow) {}
    void SetUp() override {
        org_.ImportUnits(std::string(kTree), std::nullopt, std::nullopt);
        province_ = UnitId("10");
        batxat_ = UnitId("082");
        baothang_ = UnitId("086");
        office_ = SignIn("vp.tinh", org::Role::kProvinceOffice, "10");
        commune_ = SignIn("xa.amusung", org::Role::kCommuneOfficer, "02686");
        district_ = SignIn("huyen.batxat", org::Role::kDistrictOfficer, "082");
        department_ = SignIn("so.vhttdl", org::Role::kDepartmentOfficer, "S01");
        conferences_.SetAttendanceSource([this](db::Connection& c, const FeedOwner& agency, const std::string& month) {
            return service_.PublishedCommunes(c, agency.id, agency.person, month);
        });
        conferences_.SetScheduleChangeListener(
            [this](db::Connection& c, const Conference&, const Conference& after, std::int64_t now) {
                service_.NotifyScheduleChange(c, after, now);
            });
    }
    RotationRequest Request(std::int64_t level, const std::string& month) {
        RotationRequest request;
        request.level_unit_id = level;
        request.month = month;
        return request;
    }

    portal::Service portal_{db_.Get(), org_, [this] { return now_; }};
    ConferenceService conferences_{db_.Get(), org_, portal_, [this] { return now_; }};
    RotationService service_{db_.Get(), org_, [this] { return now_; }};
    org::Principal office_, commune_, district_, department_;
    std::int64_t province_ = 0, batxat_ = 0, baothang_ = 0;
};

TEST_P(RotationServiceTest, OnlyTheLevelsSupervisorsMayProposeAndPublish) {
    auto result = service_.Propose(office_, Request(province_, "2026-06"));
    EXPECT_EQ(result.proposal.attendances.size(), 3u);  // every commune, one department each
    EXPECT_EQ(result.agency_names.size(), 3u);
    EXPECT_GE(result.elapsed_ms, 0.0);
    EXPECT_EQ(KindOf([&] { service_.Propose(commune_, Request(province_, "2026-06")); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Propose(district_, Request(province_, "2026-06")); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Propose(district_, Request(baothang_, "2026-06")); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Publish(As(commune_), province_, "2026-06"); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.SaveProposal(As(district_), Request(baothang_, "2026-06"), true); }),
              Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Propose(office_, Request(province_, "13/2026")); }), Kind::kInvalid);
    auto bad = Request(province_, "2026-06");
    bad.coverage = "fraction";
    bad.fraction = "3/2";
    EXPECT_EQ(KindOf([&] { service_.Propose(office_, bad); }), Kind::kInvalid);

    // The district's agencies are its cadres: people of the district unit.
    db_.Get().Write([&](db::Connection& c) {
        for (const char* name : {"Lò Văn Minh", "Vàng Thị Mai"}) {
            c.Query(
                "INSERT INTO people (full_name, name_key, sort_key, unit_id, created_at, updated_at) "
                "VALUES ($1, $1, $1, $2, 1, 1)",
                {std::string(name), batxat_});
        }
    });
    auto district = service_.SaveProposal(As(district_), Request(batxat_, "2026-06"), true);
    EXPECT_TRUE(district.level.persons);
    EXPECT_EQ(district.proposal.attendances.size(), 2u);  // the district's two communes
    EXPECT_EQ(service_.Publish(As(district_), batxat_, "2026-06").published, 2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_rotation_assignments WHERE agency_person_id IS NOT NULL AND "
                    "status = 'published'"),
              2);
}

TEST_P(RotationServiceTest, PublishingTwiceWritesOnceAndNotifiesEachAgency) {
    service_.SaveProposal(As(office_), Request(province_, "2026-06"), true);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_rotation_assignments WHERE status = 'draft'"), 3);
    auto first = service_.Publish(As(office_), province_, "2026-06");
    EXPECT_FALSE(first.replayed);
    EXPECT_EQ(first.published, 3);
    EXPECT_EQ(first.agencies_notified, 3);
    auto rows = Count("SELECT COUNT(*) FROM outreach_rotation_assignments");
    auto audits = Count("SELECT COUNT(*) FROM audit_log WHERE action = 'outreach.rotation.publish'");
    auto notes = Count("SELECT COUNT(*) FROM notifications");
    EXPECT_EQ(rows, 3);
    EXPECT_EQ(audits, 1);
    EXPECT_EQ(notes, 1);  // the one department with an officer
    auto again = service_.Publish(As(office_), province_, "2026-06");
    EXPECT_TRUE(again.replayed);
    EXPECT_EQ(again.published, 3);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_rotation_assignments"), rows);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'outreach.rotation.publish'"), audits);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications"), notes);

    // Editing the published month: pin another department on the culture department's commune.
    auto month = service_.Month(office_, province_, "2026-06");
    ASSERT_EQ(month.published.size(), 3u);
    std::int64_t culture = UnitId("S01");
    std::int64_t commune = 0;
    for (const auto& row : month.published) {
        if (row.agency_id == culture) {
            commune = row.commune_id;
        }
    }
    ASSERT_NE(commune, 0);
    auto edit = Request(province_, "2026-06");
    edit.pins.push_back(PinnedAttendance{commune, UnitId("S02")});
    service_.SaveProposal(As(office_), edit, true);
    auto second = service_.Publish(As(office_), province_, "2026-06");
    EXPECT_FALSE(second.replayed);
    EXPECT_GE(second.agencies_notified, 2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications"), notes + 1);
    auto after = service_.Month(office_, province_, "2026-06");
    bool pinned = false;
    for (const auto& row : after.published) {
        pinned = pinned || (row.commune_id == commune && row.agency_id == UnitId("S02") && row.pinned);
    }
    EXPECT_TRUE(pinned);
    // A department reads its own schedule, not another's; a commune officer reads neither.
    EXPECT_NO_THROW(service_.Schedule(department_, culture, "2026-01", "2026-12"));
    EXPECT_EQ(KindOf([&] { service_.Schedule(department_, UnitId("S02"), "2026-01", "2026-12"); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Schedule(commune_, culture, "2026-01", "2026-12"); }), Kind::kForbidden);
}

TEST_P(RotationServiceTest, HistoryKeepsAgenciesFromReturningWithinTheWindow) {
    std::set<std::pair<std::int64_t, std::int64_t>> pairs;
    for (const char* month : {"2026-02", "2026-03", "2026-04"}) {
        service_.SaveProposal(As(office_), Request(province_, month), true);
        service_.Publish(As(office_), province_, month);
        auto stored = service_.Month(office_, province_, month);
        ASSERT_EQ(stored.published.size(), 3u);
        for (const auto& row : stored.published) {
            EXPECT_TRUE(pairs.emplace(row.agency_id, row.commune_id).second)
                << "a department went back to a commune within the window in " << month;
        }
    }
    EXPECT_EQ(pairs.size(), 9u);  // every department attended every commune once
    // The fourth month has no fresh department left: the proposal says so rather than hiding it.
    auto fourth = service_.Propose(office_, Request(province_, "2026-05"));
    EXPECT_EQ(fourth.proposal.window_breaks, 3);
    // With a window of 2 months, February's departments may go back in May.
    auto shorter = Request(province_, "2026-05");
    shorter.window = "2";
    EXPECT_EQ(service_.Propose(office_, shorter).proposal.window_breaks, 0);
}

TEST_P(RotationServiceTest, TheAgencysFeedListsItsCommunesConferences) {
    std::int64_t culture = UnitId("S01");
    auto pin = Request(province_, "2026-05");
    pin.pins.push_back(PinnedAttendance{UnitId("02689"), culture});
    service_.SaveProposal(As(office_), pin, true);
    service_.Publish(As(office_), province_, "2026-05");
    db_.Get().Write([&](db::Connection& c) {
        for (const auto& [code, day] : {std::pair{"02689", "2026-05-20"}, std::pair{"02686", "2026-05-21"}}) {
            c.Query(
                "INSERT INTO outreach_conferences (unit_id, month, original_date, original_time, scheduled_date, "
                "scheduled_time, venue, chair, registered_at, registered_by, updated_at) "
                "VALUES ($1, '2026-05', $2, '08:00', $2, '08:00', 'Hội trường xã', 'Chủ trì', 1, 'x', 1)",
                {UnitId(code), std::string(day)});
        }
    });
    EXPECT_EQ(service_.PublishedCommunes(culture, false, "2026-05"), std::vector<std::int64_t>{UnitId("02689")});
    auto feed = conferences_.Feed(conferences_.FeedToken(As(department_), culture), "https://tuyenvan.example");
    ASSERT_TRUE(feed);
    EXPECT_NE(feed->find("Nậm Chạc"), std::string::npos);
    EXPECT_NE(feed->find("20260520T080000"), std::string::npos);
    EXPECT_EQ(feed->find("A Mú Sung"), std::string::npos);
    auto schedule = service_.Schedule(department_, culture, "2026-05", "2026-05");
    ASSERT_EQ(schedule.assignments.size(), 1u);
    EXPECT_EQ(schedule.assignments[0].conference_date, "2026-05-20");
}

TEST_P(RotationServiceTest, ADistrictCadreSeesAndSubscribesToTheirAssignmentsAndHearsOfDateChanges) {
    // Two cadres of Bát Xát; the first has an account of their own.
    std::int64_t minh = 0, mai = 0;
    db_.Get().Write([&](db::Connection& c) {
        for (const char* name : {"Lò Văn Minh", "Vàng Thị Mai"}) {
            c.Query(
                "INSERT INTO people (full_name, name_key, sort_key, unit_id, created_at, updated_at) "
                "VALUES ($1, $1, $1, $2, 1, 1)",
                {std::string(name), batxat_});
        }
        minh = c.Query("SELECT id FROM people WHERE full_name = 'Lò Văn Minh'").Int(0, 0);
        mai = c.Query("SELECT id FROM people WHERE full_name = 'Vàng Thị Mai'").Int(0, 0);
    });
    auto cadre = SignIn("lo.van.minh", org::Role::kCommuneOfficer, "02800");  // granted elsewhere: a stranger here
    db_.Get().Write([&](db::Connection& c) {
        c.Query("UPDATE accounts SET person_id = $1 WHERE id = $2", {minh, cadre.account_id});
    });
    EXPECT_EQ(service_.PersonOf(cadre), minh);
    EXPECT_FALSE(service_.PersonOf(commune_).has_value());

    // A Mú Sung registers June; the district sends Minh there, the province sends the culture department.
    RegistrationInput input;
    input.unit_id = UnitId("02686");
    input.month = "2026-06";
    input.date = "2026-06-12";
    input.time = "08:00";
    input.venue = "Hội trường Đảng ủy xã";
    input.chair = "Đồng chí Bí thư Đảng ủy";
    auto conference = conferences_.Register(As(commune_), input, "");
    auto district = Request(batxat_, "2026-06");
    district.pins.push_back(PinnedAttendance{UnitId("02686"), minh});
    service_.SaveProposal(As(district_), district, true);
    service_.Publish(As(district_), batxat_, "2026-06");
    std::int64_t culture = UnitId("S01");
    auto province = Request(province_, "2026-06");
    province.pins.push_back(PinnedAttendance{UnitId("02686"), culture});
    service_.SaveProposal(As(office_), province, true);
    service_.Publish(As(office_), province_, "2026-06");

    // The cadre reads their own schedule; the district reads its cadres'; another district and a commune do not.
    auto own = service_.Cadre(cadre, minh, "2026-06", "2026-06");
    ASSERT_EQ(own.assignments.size(), 1u);
    EXPECT_EQ(own.assignments[0].commune_id, UnitId("02686"));
    EXPECT_EQ(own.assignments[0].conference_date, "2026-06-12");
    EXPECT_EQ(own.unit.id, batxat_);
    EXPECT_NO_THROW(service_.Cadre(district_, minh, "2026-06", "2026-06"));
    EXPECT_EQ(KindOf([&] { service_.Cadre(cadre, mai, "2026-06", "2026-06"); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Cadre(commune_, minh, "2026-06", "2026-06"); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Cadre(district_, 987654, "2026-06", "2026-06"); }), Kind::kNotFound);
    EXPECT_EQ(KindOf([&] { conferences_.CadreFeedToken(As(commune_), minh); }), Kind::kForbidden);

    // The cadre's calendar feed lists the conference; the same token comes back on the second ask.
    std::string token = conferences_.CadreFeedToken(As(cadre), minh);
    EXPECT_EQ(conferences_.CadreFeedToken(As(district_), minh), token);
    EXPECT_NE(conferences_.FeedToken(As(department_), culture), token);
    now_ = text::ParseIsoDate("2026-06-01").value() + 3 * 3600000;  // the feed looks two months back, four ahead
    auto feed = conferences_.Feed(token, "https://tuyenvan.example");
    ASSERT_TRUE(feed);
    EXPECT_NE(feed->find("A Mú Sung"), std::string::npos);
    EXPECT_NE(feed->find("20260612T080000"), std::string::npos);
    EXPECT_NE(feed->find("Lò Văn Minh"), std::string::npos);

    // The commune moves its date: Minh and the culture department's officer hear of it, once each, in the change's
    // transaction; a refused change tells nobody.
    auto notes = Count("SELECT COUNT(*) FROM notifications WHERE kind = 'outreach_schedule_change'");
    EXPECT_EQ(notes, 0);
    ScheduleInput bad;
    bad.date = "2026-07-02";
    bad.reason = "Trùng lịch họp của huyện";
    EXPECT_EQ(KindOf([&] { conferences_.ChangeSchedule(As(commune_), conference.id, std::nullopt, bad, ""); }),
              Kind::kInvalid);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE kind = 'outreach_schedule_change'"), 0);
    ScheduleInput change;
    change.date = "2026-06-19";
    change.reason = "Trùng lịch họp của huyện";
    conferences_.ChangeSchedule(As(commune_), conference.id, std::nullopt, change, "doi-1");
    conferences_.ChangeSchedule(As(commune_), conference.id, std::nullopt, change, "doi-1");  // a retry
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE kind = 'outreach_schedule_change'"), 2);
    auto told = db_.Get().ReadValue([&](db::Connection& c) {
        return c.Query(
            "SELECT n.title, n.body, n.link FROM notifications n JOIN accounts a ON a.id = n.account_id "
            "WHERE n.kind = 'outreach_schedule_change' AND a.login = 'lo.van.minh'");
    });
    ASSERT_EQ(told.Size(), 1u);
    EXPECT_NE(told.String(0, 0).find("A Mú Sung"), std::string::npos);
    EXPECT_NE(told.String(0, 1).find("19/06/2026"), std::string::npos);
    EXPECT_NE(told.String(0, 1).find("12/06/2026"), std::string::npos);
    EXPECT_NE(told.String(0, 1).find("Trùng lịch họp của huyện"), std::string::npos);
    EXPECT_EQ(told.String(0, 2), "/quan-tri/tuyen-van/lich-can-bo/" + std::to_string(minh));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE "
                    "n.kind = 'outreach_schedule_change' AND a.login = 'so.vhttdl'"),
              1);
}

INSTANTIATE_TEST_SUITE_P(Engines, RotationServiceTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::outreach
