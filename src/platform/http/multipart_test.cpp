#include "platform/http/multipart.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tuyenvan::http {
namespace {

constexpr std::string_view kBoundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

// A body as browsers send it: every line ends in CRLF.
std::string Body(std::initializer_list<std::string_view> lines) {
    std::string body;
    for (const std::string_view line : lines) {
        body.append(line).append("\r\n");
    }
    return body;
}

std::string Open() {
    return "--" + std::string(kBoundary);
}

std::string Close() {
    return "--" + std::string(kBoundary) + "--";
}

bool Inside(std::string_view inner, std::string_view outer) {
    return inner.data() >= outer.data() && inner.data() + inner.size() <= outer.data() + outer.size();
}

TEST(MultipartBoundaryTest, ReadsTheParameter) {
    EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=abc"), "abc");
    EXPECT_EQ(MultipartBoundary("Multipart/Form-Data;BOUNDARY=abc"), "abc");
    EXPECT_EQ(MultipartBoundary("multipart/form-data; charset=utf-8; boundary=\"a b:c\""), "a b:c");
    EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=\"a\\\"b\""), std::nullopt);
    EXPECT_EQ(MultipartBoundary("multipart/mixed; boundary=----x ; "), "----x");
    EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=" + std::string(kBoundary)),
              std::string(kBoundary));
    EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=" + std::string(70, 'x')),
              std::string(70, 'x'));
}

TEST(MultipartBoundaryTest, RejectsMissingOrInvalid) {
    EXPECT_FALSE(MultipartBoundary(""));
    EXPECT_FALSE(MultipartBoundary("multipart/form-data"));
    EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary="));
    EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=\"\""));
    EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=\"abc"));
    EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'x')));
    EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=\"ends in space \""));
    EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=a; boundary=b"));
    EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=\"a@b\""));
    EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=ab\r\nX: y"));
    EXPECT_FALSE(MultipartBoundary("text/plain; boundary=abc"));
    EXPECT_FALSE(MultipartBoundary("multipart; boundary=abc"));
    EXPECT_FALSE(MultipartBoundary("multipart/form-data boundary=abc"));
}

TEST(ParseMultipartTest, FieldsAndFile) {
    const std::string body = Body({
        Open(),
        "Content-Disposition: form-data; name=\"tieu_de\"",
        "",
        "Hội nghị tuyên vận tháng 5",
        Open(),
        "Content-Disposition: form-data; name=\"tep\"; filename=\"bao cao.pdf\"",
        "Content-Type: application/pdf",
        "",
        "%PDF-1.7",
        Close(),
    });
    const MultipartResult result = ParseMultipart(body, kBoundary);
    ASSERT_FALSE(result.error);
    ASSERT_EQ(result.parts.size(), 2u);
    EXPECT_EQ(result.parts[0].name, "tieu_de");
    EXPECT_FALSE(result.parts[0].filename);
    EXPECT_EQ(result.parts[0].content_type, "text/plain");
    EXPECT_EQ(result.parts[0].data, "Hội nghị tuyên vận tháng 5");
    EXPECT_EQ(result.parts[1].name, "tep");
    EXPECT_EQ(result.parts[1].filename, "bao cao.pdf");
    EXPECT_EQ(result.parts[1].content_type, "application/pdf");
    EXPECT_EQ(result.parts[1].data, "%PDF-1.7");
    EXPECT_TRUE(Inside(result.parts[1].data, body));
}

TEST(ParseMultipartTest, CrlfInsideFileData) {
    const std::string data = "line 1\r\nline 2\r\n\r\n\r\n--not-the-boundary\r\n\r\n";
    const std::string body = Body({
        Open(),
        "Content-Disposition: form-data; name=\"f\"; filename=\"a.txt\"",
        "",
        data,
        Close(),
    });
    const MultipartResult result = ParseMultipart(body, kBoundary);
    ASSERT_FALSE(result.error);
    ASSERT_EQ(result.parts.size(), 1u);
    EXPECT_EQ(result.parts[0].data, data);
}

