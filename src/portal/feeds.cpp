#include "portal/feeds.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <chrono>
#include <cmath>

#include "platform/text/utf8.hpp"

namespace tuyenvan::portal {

namespace {

constexpr std::int64_t kMsPerSecond = 1'000;
constexpr std::int64_t kSecondsPerDay = 86'400;
// Asia/Ho_Chi_Minh has been UTC+7 without DST since 13/06/1975. A fixed offset keeps the output independent
// of ICU's zone data, and an offset-qualified timestamp names the same instant whichever offset it uses.
constexpr std::int64_t kOffsetSeconds = 7 * std::int64_t{3'600};

constexpr std::int64_t DaysFromCivil(int year, unsigned month, unsigned day) {
    return std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}}
        .time_since_epoch()
        .count();
}

// The first and last instants whose local time falls in years 0001-9999, which both formats can write with
// four-digit years.
constexpr std::int64_t kMinEpochMs = (DaysFromCivil(1, 1, 1) * kSecondsPerDay - kOffsetSeconds) * kMsPerSecond;
constexpr std::int64_t kMaxEpochMs = (DaysFromCivil(10000, 1, 1) * kSecondsPerDay - kOffsetSeconds) * kMsPerSecond - 1;

enum class ByteClass : unsigned char { kCopy, kSpecial, kUtf8Lead };

// What the escaper does with each byte: copy it, replace or drop it (& < > " ', C0 controls other than tab,
// LF and CR, DEL), or look at the UTF-8 sequence it starts.
constexpr auto kByteClass = [] {
    std::array<ByteClass, 256> table{};
    for (unsigned b = 0; b < 256; ++b) {
        if (b >= 0x80) {
            table[b] = ByteClass::kUtf8Lead;
        } else if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F || b == '&' || b == '<' || b == '>' ||
                   b == '"' || b == '\'') {
            table[b] = ByteClass::kSpecial;
        }
    }
    return table;
}();

constexpr bool IsContinuation(unsigned byte) {
    return byte >= 0x80 && byte <= 0xBF;
}

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

constexpr std::string_view kDayNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::string_view kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct LocalTime {
    std::chrono::sys_days day;
    int year;
    unsigned month;
    unsigned day_of_month;
    int seconds_of_day;
};

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t quotient = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient;
}

LocalTime ToLocal(std::int64_t epoch_ms) {
    const std::int64_t clamped =
        epoch_ms < kMinEpochMs ? kMinEpochMs : (epoch_ms > kMaxEpochMs ? kMaxEpochMs : epoch_ms);
    const std::int64_t local_seconds = FloorDiv(clamped, kMsPerSecond) + kOffsetSeconds;
    const std::int64_t days = FloorDiv(local_seconds, kSecondsPerDay);
    const std::chrono::sys_days day{std::chrono::days{days}};
    const std::chrono::year_month_day date{day};
    return LocalTime{day, static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()), static_cast<int>(local_seconds - days * kSecondsPerDay)};
}

