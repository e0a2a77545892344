// The SQL of the outreach bodies and speakers, and nothing else. The org room's `units` and `people` are
// only read (names, paths for permission checks, the villages of a commune); every rule lives in the service.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "outreach/bodies_model.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// Reads and writes of outreach_bodies, outreach_members, outreach_body_documents and outreach_speakers.
class BodiesStore {
public:
    /// A unit by id.
    std::optional<UnitRef> FindUnit(db::Connection& c, std::int64_t unit_id) const;
    /// Units of a level in a subtree (its own included), in Vietnamese order; open units only.
    std::vector<UnitRef> UnitsUnder(db::Connection& c, const std::string& path, const std::string& level) const;

    /// The standing body of a unit.
    std::optional<Body> OpenBodyOf(db::Connection& c, std::int64_t unit_id) const;
    /// A body by id.
    std::optional<Body> FindBody(db::Connection& c, std::int64_t body_id) const;
    /// Inserts a body; returns its id.
    std::int64_t InsertBody(db::Connection& c, const Body& body, std::int64_t now) const;

    /// Members of a body, current only or all, heads first then by start date.
    std::vector<Member> Members(db::Connection& c, std::int64_t body_id, bool with_history) const;
    /// A member by id.
    std::optional<Member> FindMember(db::Connection& c, std::int64_t member_id) const;
    /// Inserts a member; returns its id.
    std::int64_t InsertMember(db::Connection& c, const Member& member, std::int64_t now) const;
    /// Ends a current member at `end_on` when `version` is still the stored one; false otherwise.
    bool EndMember(db::Connection& c, std::int64_t member_id, std::int64_t version, const std::string& end_on,
                   std::int64_t now) const;

    /// Rules documents of a body, newest first, without bytes.
    std::vector<RulesDocument> Documents(db::Connection& c, std::int64_t body_id) const;
    /// A document with its bytes.
    std::optional<RulesFile> FindDocument(db::Connection& c, std::int64_t document_id) const;
    /// The id of the body's document with these bytes' hash, if it was uploaded before.
    std::optional<std::int64_t> DocumentBySha(db::Connection& c, std::int64_t body_id, const std::string& sha) const;
    /// Inserts a document; returns its id.
    std::int64_t InsertDocument(db::Connection& c, const RulesDocument& document, const std::string& sha,
                                const std::string& bytes) const;

    /// Villages of a commune with their standing teams, in Vietnamese order.
    std::vector<VillageTeam> VillageTeams(db::Connection& c, const std::string& commune_path) const;

    /// People in a subtree, in Vietnamese order.
    std::vector<Candidate> PeopleUnder(db::Connection& c, const std::string& path) const;
    /// A person's unit path and name; nothing when unknown.
    std::optional<std::pair<std::string, Candidate>> FindPerson(db::Connection& c, std::int64_t person_id) const;

    /// Speakers of a level unit, in Vietnamese order of their names.
    std::vector<Speaker> Speakers(db::Connection& c, std::int64_t unit_id) const;
    /// A speaker by id.
    std::optional<Speaker> FindSpeaker(db::Connection& c, std::int64_t speaker_id) const;
    /// The conference topics a speaker is down for (outreach_conference_topics), newest first.
    std::vector<Presentation> Presentations(db::Connection& c, std::int64_t speaker_id) const;
    /// The speaker of a person at a level, if any.
    std::optional<std::int64_t> SpeakerOf(db::Connection& c, std::int64_t person_id, std::int64_t unit_id) const;
    /// Inserts a speaker with topics; returns its id.
    std::int64_t InsertSpeaker(db::Connection& c, const Speaker& speaker, std::int64_t now) const;
    /// Replaces topics and the active flag when `version` is still the stored one; false otherwise.
    bool UpdateSpeaker(db::Connection& c, const Speaker& speaker, std::int64_t version, std::int64_t now) const;

    /// Communes of a subtree with their committees and villages, for the vacancy overview.
    std::vector<CommuneVacancies> Vacancies(db::Connection& c, const std::string& path) const;

private:
    void LoadTopics(db::Connection& c, std::vector<Speaker>& speakers) const;
};

}  // namespace tuyenvan::outreach
