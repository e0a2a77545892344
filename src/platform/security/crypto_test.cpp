#include "platform/security/crypto.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace tuyenvan::security {
namespace {

TEST(CryptoTest, Sha256KnownVectors) {
    // FIPS 180-2 appendix B and the empty message.
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(Sha256Hex(std::string(1'000'000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(CryptoTest, HmacSha256Rfc4231) {
    // Test case 1.
    EXPECT_EQ(HmacSha256Hex(std::string(20, '\x0b'), "Hi There"),
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    // Test case 2: a key shorter than the block.
    EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // Test case 6: a 131-byte key, hashed before use.
    EXPECT_EQ(HmacSha256Hex(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First"),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(CryptoTest, HmacDependsOnKeyAndData) {
    EXPECT_NE(HmacSha256Hex("k1", "data"), HmacSha256Hex("k2", "data"));
    EXPECT_NE(HmacSha256Hex("k1", "data"), HmacSha256Hex("k1", "datb"));
    EXPECT_EQ(HmacSha256Hex("", "").size(), 64U);
}

TEST(CryptoTest, RandomTokenLengthAndAlphabet) {
    const std::string token = RandomToken();
    EXPECT_EQ(token.size(), 43U);  // ceil(32 * 4 / 3) without padding
    EXPECT_EQ(RandomToken(16).size(), 22U);
    EXPECT_EQ(RandomToken(1).size(), 2U);
    EXPECT_EQ(RandomToken(0), "");
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < 200; ++i) {
        EXPECT_EQ(RandomToken().find_first_not_of(alphabet), std::string::npos);
    }
}

TEST(CryptoTest, RandomTokensAreUniqueAndUseTheWholeAlphabet) {
    std::set<std::string> tokens;
    std::set<char> characters;
    for (int i = 0; i < 10'000; ++i) {
        const std::string token = RandomToken();
        tokens.insert(token);
        characters.insert(token.begin(), token.end());
    }
    EXPECT_EQ(tokens.size(), 10'000U);
    EXPECT_EQ(characters.size(), 64U);
}

TEST(CryptoTest, ConstantTimeEquals) {
    EXPECT_TRUE(ConstantTimeEquals("", ""));
    EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
    EXPECT_FALSE(ConstantTimeEquals("", "a"));
    EXPECT_TRUE(ConstantTimeEquals(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
    EXPECT_FALSE(ConstantTimeEquals(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
    const std::string mac = HmacSha256Hex("key", "csrf:session-1");
    EXPECT_TRUE(ConstantTimeEquals(mac, HmacSha256Hex("key", "csrf:session-1")));
    EXPECT_FALSE(ConstantTimeEquals(mac, HmacSha256Hex("key", "csrf:session-2")));
}

}  // namespace
}  // namespace tuyenvan::security
