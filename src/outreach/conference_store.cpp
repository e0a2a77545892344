#include "outreach/conference_store.hpp"

#include <map>

namespace tuyenvan::outreach {
namespace {

constexpr std::string_view kConferenceSelect =
    "SELECT c.id, c.unit_id, u.full_name, u.path, c.month, c.original_date, c.original_time, c.scheduled_date, "
    "c.scheduled_time, c.venue, c.chair, c.registered_at, c.registered_by, c.sequence, c.column_item_id, "
    "c.updated_at, c.version FROM outreach_conferences c JOIN units u ON u.id = c.unit_id ";

Conference ReadConference(const db::Rows& rows, std::size_t i) {
    Conference conference;
    conference.id = rows.Int(i, 0);
    conference.unit_id = rows.Int(i, 1);
    conference.unit_name = rows.String(i, 2);
    conference.unit_path = rows.String(i, 3);
    conference.month = rows.String(i, 4);
    conference.original_date = rows.String(i, 5);
    conference.original_time = rows.String(i, 6);
    conference.scheduled_date = rows.String(i, 7);
    conference.scheduled_time = rows.String(i, 8);
    conference.venue = rows.String(i, 9);
    conference.chair = rows.String(i, 10);
    conference.registered_at = rows.Int(i, 11);
    conference.registered_by = rows.String(i, 12);
    conference.sequence = rows.Int(i, 13);
    conference.column_item_id = rows.OptInt(i, 14);
    conference.updated_at = rows.Int(i, 15);
    conference.version = rows.Int(i, 16);
    return conference;
}

std::vector<TopicLine> ReadTopics(db::Connection& c, std::int64_t id, const char* kind) {
    auto rows = c.Query(
        "SELECT topic, speaker_id, speaker_name FROM outreach_conference_topics WHERE conference_id = $1 AND kind = "
        "$2 ORDER BY position",
        {id, std::string(kind)});
    std::vector<TopicLine> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(TopicLine{rows.String(i, 0), rows.OptInt(i, 1), rows.String(i, 2)});
    }
    return out;
}

void WriteTopics(db::Connection& c, std::int64_t id, const char* kind, const std::vector<TopicLine>& topics) {
    c.Query("DELETE FROM outreach_conference_topics WHERE conference_id = $1 AND kind = $2", {id, std::string(kind)});
    std::int64_t position = 0;
    for (const auto& topic : topics) {
        c.Query(
            "INSERT INTO outreach_conference_topics (conference_id, kind, position, topic, speaker_id, "
            "speaker_name) VALUES ($1, $2, $3, $4, $5, $6)",
            {id, std::string(kind), ++position, topic.topic, db::Nullable(topic.speaker_id), topic.speaker_name});
    }
}

ScheduleChange ReadChanges(const db::Rows& rows, std::size_t first_column, std::size_t i) {
    ScheduleChange change;
    std::size_t k = first_column;
    change.id = rows.Int(i, k++);
    change.made_at = rows.Int(i, k++);
    change.made_by = rows.String(i, k++);
    change.before_date = rows.String(i, k++);
    change.before_time = rows.String(i, k++);
    change.before_venue = rows.String(i, k++);
    change.after_date = rows.String(i, k++);
    change.after_time = rows.String(i, k++);
    change.after_venue = rows.String(i, k++);
    change.reason = rows.String(i, k++);
    return change;
}

constexpr std::string_view kChangeColumns =
    "ch.id, ch.made_at, ch.made_by, ch.before_date, ch.before_time, ch.before_venue, ch.after_date, ch.after_time, "
    "ch.after_venue, ch.reason";

}  // namespace

