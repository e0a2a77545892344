#include "org/service.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "notify/service.hpp"
#include "platform/csv/csv.hpp"
#include "platform/security/crypto.hpp"
#include "platform/security/password.hpp"
#include "platform/text/fold.hpp"
#include "platform/text/utf8.hpp"

#include <set>

namespace tuyenvan::org {
namespace {

using Kind = ServiceError::Kind;
namespace json = boost::json;

json::value Opt(const std::optional<std::int64_t>& value) { return value ? json::value(*value) : json::value(nullptr); }

json::object UnitObject(const Unit& unit) {
    json::array successors;
    for (auto id : unit.successor_ids) {
        successors.push_back(id);
    }
    return {{"id", unit.id},
            {"code", unit.code},
            {"parent_id", Opt(unit.parent_id)},
            {"parent_name", unit.parent_name},
            {"level", unit.level},
            {"kind", unit.kind},
            {"name", unit.name},
            {"full_name", unit.full_name},
            {"name_en", unit.name_en},
            {"depth", unit.depth},
            {"valid_from", Opt(unit.valid_from)},
            {"valid_to", Opt(unit.valid_to)},
            {"version", unit.version},
            {"successor_ids", std::move(successors)}};
}

bool ValidLevel(const std::string& level) {
    for (auto known : kLevels) {
        if (known == level) {
            return true;
        }
    }
    return false;
}

const ServiceError kNotFoundUnit(Kind::kNotFound, "Không tìm thấy đơn vị.");

}  // namespace

std::string Trim(std::string_view text) {
    auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) {
        return {};
    }
    auto end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

void CheckText(FieldErrors& errors, const std::string& field, const std::string& value, const std::string& label,
               bool required, std::size_t max_chars) {
    auto code_points = static_cast<std::size_t>(std::count_if(
        value.begin(), value.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    if (!text::IsValidUtf8(value)) {
        errors.emplace_back(field, label + " chứa ký tự không hợp lệ.");
    } else if (required && value.empty()) {
        errors.emplace_back(field, label + " không được để trống.");
    } else if (code_points > max_chars) {
        errors.emplace_back(field, label + " quá dài (tối đa " + std::to_string(max_chars) + " ký tự).");
    }
}

void ThrowIfInvalid(const FieldErrors& errors) {
    if (!errors.empty()) {
        throw ServiceError(ServiceError::Kind::kInvalid, "Dữ liệu chưa hợp lệ: " + errors.front().second, errors);
    }
}

std::string ToJson(const Unit& unit) { return json::serialize(UnitObject(unit)); }

std::string ToJson(const Person& person) {
    return json::serialize(json::object{{"id", person.id},
                                        {"full_name", person.full_name},
                                        {"position", person.position},
                                        {"unit_id", person.unit_id},
                                        {"unit_name", person.unit_name},
                                        {"phone", person.phone},
                                        {"email", person.email},
                                        {"version", person.version}});
}

std::string ToJson(const Account& account) {
    json::array grants;
    for (const auto& grant : account.grants) {
        grants.push_back(json::object{{"id", grant.id},
                                      {"role", RoleName(grant.role)},
                                      {"unit_id", grant.unit_id},
                                      {"unit_name", grant.unit_name}});
    }
    return json::serialize(json::object{{"id", account.id},
                                        {"login", account.login},
                                        {"person_id", Opt(account.person_id)},
                                        {"person_name", account.person_name},
                                        {"disabled", account.disabled},
                                        {"created_at", account.created_at},
                                        {"version", account.version},
                                        {"grants", std::move(grants)}});
}

Service::Service(db::Database& database, AuthOptions options, std::function<std::int64_t()> clock)
    : database_(database), options_(options), clock_(std::move(clock)) {}

void Service::Require(const Principal& principal, Permission permission, const std::string& unit_path) const {
    if (!principal.Can(permission, unit_path)) {
        throw ServiceError(Kind::kForbidden, "Bạn không có quyền thực hiện thao tác này với đơn vị này.");
    }
}

void Service::RequireActor(const Actor& actor, Permission permission, const std::string& unit_path) const {
    if (actor.principal != nullptr) {
        Require(*actor.principal, permission, unit_path);
    }
}

std::string Service::UnitPath(db::Connection& c, std::int64_t unit_id) const {
    auto rows = c.Query("SELECT path FROM units WHERE id = $1", {unit_id});
    if (rows.Empty()) {
        throw kNotFoundUnit;
    }
    return rows.String(0, 0);
}

void Service::Audit(db::Connection& c, const Actor& actor, std::string action, std::string entity, std::int64_t id,
                    std::string before, std::string after) {
    audit::Change change;
    change.actor = actor.principal ? actor.principal->login : "system";
    change.action = std::move(action);
    change.entity = std::move(entity);
    change.entity_id = std::to_string(id);
    change.before_json = std::move(before);
    change.after_json = std::move(after);
    change.address = actor.address;
    audit::Append(c, change, clock_());
}

void Service::ValidatePassword(const std::string& password, const std::string& field) const {
    if (password.size() < 10 || password.size() > 200 || !text::IsValidUtf8(password)) {
        throw ServiceError(Kind::kInvalid, "Mật khẩu phải dài từ 10 đến 200 ký tự.",
                           {{field, "Mật khẩu phải dài từ 10 đến 200 ký tự."}});
    }
}

// Sessions

Principal Service::LoadPrincipal(db::Connection& c, std::int64_t account_id, std::int64_t session_id,
                                 const std::string& csrf) const {
    auto account = store_.FindAccount(c, account_id);
    Principal principal;
    principal.account_id = account_id;
    principal.session_id = session_id;
    principal.login = account ? account->login : "";
    principal.display_name = account && !account->person_name.empty() ? account->person_name : principal.login;
    principal.csrf_token = csrf;
    principal.grants = account ? account->grants : std::vector<Grant>{};
    return principal;
}

SignedIn Service::SignIn(const std::string& login, const std::string& password, const std::string& address) {
    std::int64_t now = clock_();
    std::string account_subject = "login:" + text::Fold(login);
    std::string address_subject = "addr:" + security::Sha256Hex(address);
    std::int64_t since = now - options_.throttle_window_ms;
    bool throttled = database_.ReadValue([&](db::Connection& c) {
        return store_.CountFailures(c, account_subject, since) >= options_.max_failures_per_account ||
               store_.CountFailures(c, address_subject, since) >= options_.max_failures_per_address;
    });
    if (throttled) {
        throw ServiceError(Kind::kThrottled,
                           "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại.");
    }
    auto credentials = database_.ReadValue([&](db::Connection& c) { return store_.FindCredentials(c, login); });
    // Verify even for an unknown login, so the answer takes the same time either way.
    static const std::string kDummy = security::HashPassword("tuyenvan-dummy-password");
    bool ok = security::VerifyPassword(credentials ? credentials->password_hash : kDummy, password) && credentials &&
              !credentials->disabled;
    if (!ok) {
        database_.Write([&](db::Connection& c) {
            store_.AddFailure(c, account_subject, now);
            store_.AddFailure(c, address_subject, now);
        });
        if (credentials && credentials->disabled) {
            throw ServiceError(Kind::kUnauthenticated, "Tài khoản này đã bị khóa. Liên hệ quản trị hệ thống.");
        }
        throw ServiceError(Kind::kUnauthenticated, "Tên đăng nhập hoặc mật khẩu không đúng.");
    }
    SignedIn result;
    result.token = security::RandomToken(32);
    std::string csrf = security::RandomToken(32);
    database_.Write([&](db::Connection& c) {
        store_.ClearFailures(c, account_subject);
        if (security::NeedsRehash(credentials->password_hash)) {
            store_.SetPassword(c, credentials->id, security::HashPassword(password), now);
        }
        std::int64_t session_id = store_.InsertSession(c, credentials->id, security::Sha256Hex(result.token), csrf, now,
                                                       now + options_.session_absolute_ms, address);
        result.principal = LoadPrincipal(c, credentials->id, session_id, csrf);
        Actor actor{&result.principal, address};
        Audit(c, actor, "session.sign_in", "account", credentials->id, "null", "null");
    });
    return result;
}

std::optional<Principal> Service::Authenticate(const std::string& token) {
    if (token.empty() || token.size() > 200) {
        return std::nullopt;
    }
    std::int64_t now = clock_();
    std::string hash = security::Sha256Hex(token);
    std::optional<SessionRow> session;
    std::optional<Principal> principal;
    database_.Read([&](db::Connection& c) {
        session = store_.FindSession(c, hash);
        if (session && !session->account_disabled && session->expires_at > now &&
            session->last_seen_at + options_.session_idle_ms > now) {
            principal = LoadPrincipal(c, session->account_id, session->id, session->csrf_token);
        }
    });
    if (!principal) {
        return std::nullopt;
    }
    // Idle expiry needs last-seen times, but a write per request would serialise every reader.
    if (now - session->last_seen_at > 60 * 1000) {
        database_.Write([&](db::Connection& c) { store_.TouchSession(c, session->id, now); });
    }
    return principal;
}

void Service::SignOut(const Principal& principal, const std::string& address) {
    database_.Write([&](db::Connection& c) {
        store_.DeleteSession(c, principal.session_id);
        Audit(c, Actor{&principal, address}, "session.sign_out", "account", principal.account_id, "null", "null");
    });
}

void Service::ChangeOwnPassword(const Principal& principal, const std::string& current, const std::string& next,
                                const std::string& address) {
    std::string stored = database_.ReadValue([&](db::Connection& c) { return store_.PasswordHash(c, principal.account_id); });
    if (!security::VerifyPassword(stored, current)) {
        throw ServiceError(Kind::kInvalid, "Mật khẩu hiện tại không đúng.", {{"current_password", "Mật khẩu hiện tại không đúng."}});
    }
    ValidatePassword(next, "new_password");
    if (next == current) {
        throw ServiceError(Kind::kInvalid, "Mật khẩu mới phải khác mật khẩu hiện tại.",
                           {{"new_password", "Mật khẩu mới phải khác mật khẩu hiện tại."}});
    }
    std::string hash = security::HashPassword(next);
    database_.Write([&](db::Connection& c) {
        store_.SetPassword(c, principal.account_id, hash, clock_());
        // Other devices signed in with the old password are signed out.
        store_.DeleteSessionsOf(c, principal.account_id, principal.session_id);
        Audit(c, Actor{&principal, address}, "account.change_password", "account", principal.account_id, "null", "null");
    });
}

// Units

Page<Unit> Service::ListUnits(const Principal& principal, UnitQuery query) {
    query.per_page = std::clamp<std::int64_t>(query.per_page, 1, 200);
    auto scopes = principal.Scopes(Permission::kUnitsRead);
    auto snapshot = database_.ReadValue([&](db::Connection& c) { return directory_.Current(c); });
    auto page = UnitDirectory::Select(*snapshot, query, scopes);
    page.data_version = snapshot->stamp;
    return page;
}

UnitDetail Service::GetUnit(const Principal& principal, std::int64_t id) {
    return database_.ReadValue([&](db::Connection& c) {
        auto unit = store_.FindUnit(c, id);
        if (!unit) {
            throw kNotFoundUnit;
        }
        Require(principal, Permission::kUnitsRead, unit->path);
        UnitDetail detail;
        detail.ancestors = store_.Ancestors(c, *unit);
        detail.children = store_.Children(c, id);
        for (auto successor : unit->successor_ids) {
            if (auto found = store_.FindUnit(c, successor)) {
                detail.successors.push_back(std::move(*found));
            }
        }
        detail.people = c.Query("SELECT COUNT(*) FROM people WHERE unit_id = $1", {id}).Int(0, 0);
        detail.unit = std::move(*unit);
        return detail;
    });
}

namespace {
std::vector<std::pair<std::string, std::string>> ValidateUnit(const UnitInput& input) {
    std::vector<std::pair<std::string, std::string>> errors;
    CheckText(errors, "name", input.name, "Tên đơn vị", true);
    CheckText(errors, "full_name", input.full_name, "Tên đầy đủ", true);
    CheckText(errors, "kind", input.kind, "Loại đơn vị", true, 60);
    CheckText(errors, "code", input.code, "Mã đơn vị", false, 20);
    if (!ValidLevel(input.level)) {
        errors.emplace_back("level", "Cấp đơn vị không hợp lệ.");
    }
    if (input.valid_from && input.valid_to && *input.valid_to < *input.valid_from) {
        errors.emplace_back("valid_to", "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.");
    }
    return errors;
}
}  // namespace

std::int64_t Service::CreateUnit(const Actor& actor, const UnitInput& input) {
    ThrowIfInvalid(ValidateUnit(input));
    if (!input.parent_id && actor.principal != nullptr) {
        // A root unit is the top of a whole tree: only an administrator of a root may add one.
        RequireActor(actor, Permission::kUnitsWrite, "/");
    }
    return database_.WriteValue([&](db::Connection& c) {
        if (input.parent_id) {
            RequireActor(actor, Permission::kUnitsWrite, UnitPath(c, *input.parent_id));
        }
        Unit unit;
        unit.code = input.code;
        unit.parent_id = input.parent_id;
        unit.level = input.level;
        unit.kind = input.kind;
        unit.name = input.name;
        unit.full_name = input.full_name;
        unit.valid_from = input.valid_from;
        unit.valid_to = input.valid_to;
        std::int64_t id = 0;
        try {
            id = store_.InsertUnit(c, unit, clock_());
        } catch (const db::Error& error) {
            if (error.Kind() == db::ErrorKind::kUniqueViolation) {
                throw ServiceError(Kind::kConflict, "Mã đơn vị đã được dùng cho một đơn vị khác.",
                                   {{"code", "Mã đơn vị đã được dùng cho một đơn vị khác."}});
            }
            throw;
        }
        store_.SetSuccessors(c, id, input.successor_ids);
        auto created = store_.FindUnit(c, id);
        Audit(c, actor, "unit.create", "unit", id, "null", ToJson(*created));
        return id;
    });
}

void Service::UpdateUnit(const Actor& actor, std::int64_t id, std::int64_t version, const UnitInput& input) {
    ThrowIfInvalid(ValidateUnit(input));
    database_.Write([&](db::Connection& c) {
        auto before = store_.FindUnit(c, id);
        if (!before) {
            throw kNotFoundUnit;
        }
        RequireActor(actor, Permission::kUnitsWrite, before->path);
        for (auto successor : input.successor_ids) {
            if (successor == id || !store_.FindUnit(c, successor)) {
                throw ServiceError(Kind::kInvalid, "Đơn vị kế thừa không hợp lệ.",
                                   {{"successor_ids", "Đơn vị kế thừa không hợp lệ."}});
            }
        }
        Unit unit = *before;
        unit.code = input.code;
        unit.kind = input.kind;
        unit.name = input.name;
        unit.full_name = input.full_name;
        unit.valid_from = input.valid_from;
        unit.valid_to = input.valid_to;
        unit.version = version;
        bool updated = false;
        try {
            updated = store_.UpdateUnit(c, unit, clock_());
        } catch (const db::Error& error) {
            if (error.Kind() == db::ErrorKind::kUniqueViolation) {
                throw ServiceError(Kind::kConflict, "Mã đơn vị đã được dùng cho một đơn vị khác.",
                                   {{"code", "Mã đơn vị đã được dùng cho một đơn vị khác."}});
            }
            throw;
        }
        if (!updated) {
            throw ServiceError(Kind::kConflict,
                               "Đơn vị vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa lại.");
        }
        store_.SetSuccessors(c, id, input.successor_ids);
        auto after = store_.FindUnit(c, id);
        Audit(c, actor, "unit.update", "unit", id, ToJson(*before), ToJson(*after));
    });
}

ImportReport Service::ImportUnits(const std::string& csv_text, std::optional<std::int64_t> valid_from,
                                  std::optional<std::int64_t> valid_to) {
    if (!text::IsValidUtf8(csv_text)) {
        throw ServiceError(Kind::kInvalid, "Tệp không phải văn bản UTF-8.");
    }
    auto document = csv::Parse(csv_text);
    if (document.error_line) {
        throw ServiceError(Kind::kInvalid,
                           "Dòng " + std::to_string(*document.error_line) + ": " + document.error + ".");
    }
    const std::vector<std::string> kHeader = {"code", "parent_code", "level", "kind", "name", "full_name", "name_en"};
    if (document.records.empty() || document.records.front().fields != kHeader) {
        throw ServiceError(Kind::kInvalid,
                           "Dòng 1: tiêu đề phải là code,parent_code,level,kind,name,full_name,name_en.");
    }
    std::vector<UnitRecord> records;
    std::set<std::string> seen;
    for (std::size_t i = 1; i < document.records.size(); ++i) {
        const auto& record = document.records[i];
        auto fail = [&](const std::string& why) {
            throw ServiceError(Kind::kInvalid, "Dòng " + std::to_string(record.line) + ": " + why + ".");
        };
        if (record.fields.size() != kHeader.size()) {
            fail("cần 7 cột, có " + std::to_string(record.fields.size()));
        }
        UnitRecord unit{Trim(record.fields[0]), Trim(record.fields[1]), Trim(record.fields[2]), Trim(record.fields[3]),
                        Trim(record.fields[4]), Trim(record.fields[5]), Trim(record.fields[6]), valid_from, valid_to};
        if (unit.code.empty() || unit.code.size() > 20 ||
            unit.code.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_.") !=
                std::string::npos) {
            fail("mã đơn vị trống hoặc không hợp lệ");
        }
        if (!ValidLevel(unit.level)) {
            fail("cấp \"" + unit.level + "\" không hợp lệ");
        }
        if (unit.name.empty() || unit.full_name.empty() || unit.kind.empty()) {
            fail("thiếu tên, tên đầy đủ hoặc loại đơn vị");
        }
        if (!seen.insert(unit.code).second) {
            fail("mã " + unit.code + " xuất hiện hai lần");
        }
        if (!unit.parent_code.empty() && !seen.contains(unit.parent_code)) {
            // The parent may already be stored from an earlier import; checked in the transaction.
            unit.parent_code = unit.parent_code;
        }
        records.push_back(std::move(unit));
    }
    ImportReport report;
    // One transaction: a bad row leaves the database exactly as it was.
    database_.Write([&](db::Connection& c) {
        std::int64_t now = clock_();
        for (std::size_t i = 0; i < records.size(); ++i) {
            const auto& record = records[i];
            if (!record.parent_code.empty() && !store_.FindUnitByCode(c, record.parent_code)) {
                throw ServiceError(Kind::kInvalid, "Dòng " + std::to_string(document.records[i + 1].line) +
                                                       ": không tìm thấy đơn vị cấp trên mã " + record.parent_code +
                                                       ".");
            }
            bool inserted = store_.UpsertUnitRecord(c, record, now);
            (inserted ? report.inserted : report.updated) += 1;
        }
        Actor system{nullptr, ""};
        Audit(c, system, "unit.import", "unit", 0, "null",
              json::serialize(json::object{{"inserted", report.inserted}, {"updated", report.updated}}));
    });
    return report;
}

std::vector<Unit> Service::UnitChoices(const Principal& principal, Permission permission) {
    UnitQuery query;
    query.per_page = 1000;
    query.include_closed = false;
    auto scopes = principal.Scopes(permission);
    auto snapshot = database_.ReadValue([&](db::Connection& c) { return directory_.Current(c); });
    return UnitDirectory::Select(*snapshot, query, scopes).items;
}

namespace {

constexpr std::string_view kAccountRefSelect =
    "SELECT a.id, a.login, COALESCE(p.full_name, ''), a.disabled FROM accounts a "
    "LEFT JOIN people p ON p.id = a.person_id ";

std::vector<AccountRef> ReadAccountRefs(const db::Rows& rows) {
    std::vector<AccountRef> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(AccountRef{rows.Int(i, 0), rows.String(i, 1), rows.String(i, 2), rows.Int(i, 3) != 0});
    }
    return out;
}

}  // namespace

std::map<std::int64_t, std::string> Service::UnitNames(db::Connection& c, const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, std::string> names;
    std::set<std::int64_t> wanted(ids.begin(), ids.end());
    for (const Unit& unit : directory_.Current(c)->units) {
        if (wanted.contains(unit.id)) {
            names.emplace(unit.id, unit.full_name);
        }
    }
    return names;
}

std::optional<AccountRef> Service::FindAccountRef(db::Connection& c, const std::string& login) {
    auto found = ReadAccountRefs(c.Query(std::string(kAccountRefSelect) + "WHERE a.login = $1", {login}));
    if (found.empty()) {
        return std::nullopt;
    }
    return found.front();
}

std::vector<AccountRef> Service::AccountRefs(db::Connection& c, const std::vector<std::int64_t>& ids) {
    std::vector<AccountRef> out;
    if (ids.empty()) {
        return out;
    }
    std::string list;
    for (std::int64_t id : ids) {
        list += (list.empty() ? "" : ",") + std::to_string(id);
    }
    return ReadAccountRefs(c.Query(std::string(kAccountRefSelect) + "WHERE a.id IN (" + list + ") ORDER BY a.id"));
}

std::vector<AccountRef> Service::AccountsGranted(db::Connection& c, Role role, std::int64_t unit_id) {
    return ReadAccountRefs(c.Query(std::string(kAccountRefSelect) +
                                       "JOIN role_grants g ON g.account_id = a.id WHERE g.role = $1 AND g.unit_id = $2 "
                                       "ORDER BY a.login",
                                   {std::string(RoleName(role)), unit_id}));
}

std::optional<std::string> Service::FindUnitPath(db::Connection& c, std::int64_t unit_id) {
    auto snapshot = directory_.Current(c);
    for (const Unit& unit : snapshot->units) {
        if (unit.id == unit_id) {
            return unit.path;
        }
    }
    return std::nullopt;
}

// People

Page<Person> Service::ListPeople(const Principal& principal, PersonQuery query) {
    query.per_page = std::clamp<std::int64_t>(query.per_page, 1, 200);
    auto scopes = principal.Scopes(Permission::kPeopleRead);
    return database_.ReadValue([&](db::Connection& c) { return store_.ListPeople(c, query, scopes); });
}

Person Service::GetPerson(const Principal& principal, std::int64_t id) {
    return database_.ReadValue([&](db::Connection& c) {
        auto person = store_.FindPerson(c, id);
        if (!person) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy người này.");
        }
        Require(principal, Permission::kPeopleRead, UnitPath(c, person->unit_id));
        return *person;
    });
}

namespace {
void ValidatePerson(const Person& person) {
    std::vector<std::pair<std::string, std::string>> errors;
    CheckText(errors, "full_name", person.full_name, "Họ và tên", true, 120);
    CheckText(errors, "position", person.position, "Chức vụ", false, 200);
    CheckText(errors, "phone", person.phone, "Số điện thoại", false, 20);
    CheckText(errors, "email", person.email, "Thư điện tử", false, 200);
    if (!person.phone.empty() && person.phone.find_first_not_of("0123456789 +.-()") != std::string::npos) {
        errors.emplace_back("phone", "Số điện thoại chỉ gồm chữ số và các dấu + . - ( ).");
    }
    if (!person.email.empty() && (person.email.find('@') == std::string::npos || person.email.find(' ') != std::string::npos)) {
        errors.emplace_back("email", "Địa chỉ thư điện tử không hợp lệ.");
    }
    if (person.unit_id <= 0) {
        errors.emplace_back("unit_id", "Hãy chọn đơn vị.");
    }
    ThrowIfInvalid(errors);
}
}  // namespace

std::int64_t Service::CreatePerson(const Actor& actor, Person person) {
    person.full_name = Trim(person.full_name);
    ValidatePerson(person);
    return database_.WriteValue([&](db::Connection& c) {
        RequireActor(actor, Permission::kPeopleWrite, UnitPath(c, person.unit_id));
        std::int64_t id = store_.InsertPerson(c, person, clock_());
        Audit(c, actor, "person.create", "person", id, "null", ToJson(*store_.FindPerson(c, id)));
        return id;
    });
}

void Service::UpdatePerson(const Actor& actor, Person person) {
    person.full_name = Trim(person.full_name);
    ValidatePerson(person);
    database_.Write([&](db::Connection& c) {
        auto before = store_.FindPerson(c, person.id);
        if (!before) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy người này.");
        }
        RequireActor(actor, Permission::kPeopleWrite, UnitPath(c, before->unit_id));
        RequireActor(actor, Permission::kPeopleWrite, UnitPath(c, person.unit_id));
        if (!store_.UpdatePerson(c, person, clock_())) {
            throw ServiceError(Kind::kConflict,
                               "Thông tin vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa lại.");
        }
        Audit(c, actor, "person.update", "person", person.id, ToJson(*before), ToJson(*store_.FindPerson(c, person.id)));
    });
}

