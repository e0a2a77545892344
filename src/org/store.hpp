// SQL of the org room, and nothing else: units, people, accounts, grants, sessions, sign-in failures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "org/model.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::org {

/// Row of the unit CSV format (code,parent_code,level,kind,name,full_name,name_en).
struct UnitRecord {
    std::string code;
    std::string parent_code;
    std::string level;
    std::string kind;
    std::string name;
    std::string full_name;
    std::string name_en;
    std::optional<std::int64_t> valid_from;
    std::optional<std::int64_t> valid_to;
};

/// A stored session with its account.
struct SessionRow {
    std::int64_t id = 0;
    std::int64_t account_id = 0;
    std::string csrf_token;
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
    std::int64_t expires_at = 0;
    bool account_disabled = false;
};

/// Data access of the org room. Methods take the connection of the caller's transaction.
class Store {
public:
    // Units
    std::optional<Unit> FindUnit(db::Connection& c, std::int64_t id) const;
    std::optional<Unit> FindUnitByCode(db::Connection& c, const std::string& code) const;
    std::vector<Unit> Children(db::Connection& c, std::int64_t id) const;
    std::vector<Unit> Ancestors(db::Connection& c, const Unit& unit) const;
    std::int64_t InsertUnit(db::Connection& c, const Unit& unit, std::int64_t now) const;
    /// Updates name, kind, full name, code, validity; false on a stale version.
    bool UpdateUnit(db::Connection& c, const Unit& unit, std::int64_t now) const;
    void SetSuccessors(db::Connection& c, std::int64_t unit_id, const std::vector<std::int64_t>& successors) const;
    /// Inserts or updates one CSV row by code; returns true when it inserted.
    bool UpsertUnitRecord(db::Connection& c, const UnitRecord& record, std::int64_t now) const;
    /// Every unit, for the in-memory directory.
    std::vector<Unit> AllUnits(db::Connection& c) const;
    /// The units change counter: it moves whenever any unit changes.
    std::int64_t UnitsStamp(db::Connection& c) const;

    // People
    Page<Person> ListPeople(db::Connection& c, const PersonQuery& query, const std::vector<std::string>& scopes) const;
    std::optional<Person> FindPerson(db::Connection& c, std::int64_t id) const;
    std::int64_t InsertPerson(db::Connection& c, const Person& person, std::int64_t now) const;
    bool UpdatePerson(db::Connection& c, const Person& person, std::int64_t now) const;
    bool DeletePerson(db::Connection& c, std::int64_t id) const;

    // Accounts
    Page<Account> ListAccounts(db::Connection& c, const AccountQuery& query,
                               const std::vector<std::string>& scopes) const;
    std::optional<Account> FindAccount(db::Connection& c, std::int64_t id) const;
    /// The account id, password hash and disabled flag for a sign-in name.
    struct Credentials {
        std::int64_t id = 0;
        std::string password_hash;
        bool disabled = false;
    };
    std::optional<Credentials> FindCredentials(db::Connection& c, const std::string& login) const;
    std::string PasswordHash(db::Connection& c, std::int64_t account_id) const;
    std::int64_t InsertAccount(db::Connection& c, const std::string& login, std::optional<std::int64_t> person_id,
                               const std::string& password_hash, std::int64_t now) const;
    void SetPassword(db::Connection& c, std::int64_t account_id, const std::string& hash, std::int64_t now) const;
    void SetDisabled(db::Connection& c, std::int64_t account_id, bool disabled, std::int64_t now) const;
    std::vector<Grant> GrantsOf(db::Connection& c, std::int64_t account_id) const;
    std::int64_t AddGrant(db::Connection& c, std::int64_t account_id, Role role, std::int64_t unit_id,
                          std::int64_t now) const;
    std::optional<Grant> FindGrant(db::Connection& c, std::int64_t grant_id) const;
    void RemoveGrant(db::Connection& c, std::int64_t grant_id) const;

    // Sessions and sign-in throttling
    std::int64_t InsertSession(db::Connection& c, std::int64_t account_id, const std::string& token_hash,
                               const std::string& csrf_token, std::int64_t now, std::int64_t expires_at,
                               const std::string& address) const;
    std::optional<SessionRow> FindSession(db::Connection& c, const std::string& token_hash) const;
    void TouchSession(db::Connection& c, std::int64_t session_id, std::int64_t now) const;
    void DeleteSession(db::Connection& c, std::int64_t session_id) const;
    void DeleteSessionsOf(db::Connection& c, std::int64_t account_id, std::int64_t except_session_id) const;
    std::int64_t CountFailures(db::Connection& c, const std::string& subject, std::int64_t since) const;
    void AddFailure(db::Connection& c, const std::string& subject, std::int64_t now) const;
    void ClearFailures(db::Connection& c, const std::string& subject) const;
    void PurgeOld(db::Connection& c, std::int64_t now) const;
};

}  // namespace tuyenvan::org
