#include "org/service.hpp"

#include <gtest/gtest.h>

#include "org/demo.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/testing.hpp"

namespace tuyenvan::org {
namespace {

constexpr std::string_view kTree =
    "code,parent_code,level,kind,name,full_name,name_en\n"
    "10,,province,Tỉnh,Lào Cai,Tỉnh Lào Cai,Lao Cai\n"
    "082,10,district,Huyện,Bát Xát,Huyện Bát Xát,Bat Xat\n"
    "086,10,district,Huyện,Bảo Thắng,Huyện Bảo Thắng,Bao Thang\n"
    "02683,082,commune,Thị trấn,Bát Xát,Thị trấn Bát Xát,Bat Xat\n"
    "02686,082,commune,Xã,A Mú Sung,Xã A Mú Sung,A Mu Sung\n"
    "02689,082,commune,Xã,Nậm Chạc,Xã Nậm Chạc,Nam Chac\n";

class ServiceTest : public ::testing::TestWithParam<db::Engine> {
protected:
    void SetUp() override {
        db::Migrate(db_.Get());
        service_.ImportUnits(std::string(kTree), std::nullopt, std::nullopt);
    }
    Principal SignIn(const std::string& login, Role role, const std::string& code) {
        service_.CreateAccountByCode(login, "mat-khau-du-dai-2026", role, code);
        return service_.SignIn(login, "mat-khau-du-dai-2026", "127.0.0.1").principal;
    }
    std::int64_t UnitId(const std::string& code) {
        return db_.Get().ReadValue(
            [&](db::Connection& c) { return c.Query("SELECT id FROM units WHERE code = $1", {code}).Int(0, 0); });
    }
    std::int64_t now_ = 1700000000000;
    db::testing::TestDatabase db_{GetParam()};
    Service service_{db_.Get(), AuthOptions{}, [this] { return now_; }};
};

TEST_P(ServiceTest, ReImportUpdatesInsteadOfDuplicating) {
    auto report = service_.ImportUnits(std::string(kTree), std::nullopt, std::nullopt);
    EXPECT_EQ(report.inserted, 0);
    EXPECT_EQ(report.updated, 6);
    auto count = db_.Get().ReadValue([](db::Connection& c) { return c.Query("SELECT COUNT(*) FROM units").Int(0, 0); });
    EXPECT_EQ(count, 6);
}

TEST_P(ServiceTest, MalformedRowStopsWithItsLineAndChangesNothing) {
    std::string bad = std::string(kTree) + "02692,082,commune,Xã,Mường Hum,Xã Mường Hum,Muong Hum\n" +
                      "02695,082,hamlet,Xã,Dền Sáng,Xã Dền Sáng,Den Sang\n";
    try {
        service_.ImportUnits(bad, std::nullopt, std::nullopt);
        FAIL() << "expected an error";
    } catch (const ServiceError& error) {
        EXPECT_NE(std::string(error.what()).find("Dòng 9"), std::string::npos) << error.what();
    }
    auto count = db_.Get().ReadValue([](db::Connection& c) { return c.Query("SELECT COUNT(*) FROM units").Int(0, 0); });
    EXPECT_EQ(count, 6);
}

TEST_P(ServiceTest, SearchIgnoresDiacriticsAndCommuneOfficerSeesOnlyTheirCommune) {
    auto admin = SignIn("admin", Role::kAdministrator, "10");
    UnitQuery query;
    query.text = "bat xat";
    auto page = service_.ListUnits(admin, query);
    EXPECT_EQ(page.total, 2);  // Huyện Bát Xát and Thị trấn Bát Xát
    auto officer = SignIn("xa.amusung", Role::kCommuneOfficer, "02686");
    EXPECT_EQ(service_.ListUnits(officer, query).total, 0);
    EXPECT_EQ(service_.ListUnits(officer, UnitQuery{}).total, 1);
    EXPECT_THROW(service_.GetUnit(officer, UnitId("02689")), ServiceError);
    Person person;
    person.full_name = "Giàng Seo Sử";
    person.unit_id = UnitId("02689");
    EXPECT_THROW(service_.CreatePerson(Actor{&officer, ""}, person), ServiceError);
    person.unit_id = UnitId("02686");
    EXPECT_GT(service_.CreatePerson(Actor{&officer, ""}, person), 0);
}

TEST_P(ServiceTest, SignInIsThrottledAfterRepeatedFailures) {
    SignIn("canbo", Role::kViewer, "10");
    for (int i = 0; i < 5; ++i) {
        EXPECT_THROW(service_.SignIn("canbo", "sai-mat-khau", "10.0.0.1"), ServiceError);
    }
    try {
        service_.SignIn("canbo", "mat-khau-du-dai-2026", "10.0.0.1");
        FAIL() << "expected throttling";
    } catch (const ServiceError& error) {
        EXPECT_EQ(error.GetKind(), ServiceError::Kind::kThrottled);
    }
    now_ += 16 * 60 * 1000;
    EXPECT_NO_THROW(service_.SignIn("canbo", "mat-khau-du-dai-2026", "10.0.0.1"));
}

TEST_P(ServiceTest, SessionsExpireWhenIdleAndAbsolutely) {
    service_.CreateAccountByCode("canbo", "mat-khau-du-dai-2026", Role::kViewer, "10");
    auto signed_in = service_.SignIn("canbo", "mat-khau-du-dai-2026", "127.0.0.1");
    EXPECT_TRUE(service_.Authenticate(signed_in.token));
    now_ += 3 * 3600 * 1000LL;
    EXPECT_FALSE(service_.Authenticate(signed_in.token)) << "idle for longer than two hours";
    EXPECT_FALSE(service_.Authenticate("not-a-token"));

    // Active all the time, the session still ends twelve hours after sign-in.
    auto active = service_.SignIn("canbo", "mat-khau-du-dai-2026", "127.0.0.1");
    for (int hour = 0; hour < 11; ++hour) {
        now_ += 3600 * 1000LL;
        EXPECT_TRUE(service_.Authenticate(active.token)) << "hour " << hour + 1;
    }
    now_ += 3600 * 1000LL + 1;
    EXPECT_FALSE(service_.Authenticate(active.token));
}

TEST_P(ServiceTest, EveryChangeIsInTheAuditChain) {
    auto admin = SignIn("admin", Role::kAdministrator, "10");
    Person person;
    person.full_name = "Lò Thị Hằng";
    person.unit_id = UnitId("082");
    auto id = service_.CreatePerson(Actor{&admin, "127.0.0.1"}, person);
    person = service_.GetPerson(admin, id);
    person.position = "Trưởng ban Tuyên giáo";
    service_.UpdatePerson(Actor{&admin, "127.0.0.1"}, person);
    auto entries = service_.AuditLog(admin, 10, 0);
    ASSERT_GE(entries.size(), 3u);
    EXPECT_EQ(entries[0].change.action, "person.update");
    EXPECT_NE(entries[0].change.after_json.find("Trưởng ban Tuyên giáo"), std::string::npos);
    auto verification = audit::Verify(db_.Get());
    EXPECT_TRUE(verification.ok) << verification.problem;
}

TEST_P(ServiceTest, StaleVersionIsAConflict) {
    auto admin = SignIn("admin", Role::kAdministrator, "10");
    auto unit = service_.GetUnit(admin, UnitId("02686")).unit;
    UnitInput input{unit.code, unit.parent_id, unit.level, unit.kind, "A Mú Sung", "Xã A Mú Sung", std::nullopt,
                    std::nullopt, {}};
    service_.UpdateUnit(Actor{&admin, ""}, unit.id, unit.version, input);
    try {
        service_.UpdateUnit(Actor{&admin, ""}, unit.id, unit.version, input);
        FAIL() << "expected a conflict";
    } catch (const ServiceError& error) {
        EXPECT_EQ(error.GetKind(), ServiceError::Kind::kConflict);
    }
}

INSTANTIATE_TEST_SUITE_P(Engines, ServiceTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::org
