#include "platform/markdown/markdown.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "platform/text/utf8.hpp"

namespace tuyenvan::markdown {
namespace {

std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

/// What a browser would act on in `html`, lowercased: the tags without their quoted attribute values,
/// and the href and src values. Text outside tags and other attribute values (alt, title) are
/// escaped, so a payload there is shown, never run.
struct ActiveParts {
    std::string tags;
    std::string urls;
};

ActiveParts Active(std::string_view html) {
    const std::string lower = Lower(html);
    ActiveParts parts;
    enum class State { kText, kTag, kValue, kUrlValue } state = State::kText;
    for (char c : lower) {
        switch (state) {
            case State::kText:
                if (c == '<') {
                    state = State::kTag;
                    parts.tags += c;
                }
                break;
            case State::kTag:
                if (c == '"') {
                    const bool url = parts.tags.ends_with(" href=") || parts.tags.ends_with(" src=");
                    state = url ? State::kUrlValue : State::kValue;
                } else {
                    parts.tags += c;
                    state = c == '>' ? State::kText : State::kTag;
                }
                break;
            case State::kValue:
            case State::kUrlValue:
                if (c == '"') {
                    parts.urls += state == State::kUrlValue ? "\n" : "";
                    state = State::kTag;
                } else if (state == State::kUrlValue) {
                    parts.urls += c;
                }
                break;
        }
    }
    return parts;
}

bool Contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

TEST(MarkdownRenderTest, HeadingsLeaveThePagesLevelsFreeAndSkipNone) {
    const std::string html = RenderHtml("# Một\n\n## Hai\n\n### Ba\n\n###### Sáu\n");
    EXPECT_NE(html.find("<h2>Một</h2>"), std::string::npos) << html;
    EXPECT_NE(html.find("<h2>Hai</h2>"), std::string::npos) << html;
    EXPECT_NE(html.find("<h3>Ba</h3>"), std::string::npos) << html;
    EXPECT_NE(html.find("<h6>Sáu</h6>"), std::string::npos) << html;
    EXPECT_EQ(html.find("<h1"), std::string::npos) << html;

    RenderOptions options;
    options.heading_offset = 0;
    EXPECT_NE(RenderHtml("# Một", options).find("<h1>Một</h1>"), std::string::npos);
    options.heading_offset = 9;
    EXPECT_NE(RenderHtml("# Một", options).find("<h6>Một</h6>"), std::string::npos);
}

TEST(MarkdownRenderTest, GfmTablesStrikethroughAndAutolinks) {
    const std::string html =
        RenderHtml("| Xã | Số buổi |\n|---|--:|\n| A Mú Sung | ~~3~~ 4 |\n\nXem www.example.com\n");
    EXPECT_NE(html.find("<table>"), std::string::npos) << html;
    EXPECT_NE(html.find("<th>Xã</th>"), std::string::npos) << html;
    EXPECT_NE(html.find("<td>A Mú Sung</td>"), std::string::npos) << html;
    EXPECT_NE(html.find("<del>3</del>"), std::string::npos) << html;
    EXPECT_NE(html.find("<a href=\"http://www.example.com\" rel=\"nofollow noopener\">www.example.com</a>"),
              std::string::npos)
        << html;
}

TEST(MarkdownRenderTest, TaskListsAreOff) {
    const std::string html = RenderHtml("- [ ] việc một\n- [x] việc hai\n");
    EXPECT_EQ(html.find("<input"), std::string::npos) << html;
    EXPECT_NE(html.find("[ ] việc một"), std::string::npos) << html;
}

TEST(MarkdownRenderTest, XssPayloadsComeOutInert) {
    const std::vector<std::string> payloads = {
        "<script>alert(1)</script>",
        "text <script>alert(1)</script> text",
        "<img src=x onerror=alert(1)>",
        "a <img src=x onerror=alert(1)> b",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x](<java script:alert(1)>)",
        "[x](&#106;avascript:alert(1))",
        "[x](jav&#x09;ascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "![x](javascript:alert(1))",
        "![x](javascript:alert(1))\n*chú thích*",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=//evil>",
        "<iframe src=//evil></iframe>\n\nđoạn",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "![x](data:text/html;base64,PHNjcmlwdD4=)",
        "![x\"><svg onload=alert(1)>](/a.png)",
        "![x\"><svg onload=alert(1)>](/a.png)\n*c\"><svg onload=alert(1)>*",
        "[x](/a \"t\\\"><svg onload=alert(1)>\")",
        "[x\"><svg onload=alert(1)>](/a)",
        "```\"><script>alert(1)</script>\nx\n```",
        "<!-- <script>alert(1)</script> -->",
        "<div onmouseover=\"alert(1)\">x</div>",
        "[x](https://example.com/\"onmouseover=\"alert(1))",
    };
    for (const std::string& payload : payloads) {
        const std::string html = RenderHtml(payload);
        const std::string lower = Lower(html);
        EXPECT_EQ(lower.find("<script"), std::string::npos) << payload << "\n" << html;
        EXPECT_EQ(lower.find("<iframe"), std::string::npos) << payload << "\n" << html;
        EXPECT_EQ(lower.find("<svg"), std::string::npos) << payload << "\n" << html;
        EXPECT_EQ(lower.find("<div"), std::string::npos) << payload << "\n" << html;
        const ActiveParts active = Active(html);
        for (std::string_view bad : {"javascript:", "vbscript:", "data:text", " on"}) {
            EXPECT_FALSE(Contains(active.tags, bad)) << payload << "\n" << html;
        }
        for (std::string_view bad : {"javascript:", "vbscript:", "data:", "&#"}) {
            EXPECT_FALSE(Contains(active.urls, bad)) << payload << "\n" << html;
        }
        // A Markdown link or image with a refused URL keeps no trace of the URL at all.
        if (payload.starts_with("[") || payload.starts_with("![")) {
            EXPECT_EQ(lower.find("javascript:"), std::string::npos) << payload << "\n" << html;
            EXPECT_EQ(lower.find("vbscript:"), std::string::npos) << payload << "\n" << html;
        }
    }
}

TEST(MarkdownRenderTest, RawHtmlIsShownEscaped) {
    EXPECT_EQ(RenderHtml("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    EXPECT_EQ(RenderHtml("a <b>đậm</b>"), "<p>a &lt;b&gt;đậm&lt;/b&gt;</p>\n");
}

TEST(MarkdownRenderTest, RefusedLinkKeepsItsText) {
    EXPECT_EQ(RenderHtml("[bấm vào](javascript:alert(1))"), "<p>bấm vào</p>\n");
    EXPECT_EQ(RenderHtml("![ảnh](javascript:alert(1))"), "<p>ảnh</p>\n");
}

TEST(MarkdownRenderTest, AllowedImageUrls) {
    EXPECT_NE(
        RenderHtml("a ![p](data:image/png;base64,iVBORw0KGgo=) b").find("src=\"data:image/png;base64,iVBORw0KGgo=\""),
        std::string::npos);
    EXPECT_NE(RenderHtml("a ![p](https://cdn.example.vn/a.webp) b").find("src=\"https://cdn.example.vn/a.webp\""),
              std::string::npos);
    EXPECT_EQ(RenderHtml("a ![p](data:image/svg+xml;base64,PHN2Zz4=) b").find("<img"), std::string::npos);
}

TEST(MarkdownRenderTest, FigureWithVietnameseCaption) {
    const std::string html =
        RenderHtml("![Ảnh hội nghị](/media/2024/hoi-nghi.jpg)\n*Hội nghị tuyên vận xã A Mú Sung*\n");
    EXPECT_EQ(html,
              "<figure><img src=\"/media/2024/hoi-nghi.jpg\" alt=\"Ảnh hội nghị\" loading=\"lazy\">"
              "<figcaption>Hội nghị tuyên vận xã A Mú Sung</figcaption></figure>\n");
}

TEST(MarkdownRenderTest, FigureWithoutCaptionAndInlineImage) {
    EXPECT_EQ(RenderHtml("![Bản đồ](/b.png \"Tiêu đề\")"),
              "<figure><img src=\"/b.png\" alt=\"Bản đồ\" title=\"Tiêu đề\" loading=\"lazy\"></figure>\n");
    EXPECT_EQ(RenderHtml("Xem ![sơ đồ](/c.png) dưới"),
              "<p>Xem <img src=\"/c.png\" alt=\"sơ đồ\" loading=\"lazy\"> dưới</p>\n");
    // A second line that is not wholly italic keeps the paragraph.
    EXPECT_NE(RenderHtml("![a](/a.png)\n*chú thích* thêm").find("<p><img"), std::string::npos);
}

TEST(MarkdownRenderTest, ExternalLinksGetNofollow) {
    EXPECT_EQ(RenderHtml("[báo](https://nhandan.vn/tin \"Nhân Dân\")"),
              "<p><a href=\"https://nhandan.vn/tin\" title=\"Nhân Dân\" rel=\"nofollow noopener\">báo</a></p>\n");
    EXPECT_NE(RenderHtml("[x](//evil.example/a)").find("rel=\"nofollow noopener\""), std::string::npos);
    RenderOptions options;
    options.external_links_nofollow = false;
    EXPECT_EQ(RenderHtml("[báo](https://nhandan.vn/tin)", options).find("rel="), std::string::npos);
}

TEST(MarkdownRenderTest, InternalLinksHaveNoNofollow) {
    EXPECT_EQ(RenderHtml("[bài](/tin-tuc/hoi-nghi)"), "<p><a href=\"/tin-tuc/hoi-nghi\">bài</a></p>\n");
    EXPECT_EQ(RenderHtml("[bài](hoi-nghi?trang=2#muc)"), "<p><a href=\"hoi-nghi?trang=2#muc\">bài</a></p>\n");
    RenderOptions same_site;
    same_site.site_host = "TuyenVan.Example.VN";
    EXPECT_EQ(RenderHtml("[bài](https://tuyenvan.example.vn/tin)", same_site).find("nofollow"), std::string::npos);
    EXPECT_NE(RenderHtml("[bài](https://tuyenvan.example.vn.evil.com/tin)", same_site).find("nofollow"),
              std::string::npos);
    EXPECT_NE(RenderHtml("[bài](https://tuyenvan.example.vn@evil.com/tin)", same_site).find("nofollow"),
              std::string::npos);
}

TEST(MarkdownRenderTest, UrlsAreEscapedInAttributes) {
    EXPECT_EQ(RenderHtml("[a](/t?a=1&b=\"2\")"), "<p><a href=\"/t?a=1&amp;b=%222%22\">a</a></p>\n");
}

std::string VietnameseBody(std::size_t words) {
    static constexpr std::string_view kWords[] = {"hội",  "nghị", "tuyên", "vận",   "xã",   "bản", "đồng",  "bào",
                                                  "dân",  "tộc",  "Đảng",  "ủy",    "công", "tác", "vùng",  "cao",
                                                  "nhân", "dân",  "phát",  "triển", "kinh", "tế",  "mường", "Lát"};
    std::string body = "# Báo cáo\n\n";
    for (std::size_t i = 0; i < words; ++i) {
        body += kWords[i % std::size(kWords)];
        if (i + 1 == words) {
            body += ".\n";
        } else if (i % 97 == 96) {
            body += ".\n\n";  // a new paragraph now and then
        } else if (i % 13 == 12) {
            body += ", ";
        } else if (i % 31 == 30) {
            body += " **";
            body += kWords[++i % std::size(kWords)];
            body += "** ";
        } else {
            body += ' ';
        }
    }
    return body;
}

TEST(MarkdownTextTest, LongVietnameseBody) {
    const std::string body = VietnameseBody(4998);  // plus the two heading words
    const std::string html = RenderHtml(body);
    EXPECT_TRUE(text::IsValidUtf8(html));
    EXPECT_NE(html.find("<strong>"), std::string::npos);
    EXPECT_EQ(WordCount(body), 5000u);
    const std::string plain = PlainText(body);
    EXPECT_EQ(plain.find('*'), std::string::npos);
    EXPECT_EQ(plain.find('#'), std::string::npos);
    EXPECT_EQ(plain.find("  "), std::string::npos);
    EXPECT_TRUE(plain.starts_with("Báo cáo\nhội nghị tuyên vận")) << plain.substr(0, 60);
}

TEST(MarkdownTextTest, PlainTextDropsMarkupAndKeepsBlocksApart) {
    EXPECT_EQ(PlainText("## Tiêu   đề\n\nMột *đoạn*  có [liên kết](/x) và `mã`.\n\n- mục một\n- mục <b>hai</b>\n\n"
                        "<div>\nbỏ\n</div>\n\n![ảnh đẹp](/a.png)\n\n```\nint x;\n```\n"),
              "Tiêu đề\nMột đoạn có liên kết và mã.\nmục một\nmục hai\nảnh đẹp\nint x;");
    EXPECT_EQ(PlainText(""), "");
}

TEST(MarkdownTextTest, WordCountIgnoresPunctuationTokens) {
    EXPECT_EQ(WordCount("Hội nghị — tuyên vận - xã A Mú Sung, năm 2024."), 10u);
    EXPECT_EQ(WordCount(""), 0u);
}

TEST(MarkdownTextTest, ExcerptCutsAtWordBoundaryByCodePoints) {
    const std::string source = "Hội nghị tuyên vận xã A Mú Sung";
    EXPECT_EQ(Excerpt(source, 100), source);
    EXPECT_EQ(Excerpt(source, source.size()), source);  // bytes > code points: not cut
    // 14 code points reach "Hội nghị tuyên" exactly.
    EXPECT_EQ(Excerpt(source, 14), "Hội nghị tuyên…");
    // 16 code points end inside "vận": cut back to the space before it.
    EXPECT_EQ(Excerpt(source, 16), "Hội nghị tuyên…");
    EXPECT_EQ(Excerpt(source, 18), "Hội nghị tuyên vận…");
    // One long word: a hard cut on a code point, never inside one.
    EXPECT_EQ(Excerpt("Đắkđoạnrấtdàikhôngcókhoảngtrắng", 5), "Đắkđo…");
    EXPECT_EQ(Excerpt("Một, hai", 5), "Một…");
    EXPECT_EQ(Excerpt("# Tiêu đề\n\nNội dung", 100), "Tiêu đề Nội dung");
    EXPECT_EQ(Excerpt(source, 0), "");
}

TEST(MarkdownInputTest, InvalidUtf8GivesValidOutput) {
    const std::string bad = "Hội\xff\xfe nghị \xc3\x28 [x\xe2\x82](/\xf0\x90) ![\x80](/a.png)\n*\xed\xa0\x80*";
    const std::string html = RenderHtml(bad);
    EXPECT_TRUE(text::IsValidUtf8(html)) << html;
    EXPECT_NE(html.find("\xef\xbf\xbd"), std::string::npos) << html;
    EXPECT_TRUE(text::IsValidUtf8(PlainText(bad)));
    EXPECT_TRUE(text::IsValidUtf8(Excerpt(bad, 7)));
    EXPECT_EQ(WordCount(bad), WordCount(text::ToValidUtf8(bad)));
    EXPECT_TRUE(text::IsValidUtf8(RenderHtml(std::string("a\0b", 3))));
}

TEST(MarkdownInputTest, OversizedInputThrows) {
    const std::string big(kMaxInputBytes + 1, 'a');
    EXPECT_THROW(RenderHtml(big), std::length_error);
    EXPECT_THROW(PlainText(big), std::length_error);
    EXPECT_THROW(Excerpt(big, 10), std::length_error);
    EXPECT_THROW(WordCount(big), std::length_error);
    EXPECT_NO_THROW(WordCount(std::string(kMaxInputBytes, 'a')));
}

TEST(MarkdownInputTest, RendersConcurrently) {
    const std::string body = VietnameseBody(300) + "\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ www.example.com\n";
    const std::string expected = RenderHtml(body);
    std::vector<std::thread> threads;
    std::vector<int> mismatches(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                mismatches[t] += RenderHtml(body) == expected ? 0 : 1;
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace tuyenvan::markdown
