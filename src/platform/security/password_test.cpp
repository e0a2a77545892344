#include "platform/security/password.hpp"

#include <string>

#include <gtest/gtest.h>
#include <sodium.h>

namespace tuyenvan::security {
namespace {

TEST(PasswordTest, HashIsArgon2idAtInteractiveLimits) {
    const std::string encoded = HashPassword("correct horse battery staple");
    EXPECT_TRUE(encoded.starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << encoded;
    EXPECT_LT(encoded.size(), static_cast<std::size_t>(crypto_pwhash_STRBYTES));
}

TEST(PasswordTest, VerifyAcceptsTheRightPasswordOnly) {
    const std::string encoded = HashPassword("correct horse battery staple");
    EXPECT_TRUE(VerifyPassword(encoded, "correct horse battery staple"));
    EXPECT_FALSE(VerifyPassword(encoded, "correct horse battery stapl"));
    EXPECT_FALSE(VerifyPassword(encoded, "Correct horse battery staple"));
    EXPECT_FALSE(VerifyPassword(encoded, ""));
}

TEST(PasswordTest, SaltMakesEveryHashDifferent) {
    const std::string first = HashPassword("same password");
    const std::string second = HashPassword("same password");
    EXPECT_NE(first, second);
    EXPECT_TRUE(VerifyPassword(first, "same password"));
    EXPECT_TRUE(VerifyPassword(second, "same password"));
}

TEST(PasswordTest, VietnamesePasswordsAndTheirNormalForms) {
    const std::string precomposed = "Mật khẩu đủ dài 2026";
    const std::string decomposed = "Ma\xCC\xA3\xCC\x82t kha\xCC\x82\xCC\x89u \xC4\x91u\xCC\x89 da\xCC\x80i 2026";
    ASSERT_NE(precomposed, decomposed);
    const std::string encoded = HashPassword(precomposed);
    EXPECT_TRUE(VerifyPassword(encoded, precomposed));
    EXPECT_TRUE(VerifyPassword(encoded, decomposed));
    EXPECT_FALSE(VerifyPassword(encoded, "Mat khau du dai 2026"));
    EXPECT_FALSE(VerifyPassword(encoded, "Mật khẩu đủ dài 2025"));
    EXPECT_TRUE(VerifyPassword(HashPassword(decomposed), precomposed));
}

TEST(PasswordTest, ArbitraryBytesAreHashedAsTheyAre) {
    const std::string bytes("\xFF\x00\xC3", 3);
    const std::string encoded = HashPassword(bytes);
    EXPECT_TRUE(VerifyPassword(encoded, bytes));
    EXPECT_FALSE(VerifyPassword(encoded, std::string("\xFF\x00\xC4", 3)));
    EXPECT_FALSE(VerifyPassword(encoded, "\xFF"));
}

TEST(PasswordTest, MalformedEncodedStringsNeverVerify) {
    EXPECT_FALSE(VerifyPassword("", ""));
    EXPECT_FALSE(VerifyPassword("not a hash", "not a hash"));
    EXPECT_FALSE(VerifyPassword("$argon2id$v=19$m=65536,t=2,p=1$", ""));
    EXPECT_FALSE(VerifyPassword(std::string(500, '$'), "x"));
    const std::string encoded = HashPassword("pw");
    EXPECT_FALSE(VerifyPassword(encoded.substr(0, encoded.size() - 1), "pw"));
    EXPECT_FALSE(VerifyPassword(encoded + std::string(1, '\0'), "pw"));
    EXPECT_TRUE(NeedsRehash(encoded + std::string(1, '\0')));
}

TEST(PasswordTest, NeedsRehashForWeakerLimitsOtherAlgorithmsAndGarbage) {
    EXPECT_FALSE(NeedsRehash(HashPassword("pw")));

    char weak[crypto_pwhash_STRBYTES];
    ASSERT_EQ(crypto_pwhash_str(weak, "pw", 2, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN), 0);
    EXPECT_TRUE(NeedsRehash(weak));
    EXPECT_TRUE(VerifyPassword(weak, "pw"));  // still usable until it is replaced

    char argon2i[crypto_pwhash_STRBYTES];
    ASSERT_EQ(crypto_pwhash_argon2i_str(argon2i, "pw", 2, crypto_pwhash_argon2i_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_argon2i_MEMLIMIT_INTERACTIVE),
              0);
    EXPECT_TRUE(NeedsRehash(argon2i));
    EXPECT_TRUE(VerifyPassword(argon2i, "pw"));

    EXPECT_TRUE(NeedsRehash(""));
    EXPECT_TRUE(NeedsRehash("$argon2id$garbage"));
    EXPECT_TRUE(NeedsRehash("$2y$10$abcdefghijklmnopqrstuu5Y6Uu4m3C1bGx0u9Xq0j3bm0eKq1vTq"));  // bcrypt
}

}  // namespace
}  // namespace tuyenvan::security