std::optional<ConferenceUnit> ConferenceStore::FindUnit(db::Connection& c, std::int64_t id) const {
    auto rows = c.Query("SELECT id, level, name, full_name, path, parent_id FROM units WHERE id = $1", {id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return ConferenceUnit{rows.Int(0, 0),    rows.String(0, 1), rows.String(0, 2),
                          rows.String(0, 3), rows.String(0, 4), rows.OptInt(0, 5)};
}

std::vector<ConferenceUnit> ConferenceStore::Communes(db::Connection& c, const std::string& path, std::int64_t from_ms,
                                                      std::int64_t to_ms) const {
    auto rows = c.Query(
        "SELECT id, level, name, full_name, path, parent_id FROM units WHERE level = 'commune' AND path LIKE $1 AND "
        "(valid_from IS NULL OR valid_from <= $2) AND (valid_to IS NULL OR valid_to >= $3) ORDER BY sort_key",
        {path + "%", to_ms, from_ms});
    std::vector<ConferenceUnit> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        out.push_back(ConferenceUnit{rows.Int(i, 0), rows.String(i, 1), rows.String(i, 2), rows.String(i, 3),
                                     rows.String(i, 4), rows.OptInt(i, 5)});
    }
    return out;
}

std::vector<DeadlineRuleRow> ConferenceStore::Rules(db::Connection& c) const {
    auto rows = c.Query(
        "SELECT id, effective_month, registration_day, record_due_days, created_at, created_by, evaluation_due_days "
        "FROM "
        "outreach_deadline_rules ORDER BY effective_month");
    std::vector<DeadlineRuleRow> out;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        DeadlineRuleRow row;
        row.id = rows.Int(i, 0);
        row.effective_month = rows.String(i, 1);
        row.rule.registration_day = static_cast<int>(rows.Int(i, 2));
        row.rule.record_due_days = static_cast<int>(rows.Int(i, 3));
        row.created_at = rows.Int(i, 4);
        row.created_by = rows.String(i, 5);
        row.rule.evaluation_due_days = static_cast<int>(rows.Int(i, 6));
        out.push_back(std::move(row));
    }
    return out;
}

std::int64_t ConferenceStore::SaveRule(db::Connection& c, const std::string& month, const DeadlineRule& rule,
                                       std::int64_t now, const std::string& by) const {
    return c
        .Query(
            "INSERT INTO outreach_deadline_rules (effective_month, registration_day, record_due_days, created_at, "
            "created_by, evaluation_due_days) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (effective_month) DO UPDATE "
            "SET registration_day = excluded.registration_day, record_due_days = excluded.record_due_days, "
            "created_at = excluded.created_at, created_by = excluded.created_by, evaluation_due_days = "
            "excluded.evaluation_due_days RETURNING id",
            {month, static_cast<std::int64_t>(rule.registration_day), static_cast<std::int64_t>(rule.record_due_days),
             now, by, static_cast<std::int64_t>(rule.evaluation_due_days)})
        .Int(0, 0);
}

std::optional<StoredKey> ConferenceStore::FindKey(db::Connection& c, std::int64_t account_id,
                                                  const std::string& key) const {
    auto rows = c.Query(
        "SELECT action, result_id FROM outreach_idempotency_keys WHERE account_id = $1 AND idempotency_key = $2",
        {account_id, key});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return StoredKey{rows.String(0, 0), rows.Int(0, 1)};
}

void ConferenceStore::SaveKey(db::Connection& c, std::int64_t account_id, const std::string& key,
                              const std::string& action, std::int64_t result_id, std::int64_t now) const {
    c.Query(
        "INSERT INTO outreach_idempotency_keys (account_id, idempotency_key, action, result_id, created_at) "
        "VALUES ($1, $2, $3, $4, $5)",
        {account_id, key, action, result_id, now});
}

std::optional<std::int64_t> ConferenceStore::FindConferenceId(db::Connection& c, std::int64_t unit_id,
                                                              const std::string& month) const {
    auto rows = c.Query("SELECT id FROM outreach_conferences WHERE unit_id = $1 AND month = $2", {unit_id, month});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return rows.Int(0, 0);
}

