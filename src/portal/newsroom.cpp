#include "portal/newsroom.hpp"

#include <chrono>

#include "platform/text/format.hpp"
#include "portal/routes.hpp"

namespace tuyenvan::portal {
namespace newsroom {
namespace {

constexpr std::int64_t kMinuteMs = 60 * 1000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::int64_t kDayMs = 24 * kHourMs;

// Reads exactly `width` ASCII digits at `at`; advances past them.
std::optional<int> Digits(std::string_view text, std::size_t& at, std::size_t width) {
    if (at + width > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = at; i < at + width; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
        value = value * 10 + (text[i] - '0');
    }
    at += width;
    return value;
}

bool Take(std::string_view text, std::size_t& at, char expected) {
    if (at < text.size() && text[at] == expected) {
        ++at;
        return true;
    }
    return false;
}

// "HH:MM[:SS[.fraction]]" from `at`: milliseconds since midnight.
std::optional<std::int64_t> TimeOfDay(std::string_view text, std::size_t& at, bool allow_fraction) {
    auto hour = Digits(text, at, 2);
    if (!hour || !Take(text, at, ':')) {
        return std::nullopt;
    }
    auto minute = Digits(text, at, 2);
    if (!minute || *hour > 23 || *minute > 59) {
        return std::nullopt;
    }
    std::int64_t ms = *hour * kHourMs + *minute * kMinuteMs;
    if (Take(text, at, ':')) {
        auto second = Digits(text, at, 2);
        if (!second || *second > 59) {
            return std::nullopt;
        }
        ms += *second * 1000;
        if (Take(text, at, '.')) {
            if (!allow_fraction) {
                return std::nullopt;
            }
            std::size_t start = at;
            std::int64_t scale = 100;
            while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
                ms += (text[at] - '0') * scale;
                scale /= 10;
                ++at;
            }
            if (at == start || at - start > 9) {
                return std::nullopt;
            }
        }
    }
    return ms;
}

}  // namespace

std::optional<std::int64_t> ParseLocalDateTime(std::string_view text) {
    if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ')) {
        return std::nullopt;
    }
    auto day = text::ParseIsoDate(text.substr(0, 10));
    std::size_t at = 11;
    auto time = TimeOfDay(text, at, false);
    if (!day || !time || at != text.size()) {
        return std::nullopt;
    }
    // Việt Nam has kept one offset without daylight saving since 1975, so local midnight plus the
    // time of day is the instant.
    return *day + *time;
}

std::string FormatLocalDateTime(std::int64_t epoch_ms) {
    std::string date = text::FormatIsoDate(epoch_ms);
    std::string clock = text::FormatDateTime(epoch_ms);
    if (date.empty() || clock.size() < 5) {
        return {};
    }
    return date + "T" + clock.substr(0, 5);
}

std::optional<std::int64_t> ParseIsoInstant(std::string_view text) {
    using namespace std::chrono;
    std::size_t at = 0;
    auto y = Digits(text, at, 4);
    if (!y || !Take(text, at, '-')) {
        return std::nullopt;
    }
    auto m = Digits(text, at, 2);
    if (!m || !Take(text, at, '-')) {
        return std::nullopt;
    }
    auto d = Digits(text, at, 2);
    if (!d || !(Take(text, at, 'T') || Take(text, at, 't') || Take(text, at, ' '))) {
        return std::nullopt;
    }
    year_month_day date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    auto time = TimeOfDay(text, at, true);
    if (*y < 1 || !date.ok() || !time) {
        return std::nullopt;
    }
    std::int64_t offset = 0;
    if (Take(text, at, 'Z') || Take(text, at, 'z')) {
        offset = 0;
    } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        int sign = text[at] == '-' ? -1 : 1;
        ++at;
        auto hours = Digits(text, at, 2);
        Take(text, at, ':');
        auto minutes = Digits(text, at, 2);
        if (!hours || !minutes || *hours > 23 || *minutes > 59) {
            return std::nullopt;
        }
        offset = sign * (*hours * kHourMs + *minutes * kMinuteMs);
    } else {
        return std::nullopt;
    }
    if (at != text.size()) {
        return std::nullopt;
    }
    std::int64_t days = sys_days(date).time_since_epoch().count();
    return days * kDayMs + *time - offset;
}

ItemFields FieldsOf(const Item& item) { return EditableFields(item); }

std::string FormatWhen(std::int64_t epoch_ms) {
    std::string clock = text::FormatDateTime(epoch_ms);
    if (clock.size() < 6) {
        return clock;
    }
    // FormatDateTime puts the time first ("14:30 05/03/2026"); the newsroom reads the date first.
    return clock.substr(6) + " " + clock.substr(0, 5);
}

std::string_view ActionLabel(std::string_view action) {
    if (action == "create") return "Tạo bản nháp";
    if (action == "update") return "Sửa nội dung";
    if (action == "submit") return "Gửi duyệt";
    if (action == "return") return "Trả lại";
    if (action == "approve") return "Duyệt";
    if (action == "publish") return "Đăng";
    if (action == "schedule") return "Hẹn giờ đăng";
    if (action == "withdraw") return "Gỡ bài";
    if (action == "revise") return "Lưu bản sửa (chờ đăng)";
    if (action == "correct") return "Đăng bản sửa";
    if (action == "discard") return "Bỏ bản sửa";
    return action;
}

}  // namespace newsroom

void RegisterNewsroomRoutes(http::Router& router, const org::Web& web, Service& service) {
    newsroom::RegisterPages(router, web, service);
    newsroom::RegisterApi(router, web, service);
    RegisterStatisticsRoutes(router, web, service);
}

}  // namespace tuyenvan::portal
