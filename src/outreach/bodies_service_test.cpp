#include "outreach/bodies_service.hpp"

#include <gtest/gtest.h>

#include "outreach/bodies_demo.hpp"
#include "outreach/service_test_support.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/testing.hpp"

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
    "02740,086,commune,Xã,Phong Niên,Xã Phong Niên,Phong Nien\n";

// 2023-11-14 22:13:20 UTC, so "today" in Vietnam is 15/11/2023.
constexpr std::int64_t kNow = 1700000000000;

// A ZIP of stored entries with the given names, enough for the type check (which reads local headers only).
std::string Zip(const std::vector<std::string>& names) {
    std::string out;
    auto put16 = [&out](std::uint16_t v) {
        out.push_back(static_cast<char>(v & 0xFF));
        out.push_back(static_cast<char>(v >> 8));
    };
    auto put32 = [&](std::uint32_t v) {
        put16(static_cast<std::uint16_t>(v & 0xFFFF));
        put16(static_cast<std::uint16_t>(v >> 16));
    };
    for (const auto& name : names) {
        std::string data = "<x/>";
        out += "PK\x03\x04";
        put16(20);
        put16(0);
        put16(0);
        put16(0);
        put16(0);
        put32(0);
        put32(static_cast<std::uint32_t>(data.size()));
        put32(static_cast<std::uint32_t>(data.size()));
        put16(static_cast<std::uint16_t>(name.size()));
        put16(0);
        out += name;
        out += data;
    }
    out += "PK\x05\x06";
    out += std::string(18, '\0');
    return out;
}

class BodiesServiceTest : public testing::OutreachServiceTest {
protected:
    BodiesServiceTest() : OutreachServiceTest(kNow) {}
    void SetUp() override {
        org_.ImportUnits(std::string(kTree), std::nullopt, std::nullopt);
        amusung_ = UnitId("02686");
        namchac_ = UnitId("02689");
        for (const char* name : {"Thôn Tả Suối", "Bản Phìn Ngan", "Thôn Sín Chải"}) {
            villages_.push_back(org_.CreateUnit(
                system_, org::UnitInput{"", amusung_, "village", "Thôn", name, name, std::nullopt, std::nullopt, {}}));
        }
        for (int i = 0; i < 6; ++i) {
            people_.push_back(AddPerson("Người thứ " + std::to_string(i), i < 4 ? amusung_ : villages_[0]));
        }
        outsider_ = AddPerson("Người xã khác", namchac_);
        admin_ = SignIn("quantri", org::Role::kAdministrator, "10");
        commune_ = SignIn("xa.amusung", org::Role::kCommuneOfficer, "02686");
    }
    std::int64_t AddPerson(const std::string& name, std::int64_t unit) {
        org::Person person;
        person.full_name = name;
        person.position = "Cán bộ";
        person.unit_id = unit;
        person.phone = "0912345678";
        return org_.CreatePerson(system_, person);
    }

    BodiesService service_{db_.Get(), [this] { return now_; }};
    org::Actor system_{nullptr, ""};
    std::int64_t amusung_ = 0;
    std::int64_t namchac_ = 0;
    std::vector<std::int64_t> villages_;
    std::vector<std::int64_t> people_;
    std::int64_t outsider_ = 0;
    org::Principal admin_;
    org::Principal commune_;
};

TEST_P(BodiesServiceTest, PermissionsFollowRoleAndUnit) {
    auto district = SignIn("huyen.batxat", org::Role::kDistrictOfficer, "082");
    auto other_district = SignIn("huyen.baothang", org::Role::kDistrictOfficer, "086");
    auto viewer = SignIn("xem", org::Role::kViewer, "10");
    auto editor = SignIn("bientap", org::Role::kEditor, "10");

    EXPECT_GT(service_.Establish(As(commune_), amusung_, "01/03/2019"), 0);
    EXPECT_EQ(KindOf([&] { service_.Establish(As(commune_), namchac_, ""); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Establish(As(other_district), namchac_, ""); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Establish(As(viewer), namchac_, ""); }), Kind::kForbidden);
    EXPECT_GT(service_.Establish(As(district), namchac_, ""), 0);

    EXPECT_TRUE(service_.GetUnit(viewer, amusung_, false).body.has_value());
    EXPECT_EQ(KindOf([&] { service_.GetUnit(editor, amusung_, false); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.GetUnit(commune_, namchac_, false); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Vacancies(commune_, UnitId("082"), VacancyOrder::kName); }), Kind::kForbidden);

    auto body = *service_.GetUnit(admin_, namchac_, false).body;
    EXPECT_EQ(KindOf([&] {
                  service_.AddMember(As(commune_), body.id, MemberInput{outsider_, "head", "", "", "01/03/2019"});
              }),
              Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Candidates(commune_, body.id); }), Kind::kForbidden);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_members"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'outreach.body.create'"), 2);
}

