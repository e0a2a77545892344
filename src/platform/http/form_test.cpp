#include "platform/http/form.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tuyenvan::http {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(PercentDecodeTest, DecodesEscapesAndPlus) {
    EXPECT_EQ(PercentDecode("a%20b+c", true), "a b c");
    EXPECT_EQ(PercentDecode("a%20b+c", false), "a b+c");
    EXPECT_EQ(PercentDecode("%41%4a%4A", false), "AJJ");
    EXPECT_EQ(PercentDecode("", true), "");
}

TEST(PercentDecodeTest, VietnameseRoundTrips) {
    const std::string text = "Tuyên vận Lào Cai: Đảng bộ Bát Xát, ỹ ữ ặ";
    const std::string encoded = PercentEncode(text);
    EXPECT_EQ(encoded.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%"),
              std::string::npos);
    EXPECT_EQ(PercentDecode(encoded, true), text);
    EXPECT_EQ(PercentDecode(encoded, false), text);
    EXPECT_EQ(PercentDecode("%C3%A1", true), "á");
    EXPECT_EQ(PercentDecode("Vi%E1%BB%87t+Nam", true), "Việt Nam");
}

TEST(PercentDecodeTest, RejectsBadEscapes) {
    EXPECT_FALSE(PercentDecode("%", true));
    EXPECT_FALSE(PercentDecode("abc%", true));
    EXPECT_FALSE(PercentDecode("%4", true));
    EXPECT_FALSE(PercentDecode("abc%4", true));
    EXPECT_FALSE(PercentDecode("%zz", true));
    EXPECT_FALSE(PercentDecode("%G1", true));
    EXPECT_FALSE(PercentDecode("%1G", true));
    EXPECT_FALSE(PercentDecode("%%41", true));
}

TEST(PercentDecodeTest, RejectsInvalidUtf8) {
    EXPECT_FALSE(PercentDecode("%C3", true));         // truncated sequence
    EXPECT_FALSE(PercentDecode("%FF", true));         // never valid
    EXPECT_FALSE(PercentDecode("%C0%AF", true));      // overlong '/'
    EXPECT_FALSE(PercentDecode("%ED%A0%80", true));   // UTF-16 surrogate
    EXPECT_FALSE(PercentDecode("\xC3", true));        // raw invalid byte, not escaped
}

TEST(PercentEncodeTest, KeepsOnlyUnreserved) {
    EXPECT_EQ(PercentEncode("AZaz09-._~"), "AZaz09-._~");
    EXPECT_EQ(PercentEncode("a b+c&d=e/f?"), "a%20b%2Bc%26d%3De%2Ff%3F");
    EXPECT_EQ(PercentEncode(std::string_view("\0\xFF", 2)), "%00%FF");
    EXPECT_EQ(PercentEncode("á"), "%C3%A1");
}

