#include "outreach/conference_status.hpp"

#include <gtest/gtest.h>

namespace tuyenvan::outreach {
namespace {

// A May 2026 conference registered on 20/04 for 15/05; the rule: register by the 25th, record within 5 days.
StatusFacts Registered(const std::string& today) {
    StatusFacts facts;
    facts.month = "2026-05";
    facts.registered = true;
    facts.registered_on = "2026-04-20";
    facts.original_date = "2026-05-15";
    facts.rule = DeadlineRule{25, 5};
    facts.today = today;
    return facts;
}

TEST(ConferenceStatusTest, NotRegisteredWhileTheMonthRuns) {
    StatusFacts facts;
    facts.month = "2026-05";
    facts.rule = DeadlineRule{25, 5};
    facts.today = "2026-05-31";
    auto result = ComputeStatus(facts);
    EXPECT_EQ(result.status, ConferenceStatus::kNotRegistered);
    EXPECT_EQ(result.registration_deadline, "2026-04-25");
    EXPECT_TRUE(result.scheduled_date.empty());
}

TEST(ConferenceStatusTest, NotHeldWhenTheMonthEndedWithNothing) {
    StatusFacts facts;
    facts.month = "2026-05";
    facts.today = "2026-06-01";
    EXPECT_EQ(ComputeStatus(facts).status, ConferenceStatus::kNotHeld);
}

TEST(ConferenceStatusTest, RegisteredUntilTheRecordDeadline) {
    EXPECT_EQ(ComputeStatus(Registered("2026-04-21")).status, ConferenceStatus::kRegistered);
    // After the conference day, still "registered" while the record may come (15 + 5 = 20/05).
    auto result = ComputeStatus(Registered("2026-05-20"));
    EXPECT_EQ(result.status, ConferenceStatus::kRegistered);
    EXPECT_EQ(result.record_deadline, "2026-05-20");
    EXPECT_FALSE(result.registered_late);
}

TEST(ConferenceStatusTest, HeldWithoutRecordAfterTheRecordDeadline) {
    auto result = ComputeStatus(Registered("2026-05-21"));
    EXPECT_EQ(result.status, ConferenceStatus::kHeldWithoutRecord);
}

TEST(ConferenceStatusTest, ChangedWithNoticeMovesTheScheduledDate) {
    auto facts = Registered("2026-05-10");
    facts.changes.push_back(ChangeFact{"2026-05-10", "2026-05-15", "2026-05-22"});
    auto result = ComputeStatus(facts);
    EXPECT_EQ(result.status, ConferenceStatus::kChanged);
    EXPECT_EQ(result.scheduled_date, "2026-05-22");
    EXPECT_EQ(result.record_deadline, "2026-05-27");
    EXPECT_EQ(result.notices, 1);
    // The record deadline follows the new date.
    facts.today = "2026-05-27";
    EXPECT_EQ(ComputeStatus(facts).status, ConferenceStatus::kChanged);
    facts.today = "2026-05-28";
    EXPECT_EQ(ComputeStatus(facts).status, ConferenceStatus::kHeldWithoutRecord);
}

TEST(ConferenceStatusTest, ChangeOnOrAfterTheDateItMovesIsNoNotice) {
    auto facts = Registered("2026-05-16");
    facts.changes.push_back(ChangeFact{"2026-05-15", "2026-05-15", "2026-05-25"});
    auto result = ComputeStatus(facts);
    EXPECT_EQ(result.notices, 0);
    EXPECT_EQ(result.scheduled_date, "2026-05-15");
    EXPECT_EQ(result.status, ConferenceStatus::kRegistered);
}

TEST(ConferenceStatusTest, SecondChangeMovesFromTheFirstChangesDate) {
    auto facts = Registered("2026-05-12");
    facts.changes.push_back(ChangeFact{"2026-05-10", "2026-05-15", "2026-05-22"});
    facts.changes.push_back(ChangeFact{"2026-05-12", "2026-05-22", "2026-05-29"});
    auto result = ComputeStatus(facts);
    EXPECT_EQ(result.scheduled_date, "2026-05-29");
    EXPECT_EQ(result.notices, 2);
}

TEST(ConferenceStatusTest, HeldOnSchedule) {
    auto facts = Registered("2026-05-16");
    facts.held_date = "2026-05-15";
    facts.submitted_on = "2026-05-16";
    auto result = ComputeStatus(facts);
    EXPECT_EQ(result.status, ConferenceStatus::kHeldOnSchedule);
    EXPECT_FALSE(result.record_late);
}

TEST(ConferenceStatusTest, HeldOnTheChangedDateIsOnSchedule) {
    auto facts = Registered("2026-05-23");
    facts.changes.push_back(ChangeFact{"2026-05-10", "2026-05-15", "2026-05-22"});
    facts.held_date = "2026-05-22";
    facts.submitted_on = "2026-05-23";
    EXPECT_EQ(ComputeStatus(facts).status, ConferenceStatus::kHeldOnSchedule);
}

TEST(ConferenceStatusTest, RecordSubmittedAfterItsDeadlineIsFlagged) {
    auto facts = Registered("2026-06-02");
    facts.held_date = "2026-05-15";
    facts.submitted_on = "2026-05-21";
    auto result = ComputeStatus(facts);
    EXPECT_EQ(result.status, ConferenceStatus::kHeldOnSchedule);
    EXPECT_TRUE(result.record_late);
}

TEST(ConferenceStatusTest, HeldLateAfterTheScheduledDateEvenAfterTheMonth) {
    auto facts = Registered("2026-06-05");
    facts.held_date = "2026-05-18";
    facts.submitted_on = "2026-05-18";
    EXPECT_EQ(ComputeStatus(facts).status, ConferenceStatus::kHeldLate);
    facts.held_date = "2026-06-03";
    EXPECT_EQ(ComputeStatus(facts).status, ConferenceStatus::kHeldLate);
}

TEST(ConferenceStatusTest, HeldWithoutRegistrationIsLate) {
    StatusFacts facts;
    facts.month = "2026-05";
    facts.held_date = "2026-05-15";
    facts.submitted_on = "2026-05-25";
    facts.rule = DeadlineRule{25, 5};
    facts.today = "2026-05-25";
    auto result = ComputeStatus(facts);
    EXPECT_EQ(result.status, ConferenceStatus::kHeldLate);
    EXPECT_TRUE(result.record_late);
}

TEST(ConferenceStatusTest, LateRegistrationIsFlagged) {
    auto facts = Registered("2026-04-26");
    facts.registered_on = "2026-04-26";
    EXPECT_TRUE(ComputeStatus(facts).registered_late);
    facts.registered_on = "2026-04-25";
    EXPECT_FALSE(ComputeStatus(facts).registered_late);
}

TEST(ConferenceStatusTest, RegistrationDayBeyondAShortMonthIsItsLastDay) {
    StatusFacts facts;
    facts.month = "2026-03";
    facts.rule = DeadlineRule{31, 5};
    facts.today = "2026-02-01";
    EXPECT_EQ(ComputeStatus(facts).registration_deadline, "2026-02-28");
    facts.month = "2024-03";
    EXPECT_EQ(ComputeStatus(facts).registration_deadline, "2024-02-29");
    facts.month = "2026-01";
    facts.rule.registration_day = 5;
    EXPECT_EQ(ComputeStatus(facts).registration_deadline, "2025-12-05");
}

TEST(ConferenceStatusTest, EveryStatusHasANameAndAVietnameseLabel) {
    for (auto status : AllConferenceStatuses()) {
        EXPECT_FALSE(StatusName(status).empty());
        EXPECT_FALSE(StatusLabel(status).empty());
    }
    EXPECT_EQ(AllConferenceStatuses().size(), 7u);
}

TEST(CalendarTextTest, DatesMonthsAndClocks) {
    EXPECT_TRUE(IsMonth("2026-05"));
    EXPECT_FALSE(IsMonth("2026-13"));
    EXPECT_FALSE(IsMonth("2026-5"));
    EXPECT_TRUE(IsDate("2024-02-29"));
    EXPECT_FALSE(IsDate("2026-02-29"));
    EXPECT_TRUE(IsClock("07:30"));
    EXPECT_FALSE(IsClock("24:00"));
    EXPECT_EQ(AddDays("2026-12-30", 3), "2027-01-02");
    EXPECT_EQ(NextMonth("2026-12"), "2027-01");
    EXPECT_EQ(PreviousMonth("2026-01"), "2025-12");
    EXPECT_EQ(Weekday("2026-11-27"), 4);  // a Friday
    EXPECT_EQ(ShowDate("2026-05-07"), "07/05/2026");
    EXPECT_EQ(ReadDate("7/5/2026"), std::optional<std::string>("2026-05-07"));
    EXPECT_EQ(ReadDate("2026-05-07"), std::optional<std::string>("2026-05-07"));
    EXPECT_FALSE(ReadDate("31/02/2026"));
    EXPECT_FALSE(ReadDate("1/2/26"));
    EXPECT_EQ(DateOfDays(DaysOf("1999-12-31")), "1999-12-31");
}

}  // namespace
}  // namespace tuyenvan::outreach
