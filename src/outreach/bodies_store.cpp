#include "outreach/bodies_store.hpp"

#include <map>

namespace tuyenvan::outreach {
namespace {

constexpr const char* kUnitColumns =
    "u.id, u.full_name, u.level, u.path, u.parent_id, COALESCE(p.full_name, '') FROM units u "
    "LEFT JOIN units p ON p.id = u.parent_id";

UnitRef ReadUnit(const db::Rows& rows, std::size_t i, std::size_t at = 0) {
    UnitRef unit;
    unit.id = rows.Int(i, at);
    unit.name = rows.String(i, at + 1);
    unit.level = rows.String(i, at + 2);
    unit.path = rows.String(i, at + 3);
    unit.parent_id = rows.OptInt(i, at + 4);
    unit.parent_name = rows.String(i, at + 5);
    return unit;
}

constexpr const char* kBodyColumns = "id, kind, unit_id, parent_body_id, name, COALESCE(established_on, ''), version";

Body ReadBody(const db::Rows& rows, std::size_t i) {
    Body body;
    body.id = rows.Int(i, 0);
    body.kind = rows.Text(i, 1) == "team" ? BodyKind::kTeam : BodyKind::kCommittee;
    body.unit_id = rows.Int(i, 2);
    body.parent_body_id = rows.OptInt(i, 3);
    body.name = rows.String(i, 4);
    body.established_on = rows.String(i, 5);
    body.version = rows.Int(i, 6);
    return body;
}

constexpr const char* kMemberColumns =
    "m.id, m.body_id, m.person_id, p.full_name, m.role, m.position, m.phone, m.start_on, COALESCE(m.end_on, ''), "
    "m.version FROM outreach_members m JOIN people p ON p.id = m.person_id";

Member ReadMember(const db::Rows& rows, std::size_t i) {
    Member member;
    member.id = rows.Int(i, 0);
    member.body_id = rows.Int(i, 1);
    member.person_id = rows.Int(i, 2);
    member.person_name = rows.String(i, 3);
    member.role = ParseMemberRole(rows.Text(i, 4)).value_or(MemberRole::kMember);
    member.position = rows.String(i, 5);
    member.phone = rows.String(i, 6);
    member.start_on = rows.String(i, 7);
    member.end_on = rows.String(i, 8);
    member.version = rows.Int(i, 9);
    return member;
}

constexpr const char* kDocumentColumns =
    "id, body_id, file_name, content_type, byte_size, adopted_on, uploaded_by, created_at";

RulesDocument ReadDocument(const db::Rows& rows, std::size_t i) {
    RulesDocument document;
    document.id = rows.Int(i, 0);
    document.body_id = rows.Int(i, 1);
    document.file_name = rows.String(i, 2);
    document.content_type = rows.String(i, 3);
    document.byte_size = rows.Int(i, 4);
    document.adopted_on = rows.String(i, 5);
    document.uploaded_by = rows.String(i, 6);
    document.created_at = rows.Int(i, 7);
    return document;
}

constexpr const char* kSpeakerColumns =
    "s.id, s.person_id, p.full_name, p.position, p.phone, s.unit_id, u.full_name, s.active, s.version "
    "FROM outreach_speakers s JOIN people p ON p.id = s.person_id JOIN units u ON u.id = s.unit_id";

Speaker ReadSpeaker(const db::Rows& rows, std::size_t i) {
    Speaker speaker;
    speaker.id = rows.Int(i, 0);
    speaker.person_id = rows.Int(i, 1);
    speaker.person_name = rows.String(i, 2);
    speaker.position = rows.String(i, 3);
    speaker.phone = rows.String(i, 4);
    speaker.unit_id = rows.Int(i, 5);
    speaker.unit_name = rows.String(i, 6);
    speaker.active = rows.Int(i, 7) != 0;
    speaker.version = rows.Int(i, 8);
    return speaker;
}

// Heads first, then the full-time deputy, deputies and members; current seats before ended ones.
constexpr const char* kMemberOrder =
    " ORDER BY CASE WHEN m.end_on IS NULL THEN 0 ELSE 1 END, CASE m.role WHEN 'head' THEN 0 WHEN 'leader' THEN 0 "
    "WHEN 'full_time_deputy' THEN 1 WHEN 'deputy' THEN 2 ELSE 3 END, m.start_on, m.id";

}  // namespace

std::optional<UnitRef> BodiesStore::FindUnit(db::Connection& c, std::int64_t unit_id) const {
    auto rows = c.Query(std::string("SELECT ") + kUnitColumns + " WHERE u.id = $1", {unit_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return ReadUnit(rows, 0);
}

std::vector<UnitRef> BodiesStore::UnitsUnder(db::Connection& c, const std::string& path,
                                             const std::string& level) const {
    auto rows = c.Query(std::string("SELECT ") + kUnitColumns +
                            " WHERE u.path LIKE $1 AND u.level = $2 AND u.valid_to IS NULL ORDER BY u.sort_key, u.id",
                        {path + "%", level});
    std::vector<UnitRef> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(ReadUnit(rows, i));
    }
    return out;
}

std::optional<Body> BodiesStore::OpenBodyOf(db::Connection& c, std::int64_t unit_id) const {
    auto rows = c.Query(std::string("SELECT ") + kBodyColumns +
                            " FROM outreach_bodies WHERE unit_id = $1 AND dissolved_on IS NULL",
                        {unit_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return ReadBody(rows, 0);
}

std::optional<Body> BodiesStore::FindBody(db::Connection& c, std::int64_t body_id) const {
    auto rows = c.Query(std::string("SELECT ") + kBodyColumns + " FROM outreach_bodies WHERE id = $1", {body_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return ReadBody(rows, 0);
}

std::int64_t BodiesStore::InsertBody(db::Connection& c, const Body& body, std::int64_t now) const {
    return c
        .Query("INSERT INTO outreach_bodies (kind, unit_id, parent_body_id, name, established_on, created_at, "
               "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
               {std::string(BodyKindName(body.kind)), body.unit_id, db::Nullable(body.parent_body_id), body.name,
                body.established_on.empty() ? db::Value(nullptr) : db::Value(body.established_on), now})
        .Int(0, 0);
}

std::vector<Member> BodiesStore::Members(db::Connection& c, std::int64_t body_id, bool with_history) const {
    auto rows = c.Query(std::string("SELECT ") + kMemberColumns + " WHERE m.body_id = $1" +
                            (with_history ? "" : " AND m.end_on IS NULL") + kMemberOrder,
                        {body_id});
    std::vector<Member> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(ReadMember(rows, i));
    }
    return out;
}

std::optional<Member> BodiesStore::FindMember(db::Connection& c, std::int64_t member_id) const {
    auto rows = c.Query(std::string("SELECT ") + kMemberColumns + " WHERE m.id = $1", {member_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return ReadMember(rows, 0);
}

std::int64_t BodiesStore::InsertMember(db::Connection& c, const Member& member, std::int64_t now) const {
    return c
        .Query("INSERT INTO outreach_members (body_id, person_id, role, position, phone, start_on, created_at, "
               "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
               {member.body_id, member.person_id, std::string(MemberRoleName(member.role)), member.position,
                member.phone, member.start_on, now})
        .Int(0, 0);
}

bool BodiesStore::EndMember(db::Connection& c, std::int64_t member_id, std::int64_t version, const std::string& end_on,
                            std::int64_t now) const {
    return c
               .Query("UPDATE outreach_members SET end_on = $1, updated_at = $2, version = version + 1 "
                      "WHERE id = $3 AND version = $4 AND end_on IS NULL",
                      {end_on, now, member_id, version})
               .Affected() == 1;
}

std::vector<RulesDocument> BodiesStore::Documents(db::Connection& c, std::int64_t body_id) const {
    auto rows = c.Query(std::string("SELECT ") + kDocumentColumns +
                            " FROM outreach_body_documents WHERE body_id = $1 ORDER BY id DESC",
                        {body_id});
    std::vector<RulesDocument> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(ReadDocument(rows, i));
    }
    return out;
}

std::optional<RulesFile> BodiesStore::FindDocument(db::Connection& c, std::int64_t document_id) const {
    auto rows = c.Query(std::string("SELECT ") + kDocumentColumns + ", data FROM outreach_body_documents WHERE id = $1",
                        {document_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return RulesFile{ReadDocument(rows, 0), rows.String(0, 8)};
}

std::optional<std::int64_t> BodiesStore::DocumentBySha(db::Connection& c, std::int64_t body_id,
                                                      const std::string& sha) const {
    auto rows = c.Query("SELECT id FROM outreach_body_documents WHERE body_id = $1 AND sha256 = $2", {body_id, sha});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return rows.Int(0, 0);
}

std::int64_t BodiesStore::InsertDocument(db::Connection& c, const RulesDocument& document, const std::string& sha,
                                         const std::string& bytes) const {
    return c
        .Query("INSERT INTO outreach_body_documents (body_id, file_name, content_type, byte_size, sha256, adopted_on, "
               "data, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
               {document.body_id, document.file_name, document.content_type, document.byte_size, sha,
                document.adopted_on, db::Blob{bytes}, document.uploaded_by, document.created_at})
        .Int(0, 0);
}

std::vector<VillageTeam> BodiesStore::VillageTeams(db::Connection& c, const std::string& commune_path) const {
    auto rows = c.Query(
        std::string("SELECT ") + kUnitColumns +
            " WHERE u.path LIKE $1 AND u.level = 'village' AND u.valid_to IS NULL ORDER BY u.sort_key, u.id",
        {commune_path + "%"});
    std::vector<VillageTeam> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        VillageTeam village;
        village.village = ReadUnit(rows, i);
        village.team = OpenBodyOf(c, village.village.id);
        if (village.team) {
            auto counts = c.Query(
                "SELECT COUNT(*), COALESCE(MAX(CASE WHEN m.role = 'leader' THEN p.full_name END), '') "
                "FROM outreach_members m JOIN people p ON p.id = m.person_id WHERE m.body_id = $1 AND m.end_on IS NULL",
                {village.team->id});
            village.members = counts.Int(0, 0);
            village.leader_name = counts.String(0, 1);
        }
        out.push_back(std::move(village));
    }
    return out;
}

std::vector<Candidate> BodiesStore::PeopleUnder(db::Connection& c, const std::string& path) const {
    auto rows = c.Query("SELECT p.id, p.full_name, p.position, p.phone, u.full_name FROM people p "
                        "JOIN units u ON u.id = p.unit_id WHERE u.path LIKE $1 ORDER BY p.sort_key, p.id LIMIT 2000",
                        {path + "%"});
    std::vector<Candidate> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(Candidate{rows.Int(i, 0), rows.String(i, 1), rows.String(i, 2), rows.String(i, 3),
                                rows.String(i, 4)});
    }
    return out;
}

std::optional<std::pair<std::string, Candidate>> BodiesStore::FindPerson(db::Connection& c,
                                                                         std::int64_t person_id) const {
    auto rows = c.Query("SELECT u.path, p.id, p.full_name, p.position, p.phone, u.full_name FROM people p "
                        "JOIN units u ON u.id = p.unit_id WHERE p.id = $1",
                        {person_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return std::make_pair(rows.String(0, 0), Candidate{rows.Int(0, 1), rows.String(0, 2), rows.String(0, 3),
                                                       rows.String(0, 4), rows.String(0, 5)});
}

void BodiesStore::LoadTopics(db::Connection& c, std::vector<Speaker>& speakers) const {
    for (auto& speaker : speakers) {
        auto rows = c.Query("SELECT topic FROM outreach_speaker_topics WHERE speaker_id = $1 ORDER BY topic",
                            {speaker.id});
        for (std::size_t i = 0; i < rows.Size(); ++i) {
            speaker.topics.push_back(rows.String(i, 0));
        }
    }
}

std::vector<Speaker> BodiesStore::Speakers(db::Connection& c, std::int64_t unit_id) const {
    auto rows = c.Query(std::string("SELECT ") + kSpeakerColumns + " WHERE s.unit_id = $1 ORDER BY p.sort_key, s.id",
                        {unit_id});
    std::vector<Speaker> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(ReadSpeaker(rows, i));
    }
    LoadTopics(c, out);
    return out;
}

std::optional<Speaker> BodiesStore::FindSpeaker(db::Connection& c, std::int64_t speaker_id) const {
    auto rows = c.Query(std::string("SELECT ") + kSpeakerColumns + " WHERE s.id = $1", {speaker_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    std::vector<Speaker> one{ReadSpeaker(rows, 0)};
    LoadTopics(c, one);
    return std::move(one.front());
}

std::vector<Presentation> BodiesStore::Presentations(db::Connection& c, std::int64_t speaker_id) const {
    // A held conference's record lists what was presented; before that, the registration's plan counts.
    auto rows = c.Query(
        "SELECT c.id, u.full_name, COALESCE(r.held_date, c.scheduled_date), t.topic, "
        "CASE WHEN t.kind = 'presented' THEN 1 ELSE 0 END FROM outreach_conference_topics t "
        "JOIN outreach_conferences c ON c.id = t.conference_id JOIN units u ON u.id = c.unit_id "
        "LEFT JOIN outreach_conference_records r ON r.conference_id = c.id "
        "WHERE t.speaker_id = $1 AND (t.kind = 'presented' OR r.conference_id IS NULL) "
        "ORDER BY 3 DESC, c.id DESC, t.position LIMIT 500",
        {speaker_id});
    std::vector<Presentation> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(Presentation{rows.Int(i, 0), rows.String(i, 1), rows.String(i, 2), rows.String(i, 3),
                                   rows.Int(i, 4) != 0});
    }
    return out;
}

std::optional<std::int64_t> BodiesStore::SpeakerOf(db::Connection& c, std::int64_t person_id,
                                                   std::int64_t unit_id) const {
    auto rows =
        c.Query("SELECT id FROM outreach_speakers WHERE person_id = $1 AND unit_id = $2", {person_id, unit_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return rows.Int(0, 0);
}

std::int64_t BodiesStore::InsertSpeaker(db::Connection& c, const Speaker& speaker, std::int64_t now) const {
    auto id = c.Query("INSERT INTO outreach_speakers (person_id, unit_id, active, created_at, updated_at) "
                      "VALUES ($1, $2, $3, $4, $4) RETURNING id",
                      {speaker.person_id, speaker.unit_id, std::int64_t{speaker.active ? 1 : 0}, now})
                  .Int(0, 0);
    for (const auto& topic : speaker.topics) {
        c.Query("INSERT INTO outreach_speaker_topics (speaker_id, topic) VALUES ($1, $2)", {id, topic});
    }
    return id;
}

bool BodiesStore::UpdateSpeaker(db::Connection& c, const Speaker& speaker, std::int64_t version,
                                std::int64_t now) const {
    if (c.Query("UPDATE outreach_speakers SET active = $1, updated_at = $2, version = version + 1 "
                "WHERE id = $3 AND version = $4",
                {std::int64_t{speaker.active ? 1 : 0}, now, speaker.id, version})
            .Affected() != 1) {
        return false;
    }
    c.Query("DELETE FROM outreach_speaker_topics WHERE speaker_id = $1", {speaker.id});
    for (const auto& topic : speaker.topics) {
        c.Query("INSERT INTO outreach_speaker_topics (speaker_id, topic) VALUES ($1, $2)", {speaker.id, topic});
    }
    return true;
}

std::vector<CommuneVacancies> BodiesStore::Vacancies(db::Connection& c, const std::string& path) const {
    std::vector<CommuneVacancies> out;
    std::map<std::int64_t, std::size_t> by_unit;
    for (auto& commune : UnitsUnder(c, path, "commune")) {
        by_unit[commune.id] = out.size();
        CommuneVacancies line;
        line.commune = std::move(commune);
        out.push_back(std::move(line));
    }
    auto committees = c.Query(
        "SELECT b.unit_id, b.id, "
        "SUM(CASE WHEN m.role = 'head' THEN 1 ELSE 0 END), SUM(CASE WHEN m.role = 'full_time_deputy' THEN 1 ELSE 0 END), "
        "COUNT(m.id) FROM outreach_bodies b JOIN units u ON u.id = b.unit_id "
        "LEFT JOIN outreach_members m ON m.body_id = b.id AND m.end_on IS NULL "
        "WHERE b.kind = 'committee' AND b.dissolved_on IS NULL AND u.level = 'commune' AND u.path LIKE $1 "
        "GROUP BY b.unit_id, b.id",
        {path + "%"});
    for (std::size_t i = 0; i < committees.Size(); ++i) {
        auto found = by_unit.find(committees.Int(i, 0));
        if (found == by_unit.end()) {
            continue;
        }
        auto& line = out[found->second];
        line.committee_id = committees.Int(i, 1);
        line.has_head = committees.Int(i, 2) > 0;
        line.has_full_time_deputy = committees.Int(i, 3) > 0;
        line.members = committees.Int(i, 4);
    }
    auto villages = c.Query(
        "SELECT v.parent_id, v.full_name, b.id, COUNT(m.id) FROM units v "
        "LEFT JOIN outreach_bodies b ON b.unit_id = v.id AND b.dissolved_on IS NULL "
        "LEFT JOIN outreach_members m ON m.body_id = b.id AND m.end_on IS NULL "
        "WHERE v.level = 'village' AND v.valid_to IS NULL AND v.path LIKE $1 "
        "GROUP BY v.id, v.parent_id, v.full_name, v.sort_key, b.id ORDER BY v.sort_key, v.id",
        {path + "%"});
    for (std::size_t i = 0; i < villages.Size(); ++i) {
        auto parent = villages.OptInt(i, 0);
        auto found = parent ? by_unit.find(*parent) : by_unit.end();
        if (found == by_unit.end()) {
            continue;
        }
        auto& line = out[found->second];
        ++line.villages;
        if (villages.IsNull(i, 2)) {
            line.villages_without_team.push_back(villages.String(i, 1));
        } else if (villages.Int(i, 3) < kTeamMinimum) {
            line.small_teams.emplace_back(villages.String(i, 1), villages.Int(i, 3));
        }
    }
    return out;
}

}  // namespace tuyenvan::outreach