TEST_P(BodiesServiceTest, EndingAMemberKeepsTheHistory) {
    auto body_id = service_.Establish(As(commune_), amusung_, "2019-03-01");
    auto head = service_.AddMember(As(commune_), body_id, MemberInput{people_[0], "head", "", "", "01/03/2019"});
    service_.AddMember(As(commune_), body_id, MemberInput{people_[1], "full_time_deputy", "Phó ban", "", "1/3/2019"});
    auto [member, unit] = service_.GetMember(commune_, head);
    EXPECT_EQ(member.phone, "0912345678");  // from the person when none is given
    EXPECT_EQ(member.position, "Cán bộ");
    service_.EndMember(As(commune_), head, member.version, "30/06/2020");

    auto now = service_.GetUnit(commune_, amusung_, false);
    ASSERT_EQ(now.members.size(), 1u);
    EXPECT_EQ(now.members[0].role, MemberRole::kFullTimeDeputy);
    auto history = service_.GetUnit(commune_, amusung_, true);
    ASSERT_EQ(history.members.size(), 2u);
    EXPECT_EQ(history.members[1].person_id, people_[0]);
    EXPECT_EQ(history.members[1].start_on, "2019-03-01");
    EXPECT_EQ(history.members[1].end_on, "2020-06-30");
    // The head's seat is free again, and the same person may come back.
    EXPECT_GT(service_.AddMember(As(commune_), body_id, MemberInput{people_[0], "head", "", "", "01/07/2020"}), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_members"), 3);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'outreach.member.end'"), 1);
}

TEST_P(BodiesServiceTest, ConflictsAndDuplicatesWriteNothing) {
    auto body_id = service_.Establish(As(commune_), amusung_, "");
    EXPECT_EQ(KindOf([&] { service_.Establish(As(commune_), amusung_, ""); }), Kind::kConflict);
    auto head = service_.AddMember(As(commune_), body_id, MemberInput{people_[0], "head", "", "", "01/03/2019"});
    // The same submission twice, and a second head.
    EXPECT_EQ(KindOf([&] {
                  service_.AddMember(As(commune_), body_id, MemberInput{people_[0], "head", "", "", "01/03/2019"});
              }),
              Kind::kConflict);
    EXPECT_EQ(KindOf([&] {
                  service_.AddMember(As(commune_), body_id, MemberInput{people_[1], "head", "", "", "01/03/2019"});
              }),
              Kind::kConflict);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_members"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_bodies"), 1);
    // A stale version, then ending twice.
    EXPECT_EQ(KindOf([&] { service_.EndMember(As(commune_), head, 7, "01/01/2020"); }), Kind::kConflict);
    service_.EndMember(As(commune_), head, 1, "01/01/2020");
    EXPECT_EQ(KindOf([&] { service_.EndMember(As(commune_), head, 2, "02/01/2020"); }), Kind::kConflict);
    EXPECT_EQ(service_.GetMember(commune_, head).first.end_on, "2020-01-01");
}