// Writes `value` as exactly `width` digits ending just before `end`.
void PutDigits(char* end, unsigned value, int width) {
    for (int i = 0; i < width; ++i) {
        *--end = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

void AppendRfc822(std::string& out, std::int64_t epoch_ms) {
    const LocalTime t = ToLocal(epoch_ms);
    char buffer[] = "Ddd, DD Mon YYYY HH:MM:SS +0700";
    const std::string_view day_name = kDayNames[std::chrono::weekday{t.day}.c_encoding()];
    const std::string_view month_name = kMonthNames[t.month - 1];
    std::copy(day_name.begin(), day_name.end(), buffer);
    PutDigits(buffer + 7, t.day_of_month, 2);
    std::copy(month_name.begin(), month_name.end(), buffer + 8);
    PutDigits(buffer + 16, static_cast<unsigned>(t.year), 4);
    PutDigits(buffer + 19, static_cast<unsigned>(t.seconds_of_day / 3600), 2);
    PutDigits(buffer + 22, static_cast<unsigned>(t.seconds_of_day / 60 % 60), 2);
    PutDigits(buffer + 25, static_cast<unsigned>(t.seconds_of_day % 60), 2);
    out.append(buffer, sizeof(buffer) - 1);
}

void AppendW3c(std::string& out, std::int64_t epoch_ms) {
    const LocalTime t = ToLocal(epoch_ms);
    char buffer[] = "YYYY-MM-DDTHH:MM:SS+07:00";
    PutDigits(buffer + 4, static_cast<unsigned>(t.year), 4);
    PutDigits(buffer + 7, t.month, 2);
    PutDigits(buffer + 10, t.day_of_month, 2);
    PutDigits(buffer + 13, static_cast<unsigned>(t.seconds_of_day / 3600), 2);
    PutDigits(buffer + 16, static_cast<unsigned>(t.seconds_of_day / 60 % 60), 2);
    PutDigits(buffer + 19, static_cast<unsigned>(t.seconds_of_day % 60), 2);
    out.append(buffer, sizeof(buffer) - 1);
}

// kXml escapes for XML. kHtmlInXml escapes plain text for an element that readers parse as HTML after the
// XML parser is done (an RSS <description>): text::AppendEscapedHtml's entities, themselves escaped for XML,
// in one pass instead of two (feeds_test checks that the two agree).
enum class Escaping { kXml, kHtmlInXml };

void AppendEscaped(std::string& out, std::string_view text, Escaping escaping) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    const bool html = escaping == Escaping::kHtmlInXml;
    // Runs of bytes that need nothing are appended whole; that is nearly all of any real text.
    std::size_t run_start = 0;
    std::size_t i = 0;
    while (true) {
        while (i < size && kByteClass[bytes[i]] == ByteClass::kCopy) {
            ++i;
        }
        if (i == size) {
            break;
        }
        if (kByteClass[bytes[i]] == ByteClass::kUtf8Lead) {
            // Vietnamese letters are two- and three-byte sequences; the well-formed common cases are checked
            // here, the rest (and every ill-formed sequence) by the full decoder.
            const unsigned lead = bytes[i];
            const unsigned second = i + 1 < size ? bytes[i + 1] : 0;
            if (lead >= 0xC2 && lead <= 0xDF && IsContinuation(second) && (lead != 0xC2 || second >= 0xA0)) {
                i += 2;
                continue;
            }
            if (lead >= 0xE1 && lead <= 0xEC && IsContinuation(second) && i + 2 < size &&
                IsContinuation(bytes[i + 2])) {
                i += 3;
                continue;
            }
            const text::Utf8Decoded decoded = text::DecodeUtf8(text, i);
            const char32_t c = decoded.code_point;
            if (c != text::kInvalidCodePoint && c >= 0xA0 && c != 0xFFFE && c != 0xFFFF) {
                i += decoded.length;
                continue;
            }
            // C1 controls and U+FFFE/U+FFFF are dropped, ill-formed sequences replaced.
            out.append(text.data() + run_start, i - run_start);
            if (c == text::kInvalidCodePoint) {
                out += kReplacementUtf8;
            }
            i += decoded.length;
        } else {
            out.append(text.data() + run_start, i - run_start);
            switch (bytes[i]) {
                case '&':
                    out += html ? "&amp;amp;" : "&amp;";
                    break;
                case '<':
                    out += html ? "&amp;lt;" : "&lt;";
                    break;
                case '>':
                    out += html ? "&amp;gt;" : "&gt;";
                    break;
                case '"':
                    out += html ? "&amp;quot;" : "&quot;";
                    break;
                case '\'':
                    out += html ? "&amp;#39;" : "'";
                    break;
                default:
                    break;  // a C0 control or DEL: dropped
            }
            ++i;
        }
        run_start = i;
    }
    out.append(text.data() + run_start, i - run_start);
}

// <name>escaped text</name> and a newline.
void AppendElement(std::string& out, std::string_view name, std::string_view text, Escaping escaping = Escaping::kXml) {
    out += '<';
    out += name;
    out += '>';
    AppendEscaped(out, text, escaping);
    out += "</";
    out += name;
    out += ">\n";
}

void AppendW3cElement(std::string& out, std::string_view name, std::int64_t epoch_ms) {
    out += '<';
    out += name;
    out += '>';
    AppendW3c(out, epoch_ms);
    out += "</";
    out += name;
    out += '>';
}

std::string_view ChangeFrequencyName(ChangeFrequency frequency) {
    switch (frequency) {
        case ChangeFrequency::kUnspecified:
            return {};
        case ChangeFrequency::kAlways:
            return "always";
        case ChangeFrequency::kHourly:
            return "hourly";
        case ChangeFrequency::kDaily:
            return "daily";
        case ChangeFrequency::kWeekly:
            return "weekly";
        case ChangeFrequency::kMonthly:
            return "monthly";
        case ChangeFrequency::kYearly:
            return "yearly";
        case ChangeFrequency::kNever:
            return "never";
    }
    return {};
}

void AppendPriority(std::string& out, double priority) {
    // NaN and values below zero become 0.0; the protocol allows only 0.0-1.0.
    const long tenths = priority >= 0.0 ? std::lround(std::fmin(priority, 1.0) * 10.0) : 0;
    if (tenths >= 10) {
        out += "1.0";
    } else {
        out += "0.";
        out += static_cast<char>('0' + tenths);
    }
}

bool EndsWithAsciiNoCase(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) {
        return false;
    }
    s.remove_prefix(s.size() - suffix.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = (s[i] >= 'A' && s[i] <= 'Z') ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
        if (c != suffix[i]) {
            return false;
        }
    }
    return true;
}

