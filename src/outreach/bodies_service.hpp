// Rules and permissions of the outreach bodies and speakers: every check happens here, on the server.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "org/service.hpp"
#include "outreach/bodies_model.hpp"
#include "outreach/bodies_store.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// What a person fills in to give someone a seat.
struct MemberInput {
    std::optional<std::int64_t> person_id;
    std::string role;      ///< machine name of a MemberRole
    std::string position;  ///< up to 200 characters; empty: the person's position
    std::string phone;     ///< up to 20 characters; empty: the person's phone
    std::string start_on;  ///< "dd/mm/yyyy" or "yyyy-mm-dd"
};

/// A working-rules document as uploaded.
struct RulesUpload {
    std::string file_name;
    std::string bytes;
    std::string adopted_on;  ///< "dd/mm/yyyy" or "yyyy-mm-dd"
};

/// What a person fills in for a speaker.
struct SpeakerInput {
    std::optional<std::int64_t> person_id;  ///< only when adding
    std::vector<std::string> topics;         ///< 1–20 topics of up to 200 characters
    bool active = true;
};

/// Largest working-rules document.
inline constexpr std::size_t kMaxRulesBytes = std::size_t{10} * 1024 * 1024;

/// How the vacancy overview is ordered.
enum class VacancyOrder { kName, kGaps };

/// The service of committees, teams, members and speakers. Errors are org::ServiceError.
///
/// Reads need kOutreachRead on the unit's subtree, changes kOutreachWrite; a team is its village's, so
/// a commune officer keeps the teams of the commune's villages.
class BodiesService {
public:
    BodiesService(db::Database& database, std::function<std::int64_t()> clock);

    /// Units where the principal reads outreach bodies (their grants), for the entry page.
    std::vector<UnitRef> EntryUnits(const org::Principal& principal);
    /// A unit's body, its members (current, or all with `history`), rules and, for a commune, its villages' teams.
    UnitOutreach GetUnit(const org::Principal& principal, std::int64_t unit_id, bool history);
    /// Establishes the committee of a commune, district or province, or the team of a village (whose commune
    /// needs a committee first); `established_on` may be empty. A second standing body is refused.
    std::int64_t Establish(const org::Actor& actor, std::int64_t unit_id, const std::string& established_on);
    /// A body with its unit, for forms.
    std::pair<Body, UnitRef> GetBody(const org::Principal& principal, std::int64_t body_id);
    /// People who may get a seat in the body (its unit's subtree; for a team the commune's).
    std::vector<Candidate> Candidates(const org::Principal& principal, std::int64_t body_id);
    /// Gives a person a seat; a person holds one current seat per body and a body one head, full-time deputy
    /// or leader at a time.
    std::int64_t AddMember(const org::Actor& actor, std::int64_t body_id, const MemberInput& input);
    /// A member, with their body and unit, for the end form.
    std::pair<Member, UnitRef> GetMember(const org::Principal& principal, std::int64_t member_id);
    /// Ends a current seat on `end_on` (not before its start, not after today); the seat stays as history.
    /// `version` is the one the form was built from (stale: kConflict, nothing written).
    void EndMember(const org::Actor& actor, std::int64_t member_id, std::int64_t version, const std::string& end_on);
    /// Attaches working rules (PDF or DOCX, checked from the bytes); the same file again is not stored twice
    /// and returns the first upload's id.
    std::int64_t UploadRules(const org::Actor& actor, std::int64_t body_id, const RulesUpload& upload);
    /// A rules document with its bytes.
    RulesFile Rules(const org::Principal& principal, std::int64_t document_id);

    /// Speakers of a level (province, district or commune unit).
    std::pair<UnitRef, std::vector<Speaker>> Speakers(const org::Principal& principal, std::int64_t unit_id);
    /// People who may be added as speakers of the level.
    std::vector<Candidate> SpeakerCandidates(const org::Principal& principal, std::int64_t unit_id);
    /// A speaker with where and when they presented (the conferences' topics naming them).
    Speaker GetSpeaker(const org::Principal& principal, std::int64_t speaker_id);
    /// Adds a speaker to a level; a person is on a level's list once.
    std::int64_t AddSpeaker(const org::Actor& actor, std::int64_t unit_id, const SpeakerInput& input);
    /// Replaces a speaker's topics and active flag; `version` as for EndMember.
    void UpdateSpeaker(const org::Actor& actor, std::int64_t speaker_id, std::int64_t version,
                       const SpeakerInput& input);

    /// The vacancies of the communes under a unit.
    VacancyOverview Vacancies(const org::Principal& principal, std::int64_t unit_id, VacancyOrder order);

    /// Parses a date typed as "dd/mm/yyyy" or sent as "yyyy-mm-dd"; ISO text, or nothing when invalid.
    static std::optional<std::string> ParseDay(const std::string& text);

private:
    UnitRef LoadUnit(db::Connection& c, std::int64_t unit_id) const;
    Body LoadBody(db::Connection& c, std::int64_t body_id) const;
    void Audit(db::Connection& c, const org::Actor& actor, const std::string& action, const std::string& entity,
               std::int64_t id, std::string before, std::string after, std::int64_t now);
    std::string Today() const;

    db::Database& database_;
    BodiesStore store_;
    std::function<std::int64_t()> clock_;
};

/// JSON texts of the model, shared by the API and the audit log.
std::string ToJson(const Body& body);
std::string ToJson(const Member& member);
std::string ToJson(const RulesDocument& document);
std::string ToJson(const Speaker& speaker);

}  // namespace tuyenvan::outreach
