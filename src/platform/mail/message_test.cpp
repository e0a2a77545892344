#include "platform/mail/message.hpp"

#include <gtest/gtest.h>

namespace tuyenvan::mail {
namespace {

Message Sample() {
    Message message;
    message.from_address = "tuyenvan@laocai.dcs.vn";
    message.from_name = "Tuyên vận Lào Cai";
    message.to_address = "lo.van.sang@laocai.gov.vn";
    message.to_name = "Lò Văn Sáng";
    message.subject = "Bạn được giao vai trò Cán bộ cấp xã tại Xã A Mú Sung";
    message.body = "Kính gửi đồng chí Lò Văn Sáng,\nĐồng chí được giao vai trò mới.\n.\nTrân trọng.";
    message.date_ms = 1795761960000;  // 27/11/2026 06:46:00 UTC
    message.message_id = "outbox-7.1795761960000@laocai.dcs.vn";
    return message;
}

// Header value of `name`, unfolded, from a built message.
std::string Header(const std::string& text, const std::string& name) {
    auto start = text.find("\r\n" + name + ": ");
    start = start == std::string::npos ? (text.starts_with(name + ": ") ? 0 : std::string::npos) : start + 2;
    if (start == std::string::npos) {
        return {};
    }
    start += name.size() + 2;
    std::string value;
    for (auto pos = start;;) {
        auto end = text.find("\r\n", pos);
        value += text.substr(pos, end - pos);
        if (end + 2 < text.size() && (text[end + 2] == ' ' || text[end + 2] == '\t')) {
            pos = end + 2;
            continue;
        }
        return value;
    }
}

std::string Body(const std::string& text) { return text.substr(text.find("\r\n\r\n") + 4); }

TEST(MailMessage, BuildsMimeHeadersAndRoundTripsVietnameseText) {
    std::string text = Build(Sample());
    EXPECT_EQ(Header(text, "MIME-Version"), "1.0");
    EXPECT_EQ(Header(text, "Content-Type"), "text/plain; charset=UTF-8");
    EXPECT_EQ(Header(text, "Content-Transfer-Encoding"), "base64");
    EXPECT_EQ(Header(text, "Message-ID"), "<outbox-7.1795761960000@laocai.dcs.vn>");
    EXPECT_EQ(Header(text, "Date"), "Fri, 27 Nov 2026 13:46:00 +0700");
    std::string subject = Header(text, "Subject");
    EXPECT_TRUE(subject.starts_with("=?UTF-8?B?")) << subject;
    EXPECT_EQ(DecodeHeaderText(subject), Sample().subject);
    EXPECT_EQ(DecodeHeaderText(Header(text, "To")), "Lò Văn Sáng <lo.van.sang@laocai.gov.vn>");
    EXPECT_EQ(DecodeHeaderText(Header(text, "From")), "Tuyên vận Lào Cai <tuyenvan@laocai.dcs.vn>");
    EXPECT_EQ(Base64Decode(Body(text)),
              "Kính gửi đồng chí Lò Văn Sáng,\r\nĐồng chí được giao vai trò mới.\r\n.\r\nTrân trọng.");
    // Every line is 7-bit and within the 998-character limit; the body lines within 76.
    for (std::size_t pos = 0; pos < text.size();) {
        auto end = text.find("\r\n", pos);
        ASSERT_NE(end, std::string::npos);
        EXPECT_LE(end - pos, 78u) << text.substr(pos, end - pos);
        pos = end + 2;
    }
    for (unsigned char c : text) {
        EXPECT_LT(c, 0x80);
    }
}

TEST(MailMessage, LongSubjectsFoldIntoWordsThatNeverSplitACharacter) {
    std::string subject;
    for (int i = 0; i < 12; ++i) {
        subject += "Hội nghị tuyên vận tháng Mười một ";
    }
    std::string encoded = EncodeHeaderText(subject);
    std::size_t words = 0;
    for (std::size_t pos = 0; pos < encoded.size();) {
        auto end = encoded.find("\r\n ", pos);
        std::string word = encoded.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        EXPECT_LE(word.size(), 75u);
        // Each word decodes to valid UTF-8 on its own.
        std::string decoded = DecodeHeaderText(word);
        EXPECT_FALSE(decoded.empty());
        // A word that began inside a character would start with a continuation byte.
        EXPECT_NE(static_cast<unsigned char>(decoded.front()) & 0xc0, 0x80) << word;
        ++words;
        pos = end == std::string::npos ? encoded.size() : end + 3;
    }
    EXPECT_GT(words, 5u);
    EXPECT_EQ(DecodeHeaderText(encoded), subject);
}

TEST(MailMessage, AsciiTextStaysReadable) {
    EXPECT_EQ(EncodeHeaderText("Weekly report"), "Weekly report");
    Message message = Sample();
    message.to_name = "Nguyen \"Van\" A";
    std::string text = Build(message);
    EXPECT_EQ(Header(text, "To"), "\"Nguyen \\\"Van\\\" A\" <lo.van.sang@laocai.gov.vn>");
    message.to_name.clear();
    EXPECT_EQ(Header(Build(message), "To"), "<lo.van.sang@laocai.gov.vn>");
}

TEST(MailMessage, DecodesQuotedPrintableWords) {
    EXPECT_EQ(DecodeHeaderText("=?UTF-8?Q?Th=C3=B4ng_b=C3=A1o?= =?UTF-8?B?beG7m2k=?="), "Thông báomới");
    EXPECT_EQ(DecodeHeaderText("Re: =?UTF-8?Q?H=E1=BB=99i?= ngh\xe1\xbb\x8b"), "Re: Hội nghị");
}

TEST(MailMessage, RefusesHeaderInjectionWithAVietnameseMessage) {
    Message message = Sample();
    message.subject = "Chào\r\nBcc: ai@example.com";
    try {
        Build(message);
        FAIL() << "a subject with CR/LF was accepted";
    } catch (const InvalidMessage& error) {
        EXPECT_NE(std::string(error.what()).find("Tiêu đề thư chứa ký tự xuống dòng"), std::string::npos) << error.what();
    }
    message = Sample();
    message.to_address = "a@example.com\r\nRCPT TO:<b@example.com>";
    try {
        Build(message);
        FAIL() << "an address with CR/LF was accepted";
    } catch (const InvalidMessage& error) {
        EXPECT_NE(std::string(error.what()).find("người nhận chứa ký tự xuống dòng"), std::string::npos) << error.what();
    }
    message = Sample();
    message.to_name = "Lò Văn\nSáng";
    EXPECT_THROW(Build(message), InvalidMessage);
    message = Sample();
    message.from_name = std::string("A\0B", 3);
    EXPECT_THROW(Build(message), InvalidMessage);
    message = Sample();
    message.subject = "\xff\xfe";
    EXPECT_THROW(Build(message), InvalidMessage);
}

TEST(MailMessage, AddressRules) {
    EXPECT_TRUE(IsValidAddress("lo.van.sang@laocai.gov.vn"));
    EXPECT_TRUE(IsValidAddress("a+b@x.vn"));
    for (const char* bad : {"", "a", "@x.vn", "a@", "a@@x.vn", "a b@x.vn", "a@x .vn", "<a@x.vn>", "a@x.vn>",
                            "\"a\"@x.vn", "a,b@x.vn", "a@x..vn", ".a@x.vn", "a@-x.vn", "sáng@x.vn", "a@x.vn\n"}) {
        EXPECT_FALSE(IsValidAddress(bad)) << bad;
    }
    EXPECT_THROW(CheckAddress("không hợp lệ", "người nhận"), InvalidMessage);
}

TEST(MailMessage, Base64RoundTrip) {
    for (std::string text : {"", "a", "ab", "abc", "abcd", "Đảng bộ tỉnh Lào Cai"}) {
        EXPECT_EQ(Base64Decode(Base64Encode(text)), text);
    }
    EXPECT_EQ(Base64Encode("Ma"), "TWE=");
    EXPECT_THROW(Base64Decode("TW*="), InvalidMessage);
}

}  // namespace
}  // namespace tuyenvan::mail
