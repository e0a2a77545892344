#include "platform/text/normalize.hpp"

#include <gtest/gtest.h>

namespace tuyenvan::text {
namespace {

TEST(NormalizeTest, ComposesDecomposedVietnamese) {
    EXPECT_EQ(ToNfc("Vie\xCC\x82\xCC\xA3t Nam"), "Việt Nam");
    EXPECT_EQ(ToNfc("a\xCC\xA3\xCC\x82"), "ậ");  // marks in non-canonical order
    EXPECT_EQ(ToNfc("\xC4\x90o\xCC\x82\xCC\x80ng"), "Đồng");
}

TEST(NormalizeTest, LeavesNfcAndAsciiAlone) {
    EXPECT_EQ(ToNfc(""), "");
    EXPECT_EQ(ToNfc("Ban Tuyên giáo"), "Ban Tuyên giáo");
    EXPECT_EQ(ToNfc("plain ascii"), "plain ascii");
    EXPECT_EQ(ToNfc("ﬁ"), "ﬁ");  // compatibility characters are not folded
}

TEST(NormalizeTest, ReplacesIllFormedBytes) {
    EXPECT_EQ(ToNfc("a\xFF" "b"), "a\uFFFD" "b");
    EXPECT_EQ(ToNfc("e\xCC\x81\xFF"), "é\uFFFD");
}

}  // namespace
}  // namespace tuyenvan::text
