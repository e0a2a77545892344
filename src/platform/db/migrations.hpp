// Numbered schema migrations per engine, embedded in the binary.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace tuyenvan::db {

/// One migration step.
struct Migration {
    int version = 0;
    std::string name;
    std::string_view sql;
};

/// The migrations shipped for an engine, in order.
std::vector<Migration> BuiltInMigrations(Engine engine);

/// The highest applied version (0 for an empty database).
int CurrentVersion(Database& database);

/// Applies every missing migration up to `target` (all when unset); returns how many ran.
/// Safe when several nodes start at once: each step runs in its own locked transaction.
int Migrate(Database& database, std::optional<int> target = std::nullopt);

/// A canonical text of the schema (tables, columns, indexes, triggers) used to compare databases.
std::string SchemaFingerprint(Database& database);

}  // namespace tuyenvan::db
