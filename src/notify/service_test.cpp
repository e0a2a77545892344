#include "notify/service.hpp"

#include <gtest/gtest.h>

#include "org/service.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/testing.hpp"
#include "platform/mail/message.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/mail/test_sink.hpp"

namespace tuyenvan::notify {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kTree =
    "code,parent_code,level,kind,name,full_name,name_en\n"
    "10,,province,Tỉnh,Lào Cai,Tỉnh Lào Cai,Lao Cai\n"
    "082,10,district,Huyện,Bát Xát,Huyện Bát Xát,Bat Xat\n"
    "02686,082,commune,Xã,A Mú Sung,Xã A Mú Sung,A Mu Sung\n";

class NotifyTest : public ::testing::TestWithParam<db::Engine> {
protected:
    void SetUp() override {
        db::Migrate(db_.Get());
        org_.ImportUnits(std::string(kTree), std::nullopt, std::nullopt);
        admin_ = org_.CreateAccountByCode("admin", "mat-khau-du-dai-2026", org::Role::kAdministrator, "10");
        admin_principal_ = org_.SignIn("admin", "mat-khau-du-dai-2026", "127.0.0.1").principal;
        org::Actor actor{&admin_principal_, "127.0.0.1"};
        org::Person person;
        person.full_name = "Giàng Seo Phử";
        person.unit_id = UnitId("02686");
        person.email = "giang.seo.phu@laocai.gov.vn";
        std::int64_t person_id = org_.CreatePerson(actor, person);
        with_email_ = org_.CreateAccount(actor, "xa.amusung", "mat-khau-du-dai-2026", person_id,
                                         org::Role::kViewer, UnitId("02686"));
        without_person_ = org_.CreateAccount(actor, "khong.nguoi", "mat-khau-du-dai-2026", std::nullopt,
                                             org::Role::kViewer, UnitId("02686"));
    }
    std::int64_t UnitId(const std::string& code) {
        return db_.Get().ReadValue(
            [&](db::Connection& c) { return c.Query("SELECT id FROM units WHERE code = $1", {code}).Int(0, 0); });
    }
    std::int64_t Count(const std::string& table) {
        return db_.Get().ReadValue([&](db::Connection& c) { return c.Query("SELECT COUNT(*) FROM " + table).Int(0, 0); });
    }
    void NotifyOne(std::int64_t account, const std::string& title, bool email = false) {
        db_.Get().Write([&](db::Connection& c) {
            const std::int64_t ids[] = {account};
            service_.Notify(c, ids, title, "Nội dung", "/quan-tri", email);
        });
    }

    std::int64_t now_ = 1795761960000;
    db::testing::TestDatabase db_{GetParam()};
    org::Service org_{db_.Get(), org::AuthOptions{}, [this] { return now_; }};
    Service service_{db_.Get(), [this] { return now_; }};
    std::int64_t admin_ = 0;
    org::Principal admin_principal_;
    std::int64_t with_email_ = 0;
    std::int64_t without_person_ = 0;
};

TEST_P(NotifyTest, BelongsToTheCallersTransaction) {
    EXPECT_THROW(db_.Get().Write([&](db::Connection& c) {
        const std::int64_t ids[] = {with_email_};
        service_.Notify(c, ids, "Lịch hội nghị tháng 12", "", "", true);
        throw std::runtime_error("the change failed");
    }),
                 std::runtime_error);
    EXPECT_EQ(Count("notifications"), 0);
    EXPECT_EQ(Count("mail_outbox"), 0);
}

TEST_P(NotifyTest, EmailGoesToThePersonsAddressWhenThereIsOne) {
    db_.Get().Write([&](db::Connection& c) {
        const std::int64_t ids[] = {with_email_, without_person_};
        service_.Notify(c, ids, "Nhắc lịch\r\nhội nghị", "Hội nghị ngày 05/12/2026.", "/quan-tri", true, "reminder");
    });
    EXPECT_EQ(Count("notifications"), 2);
    ASSERT_EQ(Count("mail_outbox"), 1);
    auto entry = db_.Get().ReadValue([&](db::Connection& c) {
        return *mail::Outbox::Find(c, c.Query("SELECT id FROM mail_outbox").Int(0, 0));
    });
    EXPECT_EQ(entry.mail.to_address, "giang.seo.phu@laocai.gov.vn");
    EXPECT_EQ(entry.mail.to_name, "Giàng Seo Phử");
    EXPECT_EQ(entry.mail.subject, "Nhắc lịch  hội nghị");
    EXPECT_NE(entry.mail.body.find("Hội nghị ngày 05/12/2026."), std::string::npos);
    auto page = service_.List(with_email_, 1, 20);
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].kind, "reminder");
    EXPECT_EQ(page.items[0].title, "Nhắc lịch  hội nghị");
}

