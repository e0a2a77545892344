#include "outreach/logbook_service.hpp"

#include <gtest/gtest.h>

#include "outreach/bodies_service.hpp"
#include "outreach/logbook_demo.hpp"
#include "outreach/logbook_xlsx.hpp"
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
    "02686,082,commune,Xã,A Mú Sung,Xã A Mú Sung,A Mu Sung\n"
    "02689,082,commune,Xã,Nậm Chạc,Xã Nậm Chạc,Nam Chac\n";

// 2023-11-14 22:13:20 UTC, so "today" in Vietnam is 15/11/2023.
constexpr std::int64_t kNow = 1700000000000;

class LogbookServiceTest : public testing::OutreachServiceTest {
protected:
    LogbookServiceTest() : OutreachServiceTest(kNow) {}
    void SetUp() override {
        org_.ImportUnits(std::string(kTree), std::nullopt, std::nullopt);
        amusung_ = UnitId("02686");
        namchac_ = UnitId("02689");
        village_ = org_.CreateUnit(
            system_,
            org::UnitInput{
                "", amusung_, "village", "Thôn", "Thôn Tả Suối", "Thôn Tả Suối", std::nullopt, std::nullopt, {}});
        other_village_ = org_.CreateUnit(
            system_,
            org::UnitInput{
                "", namchac_, "village", "Bản", "Bản Nậm Chạc", "Bản Nậm Chạc", std::nullopt, std::nullopt, {}});
        committee_ = bodies_.Establish(system_, amusung_, "01/03/2020");
        team_ = bodies_.Establish(system_, village_, "15/04/2021");
        other_committee_ = bodies_.Establish(system_, namchac_, "");
        district_committee_ = bodies_.Establish(system_, UnitId("082"), "");
        admin_ = SignIn("quantri", org::Role::kAdministrator, "10");
        commune_ = SignIn("xa.amusung", org::Role::kCommuneOfficer, "02686");
        other_commune_ = SignIn("xa.namchac", org::Role::kCommuneOfficer, "02689");
        district_ = SignIn("huyen.batxat", org::Role::kDistrictOfficer, "082");
        viewer_ = SignIn("xem", org::Role::kViewer, "10");
        village_officer_ = SignInAt("thon.tasuoi", org::Role::kCommuneOfficer, village_);
    }
    EntryInput Input(const std::string& key, const std::string& day = "10/11/2023") {
        EntryInput input;
        input.client_key = key;
        input.day = day;
        input.form = "home_visit";
        input.topic = "Vận động bà con tiêm chủng đầy đủ cho trẻ nhỏ";
        input.households = "12";
        input.people = "1.050";
        input.opinions = "Bà con hỏi lịch tiêm tháng tới.";
        input.written_by = "Lý Seo Dìn";
        return input;
    }

    BodiesService bodies_{db_.Get(), [this] { return now_; }};
    LogbookService service_{db_.Get(), [this] { return now_; }};
    org::Actor system_{nullptr, ""};
    std::int64_t amusung_ = 0, namchac_ = 0, village_ = 0, other_village_ = 0;
    std::int64_t committee_ = 0, team_ = 0, other_committee_ = 0, district_committee_ = 0;
    org::Principal admin_, commune_, other_commune_, district_, viewer_, village_officer_;
};

TEST_P(LogbookServiceTest, CommuneOfficerWritesForTheTeamOfItsVillage) {
    auto submitted = service_.Submit(As(commune_), team_, Input("7d1f0c6e-2b1a-4c55-9a0e-1a2b3c4d5e6f"));
    EXPECT_FALSE(submitted.replayed);
    const auto& entry = submitted.entry;
    EXPECT_EQ(entry.day, "2023-11-10");
    EXPECT_EQ(entry.form, ActivityForm::kHomeVisit);
    EXPECT_EQ(entry.people, 1050);
    EXPECT_EQ(entry.village_id, village_);  // a team writes for its own village
    EXPECT_EQ(entry.commune_id, amusung_);
    EXPECT_EQ(entry.created_by, "xa.amusung");
    EXPECT_FALSE(entry.reviewed_at.has_value());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'outreach.logbook.create'"), 1);
    auto page = service_.List(viewer_, team_, LogbookQuery{});
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].topic, "Vận động bà con tiêm chủng đầy đủ cho trẻ nhỏ");
}

TEST_P(LogbookServiceTest, ARepeatedKeyAnswersTheFirstEntryAndWritesNothing) {
    auto first = service_.Submit(As(commune_), team_, Input("key-0000-aaaa"));
    auto changed = Input("key-0000-aaaa");
    changed.topic = "Nội dung khác khi gửi lại";
    auto again = service_.Submit(As(commune_), team_, changed);
    EXPECT_TRUE(again.replayed);
    EXPECT_EQ(again.entry.id, first.entry.id);
    EXPECT_EQ(again.entry.topic, first.entry.topic);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_logbook_entries"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'outreach.logbook.create'"), 1);
    // The same key for another body is refused, not silently answered with an entry of another book.
    EXPECT_EQ(KindOf([&] { service_.Submit(As(commune_), committee_, Input("key-0000-aaaa")); }), Kind::kConflict);
    // A key is required and has a shape.
    std::string message;
    EXPECT_EQ(KindOf([&] { service_.Submit(As(commune_), team_, Input("")); }, &message), Kind::kInvalid);
    EXPECT_NE(message.find("mã gửi"), std::string::npos) << message;
    EXPECT_EQ(KindOf([&] { service_.Submit(As(commune_), team_, Input("có dấu cách và ký tự lạ")); }), Kind::kInvalid);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_logbook_entries"), 1);
}

