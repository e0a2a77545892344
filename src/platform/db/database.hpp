// The storage layer: one interface over SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tuyenvan::db {

/// Which engine a database runs on; SQL differs only in migrations and behind small interfaces.
enum class Engine { kSqlite, kPostgres };

/// Bytes for a BLOB (SQLite) or BYTEA (PostgreSQL) column, bound as binary so NUL and any other
/// byte survive unchanged; a std::string parameter is text and must be valid UTF-8 without NUL.
struct Blob {
    std::string bytes;
};

/// A bound parameter. SQL text uses $1, $2, … on both engines.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;

/// A parameter that is NULL when the optional is empty.
inline Value Nullable(const std::optional<std::int64_t>& value) {
    return value ? Value(*value) : Value(nullptr);
}

/// Broad kinds of database failure that callers may turn into user-facing outcomes.
enum class ErrorKind { kUniqueViolation, kForeignKeyViolation, kCheckViolation, kBusy, kConnection, kOther };

/// A database failure; `kind` lets services map constraint violations to Vietnamese messages.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    /// The broad kind of failure.
    ErrorKind Kind() const { return kind_; }

private:
    ErrorKind kind_;
};

/// A fully read result set: cells as text (or NULL), plus the count of changed rows.
class Rows {
public:
    /// Number of rows.
    std::size_t Size() const { return rows_; }
    /// True when there are no rows.
    bool Empty() const { return rows_ == 0; }
    /// Number of columns.
    std::size_t Columns() const { return columns_; }
    /// True when the cell is NULL.
    bool IsNull(std::size_t row, std::size_t column) const;
    /// The cell as text (empty for NULL); for a BLOB (SQLite) or BYTEA (PostgreSQL) value, its
    /// exact bytes.
    std::string_view Text(std::size_t row, std::size_t column) const;
    /// The cell as a string copy.
    std::string String(std::size_t row, std::size_t column) const { return std::string(Text(row, column)); }
    /// The cell as an integer (0 for NULL); throws Error for non-numeric text.
    std::int64_t Int(std::size_t row, std::size_t column) const;
    /// The cell as a real number (0 for NULL).
    double Real(std::size_t row, std::size_t column) const;
    /// The cell as an optional integer.
    std::optional<std::int64_t> OptInt(std::size_t row, std::size_t column) const;
    /// Rows changed by an INSERT, UPDATE or DELETE.
    std::int64_t Affected() const { return affected_; }

    /// Builders used by the engines.
    void Reset(std::size_t columns);
    void AddCell(std::optional<std::string_view> value);
    void SetAffected(std::int64_t affected) { affected_ = affected; }

private:
    std::size_t columns_ = 0;
    std::size_t rows_ = 0;
    std::vector<std::string> cells_;
    std::vector<bool> nulls_;
    std::int64_t affected_ = 0;
};

/// One connection; not thread-safe, leased from the Database's pool.
class Connection {
public:
    virtual ~Connection() = default;
    /// Runs one statement with parameters and reads every row.
    virtual Rows Query(std::string_view sql, std::span<const Value> params) = 0;
    /// Convenience overload.
    Rows Query(std::string_view sql, std::initializer_list<Value> params = {}) {
        return Query(sql, std::span<const Value>(params.begin(), params.size()));
    }
    /// Runs a script of several statements without parameters.
    virtual void ExecuteScript(std::string_view sql) = 0;
    /// The engine behind this connection.
    virtual Engine GetEngine() const = 0;
};

/// Pool counters for /metrics.
struct PoolStats {
    int size = 0;
    int in_use = 0;
    std::int64_t waits = 0;
};

/// A connection pool with one serialised writer (SQLite) or a shared pool (PostgreSQL).
class Database {
public:
    virtual ~Database() = default;

    /// Opens `target`: "postgresql://…" or "postgres://…" for PostgreSQL, otherwise a SQLite file path.
    static std::unique_ptr<Database> Open(const std::string& target, int pool_size);

    /// The engine.
    virtual Engine GetEngine() const = 0;
    /// Runs `fn` on a pooled reading connection.
    virtual void Read(const std::function<void(Connection&)>& fn) = 0;
    /// Runs `fn` inside one write transaction: committed when fn returns, rolled back when it throws.
    virtual void Write(const std::function<void(Connection&)>& fn) = 0;
    /// True when a trivial query succeeds.
    virtual bool Ping() = 0;
    /// Writes a consistent copy of the live database to `path` (SQLite backup API; pg_dump).
    virtual void Backup(const std::string& path) = 0;
    /// Pool counters.
    virtual PoolStats Stats() const = 0;
    /// A printable name of the target with any password removed.
    virtual std::string Describe() const = 0;
    /// Closes every connection; later calls fail.
    virtual void Close() = 0;

    /// Typed helpers around Read/Write for results.
    template <typename F>
    auto ReadValue(F fn) {
        std::optional<decltype(fn(std::declval<Connection&>()))> out;
        Read([&](Connection& c) { out.emplace(fn(c)); });
        return std::move(*out);
    }
    template <typename F>
    auto WriteValue(F fn) {
        std::optional<decltype(fn(std::declval<Connection&>()))> out;
        Write([&](Connection& c) { out.emplace(fn(c)); });
        return std::move(*out);
    }
};

/// True when `target` names a PostgreSQL database.
bool IsPostgresTarget(std::string_view target);

}  // namespace tuyenvan::db
