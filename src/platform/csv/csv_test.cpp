#include "platform/csv/csv.hpp"

#include <gtest/gtest.h>

namespace tuyenvan::csv {
namespace {

TEST(Csv, ParsesQuotedFieldsAndLineNumbers) {
    auto doc = Parse("\xEF\xBB\xBF" "code,name\r\n10,\"Lào Cai, \"\"tỉnh\"\"\"\n\n080,\"Thành phố\nLào Cai\"\n12,\n");
    ASSERT_FALSE(doc.error_line);
    ASSERT_EQ(doc.records.size(), 4u);
    EXPECT_EQ(doc.records[1].fields[1], "Lào Cai, \"tỉnh\"");
    EXPECT_EQ(doc.records[2].line, 4u);
    EXPECT_EQ(doc.records[2].fields[1], "Thành phố\nLào Cai");
    EXPECT_EQ(doc.records[3].line, 6u);
    ASSERT_EQ(doc.records[3].fields.size(), 2u);
    EXPECT_EQ(doc.records[3].fields[1], "");
}

TEST(Csv, ReportsTheLineOfAnUnclosedQuote) {
    auto doc = Parse("a,b\n1,2\n3,\"open\n");
    ASSERT_TRUE(doc.error_line);
    EXPECT_EQ(*doc.error_line, 3u);
    EXPECT_TRUE(doc.records.empty());
}

TEST(Csv, RejectsAQuoteInsideAnUnquotedField) {
    auto doc = Parse("a,b\n1,x\"y\n");
    ASSERT_TRUE(doc.error_line);
    EXPECT_EQ(*doc.error_line, 2u);
}

}  // namespace
}  // namespace tuyenvan::csv
