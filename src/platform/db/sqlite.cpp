// SQLite engine: WAL, foreign keys, busy timeout, one serialised writer and a pool of readers.
#include <sqlite3.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "platform/db/engines.hpp"
#include "platform/db/pool.hpp"

namespace tuyenvan::db::detail {
namespace {

ErrorKind KindOf(int code) {
    switch (code & 0xff) {
        case SQLITE_CONSTRAINT:
            switch (code) {
                case SQLITE_CONSTRAINT_UNIQUE:
                case SQLITE_CONSTRAINT_PRIMARYKEY:
                    return ErrorKind::kUniqueViolation;
                case SQLITE_CONSTRAINT_FOREIGNKEY:
                    return ErrorKind::kForeignKeyViolation;
                default:
                    return ErrorKind::kCheckViolation;
            }
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return ErrorKind::kBusy;
        case SQLITE_CANTOPEN:
            return ErrorKind::kConnection;
        default:
            return ErrorKind::kOther;
    }
}

class SqliteConnection final : public Connection {
public:
    SqliteConnection(const std::string& path, bool reader) {
        int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
        int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
        if (rc != SQLITE_OK) {
            std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            db_ = nullptr;
            throw Error(ErrorKind::kConnection, "cannot open " + path + ": " + message);
        }
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, 5000);
        // Pages are read through a memory map (no copy per read) and 32 MiB of them stay decoded per
        // connection: a search reads a few MiB of the FTS5 index, which pread would copy on every query.
        ExecuteScript("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=1073741824; "
                      "PRAGMA cache_size=-32768;");
        if (reader) {
            ExecuteScript("PRAGMA query_only=1;");
        }
    }

    ~SqliteConnection() override {
        for (auto& [sql, prepared] : statements_) {
            sqlite3_finalize(prepared.stmt);
        }
        sqlite3_close_v2(db_);
    }

    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    Rows Query(std::string_view sql, std::span<const Value> params) override {
        const Prepared& prepared = Prepare(sql);
        sqlite3_stmt* stmt = prepared.stmt;
        Bind(prepared, params);
        Rows rows;
        int columns = sqlite3_column_count(stmt);
        rows.Reset(static_cast<std::size_t>(columns));
        char number[32];
        for (;;) {
            int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) {
                break;
            }
            if (rc != SQLITE_ROW) {
                sqlite3_reset(stmt);
                Fail(rc);
            }
            for (int i = 0; i < columns; ++i) {
                switch (sqlite3_column_type(stmt, i)) {
                    case SQLITE_NULL:
                        rows.AddCell(std::nullopt);
                        break;
                    case SQLITE_INTEGER: {
                        auto value = sqlite3_column_int64(stmt, i);
                        auto [end, ec] = std::to_chars(number, number + sizeof number, value);
                        rows.AddCell(std::string_view(number, static_cast<std::size_t>(end - number)));
                        break;
                    }
                    case SQLITE_BLOB: {
                        // A zero-length BLOB comes back as a null pointer.
                        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt, i));
                        int size = sqlite3_column_bytes(stmt, i);
                        rows.AddCell(std::string_view(bytes ? bytes : "", static_cast<std::size_t>(size)));
                        break;
                    }
                    default: {
                        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
                        int size = sqlite3_column_bytes(stmt, i);
                        rows.AddCell(std::string_view(text ? text : "", static_cast<std::size_t>(size)));
                    }
                }
            }
        }
        rows.SetAffected(sqlite3_changes64(db_));
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        return rows;
    }

    void ExecuteScript(std::string_view sql) override {
        std::string text(sql);
        char* message = nullptr;
        int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
        if (rc != SQLITE_OK) {
            std::string what = message ? message : sqlite3_errstr(rc);
            sqlite3_free(message);
            throw Error(KindOf(sqlite3_extended_errcode(db_)), what);
        }
    }

    Engine GetEngine() const override { return Engine::kSqlite; }

    sqlite3* Handle() const { return db_; }

