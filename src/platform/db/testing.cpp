#include "platform/db/testing.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

namespace tuyenvan::db::testing {
namespace {

std::string AdminUrl() {
    const char* url = std::getenv("TUYENVAN_TEST_POSTGRES");
    return url ? url : "";
}

std::string UniqueSuffix() {
    static std::atomic<int> counter{0};
    std::random_device random;
    return std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(random() % 100000);
}

std::string WithDatabase(const std::string& url, const std::string& name) {
    // postgresql://user@host:port/postgres?x → …/name?x
    auto scheme = url.find("://");
    auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    auto query = url.find('?');
    std::string base = slash == std::string::npos ? url : url.substr(0, slash);
    std::string tail = query == std::string::npos ? "" : url.substr(query);
    return base + "/" + name + tail;
}

}  // namespace

std::vector<Engine> EnginesUnderTest() {
    std::vector<Engine> engines = {Engine::kSqlite};
    if (!AdminUrl().empty()) {
        engines.push_back(Engine::kPostgres);
    }
    return engines;
}

std::string EngineName(Engine engine) { return engine == Engine::kSqlite ? "SQLite" : "PostgreSQL"; }

TestDatabase::TestDatabase(Engine engine) : engine_(engine) {
    name_ = "tv_test_" + UniqueSuffix();
    if (engine == Engine::kSqlite) {
        target_ = (std::filesystem::temp_directory_path() / (name_ + ".db")).string();
    } else {
        auto admin = Database::Open(AdminUrl(), 1);
        admin->Read([&](Connection& c) { c.ExecuteScript("CREATE DATABASE " + name_); });
        target_ = WithDatabase(AdminUrl(), name_);
    }
    database_ = Database::Open(target_, 4);
}

TestDatabase::~TestDatabase() {
    database_->Close();
    database_.reset();
    if (engine_ == Engine::kSqlite) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(target_ + suffix);
        }
    } else {
        try {
            auto admin = Database::Open(AdminUrl(), 1);
            admin->Read([&](Connection& c) { c.ExecuteScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)"); });
        } catch (const std::exception&) {
        }
    }
}

}  // namespace tuyenvan::db::testing
