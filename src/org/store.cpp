#include "org/store.hpp"

#include "platform/text/collate.hpp"
#include "platform/text/fold.hpp"

namespace tuyenvan::org {
namespace {

using db::Value;

constexpr std::string_view kUnitColumns =
    "u.id, u.code, u.parent_id, p.full_name, u.level, u.kind, u.name, u.full_name, u.name_en, u.path, u.depth, "
    "u.valid_from, u.valid_to, u.version";

Unit ReadUnit(const db::Rows& rows, std::size_t i) {
    Unit unit;
    unit.id = rows.Int(i, 0);
    unit.code = rows.String(i, 1);
    unit.parent_id = rows.OptInt(i, 2);
    unit.parent_name = rows.String(i, 3);
    unit.level = rows.String(i, 4);
    unit.kind = rows.String(i, 5);
    unit.name = rows.String(i, 6);
    unit.full_name = rows.String(i, 7);
    unit.name_en = rows.String(i, 8);
    unit.path = rows.String(i, 9);
    unit.depth = rows.Int(i, 10);
    unit.valid_from = rows.OptInt(i, 11);
    unit.valid_to = rows.OptInt(i, 12);
    unit.version = rows.Int(i, 13);
    return unit;
}

const text::Collator& Collation() {
    static const text::Collator collator;
    return collator;
}


// "%text%" for LIKE, with the wildcards of the text itself escaped.
std::string Contains(const std::string& folded) {
    std::string out = "%";
    for (char c : folded) {
        if (c == '%' || c == '_' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "%";
}

// Appends "AND (col LIKE $n || '%' OR …)" restricting rows to the caller's subtrees.
void AddScope(std::string& sql, std::vector<Value>& params, const std::vector<std::string>& scopes,
              std::string_view column) {
    sql += " AND (";
    if (scopes.empty()) {
        sql += "1 = 0";
    }
    for (std::size_t i = 0; i < scopes.size(); ++i) {
        params.emplace_back(scopes[i]);
        sql += (i ? " OR " : "") + std::string(column) + " LIKE $" + std::to_string(params.size()) + " || '%'";
    }
    sql += ")";
}

std::string Param(std::vector<Value>& params, Value value) {
    params.push_back(std::move(value));
    return "$" + std::to_string(params.size());
}

// Every unit write moves the counter that tells nodes their directory is stale.
void BumpUnits(db::Connection& c) { c.Query("UPDATE change_counters SET value = value + 1 WHERE name = 'units'"); }

std::int64_t Offset(std::int64_t page, std::int64_t per_page) { return (std::max<std::int64_t>(page, 1) - 1) * per_page; }

}  // namespace

std::optional<Unit> Store::FindUnit(db::Connection& c, std::int64_t id) const {
    auto rows = c.Query("SELECT " + std::string(kUnitColumns) +
                            " FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = $1",
                        {id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    Unit unit = ReadUnit(rows, 0);
    auto successors = c.Query("SELECT successor_id FROM unit_successors WHERE unit_id = $1 ORDER BY successor_id", {id});
    for (std::size_t i = 0; i < successors.Size(); ++i) {
        unit.successor_ids.push_back(successors.Int(i, 0));
    }
    return unit;
}

std::optional<Unit> Store::FindUnitByCode(db::Connection& c, const std::string& code) const {
    auto rows = c.Query("SELECT id FROM units WHERE code = $1", {code});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return FindUnit(c, rows.Int(0, 0));
}

std::vector<Unit> Store::Children(db::Connection& c, std::int64_t id) const {
    auto rows = c.Query("SELECT " + std::string(kUnitColumns) +
                            " FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.parent_id = $1 "
                            "ORDER BY u.sort_key, u.id",
                        {id});
    std::vector<Unit> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(ReadUnit(rows, i));
    }
    return out;
}

std::vector<Unit> Store::Ancestors(db::Connection& c, const Unit& unit) const {
    std::vector<Unit> out;
    std::optional<std::int64_t> parent = unit.parent_id;
    while (parent && out.size() < 16) {
        auto found = FindUnit(c, *parent);
        if (!found) {
            break;
        }
        parent = found->parent_id;
        out.insert(out.begin(), std::move(*found));
    }
    return out;
}

std::int64_t Store::InsertUnit(db::Connection& c, const Unit& unit, std::int64_t now) const {
    std::string parent_path = "/";
    std::int64_t depth = 0;
    if (unit.parent_id) {
        auto parent = c.Query("SELECT path, depth FROM units WHERE id = $1", {*unit.parent_id});
        if (!parent.Empty()) {
            parent_path = parent.String(0, 0);
            depth = parent.Int(0, 1) + 1;
        }
    }
    std::string key = text::Fold(unit.full_name + " " + unit.name + " " + unit.code);
    auto id = c.Query(
                   "INSERT INTO units (code, parent_id, level, kind, name, full_name, name_en, name_key, sort_key, "
                   "path, depth, valid_from, valid_to, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                   "$8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
                   {unit.code.empty() ? Value(nullptr) : Value(unit.code), db::Nullable(unit.parent_id), unit.level,
                    unit.kind, unit.name, unit.full_name, unit.name_en, key, Collation().SortKeyHex(unit.name),
                    std::string("/pending/"), depth, db::Nullable(unit.valid_from), db::Nullable(unit.valid_to), now})
                  .Int(0, 0);
    c.Query("UPDATE units SET path = $1 WHERE id = $2", {parent_path + std::to_string(id) + "/", id});
    BumpUnits(c);
    return id;
}

bool Store::UpdateUnit(db::Connection& c, const Unit& unit, std::int64_t now) const {
    std::string key = text::Fold(unit.full_name + " " + unit.name + " " + unit.code);
    auto rows = c.Query(
        "UPDATE units SET code = $1, kind = $2, name = $3, full_name = $4, name_en = $5, name_key = $6, "
        "sort_key = $7, valid_from = $8, valid_to = $9, updated_at = $10, version = version + 1 "
        "WHERE id = $11 AND version = $12",
        {unit.code.empty() ? Value(nullptr) : Value(unit.code), unit.kind, unit.name, unit.full_name, unit.name_en, key,
         Collation().SortKeyHex(unit.name), db::Nullable(unit.valid_from), db::Nullable(unit.valid_to), now, unit.id,
         unit.version});
    BumpUnits(c);
    return rows.Affected() == 1;
}

void Store::SetSuccessors(db::Connection& c, std::int64_t unit_id, const std::vector<std::int64_t>& successors) const {
    BumpUnits(c);
    c.Query("DELETE FROM unit_successors WHERE unit_id = $1", {unit_id});
    for (std::int64_t successor : successors) {
        c.Query("INSERT INTO unit_successors (unit_id, successor_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                {unit_id, successor});
    }
}

bool Store::UpsertUnitRecord(db::Connection& c, const UnitRecord& record, std::int64_t now) const {
    std::optional<std::int64_t> parent_id;
    std::string parent_path = "/";
    std::int64_t depth = 0;
    if (!record.parent_code.empty()) {
        auto parent = c.Query("SELECT id, path, depth FROM units WHERE code = $1", {record.parent_code});
        parent_id = parent.Int(0, 0);
        parent_path = parent.String(0, 1);
        depth = parent.Int(0, 2) + 1;
    }
    auto existing = c.Query("SELECT id, path FROM units WHERE code = $1", {record.code});
    std::string key = text::Fold(record.full_name + " " + record.name + " " + record.code);
    std::string sort_key = Collation().SortKeyHex(record.name);
    if (existing.Empty()) {
        Unit unit;
        unit.code = record.code;
        unit.parent_id = parent_id;
        unit.level = record.level;
        unit.kind = record.kind;
        unit.name = record.name;
        unit.full_name = record.full_name;
        unit.name_en = record.name_en;
        unit.valid_from = record.valid_from;
        unit.valid_to = record.valid_to;
        InsertUnit(c, unit, now);
        return true;
    }
    std::int64_t id = existing.Int(0, 0);
    std::string old_path = existing.String(0, 1);
    std::string new_path = parent_path + std::to_string(id) + "/";
    c.Query(
        "UPDATE units SET parent_id = $1, level = $2, kind = $3, name = $4, full_name = $5, name_en = $6, "
        "name_key = $7, sort_key = $8, valid_from = COALESCE($9, valid_from), valid_to = $10, updated_at = $11, "
        "version = version + 1 WHERE id = $12",
        {db::Nullable(parent_id), record.level, record.kind, record.name, record.full_name, record.name_en, key, sort_key,
         db::Nullable(record.valid_from), db::Nullable(record.valid_to), now, id});
    BumpUnits(c);
    if (old_path != new_path) {
        // A unit that moved takes its subtree along.
        c.Query(
            "UPDATE units SET path = $1 || substr(path, length($2) + 1), depth = depth - $3 + $4 "
            "WHERE path LIKE $2 || '%'",
            {new_path, old_path, static_cast<std::int64_t>(std::count(old_path.begin(), old_path.end(), '/') - 2),
             depth});
    }
    return false;
}

std::vector<Unit> Store::AllUnits(db::Connection& c) const {
    auto rows = c.Query("SELECT " + std::string(kUnitColumns) + ", u.name_key, u.sort_key" +
                        " FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.depth, u.sort_key, u.id");
    std::vector<Unit> out;
    out.reserve(rows.Size());
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(ReadUnit(rows, i));
        out.back().name_key = rows.String(i, 14);
        out.back().sort_key = rows.String(i, 15);
    }
    return out;
}

std::int64_t Store::UnitsStamp(db::Connection& c) const {
    return c.Query("SELECT value FROM change_counters WHERE name = 'units'").Int(0, 0);
}

// People

namespace {
constexpr std::string_view kPersonColumns =
    "pe.id, pe.full_name, pe.position, pe.unit_id, u.full_name, pe.phone, pe.email, pe.version";

Person ReadPerson(const db::Rows& rows, std::size_t i) {
    return Person{rows.Int(i, 0),    rows.String(i, 1), rows.String(i, 2), rows.Int(i, 3),
                  rows.String(i, 4), rows.String(i, 5), rows.String(i, 6), rows.Int(i, 7)};
}
}  // namespace

Page<Person> Store::ListPeople(db::Connection& c, const PersonQuery& query,
                               const std::vector<std::string>& scopes) const {
    std::vector<Value> params;
    std::string where = " WHERE 1 = 1";
    AddScope(where, params, scopes, "u.path");
    if (!query.text.empty()) {
        where += " AND pe.name_key LIKE " + Param(params, Contains(text::Fold(query.text))) + " ESCAPE '\\'";
    }
    if (query.unit_id) {
        where += " AND pe.unit_id = " + Param(params, *query.unit_id);
    }
    std::string from = " FROM people pe JOIN units u ON u.id = pe.unit_id";
    Page<Person> page;
    page.page = std::max<std::int64_t>(query.page, 1);
    page.per_page = query.per_page;
    page.total = c.Query("SELECT COUNT(*)" + from + where, params).Int(0, 0);
    // The SQL is built before the call: Param() grows `params`, which the call reads.
    std::string sql = "SELECT " + std::string(kPersonColumns) + from + where + " ORDER BY pe.sort_key, pe.id LIMIT " +
                      Param(params, query.per_page) + " OFFSET " + Param(params, Offset(query.page, query.per_page));
    auto rows = c.Query(sql, params);
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        page.items.push_back(ReadPerson(rows, i));
    }
    return page;
}

std::optional<Person> Store::FindPerson(db::Connection& c, std::int64_t id) const {
    auto rows = c.Query(
        "SELECT " + std::string(kPersonColumns) + " FROM people pe JOIN units u ON u.id = pe.unit_id WHERE pe.id = $1",
        {id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return ReadPerson(rows, 0);
}

namespace {
// People sort by given name first, as Vietnamese lists do: "Nguyễn Văn An" sorts under "An".
std::string PersonSortKey(const std::string& full_name) {
    auto space = full_name.find_last_of(' ');
    std::string given = space == std::string::npos ? full_name : full_name.substr(space + 1);
    return Collation().SortKeyHex(given + " " + full_name);
}
}  // namespace

std::int64_t Store::InsertPerson(db::Connection& c, const Person& person, std::int64_t now) const {
    return c
        .Query(
            "INSERT INTO people (full_name, name_key, sort_key, position, unit_id, phone, email, created_at, "
            "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
            {person.full_name, text::Fold(person.full_name + " " + person.email + " " + person.phone),
             PersonSortKey(person.full_name), person.position, person.unit_id, person.phone, person.email, now})
        .Int(0, 0);
}

bool Store::UpdatePerson(db::Connection& c, const Person& person, std::int64_t now) const {
    return c
               .Query(
                   "UPDATE people SET full_name = $1, name_key = $2, sort_key = $3, position = $4, unit_id = $5, "
                   "phone = $6, email = $7, updated_at = $8, version = version + 1 WHERE id = $9 AND version = $10",
                   {person.full_name, text::Fold(person.full_name + " " + person.email + " " + person.phone),
                    PersonSortKey(person.full_name), person.position, person.unit_id, person.phone, person.email, now,
                    person.id, person.version})
               .Affected() == 1;
}

bool Store::DeletePerson(db::Connection& c, std::int64_t id) const {
    c.Query("UPDATE accounts SET person_id = NULL WHERE person_id = $1", {id});
    return c.Query("DELETE FROM people WHERE id = $1", {id}).Affected() == 1;
}

// Accounts

namespace {
constexpr std::string_view kAccountColumns = "a.id, a.login, a.person_id, pe.full_name, a.disabled, a.created_at, a.version";

Account ReadAccount(const db::Rows& rows, std::size_t i) {
    Account account;
    account.id = rows.Int(i, 0);
    account.login = rows.String(i, 1);
    account.person_id = rows.OptInt(i, 2);
    account.person_name = rows.String(i, 3);
    account.disabled = rows.Int(i, 4) != 0;
    account.created_at = rows.Int(i, 5);
    account.version = rows.Int(i, 6);
    return account;
}
}  // namespace

Page<Account> Store::ListAccounts(db::Connection& c, const AccountQuery& query,
                                  const std::vector<std::string>& scopes) const {
    std::vector<Value> params;
    // An account is in scope when all of its grants lie in the caller's subtrees (or it has none).
    std::string where = " WHERE NOT EXISTS (SELECT 1 FROM role_grants g JOIN units gu ON gu.id = g.unit_id "
                        "WHERE g.account_id = a.id AND NOT (1 = 0";
    for (const auto& scope : scopes) {
        where += " OR gu.path LIKE " + Param(params, scope) + " || '%'";
    }
    where += "))";
    if (scopes.empty()) {
        where += " AND 1 = 0";
    }
    if (!query.text.empty()) {
        where += " AND (a.login LIKE " + Param(params, Contains(text::Fold(query.text))) +
                 " ESCAPE '\\' OR pe.name_key LIKE $" + std::to_string(params.size()) + " ESCAPE '\\')";
    }
    if (!query.role.empty()) {
        where += " AND EXISTS (SELECT 1 FROM role_grants r WHERE r.account_id = a.id AND r.role = " +
                 Param(params, query.role) + ")";
    }
    std::string from = " FROM accounts a LEFT JOIN people pe ON pe.id = a.person_id";
    Page<Account> page;
    page.page = std::max<std::int64_t>(query.page, 1);
    page.per_page = query.per_page;
    page.total = c.Query("SELECT COUNT(*)" + from + where, params).Int(0, 0);
    std::string sql = "SELECT " + std::string(kAccountColumns) + from + where + " ORDER BY a.login LIMIT " +
                      Param(params, query.per_page) + " OFFSET " + Param(params, Offset(query.page, query.per_page));
    auto rows = c.Query(sql, params);
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        Account account = ReadAccount(rows, i);
        account.grants = GrantsOf(c, account.id);
        page.items.push_back(std::move(account));
    }
    return page;
}

std::optional<Account> Store::FindAccount(db::Connection& c, std::int64_t id) const {
    auto rows = c.Query("SELECT " + std::string(kAccountColumns) +
                            " FROM accounts a LEFT JOIN people pe ON pe.id = a.person_id WHERE a.id = $1",
                        {id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    Account account = ReadAccount(rows, 0);
    account.grants = GrantsOf(c, id);
    return account;
}

std::optional<Store::Credentials> Store::FindCredentials(db::Connection& c, const std::string& login) const {
    auto rows = c.Query("SELECT id, password_hash, disabled FROM accounts WHERE login = $1", {login});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return Credentials{rows.Int(0, 0), rows.String(0, 1), rows.Int(0, 2) != 0};
}

std::string Store::PasswordHash(db::Connection& c, std::int64_t account_id) const {
    auto rows = c.Query("SELECT password_hash FROM accounts WHERE id = $1", {account_id});
    return rows.Empty() ? std::string() : rows.String(0, 0);
}

std::int64_t Store::InsertAccount(db::Connection& c, const std::string& login, std::optional<std::int64_t> person_id,
                                  const std::string& password_hash, std::int64_t now) const {
    return c
        .Query(
            "INSERT INTO accounts (login, person_id, password_hash, created_at, updated_at, password_changed_at) "
            "VALUES ($1, $2, $3, $4, $4, $4) RETURNING id",
            {login, db::Nullable(person_id), password_hash, now})
        .Int(0, 0);
}

void Store::SetPassword(db::Connection& c, std::int64_t account_id, const std::string& hash, std::int64_t now) const {
    c.Query(
        "UPDATE accounts SET password_hash = $1, password_changed_at = $2, updated_at = $2, version = version + 1 "
        "WHERE id = $3",
        {hash, now, account_id});
}

void Store::SetDisabled(db::Connection& c, std::int64_t account_id, bool disabled, std::int64_t now) const {
    c.Query("UPDATE accounts SET disabled = $1, updated_at = $2, version = version + 1 WHERE id = $3",
            {static_cast<std::int64_t>(disabled ? 1 : 0), now, account_id});
}

std::vector<Grant> Store::GrantsOf(db::Connection& c, std::int64_t account_id) const {
    auto rows = c.Query(
        "SELECT g.id, g.role, g.unit_id, u.full_name, u.path FROM role_grants g JOIN units u ON u.id = g.unit_id "
        "WHERE g.account_id = $1 ORDER BY g.id",
        {account_id});
    std::vector<Grant> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(Grant{rows.Int(i, 0), ParseRole(rows.Text(i, 1)).value_or(Role::kViewer), rows.Int(i, 2),
                            rows.String(i, 3), rows.String(i, 4)});
    }
    return out;
}

std::int64_t Store::AddGrant(db::Connection& c, std::int64_t account_id, Role role, std::int64_t unit_id,
                             std::int64_t now) const {
    return c
        .Query(
            "INSERT INTO role_grants (account_id, role, unit_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
            {account_id, std::string(RoleName(role)), unit_id, now})
        .Int(0, 0);
}

std::optional<Grant> Store::FindGrant(db::Connection& c, std::int64_t grant_id) const {
    auto rows = c.Query(
        "SELECT g.id, g.role, g.unit_id, u.full_name, u.path, g.account_id FROM role_grants g "
        "JOIN units u ON u.id = g.unit_id WHERE g.id = $1",
        {grant_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return Grant{rows.Int(0, 0), ParseRole(rows.Text(0, 1)).value_or(Role::kViewer), rows.Int(0, 2), rows.String(0, 3),
                 rows.String(0, 4)};
}

void Store::RemoveGrant(db::Connection& c, std::int64_t grant_id) const {
    c.Query("DELETE FROM role_grants WHERE id = $1", {grant_id});
}

// Sessions

std::int64_t Store::InsertSession(db::Connection& c, std::int64_t account_id, const std::string& token_hash,
                                  const std::string& csrf_token, std::int64_t now, std::int64_t expires_at,
                                  const std::string& address) const {
    return c
        .Query(
            "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at, address) "
            "VALUES ($1, $2, $3, $4, $4, $5, $6) RETURNING id",
            {token_hash, account_id, csrf_token, now, expires_at, address})
        .Int(0, 0);
}

std::optional<SessionRow> Store::FindSession(db::Connection& c, const std::string& token_hash) const {
    auto rows = c.Query(
        "SELECT s.id, s.account_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, a.disabled "
        "FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1",
        {token_hash});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return SessionRow{rows.Int(0, 0), rows.Int(0, 1), rows.String(0, 2), rows.Int(0, 3),
                      rows.Int(0, 4), rows.Int(0, 5), rows.Int(0, 6) != 0};
}

void Store::TouchSession(db::Connection& c, std::int64_t session_id, std::int64_t now) const {
    c.Query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2", {now, session_id});
}

void Store::DeleteSession(db::Connection& c, std::int64_t session_id) const {
    c.Query("DELETE FROM sessions WHERE id = $1", {session_id});
}

void Store::DeleteSessionsOf(db::Connection& c, std::int64_t account_id, std::int64_t except_session_id) const {
    c.Query("DELETE FROM sessions WHERE account_id = $1 AND id <> $2", {account_id, except_session_id});
}

std::int64_t Store::CountFailures(db::Connection& c, const std::string& subject, std::int64_t since) const {
    return c.Query("SELECT COUNT(*) FROM sign_in_failures WHERE subject = $1 AND at >= $2", {subject, since}).Int(0, 0);
}

void Store::AddFailure(db::Connection& c, const std::string& subject, std::int64_t now) const {
    c.Query("INSERT INTO sign_in_failures (subject, at) VALUES ($1, $2)", {subject, now});
}

void Store::ClearFailures(db::Connection& c, const std::string& subject) const {
    c.Query("DELETE FROM sign_in_failures WHERE subject = $1", {subject});
}

void Store::PurgeOld(db::Connection& c, std::int64_t now) const {
    c.Query("DELETE FROM sessions WHERE expires_at < $1", {now});
    c.Query("DELETE FROM sign_in_failures WHERE at < $1", {now - 24 * 3600 * 1000LL});
}

}  // namespace tuyenvan::org
