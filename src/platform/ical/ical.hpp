// iCalendar (RFC 5545) documents for calendar apps: events in the Asia/Ho_Chi_Minh time zone with
// TEXT escaping, lines folded at 75 octets without splitting a UTF-8 sequence, and CRLF line ends.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::ical {

/// The time zone every event's local times are in; the calendar carries its VTIMEZONE.
inline constexpr std::string_view kTimeZone = "Asia/Ho_Chi_Minh";

/// One VEVENT.
struct Event {
    std::string uid;             ///< globally unique and stable across updates ("hoi-nghi-12@tuyenvan")
    std::int64_t stamp_ms = 0;   ///< DTSTAMP: when this version of the event was last changed (UTC)
    std::string start;           ///< local start "yyyy-mm-ddThh:mm"
    int duration_minutes = 120;  ///< DTEND is computed from it
    std::string summary;
    std::string location;
    std::string description;
    std::string url;   ///< optional absolute URL
    int sequence = 0;  ///< bumped at every schedule change, so apps replace the old copy
    bool cancelled = false;
};

/// A VCALENDAR.
struct Calendar {
    std::string name;  ///< X-WR-CALNAME shown by calendar apps
    std::vector<Event> events;
};

/// Escapes a TEXT value: backslash, semicolon, comma and new lines (CRLF, CR or LF become "\n").
std::string EscapeText(std::string_view text);

/// One content line folded at 75 octets ("\r\n " continues it), never inside a UTF-8 sequence, ending
/// with CRLF. `line` must not contain CR or LF.
std::string FoldLine(std::string_view line);

/// The whole document.
std::string Render(const Calendar& calendar);

/// "yyyymmddThhmmssZ" of a UTC instant in epoch milliseconds.
std::string UtcStamp(std::int64_t epoch_ms);

}  // namespace tuyenvan::ical
