#include "platform/ical/ical.hpp"

#include <cstdio>

namespace tuyenvan::ical {
namespace {

// days since 1970-01-01 → civil date (Howard Hinnant's algorithm).
void CivilFromDays(long days, int& y, int& m, int& d) {
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

long DaysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int Field(std::string_view text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count && i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9') {
            value = value * 10 + (text[i] - '0');
        }
    }
    return value;
}

// "yyyy-mm-ddThh:mm" plus minutes → "yyyymmddThhmm00" (local, floating arithmetic: the zone has no DST).
std::string LocalStamp(std::string_view start, int plus_minutes) {
    long minutes = DaysFromCivil(Field(start, 0, 4), Field(start, 5, 2), Field(start, 8, 2)) * 1440 +
                   Field(start, 11, 2) * 60 + Field(start, 14, 2) + plus_minutes;
    long days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
    long rest = minutes - days * 1440;
    int y = 0, m = 0, d = 0;
    CivilFromDays(days, y, m, d);
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02dT%02d%02d00", y, m, d, static_cast<int>(rest / 60),
                  static_cast<int>(rest % 60));
    return buffer;
}

void Add(std::string& out, std::string_view name, std::string_view value) {
    std::string line(name);
    line += ':';
    line += value;
    out += FoldLine(line);
}

}  // namespace

std::string EscapeText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\r':
                out += "\\n";
                if (i + 1 < text.size() && text[i + 1] == '\n') {
                    ++i;
                }
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                // Other control characters are not allowed in TEXT.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
                    out += ' ';
                } else if (c == 0x7F) {
                    out += ' ';
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string FoldLine(std::string_view line) {
    std::string out;
    out.reserve(line.size() + line.size() / 70 * 3 + 2);
    std::size_t width = 0;  // octets on the current physical line
    std::size_t limit = 75;
    std::size_t i = 0;
    while (i < line.size()) {
        // The whole UTF-8 sequence starting here moves together.
        std::size_t length = 1;
        auto lead = static_cast<unsigned char>(line[i]);
        if (lead >= 0xF0) {
            length = 4;
        } else if (lead >= 0xE0) {
            length = 3;
        } else if (lead >= 0xC0) {
            length = 2;
        }
        // Only continuation bytes belong to the sequence (malformed input still never grows a line past 75).
        std::size_t take = 1;
        while (take < length && i + take < line.size() && (static_cast<unsigned char>(line[i + take]) & 0xC0) == 0x80) {
            ++take;
        }
        if (width + take > limit) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line.substr(i, take));
        width += take;
        i += take;
    }
    out += "\r\n";
    return out;
}

std::string UtcStamp(std::int64_t epoch_ms) {
    std::int64_t seconds = epoch_ms >= 0 ? epoch_ms / 1000 : (epoch_ms - 999) / 1000;
    long days = static_cast<long>(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400);
    long rest = static_cast<long>(seconds - static_cast<std::int64_t>(days) * 86400);
    int y = 0, m = 0, d = 0;
    CivilFromDays(days, y, m, d);
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02dT%02ld%02ld%02ldZ", y, m, d, rest / 3600, rest / 60 % 60,
                  rest % 60);
    return buffer;
}

std::string Render(const Calendar& calendar) {
    std::string out;
    Add(out, "BEGIN", "VCALENDAR");
    Add(out, "VERSION", "2.0");
    Add(out, "PRODID", "-//Tuyen van Lao Cai//tuyenvan//VI");
    Add(out, "CALSCALE", "GREGORIAN");
    Add(out, "METHOD", "PUBLISH");
    if (!calendar.name.empty()) {
        Add(out, "X-WR-CALNAME", EscapeText(calendar.name));
    }
    Add(out, "X-WR-TIMEZONE", kTimeZone);
    // Vietnam keeps UTC+7 all year; one STANDARD block covers every date the feeds show.
    Add(out, "BEGIN", "VTIMEZONE");
    Add(out, "TZID", kTimeZone);
    Add(out, "BEGIN", "STANDARD");
    Add(out, "DTSTART", "19750613T000000");
    Add(out, "TZOFFSETFROM", "+0800");
    Add(out, "TZOFFSETTO", "+0700");
    Add(out, "TZNAME", "+07");
    Add(out, "END", "STANDARD");
    Add(out, "END", "VTIMEZONE");
    for (const auto& event : calendar.events) {
        Add(out, "BEGIN", "VEVENT");
        Add(out, "UID", EscapeText(event.uid));
        Add(out, "DTSTAMP", UtcStamp(event.stamp_ms));
        Add(out, "DTSTART;TZID=" + std::string(kTimeZone), LocalStamp(event.start, 0));
        Add(out, "DTEND;TZID=" + std::string(kTimeZone), LocalStamp(event.start, event.duration_minutes));
        Add(out, "SEQUENCE", std::to_string(event.sequence));
        Add(out, "STATUS", event.cancelled ? "CANCELLED" : "CONFIRMED");
        Add(out, "SUMMARY", EscapeText(event.summary));
        if (!event.location.empty()) {
            Add(out, "LOCATION", EscapeText(event.location));
        }
        if (!event.description.empty()) {
            Add(out, "DESCRIPTION", EscapeText(event.description));
        }
        if (!event.url.empty()) {
            Add(out, "URL", event.url);
        }
        Add(out, "END", "VEVENT");
    }
    Add(out, "END", "VCALENDAR");
    return out;
}

}  // namespace tuyenvan::ical