TEST_P(NotifyTest, AnUnusableAddressLeavesTheNotificationAlone) {
    db_.Get().Write([&](db::Connection& c) {
        c.Query("UPDATE people SET email = 'sáng@bản.vn' WHERE full_name = 'Giàng Seo Phử'");
    });
    NotifyOne(with_email_, "Thông báo", true);
    EXPECT_EQ(Count("notifications"), 1);
    EXPECT_EQ(Count("mail_outbox"), 0);
}

TEST_P(NotifyTest, ListsPagesUnreadAndMarksOnlyOwnNotifications) {
    for (int i = 1; i <= 25; ++i) {
        now_ += 1000;
        NotifyOne(with_email_, "Thông báo số " + std::to_string(i));
    }
    NotifyOne(without_person_, "Của người khác");
    auto first = service_.List(with_email_, 1, 10);
    EXPECT_EQ(first.total, 25);
    EXPECT_EQ(first.unread, 25);
    ASSERT_EQ(first.items.size(), 10u);
    EXPECT_EQ(first.items[0].title, "Thông báo số 25");
    auto last = service_.List(with_email_, 3, 10);
    ASSERT_EQ(last.items.size(), 5u);
    EXPECT_EQ(last.items.back().title, "Thông báo số 1");

    std::int64_t mine = first.items[0].id;
    std::int64_t theirs = service_.List(without_person_, 1, 10).items.at(0).id;
    EXPECT_FALSE(service_.MarkRead(with_email_, theirs));
    EXPECT_EQ(service_.UnreadCount(without_person_), 1);
    EXPECT_FALSE(service_.MarkRead(with_email_, 999999));
    now_ += 5000;
    EXPECT_TRUE(service_.MarkRead(with_email_, mine));
    EXPECT_EQ(service_.UnreadCount(with_email_), 24);
    auto read = service_.List(with_email_, 1, 1).items.at(0);
    EXPECT_EQ(read.read_at, now_);
    // Marking again keeps the first time it was read.
    now_ += 5000;
    EXPECT_TRUE(service_.MarkRead(with_email_, mine));
    EXPECT_EQ(service_.List(with_email_, 1, 1).items.at(0).read_at, now_ - 5000);
    EXPECT_EQ(service_.MarkAllRead(with_email_), 24);
    EXPECT_EQ(service_.UnreadCount(with_email_), 0);
    EXPECT_EQ(service_.UnreadCount(without_person_), 1);
    EXPECT_EQ(service_.MarkAllRead(with_email_), 0);
}

TEST_P(NotifyTest, GrantingARoleNotifiesTheAccountInTheAppAndByEmail) {
    org::Actor actor{&admin_principal_, "127.0.0.1"};
    org_.AddGrant(actor, with_email_, org::Role::kCommuneOfficer, UnitId("02686"));
    auto page = service_.List(with_email_, 1, 20);
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].kind, "role_granted");
    EXPECT_EQ(page.items[0].title, "Bạn được giao vai trò Cán bộ cấp xã tại Xã A Mú Sung");
    EXPECT_EQ(page.items[0].link, "/quan-tri");

    // A refused grant (already held) leaves no notification behind.
    EXPECT_THROW(org_.AddGrant(actor, with_email_, org::Role::kCommuneOfficer, UnitId("02686")), org::ServiceError);
    EXPECT_EQ(service_.List(with_email_, 1, 20).total, 1);

    mail::testing::SmtpSink sink;
    mail::SmtpTransport transport(mail::SmtpOptions{sink.Url(), "", "", false, 2000, 5000});
    mail::OutboxOptions options;
    options.from_address = "tuyenvan@laocai.dcs.vn";
    options.from_name = "Tuyên vận Lào Cai";
    mail::Outbox outbox(db_.Get(), transport, options, [this] { return now_; }, "test");
    EXPECT_EQ(outbox.DeliverDue().sent, 1);
    auto received = sink.WaitFor(1, 5s);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].to.at(0), "giang.seo.phu@laocai.gov.vn");
    const std::string& data = received[0].data;
    auto start = data.find("Subject: ") + 9;
    std::string subject;
    for (auto pos = start;;) {
        auto end = data.find("\r\n", pos);
        subject += data.substr(pos, end - pos);
        if (data[end + 2] != ' ') break;
        pos = end + 2;
    }
    EXPECT_EQ(mail::DecodeHeaderText(subject), "Bạn được giao vai trò Cán bộ cấp xã tại Xã A Mú Sung");
    std::string body = mail::Base64Decode(data.substr(data.find("\r\n\r\n") + 4));
    EXPECT_NE(body.find("Kính gửi đồng chí Giàng Seo Phử"), std::string::npos) << body;
}

INSTANTIATE_TEST_SUITE_P(Engines, NotifyTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::notify