void Service::DeletePerson(const Actor& actor, std::int64_t id) {
    database_.Write([&](db::Connection& c) {
        auto before = store_.FindPerson(c, id);
        if (!before) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy người này.");
        }
        RequireActor(actor, Permission::kPeopleWrite, UnitPath(c, before->unit_id));
        store_.DeletePerson(c, id);
        Audit(c, actor, "person.delete", "person", id, ToJson(*before), "null");
    });
}

// Accounts

Page<Account> Service::ListAccounts(const Principal& principal, AccountQuery query) {
    query.per_page = std::clamp<std::int64_t>(query.per_page, 1, 200);
    auto scopes = principal.Scopes(Permission::kAccountsRead);
    if (scopes.empty()) {
        throw ServiceError(Kind::kForbidden, "Bạn không có quyền quản lý tài khoản.");
    }
    return database_.ReadValue([&](db::Connection& c) { return store_.ListAccounts(c, query, scopes); });
}

namespace {
// An account is managed by whoever holds the permission over every unit it has a role in.
bool Covers(const Principal& principal, Permission permission, const Account& account) {
    if (account.grants.empty()) {
        return !principal.Scopes(permission).empty();
    }
    for (const auto& grant : account.grants) {
        if (!principal.Can(permission, grant.unit_path)) {
            return false;
        }
    }
    return true;
}
}  // namespace

