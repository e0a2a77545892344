// Plain types of the outreach bodies: committees (ban tuyên vận), village teams (tổ tuyên vận), their
// members with history, working-rules documents and speakers (báo cáo viên).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::outreach {

/// A committee of a commune, district or province, or a team of a village.
enum class BodyKind { kCommittee, kTeam };

/// A member's role; committees use head, full-time deputy, deputy and member, teams leader and member.
enum class MemberRole { kHead, kFullTimeDeputy, kDeputy, kLeader, kMember };

/// Machine name of a kind ("committee", "team").
std::string_view BodyKindName(BodyKind kind);
/// Machine name of a role ("full_time_deputy").
std::string_view MemberRoleName(MemberRole role);
/// Vietnamese label of a role ("Phó Trưởng ban chuyên trách").
std::string_view MemberRoleLabel(MemberRole role);
/// Parses a machine name.
std::optional<MemberRole> ParseMemberRole(std::string_view name);
/// The roles a body of the kind has, in display order.
std::vector<MemberRole> RolesOf(BodyKind kind);
/// True for the roles a body holds at most once at a time (head, full-time deputy, leader).
bool IsSingleSeat(MemberRole role);

/// Members a team needs at least.
inline constexpr std::int64_t kTeamMinimum = 3;

/// The unit a body belongs to, as the outreach pages show it.
struct UnitRef {
    std::int64_t id = 0;
    std::string name;  ///< full name ("Xã A Mú Sung")
    std::string level;
    std::string path;
    std::optional<std::int64_t> parent_id;
    std::string parent_name;
};

/// A committee or team.
struct Body {
    std::int64_t id = 0;
    BodyKind kind = BodyKind::kCommittee;
    std::int64_t unit_id = 0;
    std::optional<std::int64_t> parent_body_id;
    std::string name;
    std::string established_on;  ///< ISO yyyy-mm-dd, empty when unknown
    std::int64_t version = 1;
};

/// A seat in a body: current while `end_on` is empty, history afterwards.
struct Member {
    std::int64_t id = 0;
    std::int64_t body_id = 0;
    std::int64_t person_id = 0;
    std::string person_name;
    MemberRole role = MemberRole::kMember;
    std::string position;
    std::string phone;
    std::string start_on;  ///< ISO yyyy-mm-dd
    std::string end_on;    ///< ISO yyyy-mm-dd; empty while current
    std::int64_t version = 1;
};

/// A working-rules document without its bytes.
struct RulesDocument {
    std::int64_t id = 0;
    std::int64_t body_id = 0;
    std::string file_name;
    std::string content_type;
    std::int64_t byte_size = 0;
    std::string adopted_on;  ///< ISO yyyy-mm-dd
    std::string uploaded_by;
    std::int64_t created_at = 0;
};

/// A document with its bytes, for download.
struct RulesFile {
    RulesDocument document;
    std::string bytes;
};

/// A village of a commune with its team, if any.
struct VillageTeam {
    UnitRef village;
    std::optional<Body> team;
    std::int64_t members = 0;  ///< current members of the team
    std::string leader_name;   ///< empty without a current leader
};

/// What a unit's outreach page shows.
struct UnitOutreach {
    UnitRef unit;
    /// False for units that hold no body (departments, offices).
    bool can_have_body = false;
    std::optional<Body> body;
    /// Current members, or every member ever when history was asked for; heads first.
    std::vector<Member> members;
    /// The rules in force first, then older uploads.
    std::vector<RulesDocument> rules;
    /// The villages of a commune with their teams (empty for other levels).
    std::vector<VillageTeam> villages;
    /// For a village: the commune's committee (a team needs it).
    std::optional<Body> parent_committee;
};

/// A person who may be given a seat or a speaker's place.
struct Candidate {
    std::int64_t id = 0;
    std::string full_name;
    std::string position;
    std::string phone;
    std::string unit_name;
};

/// A topic a speaker presented, or is down to present, at a commune's conference.
struct Presentation {
    std::int64_t conference_id = 0;
    std::string commune_name;
    std::string day;  ///< ISO yyyy-mm-dd: the day held, or the scheduled day while not yet held
    std::string topic;
    bool presented = false;  ///< from the conference's record; false: planned at registration
};

/// A speaker of one level with the topics they present.
struct Speaker {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string person_name;
    std::string position;
    std::string phone;
    std::int64_t unit_id = 0;
    std::string unit_name;
    bool active = true;
    std::vector<std::string> topics;
    std::int64_t version = 1;
    /// Where and when the speaker presented, newest first; filled by BodiesService::GetSpeaker only.
    std::vector<Presentation> presentations;
};

/// One commune's line of the vacancy overview.
struct CommuneVacancies {
    UnitRef commune;
    std::optional<std::int64_t> committee_id;
    bool has_head = false;
    bool has_full_time_deputy = false;
    std::int64_t members = 0;
    std::int64_t villages = 0;
    std::vector<std::string> villages_without_team;
    /// Teams below kTeamMinimum: village name and current members.
    std::vector<std::pair<std::string, std::int64_t>> small_teams;
    /// Number of gaps, for sorting the neediest first.
    std::int64_t Gaps() const {
        return (committee_id ? 0 : 1) + (has_full_time_deputy ? 0 : 1) +
               static_cast<std::int64_t>(villages_without_team.size() + small_teams.size());
    }
};

/// The vacancy overview of a district (or any unit): its communes, in Vietnamese order by default.
struct VacancyOverview {
    UnitRef unit;
    std::vector<CommuneVacancies> communes;
    std::int64_t without_committee = 0;
    std::int64_t without_full_time_deputy = 0;
    std::int64_t villages_without_team = 0;
    std::int64_t small_teams = 0;
};

}  // namespace tuyenvan::outreach