std::int64_t ConferenceStore::InsertConference(db::Connection& c, const Conference& conference) const {
    std::int64_t id =
        c.Query(
             "INSERT INTO outreach_conferences (unit_id, month, original_date, original_time, scheduled_date, "
             "scheduled_time, venue, chair, registered_at, registered_by, updated_at) VALUES ($1, $2, $3, $4, $3, "
             "$4, $5, $6, $7, $8, $7) RETURNING id",
             {conference.unit_id, conference.month, conference.original_date, conference.original_time,
              conference.venue, conference.chair, conference.registered_at, conference.registered_by})
            .Int(0, 0);
    WriteTopics(c, id, "planned", conference.planned);
    return id;
}

std::optional<Conference> ConferenceStore::LoadConference(db::Connection& c, std::int64_t id) const {
    auto rows = c.Query(std::string(kConferenceSelect) + "WHERE c.id = $1", {id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    Conference conference = ReadConference(rows, 0);
    conference.planned = ReadTopics(c, id, "planned");
    auto changes = c.Query("SELECT " + std::string(kChangeColumns) +
                               " FROM outreach_conference_changes ch WHERE ch.conference_id = $1 ORDER BY ch.id",
                           {id});
    for (std::size_t i = 0; i < changes.Size(); ++i) {
        conference.changes.push_back(ReadChanges(changes, 0, i));
    }
    auto record = c.Query(
        "SELECT held_date, cadres, party_members, committee_members, people, materials, submitted_at, submitted_by, "
        "updated_at, version FROM outreach_conference_records WHERE conference_id = $1",
        {id});
    if (!record.Empty()) {
        ConferenceRecord out;
        out.held_date = record.String(0, 0);
        out.participants = Participants{record.Int(0, 1), record.Int(0, 2), record.Int(0, 3), record.Int(0, 4)};
        out.materials = record.String(0, 5);
        out.submitted_at = record.Int(0, 6);
        out.submitted_by = record.String(0, 7);
        out.updated_at = record.Int(0, 8);
        out.version = record.Int(0, 9);
        out.topics = ReadTopics(c, id, "presented");
        auto opinions = c.Query(
            "SELECT opinion, follow_up FROM outreach_conference_opinions WHERE conference_id = $1 ORDER BY position",
            {id});
        for (std::size_t i = 0; i < opinions.Size(); ++i) {
            out.opinions.push_back(Opinion{opinions.String(i, 0), opinions.String(i, 1)});
        }
        conference.record = std::move(out);
    }
    auto photos = c.Query(
        "SELECT id, caption, width, height FROM outreach_conference_photos WHERE conference_id = $1 ORDER BY id", {id});
    for (std::size_t i = 0; i < photos.Size(); ++i) {
        conference.photos.push_back(ConferencePhoto{photos.Int(i, 0), photos.String(i, 1),
                                                    static_cast<int>(photos.Int(i, 2)),
                                                    static_cast<int>(photos.Int(i, 3))});
    }
    return conference;
}

std::vector<StatusRow> ConferenceStore::StatusRows(db::Connection& c, const std::string& path,
                                                   const std::string& from_month, const std::string& to_month) const {
    std::vector<db::Value> params{path + "%", from_month, to_month};
    return StatusRowsQuery(c, "u.path LIKE $1 AND c.month >= $2 AND c.month <= $3", params);
}

std::vector<StatusRow> ConferenceStore::StatusRowsOf(db::Connection& c, const std::vector<std::int64_t>& unit_ids,
                                                     const std::string& from_month, const std::string& to_month) const {
    std::vector<StatusRow> out;
    for (auto unit_id : unit_ids) {
        std::vector<db::Value> params{unit_id, from_month, to_month};
        auto rows = StatusRowsQuery(c, "c.unit_id = $1 AND c.month >= $2 AND c.month <= $3", params);
        for (auto& row : rows) {
            out.push_back(std::move(row));
        }
    }
    return out;
}

std::vector<StatusRow> ConferenceStore::StatusRowsQuery(db::Connection& c, const std::string& where,
                                                        const std::vector<db::Value>& params) const {
    std::string select(kConferenceSelect);
    select.replace(select.find(" FROM "), 6, ", r.held_date, r.submitted_at FROM ");
    auto rows = c.Query(select + "LEFT JOIN outreach_conference_records r ON r.conference_id = c.id WHERE " + where +
                            " ORDER BY u.sort_key, c.month",
                        std::span<const db::Value>(params));
    std::vector<StatusRow> out;
    std::map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        StatusRow row;
        row.conference = ReadConference(rows, i);
        if (!rows.IsNull(i, 17)) {
            row.held_date = rows.String(i, 17);
            row.submitted_at = rows.Int(i, 18);
        }
        index[row.conference.id] = out.size();
        out.push_back(std::move(row));
    }
    if (out.empty()) {
        return out;
    }
    auto changes = c.Query("SELECT ch.conference_id, " + std::string(kChangeColumns) +
                               " FROM outreach_conference_changes ch JOIN outreach_conferences c ON c.id = "
                               "ch.conference_id JOIN units u ON u.id = c.unit_id WHERE " +
                               where + " ORDER BY ch.id",
                           std::span<const db::Value>(params));
    for (std::size_t i = 0; i < changes.Size(); ++i) {
        auto found = index.find(changes.Int(i, 0));
        if (found != index.end()) {
            out[found->second].conference.changes.push_back(ReadChanges(changes, 1, i));
        }
    }
    return out;
}

bool ConferenceStore::ApplyChange(db::Connection& c, std::int64_t id, std::int64_t version,
                                  const ScheduleChange& change, std::int64_t now) const {
    auto updated = c.Query(
        "UPDATE outreach_conferences SET scheduled_date = $1, scheduled_time = $2, venue = $3, sequence = sequence + "
        "1, version = version + 1, updated_at = $4 WHERE id = $5 AND version = $6",
        {change.after_date, change.after_time, change.after_venue, now, id, version});
    if (updated.Affected() == 0) {
        return false;
    }
    c.Query(
        "INSERT INTO outreach_conference_changes (conference_id, made_at, made_by, before_date, before_time, "
        "before_venue, after_date, after_time, after_venue, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
        "$10)",
        {id, change.made_at, change.made_by, change.before_date, change.before_time, change.before_venue,
         change.after_date, change.after_time, change.after_venue, change.reason});
    return true;
}

bool ConferenceStore::SaveRecord(db::Connection& c, std::int64_t conference_id, const ConferenceRecord& record,
                                 std::optional<std::int64_t> version, std::int64_t now) const {
    const auto& p = record.participants;
    if (version) {
        auto updated = c.Query(
            "UPDATE outreach_conference_records SET held_date = $1, cadres = $2, party_members = $3, "
            "committee_members = $4, people = $5, materials = $6, updated_at = $7, version = version + 1 WHERE "
            "conference_id = $8 AND version = $9",
            {record.held_date, p.cadres, p.party_members, p.committee_members, p.people, record.materials, now,
             conference_id, *version});
        if (updated.Affected() == 0) {
            return false;
        }
    } else {
        c.Query(
            "INSERT INTO outreach_conference_records (conference_id, held_date, cadres, party_members, "
            "committee_members, people, materials, submitted_at, submitted_by, updated_at) VALUES ($1, $2, $3, "
            "$4, $5, $6, $7, $8, $9, $8)",
            {conference_id, record.held_date, p.cadres, p.party_members, p.committee_members, p.people,
             record.materials, now, record.submitted_by});
    }
    WriteTopics(c, conference_id, "presented", record.topics);
    c.Query("DELETE FROM outreach_conference_opinions WHERE conference_id = $1", {conference_id});
    std::int64_t position = 0;
    for (const auto& opinion : record.opinions) {
        c.Query(
            "INSERT INTO outreach_conference_opinions (conference_id, position, opinion, follow_up) VALUES ($1, "
            "$2, $3, $4)",
            {conference_id, ++position, opinion.opinion, opinion.follow_up});
    }
    c.Query("UPDATE outreach_conferences SET updated_at = $1 WHERE id = $2", {now, conference_id});
    return true;
}

std::int64_t ConferenceStore::InsertPhoto(db::Connection& c, std::int64_t conference_id, const std::string& caption,
                                          int width, int height, const std::vector<PhotoVariant>& variants,
                                          std::int64_t now, const std::string& by) const {
    std::int64_t id =
        c.Query(
             "INSERT INTO outreach_conference_photos (conference_id, caption, width, height, "
             "created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
             {conference_id, caption, static_cast<std::int64_t>(width), static_cast<std::int64_t>(height), now, by})
            .Int(0, 0);
    for (const auto& variant : variants) {
        c.Query(
            "INSERT INTO outreach_conference_photo_files (photo_id, variant, content_type, width, height, data) "
            "VALUES ($1, $2, $3, $4, $5, $6)",
            {id, variant.name, variant.content_type, static_cast<std::int64_t>(variant.width),
             static_cast<std::int64_t>(variant.height), db::Blob{variant.data}});
    }
    return id;
}

std::optional<std::int64_t> ConferenceStore::PhotoConference(db::Connection& c, std::int64_t photo_id) const {
    auto rows = c.Query("SELECT conference_id FROM outreach_conference_photos WHERE id = $1", {photo_id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return rows.Int(0, 0);
}

std::optional<std::string> ConferenceStore::PhotoBytes(db::Connection& c, std::int64_t photo_id,
                                                       const std::string& content_type, std::int64_t width) const {
    auto rows = c.Query(
        "SELECT data FROM outreach_conference_photo_files WHERE photo_id = $1 AND content_type = $2 ORDER BY CASE "
        "WHEN width <= $3 THEN 0 ELSE 1 END, CASE WHEN width <= $3 THEN -width ELSE width END LIMIT 1",
        {photo_id, content_type, width});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return rows.String(0, 0);
}

void ConferenceStore::SetColumnItem(db::Connection& c, std::int64_t id, std::int64_t item_id, std::int64_t now) const {
    c.Query("UPDATE outreach_conferences SET column_item_id = $1, updated_at = $2 WHERE id = $3", {item_id, now, id});
}

std::optional<std::string> ConferenceStore::FeedToken(db::Connection& c, const FeedOwner& owner) const {
    auto rows = owner.person ? c.Query("SELECT token FROM outreach_person_feeds WHERE person_id = $1", {owner.id})
                             : c.Query("SELECT token FROM outreach_calendar_feeds WHERE unit_id = $1", {owner.id});
    if (rows.Empty()) {
        return std::nullopt;
    }
    return rows.String(0, 0);
}

void ConferenceStore::InsertFeedToken(db::Connection& c, const FeedOwner& owner, const std::string& token,
                                      std::int64_t now) const {
    if (owner.person) {
        c.Query(
            "INSERT INTO outreach_person_feeds (person_id, token, created_at) VALUES ($1, $2, $3) ON CONFLICT "
            "(person_id) DO NOTHING",
            {owner.id, token, now});
    } else {
        c.Query(
            "INSERT INTO outreach_calendar_feeds (unit_id, token, created_at) VALUES ($1, $2, $3) ON CONFLICT "
            "(unit_id) DO NOTHING",
            {owner.id, token, now});
    }
}

std::optional<FeedOwner> ConferenceStore::FindFeedOwner(db::Connection& c, const std::string& token) const {
    auto rows = c.Query("SELECT unit_id FROM outreach_calendar_feeds WHERE token = $1", {token});
    if (!rows.Empty()) {
        return FeedOwner{rows.Int(0, 0), false};
    }
    rows = c.Query("SELECT person_id FROM outreach_person_feeds WHERE token = $1", {token});
    if (!rows.Empty()) {
        return FeedOwner{rows.Int(0, 0), true};
    }
    return std::nullopt;
}

}  // namespace tuyenvan::outreach