Account Service::GetAccount(const Principal& principal, std::int64_t id) {
    return database_.ReadValue([&](db::Connection& c) {
        auto account = store_.FindAccount(c, id);
        if (!account) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy tài khoản.");
        }
        if (!Covers(principal, Permission::kAccountsRead, *account)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem tài khoản này.");
        }
        return *account;
    });
}

std::int64_t Service::CreateAccount(const Actor& actor, const std::string& raw_login, const std::string& password,
                                    std::optional<std::int64_t> person_id, Role role, std::int64_t unit_id) {
    std::string login = Trim(raw_login);
    std::vector<std::pair<std::string, std::string>> errors;
    if (login.size() < 3 || login.size() > 60 ||
        login.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos) {
        errors.emplace_back("login", "Tên đăng nhập dài 3–60 ký tự, chỉ gồm chữ thường không dấu, số và . _ -");
    }
    ThrowIfInvalid(errors);
    ValidatePassword(password, "password");
    std::string hash = security::HashPassword(password);
    return database_.WriteValue([&](db::Connection& c) {
        RequireActor(actor, Permission::kAccountsWrite, UnitPath(c, unit_id));
        if (person_id) {
            auto person = store_.FindPerson(c, *person_id);
            if (!person) {
                throw ServiceError(Kind::kInvalid, "Không tìm thấy người được gắn với tài khoản.",
                                   {{"person_id", "Không tìm thấy người này."}});
            }
            RequireActor(actor, Permission::kPeopleRead, UnitPath(c, person->unit_id));
        }
        std::int64_t id = 0;
        try {
            id = store_.InsertAccount(c, login, person_id, hash, clock_());
        } catch (const db::Error& error) {
            if (error.Kind() == db::ErrorKind::kUniqueViolation) {
                throw ServiceError(Kind::kConflict, "Tên đăng nhập đã có người dùng.",
                                   {{"login", "Tên đăng nhập đã có người dùng."}});
            }
            throw;
        }
        store_.AddGrant(c, id, role, unit_id, clock_());
        Audit(c, actor, "account.create", "account", id, "null", ToJson(*store_.FindAccount(c, id)));
        return id;
    });
}

