#include "platform/markdown/markdown.hpp"
#include "platform/text/html.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "platform/text/utf8.hpp"

// How raw HTML and URLs are neutralised. cmark's own safe mode would also suppress the <figure>
// and <a rel> markup we generate, so the tree is rewritten and then rendered with CMARK_OPT_UNSAFE:
//  1. every user HTML node (block or inline) is replaced by a text node, so cmark escapes it;
//  2. every link and image is replaced by HTML we write ourselves, with the URL checked against an
//     allow-list of schemes and escaped, or by its bare text when the URL is refused.
// After those two steps no node whose content cmark emits verbatim comes from the user.

namespace tuyenvan::markdown {
namespace {

struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct ParserDeleter {
    void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct CharDeleter {
    void operator()(char* text) const { std::free(text); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;

/// A parsed document and the parser that owns its syntax extensions (needed again to render).
struct Parsed {
    ParserPtr parser;
    NodePtr root;
};

Parsed Parse(std::string_view markdown) {
    if (markdown.size() > kMaxInputBytes) {
        throw std::length_error("markdown: input exceeds 2 MiB");
    }
    // The registry is process-wide; registering once, before any parser looks it up, keeps later
    // lookups read-only and so safe from many threads.
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

    const std::string valid = text::ToValidUtf8(markdown);
    Parsed parsed;
    parsed.parser.reset(cmark_parser_new(CMARK_OPT_DEFAULT));
    if (!parsed.parser) {
        throw std::bad_alloc();
    }
    for (const char* name : {"table", "strikethrough", "autolink"}) {
        if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
            cmark_parser_attach_syntax_extension(parsed.parser.get(), extension);
        }
    }
    {
        // cmark-gfm 0.29 adds the extensions' characters to a process-wide table of special inline
        // characters while it parses inlines and removes them afterwards (github/cmark-gfm#176,
        // never merged), so two parses at once drop each other's "~" and autolinks. Parsing is
        // serialised; the edits and the rendering, which touch only this document, run in parallel.
        static std::mutex parse_mutex;
        const std::lock_guard lock(parse_mutex);
        cmark_parser_feed(parsed.parser.get(), valid.data(), valid.size());
        parsed.root.reset(cmark_parser_finish(parsed.parser.get()));
    }
    if (!parsed.root) {
        throw std::bad_alloc();
    }
    return parsed;
}

/// Nodes of the tree in document order (pre-order), collected so the tree can be edited afterwards.
std::vector<cmark_node*> Collect(cmark_node* root) {
    std::vector<cmark_node*> nodes;
    cmark_iter* iter = cmark_iter_new(root);
    while (cmark_iter_next(iter) != CMARK_EVENT_DONE) {
        if (cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER) {
            nodes.push_back(cmark_iter_get_node(iter));
        }
    }
    cmark_iter_free(iter);
    return nodes;
}

std::string_view View(const char* text) {
    return text != nullptr ? std::string_view(text) : std::string_view();
}

std::string_view Literal(cmark_node* node) {
    return View(cmark_node_get_literal(node));
}

/// Escapes a URL for a double-quoted attribute: bytes outside the URL-safe set are percent-encoded.
void AppendEscapedUrl(std::string& out, std::string_view url) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    static constexpr std::string_view kSafe = "-_.~!*();/?:@=+$,#%[]";
    for (char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x80 && std::isalnum(byte) != 0) || kSafe.find(c) != std::string_view::npos) {
            out += c;
        } else if (c == '&') {
            out += "&amp;";
        } else if (c == '\'') {
            out += "&#39;";
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0F];
        }
    }
}

/// The URL as a browser reads its scheme: lowercase, without the whitespace and control
/// characters browsers strip or ignore ("java\tscript:" is javascript: to them).
std::string SchemeView(std::string_view url) {
    std::string out;
    for (char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte > 0x20 && byte != 0x7F) {
            out += static_cast<char>(byte < 0x80 ? std::tolower(byte) : byte);
        }
    }
    return out;
}

enum class UrlUse { kLink, kImage };

