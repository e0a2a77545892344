#include "platform/http/cookie.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace tuyenvan::http {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(ParseCookieHeaderTest, ParsesPairs) {
    EXPECT_EQ(ParseCookieHeader("a=1; b=2"), (Pairs{{"a", "1"}, {"b", "2"}}));
    EXPECT_EQ(ParseCookieHeader("a=1;b=2"), (Pairs{{"a", "1"}, {"b", "2"}}));
    EXPECT_EQ(ParseCookieHeader(""), Pairs{});
    EXPECT_EQ(ParseCookieHeader("a="), (Pairs{{"a", ""}}));
}

TEST(ParseCookieHeaderTest, LenientOnWhitespace) {
    EXPECT_EQ(ParseCookieHeader("  a = 1 ;\tb=2\t;  ;c=3;"),
              (Pairs{{"a", "1"}, {"b", "2"}, {"c", "3"}}));
}

TEST(ParseCookieHeaderTest, QuotesSpacesAndEqualsInValues) {
    EXPECT_EQ(ParseCookieHeader(R"(theme="dark"; token=abc==; msg="xin chào bạn"; q=" x=y ")"),
              (Pairs{{"theme", "dark"}, {"token", "abc=="}, {"msg", "xin chào bạn"}, {"q", " x=y "}}));
    EXPECT_EQ(ParseCookieHeader(R"(a=""; b="; c="x)"), (Pairs{{"a", ""}, {"b", "\""}, {"c", "\"x"}}));
    EXPECT_EQ(ParseCookieHeader("sid=a b c"), (Pairs{{"sid", "a b c"}}));
}

TEST(ParseCookieHeaderTest, IgnoresMalformedPairs) {
    EXPECT_EQ(ParseCookieHeader("novalue; =x; a b=1; (c)=2; ok=1; bad=\x01; del=a\x7F"),
              (Pairs{{"ok", "1"}}));
    EXPECT_EQ(ParseCookieHeader(std::string_view("x=1\0; y=2", 9)), (Pairs{{"y", "2"}}));
    EXPECT_EQ(ParseCookieHeader("x=1\r\nSet-Cookie: y=2"), Pairs{});
}

TEST(ParseCookieHeaderTest, KeepsDuplicatesInOrder) {
    EXPECT_EQ(ParseCookieHeader("a=1; a=2"), (Pairs{{"a", "1"}, {"a", "2"}}));
}

TEST(ParseCookieHeaderTest, AtMostOneHundredCookies) {
    std::string header;
    for (int i = 0; i < 150; ++i) {
        header += "c" + std::to_string(i) + "=" + std::to_string(i) + "; ";
    }
    const Pairs cookies = ParseCookieHeader(header);
    ASSERT_EQ(cookies.size(), kMaxCookies);
    EXPECT_EQ(cookies.back(), (std::pair<std::string, std::string>{"c99", "99"}));
    EXPECT_EQ(FindCookie(header, "c99"), "99");
    EXPECT_FALSE(FindCookie(header, "c100"));
}

TEST(FindCookieTest, FirstOccurrenceWins) {
    EXPECT_EQ(FindCookie("a=1; sid=first; sid=second", "sid"), "first");
    EXPECT_EQ(FindCookie("sid=\"quoted value\"", "sid"), "quoted value");
    EXPECT_EQ(FindCookie("bad name=1; sid=ok", "sid"), "ok");
    EXPECT_EQ(FindCookie("a=1", "a"), "1");
    EXPECT_EQ(FindCookie("a=", "a"), "");
    EXPECT_FALSE(FindCookie("a=1", "A"));
    EXPECT_FALSE(FindCookie("a=1", "b"));
    EXPECT_FALSE(FindCookie("", ""));
    EXPECT_FALSE(FindCookie("=1", ""));
}

TEST(SerializeSetCookieTest, Defaults) {
    EXPECT_EQ(SerializeSetCookie(SetCookie{.name = "sid", .value = "abc123"}),
              "sid=abc123; Path=/; HttpOnly; SameSite=Lax");
}