std::int64_t Service::CreateAccountByCode(const std::string& login, const std::string& password, Role role,
                                          const std::string& unit_code) {
    auto unit = database_.ReadValue([&](db::Connection& c) { return store_.FindUnitByCode(c, unit_code); });
    if (!unit) {
        throw ServiceError(Kind::kNotFound, "Không tìm thấy đơn vị mã " + unit_code + ".");
    }
    return CreateAccount(Actor{nullptr, ""}, login, password, std::nullopt, role, unit->id);
}

void Service::ResetPassword(const Actor& actor, std::int64_t account_id, const std::string& password) {
    ValidatePassword(password, "password");
    std::string hash = security::HashPassword(password);
    database_.Write([&](db::Connection& c) {
        auto account = store_.FindAccount(c, account_id);
        if (!account) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy tài khoản.");
        }
        if (actor.principal && !Covers(*actor.principal, Permission::kAccountsWrite, *account)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền đặt lại mật khẩu tài khoản này.");
        }
        store_.SetPassword(c, account_id, hash, clock_());
        store_.DeleteSessionsOf(c, account_id, 0);
        Audit(c, actor, "account.reset_password", "account", account_id, "null", "null");
    });
}

void Service::SetDisabled(const Actor& actor, std::int64_t account_id, bool disabled) {
    database_.Write([&](db::Connection& c) {
        auto before = store_.FindAccount(c, account_id);
        if (!before) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy tài khoản.");
        }
        if (actor.principal && !Covers(*actor.principal, Permission::kAccountsWrite, *before)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền khóa hoặc mở khóa tài khoản này.");
        }
        if (actor.principal && actor.principal->account_id == account_id && disabled) {
            throw ServiceError(Kind::kInvalid, "Bạn không thể tự khóa tài khoản của mình.");
        }
        store_.SetDisabled(c, account_id, disabled, clock_());
        if (disabled) {
            store_.DeleteSessionsOf(c, account_id, 0);
        }
        Audit(c, actor, disabled ? "account.disable" : "account.enable", "account", account_id, ToJson(*before),
              ToJson(*store_.FindAccount(c, account_id)));
    });
}