bool IsAllowedUrl(std::string_view url, UrlUse use) {
    const std::string view = SchemeView(url);
    const std::size_t colon = view.find(':');
    if (colon == std::string::npos || view.find_first_of("/?#") < colon) {
        return true;  // relative: no scheme
    }
    const std::string_view scheme = std::string_view(view).substr(0, colon);
    if (scheme == "http" || scheme == "https") {
        return true;
    }
    if (use == UrlUse::kLink) {
        return scheme == "mailto" || scheme == "tel";
    }
    for (std::string_view prefix : {"data:image/png;base64,", "data:image/jpeg;base64,", "data:image/webp;base64,"}) {
        if (view.starts_with(prefix)) {
            return true;
        }
    }
    return false;
}

/// True for an absolute or protocol-relative http(s) URL whose host is not `site_host`.
bool IsExternal(std::string_view url, std::string_view site_host) {
    const std::string view = SchemeView(url);
    std::string_view rest = view;
    if (rest.starts_with("http://")) {
        rest.remove_prefix(7);
    } else if (rest.starts_with("https://")) {
        rest.remove_prefix(8);
    } else if (rest.starts_with("//")) {
        rest.remove_prefix(2);
    } else {
        return false;
    }
    std::string_view host = rest.substr(0, rest.find_first_of("/?#\\"));
    if (const auto at = host.rfind('@'); at != std::string_view::npos) {
        host.remove_prefix(at + 1);
    }
    host = host.substr(0, host.find(':'));
    if (host.ends_with('.')) {
        host.remove_suffix(1);
    }
    std::string site;
    for (char c : site_host) {
        site += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return site.empty() || host != site;
}

/// The plain text under `node` (for alt text and captions); our own generated HTML is skipped.
std::string InnerText(cmark_node* node) {
    std::string out;
    cmark_iter* iter = cmark_iter_new(node);
    while (cmark_iter_next(iter) != CMARK_EVENT_DONE) {
        cmark_node* current = cmark_iter_get_node(iter);
        if (cmark_iter_get_event_type(iter) != CMARK_EVENT_ENTER) {
            continue;
        }
        switch (cmark_node_get_type(current)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                out += Literal(current);
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                out += ' ';
                break;
            default:
                break;
        }
    }
    cmark_iter_free(iter);
    return out;
}

cmark_node* NewLiteralNode(cmark_node_type type, std::string_view literal) {
    cmark_node* node = cmark_node_new(type);
    cmark_node_set_literal(node, std::string(literal).c_str());
    return node;
}

/// Replaces `node` with `replacement` in the tree and frees `node` with its remaining children.
void Replace(cmark_node* node, cmark_node* replacement) {
    cmark_node_insert_before(node, replacement);
    cmark_node_free(node);
}

/// The <img> for an image node whose URL has been checked.
std::string ImageTag(cmark_node* image) {
    std::string html = "<img src=\"";
    AppendEscapedUrl(html, View(cmark_node_get_url(image)));
    html += "\" alt=\"";
    tuyenvan::text::AppendEscapedHtml(html, InnerText(image));
    html += '"';
    if (const std::string_view title = View(cmark_node_get_title(image)); !title.empty()) {
        html += " title=\"";
        tuyenvan::text::AppendEscapedHtml(html, title);
        html += '"';
    }
    html += " loading=\"lazy\">";
    return html;
}

/// User raw HTML becomes text so that the renderer escapes it.
void NeutraliseRawHtml(cmark_node* node) {
    if (cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE) {
        Replace(node, NewLiteralNode(CMARK_NODE_TEXT, Literal(node)));
        return;
    }
    std::string_view literal = Literal(node);
    while (!literal.empty() && (literal.back() == '\n' || literal.back() == '\r')) {
        literal.remove_suffix(1);
    }
    cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
    cmark_node_append_child(paragraph, NewLiteralNode(CMARK_NODE_TEXT, literal));
    Replace(node, paragraph);
}

/// Turns an image-only paragraph (with an optional italic caption line) into a <figure> block.
void MaybeMakeFigure(cmark_node* paragraph) {
    cmark_node* image = cmark_node_first_child(paragraph);
    if (image == nullptr || cmark_node_get_type(image) != CMARK_NODE_IMAGE ||
        !IsAllowedUrl(View(cmark_node_get_url(image)), UrlUse::kImage)) {
        return;
    }
    cmark_node* caption = nullptr;
    if (cmark_node* next = cmark_node_next(image)) {
        const cmark_node_type type = cmark_node_get_type(next);
        caption = cmark_node_next(next);
        if ((type != CMARK_NODE_SOFTBREAK && type != CMARK_NODE_LINEBREAK) || caption == nullptr ||
            cmark_node_get_type(caption) != CMARK_NODE_EMPH || cmark_node_next(caption) != nullptr) {
            return;
        }
    }
    std::string html = "<figure>" + ImageTag(image);
    if (caption != nullptr) {
        html += "<figcaption>";
        tuyenvan::text::AppendEscapedHtml(html, InnerText(caption));
        html += "</figcaption>";
    }
    html += "</figure>";
    Replace(paragraph, NewLiteralNode(CMARK_NODE_HTML_BLOCK, html));
}

/// Replaces a link with our own <a> around its children, or with just its children when refused.
void RewriteLink(cmark_node* link, const RenderOptions& options) {
    const std::string_view url = View(cmark_node_get_url(link));
    const bool allowed = IsAllowedUrl(url, UrlUse::kLink);
    if (allowed) {
        std::string open = "<a href=\"";
        AppendEscapedUrl(open, url);
        open += '"';
        if (const std::string_view title = View(cmark_node_get_title(link)); !title.empty()) {
            open += " title=\"";
            tuyenvan::text::AppendEscapedHtml(open, title);
            open += '"';
        }
        if (options.external_links_nofollow && IsExternal(url, options.site_host)) {
            open += " rel=\"nofollow noopener\"";
        }
        open += '>';
        cmark_node_insert_before(link, NewLiteralNode(CMARK_NODE_HTML_INLINE, open));
    }
    while (cmark_node* child = cmark_node_first_child(link)) {
        cmark_node_insert_before(link, child);
    }
    if (allowed) {
        cmark_node_insert_before(link, NewLiteralNode(CMARK_NODE_HTML_INLINE, "</a>"));
    }
    cmark_node_free(link);
}

/// The node an image becomes: our <img>, or its alt text when the URL is refused. Computed before
/// any image is replaced, so an image nested in another's description still adds to its alt text.
cmark_node* ImageReplacement(cmark_node* image) {
    if (IsAllowedUrl(View(cmark_node_get_url(image)), UrlUse::kImage)) {
        return NewLiteralNode(CMARK_NODE_HTML_INLINE, ImageTag(image));
    }
    return NewLiteralNode(CMARK_NODE_TEXT, InnerText(image));
}

bool IsBlock(cmark_node* node) {
    return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace

std::string RenderHtml(std::string_view markdown, const RenderOptions& options) {
    Parsed parsed = Parse(markdown);
    cmark_node* root = parsed.root.get();

    // Pass 1: raw HTML, headings and figures. Figures go after raw HTML so a caption never holds
    // a user HTML node; a figure frees its paragraph, so links and images are collected afresh.
    for (cmark_node* node : Collect(root)) {
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_HTML_BLOCK:
            case CMARK_NODE_HTML_INLINE:
                NeutraliseRawHtml(node);
                break;
            case CMARK_NODE_HEADING: {
                // Levels as written, but none above the first the page leaves free: with 1, "#" and
                // "##" both become <h2> under the page's <h1>, "###" an <h3>, so no level is skipped.
                const int level = std::max(cmark_node_get_heading_level(node), 1 + options.heading_offset);
                cmark_node_set_heading_level(node, std::clamp(level, 1, 6));
                break;
            }
            default:
                break;
        }
    }
    for (cmark_node* node : Collect(root)) {
        if (cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH) {
            MaybeMakeFigure(node);
        }
    }
    // Pass 2: links before images, each innermost first (reverse document order), because an image
    // is freed with its description, which may hold links and images of its own. A link is only
    // unwrapped, so whatever it holds survives it.
    std::vector<cmark_node*> links;
    std::vector<cmark_node*> images;
    for (cmark_node* node : Collect(root)) {
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_LINK) {
            links.push_back(node);
        } else if (type == CMARK_NODE_IMAGE) {
            images.push_back(node);
        }
    }
    for (auto link = links.rbegin(); link != links.rend(); ++link) {
        RewriteLink(*link, options);
    }
    std::vector<cmark_node*> replacements;
    replacements.reserve(images.size());
    for (cmark_node* image : images) {
        replacements.push_back(ImageReplacement(image));
    }
    for (std::size_t i = images.size(); i-- > 0;) {
        Replace(images[i], replacements[i]);
    }

    std::unique_ptr<char, CharDeleter> html(
        cmark_render_html(root, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parsed.parser.get())));
    if (!html) {
        throw std::bad_alloc();
    }
    return std::string(html.get());
}

