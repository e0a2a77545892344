#pragma once

/// @file RSS 2.0 feeds, sitemaps (sitemaps.org 0.9), sitemap indexes and Google News sitemaps, rendered as
/// UTF-8 XML by pure functions: no database, no clock, the same input always gives the same bytes.
///
/// Every text and URL is escaped as AppendEscapedXml does (summaries are HTML-escaped too, see
/// FeedEntry::summary), so any string may be passed in. URLs are otherwise written as given: the caller builds
/// them as absolute, percent-encoded http(s) URLs (site origin plus path). Instants are UTC epoch
/// milliseconds, written with the fixed offset +07:00 of Asia/Ho_Chi_Minh (the zone's offset since
/// 13/06/1975; an instant from before then is still the same instant, shown at +07:00), cut to whole seconds
/// and clamped to years 0001-9999.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::portal {

/// Most URLs one sitemap may list (sitemaps.org); split larger sets and list the parts in a sitemap index.
inline constexpr std::size_t kMaxSitemapUrls = 50'000;

/// Most bytes one uncompressed sitemap or sitemap index may have (sitemaps.org: 50 MiB).
inline constexpr std::size_t kMaxSitemapBytes = std::size_t{50} * 1024 * 1024;

/// Most articles one Google News sitemap may list; Google also wants only those of the last two days.
inline constexpr std::size_t kMaxNewsSitemapUrls = 1'000;

/// The channel of an RSS feed: one site, or one section of a site.
struct FeedChannel {
    /// Channel name, e.g. the site's name and the section's.
    std::string title;
    /// The HTML page the feed mirrors.
    std::string link;
    /// One-sentence description (plain text); RSS requires it, so give the title again rather than nothing.
    std::string description;
    /// The feed's own URL, written as <atom:link rel="self">.
    std::string self_url;
    /// Language code of the content (RFC 1766 / ISO 639).
    std::string language = "vi";
    /// When the content last changed, written as <lastBuildDate>.
    std::int64_t build_ms = 0;
};

/// One item of a feed: a published article.
struct FeedEntry {
    /// Headline (plain text).
    std::string title;
    /// The article's public URL.
    std::string link;
    /// Stable identifier; empty means the link. Written with isPermaLink="true" exactly when it equals the link.
    std::string guid;
    /// Lead or excerpt as plain text (not HTML); omitted when empty. Readers treat <description> as HTML, so
    /// it is written HTML-escaped and then XML-escaped, and a reader shows exactly this text.
    std::string summary;
    /// Section name; omitted when empty.
    std::string category;
    /// Author's display name, written as <dc:creator> (RSS's <author> must be an e-mail address); omitted
    /// when empty.
    std::string author;
    /// Publication instant, written as <pubDate>.
    std::int64_t published_ms = 0;
    /// Illustration URL, written as <enclosure>; its type comes from the extension (.png, .webp, .gif,
    /// otherwise image/jpeg).
    std::optional<std::string> image_url;
    /// Size of the illustration in bytes; 0 is written when unknown, as the RSS Best Practices Profile asks.
    std::optional<std::int64_t> image_bytes;
};

/// How often a page is likely to change (<changefreq>); a hint that crawlers may ignore.
enum class ChangeFrequency { kUnspecified, kAlways, kHourly, kDaily, kWeekly, kMonthly, kYearly, kNever };

/// One page listed in a sitemap.
struct SitemapUrl {
    /// Absolute URL of the page, shorter than 2,048 characters.
    std::string loc;
    /// When the page last changed meaningfully, written as <lastmod>.
    std::int64_t lastmod_ms = 0;
    /// Written as <changefreq> unless kUnspecified.
    ChangeFrequency changefreq = ChangeFrequency::kUnspecified;
    /// Priority relative to the site's other pages, 0.0-1.0 (clamped, rounded to one decimal); omitted when empty.
    std::optional<double> priority;
};

/// One sitemap listed in a sitemap index.
struct SitemapRef {
    /// Absolute URL of the sitemap.
    std::string loc;
    /// When that sitemap last changed, written as <lastmod>.
    std::int64_t lastmod_ms = 0;
};

/// One article listed in a Google News sitemap.
struct NewsEntry {
    /// The article's public URL.
    std::string loc;
    /// Headline as shown on the page.
    std::string title;
    /// The publication's name as Google News knows it, e.g. the site's name.
    std::string publication_name;
    /// ISO 639 code of the article's language.
    std::string language = "vi";
    /// Publication instant, written as <news:publication_date>.
    std::int64_t published_ms = 0;
};

/// Appends `text` escaped for XML element content and double-quoted attribute values: & < > " become
/// entities; characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF) and the
/// discouraged DEL and C1 controls are dropped; each ill-formed UTF-8 sequence becomes U+FFFD. Any other
/// UTF-8, Vietnamese included, is copied unchanged.
void AppendEscapedXml(std::string& out, std::string_view text);

/// RFC 822 date as RSS wants it, with a four-digit year: "Thu, 01 Jan 2026 00:30:00 +0700".
std::string FormatRfc822(std::int64_t epoch_ms);

/// W3C datetime (ISO 8601 profile) as sitemaps want it: "2026-01-01T00:30:00+07:00".
std::string FormatW3cDateTime(std::int64_t epoch_ms);

/// RSS 2.0 document for `channel` with `entries` in the given order (newest first, by convention).
std::string RenderRss(const FeedChannel& channel, const std::vector<FeedEntry>& entries);

/// Sitemap (sitemaps.org 0.9) listing `urls`: at least one (the protocol requires a <url>), at most
/// kMaxSitemapUrls.
std::string RenderSitemap(const std::vector<SitemapUrl>& urls);

/// Sitemap index (sitemaps.org 0.9) listing `sitemaps`: at least one, at most kMaxSitemapUrls.
std::string RenderSitemapIndex(const std::vector<SitemapRef>& sitemaps);

/// Google News sitemap (a sitemaps.org urlset with the news:news extension) listing `articles`, at most
/// kMaxNewsSitemapUrls; an empty one is valid (nothing published in the last two days).
std::string RenderNewsSitemap(const std::vector<NewsEntry>& articles);

}  // namespace tuyenvan::portal
