#include "outreach/supervision_service.hpp"

#include <gtest/gtest.h>

#include <set>

#include "outreach/bodies_service.hpp"
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
    "02800,086,commune,Xã,Bản Phiệt,Xã Bản Phiệt,Ban Phiet\n";

// 2023-11-14 22:13:20 UTC, so "today" in Vietnam is 15/11/2023.
constexpr std::int64_t kNow = 1700000000000;

// One conference as the test writes it: the facts, and what the board must say.
struct Scenario {
    std::string month;
    std::optional<std::string> registered_on;  // absent: not registered
    std::string date;
    std::vector<ChangeFact> changes;
    std::optional<std::string> held;
    std::optional<std::string> submitted_on;
    ConferenceStatus expected;
};

class SupervisionTest : public testing::OutreachServiceTest {
protected:
    SupervisionTest() : OutreachServiceTest(kNow) {}
    void SetUp() override {
        org_.ImportUnits(std::string(kTree), std::nullopt, std::nullopt);
        amusung_ = UnitId("02686");
        namchac_ = UnitId("02689");
        banphiet_ = UnitId("02800");
        admin_ = SignIn("quantri", org::Role::kAdministrator, "10");
        commune_ = SignIn("xa.amusung", org::Role::kCommuneOfficer, "02686");
        district_ = SignIn("huyen.batxat", org::Role::kDistrictOfficer, "082");
        other_district_ = SignIn("huyen.baothang", org::Role::kDistrictOfficer, "086");
    }

    void Write(std::int64_t unit_id, const Scenario& s) {
        if (!s.registered_on) {
            return;
        }
        db_.Get().Write([&](db::Connection& c) {
            std::string scheduled = s.changes.empty() ? s.date : s.changes.back().after_date;
            auto id = c.Query(
                           "INSERT INTO outreach_conferences (unit_id, month, original_date, original_time, "
                           "scheduled_date, scheduled_time, venue, chair, registered_at, registered_by, updated_at) "
                           "VALUES ($1, $2, $3, '08:00', $4, '08:00', 'Nhà văn hoá xã', 'Lý Seo Dìn', $5, 'x', $5) "
                           "RETURNING id",
                           {unit_id, s.month, s.date, scheduled, Noon(*s.registered_on)})
                          .Int(0, 0);
            for (const auto& change : s.changes) {
                c.Query(
                    "INSERT INTO outreach_conference_changes (conference_id, made_at, made_by, before_date, "
                    "before_time, before_venue, after_date, after_time, after_venue, reason) VALUES ($1, $2, 'x', $3, "
                    "'08:00', 'Nhà văn hoá xã', $4, '08:00', 'Nhà văn hoá xã', 'Trùng lịch họp')",
                    {id, Noon(change.made_on), change.before_date, change.after_date});
            }
            if (s.held) {
                c.Query(
                    "INSERT INTO outreach_conference_records (conference_id, held_date, cadres, party_members, "
                    "committee_members, people, submitted_at, submitted_by, updated_at) VALUES ($1, $2, 3, 10, 5, "
                    "80, $3, 'x', $3)",
                    {id, *s.held, Noon(*s.submitted_on)});
            }
        });
    }
    static StatusFacts FactsOf(const Scenario& s) {
        StatusFacts facts;
        facts.month = s.month;
        facts.registered = s.registered_on.has_value();
        facts.registered_on = s.registered_on.value_or("");
        facts.original_date = s.date;
        facts.changes = s.changes;
        facts.held_date = s.held;
        facts.submitted_on = s.submitted_on;
        facts.today = "2023-11-15";
        return facts;
    }

    SupervisionService service_{db_.Get(), org_, [this] { return now_; }};
    std::int64_t amusung_ = 0, namchac_ = 0, banphiet_ = 0;
    org::Principal admin_, commune_, district_, other_district_;
};