std::string PlainText(std::string_view markdown) {
    Parsed parsed = Parse(markdown);
    std::string raw;
    cmark_iter* iter = cmark_iter_new(parsed.root.get());
    while (cmark_iter_next(iter) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter);
        if (cmark_iter_get_event_type(iter) == CMARK_EVENT_EXIT) {
            if (IsBlock(node)) {
                raw += '\n';  // leaf blocks get no exit event: they end their line below
            }
            continue;
        }
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                raw += Literal(node);
                break;
            case CMARK_NODE_CODE_BLOCK:
                raw += Literal(node);
                raw += '\n';
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                raw += ' ';
                break;
            case CMARK_NODE_THEMATIC_BREAK:
                raw += '\n';
                break;
            default:
                break;
        }
    }
    cmark_iter_free(iter);

    // Collapse: trim each line, squeeze runs of spaces, drop empty lines.
    std::string out;
    std::size_t pos = 0;
    while (pos < raw.size()) {
        std::size_t end = raw.find('\n', pos);
        if (end == std::string::npos) {
            end = raw.size();
        }
        std::string line;
        bool pending_space = false;
        for (std::size_t i = pos; i < end; ++i) {
            if (IsSpace(raw[i])) {
                pending_space = !line.empty();
            } else {
                if (pending_space) {
                    line += ' ';
                    pending_space = false;
                }
                line += raw[i];
            }
        }
        if (!line.empty()) {
            if (!out.empty()) {
                out += '\n';
            }
            out += line;
        }
        pos = end + 1;
    }
    return out;
}

