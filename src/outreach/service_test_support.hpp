// What the outreach room's service tests share: a fresh database of each engine under test with the schema,
// the org service on a test clock, and helpers to sign people in, find units and check refusals. Header only;
// a test derives its fixture from OutreachServiceTest and adds its own services and units.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <string>

#include "org/service.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/testing.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach::testing {

class OutreachServiceTest : public ::testing::TestWithParam<db::Engine> {
protected:
    using Kind = org::ServiceError::Kind;

    /// The test clock starts at `now` (UTC epoch ms); the schema is migrated.
    explicit OutreachServiceTest(std::int64_t now) : now_(now) { db::Migrate(db_.Get()); }

    /// An account with one role on the unit of `code`, signed in.
    org::Principal SignIn(const std::string& login, org::Role role, const std::string& code) {
        org_.CreateAccountByCode(login, kPassword, role, code);
        return org_.SignIn(login, kPassword, "127.0.0.1").principal;
    }
    /// An account with one role on a unit given by id, signed in.
    org::Principal SignInAt(const std::string& login, org::Role role, std::int64_t unit_id) {
        org_.CreateAccount(org::Actor{nullptr, ""}, login, kPassword, std::nullopt, role, unit_id);
        return org_.SignIn(login, kPassword, "127.0.0.1").principal;
    }
    std::int64_t UnitId(const std::string& code) {
        return db_.Get().ReadValue(
            [&](db::Connection& c) { return c.Query("SELECT id FROM units WHERE code = $1", {code}).Int(0, 0); });
    }
    static org::Actor As(const org::Principal& principal) { return org::Actor{&principal, "127.0.0.1"}; }
    /// The first column of the first row of a counting query.
    std::int64_t Count(const std::string& sql) {
        return db_.Get().ReadValue([&](db::Connection& c) { return c.Query(sql).Int(0, 0); });
    }
    /// The kind of the ServiceError `fn` throws (a failure when it throws none); its message to `message`.
    Kind KindOf(const std::function<void()>& fn, std::string* message = nullptr) {
        try {
            fn();
        } catch (const org::ServiceError& error) {
            EXPECT_GT(std::string(error.what()).size(), 10u) << error.what();
            if (message != nullptr) {
                *message = error.what();
            }
            return error.GetKind();
        }
        ADD_FAILURE() << "expected a ServiceError";
        return Kind::kUnauthenticated;
    }
    /// Noon in Vietnam of a local date ("yyyy-mm-dd").
    static std::int64_t Noon(const std::string& date) { return text::ParseIsoDate(date).value() + 5 * 3600000; }

    static constexpr const char* kPassword = "mat-khau-du-dai-2026";

    std::int64_t now_;
    db::testing::TestDatabase db_{GetParam()};
    org::Service org_{db_.Get(), org::AuthOptions{}, [this] { return now_; }};
};

}  // namespace tuyenvan::outreach::testing
