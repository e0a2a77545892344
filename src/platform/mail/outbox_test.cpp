#include "platform/mail/outbox.hpp"

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <thread>

#include "platform/db/migrations.hpp"
#include "platform/db/testing.hpp"
#include "platform/mail/message.hpp"
#include "platform/mail/test_sink.hpp"

namespace tuyenvan::mail {
namespace {

using namespace std::chrono_literals;

// Counts what it is asked to send, by outbox id (read back from the Message-ID); fails on request.
class RecordingTransport : public Transport {
public:
    void Send(const Envelope& envelope) override {
        if (delay.count() > 0) {
            std::this_thread::sleep_for(delay);
        }
        auto start = envelope.data.find("Message-ID: <outbox-") + 20;
        std::int64_t id = std::stoll(envelope.data.substr(start, envelope.data.find('.', start) - start));
        std::lock_guard lock(mutex);
        ++calls;
        if (fail) {
            throw SendError("Không gửi được thư: máy chủ thư tạm thời không nhận (mã SMTP 451)", permanent);
        }
        ++sent[id];
    }
    std::mutex mutex;
    std::map<std::int64_t, int> sent;
    int calls = 0;
    bool fail = false;
    bool permanent = false;
    std::chrono::milliseconds delay{0};
};

class OutboxTest : public ::testing::TestWithParam<db::Engine> {
protected:
    void SetUp() override { db::Migrate(db_.Get()); }

    std::int64_t Enqueue(const std::string& to = "nguoi.nhan@laocai.gov.vn") {
        return db_.Get().WriteValue([&](db::Connection& c) {
            return Outbox::Enqueue(c, OutgoingMail{to, "Hoàng Thị Lan", "Thông báo: lịch hội nghị tháng 12",
                                                   "Đồng chí nhớ dự hội nghị."},
                                   now_);
        });
    }
    OutboxEntry Entry(std::int64_t id) {
        return *db_.Get().ReadValue([&](db::Connection& c) { return Outbox::Find(c, id); });
    }
    Outbox Make(Transport& transport, db::Database& database, const std::string& node = "node-a") {
        return Outbox(database, transport, options_, [this] { return now_.load(); }, node);
    }

