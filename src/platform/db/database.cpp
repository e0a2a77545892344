#include "platform/db/database.hpp"

#include "platform/db/engines.hpp"

namespace tuyenvan::db {

std::unique_ptr<Database> Database::Open(const std::string& target, int pool_size) {
    if (IsPostgresTarget(target)) {
        return detail::OpenPostgres(target, pool_size);
    }
    return detail::OpenSqlite(target, pool_size);
}

}  // namespace tuyenvan::db
