// Plain types of the org room: units, people, accounts, roles and the signed-in principal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::org {

/// Roles are granted per unit and apply to the unit's whole subtree.
enum class Role {
    kAdministrator,
    kProvinceOffice,
    kDistrictOfficer,
    kCommuneOfficer,
    kDepartmentOfficer,
    kEditor,
    kContributor,
    kViewer,
};

/// What a role may do; checked in the service against the unit's place in the tree.
enum class Permission {
    kUnitsRead,
    kUnitsWrite,
    kPeopleRead,
    kPeopleWrite,
    kAccountsRead,
    kAccountsWrite,
    kAuditRead,
    /// Read committees, teams, conferences and logbooks of the subtree.
    kOutreachRead,
    /// Keep the subtree's committees, teams, speakers, conference registrations, records and logbooks.
    kOutreachWrite,
    /// Set the subtree's deadlines, publish rotations, send reminders and record reprimands.
    kOutreachSupervise,
};

/// Every role, in display order.
const std::vector<Role>& AllRoles();
/// Machine name ("commune_officer").
std::string_view RoleName(Role role);
/// Vietnamese label ("Cán bộ cấp xã").
std::string_view RoleLabel(Role role);
/// Parses a machine name.
std::optional<Role> ParseRole(std::string_view name);
/// True when the role carries the permission.
bool RoleHas(Role role, Permission permission);

/// Unit levels of the tree; the depth of the tree is data.
inline constexpr std::string_view kLevels[] = {"province", "district", "commune", "village", "department", "office"};
/// Vietnamese label of a level.
std::string_view LevelLabel(std::string_view level);

/// A unit of the administrative or Party tree.
struct Unit {
    std::int64_t id = 0;
    std::string code;
    std::optional<std::int64_t> parent_id;
    std::string parent_name;
    std::string level;
    std::string kind;
    std::string name;
    std::string full_name;
    std::string name_en;
    std::string path;
    std::int64_t depth = 0;
    std::optional<std::int64_t> valid_from;
    std::optional<std::int64_t> valid_to;
    std::int64_t version = 1;
    std::vector<std::int64_t> successor_ids;
    std::string name_key;  ///< folded names and code, for search
    std::string sort_key;  ///< ICU "vi" sort key in hex
};

/// A person (cadre, officer, member).
struct Person {
    std::int64_t id = 0;
    std::string full_name;
    std::string position;
    std::int64_t unit_id = 0;
    std::string unit_name;
    std::string phone;
    std::string email;
    std::int64_t version = 1;
};

/// A role granted on a unit.
struct Grant {
    std::int64_t id = 0;
    Role role = Role::kViewer;
    std::int64_t unit_id = 0;
    std::string unit_name;
    std::string unit_path;
};

/// A sign-in account.
struct Account {
    std::int64_t id = 0;
    std::string login;
    std::optional<std::int64_t> person_id;
    std::string person_name;
    bool disabled = false;
    std::int64_t created_at = 0;
    std::int64_t version = 1;
    std::vector<Grant> grants;
};

/// The signed-in account of a request, with its grants.
struct Principal {
    std::int64_t account_id = 0;
    std::int64_t session_id = 0;
    std::string login;
    std::string display_name;
    std::string csrf_token;
    std::vector<Grant> grants;

    /// True when some grant carries the permission on a unit at `unit_path` (its own or an ancestor's).
    bool Can(Permission permission, std::string_view unit_path) const;
    /// Paths of the subtrees where the permission holds (empty: nowhere).
    std::vector<std::string> Scopes(Permission permission) const;
    /// True when the principal holds the role anywhere.
    bool HasRole(Role role) const;
};

/// One page of a list.
template <typename T>
struct Page {
    std::vector<T> items;
    std::int64_t total = 0;
    std::int64_t page = 1;
    std::int64_t per_page = 50;
    /// Changes whenever the data behind the list changes (0: not tracked); keys caches of rendered lists.
    std::int64_t data_version = 0;
};

/// Filters of the unit list.
struct UnitQuery {
    std::string text;   ///< accent-insensitive search on name, full name and code
    std::string level;  ///< empty: any
    std::string kind;   ///< empty: any
    std::optional<std::int64_t> parent_id;
    bool include_closed = true;
    std::int64_t page = 1;
    std::int64_t per_page = 50;
};

/// Filters of the people list.
struct PersonQuery {
    std::string text;
    std::optional<std::int64_t> unit_id;
    std::int64_t page = 1;
    std::int64_t per_page = 50;
};

/// Filters of the account list.
struct AccountQuery {
    std::string text;
    std::string role;
    std::int64_t page = 1;
    std::int64_t per_page = 50;
};

}  // namespace tuyenvan::org
