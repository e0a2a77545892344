// Plain types of the monthly outreach conference: registration, schedule changes, the record, photos,
// deadline rules and the month overview.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "outreach/conference_status.hpp"

namespace tuyenvan::outreach {

/// A topic planned at registration or presented at the conference, with its speaker.
struct TopicLine {
    std::string topic;
    std::optional<std::int64_t> speaker_id;  ///< a speaker of outreach_speakers, when chosen from the list
    std::string speaker_name;                ///< as written (always filled for display)
};

/// A people's opinion raised at the conference and who follows it up.
struct Opinion {
    std::string opinion;
    std::string follow_up;
};

/// A recorded schedule change with its before and after.
struct ScheduleChange {
    std::int64_t id = 0;
    std::int64_t made_at = 0;
    std::string made_by;
    std::string before_date, before_time, before_venue;
    std::string after_date, after_time, after_venue;
    std::string reason;
};

/// Participants by category.
struct Participants {
    std::int64_t cadres = 0;             ///< cán bộ
    std::int64_t party_members = 0;      ///< đảng viên
    std::int64_t committee_members = 0;  ///< thành viên ban, tổ tuyên vận
    std::int64_t people = 0;             ///< nhân dân
    /// Everyone.
    std::int64_t Total() const { return cadres + party_members + committee_members + people; }
};

/// The record of a held conference.
struct ConferenceRecord {
    std::string held_date;  ///< "yyyy-mm-dd"
    Participants participants;
    std::vector<TopicLine> topics;  ///< presented
    std::string materials;          ///< materials handed out
    std::vector<Opinion> opinions;
    std::int64_t submitted_at = 0;
    std::string submitted_by;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

/// A photo of a conference (processed variants stored in the database).
struct ConferencePhoto {
    std::int64_t id = 0;
    std::string caption;
    int width = 0;
    int height = 0;
};

/// A commune's conference of one month.
struct Conference {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::string unit_name;  ///< the commune's full name
    std::string unit_path;
    std::string month;  ///< "yyyy-mm"
    std::string original_date, original_time;
    std::string scheduled_date, scheduled_time;  ///< "yyyy-mm-dd", "hh:mm"
    std::string venue;
    std::string chair;
    std::int64_t registered_at = 0;
    std::string registered_by;
    std::int64_t sequence = 0;
    std::optional<std::int64_t> column_item_id;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
    std::vector<TopicLine> planned;
    std::vector<ScheduleChange> changes;  ///< oldest first
    std::optional<ConferenceRecord> record;
    std::vector<ConferencePhoto> photos;
    StatusResult status;
};

/// What a commune registers.
struct RegistrationInput {
    std::int64_t unit_id = 0;
    std::string month;  ///< "yyyy-mm"
    std::string date;   ///< "yyyy-mm-dd" or "dd/mm/yyyy"
    std::string time;   ///< "hh:mm"
    std::string venue;
    std::string chair;
    std::vector<TopicLine> topics;
};

/// A schedule change.
struct ScheduleInput {
    std::string date;
    std::string time;
    std::string venue;  ///< empty: unchanged
    std::string reason;
};

/// What a record form sends.
struct RecordInput {
    std::string held_date;
    Participants participants;
    std::vector<TopicLine> topics;
    std::string materials;
    std::vector<Opinion> opinions;
    std::optional<std::int64_t> version;  ///< the record version edited (absent for a new record)
};

/// A deadline rule as stored.
struct DeadlineRuleRow {
    std::int64_t id = 0;
    std::string effective_month;
    DeadlineRule rule;
    std::int64_t created_at = 0;
    std::string created_by;
};

/// A unit as the conference pages need it.
struct ConferenceUnit {
    std::int64_t id = 0;
    std::string level;
    std::string name;
    std::string full_name;
    std::string path;
    std::optional<std::int64_t> parent_id;
};

/// One commune's line in a month overview.
struct CommuneMonth {
    ConferenceUnit unit;
    std::optional<Conference> conference;  ///< without changes, record details and photos
    StatusResult status;
};

/// A month of a unit's communes.
struct MonthOverview {
    ConferenceUnit unit;  ///< the commune, district or province asked for
    std::string month;
    DeadlineRule rule;
    std::vector<CommuneMonth> communes;  ///< in Vietnamese order of names
};

}  // namespace tuyenvan::outreach