std::int64_t Service::AddGrant(const Actor& actor, std::int64_t account_id, Role role, std::int64_t unit_id) {
    return database_.WriteValue([&](db::Connection& c) {
        auto before = store_.FindAccount(c, account_id);
        if (!before) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy tài khoản.");
        }
        if (actor.principal && !Covers(*actor.principal, Permission::kAccountsWrite, *before)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền phân quyền cho tài khoản này.");
        }
        RequireActor(actor, Permission::kAccountsWrite, UnitPath(c, unit_id));
        std::int64_t id = 0;
        try {
            id = store_.AddGrant(c, account_id, role, unit_id, clock_());
        } catch (const db::Error& error) {
            if (error.Kind() == db::ErrorKind::kUniqueViolation) {
                throw ServiceError(Kind::kConflict, "Tài khoản đã có vai trò này ở đơn vị này.");
            }
            throw;
        }
        Audit(c, actor, "account.grant", "account", account_id, ToJson(*before), ToJson(*store_.FindAccount(c, account_id)));
        // The account learns of its new role in the app and by e-mail exactly when the grant commits.
        auto unit = store_.FindUnit(c, unit_id);
        std::string unit_name = unit ? unit->full_name : "đơn vị #" + std::to_string(unit_id);
        std::string by = actor.principal ? actor.principal->display_name : "Quản trị hệ thống";
        const std::int64_t recipients[] = {account_id};
        notify::Notify(c, clock_(), recipients,
                       notify::Message{"role_granted",
                                       "Bạn được giao vai trò " + std::string(RoleLabel(role)) + " tại " + unit_name,
                                       "Người giao: " + by + ". Vai trò có hiệu lực tại " + unit_name +
                                           " và mọi đơn vị trực thuộc.",
                                       "/quan-tri"},
                       true);
        return id;
    });
}

