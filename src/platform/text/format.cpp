#include "platform/text/format.hpp"

#include <chrono>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace tuyenvan::text {

namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;
constexpr std::int64_t kMsPerMinute = 60'000;
// About 12,700 years either side of 1970: beyond it no offset can land in years 1-9999, and inside it the
// arithmetic stays far from int64 overflow and from the doubles ICU uses for dates losing whole milliseconds.
constexpr std::int64_t kEpochMsLimit = 400'000'000'000'000;
constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

struct LocalDateTime {
    int year;
    unsigned month;
    unsigned day;
    int minute_of_day;
};

// BasicTimeZone's offset queries are const and ICU documents const APIs as safe for concurrent use, so
// one immutable zone serves every thread; an icu::Calendar would need a lock or a clone per thread.
const icu::BasicTimeZone& VietnamTimeZone() {
    static const std::unique_ptr<const icu::BasicTimeZone> zone = [] {
        const icu::UnicodeString id =
            icu::UnicodeString::fromUTF8(icu::StringPiece(kTimeZoneId.data(), static_cast<int32_t>(kTimeZoneId.size())));
        std::unique_ptr<icu::TimeZone> created(icu::TimeZone::createTimeZone(id));
        auto* basic = dynamic_cast<icu::BasicTimeZone*>(created.get());
        if (basic == nullptr || *created == icu::TimeZone::getUnknown()) {
            throw std::runtime_error("text: ICU has no time zone Asia/Ho_Chi_Minh");
        }
        created.release();
        return std::unique_ptr<const icu::BasicTimeZone>(basic);
    }();
    return *zone;
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t quotient = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient;
}

std::optional<LocalDateTime> ToLocal(std::int64_t epoch_ms) {
    if (epoch_ms < -kEpochMsLimit || epoch_ms > kEpochMsLimit) {
        return std::nullopt;
    }
    int32_t raw_offset = 0;
    int32_t dst_offset = 0;
    UErrorCode status = U_ZERO_ERROR;
    VietnamTimeZone().getOffset(static_cast<UDate>(epoch_ms), false, raw_offset, dst_offset, status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("text: ICU time zone offset failed: ") + u_errorName(status));
    }
    const std::int64_t local_ms = epoch_ms + raw_offset + dst_offset;
    const std::int64_t days = FloorDiv(local_ms, kMsPerDay);
    const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days}}};
    const int year = static_cast<int>(date.year());
    if (year < kMinYear || year > kMaxYear) {
        return std::nullopt;
    }
    return LocalDateTime{year, static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                         static_cast<int>((local_ms - days * kMsPerDay) / kMsPerMinute)};
}

std::optional<std::int64_t> StartOfLocalDay(int year, unsigned month, unsigned day) {
    if (year < kMinYear || year > kMaxYear) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!date.ok()) {
        return std::nullopt;
    }
    const std::int64_t local_midnight =
        static_cast<std::int64_t>(std::chrono::sys_days{date}.time_since_epoch().count()) * kMsPerDay;
    int32_t raw_offset = 0;
    int32_t dst_offset = 0;
    UErrorCode status = U_ZERO_ERROR;
    // FORMER for a skipped midnight yields the instant of the clock change, i.e. the day's first instant;
    // FORMER for a repeated midnight yields its first occurrence.
    VietnamTimeZone().getOffsetFromLocal(static_cast<UDate>(local_midnight), UCAL_TZ_LOCAL_FORMER,
                                         UCAL_TZ_LOCAL_FORMER, raw_offset, dst_offset, status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("text: ICU local time offset failed: ") + u_errorName(status));
    }
    return local_midnight - raw_offset - dst_offset;
}

std::string_view TrimAsciiSpace(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

// Reads min_digits..max_digits ASCII digits from the front of s; nullopt when there are fewer, or more
// digits follow (so "123/4/2020" is not read as day 12).
std::optional<int> TakeNumber(std::string_view& s, std::size_t min_digits, std::size_t max_digits) {
    std::size_t count = 0;
    int value = 0;
    while (count < s.size() && count <= max_digits && s[count] >= '0' && s[count] <= '9') {
        value = value * 10 + (s[count] - '0');
        ++count;
    }
    if (count < min_digits || count > max_digits) {
        return std::nullopt;
    }
    s.remove_prefix(count);
    return value;
}

bool TakeChar(std::string_view& s, char expected) {
    if (s.empty() || s.front() != expected) {
        return false;
    }
    s.remove_prefix(1);
    return true;
}

}  // namespace

std::string FormatDate(std::int64_t epoch_ms) {
    const std::optional<LocalDateTime> local = ToLocal(epoch_ms);
    if (!local) {
        return {};
    }
    return fmt::format("{:02}/{:02}/{:04}", local->day, local->month, local->year);
}

std::string FormatDateTime(std::int64_t epoch_ms) {
    const std::optional<LocalDateTime> local = ToLocal(epoch_ms);
    if (!local) {
        return {};
    }
    return fmt::format("{:02}:{:02} {:02}/{:02}/{:04}", local->minute_of_day / 60, local->minute_of_day % 60,
                       local->day, local->month, local->year);
}

std::string FormatIsoDate(std::int64_t epoch_ms) {
    const std::optional<LocalDateTime> local = ToLocal(epoch_ms);
    if (!local) {
        return {};
    }
    return fmt::format("{:04}-{:02}-{:02}", local->year, local->month, local->day);
}

std::string FormatNumber(std::int64_t n) {
    // Work on the unsigned magnitude so that INT64_MIN needs no special case.
    std::uint64_t magnitude = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    char buffer[32];
    char* end = buffer + sizeof(buffer);
    char* p = end;
    int digits = 0;
    do {
        if (digits > 0 && digits % 3 == 0) {
            *--p = '.';
        }
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
        ++digits;
    } while (magnitude != 0);
    if (n < 0) {
        *--p = '-';
    }
    return std::string(p, end);
}

std::optional<std::int64_t> ParseDate(std::string_view dd_mm_yyyy) {
    std::string_view rest = TrimAsciiSpace(dd_mm_yyyy);
    const std::optional<int> day = TakeNumber(rest, 1, 2);
    if (!day || !TakeChar(rest, '/')) {
        return std::nullopt;
    }
    const std::optional<int> month = TakeNumber(rest, 1, 2);
    if (!month || !TakeChar(rest, '/')) {
        return std::nullopt;
    }
    const std::optional<int> year = TakeNumber(rest, 4, 4);
    if (!year || !rest.empty()) {
        return std::nullopt;
    }
    return StartOfLocalDay(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
}

std::optional<std::int64_t> ParseIsoDate(std::string_view yyyy_mm_dd) {
    std::string_view rest = TrimAsciiSpace(yyyy_mm_dd);
    const std::optional<int> year = TakeNumber(rest, 4, 4);
    if (!year || !TakeChar(rest, '-')) {
        return std::nullopt;
    }
    const std::optional<int> month = TakeNumber(rest, 2, 2);
    if (!month || !TakeChar(rest, '-')) {
        return std::nullopt;
    }
    const std::optional<int> day = TakeNumber(rest, 2, 2);
    if (!day || !rest.empty()) {
        return std::nullopt;
    }
    return StartOfLocalDay(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
}

}  // namespace tuyenvan::text