std::string_view ImageType(std::string_view url) {
    url = url.substr(0, url.find_first_of("?#"));
    if (EndsWithAsciiNoCase(url, ".png")) {
        return "image/png";
    }
    if (EndsWithAsciiNoCase(url, ".webp")) {
        return "image/webp";
    }
    if (EndsWithAsciiNoCase(url, ".gif")) {
        return "image/gif";
    }
    return "image/jpeg";
}

}  // namespace

void AppendEscapedXml(std::string& out, std::string_view text) {
    AppendEscaped(out, text, Escaping::kXml);
}

std::string FormatRfc822(std::int64_t epoch_ms) {
    std::string out;
    out.reserve(32);
    AppendRfc822(out, epoch_ms);
    return out;
}

std::string FormatW3cDateTime(std::int64_t epoch_ms) {
    std::string out;
    out.reserve(32);
    AppendW3c(out, epoch_ms);
    return out;
}

std::string RenderRss(const FeedChannel& channel, const std::vector<FeedEntry>& entries) {
    std::size_t estimate =
        512 + channel.title.size() + channel.link.size() + channel.description.size() + channel.self_url.size();
    for (const FeedEntry& entry : entries) {
        estimate += 320 + entry.title.size() + entry.link.size() + entry.guid.size() + entry.summary.size() +
                    entry.category.size() + entry.author.size() + (entry.image_url ? entry.image_url->size() : 0);
    }
    std::string out;
    out.reserve(estimate + estimate / 16);

    out +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "<channel>\n";
    AppendElement(out, "title", channel.title);
    AppendElement(out, "link", channel.link);
    AppendElement(out, "description", channel.description);
    out += "<atom:link href=\"";
    AppendEscapedXml(out, channel.self_url);
    out += "\" rel=\"self\" type=\"application/rss+xml\"/>\n";
    if (!channel.language.empty()) {
        AppendElement(out, "language", channel.language);
    }
    out += "<lastBuildDate>";
    AppendRfc822(out, channel.build_ms);
    out += "</lastBuildDate>\n";

    for (const FeedEntry& entry : entries) {
        out += "<item>\n";
        AppendElement(out, "title", entry.title);
        AppendElement(out, "link", entry.link);
        if (!entry.summary.empty()) {
            AppendElement(out, "description", entry.summary, Escaping::kHtmlInXml);
        }
        if (!entry.author.empty()) {
            AppendElement(out, "dc:creator", entry.author);
        }
        if (!entry.category.empty()) {
            AppendElement(out, "category", entry.category);
        }
        if (entry.image_url) {
            out += "<enclosure url=\"";
            AppendEscapedXml(out, *entry.image_url);
            out += "\" length=\"";
            char length[24];
            const std::int64_t bytes = entry.image_bytes && *entry.image_bytes > 0 ? *entry.image_bytes : 0;
            out.append(length, std::to_chars(length, length + sizeof(length), bytes).ptr);
            out += "\" type=\"";
            out += ImageType(*entry.image_url);
            out += "\"/>\n";
        }
        const std::string& guid = entry.guid.empty() ? entry.link : entry.guid;
        out += guid == entry.link ? "<guid isPermaLink=\"true\">" : "<guid isPermaLink=\"false\">";
        AppendEscapedXml(out, guid);
        out += "</guid>\n<pubDate>";
        AppendRfc822(out, entry.published_ms);
        out += "</pubDate>\n</item>\n";
    }
    out += "</channel>\n</rss>\n";
    return out;
}

