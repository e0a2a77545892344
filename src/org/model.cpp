#include "org/model.hpp"

namespace tuyenvan::org {

const std::vector<Role>& AllRoles() {
    static const std::vector<Role> roles = {Role::kAdministrator,     Role::kProvinceOffice, Role::kDistrictOfficer,
                                            Role::kCommuneOfficer,    Role::kDepartmentOfficer, Role::kEditor,
                                            Role::kContributor,       Role::kViewer};
    return roles;
}

std::string_view RoleName(Role role) {
    switch (role) {
        case Role::kAdministrator: return "administrator";
        case Role::kProvinceOffice: return "province_office";
        case Role::kDistrictOfficer: return "district_officer";
        case Role::kCommuneOfficer: return "commune_officer";
        case Role::kDepartmentOfficer: return "department_officer";
        case Role::kEditor: return "editor";
        case Role::kContributor: return "contributor";
        case Role::kViewer: return "viewer";
    }
    return "viewer";
}

std::string_view RoleLabel(Role role) {
    switch (role) {
        case Role::kAdministrator: return "Quản trị hệ thống";
        case Role::kProvinceOffice: return "Văn phòng Tỉnh ủy";
        case Role::kDistrictOfficer: return "Cán bộ cấp huyện";
        case Role::kCommuneOfficer: return "Cán bộ cấp xã";
        case Role::kDepartmentOfficer: return "Cán bộ sở, ban, ngành";
        case Role::kEditor: return "Biên tập viên";
        case Role::kContributor: return "Cộng tác viên";
        case Role::kViewer: return "Người xem";
    }
    return "";
}

std::optional<Role> ParseRole(std::string_view name) {
    for (Role role : AllRoles()) {
        if (RoleName(role) == name) {
            return role;
        }
    }
    return std::nullopt;
}

bool RoleHas(Role role, Permission permission) {
    switch (permission) {
        case Permission::kUnitsRead:
        case Permission::kPeopleRead:
            return true;
        case Permission::kPeopleWrite:
            return role == Role::kAdministrator || role == Role::kProvinceOffice || role == Role::kDistrictOfficer ||
                   role == Role::kCommuneOfficer || role == Role::kDepartmentOfficer;
        case Permission::kAuditRead:
            return role == Role::kAdministrator || role == Role::kProvinceOffice;
        case Permission::kOutreachRead:
            return role != Role::kEditor && role != Role::kContributor;
        case Permission::kOutreachWrite:
            return role == Role::kAdministrator || role == Role::kProvinceOffice || role == Role::kDistrictOfficer ||
                   role == Role::kCommuneOfficer;
        case Permission::kOutreachSupervise:
            return role == Role::kAdministrator || role == Role::kProvinceOffice || role == Role::kDistrictOfficer;
        case Permission::kUnitsWrite:
        case Permission::kAccountsRead:
        case Permission::kAccountsWrite:
            return role == Role::kAdministrator;
    }
    return false;
}

std::string_view LevelLabel(std::string_view level) {
    if (level == "province") return "Cấp tỉnh";
    if (level == "district") return "Cấp huyện";
    if (level == "commune") return "Cấp xã";
    if (level == "village") return "Thôn, bản, tổ dân phố";
    if (level == "department") return "Sở, ban, ngành";
    if (level == "office") return "Cơ quan Đảng";
    return "";
}

bool Principal::Can(Permission permission, std::string_view unit_path) const {
    for (const Grant& grant : grants) {
        if (RoleHas(grant.role, permission) && unit_path.starts_with(grant.unit_path)) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> Principal::Scopes(Permission permission) const {
    std::vector<std::string> scopes;
    for (const Grant& grant : grants) {
        if (RoleHas(grant.role, permission)) {
            scopes.push_back(grant.unit_path);
        }
    }
    return scopes;
}

bool Principal::HasRole(Role role) const {
    for (const Grant& grant : grants) {
        if (grant.role == role) {
            return true;
        }
    }
    return false;
}

}  // namespace tuyenvan::org