TEST_P(SupervisionTest, GridStatusesMatchTheStatusFunctionForEveryStatus) {
    using S = ConferenceStatus;
    std::vector<Scenario> amusung = {
        {"2023-06", "2023-05-20", "2023-06-10", {}, "2023-06-10", "2023-06-12", S::kHeldOnSchedule},
        {"2023-07", "2023-06-20", "2023-07-10", {}, "2023-07-15", "2023-07-16", S::kHeldLate},
        {"2023-08", "2023-07-20", "2023-08-10", {}, std::nullopt, std::nullopt, S::kHeldWithoutRecord},
        {"2023-09", std::nullopt, "", {}, std::nullopt, std::nullopt, S::kNotHeld},
        // Registered late, moved with notice, held on the new date, record late: on schedule with three flags.
        {"2023-10",
         "2023-09-28",
         "2023-10-10",
         {{"2023-10-01", "2023-10-10", "2023-10-12"}},
         "2023-10-12",
         "2023-10-20",
         S::kHeldOnSchedule},
        {"2023-11", "2023-10-20", "2023-11-20", {}, std::nullopt, std::nullopt, S::kRegistered},
        {"2023-12", std::nullopt, "", {}, std::nullopt, std::nullopt, S::kNotRegistered},
    };
    Scenario changed{"2023-12",    "2023-11-01", "2023-12-10", {{"2023-11-05", "2023-12-10", "2023-12-12"}},
                     std::nullopt, std::nullopt, S::kChanged};
    for (const auto& s : amusung) {
        Write(amusung_, s);
    }
    Write(namchac_, changed);

    auto year = service_.Year(district_, UnitId("082"), 2023);
    ASSERT_EQ(year.months.size(), 12u);
    ASSERT_EQ(year.lines.size(), 2u);  // the district's two communes, not Bản Phiệt
    const YearLine* a = nullptr;
    const YearLine* n = nullptr;
    for (const auto& line : year.lines) {
        (line.commune.id == amusung_ ? a : n) = &line;
    }
    ASSERT_TRUE(a && n);
    std::set<S> seen;
    auto check = [&](const YearLine& line, const Scenario& s) {
        int index = std::stoi(s.month.substr(5, 2)) - 1;
        const auto& cell = line.cells[index];
        auto expected = ComputeStatus(FactsOf(s));
        EXPECT_EQ(expected.status, s.expected) << s.month;
        EXPECT_EQ(cell.status.status, expected.status) << s.month;
        EXPECT_EQ(cell.status.scheduled_date, expected.scheduled_date) << s.month;
        EXPECT_EQ(cell.status.registered_late, expected.registered_late) << s.month;
        EXPECT_EQ(cell.status.record_late, expected.record_late) << s.month;
        EXPECT_EQ(cell.status.notices, expected.notices) << s.month;
        EXPECT_EQ(cell.conference_id.has_value(), s.registered_on.has_value()) << s.month;
        seen.insert(cell.status.status);
    };
    for (const auto& s : amusung) {
        check(*a, s);
    }
    check(*n, changed);
    EXPECT_EQ(seen.size(), AllConferenceStatuses().size());
    const auto& october = a->cells[9].status;
    EXPECT_TRUE(october.registered_late);
    EXPECT_TRUE(october.record_late);
    EXPECT_EQ(october.notices, 1);

    // The month board of the province groups by district and counts each status.
    auto board = service_.Board(admin_, UnitId("10"), "2023-12");
    ASSERT_EQ(board.lines.size(), 3u);
    // Vietnamese order compares letters before tones: "Bảo Thắng" (b-a-o) comes before "Bát Xát" (b-a-t).
    EXPECT_EQ(board.lines[0].district_name, "Huyện Bảo Thắng");
    EXPECT_EQ(board.lines[0].commune.id, banphiet_);
    EXPECT_EQ(board.lines[1].district_name, "Huyện Bát Xát");
    EXPECT_EQ(board.lines[2].district_name, "Huyện Bát Xát");
    EXPECT_EQ(board.counts[S::kChanged], 1);
    EXPECT_EQ(board.counts[S::kNotRegistered], 2);
    EXPECT_EQ(KindOf([&] { service_.Board(district_, UnitId("10"), "2023-12"); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Board(admin_, UnitId("10"), "12-2023"); }), Kind::kInvalid);

    // Weak areas over the five full months before November: A Mú Sung scored (100+70+40+0+100)/5 = 62.
    auto weak = service_.Weak(district_, UnitId("082"), 5);
    ASSERT_EQ(weak.months.front(), "2023-06");
    ASSERT_EQ(weak.months.back(), "2023-10");
    for (const auto& area : weak.communes) {
        if (area.commune.id == amusung_) {
            EXPECT_EQ(area.score, 62);
            EXPECT_EQ(area.weak_class, WeakClass::kAverage);
            EXPECT_EQ(area.months_counted, 5);
        } else {
            EXPECT_EQ(area.score, 0);  // Nậm Chạc held none of them
            EXPECT_EQ(area.weak_class, WeakClass::kVeryWeak);
        }
    }
    EXPECT_EQ(weak.communes.front().commune.id, namchac_);  // weakest first
    auto levels = WeakLevels(db_.Get(), UnitId("082"), 5, "2023-11-15");
    EXPECT_EQ(levels.at(amusung_), 0);
    EXPECT_EQ(levels.at(namchac_), 2);
    EXPECT_EQ(ClassifyScore(59), WeakClass::kWeak);
    EXPECT_EQ(WeakLevelOf(ClassifyScore(59)), 1);
    EXPECT_EQ(ClassifyScore(80), WeakClass::kGood);
    EXPECT_EQ(CombinedScore(WeakScores{90, std::nullopt}), 90);
}