TEST(ParseMultipartTest, BoundaryAsAPrefixInsideDataIsData) {
    const std::string data = "before\r\n" + Open() + "X tail\r\n" + Open().substr(0, 10) + "\r\n" +
                             Open() + "abc";
    const std::string body = Body({
        Open(),
        "Content-Disposition: form-data; name=\"f\"",
        "",
        data,
        Close(),
    });
    const MultipartResult result = ParseMultipart(body, kBoundary);
    ASSERT_FALSE(result.error);
    ASSERT_EQ(result.parts.size(), 1u);
    EXPECT_EQ(result.parts[0].data, data);
}

TEST(ParseMultipartTest, EmptyAndBinaryData) {
    const std::string binary("\0\x01\xFF\r\x00\n", 6);
    const std::string body = Body({
        Open(),
        "Content-Disposition: form-data; name=\"empty\"",
        "",
        "",
        Open(),
        "Content-Disposition: form-data; name=\"bin\"; filename=\"x.bin\"",
        "Content-Type: application/octet-stream",
        "",
        binary,
        Close(),
    });
    const MultipartResult result = ParseMultipart(body, kBoundary);
    ASSERT_FALSE(result.error);
    ASSERT_EQ(result.parts.size(), 2u);
    EXPECT_EQ(result.parts[0].data, "");
    EXPECT_EQ(result.parts[1].data, binary);
}

TEST(ParseMultipartTest, HeadersWithoutBlankLineBeforeNextDelimiter) {
    // RFC 2046 lets a body part be headers only; the delimiter's CRLF ends the last header.
    const std::string body = Body({
        Open(),
        "Content-Disposition: form-data; name=\"a\"",
        "",
        Close(),
    });
    const MultipartResult result = ParseMultipart(body, kBoundary);
    ASSERT_FALSE(result.error);
    ASSERT_EQ(result.parts.size(), 1u);
    EXPECT_EQ(result.parts[0].data, "");
}

TEST(ParseMultipartTest, PreambleAndEpilogueAreIgnored) {
    const std::string body = Body({
        "This is the preamble.",
        "--" + std::string(kBoundary) + "-ish is not a delimiter",
        Open() + " \t",
        "content-disposition: FORM-DATA; NAME=x",
        "",
        "1",
        Close() + "  ",
        "This is the epilogue.",
        Open(),
        "garbage",
    });
    const MultipartResult result = ParseMultipart(body, kBoundary);
    ASSERT_FALSE(result.error);
    ASSERT_EQ(result.parts.size(), 1u);
    EXPECT_EQ(result.parts[0].name, "x");
    EXPECT_EQ(result.parts[0].data, "1");
}

TEST(ParseMultipartTest, CloseWithoutTrailingCrlf) {
    const std::string body = Open() + "\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n" + Close();
    const MultipartResult result = ParseMultipart(body, kBoundary);
    ASSERT_FALSE(result.error);
    ASSERT_EQ(result.parts.size(), 1u);
    EXPECT_EQ(result.parts[0].data, "v");
}

TEST(ParseMultipartTest, NoPartsAtAll) {
    const MultipartResult result = ParseMultipart(Body({Close()}), kBoundary);
    EXPECT_FALSE(result.error);
    EXPECT_TRUE(result.parts.empty());
}

TEST(ParseMultipartTest, MissingFinalBoundaryIsMalformed) {
    const std::string body = Body({
        Open(),
        "Content-Disposition: form-data; name=\"a\"",
        "",
        "1",
        Open(),
        "Content-Disposition: form-data; name=\"b\"",
        "",
        "truncated upload",
    });
    const MultipartResult result = ParseMultipart(body, kBoundary);
    ASSERT_TRUE(result.error);
    EXPECT_EQ(*result.error, MultipartError::kMalformed);
    ASSERT_EQ(result.parts.size(), 1u);
    EXPECT_EQ(result.parts[0].name, "a");
}

