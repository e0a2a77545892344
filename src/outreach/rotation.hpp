// Rotation of attending agencies ("luân phiên địa bàn"): which provincial departments (or which of a
// district's cadres) attend which commune's outreach conference in a month. A pure function: no database,
// no clock; the same input always gives the same proposal.
#pragma once

/// @file The proposal is an assignment problem solved as one min-cost max-flow (Boost.Graph's successive
/// shortest paths): source → agency (capacities that give the balance) → commune (one unit per agency and
/// commune) → sink (the commune's visits). Its integer costs rank these goals in order; the first three
/// strictly (no gain further down can pay for a loss at one of them), the last three weighed per attendance:
///
///  1. coverage: as many of the chosen communes' visits as the available agencies can give (max flow);
///  2. balance: let p(a) be the visits pinned to available agency a, F the visits left to propose and L the
///     largest level with Σ max(0, L − p(a)) ≤ F (`balance_level`). No agency is proposed beyond
///     max(p(a), L + 1) visits, and one whose pins exceed L gets no proposed visit, unless it is flagged
///     `above_balance`: that happens only when a commune could not otherwise get all its visits, and then
///     for the fewest visits possible. Whenever a complete proposal exists in which every available agency
///     ends the month with L or L + 1 visits (or its pins alone, when they exceed L), the proposal is one of
///     them, so without pins the agencies' counts differ by at most one. (A proposal can miss L only when
///     none reaches it, e.g. when an agency's pins leave it only communes that need no one else.);
///  3. the no-repeat window: the fewest agencies sent back to a commune they attended within the window,
///     each such repeat flagged with why it could not be avoided;
///  4. among repeats, the least recent ones (a repeat of 11 months ago before one of 2 months ago);
///  5. preferences: an agency that never attended the commune, then the one that attended longest ago; the
///     extra visit of the balance (L + 1) to agencies with fewer visits in the window;
///  6. a fixed tie-break hashed from the agency, the commune and the month (so ties rotate from month to
///     month instead of always favouring the same agency).
///
/// Unavailable agencies get no proposed visit and take no part in the balance. Pinned attendances are kept
/// as given, count in the agency's visits and in the commune's. Input order does not matter: communes and
/// agencies are taken in order of id, and a repeated id is ignored after its first occurrence.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tuyenvan::outreach {

/// Most visits one proposal may have to fill (the costs stay exact below it); far above any province.
inline constexpr int kMaxRotationVisits = 2000;

/// A calendar month.
struct YearMonth {
    int year = 0;
    int month = 1;  ///< 1..12

    /// Months since January of year 0: the difference of two indexes is the number of months between them.
    int Index() const { return year * 12 + (month - 1); }
    /// The month of an Index().
    static YearMonth FromIndex(int index) { return YearMonth{index / 12, index % 12 + 1}; }
    friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
};

/// "03/2025".
std::string FormatYearMonth(YearMonth month);

/// How much support a commune needs ("xã yếu kém").
enum class Weakness { kNormal = 0, kWeak = 1, kVeryWeak = 2 };

/// A commune the level may cover this month.
struct RotationCommune {
    std::int64_t id = 0;
    /// The name and the district are the caller's (a page groups by district); the proposal ignores them.
    std::string name;
    std::int64_t district_id = 0;
    Weakness weakness = Weakness::kNormal;
    /// Extra attending agencies for this commune, instead of the parameter for its weakness.
    std::optional<int> extra_visits;
};

/// An agency that attends conferences: a provincial department, or a district's cadre.
struct RotationAgency {
    std::int64_t id = 0;
    std::string name;
    /// False when the agency cannot attend this month (it then gets no proposed visit).
    bool available = true;
};

/// One past attendance: the agency attended the commune's conference in that month. Entries of the
/// proposal's month or later are ignored (this month's fixed attendances are pins, not history).
struct PastAttendance {
    std::int64_t agency_id = 0;
    std::int64_t commune_id = 0;
    YearMonth month;
};

/// An attendance the officer fixed by hand for this month: kept as it is, and counted.
struct PinnedAttendance {
    std::int64_t commune_id = 0;
    std::int64_t agency_id = 0;
};

/// Which of the eligible communes are covered this month. When only a share is covered, communes with a
/// pinned attendance come first (and are always covered, even beyond the share), then very weak, then weak
/// communes, then those whose last attendance (by any agency) is oldest, never attended first; the commune
/// id breaks ties. Over the months every commune thus has its turn.
struct CommuneShare {
    enum class Kind { kAll, kCount, kFraction };
    Kind kind = Kind::kAll;
    /// kCount: how many communes (clamped to 0..all).
    int count = 0;
    /// kFraction: numerator / denominator of the eligible communes, rounded up (denominator > 0).
    int numerator = 1;
    int denominator = 1;

