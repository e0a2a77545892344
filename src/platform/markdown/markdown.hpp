// GitHub-flavoured Markdown for article bodies: safe HTML, plain text, excerpts and word counts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tuyenvan::markdown {

/// Largest input accepted, in bytes; longer input throws std::length_error (callers reject earlier).
inline constexpr std::size_t kMaxInputBytes = std::size_t{2} * 1024 * 1024;

/// How RenderHtml turns Markdown into HTML.
struct RenderOptions {
    /// Give links to other hosts rel="nofollow noopener".
    bool external_links_nofollow = true;
    /// Headings reserved for the page: with 1, "# x" and "## x" become <h2> (the page keeps its one <h1>),
    /// deeper headings keep their level, so an article never skips one.
    int heading_offset = 1;
    /// The portal's own host (e.g. "tuyenvan.example.vn"); absolute links to it count as internal.
    /// Empty: every absolute http(s) or protocol-relative link is external.
    std::string site_host;
};

/// GFM (tables, strikethrough, autolinks; task lists off) to HTML, safe to embed in a page.
/// Raw HTML in the source is never passed through: HTML blocks and inline tags come out as escaped
/// text. Link and image URLs must be relative or use an allowed scheme (http, https, mailto, tel
/// for links; http, https or data:image/png|jpeg|webp;base64 for images); a link with any other
/// URL (javascript:, vbscript:, data:…) keeps its text but loses the <a>, such an image becomes its
/// alt text. External links get rel="nofollow noopener"; images get loading="lazy".
/// Figures: a paragraph holding only an image, optionally followed on the next line by a line in
/// italics, becomes <figure><img …><figcaption>caption</figcaption></figure> (caption as plain text).
/// Invalid UTF-8 bytes become U+FFFD. Thread-safe. Throws std::length_error above kMaxInputBytes.
std::string RenderHtml(std::string_view markdown, const RenderOptions& options = {});

/// Plain text of the document (for search indexing, excerpts and word counts): no markup, raw HTML
/// dropped, image alt text kept, one line per block, whitespace runs collapsed to one space.
std::string PlainText(std::string_view markdown);

/// The first `max_chars` code points of PlainText on one line, cut at a word boundary (hard cut
/// only inside a single longer word), followed by "…" when cut; the "…" is not counted.
std::string Excerpt(std::string_view markdown, std::size_t max_chars);

/// Words in PlainText: whitespace-separated tokens holding at least one letter or digit, so each
/// Vietnamese syllable counts as one word and a lone dash counts as none.
std::size_t WordCount(std::string_view markdown);

}  // namespace tuyenvan::markdown