TEST_P(BodiesServiceTest, BadDatesAndRolesAreRefused) {
    auto body_id = service_.Establish(As(commune_), amusung_, "");
    EXPECT_EQ(KindOf([&] { service_.Establish(As(admin_), namchac_, "31/02/2019"); }), Kind::kInvalid);
    // Who may act is answered first: another commune's officer learns nothing about the form.
    EXPECT_EQ(KindOf([&] { service_.Establish(As(commune_), namchac_, "31/02/2019"); }), Kind::kForbidden);
    for (const char* day : {"31/02/2020", "2020-13-01", "hôm qua", "", "01/01/2030", "01/01/1900"}) {
        EXPECT_EQ(KindOf([&] {
                      service_.AddMember(As(commune_), body_id, MemberInput{people_[0], "member", "", "", day});
                  }),
                  Kind::kInvalid)
            << day;
    }
    EXPECT_EQ(KindOf([&] {
                  service_.AddMember(As(commune_), body_id, MemberInput{people_[0], "leader", "", "", "01/03/2019"});
              }),
              Kind::kInvalid);
    EXPECT_EQ(KindOf([&] {
                  service_.AddMember(As(commune_), body_id, MemberInput{outsider_, "member", "", "", "01/03/2019"});
              }),
              Kind::kInvalid);
    EXPECT_EQ(KindOf([&] {
                  service_.AddMember(As(commune_), body_id, MemberInput{people_[0], "member", "", "abc", "01/03/2019"});
              }),
              Kind::kInvalid);
    auto member = service_.AddMember(As(commune_), body_id, MemberInput{people_[0], "member", "", "", "01/03/2019"});
    EXPECT_EQ(KindOf([&] { service_.EndMember(As(commune_), member, 1, "28/02/2019"); }), Kind::kInvalid);
    EXPECT_EQ(KindOf([&] { service_.EndMember(As(commune_), member, 1, "16/11/2023"); }), Kind::kInvalid);
    EXPECT_EQ(KindOf([&] { service_.EndMember(As(commune_), member, 1, "30/02/2023"); }), Kind::kInvalid);
    EXPECT_TRUE(service_.GetMember(commune_, member).first.end_on.empty());
}

TEST_P(BodiesServiceTest, TeamsNeedTheCommuneCommitteeAndTheirOwnRoles) {
    EXPECT_EQ(KindOf([&] { service_.Establish(As(commune_), villages_[0], ""); }), Kind::kInvalid);
    auto committee = service_.Establish(As(commune_), amusung_, "");
    auto team = service_.Establish(As(commune_), villages_[0], "");
    auto [body, unit] = service_.GetBody(commune_, team);
    EXPECT_EQ(body.kind, BodyKind::kTeam);
    EXPECT_EQ(body.parent_body_id, committee);
    EXPECT_EQ(body.name, "Tổ tuyên vận thôn Tả Suối");
    EXPECT_EQ(KindOf([&] { service_.Establish(As(commune_), UnitId("082") + 0, ""); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] {
                  service_.AddMember(As(commune_), team, MemberInput{people_[4], "head", "", "", "01/03/2019"});
              }),
              Kind::kInvalid);
    // A team member may live anywhere in the commune.
    EXPECT_GT(service_.AddMember(As(commune_), team, MemberInput{people_[4], "leader", "", "", "01/03/2019"}), 0);
    EXPECT_GT(service_.AddMember(As(commune_), team, MemberInput{people_[0], "member", "", "", "01/03/2019"}), 0);
    auto page = service_.GetUnit(commune_, amusung_, false);
    ASSERT_EQ(page.villages.size(), 3u);
    std::int64_t with_team = 0;
    for (const auto& village : page.villages) {
        if (village.team) {
            ++with_team;
            EXPECT_EQ(village.members, 2);
            EXPECT_EQ(village.leader_name, "Người thứ 4");
        }
    }
    EXPECT_EQ(with_team, 1);
}

TEST_P(BodiesServiceTest, VacancyOverviewFindsEveryGap) {
    auto committee = service_.Establish(As(admin_), amusung_, "");
    service_.AddMember(As(admin_), committee, MemberInput{people_[0], "head", "", "", "01/03/2019"});
    auto team = service_.Establish(As(admin_), villages_[0], "");
    service_.AddMember(As(admin_), team, MemberInput{people_[4], "leader", "", "", "01/03/2019"});
    auto full = service_.Establish(As(admin_), villages_[1], "");
    for (int i = 0; i < 3; ++i) {
        service_.AddMember(
            As(admin_), full,
            MemberInput{people_[static_cast<std::size_t>(i)], i == 0 ? "leader" : "member", "", "", "01/03/2019"});
    }

    auto overview = service_.Vacancies(admin_, UnitId("082"), VacancyOrder::kName);
    ASSERT_EQ(overview.communes.size(), 2u);
    EXPECT_EQ(overview.communes[0].commune.name, "Xã A Mú Sung");  // Vietnamese order: A before N
    EXPECT_EQ(overview.without_committee, 1);
    EXPECT_EQ(overview.without_full_time_deputy, 1);
    EXPECT_EQ(overview.villages_without_team, 1);
    EXPECT_EQ(overview.small_teams, 1);
    const auto& amusung = overview.communes[0];
    EXPECT_TRUE(amusung.has_head);
    EXPECT_FALSE(amusung.has_full_time_deputy);
    EXPECT_EQ(amusung.villages, 3);
    ASSERT_EQ(amusung.villages_without_team.size(), 1u);
    EXPECT_EQ(amusung.villages_without_team[0], "Thôn Sín Chải");
    ASSERT_EQ(amusung.small_teams.size(), 1u);
    EXPECT_EQ(amusung.small_teams[0].second, 1);
    EXPECT_FALSE(overview.communes[1].committee_id.has_value());

    auto by_gaps = service_.Vacancies(admin_, UnitId("10"), VacancyOrder::kGaps);
    ASSERT_EQ(by_gaps.communes.size(), 3u);
    EXPECT_EQ(by_gaps.communes[0].commune.name, "Xã A Mú Sung");
}