TEST(SerializeSetCookieTest, AllAttributes) {
    SetCookie cookie{.name = "__Host-sid", .value = "v", .max_age_seconds = 3600, .secure = true,
                     .same_site = SameSite::kStrict};
    EXPECT_EQ(SerializeSetCookie(cookie),
              "__Host-sid=v; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict");
    cookie = SetCookie{.name = "pref", .value = "", .path = "/quan-tri", .max_age_seconds = -5,
                       .http_only = false, .secure = true, .same_site = SameSite::kNone};
    EXPECT_EQ(SerializeSetCookie(cookie), "pref=; Path=/quan-tri; Max-Age=0; Secure; SameSite=None");
    cookie = SetCookie{.name = "x", .value = "1", .path = ""};
    EXPECT_EQ(SerializeSetCookie(cookie), "x=1; HttpOnly; SameSite=Lax");
}

TEST(SerializeSetCookieTest, InjectionAttemptsThrow) {
    const auto serialize = [](std::string name, std::string value, std::string path = "/") {
        return SerializeSetCookie(SetCookie{.name = std::move(name), .value = std::move(value),
                                            .path = std::move(path)});
    };
    EXPECT_THROW(serialize("sid", "x\r\nSet-Cookie: admin=1"), std::invalid_argument);
    EXPECT_THROW(serialize("sid", "x; Domain=evil.example"), std::invalid_argument);
    EXPECT_THROW(serialize("sid", "a b"), std::invalid_argument);
    EXPECT_THROW(serialize("sid", "\"quoted\""), std::invalid_argument);
    EXPECT_THROW(serialize("sid", "a,b"), std::invalid_argument);
    EXPECT_THROW(serialize("sid", "a\\b"), std::invalid_argument);
    EXPECT_THROW(serialize("sid", "chào"), std::invalid_argument);
    EXPECT_THROW(serialize("sid", std::string("a\0b", 3)), std::invalid_argument);
    EXPECT_THROW(serialize("", "x"), std::invalid_argument);
    EXPECT_THROW(serialize("s=id", "x"), std::invalid_argument);
    EXPECT_THROW(serialize("s id", "x"), std::invalid_argument);
    EXPECT_THROW(serialize("sid\r\nX-Evil", "x"), std::invalid_argument);
    EXPECT_THROW(serialize("sid", "x", "/; Domain=evil.example"), std::invalid_argument);
    EXPECT_THROW(serialize("sid", "x", "/a\r\nX-Evil: 1"), std::invalid_argument);
    EXPECT_THROW(serialize("sid", "x", "/a b"), std::invalid_argument);
    EXPECT_NO_THROW(serialize("sid", "AZaz09!#$%&'()*+-./:<=>?@[]^_`{|}~"));
}

TEST(SerializeSetCookieTest, CombinationsBrowsersDropThrow) {
    EXPECT_THROW(SerializeSetCookie(SetCookie{.name = "a", .value = "1", .same_site = SameSite::kNone}),
                 std::invalid_argument);
    EXPECT_THROW(SerializeSetCookie(SetCookie{.name = "__Secure-a", .value = "1"}),
                 std::invalid_argument);
    EXPECT_THROW(SerializeSetCookie(SetCookie{.name = "__Host-a", .value = "1"}),
                 std::invalid_argument);
    EXPECT_THROW(
        SerializeSetCookie(SetCookie{.name = "__host-a", .value = "1", .path = "/a", .secure = true}),
        std::invalid_argument);
    EXPECT_NO_THROW(
        SerializeSetCookie(SetCookie{.name = "__Secure-a", .value = "1", .secure = true}));
}

TEST(SerializeSetCookieTest, RoundTripsThroughTheCookieHeader) {
    const SetCookie cookie{.name = "sid", .value = "dGVzdA=="};
    const std::string header = SerializeSetCookie(cookie);
    const std::string pair = header.substr(0, header.find(';'));
    EXPECT_EQ(FindCookie(pair, "sid"), "dGVzdA==");
}

}  // namespace
}  // namespace tuyenvan::http
