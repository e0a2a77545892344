#include "platform/text/format.hpp"

#include <chrono>
#include <cstdint>
#include <limits>
#include <memory>
#include <random>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

namespace tuyenvan::text {
namespace {

constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kDayMs = 24 * kHourMs;

TEST(FormatTest, EpochZeroIsEightInTheMorningBecauseSaigonWasUtcPlus8In1970) {
    // Asia/Ho_Chi_Minh follows South Vietnam's history: UTC+8 from 1960 until 13/06/1975 (tzdata, which ICU
    // and /usr/share/zoneinfo agree on). A plain UTC+7 would say 07:00.
    EXPECT_EQ(FormatDate(0), "01/01/1970");
    EXPECT_EQ(FormatDateTime(0), "08:00 01/01/1970");
    EXPECT_EQ(FormatDateTime(-1), "07:59 01/01/1970");
    EXPECT_EQ(FormatIsoDate(0), "1970-01-01");
}

TEST(FormatTest, EveningInUtcIsTheNextDayInVietnam) {
    const std::int64_t utc_2020_03_04_2000 = 1'583'352'000'000;
    EXPECT_EQ(FormatDate(utc_2020_03_04_2000), "05/03/2020");
    EXPECT_EQ(FormatDateTime(utc_2020_03_04_2000), "03:00 05/03/2020");
    EXPECT_EQ(FormatIsoDate(utc_2020_03_04_2000), "2020-03-05");
    EXPECT_EQ(FormatDate(utc_2020_03_04_2000 - 3 * kHourMs - 1), "04/03/2020");
}

TEST(FormatTest, DateTimeIsTwentyFourHourWithLeadingZeros) {
    EXPECT_EQ(FormatDateTime(1'583'392'020'000), "14:07 05/03/2020");    // 2020-03-05T07:07Z
    EXPECT_EQ(FormatDateTime(1'583'341'200'000 - 1), "23:59 04/03/2020");  // a millisecond before midnight
    EXPECT_EQ(FormatDateTime(1'583'341'200'000), "00:00 05/03/2020");
}

TEST(FormatTest, ClockChangeOf1975) {
    const std::int64_t change = 171'820'800'000;  // 1975-06-12T16:00Z: UTC+8 becomes UTC+7
    EXPECT_EQ(FormatDateTime(change - 60'000), "23:59 12/06/1975");
    EXPECT_EQ(FormatDateTime(change), "23:00 12/06/1975");
    EXPECT_EQ(ParseDate("13/06/1975"), std::optional<std::int64_t>(change + kHourMs));
}

TEST(FormatTest, SkippedMidnightParsesAsTheFirstInstantOfTheDay) {
    // At 00:00 on 01/04/1947 clocks jumped to 01:00 (UTC+7 to UTC+8), so that day began at 01:00.
    const std::int64_t change = -718'095'600'000;  // 1947-03-31T17:00Z
    EXPECT_EQ(ParseDate("01/04/1947"), std::optional<std::int64_t>(change));
    EXPECT_EQ(FormatDateTime(change), "01:00 01/04/1947");
    EXPECT_EQ(FormatDateTime(change - 1), "23:59 31/03/1947");
}

TEST(FormatTest, FormatNumberGroupsThousandsWithDots) {
    EXPECT_EQ(FormatNumber(0), "0");
    EXPECT_EQ(FormatNumber(7), "7");
    EXPECT_EQ(FormatNumber(-12), "-12");
    EXPECT_EQ(FormatNumber(999), "999");
    EXPECT_EQ(FormatNumber(1000), "1.000");
    EXPECT_EQ(FormatNumber(-1000), "-1.000");
    EXPECT_EQ(FormatNumber(123456), "123.456");
    EXPECT_EQ(FormatNumber(1234567), "1.234.567");
    EXPECT_EQ(FormatNumber(-999999), "-999.999");
    EXPECT_EQ(FormatNumber(std::numeric_limits<std::int64_t>::max()), "9.223.372.036.854.775.807");
    EXPECT_EQ(FormatNumber(std::numeric_limits<std::int64_t>::min()), "-9.223.372.036.854.775.808");
}

TEST(FormatTest, ParseDateReturnsLocalMidnight) {
    const std::optional<std::int64_t> expected = 1'583'341'200'000;  // 2020-03-04T17:00Z
    EXPECT_EQ(ParseDate("05/03/2020"), expected);
    EXPECT_EQ(ParseDate("5/3/2020"), expected);
    EXPECT_EQ(ParseDate("05/3/2020"), expected);
    EXPECT_EQ(ParseDate(" 05/03/2020\t"), expected);
    EXPECT_EQ(ParseIsoDate("2020-03-05"), expected);
    EXPECT_EQ(ParseIsoDate("2020-03-05 "), expected);
    EXPECT_EQ(ParseDate("01/07/2025"), std::optional<std::int64_t>(1'751'302'800'000));
}

TEST(FormatTest, ParseDateRejectsDatesThatDoNotExist) {
    for (const char* text : {"31/02/2020", "30/02/2020", "29/02/2019", "29/02/1900", "00/01/2020", "01/00/2020",
                             "32/01/2020", "01/13/2020", "31/04/2020", "01/01/0000"}) {
        EXPECT_EQ(ParseDate(text), std::nullopt) << text;
    }
    EXPECT_NE(ParseDate("29/02/2020"), std::nullopt);
    EXPECT_NE(ParseDate("29/02/2000"), std::nullopt);
    EXPECT_NE(ParseDate("31/12/9999"), std::nullopt);
    EXPECT_NE(ParseDate("01/01/0001"), std::nullopt);
}

TEST(FormatTest, ParseDateRejectsJunk) {
    for (const char* text : {"", " ", "junk", "05/03/20", "05/03/02020", "005/03/2020", "05/003/2020", "5/3",
                             "05-03-2020", "05.03.2020", "2020-03-05", "05/03/2020x", "x05/03/2020", "05 /03/2020",
                             "+5/3/2020", "-5/3/2020", "５/3/2020", "05/03/2020/", "0x5/03/2020", "05//2020"}) {
        EXPECT_EQ(ParseDate(text), std::nullopt) << text;
    }
}

TEST(FormatTest, ParseIsoDateIsStrict) {
    for (const char* text : {"", "2020-3-5", "2020-03-5", "20-03-05", "2020/03/05", "20200305", "2020-02-30",
                             "2020-13-01", "0000-01-01", "2020-03-05T00:00", "05/03/2020", "2020-03-05-"}) {
        EXPECT_EQ(ParseIsoDate(text), std::nullopt) << text;
    }
}

TEST(FormatTest, EveryDayFrom1900To2100RoundTripsAndStartsTheDay) {
    using std::chrono::sys_days;
    using std::chrono::year_month_day;
    const sys_days first = year_month_day{std::chrono::year{1900}, std::chrono::January, std::chrono::day{1}};
    const sys_days last = year_month_day{std::chrono::year{2100}, std::chrono::December, std::chrono::day{31}};
    for (sys_days day = first; day <= last; day += std::chrono::days{1}) {
        const year_month_day date{day};
        const int y = static_cast<int>(date.year());
        const unsigned m = static_cast<unsigned>(date.month());
        const unsigned d = static_cast<unsigned>(date.day());
        const std::string iso = fmt::format("{:04}-{:02}-{:02}", y, m, d);
        const std::string vietnamese = fmt::format("{:02}/{:02}/{:04}", d, m, y);

        const std::optional<std::int64_t> start = ParseIsoDate(iso);
        ASSERT_TRUE(start.has_value()) << iso;
        ASSERT_EQ(ParseDate(vietnamese), start) << vietnamese;
        ASSERT_EQ(ParseDate(fmt::format("{}/{}/{:04}", d, m, y)), start);
        ASSERT_EQ(FormatIsoDate(*start), iso);
        ASSERT_EQ(FormatDate(*start), vietnamese);
        // The instant before belongs to the previous day, so this is the day's first instant.
        ASSERT_NE(FormatIsoDate(*start - 1), iso) << iso;
        ASSERT_EQ(FormatIsoDate(*start + kDayMs - 2 * kHourMs), iso) << iso;
    }
}

TEST(FormatTest, AgreesWithIcuGregorianCalendar) {
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar calendar(icu::TimeZone::createTimeZone("Asia/Ho_Chi_Minh"), status);
    ASSERT_TRUE(U_SUCCESS(status));
    std::mt19937_64 random(1975);
    // 1900-01-01 to 2100-01-01.
    std::uniform_int_distribution<std::int64_t> instant(-2'208'988'800'000, 4'102'444'800'000);
    for (int round = 0; round < 20000; ++round) {
        const std::int64_t t = instant(random);
        calendar.setTime(static_cast<UDate>(t), status);
        const std::string expected =
            fmt::format("{:02}:{:02} {:02}/{:02}/{:04}", calendar.get(UCAL_HOUR_OF_DAY, status),
                        calendar.get(UCAL_MINUTE, status), calendar.get(UCAL_DATE, status),
                        calendar.get(UCAL_MONTH, status) + 1, calendar.get(UCAL_YEAR, status));
        ASSERT_TRUE(U_SUCCESS(status));
        ASSERT_EQ(FormatDateTime(t), expected) << t;
    }
}

TEST(FormatTest, InstantsOutsideYears1To9999FormatEmpty) {
    EXPECT_EQ(FormatDate(std::numeric_limits<std::int64_t>::max()), "");
    EXPECT_EQ(FormatDate(std::numeric_limits<std::int64_t>::min()), "");
    EXPECT_EQ(FormatDateTime(std::numeric_limits<std::int64_t>::min()), "");
    EXPECT_EQ(FormatIsoDate(253'402'300'800'000), "");  // 10000-01-01T00:00Z
    const std::optional<std::int64_t> last_day = ParseDate("31/12/9999");
    ASSERT_TRUE(last_day.has_value());
    EXPECT_EQ(FormatDate(*last_day), "31/12/9999");
    EXPECT_EQ(FormatDateTime(*last_day + kDayMs - 1), "23:59 31/12/9999");
    EXPECT_EQ(FormatDate(*last_day + kDayMs), "");
    const std::optional<std::int64_t> first_day = ParseDate("01/01/0001");
    ASSERT_TRUE(first_day.has_value());
    EXPECT_EQ(FormatIsoDate(*first_day), "0001-01-01");
    EXPECT_EQ(FormatDate(*first_day - 1), "");
}

}  // namespace
}  // namespace tuyenvan::text
