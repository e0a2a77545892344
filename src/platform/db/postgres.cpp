// PostgreSQL engine: libpq connections in a pool, prepared statements cached per connection.
#include <libpq-fe.h>
#include <spawn.h>
#include <sys/wait.h>

#include <charconv>
#include <cstring>
#include <filesystem>
#include <limits>
#include <unordered_map>

#include "platform/db/engines.hpp"
#include "platform/db/pool.hpp"

extern char** environ;

namespace tuyenvan::db::detail {
namespace {

ErrorKind KindOfState(const char* state) {
    if (state == nullptr) {
        return ErrorKind::kConnection;
    }
    std::string_view code(state);
    if (code == "23505") return ErrorKind::kUniqueViolation;
    if (code == "23503") return ErrorKind::kForeignKeyViolation;
    if (code == "23514" || code == "23502") return ErrorKind::kCheckViolation;
    if (code == "40001" || code == "40P01" || code == "55P03") return ErrorKind::kBusy;
    if (code.starts_with("08") || code.starts_with("57P")) return ErrorKind::kConnection;
    return ErrorKind::kOther;
}

constexpr Oid kByteaOid = 17;

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresConnection final : public Connection {
public:
    explicit PostgresConnection(const std::string& url) : url_(url) { Connect(); }
    ~PostgresConnection() override { PQfinish(conn_); }
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    Rows Query(std::string_view sql, std::span<const Value> params) override {
        EnsureConnected();
        const std::string& name = Prepare(sql, params);
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size());
        std::vector<int> lengths(params.size(), 0);
        std::vector<int> formats(params.size(), 0);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const Value& value = params[i];
            if (std::holds_alternative<std::nullptr_t>(value)) {
                values[i] = nullptr;
                continue;
            }
            if (const auto* blob = std::get_if<Blob>(&value)) {
                // Binary format: bytea's binary form is the bytes themselves, with no escaping.
                if (blob->bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
                    throw Error(ErrorKind::kOther, "binary parameter too large");
                }
                values[i] = blob->bytes.data();
                lengths[i] = static_cast<int>(blob->bytes.size());
                formats[i] = 1;
                continue;
            }
            if (const auto* integer = std::get_if<std::int64_t>(&value)) {
                texts[i] = std::to_string(*integer);
            } else if (const auto* real = std::get_if<double>(&value)) {
                char buffer[64];
                auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, *real);
                texts[i].assign(buffer, end);
            } else {
                texts[i] = std::get<std::string>(value);
            }
            values[i] = texts[i].c_str();
        }
        ResultPtr result(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(),
                                        lengths.data(), formats.data(), 0));
        return Read(result.get());
    }

    void ExecuteScript(std::string_view sql) override {
        EnsureConnected();
        std::string text(sql);
        ResultPtr result(PQexec(conn_, text.c_str()));
        Check(result.get());
    }

    Engine GetEngine() const override { return Engine::kPostgres; }

