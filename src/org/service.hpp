// Rules and permissions of the org room: every check happens here, on the server.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "org/model.hpp"
#include "org/store.hpp"
#include "org/unit_directory.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::org {

/// An expected failure of a service call, with a Vietnamese message and per-field messages.
class ServiceError : public std::runtime_error {
public:
    enum class Kind { kInvalid, kNotFound, kForbidden, kConflict, kThrottled, kUnauthenticated };
    ServiceError(Kind kind, const std::string& message, std::vector<std::pair<std::string, std::string>> fields = {})
        : std::runtime_error(message), kind_(kind), fields_(std::move(fields)) {}
    /// What went wrong.
    Kind GetKind() const { return kind_; }
    /// Field name → message, for forms.
    const std::vector<std::pair<std::string, std::string>>& Fields() const { return fields_; }

private:
    Kind kind_;
    std::vector<std::pair<std::string, std::string>> fields_;
};

/// Field name → message pairs of a form that failed validation.
using FieldErrors = std::vector<std::pair<std::string, std::string>>;
/// `text` without surrounding white space.
std::string Trim(std::string_view text);
/// Adds a message to `errors` when `value` is not valid UTF-8, is empty while required, or is longer than
/// `max_chars` characters (code points, not bytes).
void CheckText(FieldErrors& errors, const std::string& field, const std::string& value, const std::string& label,
               bool required, std::size_t max_chars = 200);
/// Throws ServiceError(kInvalid) with every message when there is any; the rooms' form validation ends here.
void ThrowIfInvalid(const FieldErrors& errors);

/// Limits of sessions and sign-in throttling.
struct AuthOptions {
    std::int64_t session_idle_ms = 2LL * 3600 * 1000;
    std::int64_t session_absolute_ms = 12LL * 3600 * 1000;
    std::int64_t throttle_window_ms = 15LL * 60 * 1000;
    std::int64_t max_failures_per_account = 5;
    std::int64_t max_failures_per_address = 20;
};

/// Who acts and from where, for permission checks and the audit log.
struct Actor {
    const Principal* principal = nullptr;  ///< null for the command line ("system")
    std::string address;
};

/// A unit with what its page shows.
struct UnitDetail {
    Unit unit;
    std::vector<Unit> ancestors;
    std::vector<Unit> children;
    std::vector<Unit> successors;
    std::int64_t people = 0;
};

/// Fields a person may edit for a unit.
struct UnitInput {
    std::string code;
    std::optional<std::int64_t> parent_id;
    std::string level;
    std::string kind;
    std::string name;
    std::string full_name;
    std::optional<std::int64_t> valid_from;
    std::optional<std::int64_t> valid_to;
    std::vector<std::int64_t> successor_ids;
};

/// What an import did.
struct ImportReport {
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
};

/// A new session's secrets: the raw token goes to the cookie, only its hash is stored.
struct SignedIn {
    std::string token;
    Principal principal;
};

/// An account as other rooms name it: its id, login and its person's name (empty without one).
struct AccountRef {
    std::int64_t id = 0;
    std::string login;
    std::string name;
    bool disabled = false;
};

/// The org room's service.
class Service {
public:
    Service(db::Database& database, AuthOptions options, std::function<std::int64_t()> clock);

    // Sessions
    SignedIn SignIn(const std::string& login, const std::string& password, const std::string& address);
    std::optional<Principal> Authenticate(const std::string& token);
    void SignOut(const Principal& principal, const std::string& address);
    void ChangeOwnPassword(const Principal& principal, const std::string& current, const std::string& next,
                           const std::string& address);

