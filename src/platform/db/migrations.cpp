#include "platform/db/migrations.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

namespace tuyenvan::db {

// Defined in the generated sources.
namespace sqlite_files {
const std::vector<std::pair<std::string_view, std::string_view>>& SqliteMigrationFiles();
}
namespace postgres_files {
const std::vector<std::pair<std::string_view, std::string_view>>& PostgresMigrationFiles();
}

namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at BIGINT NOT NULL)";

std::int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

std::vector<Migration> BuiltInMigrations(Engine engine) {
    const auto& files = engine == Engine::kSqlite ? sqlite_files::SqliteMigrationFiles()
                                                  : postgres_files::PostgresMigrationFiles();
    std::vector<Migration> out;
    for (const auto& [file, sql] : files) {
        // "0002_sessions_audit.sql" → version 2, name "sessions_audit"
        Migration migration;
        std::from_chars(file.data(), file.data() + file.size(), migration.version);
        auto underscore = file.find('_');
        auto dot = file.rfind('.');
        migration.name = std::string(file.substr(underscore + 1, dot - underscore - 1));
        migration.sql = sql;
        out.push_back(migration);
    }
    std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return out;
}

int CurrentVersion(Database& database) {
    int version = 0;
    database.Write([&](Connection& c) {
        c.ExecuteScript(kCreateTable);
        version = static_cast<int>(c.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Int(0, 0));
    });
    return version;
}

int Migrate(Database& database, std::optional<int> target) {
    int applied = 0;
    for (const Migration& migration : BuiltInMigrations(database.GetEngine())) {
        if (target && migration.version > *target) {
            break;
        }
        bool ran = false;
        database.Write([&](Connection& c) {
            if (c.GetEngine() == Engine::kPostgres) {
                // Serialises nodes that migrate at the same moment.
                c.Query("SELECT pg_advisory_xact_lock(7461)");
            }
            c.ExecuteScript(kCreateTable);
            auto done = c.Query("SELECT 1 FROM schema_migrations WHERE version = $1",
                                {static_cast<std::int64_t>(migration.version)});
            if (!done.Empty()) {
                return;
            }
            c.ExecuteScript(migration.sql);
            c.Query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                    {static_cast<std::int64_t>(migration.version), migration.name, NowMs()});
            ran = true;
        });
        applied += ran ? 1 : 0;
    }
    return applied;
}

std::string SchemaFingerprint(Database& database) {
    std::string out;
    database.Read([&](Connection& c) {
        Rows rows;
        if (c.GetEngine() == Engine::kSqlite) {
            rows = c.Query(
                "SELECT type, name, COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                "ORDER BY type, name");
        } else {
            rows = c.Query(
                "SELECT 'column', table_name || '.' || column_name, data_type || ' ' || is_nullable || ' ' || "
                "COALESCE(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' "
                "UNION ALL SELECT 'index', tablename || '.' || indexname, indexdef FROM pg_indexes "
                "WHERE schemaname = 'public' "
                "UNION ALL SELECT 'trigger', event_object_table || '.' || trigger_name, action_statement "
                "FROM information_schema.triggers WHERE trigger_schema = 'public' "
                "UNION ALL SELECT 'constraint', conrelid::regclass::text || '.' || conname, "
                "pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace "
                "ORDER BY 1, 2, 3");
        }
        for (std::size_t i = 0; i < rows.Size(); ++i) {
            out.append(rows.Text(i, 0)).append(" ").append(rows.Text(i, 1)).append(" ");
            out.append(rows.Text(i, 2)).append("\n");
        }
    });
    return out;
}

}  // namespace tuyenvan::db
