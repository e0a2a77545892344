#include "outreach/conference_service.hpp"

#include <gtest/gtest.h>

#include <map>

#include "outreach/conference_demo.hpp"
#include "outreach/service_test_support.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/testing.hpp"
#include "platform/media/image.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {
namespace {

using Kind = org::ServiceError::Kind;

constexpr std::string_view kTree =
    "code,parent_code,level,kind,name,full_name,name_en\n"
    "10,,province,Tỉnh,Lào Cai,Tỉnh Lào Cai,Lao Cai\n"
    "082,10,district,Huyện,Bát Xát,Huyện Bát Xát,Bat Xat\n"
    "02683,082,commune,Thị trấn,Bát Xát,Thị trấn Bát Xát,Bat Xat\n"
    "02686,082,commune,Xã,A Mú Sung,Xã A Mú Sung,A Mu Sung\n"
    "02689,082,commune,Xã,Nậm Chạc,Xã Nậm Chạc,Nam Chac\n"
    "02692,082,commune,Xã,Mường Hum,Xã Mường Hum,Muong Hum\n";

// Runs `call` and checks it fails with `kind` (and, when given, a message for `field`).
template <typename F>
void ExpectError(F call, Kind kind, const std::string& field = "") {
    try {
        call();
        ADD_FAILURE() << "expected a ServiceError";
    } catch (const org::ServiceError& error) {
        EXPECT_EQ(error.GetKind(), kind) << error.what();
        if (!field.empty()) {
            bool found = false;
            for (const auto& [name, message] : error.Fields()) {
                found |= name == field && !message.empty();
            }
            EXPECT_TRUE(found) << "no message for " << field << ": " << error.what();
        }
    }
}

// 10:00 local time of a date.
std::int64_t At(const std::string& date) {
    return *text::ParseIsoDate(date) + 10LL * 3600 * 1000;
}

class ConferenceTest : public testing::OutreachServiceTest {
protected:
    ConferenceTest() : OutreachServiceTest(0) {}
    void SetUp() override {
        org_.ImportUnits(std::string(kTree), std::nullopt, std::nullopt);
        portal_.EnsureSchema();
        admin_ = SignIn("quantri", org::Role::kAdministrator, "10");
        district_site_ = portal_.CreateSite(As(admin_), UnitId("082"), "huyen-bat-xat", "Huyện ủy Bát Xát");
        officer_ = SignIn("xa.amusung", org::Role::kCommuneOfficer, "02686");
        other_officer_ = SignIn("xa.namchac", org::Role::kCommuneOfficer, "02689");
        now_ = At("2026-04-20");
    }
    org::Principal Again(const std::string& login) {
        return org_.SignIn(login, "mat-khau-du-dai-2026", "127.0.0.1").principal;
    }
    std::int64_t Count(const std::string& table) {
        return db_.Get().ReadValue(
            [&](db::Connection& c) { return c.Query("SELECT COUNT(*) FROM " + table).Int(0, 0); });
    }
    RegistrationInput Input(const std::string& code, const std::string& date) {
        RegistrationInput input;
        input.unit_id = UnitId(code);
        input.month = date.substr(0, 7);
        input.date = date;
        input.time = "08:00";
        input.venue = "Hội trường Đảng ủy xã";
        input.chair = "Đồng chí Bí thư Đảng ủy";
        input.topics.push_back(TopicLine{"Tình hình kinh tế - xã hội tháng 4", std::nullopt, "Lý Seo Dìn"});
        return input;
    }
    RecordInput Record(const std::string& held) {
        RecordInput input;
        input.held_date = held;
        input.participants = Participants{12, 30, 9, 85};
        input.topics.push_back(TopicLine{"Tình hình kinh tế - xã hội tháng 4", std::nullopt, "Lý Seo Dìn"});
        input.materials = "Bản tin thông tin thời sự tháng 5";
        input.opinions.push_back(Opinion{"Đề nghị sửa đường vào thôn Tả Gia Khâu", "UBND xã"});
        return input;
    }
    ConferenceStatus StatusIn(const std::string& code, const std::string& month) {
        auto overview = service_.Month(admin_, UnitId("082"), month);
        for (const auto& line : overview.communes) {
            if (line.unit.id == UnitId(code)) {
                return line.status.status;
            }
        }
        ADD_FAILURE() << "commune not listed";
        return ConferenceStatus::kNotRegistered;
    }

