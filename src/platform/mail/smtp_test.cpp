#include "platform/mail/smtp.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "platform/mail/message.hpp"
#include "platform/mail/test_sink.hpp"

namespace tuyenvan::mail {
namespace {

using namespace std::chrono_literals;

Envelope Sample(const std::string& to = "nguoi.nhan@laocai.gov.vn") {
    Message message{"tuyenvan@laocai.dcs.vn", "Tuyên vận Lào Cai", to, "Giàng Seo Phử",
                    "Nhắc lịch hội nghị tuyên vận tháng 12", "Đồng chí nhớ dự hội nghị.\n.\nTrân trọng.",
                    1795761960000, "t1@laocai.dcs.vn"};
    return Envelope{message.from_address, message.to_address, Build(message)};
}

std::string HeaderOf(const std::string& data, const std::string& name) {
    auto start = data.find(name + ": ");
    if (start == std::string::npos) return {};
    start += name.size() + 2;
    std::string value;
    for (auto pos = start;;) {
        auto end = data.find("\r\n", pos);
        value += data.substr(pos, end - pos);
        if (data[end + 2] != ' ') return value;
        pos = end + 2;
    }
}

TEST(SmtpTransport, DeliversToARealLoopbackServer) {
    testing::SmtpSink sink;
    SmtpTransport transport(SmtpOptions{sink.Url(), "", "", false, 2000, 5000});
    transport.Send(Sample());
    auto received = sink.WaitFor(1, 5s);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].from, "tuyenvan@laocai.dcs.vn");
    ASSERT_EQ(received[0].to.size(), 1u);
    EXPECT_EQ(received[0].to[0], "nguoi.nhan@laocai.gov.vn");
    EXPECT_EQ(DecodeHeaderText(HeaderOf(received[0].data, "Subject")), "Nhắc lịch hội nghị tuyên vận tháng 12");
    auto body = received[0].data.substr(received[0].data.find("\r\n\r\n") + 4);
    EXPECT_EQ(Base64Decode(body), "Đồng chí nhớ dự hội nghị.\r\n.\r\nTrân trọng.");
}

TEST(SmtpTransport, SignsInWhenAUserIsSet) {
    testing::SmtpSink sink(testing::SinkOptions{0, "tuyenvan", "mat-khau-smtp", ""});
    SmtpTransport wrong(SmtpOptions{sink.Url(), "tuyenvan", "sai", false, 2000, 5000});
    try {
        wrong.Send(Sample());
        FAIL() << "a wrong password was accepted";
    } catch (const SendError& error) {
        EXPECT_FALSE(error.Permanent()) << error.what();
    }
    SmtpTransport transport(SmtpOptions{sink.Url(), "tuyenvan", "mat-khau-smtp", false, 2000, 5000});
    transport.Send(Sample());
    auto received = sink.WaitFor(1, 5s);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].user, "tuyenvan");
}

TEST(SmtpTransport, RefusedRecipientIsPermanent) {
    testing::SmtpSink sink(testing::SinkOptions{0, "", "", "khong-co.vn"});
    SmtpTransport transport(SmtpOptions{sink.Url(), "", "", false, 2000, 5000});
    try {
        transport.Send(Sample("ai.do@khong-co.vn"));
        FAIL() << "a refused recipient was accepted";
    } catch (const SendError& error) {
        EXPECT_TRUE(error.Permanent()) << error.what();
        EXPECT_NE(std::string(error.what()).find("550"), std::string::npos) << error.what();
    }
}

TEST(SmtpTransport, ServerDownIsATemporaryFailureWithinTheTimeout) {
    unsigned short port = testing::SmtpSink::FreePort();
    SmtpTransport transport(SmtpOptions{"smtp://127.0.0.1:" + std::to_string(port), "", "", false, 2000, 3000});
    auto started = std::chrono::steady_clock::now();
    try {
        transport.Send(Sample());
        FAIL() << "sent to a closed port";
    } catch (const SendError& error) {
        EXPECT_FALSE(error.Permanent());
        EXPECT_TRUE(std::string(error.what()).starts_with("Không gửi được thư")) << error.what();
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
}

TEST(SmtpTransport, StartTlsIsRequiredWhenAsked) {
    // The sink offers no STARTTLS: a transport that requires it must refuse to send in clear.
    testing::SmtpSink sink;
    SmtpTransport transport(SmtpOptions{sink.Url(), "", "", true, 2000, 5000});
    EXPECT_THROW(transport.Send(Sample()), SendError);
    EXPECT_TRUE(sink.Messages().empty());
}

TEST(SmtpTransport, CancelEndsASendThatHangs) {
    // A server that accepts the connection and never greets: only Cancel (or the timeout) ends it.
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(listen(fd, 4), 0);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    SmtpTransport transport(
        SmtpOptions{"smtp://127.0.0.1:" + std::to_string(ntohs(address.sin_port)), "", "", false, 2000, 60000});
    std::thread cancel([&] {
        std::this_thread::sleep_for(300ms);
        transport.Cancel();
    });
    auto started = std::chrono::steady_clock::now();
    EXPECT_THROW(transport.Send(Sample()), SendError);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
    cancel.join();
    close(fd);
}

TEST(SmtpTransport, RefusesOtherSchemes) {
    SmtpOptions options;
    options.url = "http://127.0.0.1:25";
    EXPECT_THROW(SmtpTransport{options}, std::invalid_argument);
}

}  // namespace
}  // namespace tuyenvan::mail
