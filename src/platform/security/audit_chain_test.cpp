#include "platform/security/audit_chain.hpp"

#include <functional>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "platform/security/crypto.hpp"

namespace tuyenvan::security {
namespace {

AuditFields SignIn() {
    return {1, 1'700'000'000'000, "u7", "login", "", "", "", "", "10.0.0.1"};
}

AuditFields Publish() {
    return {42,
            1'751'302'800'000,
            "người-dùng-7",
            "article.publish",
            "article",
            "1234",
            R"({"status":"draft","title":"Hội nghị"})",
            R"({"status":"published","title":"Hội nghị"})",
            "2001:db8::1"};
}

TEST(AuditChainTest, CanonicalFormIsNetstringsInTheDocumentedOrder) {
    EXPECT_EQ(CanonicalAuditFields(SignIn()), "1:1,13:1700000000000,2:u7,5:login,0:,0:,0:,0:,8:10.0.0.1,");
    // Lengths count bytes, not characters.
    EXPECT_EQ(CanonicalAuditFields(Publish()),
              R"(2:42,13:1751302800000,16:người-dùng-7,15:article.publish,7:article,4:1234,)"
              R"(41:{"status":"draft","title":"Hội nghị"},45:{"status":"published","title":"Hội nghị"},)"
              R"(11:2001:db8::1,)");
    AuditFields negative = SignIn();
    negative.id = std::numeric_limits<std::int64_t>::min();
    negative.at_ms = -5;
    EXPECT_EQ(CanonicalAuditFields(negative).substr(0, 30), "20:-9223372036854775808,2:-5,2");
}

// Known answers computed independently (Python hashlib over the same bytes), so an accidental change of
// the encoding, which would invalidate every stored chain, fails here.
TEST(AuditChainTest, KnownAnswers) {
    const std::string first = AuditEntryHash("", SignIn());
    EXPECT_EQ(first, "d018c9d434c1d7c126ac243b774df59be04fbed834b7d5a3b0999124db92b992");
    EXPECT_EQ(AuditEntryHash(first, Publish()), "02fa7615ea0e8616200b8e54aa522892e35b91892e98f658cd807da51c0c1eda");
}

TEST(AuditChainTest, HashIsSha256OfPreviousHashNewlineCanonical) {
    const std::string prev = Sha256Hex("genesis");
    EXPECT_EQ(AuditEntryHash(prev, Publish()), Sha256Hex(prev + "\n" + CanonicalAuditFields(Publish())));
}

TEST(AuditChainTest, ChangingAnyFieldOrThePreviousHashChangesTheHash) {
    const std::string prev = Sha256Hex("previous entry");
    const AuditFields base = Publish();
    const std::string base_hash = AuditEntryHash(prev, base);

    const std::vector<std::function<void(AuditFields&)>> edits = {
        [](AuditFields& f) { f.id += 1; },
        [](AuditFields& f) { f.at_ms += 1; },
        [](AuditFields& f) { f.actor = "người-dùng-8"; },
        [](AuditFields& f) { f.action = "article.unpublish"; },
        [](AuditFields& f) { f.entity = "page"; },
        [](AuditFields& f) { f.entity_id = "1235"; },
        [](AuditFields& f) { f.before_json = R"({"status":"draft","title":"Hội nghi"})"; },
        [](AuditFields& f) { f.after_json.clear(); },
        [](AuditFields& f) { f.address = "2001:db8::2"; },
        [](AuditFields& f) { f.actor.push_back('\0'); },
    };
    std::set<std::string> hashes = {base_hash};
    for (std::size_t i = 0; i < edits.size(); ++i) {
        AuditFields edited = base;
        edits[i](edited);
        const std::string hash = AuditEntryHash(prev, edited);
        EXPECT_NE(hash, base_hash) << "edit " << i;
        hashes.insert(hash);
    }
    EXPECT_EQ(hashes.size(), edits.size() + 1);
    EXPECT_NE(AuditEntryHash(Sha256Hex("another previous entry"), base), base_hash);
    EXPECT_NE(AuditEntryHash("", base), base_hash);
}

TEST(AuditChainTest, MovingBytesAcrossAFieldBoundaryChangesTheHash) {
    AuditFields ab_c = SignIn();
    ab_c.actor = "ab";
    ab_c.action = "c";
    AuditFields a_bc = SignIn();
    a_bc.actor = "a";
    a_bc.action = "bc";
    EXPECT_NE(CanonicalAuditFields(ab_c), CanonicalAuditFields(a_bc));
    EXPECT_NE(AuditEntryHash("", ab_c), AuditEntryHash("", a_bc));

    // Field contents that look like the encoding itself cannot forge a boundary either.
    AuditFields forged = SignIn();
    forged.actor = "1:a,1:b";
    forged.action = "";
    AuditFields honest = SignIn();
    honest.actor = "1:a";
    honest.action = "1:b";
    EXPECT_NE(CanonicalAuditFields(forged), CanonicalAuditFields(honest));

    AuditFields before_after_1 = SignIn();
    before_after_1.before_json = "{}";
    AuditFields before_after_2 = SignIn();
    before_after_2.after_json = "{}";
    EXPECT_NE(AuditEntryHash("", before_after_1), AuditEntryHash("", before_after_2));
}

TEST(AuditChainTest, ChainDetectsAnEditedMiddleEntry) {
    std::vector<AuditFields> entries = {SignIn(), Publish(), SignIn()};
    entries[2].id = 43;
    std::vector<std::string> stored;
    std::string prev;
    for (const AuditFields& entry : entries) {
        prev = AuditEntryHash(prev, entry);
        stored.push_back(prev);
    }
    entries[1].after_json = R"({"status":"published","title":"Tampered"})";
    prev.clear();
    std::size_t first_bad = entries.size();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        prev = AuditEntryHash(i == 0 ? "" : stored[i - 1], entries[i]);
        if (prev != stored[i]) {
            first_bad = i;
            break;
        }
    }
    EXPECT_EQ(first_bad, 1U);
}

}  // namespace
}  // namespace tuyenvan::security