    // Units
    Page<Unit> ListUnits(const Principal& principal, UnitQuery query);
    UnitDetail GetUnit(const Principal& principal, std::int64_t id);
    std::int64_t CreateUnit(const Actor& actor, const UnitInput& input);
    void UpdateUnit(const Actor& actor, std::int64_t id, std::int64_t version, const UnitInput& input);
    /// Loads the CSV format of data/units; a malformed row stops everything with its line number.
    ImportReport ImportUnits(const std::string& csv_text, std::optional<std::int64_t> valid_from,
                             std::optional<std::int64_t> valid_to);
    std::vector<Unit> UnitChoices(const Principal& principal, Permission permission);
    /// The tree path of a unit ("/1/5/"), for other rooms' permission checks; nothing when unknown.
    /// Runs on the caller's connection, so it may be called inside the caller's transaction.
    std::optional<std::string> FindUnitPath(db::Connection& c, std::int64_t unit_id);
    /// The full names of the units among `ids` ("Huyện Bát Xát"); unknown ids are left out. Runs on the caller's
    /// connection.
    std::map<std::int64_t, std::string> UnitNames(db::Connection& c, const std::vector<std::int64_t>& ids);
    /// The account with this login, for other rooms' forms; runs on the caller's connection.
    std::optional<AccountRef> FindAccountRef(db::Connection& c, const std::string& login);
    /// The accounts among `ids`, in id order; unknown ids are left out. Runs on the caller's connection.
    std::vector<AccountRef> AccountRefs(db::Connection& c, const std::vector<std::int64_t>& ids);
    /// The accounts granted `role` on exactly `unit_id`, in login order. Runs on the caller's connection.
    std::vector<AccountRef> AccountsGranted(db::Connection& c, Role role, std::int64_t unit_id);

    // People
    Page<Person> ListPeople(const Principal& principal, PersonQuery query);
    Person GetPerson(const Principal& principal, std::int64_t id);
    std::int64_t CreatePerson(const Actor& actor, Person person);
    void UpdatePerson(const Actor& actor, Person person);
    void DeletePerson(const Actor& actor, std::int64_t id);

    // Accounts
    Page<Account> ListAccounts(const Principal& principal, AccountQuery query);
    Account GetAccount(const Principal& principal, std::int64_t id);
    std::int64_t CreateAccount(const Actor& actor, const std::string& login, const std::string& password,
                               std::optional<std::int64_t> person_id, Role role, std::int64_t unit_id);
    /// The command-line form: the unit by its code.
    std::int64_t CreateAccountByCode(const std::string& login, const std::string& password, Role role,
                                     const std::string& unit_code);
    void ResetPassword(const Actor& actor, std::int64_t account_id, const std::string& password);
    void SetDisabled(const Actor& actor, std::int64_t account_id, bool disabled);
    std::int64_t AddGrant(const Actor& actor, std::int64_t account_id, Role role, std::int64_t unit_id);
    void RemoveGrant(const Actor& actor, std::int64_t account_id, std::int64_t grant_id);

    // Audit
    std::vector<audit::Entry> AuditLog(const Principal& principal, std::int64_t limit, std::int64_t before_id);

    /// Deletes expired sessions and old sign-in failures.
    void Purge();

private:
    void Require(const Principal& principal, Permission permission, const std::string& unit_path) const;
    void RequireActor(const Actor& actor, Permission permission, const std::string& unit_path) const;
    std::string UnitPath(db::Connection& c, std::int64_t unit_id) const;
    Principal LoadPrincipal(db::Connection& c, std::int64_t account_id, std::int64_t session_id,
                            const std::string& csrf) const;
    void Audit(db::Connection& c, const Actor& actor, std::string action, std::string entity, std::int64_t id,
               std::string before, std::string after);
    void ValidatePassword(const std::string& password, const std::string& field) const;

    db::Database& database_;
    Store store_;
    UnitDirectory directory_{store_};
    AuthOptions options_;
    std::function<std::int64_t()> clock_;
};

/// JSON texts of the model, shared by the API and the audit log.
std::string ToJson(const Unit& unit);
std::string ToJson(const Person& person);
std::string ToJson(const Account& account);

}  // namespace tuyenvan::org