std::string Excerpt(std::string_view markdown, std::size_t max_chars) {
    std::string plain = PlainText(markdown);
    std::replace(plain.begin(), plain.end(), '\n', ' ');
    if (max_chars == 0) {
        return {};
    }
    // Byte offset where code point number `max_chars` starts, if the text has that many.
    std::size_t cut = 0;
    std::size_t count = 0;
    while (cut < plain.size() && count < max_chars) {
        cut += text::DecodeUtf8(plain, cut).length;
        ++count;
    }
    if (cut >= plain.size()) {
        return plain;
    }
    if (plain[cut] != ' ') {
        const std::size_t space = plain.rfind(' ', cut);
        if (space != std::string::npos && space > 0) {
            cut = space;
        }
    }
    plain.resize(cut);
    while (!plain.empty() &&
           (plain.back() == ' ' || plain.back() == ',' || plain.back() == ';' || plain.back() == ':')) {
        plain.pop_back();
    }
    plain += "…";
    return plain;
}

std::size_t WordCount(std::string_view markdown) {
    const std::string plain = PlainText(markdown);
    std::size_t words = 0;
    bool in_word_with_letter = false;
    std::size_t pos = 0;
    while (pos < plain.size()) {
        if (IsSpace(plain[pos])) {
            words += in_word_with_letter ? 1 : 0;
            in_word_with_letter = false;
            ++pos;
            continue;
        }
        const text::Utf8Decoded decoded = text::DecodeUtf8(plain, pos);
        if (decoded.code_point != text::kInvalidCodePoint && u_isalnum(static_cast<UChar32>(decoded.code_point))) {
            in_word_with_letter = true;
        }
        pos += decoded.length;
    }
    return words + (in_word_with_letter ? 1 : 0);
}

}  // namespace tuyenvan::markdown
