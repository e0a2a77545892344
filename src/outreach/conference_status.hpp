// The status of a commune's monthly outreach conference, computed from facts and never typed.
//
// Every date here is a local calendar date in Asia/Ho_Chi_Minh written "yyyy-mm-dd" (so dates compare as
// text); the caller turns instants into local dates (text::FormatIsoDate).
//
// Definitions (also in docs/ARCHITECTURE.md, "The monthly conference"):
// - The scheduled date is the registered date, moved by each schedule change made before the date it
//   moved (the original date of the registration for the first change). A change made on or after that
//   date is not a notice and is ignored here (the service refuses to write one).
// - The registration deadline is the rule's day of the previous month (the last day of that month when the
//   month is shorter); registering after it is allowed and flagged `registered_late`.
// - The record deadline is the scheduled date plus the rule's `record_due_days`; a record submitted
//   after it is flagged `record_late`.
// - kHeldOnSchedule: a record whose held date is the scheduled date.
// - kHeldLate: a record whose held date is after the scheduled date (even after the month), or a record of
//   a conference that was never registered.
// - kHeldWithoutRecord: registered, no record, and today is after the record deadline.
// - kNotHeld: neither registered nor recorded, and the month is over.
// - kNotRegistered: neither registered nor recorded, and the month is not over.
// - kChanged: registered, changed with notice at least once, no record, record deadline not passed.
// - kRegistered: registered, never changed, no record, record deadline not passed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::outreach {

/// The computed status of one commune's conference of one month.
enum class ConferenceStatus {
    kNotRegistered,
    kRegistered,
    kChanged,
    kHeldOnSchedule,
    kHeldLate,
    kHeldWithoutRecord,
    kNotHeld,
};

/// Every status, in display order.
const std::vector<ConferenceStatus>& AllConferenceStatuses();
/// Machine name ("held_on_schedule"), for the API and CSS classes.
std::string_view StatusName(ConferenceStatus status);
/// Vietnamese label ("Tổ chức đúng lịch").
std::string_view StatusLabel(ConferenceStatus status);

/// The deadline rule in force for a month, set by the province.
struct DeadlineRule {
    int registration_day = 25;  ///< day of the previous month by which to register (1–31)
    int record_due_days = 5;    ///< days after the scheduled date by which to submit the record (0–60)
    int evaluation_due_days = 7;  ///< days after the conference's date by which an attending agency evaluates it (0–60)
};

/// One schedule change as the status needs it.
struct ChangeFact {
    std::string made_on;      ///< local date the change was made
    std::string before_date;  ///< the scheduled date it moved
    std::string after_date;   ///< the new date
};

/// Everything the status depends on.
struct StatusFacts {
    std::string month;  ///< "yyyy-mm"
    bool registered = false;
    std::string registered_on;                ///< local date of the registration (when registered)
    std::string original_date;                ///< the date first registered (when registered)
    std::vector<ChangeFact> changes;          ///< oldest first
    std::optional<std::string> held_date;     ///< from the record
    std::optional<std::string> submitted_on;  ///< local date the record was first submitted
    DeadlineRule rule;
    std::string today;  ///< local date of "now"
};

/// The computed status with the dates it was computed from.
struct StatusResult {
    ConferenceStatus status = ConferenceStatus::kNotRegistered;
    std::string scheduled_date;         ///< empty when not registered
    std::string registration_deadline;  ///< always set
    std::string record_deadline;        ///< empty when not registered
    bool registered_late = false;
    bool record_late = false;
    int notices = 0;  ///< schedule changes that count (made before the date they moved)
};

/// Computes the status; a pure function of its argument.
StatusResult ComputeStatus(const StatusFacts& facts);

// Calendar helpers on "yyyy-mm-dd" and "yyyy-mm" text, shared by the service and the calendar.

/// True when `text` is "yyyy-mm" with a month 01–12 and a year 1900–9999.
bool IsMonth(std::string_view text);
/// True when `text` is an existing "yyyy-mm-dd" date with a year 1900–9999.
bool IsDate(std::string_view text);
/// True when `text` is "hh:mm", 00:00–23:59.
bool IsClock(std::string_view text);
/// Days from 1970-01-01 of a valid date.
long DaysOf(std::string_view date);
/// The date `days` after 1970-01-01.
std::string DateOfDays(long days);
/// `date` moved by `days`.
std::string AddDays(std::string_view date, long days);
/// Number of days of a month "yyyy-mm".
int DaysInMonth(std::string_view month);
/// The month before ("2026-01" → "2025-12").
std::string PreviousMonth(std::string_view month);
/// The month after.
std::string NextMonth(std::string_view month);
/// Day of the week of a date, 0 = Monday … 6 = Sunday.
int Weekday(std::string_view date);
/// "yyyy-mm-dd" → "dd/mm/yyyy".
std::string ShowDate(std::string_view date);
/// "yyyy-mm" → "mm/yyyy".
std::string ShowMonth(std::string_view month);
/// "dd/mm/yyyy" or "yyyy-mm-dd" → "yyyy-mm-dd"; nothing when not an existing date.
std::optional<std::string> ReadDate(std::string_view text);

}  // namespace tuyenvan::outreach