std::string RenderSitemap(const std::vector<SitemapUrl>& urls) {
    assert(urls.size() <= kMaxSitemapUrls);
    std::size_t estimate = 128;
    for (const SitemapUrl& url : urls) {
        estimate += 120 + url.loc.size();
    }
    std::string out;
    out.reserve(estimate + estimate / 16);
    out +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const SitemapUrl& url : urls) {
        out += "<url><loc>";
        AppendEscapedXml(out, url.loc);
        out += "</loc>";
        AppendW3cElement(out, "lastmod", url.lastmod_ms);
        if (const std::string_view frequency = ChangeFrequencyName(url.changefreq); !frequency.empty()) {
            out += "<changefreq>";
            out += frequency;
            out += "</changefreq>";
        }
        if (url.priority) {
            out += "<priority>";
            AppendPriority(out, *url.priority);
            out += "</priority>";
        }
        out += "</url>\n";
    }
    out += "</urlset>\n";
    return out;
}

std::string RenderSitemapIndex(const std::vector<SitemapRef>& sitemaps) {
    assert(sitemaps.size() <= kMaxSitemapUrls);
    std::size_t estimate = 128;
    for (const SitemapRef& sitemap : sitemaps) {
        estimate += 80 + sitemap.loc.size();
    }
    std::string out;
    out.reserve(estimate + estimate / 16);
    out +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const SitemapRef& sitemap : sitemaps) {
        out += "<sitemap><loc>";
        AppendEscapedXml(out, sitemap.loc);
        out += "</loc>";
        AppendW3cElement(out, "lastmod", sitemap.lastmod_ms);
        out += "</sitemap>\n";
    }
    out += "</sitemapindex>\n";
    return out;
}

std::string RenderNewsSitemap(const std::vector<NewsEntry>& articles) {
    assert(articles.size() <= kMaxNewsSitemapUrls);
    std::size_t estimate = 192;
    for (const NewsEntry& article : articles) {
        estimate +=
            260 + article.loc.size() + article.title.size() + article.publication_name.size() + article.language.size();
    }
    std::string out;
    out.reserve(estimate + estimate / 16);
    out +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n";
    for (const NewsEntry& article : articles) {
        out += "<url><loc>";
        AppendEscapedXml(out, article.loc);
        out += "</loc><news:news><news:publication><news:name>";
        AppendEscapedXml(out, article.publication_name);
        out += "</news:name><news:language>";
        AppendEscapedXml(out, article.language);
        out += "</news:language></news:publication>";
        AppendW3cElement(out, "news:publication_date", article.published_ms);
        out += "<news:title>";
        AppendEscapedXml(out, article.title);
        out += "</news:title></news:news></url>\n";
    }
    out += "</urlset>\n";
    return out;
}

}  // namespace tuyenvan::portal
