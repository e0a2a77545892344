// Throwaway databases for tests: a temporary SQLite file, or a new PostgreSQL database on the
// test cluster named by TUYENVAN_TEST_POSTGRES (a URL of its maintenance database).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace tuyenvan::db::testing {

/// The engines a test run covers: SQLite always, PostgreSQL when TUYENVAN_TEST_POSTGRES is set.
std::vector<Engine> EnginesUnderTest();

/// A fresh empty database of the engine, removed when the object dies.
class TestDatabase {
public:
    explicit TestDatabase(Engine engine);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    /// The open database.
    Database& Get() { return *database_; }
    /// What Database::Open takes to reach it again.
    const std::string& Target() const { return target_; }

private:
    Engine engine_;
    std::string target_;
    std::string name_;
    std::unique_ptr<Database> database_;
};

/// A printable engine name for parameterised test names.
std::string EngineName(Engine engine);

}  // namespace tuyenvan::db::testing