private:
    void Connect() {
        conn_ = PQconnectdb(url_.c_str());
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string message = PQerrorMessage(conn_);
            PQfinish(conn_);
            conn_ = nullptr;
            throw Error(ErrorKind::kConnection, "cannot connect to PostgreSQL: " + message);
        }
        ResultPtr result(PQexec(conn_, "SET TIME ZONE 'UTC'; SET client_min_messages = warning;"));
        Check(result.get());
    }

    void EnsureConnected() {
        if (conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK) {
            return;
        }
        // A dropped connection loses its prepared statements: start over.
        statements_.clear();
        if (conn_ != nullptr) {
            PQfinish(conn_);
            conn_ = nullptr;
        }
        Connect();
    }

    const std::string& Prepare(std::string_view sql, std::span<const Value> params) {
        auto found = statements_.find(sql);
        if (found != statements_.end()) {
            return found->second;
        }
        std::string name = "s" + std::to_string(statements_.size() + 1);
        std::vector<Oid> types(params.size(), 0);
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (std::holds_alternative<std::int64_t>(params[i])) {
                types[i] = 20;  // int8
            } else if (std::holds_alternative<double>(params[i])) {
                types[i] = 701;  // float8
            } else if (std::holds_alternative<Blob>(params[i])) {
                types[i] = kByteaOid;
            }
        }
        std::string text(sql);
        ResultPtr result(PQprepare(conn_, name.c_str(), text.c_str(), static_cast<int>(types.size()), types.data()));
        Check(result.get());
        return statements_.emplace(std::move(text), std::move(name)).first->second;
    }

    void Check(PGresult* result) {
        auto status = PQresultStatus(result);
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
            return;
        }
        const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
        throw Error(KindOfState(state), message);
    }

    Rows Read(PGresult* result) {
        Check(result);
        Rows rows;
        int columns = PQnfields(result);
        int count = PQntuples(result);
        rows.Reset(static_cast<std::size_t>(columns));
        std::vector<bool> bytea(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            bytea[static_cast<std::size_t>(c)] = PQftype(result, c) == kByteaOid;
        }
        for (int r = 0; r < count; ++r) {
            for (int c = 0; c < columns; ++c) {
                if (PQgetisnull(result, r, c)) {
                    rows.AddCell(std::nullopt);
                } else if (bytea[static_cast<std::size_t>(c)]) {
                    // Results come in text format, where bytea is escaped ("\x…" hex by default).
                    std::size_t size = 0;
                    std::unique_ptr<unsigned char, decltype(&PQfreemem)> bytes(
                        PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result, r, c)), &size),
                        &PQfreemem);
                    if (!bytes) {
                        throw Error(ErrorKind::kOther, "cannot decode a bytea value");
                    }
                    rows.AddCell(std::string_view(reinterpret_cast<const char*>(bytes.get()), size));
                } else {
                    rows.AddCell(std::string_view(PQgetvalue(result, r, c),
                                                  static_cast<std::size_t>(PQgetlength(result, r, c))));
                }
            }
        }
        const char* affected = PQcmdTuples(result);
        std::int64_t changed = 0;
        if (affected != nullptr && *affected != '\0') {
            std::from_chars(affected, affected + std::strlen(affected), changed);
        }
        rows.SetAffected(changed);
        return rows;
    }

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::string url_;
    PGconn* conn_ = nullptr;
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> statements_;
};

class PostgresDatabase final : public Database {
public:
    PostgresDatabase(std::string url, int pool_size) : url_(std::move(url)) {
        for (int i = 0; i < std::max(2, pool_size); ++i) {
            pool_.Add(std::make_unique<PostgresConnection>(url_));
        }
    }

    Engine GetEngine() const override { return Engine::kPostgres; }

    void Read(const std::function<void(Connection&)>& fn) override {
        Lease lease(pool_);
        fn(*lease);
    }

    void Write(const std::function<void(Connection&)>& fn) override {
        Lease lease(pool_);
        Connection& connection = *lease;
        connection.ExecuteScript("BEGIN");
        try {
            fn(connection);
            connection.ExecuteScript("COMMIT");
        } catch (...) {
            try {
                connection.ExecuteScript("ROLLBACK");
            } catch (const Error&) {
            }
            throw;
        }
    }

    bool Ping() override {
        try {
            Lease lease(pool_);
            return (*lease).Query("SELECT 1").Size() == 1;
        } catch (const std::exception&) {
            return false;
        }
    }

    void Backup(const std::string& path) override {
        std::string temporary = path + ".part";
        std::vector<std::string> args = {"pg_dump", "--format=custom", "--no-owner", "--file=" + temporary,
                                         "--dbname=" + url_};
        std::vector<char*> argv;
        for (auto& arg : args) {
            argv.push_back(arg.data());
        }
        argv.push_back(nullptr);
        pid_t pid = 0;
        if (posix_spawnp(&pid, "pg_dump", nullptr, nullptr, argv.data(), environ) != 0) {
            throw Error(ErrorKind::kOther, "cannot start pg_dump");
        }
        int status = 0;
        waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::filesystem::remove(temporary);
            throw Error(ErrorKind::kOther, "pg_dump failed");
        }
        std::filesystem::rename(temporary, path);
    }

    PoolStats Stats() const override { return pool_.Stats(); }

    std::string Describe() const override {
        // postgresql://user:secret@host/db → postgresql://user@host/db
        std::string shown = url_;
        auto scheme = shown.find("://");
        auto at = shown.find('@');
        if (scheme != std::string::npos && at != std::string::npos) {
            auto colon = shown.find(':', scheme + 3);
            if (colon != std::string::npos && colon < at) {
                shown.erase(colon, at - colon);
            }
        }
        return shown;
    }

    void Close() override { pool_.Clear(); }

private:
    std::string url_;
    ConnectionPool pool_;
};

}  // namespace

std::unique_ptr<Database> OpenPostgres(const std::string& url, int pool_size) {
    return std::make_unique<PostgresDatabase>(url, pool_size);
}

}  // namespace tuyenvan::db::detail