TEST_P(BodiesServiceTest, RulesMustBePdfOrDocxAndAreStoredOnce) {
    auto body_id = service_.Establish(As(commune_), amusung_, "");
    std::string pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
    std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(32, '\0');
    EXPECT_EQ(KindOf([&] {
                  service_.UploadRules(As(commune_), body_id, RulesUpload{"quy-che.pdf", png, "01/03/2019"});
              }),
              Kind::kInvalid);
    EXPECT_EQ(KindOf([&] {
                  service_.UploadRules(
                      As(commune_), body_id,
                      RulesUpload{"bang.xlsx", Zip({"[Content_Types].xml", "xl/workbook.xml"}), "01/03/2019"});
              }),
              Kind::kInvalid);
    EXPECT_EQ(KindOf([&] {
                  service_.UploadRules(As(commune_), body_id, RulesUpload{"quy-che.docx", pdf, "01/03/2019"});
              }),
              Kind::kInvalid);
    EXPECT_EQ(KindOf([&] {
                  service_.UploadRules(As(commune_), body_id, RulesUpload{"quy-che.pdf", pdf, "32/01/2019"});
              }),
              Kind::kInvalid);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_body_documents"), 0);

    auto first = service_.UploadRules(As(commune_), body_id, RulesUpload{"Quy chế 2019.pdf", pdf, "01/03/2019"});
    EXPECT_EQ(service_.UploadRules(As(commune_), body_id, RulesUpload{"Quy chế 2019.pdf", pdf, "01/03/2019"}), first);
    auto docx = service_.UploadRules(
        As(commune_), body_id,
        RulesUpload{"quy-che-sua-doi.docx", Zip({"[Content_Types].xml", "word/document.xml"}), "2020-07-01"});
    EXPECT_NE(docx, first);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_body_documents"), 2);
    auto file = service_.Rules(commune_, first);
    EXPECT_EQ(file.bytes, pdf);
    EXPECT_EQ(file.document.content_type, "application/pdf");
    EXPECT_EQ(file.document.adopted_on, "2019-03-01");
    auto page = service_.GetUnit(commune_, amusung_, false);
    ASSERT_EQ(page.rules.size(), 2u);
    EXPECT_EQ(page.rules[0].id, docx);  // the newest is in force

    auto other = SignIn("xa.namchac", org::Role::kCommuneOfficer, "02689");
    EXPECT_EQ(KindOf([&] { service_.Rules(other, first); }), Kind::kForbidden);
}

