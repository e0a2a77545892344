#include "outreach/conference_status.hpp"

#include <algorithm>
#include <cstdio>

namespace tuyenvan::outreach {
namespace {

bool Digits(std::string_view text, std::size_t from, std::size_t count) {
    if (text.size() < from + count) {
        return false;
    }
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    return true;
}

int Number(std::string_view text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool LeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int MonthDays(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && LeapYear(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil and civil_from_days (proleptic Gregorian).
long FromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string Format(int y, int m, int d) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
    return buffer;
}

std::string FormatMonth(int y, int m) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", y, m);
    return buffer;
}

}  // namespace

const std::vector<ConferenceStatus>& AllConferenceStatuses() {
    static const std::vector<ConferenceStatus> kAll = {
        ConferenceStatus::kNotRegistered,  ConferenceStatus::kRegistered, ConferenceStatus::kChanged,
        ConferenceStatus::kHeldOnSchedule, ConferenceStatus::kHeldLate,   ConferenceStatus::kHeldWithoutRecord,
        ConferenceStatus::kNotHeld};
    return kAll;
}

std::string_view StatusName(ConferenceStatus status) {
    switch (status) {
        case ConferenceStatus::kNotRegistered:
            return "not_registered";
        case ConferenceStatus::kRegistered:
            return "registered";
        case ConferenceStatus::kChanged:
            return "changed";
        case ConferenceStatus::kHeldOnSchedule:
            return "held_on_schedule";
        case ConferenceStatus::kHeldLate:
            return "held_late";
        case ConferenceStatus::kHeldWithoutRecord:
            return "held_without_record";
        case ConferenceStatus::kNotHeld:
            return "not_held";
    }
    return "not_registered";
}

std::string_view StatusLabel(ConferenceStatus status) {
    switch (status) {
        case ConferenceStatus::kNotRegistered:
            return "Chưa đăng ký";
        case ConferenceStatus::kRegistered:
            return "Đã đăng ký";
        case ConferenceStatus::kChanged:
            return "Đã điều chỉnh lịch (có báo trước)";
        case ConferenceStatus::kHeldOnSchedule:
            return "Tổ chức đúng lịch";
        case ConferenceStatus::kHeldLate:
            return "Tổ chức muộn";
        case ConferenceStatus::kHeldWithoutRecord:
            return "Đã đến hạn, chưa có biên bản";
        case ConferenceStatus::kNotHeld:
            return "Không tổ chức";
    }
    return "";
}

StatusResult ComputeStatus(const StatusFacts& facts) {
    StatusResult result;
    std::string previous = PreviousMonth(facts.month);
    int deadline_day = std::clamp(facts.rule.registration_day, 1, DaysInMonth(previous));
    result.registration_deadline = previous + "-" + (deadline_day < 10 ? "0" : "") + std::to_string(deadline_day);
    std::string month_end = facts.month + "-" + std::to_string(DaysInMonth(facts.month));

    if (facts.registered) {
        result.scheduled_date = facts.original_date;
        for (const auto& change : facts.changes) {
            // Only a change made before the date it moves is a notice.
            if (change.made_on < change.before_date && change.before_date == result.scheduled_date) {
                result.scheduled_date = change.after_date;
                ++result.notices;
            }
        }
        result.registered_late = facts.registered_on > result.registration_deadline;
        result.record_deadline = AddDays(result.scheduled_date, facts.rule.record_due_days);
    }

    if (facts.held_date) {
        result.status = facts.registered && *facts.held_date == result.scheduled_date
                            ? ConferenceStatus::kHeldOnSchedule
                            : ConferenceStatus::kHeldLate;
        if (facts.submitted_on) {
            std::string due =
                facts.registered ? result.record_deadline : AddDays(*facts.held_date, facts.rule.record_due_days);
            result.record_late = *facts.submitted_on > due;
        }
        return result;
    }
    if (!facts.registered) {
        result.status = facts.today > month_end ? ConferenceStatus::kNotHeld : ConferenceStatus::kNotRegistered;
        return result;
    }
    if (facts.today > result.record_deadline) {
        result.status = ConferenceStatus::kHeldWithoutRecord;
    } else {
        result.status = result.notices > 0 ? ConferenceStatus::kChanged : ConferenceStatus::kRegistered;
    }
    return result;
}

bool IsMonth(std::string_view text) {
    if (text.size() != 7 || !Digits(text, 0, 4) || text[4] != '-' || !Digits(text, 5, 2)) {
        return false;
    }
    int year = Number(text, 0, 4);
    int month = Number(text, 5, 2);
    return year >= 1900 && month >= 1 && month <= 12;
}

bool IsDate(std::string_view text) {
    if (text.size() != 10 || !IsMonth(text.substr(0, 7)) || text[7] != '-' || !Digits(text, 8, 2)) {
        return false;
    }
    int day = Number(text, 8, 2);
    return day >= 1 && day <= MonthDays(Number(text, 0, 4), Number(text, 5, 2));
}

bool IsClock(std::string_view text) {
    return text.size() == 5 && Digits(text, 0, 2) && text[2] == ':' && Digits(text, 3, 2) && Number(text, 0, 2) < 24 &&
           Number(text, 3, 2) < 60;
}

long DaysOf(std::string_view date) {
    return FromCivil(Number(date, 0, 4), Number(date, 5, 2), Number(date, 8, 2));
}

std::string DateOfDays(long days) {
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
    return Format(y, m, d);
}

std::string AddDays(std::string_view date, long days) {
    return DateOfDays(DaysOf(date) + days);
}

int DaysInMonth(std::string_view month) {
    return MonthDays(Number(month, 0, 4), Number(month, 5, 2));
}

std::string PreviousMonth(std::string_view month) {
    int y = Number(month, 0, 4);
    int m = Number(month, 5, 2);
    return m == 1 ? FormatMonth(y - 1, 12) : FormatMonth(y, m - 1);
}

std::string NextMonth(std::string_view month) {
    int y = Number(month, 0, 4);
    int m = Number(month, 5, 2);
    return m == 12 ? FormatMonth(y + 1, 1) : FormatMonth(y, m + 1);
}

int Weekday(std::string_view date) {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    long days = DaysOf(date);
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::string ShowDate(std::string_view date) {
    if (date.size() != 10) {
        return std::string(date);
    }
    return std::string(date.substr(8, 2)) + "/" + std::string(date.substr(5, 2)) + "/" + std::string(date.substr(0, 4));
}

std::string ShowMonth(std::string_view month) {
    if (month.size() != 7) {
        return std::string(month);
    }
    return std::string(month.substr(5, 2)) + "/" + std::string(month.substr(0, 4));
}

std::optional<std::string> ReadDate(std::string_view text) {
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    if (IsDate(text)) {
        return std::string(text);
    }
    // d/m/yyyy or dd/mm/yyyy
    auto first = text.find('/');
    auto second = first == std::string_view::npos ? first : text.find('/', first + 1);
    if (second == std::string_view::npos || first == 0 || first > 2 || second - first - 1 == 0 ||
        second - first - 1 > 2 || text.size() - second - 1 != 4) {
        return std::nullopt;
    }
    if (!Digits(text, 0, first) || !Digits(text, first + 1, second - first - 1) || !Digits(text, second + 1, 4)) {
        return std::nullopt;
    }
    std::string iso =
        Format(Number(text, second + 1, 4), Number(text, first + 1, second - first - 1), Number(text, 0, first));
    if (!IsDate(iso)) {
        return std::nullopt;
    }
    return iso;
}

}  // namespace tuyenvan::outreach
