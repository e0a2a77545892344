#include "platform/text/collate.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace tuyenvan::text {
namespace {

class CollatorTest : public testing::Test {
protected:
    static std::vector<std::string> Sorted(const Collator& collator, std::vector<std::string> names) {
        std::sort(names.begin(), names.end(),
                  [&collator](const std::string& a, const std::string& b) { return collator.Compare(a, b) < 0; });
        return names;
    }

    static std::vector<std::string> Shuffled(std::vector<std::string> names, unsigned seed) {
        std::mt19937 random(seed);
        std::shuffle(names.begin(), names.end(), random);
        return names;
    }

    Collator collator_;
};

// Commune and district names from /work/shared/data/units, in the order ICU 72 "vi" gives, which is
// the Vietnamese dictionary order: ă and â are letters after a, đ after d, ơ and ô after o, ư after u, and
// the digraphs ch, gi, ng, nh, th, tr are not letters of their own, so "Nghĩa" < "Ngũ" (h < u) and
// "Duyên" < "Dương" (u < ư).
const std::vector<std::string> kCommunesInOrder = {
    "A Lù",         "A Mú Sung",    "Âu Lâu",        "Bản Vược",    "Bản Xèo",    "Bảo Ái",
    "Bát Xát",      "Bắc Hà",       "Cam Đường",     "Cao Sơn",     "Châu Quế",   "Chiềng Ken",
    "Cốc Lầu",      "Cốc San",      "Duyên Hải",     "Dương Quỳ",   "Điện Quan",  "Đông Cuông",
    "Đồng Tuyển",   "Gia Phú",      "Hợp Thành",     "Lào Cai",     "Mường Hum",  "Mường Khương",
    "Nậm Có",       "Nấm Lư",       "Nghĩa Đô",      "Ngũ Chỉ Sơn", "Ô Quý Hồ",   "Phan Si Păng",
    "Sơn Hà",       "Tả Phìn",      "Thào Chư Phìn", "Trịnh Tường", "Văn Bàn",    "Xuân Ái",
    "Y Tý",         "Yên Sơn",
};

TEST_F(CollatorTest, OrderFromTheSpecification) {
    const std::vector<std::string> expected = {"An", "Ăn", "Ân", "Bát Xát", "Cam Đường", "Chiềng Ken"};
    EXPECT_EQ(Sorted(collator_, Shuffled(expected, 1)), expected);
    for (std::size_t i = 0; i + 1 < expected.size(); ++i) {
        EXPECT_LT(collator_.Compare(expected[i], expected[i + 1]), 0) << expected[i] << " < " << expected[i + 1];
        EXPECT_GT(collator_.Compare(expected[i + 1], expected[i]), 0);
    }
}

TEST_F(CollatorTest, VietnameseLettersAreSeparateLetters) {
    // A letter with a breve, circumflex, horn or bar outranks any later difference (a primary difference).
    EXPECT_LT(collator_.Compare("anh", "ăn"), 0);
    EXPECT_LT(collator_.Compare("ăz", "âa"), 0);
    EXPECT_LT(collator_.Compare("dz", "đa"), 0);
    EXPECT_LT(collator_.Compare("Dương", "Đông"), 0);
    EXPECT_LT(collator_.Compare("ez", "êa"), 0);
    EXPECT_LT(collator_.Compare("oz", "ôa"), 0);
    EXPECT_LT(collator_.Compare("ôz", "ơa"), 0);
    EXPECT_LT(collator_.Compare("uz", "ưa"), 0);
}

TEST_F(CollatorTest, TonesSortNgangHuyenHoiNgaSacNang) {
    const std::vector<std::string> expected = {"ha", "hà", "hả", "hã", "há", "hạ"};
    EXPECT_EQ(Sorted(collator_, Shuffled(expected, 2)), expected);
    // A tone is a secondary difference: it counts only when the letters are equal.
    EXPECT_LT(collator_.Compare("hạ", "hb"), 0);
    EXPECT_LT(collator_.Compare("Tà Chải", "Tả Chài"), 0);
}

TEST_F(CollatorTest, CaseIsTheWeakestDifference) {
    EXPECT_LT(collator_.Compare("an", "An"), 0);
    EXPECT_LT(collator_.Compare("An", "anh"), 0);
    EXPECT_LT(collator_.Compare("A", "ả"), 0);
    EXPECT_EQ(collator_.Compare("Lào Cai", "Lào Cai"), 0);
}

TEST_F(CollatorTest, ComposedAndDecomposedFormsAreEqual) {
    EXPECT_EQ(collator_.Compare("Đồng", "\xC4\x90o\xCC\x82\xCC\x80ng"), 0);
    EXPECT_EQ(collator_.SortKeyHex("Đồng"), collator_.SortKeyHex("\xC4\x90o\xCC\x82\xCC\x80ng"));
}

TEST_F(CollatorTest, DigitsCompareAsText) {
    EXPECT_LT(collator_.Compare("Xã 10", "Xã 2"), 0);
}

TEST_F(CollatorTest, SortsLaoCaiCommunes) {
    for (unsigned seed = 0; seed < 5; ++seed) {
        EXPECT_EQ(Sorted(collator_, Shuffled(kCommunesInOrder, seed)), kCommunesInOrder) << "seed " << seed;
    }
}

TEST_F(CollatorTest, SortKeyByteOrderAgreesWithCompare) {
    std::vector<std::string> names = kCommunesInOrder;
    for (const char* extra : {"", "an", "An", "anh", "ăn", "Ăn", "ân", "ha", "hà", "hả", "hã", "há", "hạ", "Xã 2",
                              "Xã 10", "Đ", "D", "d", "đ", "a", "A", "Lào Cai", "Lào  Cai", "\xFF"}) {
        names.emplace_back(extra);
    }
    for (const std::string& a : names) {
        const std::string key_a = collator_.SortKeyHex(a);
        for (const std::string& b : names) {
            const std::string key_b = collator_.SortKeyHex(b);
            const int by_compare = collator_.Compare(a, b);
            const int by_key = key_a.compare(key_b);
            EXPECT_EQ(by_compare < 0, by_key < 0) << a << " vs " << b;
            EXPECT_EQ(by_compare == 0, by_key == 0) << a << " vs " << b;
        }
    }
}

TEST_F(CollatorTest, SortKeyIsLowercaseHex) {
    for (const std::string& name : kCommunesInOrder) {
        const std::string key = collator_.SortKeyHex(name);
        ASSERT_FALSE(key.empty());
        EXPECT_EQ(key.size() % 2, 0U);
        EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos) << key;
    }
    // The empty string still has level separators, and sorts first.
    EXPECT_LT(collator_.SortKeyHex("").compare(collator_.SortKeyHex("A")), 0);
    // Long input needs a second, larger buffer.
    std::string long_name;
    for (int i = 0; i < 200; ++i) {
        long_name += "Ngưỡng ";
    }
    const std::string long_key = collator_.SortKeyHex(long_name);
    EXPECT_LT(collator_.SortKeyHex("Ngưỡng").compare(long_key), 0);
}

TEST_F(CollatorTest, OneInstanceIsSafeToShareAcrossThreads) {
    std::vector<std::thread> threads;
    std::vector<std::vector<std::string>> results(4);
    std::vector<std::string> keys(4);
    for (std::size_t t = 0; t < results.size(); ++t) {
        threads.emplace_back([this, t, &results, &keys] {
            for (int round = 0; round < 50; ++round) {
                results[t] = Sorted(collator_, Shuffled(kCommunesInOrder, static_cast<unsigned>(t * 100 + round)));
                keys[t] = collator_.SortKeyHex("Phan Si Păng");
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (std::size_t t = 0; t < results.size(); ++t) {
        EXPECT_EQ(results[t], kCommunesInOrder);
        EXPECT_EQ(keys[t], collator_.SortKeyHex("Phan Si Păng"));
    }
}

TEST_F(CollatorTest, MovedCollatorKeepsWorking) {
    Collator moved = std::move(collator_);
    EXPECT_LT(moved.Compare("a", "ă"), 0);
}

}  // namespace
}  // namespace tuyenvan::text