TEST(ParseMultipartTest, MalformedBodies) {
    const auto error = [](const std::string& body) {
        return ParseMultipart(body, kBoundary).error;
    };
    const std::string disposition = "Content-Disposition: form-data; name=\"a\"";
    EXPECT_EQ(error(""), MultipartError::kMalformed);
    EXPECT_EQ(error("no delimiter at all"), MultipartError::kMalformed);
    EXPECT_EQ(error(Body({Open(), "", "data", Close()})), MultipartError::kMalformed);
    EXPECT_EQ(error(Body({Open(), "Content-Type: text/plain", "", "x", Close()})),
              MultipartError::kMalformed);
    EXPECT_EQ(error(Body({Open(), "Content-Disposition: attachment; name=\"a\"", "", "x", Close()})),
              MultipartError::kMalformed);
    EXPECT_EQ(error(Body({Open(), "Content-Disposition: form-data", "", "x", Close()})),
              MultipartError::kMalformed);
    EXPECT_EQ(error(Body({Open(), "Content-Disposition: form-data; name=\"a", "", "x", Close()})),
              MultipartError::kMalformed);
    EXPECT_EQ(error(Body({Open(), "Content-Disposition: form-data; name=a; name=b", "", "x",
                          Close()})),
              MultipartError::kMalformed);
    EXPECT_EQ(error(Body({Open(), disposition, disposition, "", "x", Close()})),
              MultipartError::kMalformed);
    EXPECT_EQ(error(Body({Open(), disposition, " folded", "", "x", Close()})),
              MultipartError::kMalformed);
    EXPECT_EQ(error(Body({Open(), disposition, "X-Bare\nLf: 1", "", "x", Close()})),
              MultipartError::kMalformed);
    EXPECT_EQ(error(Body({Open(), disposition, "no colon", "", "x", Close()})),
              MultipartError::kMalformed);
    EXPECT_EQ(error(Body({Open(), "Content-Disposition: form-data; name=\"\xC3\"", "", "x",
                          Close()})),
              MultipartError::kMalformed);
    EXPECT_EQ(error(Body({Open(), disposition, "x"})), MultipartError::kMalformed);
    // The delimiter's CRLF cannot also end the last header line and the blank line.
    EXPECT_EQ(error(Body({Open(), disposition, Close()})), MultipartError::kMalformed);
    EXPECT_EQ(ParseMultipart(Body({"--", "x", "----"}), "").error, MultipartError::kMalformed);
    EXPECT_EQ(ParseMultipart(Body({"--a@b", disposition, "", "x", "--a@b--"}), "a@b").error,
              MultipartError::kMalformed);
}

TEST(ParseMultipartTest, FilenameEncodings) {
    const std::string body = Body({
        Open(),
        "Content-Disposition: form-data; name=\"a\"; filename*=UTF-8''T%C3%AAn.pdf",
        "",
        "1",
        Open(),
        "Content-Disposition: form-data; name=\"b\"; filename=\"fallback.pdf\"; "
        "filename*=utf-8'vi'B%C3%A1o%20c%C3%A1o.pdf",
        "",
        "2",
        Open(),
        "Content-Disposition: form-data; name=\"c\"; filename=\"say \\\"hi\\\" \\\\ x.txt\"",
        "",
        "3",
        Open(),
        "Content-Disposition: form-data; name=\"d\"; filename=\"Biên bản.docx\"",
        "",
        "4",
        Open(),
        "Content-Disposition: form-data; name=\"e\"; filename=\"\"",
        "",
        "5",
        Close(),
    });
    const MultipartResult result = ParseMultipart(body, kBoundary);
    ASSERT_FALSE(result.error);
    ASSERT_EQ(result.parts.size(), 5u);
    EXPECT_EQ(result.parts[0].filename, "Tên.pdf");
    EXPECT_EQ(result.parts[1].filename, "Báo cáo.pdf");
    EXPECT_EQ(result.parts[2].filename, "say \"hi\" \\ x.txt");
    EXPECT_EQ(result.parts[3].filename, "Biên bản.docx");
    EXPECT_EQ(result.parts[4].filename, "");
}