TEST_P(LogbookServiceTest, DatesInTheFutureOrBeforeTheBodyAreRefused) {
    std::string message;
    EXPECT_EQ(KindOf([&] { service_.Submit(As(commune_), team_, Input("key-future-1", "16/11/2023")); }, &message),
              Kind::kInvalid);
    EXPECT_NE(message.find("sau ngày hôm nay"), std::string::npos) << message;
    // Today in Vietnam is 15/11/2023 while UTC is still the 14th.
    EXPECT_NO_THROW(service_.Submit(As(commune_), team_, Input("key-today-1", "15/11/2023")));
    EXPECT_EQ(KindOf([&] { service_.Submit(As(commune_), team_, Input("key-before-1", "14/04/2021")); }, &message),
              Kind::kInvalid);
    EXPECT_NE(message.find("trước ngày thành lập"), std::string::npos) << message;
    EXPECT_NE(message.find("15/04/2021"), std::string::npos) << message;
    EXPECT_EQ(KindOf([&] { service_.Submit(As(commune_), team_, Input("key-bad-1", "31/02/2023")); }), Kind::kInvalid);
    auto bad = Input("key-bad-2");
    bad.form = "radio";
    bad.households = "mười";
    bad.topic = "";
    try {
        service_.Submit(As(commune_), team_, bad);
        ADD_FAILURE() << "expected kInvalid";
    } catch (const org::ServiceError& error) {
        EXPECT_EQ(error.Fields().size(), 3u);
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_logbook_entries"), 1);
}

TEST_P(LogbookServiceTest, PermissionsFollowRoleAndUnit) {
    // Another commune's officer neither writes nor reads A Mú Sung's books.
    EXPECT_EQ(KindOf([&] { service_.Submit(As(other_commune_), team_, Input("key-other-1")); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.List(other_commune_, team_, LogbookQuery{}); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.ListCommune(other_commune_, amusung_, LogbookQuery{}); }), Kind::kForbidden);
    // A viewer reads but does not write; a commune officer does not write for the district's committee.
    EXPECT_EQ(KindOf([&] { service_.Submit(As(viewer_), team_, Input("key-viewer-1")); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Submit(As(commune_), district_committee_, Input("key-up-1")); }), Kind::kForbidden);
    // The district writes for its own committee and its communes' teams.
    EXPECT_NO_THROW(service_.Submit(As(district_), district_committee_, Input("key-district-1")));
    EXPECT_NO_THROW(service_.Submit(As(district_), team_, Input("key-district-2")));
    // A committee may name a village of its commune, not one of another commune.
    auto input = Input("key-village-1");
    input.village_id = other_village_;
    EXPECT_EQ(KindOf([&] { service_.Submit(As(commune_), committee_, input); }), Kind::kInvalid);
    input.village_id = village_;
    auto entry = service_.Submit(As(commune_), committee_, input).entry;
    EXPECT_EQ(entry.village_id, village_);
    EXPECT_EQ(entry.commune_id, amusung_);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_logbook_entries"), 3);
}

TEST_P(LogbookServiceTest, TheCommuneOrAboveReviews) {
    auto entry = service_.Submit(As(village_officer_), team_, Input("key-review-1")).entry;
    // An account of the village writes its team's book but does not review it.
    EXPECT_FALSE(service_.CanReview(village_officer_, entry));
    EXPECT_EQ(KindOf([&] { service_.Review(As(village_officer_), entry.id, entry.version, ""); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Review(As(other_commune_), entry.id, entry.version, ""); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Review(As(viewer_), entry.id, entry.version, ""); }), Kind::kForbidden);
    EXPECT_TRUE(service_.CanReview(commune_, entry));
    auto reviewed = service_.Review(As(commune_), entry.id, entry.version, "  Ghi đầy đủ.  ");
    ASSERT_TRUE(reviewed.reviewed_at.has_value());
    EXPECT_EQ(reviewed.reviewed_by, "xa.amusung");
    EXPECT_EQ(reviewed.review_comment, "Ghi đầy đủ.");
    // A stale version writes nothing.
    EXPECT_EQ(KindOf([&] { service_.Review(As(district_), entry.id, entry.version, "Khác"); }), Kind::kConflict);
    EXPECT_EQ(service_.Get(admin_, entry.id).review_comment, "Ghi đầy đủ.");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'outreach.logbook.review'"), 1);
    // The commune's list shows review state.
    auto pending = LogbookQuery{};
    pending.review = ReviewFilter::kPending;
    EXPECT_EQ(service_.ListCommune(commune_, amusung_, pending).second.total, 0);
    pending.review = ReviewFilter::kReviewed;
    EXPECT_EQ(service_.ListCommune(commune_, amusung_, pending).second.total, 1);
}

TEST_P(LogbookServiceTest, ListsFilterByMonthAndFormNewestFirst) {
    service_.Submit(As(commune_), team_, Input("key-list-1", "02/10/2023"));
    service_.Submit(As(commune_), team_, Input("key-list-2", "20/10/2023"));
    auto loud = Input("key-list-3", "05/11/2023");
    loud.form = "loudspeaker";
    service_.Submit(As(commune_), team_, loud);
    auto all = service_.List(commune_, team_, LogbookQuery{});
    ASSERT_EQ(all.items.size(), 3u);
    EXPECT_EQ(all.items[0].day, "2023-11-05");
    EXPECT_EQ(all.items[2].day, "2023-10-02");
    LogbookQuery october;
    october.month = "2023-10";
    EXPECT_EQ(service_.List(commune_, team_, october).total, 2);
    LogbookQuery by_form;
    by_form.form = "loudspeaker";
    EXPECT_EQ(service_.List(commune_, team_, by_form).total, 1);
    LogbookQuery paged;
    paged.per_page = 2;
    paged.page = 2;
    auto second = service_.List(commune_, team_, paged);
    EXPECT_EQ(second.total, 3);
    ASSERT_EQ(second.items.size(), 1u);
    EXPECT_EQ(second.items[0].day, "2023-10-02");
}

TEST_P(LogbookServiceTest, CountsPerCommuneAndMonthInOneTable) {
    service_.Submit(As(commune_), team_, Input("key-count-1", "02/10/2023"));
    service_.Submit(As(commune_), committee_, Input("key-count-2", "20/10/2023"));
    service_.Submit(As(other_commune_), other_committee_, Input("key-count-3", "05/11/2023"));
    service_.Submit(As(district_), district_committee_, Input("key-count-4", "05/11/2023"));
    auto [unit, counts] = service_.Counts(district_, UnitId("082"), "2023-09", "2023-11");
    ASSERT_EQ(counts.months, (std::vector<std::string>{"2023-09", "2023-10", "2023-11"}));
    ASSERT_EQ(counts.communes.size(), 2u);
    const auto& amusung = counts.communes[0].commune_id == amusung_ ? counts.communes[0] : counts.communes[1];
    EXPECT_EQ(amusung.months[0].entries, 0);
    EXPECT_EQ(amusung.months[1].entries, 2);
    EXPECT_EQ(amusung.months[1].households, 24);
    EXPECT_EQ(amusung.total.people, 2100);
    EXPECT_EQ(counts.total.entries, 3);  // the district committee's own entry is no commune's
    EXPECT_EQ(KindOf([&] { service_.Counts(commune_, UnitId("082"), "", ""); }), Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Counts(district_, UnitId("082"), "2021-01", "2023-11"); }), Kind::kInvalid);
    EXPECT_EQ(KindOf([&] { service_.Counts(district_, UnitId("082"), "13/2023", ""); }), Kind::kInvalid);
}