TEST_P(SupervisionTest, ReminderWritesOnceAndNotifiesTheCommunesOfficers) {
    // The officer's account gets an e-mail through its person.
    db_.Get().Write([&](db::Connection& c) {
        auto person = c.Query(
                           "INSERT INTO people (full_name, name_key, sort_key, unit_id, email, created_at, updated_at) "
                           "VALUES ('Lý Seo Dìn', 'ly seo din', 'x', $1, 'din@example.vn', 0, 0) RETURNING id",
                           {amusung_})
                          .Int(0, 0);
        c.Query("UPDATE accounts SET person_id = $1 WHERE login = 'xa.amusung'", {person});
    });
    ReminderInput input{amusung_, "11/2023", "Xã chưa nộp biên bản hội nghị tháng 11/2023."};
    auto first = service_.Remind(As(district_), input, "key-nhac-1");
    EXPECT_FALSE(first.replayed);
    auto again = service_.Remind(As(district_), input, "key-nhac-1");
    EXPECT_TRUE(again.replayed);
    EXPECT_EQ(again.id, first.id);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_reminders"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox WHERE to_address = 'din@example.vn'"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'outreach.reminder.send'"), 1);
    auto reminder = service_.GetReminder(commune_, first.id);
    EXPECT_EQ(reminder.month, "2023-11");
    EXPECT_EQ(reminder.recipients, 1);
    EXPECT_EQ(reminder.sent_by, "huyen.batxat");
    auto board = service_.Board(district_, UnitId("082"), "2023-11");
    for (const auto& line : board.lines) {
        EXPECT_EQ(line.reminders.size(), line.commune.id == amusung_ ? 1u : 0u);
    }

    EXPECT_EQ(KindOf([&] { service_.Remind(As(commune_), input, ""); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Remind(As(other_district_), input, ""); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] {
                  service_.Remind(As(district_), ReminderInput{amusung_, "11/2023", "  "}, "");
              }),
              Kind::kInvalid);
    EXPECT_EQ(KindOf([&] {
                  service_.Remind(As(district_), ReminderInput{UnitId("082"), "2023-11", "Nhắc"}, "");
              }),
              Kind::kInvalid);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_reminders"), 1);
}

TEST_P(SupervisionTest, ReprimandNamesTheHeadAndIsValidated) {
    BodiesService bodies{db_.Get(), [this] { return now_; }};
    org::Actor system{nullptr, ""};
    auto committee = bodies.Establish(system, amusung_, "01/03/2020");
    db_.Get().Write([&](db::Connection& c) {
        auto person = c.Query(
                           "INSERT INTO people (full_name, name_key, sort_key, unit_id, created_at, updated_at) VALUES "
                           "('Giàng A Páo', 'giang a pao', 'x', $1, 0, 0) RETURNING id",
                           {amusung_})
                          .Int(0, 0);
        c.Query(
            "INSERT INTO outreach_members (body_id, person_id, role, start_on, created_at, updated_at) VALUES "
            "($1, $2, 'head', '2020-03-01', 0, 0)",
            {committee, person});
    });
    ReprimandInput input{amusung_,   "phe_binh",   "Không tổ chức hội nghị tháng 9/2023.",
                         "12-TB/HU", "10/11/2023", "2023-09"};
    auto written = service_.RecordReprimand(As(district_), input, "key-pb-1");
    EXPECT_TRUE(service_.RecordReprimand(As(district_), input, "key-pb-1").replayed);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_reprimands"), 1);
    auto reprimand = service_.GetReprimand(admin_, written.id);
    EXPECT_EQ(reprimand.kind, ReprimandKind::kPheBinh);
    EXPECT_EQ(reprimand.person_name, "Giàng A Páo");
    EXPECT_EQ(reprimand.decided_on, "2023-11-10");
    EXPECT_EQ(reprimand.document_number, "12-TB/HU");
    auto history = service_.History(commune_, amusung_);
    ASSERT_EQ(history.reprimands.size(), 1u);
    EXPECT_EQ(history.head_name, "Giàng A Páo");
    EXPECT_EQ(service_.Board(district_, UnitId("082"), "2023-09").lines.front().reprimands.size(), 1u);

    // Without a committee head the commune itself is named.
    auto plain =
        service_.RecordReprimand(As(district_), ReprimandInput{namchac_, "nhac_nho", "Chậm đăng ký.", "", "", ""}, "");
    auto unnamed = service_.GetReprimand(district_, plain.id);
    EXPECT_FALSE(unnamed.person_id.has_value());
    EXPECT_EQ(unnamed.decided_on, "2023-11-15");
    EXPECT_EQ(unnamed.month, "2023-11");

    auto bad = [&](ReprimandInput changed) {
        return KindOf([&] { service_.RecordReprimand(As(district_), changed, ""); });
    };
    auto kind = input;
    kind.kind = "ky_luat";
    EXPECT_EQ(bad(kind), Kind::kInvalid);
    auto reason = input;
    reason.reason = "";
    EXPECT_EQ(bad(reason), Kind::kInvalid);
    auto future = input;
    future.decided_on = "20/11/2023";
    EXPECT_EQ(bad(future), Kind::kInvalid);
    auto date = input;
    date.decided_on = "31/02/2023";
    EXPECT_EQ(bad(date), Kind::kInvalid);
    EXPECT_EQ(KindOf([&] { service_.RecordReprimand(As(commune_), input, ""); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.History(other_district_, amusung_); }), Kind::kForbidden);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_reprimands"), 2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'outreach.reprimand.create'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, SupervisionTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::outreach