    /// Every eligible commune.
    static CommuneShare All() { return {}; }
    /// `count` communes.
    static CommuneShare Count(int count) { return {Kind::kCount, count, 1, 1}; }
    /// `numerator`/`denominator` of the communes, rounded up: Fraction(1, 3) of 152 is 51.
    static CommuneShare Fraction(int numerator, int denominator) {
        return {Kind::kFraction, 0, numerator, denominator};
    }
};

/// The level's rules for the rotation.
struct RotationParameters {
    /// An agency should not attend the same commune again within this many months (clamped to 1..60).
    int window_months = 12;
    /// Attending agencies per normal commune. This and the extras are clamped to 0..kMaxRotationVisits.
    int visits_per_commune = 1;
    /// Extra attending agencies for a weak commune.
    int extra_visits_weak = 1;
    /// Extra attending agencies for a very weak commune.
    int extra_visits_very_weak = 1;
};

/// Everything the proposal is computed from; the service loads it from the database.
struct RotationInput {
    YearMonth month;
    /// The communes eligible this month.
    std::vector<RotationCommune> communes;
    CommuneShare share;
    std::vector<RotationAgency> agencies;
    /// Past attendances, e.g. the last 24 months; older ones only refine the preferences.
    std::vector<PastAttendance> history;
    /// Repeated pairs count once; a pin may name an agency or commune that is not in the lists.
    std::vector<PinnedAttendance> pinned;
    RotationParameters parameters;
};

/// Why an attendance repeats a visit made within the window.
enum class WindowBreak {
    kNone,
    /// Fewer agencies that had not attended the commune within the window were available than it needs.
    kTooFewFreshAgencies,
    /// Such agencies existed, but every proposal using them repeats more visits or breaks the balance.
    kFreshAgenciesNeededElsewhere,
    /// The officer pinned it.
    kPinned,
};

/// One attendance of the proposal, with what the officer needs to judge it.
struct ProposedAttendance {
    std::int64_t commune_id = 0;
    std::int64_t agency_id = 0;
    /// Fixed by the officer rather than proposed.
    bool pinned = false;
    /// The agency's last attendance of this commune before this month, if any in the history.
    std::optional<YearMonth> last_visit;
    /// Months from that attendance to this month.
    std::optional<int> months_since_last_visit;
    /// The agency's visits this month, pinned and proposed.
    int agency_visits_this_month = 0;
    /// The agency's attendances in the window's months before this one (from the history).
    int agency_visits_in_window = 0;
    /// True when the agency attended this commune within the window; `window_break` says why.
    bool window_broken = false;
    WindowBreak window_break = WindowBreak::kNone;
    /// True when the agency's count goes above the balance to cover a commune (see the file comment).
    bool above_balance = false;
    /// Short Vietnamese sentences for the officer, e.g. "Cơ quan chưa dự xã này trong 12 tháng qua".
    std::vector<std::string> reasons;
};

/// Why a chosen (or eligible) commune lacks visits.
enum class UncoveredReason {
    /// Only a share of the communes is covered this month and this one was not chosen.
    kNotSelected,
    /// Not enough available agencies (an agency attends a commune at most once a month).
    kTooFewAgencies,
};

/// An eligible commune left without all its visits.
struct UncoveredCommune {
    std::int64_t commune_id = 0;
    /// Visits it lacks (all of them when not selected).
    int missing_visits = 0;
    UncoveredReason reason = UncoveredReason::kNotSelected;
    /// The reason as a Vietnamese sentence.
    std::string message;
};

/// An agency's visits this month.
struct AgencyLoad {
    std::int64_t agency_id = 0;
    bool available = true;
    int pinned = 0;
    int proposed = 0;
    /// Some proposed visit goes above the balance (see the file comment).
    bool above_balance = false;

    int Total() const { return pinned + proposed; }
};

/// The proposal for one month.
struct RotationProposal {
    YearMonth month;
    /// The window used (after clamping).
    int window_months = 12;
    /// Ids of the communes covered this month, in the order of selection.
    std::vector<std::int64_t> selected_communes;
    /// Pinned and proposed attendances, by commune id then agency id.
    std::vector<ProposedAttendance> attendances;
    /// Eligible communes without all their visits, by commune id.
    std::vector<UncoveredCommune> uncovered;
    /// One row per distinct agency of the input, by agency id.
    std::vector<AgencyLoad> loads;
    /// The balance level L of the file comment: available agencies end with L or L + 1 visits.
    int balance_level = 0;
    /// Proposed attendances with `window_broken` (pinned ones excluded).
    int window_breaks = 0;
};

/// Computes the proposal for `input.month`.
/// @throws std::invalid_argument when the month is not 1..12, a fraction's denominator is not positive,
/// or more than kMaxRotationVisits visits are to be proposed.
RotationProposal ProposeRotation(const RotationInput& input);

}  // namespace tuyenvan::outreach