    std::atomic<std::int64_t> now_{1795761960000};
    OutboxOptions options_{"tuyenvan@laocai.dcs.vn", "Tuyên vận Lào Cai", 4, 30'000, 3600'000, 300'000, 20};
    db::testing::TestDatabase db_{GetParam()};
};

TEST_P(OutboxTest, EnqueueBelongsToTheCallersTransaction) {
    EXPECT_THROW(db_.Get().Write([&](db::Connection& c) {
        Outbox::Enqueue(c, OutgoingMail{"a@laocai.gov.vn", "", "Tiêu đề", "Nội dung"}, now_);
        throw std::runtime_error("the change that caused the message failed");
    }),
                 std::runtime_error);
    auto count = db_.Get().ReadValue([](db::Connection& c) { return c.Query("SELECT COUNT(*) FROM mail_outbox").Int(0, 0); });
    EXPECT_EQ(count, 0);
    std::int64_t id = Enqueue();
    EXPECT_EQ(Entry(id).status, MailStatus::kQueued);
    EXPECT_EQ(Entry(id).mail.subject, "Thông báo: lịch hội nghị tháng 12");
}

TEST_P(OutboxTest, EnqueueRefusesHeaderInjection) {
    db_.Get().Write([&](db::Connection& c) {
        EXPECT_THROW(Outbox::Enqueue(c, OutgoingMail{"a@laocai.gov.vn", "", "A\r\nBcc: x@y.vn", "B"}, now_),
                     InvalidMessage);
        EXPECT_THROW(Outbox::Enqueue(c, OutgoingMail{"a@laocai.gov.vn\nx", "", "A", "B"}, now_), InvalidMessage);
    });
}

TEST_P(OutboxTest, DeliversThroughSmtpAndMarksSent) {
    testing::SmtpSink sink;
    SmtpTransport transport(SmtpOptions{sink.Url(), "", "", false, 2000, 5000});
    auto outbox = Make(transport, db_.Get());
    std::int64_t id = Enqueue();
    auto report = outbox.DeliverDue();
    EXPECT_EQ(report.sent, 1);
    auto received = sink.WaitFor(1, 5s);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_NE(received[0].data.find("Message-ID: <outbox-" + std::to_string(id) + "."), std::string::npos);
    auto entry = Entry(id);
    EXPECT_EQ(entry.status, MailStatus::kSent);
    EXPECT_EQ(entry.attempts, 1);
    EXPECT_EQ(entry.sent_at, now_.load());
    EXPECT_EQ(outbox.DeliverDue().sent, 0);
    EXPECT_EQ(outbox.QueuedCount(), 0);
}

TEST_P(OutboxTest, RetriesWithExponentialBackoffThenGivesUpKeepingTheError) {
    RecordingTransport transport;
    transport.fail = true;
    auto outbox = Make(transport, db_.Get());
    std::int64_t id = Enqueue();
    std::int64_t expected_delay = 30'000;
    for (int attempt = 1; attempt < 4; ++attempt) {
        EXPECT_EQ(outbox.DeliverDue().retried, 1) << attempt;
        auto entry = Entry(id);
        EXPECT_EQ(entry.status, MailStatus::kQueued);
        EXPECT_EQ(entry.attempts, attempt);
        EXPECT_EQ(entry.next_attempt_at, now_ + expected_delay);
        EXPECT_NE(entry.last_error.find("451"), std::string::npos);
        // Not due yet: nothing is tried.
        now_ += expected_delay - 1;
        EXPECT_EQ(outbox.DeliverDue().retried, 0);
        now_ += 1;
        expected_delay *= 2;
    }
    EXPECT_EQ(outbox.DeliverDue().failed, 1);
    auto entry = Entry(id);
    EXPECT_EQ(entry.status, MailStatus::kFailed);
    EXPECT_EQ(entry.attempts, 4);
    EXPECT_NE(entry.last_error.find("Không gửi được thư"), std::string::npos);
    now_ += 24LL * 3600 * 1000;
    EXPECT_EQ(outbox.DeliverDue().failed, 0);
    EXPECT_EQ(transport.calls, 4);
}

TEST_P(OutboxTest, PermanentRefusalGivesUpAtOnce) {
    testing::SmtpSink sink(testing::SinkOptions{0, "", "", "khong-co.vn"});
    SmtpTransport transport(SmtpOptions{sink.Url(), "", "", false, 2000, 5000});
    auto outbox = Make(transport, db_.Get());
    std::int64_t id = Enqueue("ai.do@khong-co.vn");
    EXPECT_EQ(outbox.DeliverDue().failed, 1);
    EXPECT_EQ(Entry(id).status, MailStatus::kFailed);
    EXPECT_NE(Entry(id).last_error.find("550"), std::string::npos);
}

TEST_P(OutboxTest, SinkDownThenUp) {
    unsigned short port = testing::SmtpSink::FreePort();
    SmtpTransport transport(SmtpOptions{"smtp://127.0.0.1:" + std::to_string(port), "", "", false, 2000, 5000});
    auto outbox = Make(transport, db_.Get());
    std::int64_t id = Enqueue();
    EXPECT_EQ(outbox.DeliverDue().retried, 1);
    EXPECT_EQ(Entry(id).status, MailStatus::kQueued);
    EXPECT_FALSE(Entry(id).last_error.empty());
    testing::SmtpSink sink(testing::SinkOptions{port, "", "", ""});
    // Up, but the retry is not due yet.
    EXPECT_EQ(outbox.DeliverDue().sent, 0);
    now_ += 30'000;
    EXPECT_EQ(outbox.DeliverDue().sent, 1);
    EXPECT_EQ(sink.WaitFor(1, 5s).size(), 1u);
    auto entry = Entry(id);
    EXPECT_EQ(entry.status, MailStatus::kSent);
    EXPECT_EQ(entry.attempts, 2);
    EXPECT_TRUE(entry.last_error.empty());
}

TEST_P(OutboxTest, AClaimOfANodeThatDiedIsTakenOverWhenItsLeaseEnds) {
    RecordingTransport transport;
    auto outbox = Make(transport, db_.Get());
    std::int64_t id = Enqueue();
    db_.Get().Write([&](db::Connection& c) {
        c.Query("UPDATE mail_outbox SET lease_until = $2, lease_owner = 'dead-node#1', attempts = 1 WHERE id = $1",
                {id, now_ + options_.lease_ms});
    });
    EXPECT_EQ(outbox.DeliverDue().sent, 0);
    now_ += options_.lease_ms;
    EXPECT_EQ(outbox.DeliverDue().sent, 1);
    EXPECT_EQ(Entry(id).attempts, 2);
    EXPECT_EQ(transport.sent[id], 1);
}

TEST_P(OutboxTest, TwoDeliverersRacingSendEachMessageOnce) {
    constexpr int kMessages = 60;
    std::vector<std::int64_t> ids;
    for (int i = 0; i < kMessages; ++i) {
        ids.push_back(Enqueue("nguoi" + std::to_string(i) + "@laocai.gov.vn"));
    }
    RecordingTransport transport;
    transport.delay = 2ms;
    // Two nodes: separate connection pools on the same database.
    auto other = db::Database::Open(db_.Target(), 4);
    auto node_a = Make(transport, db_.Get(), "node-a");
    auto node_b = Make(transport, *other, "node-b");
    std::atomic<int> sent_a{0};
    std::atomic<int> sent_b{0};
    auto run = [&](Outbox& outbox, std::atomic<int>& sent) {
        for (int round = 0; round < 50 && outbox.QueuedCount() > 0; ++round) {
            sent += outbox.DeliverDue().sent;
        }
    };
    std::thread a([&] { run(node_a, sent_a); });
    std::thread b([&] { run(node_b, sent_b); });
    a.join();
    b.join();
    EXPECT_EQ(sent_a + sent_b, kMessages);
    // Both nodes did part of the work, so their claims really met.
    EXPECT_GT(sent_a, 0);
    EXPECT_GT(sent_b, 0);
    EXPECT_EQ(transport.calls, kMessages);
    for (std::int64_t id : ids) {
        EXPECT_EQ(transport.sent[id], 1) << id;
        EXPECT_EQ(Entry(id).status, MailStatus::kSent);
        EXPECT_EQ(Entry(id).attempts, 1);
    }
    other->Close();
}

INSTANTIATE_TEST_SUITE_P(Engines, OutboxTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::mail
