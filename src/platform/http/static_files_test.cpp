#include "platform/http/static_files.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace tuyenvan::http {
namespace {

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("tv_static_" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir_ / "css");
        css_ = std::string(2000, 'a') + " body { color: #222; }";
        std::ofstream(dir_ / "css" / "app.css") << css_;
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::string Header(const Response& r, const std::string& name) {
        for (const auto& [n, v] : r.headers) {
            if (n == name) return v;
        }
        return {};
    }
    std::filesystem::path dir_;
    std::string css_;
};

TEST_F(StaticFilesTest, ChoosesBrotliThenGzipAndAnswers304ForTheSameETag) {
    StaticFiles files(dir_.string());
    Request request;
    request.headers.set("Accept-Encoding", "gzip, br");
    auto br = files.Serve(request, "css/app.css");
    EXPECT_EQ(Header(br, "Content-Encoding"), "br");
    EXPECT_LT(br.body.size(), css_.size());
    request.headers.set("Accept-Encoding", "gzip, br;q=0");
    auto gz = files.Serve(request, "css/app.css");
    EXPECT_EQ(Header(gz, "Content-Encoding"), "gzip");
    request.headers.set("If-None-Match", Header(gz, "ETag"));
    EXPECT_EQ(files.Serve(request, "css/app.css").status, 304u);
}

TEST_F(StaticFilesTest, FingerprintedUrlsAreCachedForAYearAndRangesWork) {
    StaticFiles files(dir_.string());
    Request request;
    request.query.Add("v", files.Version());
    EXPECT_EQ(Header(files.Serve(request, "css/app.css"), "Cache-Control"), "public, max-age=31536000, immutable");
    request.headers.set("Range", "bytes=0-9");
    auto partial = files.Serve(request, "css/app.css");
    EXPECT_EQ(partial.status, 206u);
    EXPECT_EQ(partial.body, css_.substr(0, 10));
    request.headers.set("Range", "bytes=999999-");
    EXPECT_EQ(files.Serve(request, "css/app.css").status, 416u);
    EXPECT_THROW(files.Serve(request, "../secret"), HttpError);
}

}  // namespace
}  // namespace tuyenvan::http