private:
    /// A prepared statement with, for each of its SQLite parameters, the number N of its "$N".
    struct Prepared {
        sqlite3_stmt* stmt = nullptr;
        std::vector<std::size_t> numbers;
    };

    const Prepared& Prepare(std::string_view sql) {
        auto found = statements_.find(sql);
        if (found != statements_.end()) {
            return found->second;
        }
        Prepared prepared;
        int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                    &prepared.stmt, nullptr);
        if (rc != SQLITE_OK) {
            Fail(rc);
        }
        // Names are read once here: sqlite3_bind_parameter_name walks the statement's list of names, so
        // reading them at every bind made a statement with many parameters quadratic.
        int count = sqlite3_bind_parameter_count(prepared.stmt);
        for (int i = 1; i <= count; ++i) {
            const char* name = sqlite3_bind_parameter_name(prepared.stmt, i);
            std::size_t number = 0;
            if (name == nullptr || name[0] != '$' ||
                std::from_chars(name + 1, name + std::char_traits<char>::length(name), number).ec != std::errc{} ||
                number == 0) {
                sqlite3_finalize(prepared.stmt);
                throw Error(ErrorKind::kOther, "unbound parameter in SQL");
            }
            prepared.numbers.push_back(number);
        }
        return statements_.emplace(std::string(sql), prepared).first->second;
    }

    void Bind(const Prepared& prepared, std::span<const Value> params) {
        sqlite3_stmt* stmt = prepared.stmt;
        for (int i = 1; i <= static_cast<int>(prepared.numbers.size()); ++i) {
            std::size_t index = prepared.numbers[static_cast<std::size_t>(i - 1)];
            if (index > params.size()) {
                throw Error(ErrorKind::kOther, "unbound parameter in SQL");
            }
            const Value& value = params[index - 1];
            int rc = SQLITE_OK;
            if (std::holds_alternative<std::nullptr_t>(value)) {
                rc = sqlite3_bind_null(stmt, i);
            } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
                rc = sqlite3_bind_int64(stmt, i, *integer);
            } else if (const auto* real = std::get_if<double>(&value)) {
                rc = sqlite3_bind_double(stmt, i, *real);
            } else if (const auto* blob = std::get_if<Blob>(&value)) {
                rc = sqlite3_bind_blob64(stmt, i, blob->bytes.data(), blob->bytes.size(), SQLITE_TRANSIENT);
            } else {
                const auto& text = std::get<std::string>(value);
                rc = sqlite3_bind_text64(stmt, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
            }
            if (rc != SQLITE_OK) {
                Fail(rc);
            }
        }
    }

    [[noreturn]] void Fail(int rc) {
        int extended = sqlite3_extended_errcode(db_);
        throw Error(KindOf(extended ? extended : rc), sqlite3_errmsg(db_));
    }

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, Prepared, Hash, std::equal_to<>> statements_;
};

class SqliteDatabase final : public Database {
public:
    SqliteDatabase(std::string path, int pool_size) : path_(std::move(path)) {
        auto parent = std::filesystem::path(path_).parent_path();
        if (!parent.empty()) {
            std::filesystem::create_directories(parent);
        }
        writer_ = std::make_unique<SqliteConnection>(path_, false);
        writer_->ExecuteScript("PRAGMA journal_mode=WAL;");
        for (int i = 0; i < std::max(1, pool_size); ++i) {
            readers_.Add(std::make_unique<SqliteConnection>(path_, true));
        }
    }

    Engine GetEngine() const override { return Engine::kSqlite; }

    void Read(const std::function<void(Connection&)>& fn) override {
        Lease lease(readers_);
        fn(*lease);
    }

    void Write(const std::function<void(Connection&)>& fn) override {
        std::lock_guard lock(writer_mutex_);
        if (!writer_) {
            throw Error(ErrorKind::kConnection, "database is closed");
        }
        writer_->ExecuteScript("BEGIN IMMEDIATE");
        try {
            fn(*writer_);
            writer_->ExecuteScript("COMMIT");
        } catch (...) {
            writer_->ExecuteScript("ROLLBACK");
            throw;
        }
    }

    bool Ping() override {
        try {
            Lease lease(readers_);
            return (*lease).Query("SELECT 1").Size() == 1;
        } catch (const std::exception&) {
            return false;
        }
    }

    void Backup(const std::string& path) override {
        std::string temporary = path + ".part";
        std::filesystem::remove(temporary);
        sqlite3* target = nullptr;
        if (sqlite3_open(temporary.c_str(), &target) != SQLITE_OK) {
            std::string message = target ? sqlite3_errmsg(target) : "out of memory";
            sqlite3_close(target);
            throw Error(ErrorKind::kConnection, "cannot create " + path + ": " + message);
        }
        Lease lease(readers_);
        auto& source = static_cast<SqliteConnection&>(*lease);
        // Reading from one snapshot of a WAL reader gives a consistent copy while writers go on.
        sqlite3_backup* backup = sqlite3_backup_init(target, "main", source.Handle(), "main");
        int rc = backup ? sqlite3_backup_step(backup, -1) : sqlite3_errcode(target);
        if (backup) {
            sqlite3_backup_finish(backup);
        }
        std::string message = sqlite3_errmsg(target);
        sqlite3_close(target);
        if (rc != SQLITE_DONE) {
            std::filesystem::remove(temporary);
            throw Error(ErrorKind::kOther, "backup failed: " + message);
        }
        std::filesystem::rename(temporary, path);
    }

    PoolStats Stats() const override {
        PoolStats stats = readers_.Stats();
        stats.size += 1;
        return stats;
    }

    std::string Describe() const override { return "sqlite:" + path_; }

    void Close() override {
        readers_.Clear();
        std::lock_guard lock(writer_mutex_);
        if (writer_) {
            // Fold the WAL back into the main file so a copied data folder is complete.
            try {
                writer_->ExecuteScript("PRAGMA wal_checkpoint(TRUNCATE);");
            } catch (const Error&) {
            }
            writer_.reset();
        }
    }

private:
    std::string path_;
    std::mutex writer_mutex_;
    std::unique_ptr<SqliteConnection> writer_;
    ConnectionPool readers_;
};

}  // namespace

std::unique_ptr<Database> OpenSqlite(const std::string& path, int pool_size) {
    return std::make_unique<SqliteDatabase>(path, pool_size);
}

}  // namespace tuyenvan::db::detail
