// Factories of the two engines, used by Database::Open.
#pragma once

#include <memory>
#include <string>

#include "platform/db/database.hpp"

namespace tuyenvan::db::detail {

/// Opens (and creates) a SQLite database file.
std::unique_ptr<Database> OpenSqlite(const std::string& path, int pool_size);
/// Connects a pool to a PostgreSQL URL.
std::unique_ptr<Database> OpenPostgres(const std::string& url, int pool_size);

}  // namespace tuyenvan::db::detail
