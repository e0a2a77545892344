#include "platform/view/view.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace tuyenvan::view {
namespace {

class ViewTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("tv_view_" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir_ / "layout");
        Write("layout/head.mustache", "<title>{{title}}</title>");
        Write("page.mustache", "{{> layout/head}}<p>{{body}}</p>{{#items}}<i>{{.}}</i>{{/items}}");
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
    std::filesystem::path dir_;
};

TEST_F(ViewTest, InlinesPartialsAndEscapesEveryVariable) {
    View view(dir_.string());
    Data data;
    data["title"] = "Đảng bộ <b>Bát Xát</b>";
    data["body"] = "\"x\" & 'y'";
    List items = MakeList();
    items.push_back(Data("<script>"));
    data["items"] = std::move(items);
    EXPECT_EQ(view.Render("page", data),
              "<title>Đảng bộ &lt;b&gt;Bát Xát&lt;/b&gt;</title><p>&quot;x&quot; &amp; &#39;y&#39;</p>"
              "<i>&lt;script&gt;</i>");
}

TEST_F(ViewTest, RejectsAnUnknownPartial) {
    Write("broken.mustache", "{{> nowhere}}");
    EXPECT_THROW(View(dir_.string()), std::runtime_error);
}

}  // namespace
}  // namespace tuyenvan::view
