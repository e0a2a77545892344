#include "platform/http/router.hpp"

#include <gtest/gtest.h>

namespace tuyenvan::http {
namespace {

using boost::beast::http::verb;

Response Ok(Request&) { return Response::Text("ok"); }

TEST(Router, MatchesLiteralsBeforeParametersAndFillsThem) {
    Router router;
    router.Add(verb::get, "/units/{id}", Mode::kInline, Ok);
    router.Add(verb::get, "/units/new", Mode::kInline, Ok);
    router.Add(verb::post, "/units/{id}", Mode::kInline, Ok);
    auto literal = router.Find(verb::get, "/units/new");
    ASSERT_NE(literal.route, nullptr);
    EXPECT_EQ(literal.route->pattern, "/units/new");
    auto param = router.Find(verb::get, "/units/42/");
    ASSERT_NE(param.route, nullptr);
    EXPECT_EQ(param.route->pattern, "/units/{id}");
    ASSERT_EQ(param.params.size(), 1u);
    EXPECT_EQ(param.params[0].second, "42");
}

TEST(Router, HeadFallsBackToGetAndOtherMethodsGiveAllow) {
    Router router;
    router.Add(verb::get, "/a", Mode::kInline, Ok);
    router.Add(verb::post, "/a", Mode::kInline, Ok);
    EXPECT_NE(router.Find(verb::head, "/a").route, nullptr);
    auto missing = router.Find(verb::delete_, "/a");
    EXPECT_EQ(missing.route, nullptr);
    EXPECT_TRUE(missing.path_exists);
    EXPECT_EQ(missing.allow, "GET, HEAD, POST");
    auto none = router.Find(verb::get, "/b");
    EXPECT_FALSE(none.path_exists);
}

TEST(Router, WildcardTakesTheRestOfThePath) {
    Router router;
    router.Add(verb::get, "/static/{*path}", Mode::kInline, Ok);
    auto match = router.Find(verb::get, "/static/css/app.css");
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.params[0].first, "path");
    EXPECT_EQ(match.params[0].second, "css/app.css");
    EXPECT_EQ(router.Find(verb::get, "/static").route, nullptr);
}

}  // namespace
}  // namespace tuyenvan::http