TEST(ParamsTest, LookupsFollowInsertionOrder) {
    Params params;
    params.Add("tag", "a");
    params.Add("x", "1");
    params.Add("tag", "b");
    EXPECT_EQ(params.Size(), 3u);
    ASSERT_NE(params.Find("tag"), nullptr);
    EXPECT_EQ(*params.Find("tag"), "a");
    EXPECT_EQ(params.Find("missing"), nullptr);
    EXPECT_EQ(params.Get("x"), "1");
    EXPECT_EQ(params.Get("missing"), "");
    EXPECT_EQ(params.Get("missing", "mặc định"), "mặc định");
    EXPECT_EQ(params.GetAll("tag"), (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(params.GetAll("missing").empty());
    EXPECT_TRUE(params.Has("x"));
    EXPECT_FALSE(params.Has("X"));
    EXPECT_EQ(params.Items(), (Pairs{{"tag", "a"}, {"x", "1"}, {"tag", "b"}}));
}

TEST(ParseUrlEncodedTest, ParsesPairs) {
    const ParamsResult result = ParseUrlEncoded("a=1&b=%C3%A1&c&d=x+y&e=1=2");
    EXPECT_FALSE(result.error);
    EXPECT_EQ(result.params.Items(),
              (Pairs{{"a", "1"}, {"b", "á"}, {"c", ""}, {"d", "x y"}, {"e", "1=2"}}));
}

TEST(ParseUrlEncodedTest, EmptyPairsAreSkippedAndEmptyNamesKept) {
    const ParamsResult result = ParseUrlEncoded("a=&=b&&");
    EXPECT_FALSE(result.error);
    EXPECT_EQ(result.params.Items(), (Pairs{{"a", ""}, {"", "b"}}));

    EXPECT_EQ(ParseUrlEncoded("").params.Size(), 0u);
    EXPECT_EQ(ParseUrlEncoded("&&&").params.Size(), 0u);
    EXPECT_FALSE(ParseUrlEncoded("&&&").error);
    EXPECT_EQ(ParseUrlEncoded("=").params.Items(), (Pairs{{"", ""}}));
}

TEST(ParseUrlEncodedTest, VietnameseFormRoundTrips) {
    const std::string name = "họ_tên";
    const std::string value = "Nguyễn Thị Ánh + 100% đúng";
    const ParamsResult result =
        ParseUrlEncoded(PercentEncode(name) + "=" + PercentEncode(value) + "&x=1");
    EXPECT_FALSE(result.error);
    EXPECT_EQ(result.params.Get(name), value);
    EXPECT_EQ(result.params.Get("x"), "1");
}

TEST(ParseUrlEncodedTest, MalformedEscapeStopsParsing) {
    for (const char* body : {"a=1&b=%", "a=1&b=%zz", "a=1&b=%4", "a=1&%G1=2", "a=1&b=%C3"}) {
        const ParamsResult result = ParseUrlEncoded(body);
        ASSERT_TRUE(result.error) << body;
        EXPECT_EQ(*result.error, ParseError::kMalformed) << body;
        EXPECT_EQ(result.params.Items(), (Pairs{{"a", "1"}})) << body;
    }
}

TEST(ParseUrlEncodedTest, TooManyPairs) {
    std::string body;
    for (int i = 0; i < 1000; ++i) {
        body += "k" + std::to_string(i) + "=v&";
    }
    const ParamsResult exactly = ParseUrlEncoded(body);
    EXPECT_FALSE(exactly.error);
    EXPECT_EQ(exactly.params.Size(), 1000u);

    // Empty pairs do not count.
    EXPECT_FALSE(ParseUrlEncoded(body + "&&&").error);

    body += "last=1";
    const ParamsResult over = ParseUrlEncoded(body);
    ASSERT_TRUE(over.error);
    EXPECT_EQ(*over.error, ParseError::kTooMany);
    EXPECT_EQ(over.params.Size(), 1000u);
    EXPECT_FALSE(over.params.Has("last"));

    const ParamsResult small = ParseUrlEncoded("a=1&b=2&c=3", 2);
    ASSERT_TRUE(small.error);
    EXPECT_EQ(*small.error, ParseError::kTooMany);
}

TEST(ParseUrlEncodedTest, TooLong) {
    const std::string body(101, 'a');
    EXPECT_FALSE(ParseUrlEncoded(body, 1000, 101).error);
    const ParamsResult result = ParseUrlEncoded(body, 1000, 100);
    ASSERT_TRUE(result.error);
    EXPECT_EQ(*result.error, ParseError::kTooLong);
    EXPECT_EQ(result.params.Size(), 0u);

    const std::string big((std::size_t{1} << 20) + 1, 'a');
    EXPECT_EQ(ParseUrlEncoded(big).error, ParseError::kTooLong);
}

TEST(ParseQueryTest, TakesTheQueryOfATarget) {
    EXPECT_EQ(ParseQuery("/a/b?x=1#frag").params.Items(), (Pairs{{"x", "1"}}));
    EXPECT_EQ(ParseQuery("/tim-kiem?q=L%C3%A0o+Cai&trang=2").params.Items(),
              (Pairs{{"q", "Lào Cai"}, {"trang", "2"}}));
    EXPECT_EQ(ParseQuery("/a?x=1?y=2").params.Items(), (Pairs{{"x", "1?y=2"}}));
    EXPECT_EQ(ParseQuery("?").params.Size(), 0u);
    EXPECT_EQ(ParseQuery("/a/b").params.Size(), 0u);
    EXPECT_EQ(ParseQuery("/a#frag?x=1").params.Size(), 0u);
    EXPECT_FALSE(ParseQuery("/a#frag?x=1").error);
    EXPECT_EQ(ParseQuery("/a?x=%zz").error, ParseError::kMalformed);
}

}  // namespace
}  // namespace tuyenvan::http