TEST_P(LogbookServiceTest, ExportsInDateOrderAndMakesAnXlsx) {
    service_.Submit(As(commune_), team_, Input("key-export-2", "20/10/2023"));
    service_.Submit(As(commune_), team_, Input("key-export-1", "02/10/2023"));
    auto entries = service_.Export(commune_, team_, std::nullopt, "2023-01-01", "2023-11-15");
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].day, "2023-10-02");
    EXPECT_EQ(service_.Export(district_, std::nullopt, UnitId("082"), "01/10/2023", "31/10/2023").size(), 2u);
    EXPECT_EQ(KindOf([&] { service_.Export(other_commune_, team_, std::nullopt, "2023-01-01", "2023-11-15"); }),
              Kind::kForbidden);
    EXPECT_EQ(KindOf([&] { service_.Export(commune_, team_, std::nullopt, "2023-12-01", "2023-11-15"); }),
              Kind::kInvalid);
    auto bytes = LogbookXlsx(entries, "Sổ nhật ký");
    ASSERT_GT(bytes.size(), 1000u);
    EXPECT_EQ(bytes.substr(0, 2), "PK");
}

TEST_P(LogbookServiceTest, DemoFillsTwoYearsOnce) {
    auto report = LoadLogbookDemo(db_.Get(), kNow);
    EXPECT_EQ(report.bodies, 4);
    EXPECT_GT(report.entries, 150);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_logbook_entries WHERE day > '2023-11-15'"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_logbook_entries e JOIN outreach_bodies b ON b.id = e.body_id "
                    "WHERE b.established_on IS NOT NULL AND e.day < b.established_on"),
              0);
    EXPECT_EQ(LoadLogbookDemo(db_.Get(), kNow).entries, 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_logbook_entries"), report.entries);
}

INSTANTIATE_TEST_SUITE_P(Engines, LogbookServiceTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::outreach