    portal::Service portal_{db_.Get(), org_, [this] { return now_; }};
    ConferenceService service_{db_.Get(), org_, portal_, [this] { return now_; }};
    org::Principal admin_, officer_, other_officer_;
    std::int64_t district_site_ = 0;
};

TEST_P(ConferenceTest, RegistersOnceAndARetryWithTheSameKeyWritesNothing) {
    auto first = service_.Register(As(officer_), Input("02686", "2026-05-15"), "khoa-1");
    EXPECT_FALSE(first.replayed);
    auto audit_before = Count("audit_log");
    auto again = service_.Register(As(officer_), Input("02686", "2026-05-15"), "khoa-1");
    EXPECT_TRUE(again.replayed);
    EXPECT_EQ(again.id, first.id);
    EXPECT_EQ(Count("outreach_conferences"), 1);
    EXPECT_EQ(Count("audit_log"), audit_before);
    // Without the key (or with another), the second registration of the month is a conflict.
    ExpectError([&] { service_.Register(As(officer_), Input("02686", "2026-05-20"), ""); }, Kind::kConflict);
    ExpectError([&] { service_.Register(As(officer_), Input("02686", "2026-05-20"), "khoa-2"); }, Kind::kConflict);
    EXPECT_EQ(Count("outreach_conferences"), 1);
    auto conference = service_.Get(officer_, first.id);
    EXPECT_EQ(conference.planned.size(), 1u);
    EXPECT_EQ(conference.status.status, ConferenceStatus::kRegistered);
}

TEST_P(ConferenceTest, RefusesBadInputWithVietnameseMessages) {
    auto bad_month = Input("02686", "2026-05-15");
    bad_month.month = "2026-5";
    ExpectError([&] { service_.Register(As(officer_), bad_month, ""); }, Kind::kInvalid, "month");
    auto outside = Input("02686", "2026-05-15");
    outside.date = "02/06/2026";
    ExpectError([&] { service_.Register(As(officer_), outside, ""); }, Kind::kInvalid, "date");
    auto past = Input("02686", "2026-04-10");
    ExpectError([&] { service_.Register(As(officer_), past, ""); }, Kind::kInvalid, "date");
    auto bad_time = Input("02686", "2026-05-15");
    bad_time.time = "25:00";
    ExpectError([&] { service_.Register(As(officer_), bad_time, ""); }, Kind::kInvalid, "time");
    auto no_venue = Input("02686", "2026-05-15");
    no_venue.venue = "  ";
    ExpectError([&] { service_.Register(As(officer_), no_venue, ""); }, Kind::kInvalid, "venue");
    // Only communes hold the monthly conference.
    ExpectError([&] { service_.Register(As(admin_), Input("082", "2026-05-15"), ""); }, Kind::kInvalid);
    EXPECT_EQ(Count("outreach_conferences"), 0);
}

TEST_P(ConferenceTest, AnotherCommunesOfficerIsRefused) {
    ExpectError([&] { service_.Register(As(other_officer_), Input("02686", "2026-05-15"), ""); }, Kind::kForbidden);
    auto id = service_.Register(As(officer_), Input("02686", "2026-05-15"), "").id;
    ScheduleInput change{"2026-05-20", "08:00", "", "Trùng lịch họp của huyện"};
    ExpectError([&] { service_.ChangeSchedule(As(other_officer_), id, std::nullopt, change, ""); }, Kind::kForbidden);
    ExpectError([&] { service_.Get(other_officer_, id); }, Kind::kForbidden);
    ExpectError([&] { service_.Month(other_officer_, UnitId("02686"), "2026-05"); }, Kind::kForbidden);
    ExpectError([&] { service_.FeedToken(As(other_officer_), UnitId("02686")); }, Kind::kForbidden);
    now_ = At("2026-05-16");
    ExpectError([&] { service_.SaveRecord(As(other_officer_), id, Record("2026-05-15"), ""); }, Kind::kForbidden);
}

TEST_P(ConferenceTest, ScheduleChangesKeepTheirHistoryAndOnlyComeBeforeTheDate) {
    auto id = service_.Register(As(officer_), Input("02686", "2026-05-15"), "").id;
    now_ = At("2026-05-10");
    auto version = service_.Get(officer_, id).version;
    ScheduleInput outside{"2026-06-01", "08:00", "", "Trùng lịch"};
    ExpectError([&] { service_.ChangeSchedule(As(officer_), id, version, outside, ""); }, Kind::kInvalid, "date");
    ScheduleInput no_reason{"2026-05-20", "14:00", "Nhà văn hóa thôn Tả Gia Khâu", ""};
    ExpectError([&] { service_.ChangeSchedule(As(officer_), id, version, no_reason, ""); }, Kind::kInvalid, "reason");
    ScheduleInput change{"2026-05-20", "14:00", "Nhà văn hóa thôn Tả Gia Khâu", "Trùng lịch họp của huyện"};
    auto written = service_.ChangeSchedule(As(officer_), id, version, change, "doi-1");
    EXPECT_TRUE(service_.ChangeSchedule(As(officer_), id, version, change, "doi-1").replayed);
    // The version the form was built from is stale now.
    ScheduleInput later{"2026-05-22", "", "", "Mưa lũ"};
    ExpectError([&] { service_.ChangeSchedule(As(officer_), id, version, later, ""); }, Kind::kConflict);
    auto conference = service_.Get(officer_, id);
    ASSERT_EQ(conference.changes.size(), 1u);
    EXPECT_EQ(conference.changes[0].id, written.id);
    EXPECT_EQ(conference.changes[0].before_date, "2026-05-15");
    EXPECT_EQ(conference.changes[0].before_venue, "Hội trường Đảng ủy xã");
    EXPECT_EQ(conference.changes[0].after_date, "2026-05-20");
    EXPECT_EQ(conference.changes[0].reason, "Trùng lịch họp của huyện");
    EXPECT_EQ(conference.original_date, "2026-05-15");
    EXPECT_EQ(conference.scheduled_date, "2026-05-20");
    EXPECT_EQ(conference.sequence, 1);
    EXPECT_EQ(conference.status.status, ConferenceStatus::kChanged);
    // On the (new) date itself it is too late to change.
    now_ = At("2026-05-20");
    ExpectError([&] { service_.ChangeSchedule(As(officer_), id, std::nullopt, later, ""); }, Kind::kInvalid);
    EXPECT_EQ(Count("outreach_conference_changes"), 1);
}

TEST_P(ConferenceTest, RecordComesAfterItsConferenceAndOnlyOnce) {
    auto id = service_.Register(As(officer_), Input("02686", "2026-05-15"), "").id;
    now_ = At("2026-05-14");
    ExpectError([&] { service_.SaveRecord(As(officer_), id, Record("2026-05-15"), ""); }, Kind::kInvalid, "held_date");
    now_ = At("2026-05-16");
    ExpectError([&] { service_.SaveRecord(As(officer_), id, Record("2026-05-14"), ""); }, Kind::kInvalid, "held_date");
    auto empty = Record("2026-05-15");
    empty.participants = Participants{};
    ExpectError([&] { service_.SaveRecord(As(officer_), id, empty, ""); }, Kind::kInvalid, "people");
    service_.SaveRecord(As(officer_), id, Record("2026-05-15"), "bien-ban-1");
    EXPECT_TRUE(service_.SaveRecord(As(officer_), id, Record("2026-05-15"), "bien-ban-1").replayed);
    ExpectError([&] { service_.SaveRecord(As(officer_), id, Record("2026-05-15"), ""); }, Kind::kConflict);
    EXPECT_EQ(Count("outreach_conference_records"), 1);
    EXPECT_EQ(Count("outreach_conference_opinions"), 1);
    auto conference = service_.Get(officer_, id);
    ASSERT_TRUE(conference.record);
    EXPECT_EQ(conference.record->participants.Total(), 136);
    EXPECT_EQ(conference.record->opinions[0].follow_up, "UBND xã");
    EXPECT_EQ(conference.status.status, ConferenceStatus::kHeldOnSchedule);
    // Editing at the version read.
    auto edit = Record("2026-05-15");
    edit.participants.people = 90;
    edit.version = conference.record->version;
    service_.SaveRecord(As(officer_), id, edit, "");
    EXPECT_EQ(service_.Get(officer_, id).record->participants.people, 90);
    ExpectError([&] { service_.SaveRecord(As(officer_), id, edit, ""); }, Kind::kConflict);
}

TEST_P(ConferenceTest, StoredStatusOfEveryCase) {
    // May 2026, rule 25th / 5 days. Thị trấn Bát Xát: held on schedule; A Mú Sung: held late;
    // Nậm Chạc: changed, then held without record; Mường Hum: never registered.
    auto on_time = service_.Register(As(admin_), Input("02683", "2026-05-12"), "").id;
    auto late = service_.Register(As(admin_), Input("02686", "2026-05-13"), "").id;
    auto changed = service_.Register(As(admin_), Input("02689", "2026-05-14"), "").id;
    EXPECT_EQ(StatusIn("02683", "2026-05"), ConferenceStatus::kRegistered);
    EXPECT_EQ(StatusIn("02692", "2026-05"), ConferenceStatus::kNotRegistered);
    now_ = At("2026-05-05");
    service_.ChangeSchedule(As(admin_), changed, std::nullopt, ScheduleInput{"2026-05-21", "", "", "Mùa vụ"}, "");
    EXPECT_EQ(StatusIn("02689", "2026-05"), ConferenceStatus::kChanged);
    now_ = At("2026-05-16");
    service_.SaveRecord(As(admin_), on_time, Record("2026-05-12"), "");
    service_.SaveRecord(As(admin_), late, Record("2026-05-16"), "");
    EXPECT_EQ(StatusIn("02683", "2026-05"), ConferenceStatus::kHeldOnSchedule);
    EXPECT_EQ(StatusIn("02686", "2026-05"), ConferenceStatus::kHeldLate);
    EXPECT_EQ(StatusIn("02689", "2026-05"), ConferenceStatus::kChanged);
    now_ = At("2026-05-27");  // 21 + 5 = 26: the record of Nậm Chạc is overdue.
    EXPECT_EQ(StatusIn("02689", "2026-05"), ConferenceStatus::kHeldWithoutRecord);
    EXPECT_EQ(StatusIn("02692", "2026-05"), ConferenceStatus::kNotRegistered);
    now_ = At("2026-06-01");
    EXPECT_EQ(StatusIn("02692", "2026-05"), ConferenceStatus::kNotHeld);
    // A longer record deadline set by the province from May turns "without record" back to "changed".
    service_.SetRule(As(admin_), "2026-05", DeadlineRule{20, 15});
    EXPECT_EQ(StatusIn("02689", "2026-05"), ConferenceStatus::kChanged);
    auto overview = service_.Month(admin_, UnitId("10"), "2026-05");
    EXPECT_EQ(overview.communes.size(), 4u);
    EXPECT_EQ(overview.rule.record_due_days, 15);
}

TEST_P(ConferenceTest, OnlyTheProvinceSetsDeadlines) {
    auto district = SignIn("huyen.batxat", org::Role::kDistrictOfficer, "082");
    ExpectError([&] { service_.SetRule(As(district), "2026-06", DeadlineRule{20, 7}); }, Kind::kForbidden);
    ExpectError([&] { service_.SetRule(As(officer_), "2026-06", DeadlineRule{20, 7}); }, Kind::kForbidden);
    ExpectError([&] { service_.SetRule(As(admin_), "2026-6", DeadlineRule{20, 7}); }, Kind::kInvalid);
    ExpectError([&] { service_.SetRule(As(admin_), "2026-06", DeadlineRule{0, 7}); }, Kind::kInvalid);
    service_.SetRule(As(admin_), "2026-06", DeadlineRule{20, 7});
    EXPECT_EQ(service_.RuleFor("2026-05").registration_day, 25);
    EXPECT_EQ(service_.RuleFor("2026-07").record_due_days, 7);
}

TEST_P(ConferenceTest, FeedShowsTheUnitsConferencesWithTheirSequence) {
    auto id = service_.Register(As(officer_), Input("02686", "2026-05-15"), "").id;
    service_.Register(As(admin_), Input("02689", "2026-05-18"), "");
    now_ = At("2026-05-01");
    service_.ChangeSchedule(As(officer_), id, std::nullopt, ScheduleInput{"2026-05-16", "07:30", "", "Mưa lớn"}, "");
    std::string token = service_.FeedToken(As(officer_), UnitId("02686"));
    EXPECT_GE(token.size(), 30u);
    EXPECT_EQ(service_.FeedToken(As(officer_), UnitId("02686")), token);
    auto feed = service_.Feed(token, "https://tuyenvan.example");
    ASSERT_TRUE(feed);
    EXPECT_NE(feed->find("DTSTART;TZID=Asia/Ho_Chi_Minh:20260516T073000"), std::string::npos);
    EXPECT_NE(feed->find("SEQUENCE:1"), std::string::npos);
    EXPECT_EQ(feed->find("Nậm Chạc"), std::string::npos);
    auto district = service_.Feed(service_.FeedToken(As(admin_), UnitId("082")), "");
    ASSERT_TRUE(district);
    EXPECT_NE(district->find("20260518T080000"), std::string::npos);
    EXPECT_FALSE(service_.Feed("khong-co", ""));
}

TEST_P(ConferenceTest, SendsTheRecordWithPhotosToTheDistrictColumn) {
    auto id = service_.Register(As(officer_), Input("02686", "2026-05-15"), "").id;
    now_ = At("2026-05-16");
    std::string picture = media::MakeDemoPicture(7, 800, 600);
    ExpectError([&] { service_.AddPhoto(As(officer_), id, picture, "Toàn cảnh", ""); }, Kind::kConflict);
    service_.SaveRecord(As(officer_), id, Record("2026-05-15"), "");
    ExpectError([&] { service_.AddPhoto(As(officer_), id, "khong phai anh", "Ảnh hỏng", ""); }, Kind::kInvalid,
                "photo");
    // The caption is the picture's alternative text: required.
    ExpectError([&] { service_.AddPhoto(As(officer_), id, picture, "  ", ""); }, Kind::kInvalid, "caption");
    auto photo = service_.AddPhoto(As(officer_), id, picture, "Toàn cảnh hội nghị", "anh-1");
    EXPECT_TRUE(service_.AddPhoto(As(officer_), id, picture, "Toàn cảnh hội nghị", "anh-1").replayed);
    EXPECT_EQ(Count("outreach_conference_photos"), 1);
    EXPECT_FALSE(service_.PhotoBytes(officer_, photo.id, "image/jpeg", 640).empty());
    ExpectError([&] { service_.PhotoBytes(other_officer_, photo.id, "image/jpeg", 640); }, Kind::kForbidden);
    // A commune officer who does not write for the district's site is told so.
    ExpectError([&] { service_.SendToColumn(As(officer_), id); }, Kind::kForbidden);
    org_.AddGrant(As(admin_), officer_.account_id, org::Role::kContributor, UnitId("082"));
    auto contributor = Again("xa.amusung");
    auto sent = service_.SendToColumn(As(contributor), id);
    EXPECT_FALSE(sent.replayed);
    auto item = portal_.GetItem(contributor, sent.id);
    EXPECT_EQ(item.site_id, district_site_);
    EXPECT_NE(item.title.find("Xã A Mú Sung"), std::string::npos);
    EXPECT_NE(item.body_md.find("136"), std::string::npos);
    EXPECT_TRUE(item.featured_media_id.has_value());
    EXPECT_EQ(service_.SendToColumn(As(contributor), id).id, sent.id);
    EXPECT_EQ(service_.Get(officer_, id).column_item_id, std::optional<std::int64_t>(sent.id));
}

TEST_P(ConferenceTest, DemoHistoryCoversTwoYearsOnceWithEveryOutcome) {
    now_ = At("2026-11-27");
    auto made = LoadConferenceDemo(db_.Get(), now_);
    EXPECT_GT(made.conferences, 4 * 20);
    EXPECT_GT(made.records, 0);
    EXPECT_GT(made.changes, 0);
    EXPECT_EQ(LoadConferenceDemo(db_.Get(), now_).conferences, 0);
    std::map<ConferenceStatus, int> seen;
    std::string month = "2026-11";
    for (int i = 0; i < 24; ++i) {
        month = PreviousMonth(month);
        for (const auto& line : service_.Month(admin_, UnitId("10"), month).communes) {
            ++seen[line.status.status];
        }
    }
    EXPECT_GT(seen[ConferenceStatus::kHeldOnSchedule], 0);
    EXPECT_GT(seen[ConferenceStatus::kHeldLate], 0);
    EXPECT_GT(seen[ConferenceStatus::kHeldWithoutRecord], 0);
    EXPECT_EQ(
        seen[ConferenceStatus::kRegistered] + seen[ConferenceStatus::kChanged] + seen[ConferenceStatus::kNotRegistered],
        0);
    // The current month is left for people to register.
    for (const auto& line : service_.Month(admin_, UnitId("10"), "2026-11").communes) {
        EXPECT_FALSE(line.conference.has_value());
    }
}

INSTANTIATE_TEST_SUITE_P(Engines, ConferenceTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::outreach