TEST_P(BodiesServiceTest, SpeakersWithTopics) {
    auto id = service_.AddSpeaker(
        As(commune_), amusung_,
        SpeakerInput{people_[2], {"Phòng, chống ma túy", " Phòng, chống ma túy ", "", "Nông thôn mới"}, true});
    auto speaker = service_.GetSpeaker(commune_, id);
    EXPECT_EQ(speaker.topics, (std::vector<std::string>{"Nông thôn mới", "Phòng, chống ma túy"}));
    EXPECT_EQ(KindOf([&] {
                  service_.AddSpeaker(As(commune_), amusung_, SpeakerInput{people_[2], {"Khác"}, true});
              }),
              Kind::kConflict);
    EXPECT_EQ(KindOf([&] {
                  service_.AddSpeaker(As(commune_), amusung_, SpeakerInput{people_[3], {" "}, true});
              }),
              Kind::kInvalid);
    EXPECT_EQ(KindOf([&] {
                  service_.AddSpeaker(As(commune_), amusung_, SpeakerInput{outsider_, {"A"}, true});
              }),
              Kind::kInvalid);
    EXPECT_EQ(KindOf([&] {
                  service_.AddSpeaker(As(commune_), namchac_, SpeakerInput{outsider_, {"A"}, true});
              }),
              Kind::kForbidden);
    EXPECT_EQ(KindOf([&] {
                  service_.AddSpeaker(As(commune_), villages_[0], SpeakerInput{people_[4], {"A"}, true});
              }),
              Kind::kInvalid);
    service_.UpdateSpeaker(As(commune_), id, speaker.version, SpeakerInput{std::nullopt, {"Chuyển đổi số"}, false});
    EXPECT_EQ(KindOf([&] {
                  service_.UpdateSpeaker(As(commune_), id, speaker.version, SpeakerInput{std::nullopt, {"X"}, true});
              }),
              Kind::kConflict);
    auto after = service_.GetSpeaker(commune_, id);
    EXPECT_EQ(after.topics, std::vector<std::string>{"Chuyển đổi số"});
    EXPECT_FALSE(after.active);
    EXPECT_EQ(service_.Speakers(commune_, amusung_).second.size(), 1u);
}

TEST_P(BodiesServiceTest, SpeakerShowsWhereAndWhenTheyPresented) {
    auto id = service_.AddSpeaker(As(admin_), UnitId("082"), SpeakerInput{people_[2], {"Nông thôn mới"}, true});
    db_.Get().Write([&](db::Connection& c) {
        auto conference = [&](std::int64_t unit, const std::string& month, const std::string& day) {
            return c
                .Query(
                    "INSERT INTO outreach_conferences (unit_id, month, original_date, original_time, scheduled_date, "
                    "scheduled_time, venue, chair, registered_at, registered_by, updated_at) "
                    "VALUES ($1, $2, $3, '08:00', $3, '08:00', 'Hội trường xã', 'Chủ trì', 1, 'x', 1) RETURNING id",
                    {unit, month, day})
                .Int(0, 0);
        };
        auto held = conference(amusung_, "2023-09", "2023-09-20");
        auto planned = conference(namchac_, "2023-12", "2023-12-05");
        c.Query(
            "INSERT INTO outreach_conference_records (conference_id, held_date, cadres, party_members, "
            "committee_members, people, submitted_at, submitted_by, updated_at) "
            "VALUES ($1, '2023-09-21', 1, 1, 1, 1, 1, 'x', 1)",
            {held});
        for (auto [conference_id, kind] :
             {std::pair{held, "planned"}, std::pair{held, "presented"}, std::pair{planned, "planned"}}) {
            c.Query(
                "INSERT INTO outreach_conference_topics (conference_id, kind, position, topic, speaker_id, "
                "speaker_name) VALUES ($1, $2, 1, 'Nông thôn mới', $3, '')",
                {conference_id, std::string(kind), id});
        }
    });
    auto speaker = service_.GetSpeaker(admin_, id);
    ASSERT_EQ(speaker.presentations.size(), 2u);  // the held conference's plan gives way to its record
    EXPECT_EQ(speaker.presentations[0].commune_name, "Xã Nậm Chạc");
    EXPECT_EQ(speaker.presentations[0].day, "2023-12-05");
    EXPECT_FALSE(speaker.presentations[0].presented);
    EXPECT_EQ(speaker.presentations[1].commune_name, "Xã A Mú Sung");
    EXPECT_EQ(speaker.presentations[1].day, "2023-09-21");
    EXPECT_TRUE(speaker.presentations[1].presented);
}

TEST_P(BodiesServiceTest, DemoGivesEveryCommuneACommitteeWithGaps) {
    auto report = LoadBodiesDemo(db_.Get(), org_, kNow);
    EXPECT_EQ(report.committees, 6);  // the province, two districts, three communes
    EXPECT_EQ(report.teams, 3);       // no village fails the sixth-village rule among three
    EXPECT_GT(report.speakers, 6);
    auto overview = service_.Vacancies(admin_, UnitId("10"), VacancyOrder::kName);
    EXPECT_EQ(overview.without_committee, 0);
    auto again = LoadBodiesDemo(db_.Get(), org_, kNow);
    EXPECT_EQ(again.committees, 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_bodies"), 9);
}

INSTANTIATE_TEST_SUITE_P(Engines, BodiesServiceTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::outreach
