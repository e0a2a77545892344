#include "outreach/bodies_model.hpp"

namespace tuyenvan::outreach {

std::string_view BodyKindName(BodyKind kind) { return kind == BodyKind::kTeam ? "team" : "committee"; }

std::string_view MemberRoleName(MemberRole role) {
    switch (role) {
        case MemberRole::kHead: return "head";
        case MemberRole::kFullTimeDeputy: return "full_time_deputy";
        case MemberRole::kDeputy: return "deputy";
        case MemberRole::kLeader: return "leader";
        case MemberRole::kMember: return "member";
    }
    return "member";
}

std::string_view MemberRoleLabel(MemberRole role) {
    switch (role) {
        case MemberRole::kHead: return "Trưởng ban";
        case MemberRole::kFullTimeDeputy: return "Phó Trưởng ban chuyên trách";
        case MemberRole::kDeputy: return "Phó Trưởng ban";
        case MemberRole::kLeader: return "Tổ trưởng";
        case MemberRole::kMember: return "Thành viên";
    }
    return "";
}

std::optional<MemberRole> ParseMemberRole(std::string_view name) {
    for (MemberRole role : {MemberRole::kHead, MemberRole::kFullTimeDeputy, MemberRole::kDeputy, MemberRole::kLeader,
                            MemberRole::kMember}) {
        if (MemberRoleName(role) == name) {
            return role;
        }
    }
    return std::nullopt;
}

std::vector<MemberRole> RolesOf(BodyKind kind) {
    if (kind == BodyKind::kTeam) {
        return {MemberRole::kLeader, MemberRole::kMember};
    }
    return {MemberRole::kHead, MemberRole::kFullTimeDeputy, MemberRole::kDeputy, MemberRole::kMember};
}

bool IsSingleSeat(MemberRole role) {
    return role == MemberRole::kHead || role == MemberRole::kFullTimeDeputy || role == MemberRole::kLeader;
}

}  // namespace tuyenvan::outreach