void Service::RemoveGrant(const Actor& actor, std::int64_t account_id, std::int64_t grant_id) {
    database_.Write([&](db::Connection& c) {
        auto before = store_.FindAccount(c, account_id);
        auto grant = store_.FindGrant(c, grant_id);
        bool belongs = false;
        if (before) {
            for (const auto& g : before->grants) {
                belongs = belongs || g.id == grant_id;
            }
        }
        if (!before || !grant || !belongs) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy quyền này.");
        }
        if (actor.principal && !Covers(*actor.principal, Permission::kAccountsWrite, *before)) {
            throw ServiceError(Kind::kForbidden, "Bạn không có quyền phân quyền cho tài khoản này.");
        }
        store_.RemoveGrant(c, grant_id);
        Audit(c, actor, "account.revoke", "account", account_id, ToJson(*before), ToJson(*store_.FindAccount(c, account_id)));
    });
}

std::vector<audit::Entry> Service::AuditLog(const Principal& principal, std::int64_t limit, std::int64_t before_id) {
    if (principal.Scopes(Permission::kAuditRead).empty()) {
        throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem nhật ký hệ thống.");
    }
    // The log covers the whole installation, so only holders of the permission at a root may read it.
    bool at_root = false;
    for (const auto& scope : principal.Scopes(Permission::kAuditRead)) {
        at_root = at_root || std::count(scope.begin(), scope.end(), '/') == 2;
    }
    if (!at_root) {
        throw ServiceError(Kind::kForbidden, "Bạn không có quyền xem nhật ký hệ thống.");
    }
    limit = std::clamp<std::int64_t>(limit, 1, 200);
    return database_.ReadValue([&](db::Connection& c) { return audit::Recent(c, limit, before_id); });
}

void Service::Purge() {
    database_.Write([&](db::Connection& c) { store_.PurgeOld(c, clock_()); });
}

}  // namespace tuyenvan::org