TEST(ParseMultipartTest, BadExtendedFilenameIsMalformed) {
    for (const char* value : {"ISO-8859-1''caf%E9.txt", "UTF-8''%C3", "UTF-8''%zz", "UTF-8'x.txt",
                              "x.txt"}) {
        const std::string body = Body({
            Open(),
            "Content-Disposition: form-data; name=\"a\"; filename*=" + std::string(value),
            "",
            "1",
            Close(),
        });
        EXPECT_EQ(ParseMultipart(body, kBoundary).error, MultipartError::kMalformed) << value;
    }
}

TEST(ParseMultipartTest, TooManyParts) {
    std::string body;
    for (int i = 0; i < 3; ++i) {
        body += Body({Open(), "Content-Disposition: form-data; name=\"p" + std::to_string(i) + "\"",
                      "", "x"});
    }
    body += Body({Close()});
    EXPECT_FALSE(ParseMultipart(body, kBoundary, 3).error);
    const MultipartResult result = ParseMultipart(body, kBoundary, 2);
    EXPECT_EQ(result.error, MultipartError::kTooManyParts);
    EXPECT_EQ(result.parts.size(), 2u);

    std::string many;
    for (int i = 0; i < 201; ++i) {
        many += Body({Open(), "Content-Disposition: form-data; name=p", "", ""});
    }
    many += Body({Close()});
    EXPECT_EQ(ParseMultipart(many, kBoundary).error, MultipartError::kTooManyParts);
}

TEST(ParseMultipartTest, HeaderBlockLimit) {
    const std::string disposition = "Content-Disposition: form-data; name=\"a\"";
    // Header block exactly at the limit: the disposition line, CRLF, then one padded header.
    const std::string filler_name = "X-Filler: ";
    const std::size_t filler = kMaxPartHeaderBytes - disposition.size() - 2 - filler_name.size();
    const std::string at_limit = filler_name + std::string(filler, 'f');
    EXPECT_FALSE(ParseMultipart(Body({Open(), disposition, at_limit, "", "x", Close()}), kBoundary).error);
    EXPECT_EQ(ParseMultipart(Body({Open(), disposition, at_limit + "f", "", "x", Close()}), kBoundary)
                  .error,
              MultipartError::kHeaderTooLarge);
    EXPECT_EQ(ParseMultipart(Body({Open(), disposition, std::string(100000, 'h'), Close()}), kBoundary)
                  .error,
              MultipartError::kHeaderTooLarge);
}

TEST(ParseMultipartTest, HostileInputStaysLinear) {
    // Many near-miss delimiters: a naive restart-from-the-top search would be quadratic.
    std::string data;
    while (data.size() < 4 * 1024 * 1024) {
        data += "\r\n--" + std::string(kBoundary.substr(0, kBoundary.size() - 1)) + "\r\n";
    }
    const std::string body = Body({Open(), "Content-Disposition: form-data; name=a", "", data, Close()});
    const MultipartResult result = ParseMultipart(body, kBoundary);
    ASSERT_FALSE(result.error);
    ASSERT_EQ(result.parts.size(), 1u);
    EXPECT_EQ(result.parts[0].data.size(), data.size());
}

TEST(ParseMultipartTest, ShortBoundary) {
    const std::string body = "--a\r\nContent-Disposition: form-data; name=n\r\n\r\n--a-\r\n--a--";
    const MultipartResult result = ParseMultipart(body, "a");
    ASSERT_FALSE(result.error);
    ASSERT_EQ(result.parts.size(), 1u);
    EXPECT_EQ(result.parts[0].data, "--a-");
}

}  // namespace
}  // namespace tuyenvan::http
