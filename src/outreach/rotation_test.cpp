#include "outreach/rotation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>

namespace tuyenvan::outreach {
namespace {

// A fixed generator: std::mt19937's sequence is fixed by the standard; the modulo keeps draws portable.
class Dice {
public:
    explicit Dice(std::uint32_t seed) : engine_(seed) {}
    int Below(int n) { return static_cast<int>(engine_() % static_cast<std::uint32_t>(n)); }
    bool OneIn(int n) { return Below(n) == 0; }

private:
    std::mt19937 engine_;
};

RotationCommune Commune(std::int64_t id, Weakness weakness = Weakness::kNormal, std::int64_t district = 1) {
    return RotationCommune{id, "Xã " + std::to_string(id), district, weakness, std::nullopt};
}

RotationAgency Agency(std::int64_t id, bool available = true) {
    return RotationAgency{id, "Cơ quan " + std::to_string(id), available};
}

const ProposedAttendance* Find(const RotationProposal& proposal, std::int64_t commune_id, std::int64_t agency_id) {
    for (const auto& attendance : proposal.attendances) {
        if (attendance.commune_id == commune_id && attendance.agency_id == agency_id) {
            return &attendance;
        }
    }
    return nullptr;
}

std::vector<std::int64_t> AgenciesAt(const RotationProposal& proposal, std::int64_t commune_id) {
    std::vector<std::int64_t> out;
    for (const auto& attendance : proposal.attendances) {
        if (attendance.commune_id == commune_id) {
            out.push_back(attendance.agency_id);
        }
    }
    return out;
}

bool HasReason(const ProposedAttendance& attendance, const std::string& reason) {
    return std::find(attendance.reasons.begin(), attendance.reasons.end(), reason) != attendance.reasons.end();
}

// Every field of a proposal, for comparing two of them.
std::string Dump(const RotationProposal& proposal) {
    std::ostringstream out;
    out << FormatYearMonth(proposal.month) << " w" << proposal.window_months << " L" << proposal.balance_level << " b"
        << proposal.window_breaks << "\nselected:";
    for (auto id : proposal.selected_communes) {
        out << ' ' << id;
    }
    for (const auto& a : proposal.attendances) {
        out << "\n"
            << a.commune_id << '<' << a.agency_id << (a.pinned ? " pin" : "") << " since "
            << a.months_since_last_visit.value_or(-1) << " month " << a.agency_visits_this_month << " window "
            << a.agency_visits_in_window << " break " << static_cast<int>(a.window_break) << " over "
            << a.above_balance;
        for (const auto& reason : a.reasons) {
            out << " | " << reason;
        }
    }
    for (const auto& u : proposal.uncovered) {
        out << "\nuncovered " << u.commune_id << ' ' << u.missing_visits << ' ' << static_cast<int>(u.reason) << ' '
            << u.message;
    }
    for (const auto& l : proposal.loads) {
        out << "\nload " << l.agency_id << ' ' << l.available << ' ' << l.pinned << ' ' << l.proposed << ' '
            << l.above_balance;
    }
    return out.str();
}

int Needed(const RotationCommune& commune, const RotationParameters& parameters) {
    if (commune.extra_visits) {
        return parameters.visits_per_commune + *commune.extra_visits;
    }
    switch (commune.weakness) {
        case Weakness::kWeak:
            return parameters.visits_per_commune + parameters.extra_visits_weak;
        case Weakness::kVeryWeak:
            return parameters.visits_per_commune + parameters.extra_visits_very_weak;
        case Weakness::kNormal:
            break;
    }
    return parameters.visits_per_commune;
}

// The last month index (before `now`) the agency attended the commune, from the raw history.
std::optional<int> LastVisit(const std::vector<PastAttendance>& history, std::int64_t agency, std::int64_t commune,
                             int now) {
    std::optional<int> last;
    for (const auto& past : history) {
        if (past.agency_id == agency && past.commune_id == commune && past.month.Index() < now) {
            last = std::max(last.value_or(past.month.Index()), past.month.Index());
        }
    }
    return last;
}

// The properties every month must have, checked against the input independently of the implementation.
void CheckMonth(const RotationInput& input, const RotationProposal& proposal, bool strict_balance) {
    const int now = input.month.Index();
    const int window = input.parameters.window_months;
    std::set<std::int64_t> pinned_communes;
    std::map<std::int64_t, int> pins_of;
    for (const auto& pin : input.pinned) {
        pinned_communes.insert(pin.commune_id);
        ++pins_of[pin.agency_id];
    }
    std::set<std::int64_t> available;
    for (const auto& agency : input.agencies) {
        if (agency.available) {
            available.insert(agency.id);
        }
    }

    // 1. The window: an attendance is flagged exactly when it repeats a visit within the window, and the flag
    // says why truthfully.
    for (const auto& a : proposal.attendances) {
        const auto last = LastVisit(input.history, a.agency_id, a.commune_id, now);
        const bool repeat = last && now - *last <= window;
        EXPECT_EQ(a.window_broken, repeat) << a.commune_id << '<' << a.agency_id;
        EXPECT_EQ(a.months_since_last_visit, last ? std::optional<int>(now - *last) : std::nullopt);
        if (a.pinned) {
            EXPECT_EQ(a.window_break, repeat ? WindowBreak::kPinned : WindowBreak::kNone);
            continue;
        }
        EXPECT_TRUE(available.contains(a.agency_id)) << "an unavailable agency was proposed";
        if (!repeat) {
            EXPECT_EQ(a.window_break, WindowBreak::kNone);
            EXPECT_TRUE(HasReason(a, "Cơ quan chưa dự xã này trong " + std::to_string(window) + " tháng qua"));
            continue;
        }
        int fresh = 0;
        for (auto id : available) {
            const auto other = LastVisit(input.history, id, a.commune_id, now);
            const bool pinned_here = std::any_of(input.pinned.begin(), input.pinned.end(), [&](const auto& pin) {
                return pin.agency_id == id && pin.commune_id == a.commune_id;
            });
            if (!pinned_here && !(other && now - *other <= window)) {
                ++fresh;
            }
        }
        if (a.window_break == WindowBreak::kFreshAgenciesNeededElsewhere) {
            EXPECT_GT(fresh, 0);
        } else {
            EXPECT_EQ(a.window_break, WindowBreak::kTooFewFreshAgencies);
        }
    }

    // 2. Balance (as documented in rotation.hpp): no agency goes beyond max(pinned, L + 1) unless flagged, one
    // whose pins exceed L gets nothing more; when `strict_balance` (a complete balanced proposal is known to
    // exist), every available agency ends with L or L + 1, or its pins alone if more.
    const int level = proposal.balance_level;
    std::map<std::int64_t, int> total;
    std::map<std::int64_t, int> proposed;
    for (auto id : available) {
        total[id] = pins_of[id];
    }
    for (const auto& a : proposal.attendances) {
        if (!a.pinned) {
            ++total[a.agency_id];
            ++proposed[a.agency_id];
        }
    }
    for (const auto& load : proposal.loads) {
        EXPECT_FALSE(load.above_balance);
        if (!load.available) {
            EXPECT_EQ(load.proposed, 0);
            continue;
        }
        const int pins = pins_of[load.agency_id];
        EXPECT_EQ(load.proposed, proposed[load.agency_id]);
        EXPECT_LE(total[load.agency_id], std::max(pins, level + 1)) << "agency " << load.agency_id;
        if (pins > level) {
            EXPECT_EQ(load.proposed, 0) << "agency " << load.agency_id;
        } else if (strict_balance) {
            EXPECT_GE(total[load.agency_id], level) << "agency " << load.agency_id;
        }
    }
    if (input.pinned.empty() && strict_balance && !available.empty()) {
        const auto [least, most] = std::minmax_element(
            total.begin(), total.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
        EXPECT_LE(most->second - least->second, 1);
    }

    // 5. Coverage: with at least as many available agencies as a commune needs, every selected commune gets
    // all its visits, each agency at most once.
    std::set<std::int64_t> selected(proposal.selected_communes.begin(), proposal.selected_communes.end());
    for (const auto& commune : input.communes) {
        if (!selected.contains(commune.id)) {
            continue;
        }
        const auto at = AgenciesAt(proposal, commune.id);
        EXPECT_EQ(std::set<std::int64_t>(at.begin(), at.end()).size(), at.size());
        if (static_cast<int>(available.size()) >= Needed(commune, input.parameters)) {
            EXPECT_GE(static_cast<int>(at.size()), Needed(commune, input.parameters)) << "commune " << commune.id;
        }
    }

    // 3. A share covers pinned, then very weak, then weak communes before normal ones.
    if (input.share.kind != CommuneShare::Kind::kAll) {
        int worst_left_out = -1;
        int best_taken_unpinned = 3;
        for (const auto& commune : input.communes) {
            const int weakness = static_cast<int>(commune.weakness);
            if (!selected.contains(commune.id)) {
                worst_left_out = std::max(worst_left_out, weakness);
            } else if (!pinned_communes.contains(commune.id)) {
                best_taken_unpinned = std::min(best_taken_unpinned, weakness);
            }
        }
        EXPECT_LE(worst_left_out, best_taken_unpinned) << "a weaker commune was left out for a stronger one";
    }
}

struct Scenario {
    std::string name;
    int communes = 0;
    int districts = 1;
    int agencies = 0;
    int months = 24;
    CommuneShare share;
    bool pins = false;
    bool unavailable = false;
    // Zero repeats expected: enough agencies for the window.
    bool expect_no_repeat = false;
};

struct SimulationResult {
    std::map<std::int64_t, int> visits_of_commune;
    std::map<std::int64_t, int> visits_of_agency;
    std::map<std::int64_t, std::vector<int>> months_covered;  // commune id → month numbers
    int window_breaks = 0;
    RotationInput base;
};

SimulationResult Simulate(const Scenario& scenario) {
    SimulationResult result;
    RotationInput& input = result.base;
    for (int i = 0; i < scenario.communes; ++i) {
        const Weakness weakness = i % 19 == 3 ? Weakness::kVeryWeak : i % 7 == 2 ? Weakness::kWeak : Weakness::kNormal;
        input.communes.push_back(Commune(1000 + i, weakness, 1 + i % scenario.districts));
    }
    input.share = scenario.share;
    Dice dice(static_cast<std::uint32_t>(scenario.communes * 131 + scenario.agencies));
    YearMonth month{2024, 7};
    for (int m = 0; m < scenario.months; ++m) {
        input.month = month;
        input.agencies.clear();
        for (int i = 0; i < scenario.agencies; ++i) {
            input.agencies.push_back(Agency(100 + i, !(scenario.unavailable && dice.OneIn(10))));
        }
        input.pinned.clear();
        if (scenario.pins && dice.OneIn(2)) {
            const int pins = 1 + dice.Below(3);
            for (int p = 0; p < pins; ++p) {
                const PinnedAttendance pin{1000 + dice.Below(scenario.communes), 100 + dice.Below(scenario.agencies)};
                if (std::none_of(input.pinned.begin(), input.pinned.end(), [&](const auto& other) {
                        return other.commune_id == pin.commune_id && other.agency_id == pin.agency_id;
                    })) {
                    input.pinned.push_back(pin);
                }
            }
        }
        // The service loads 24 months of history.
        std::erase_if(input.history,
                      [&](const PastAttendance& past) { return month.Index() - past.month.Index() > 24; });

        const auto proposal = ProposeRotation(input);
        {
            SCOPED_TRACE(scenario.name + " " + FormatYearMonth(month));
            CheckMonth(input, proposal, scenario.agencies >= 8);
        }
        result.window_breaks += proposal.window_breaks;
        for (const auto& attendance : proposal.attendances) {
            ++result.visits_of_commune[attendance.commune_id];
            ++result.visits_of_agency[attendance.agency_id];
            input.history.push_back({attendance.agency_id, attendance.commune_id, month});
        }
        for (auto id : proposal.selected_communes) {
            result.months_covered[id].push_back(m);
        }
        month = YearMonth::FromIndex(month.Index() + 1);
    }
    return result;
}

double MeanVisits(const SimulationResult& result, Weakness weakness) {
    double sum = 0;
    int count = 0;
    for (const auto& commune : result.base.communes) {
        if (commune.weakness == weakness) {
            auto it = result.visits_of_commune.find(commune.id);
            sum += it == result.visits_of_commune.end() ? 0 : it->second;
            ++count;
        }
    }
    return count == 0 ? 0 : sum / count;
}

TEST(YearMonth, IndexAndFormat) {
    EXPECT_EQ(YearMonth::FromIndex((YearMonth{2025, 3}).Index()), (YearMonth{2025, 3}));
    EXPECT_EQ((YearMonth{2026, 1}).Index() - (YearMonth{2025, 12}).Index(), 1);
    EXPECT_EQ(FormatYearMonth({2025, 3}), "03/2025");
    EXPECT_EQ(FormatYearMonth({2026, 12}), "12/2026");
}

TEST(ProposeRotation, ReasonsAreVietnameseSentences) {
    RotationInput input;
    input.month = {2026, 5};
    input.communes = {Commune(1, Weakness::kWeak), Commune(2)};
    input.agencies = {Agency(10), Agency(11), Agency(12)};
    input.history = {{10, 2, {2025, 3}}, {11, 2, {2026, 4}}, {12, 2, {2026, 3}}};
    const auto proposal = ProposeRotation(input);
    ASSERT_EQ(proposal.attendances.size(), 3u);
    EXPECT_TRUE(proposal.uncovered.empty());
    EXPECT_EQ(proposal.window_breaks, 0);

    // Commune 2 goes to agency 10, whose last visit there is outside the window.
    const auto* at_two = Find(proposal, 2, 10);
    ASSERT_NE(at_two, nullptr);
    EXPECT_EQ(at_two->reasons, (std::vector<std::string>{"Cơ quan chưa dự xã này trong 12 tháng qua",
                                                         "Lần gần nhất cơ quan dự xã này: 03/2025",
                                                         "Cân bằng số lượt: cơ quan có 1 lượt trong tháng"}));
    EXPECT_EQ(at_two->months_since_last_visit, 14);
    EXPECT_EQ(at_two->last_visit, (YearMonth{2025, 3}));
    EXPECT_EQ(at_two->agency_visits_this_month, 1);
    EXPECT_EQ(at_two->agency_visits_in_window, 0);
    EXPECT_FALSE(at_two->window_broken);

    // The weak commune gets two agencies, the two the window keeps away from commune 2.
    EXPECT_EQ(AgenciesAt(proposal, 1), (std::vector<std::int64_t>{11, 12}));
    const auto* weak = Find(proposal, 1, 11);
    ASSERT_NE(weak, nullptr);
    EXPECT_EQ(weak->reasons,
              (std::vector<std::string>{"Xã yếu kém: thêm một cơ quan dự", "Cơ quan chưa dự xã này trong 12 tháng qua",
                                        "Cơ quan chưa từng dự xã này trong lịch sử đã ghi",
                                        "Cân bằng số lượt: cơ quan có 1 lượt trong tháng"}));
    EXPECT_EQ(weak->agency_visits_in_window, 1);
    EXPECT_FALSE(weak->months_since_last_visit.has_value());
}

TEST(ProposeRotation, BalanceGivesEachAgencyTheFloorOrTheCeiling) {
    RotationInput input;
    input.month = {2026, 1};
    for (int i = 0; i < 23; ++i) {
        input.communes.push_back(Commune(i + 1, i < 4 ? Weakness::kVeryWeak : Weakness::kNormal));
    }
    for (int i = 0; i < 5; ++i) {
        input.agencies.push_back(Agency(100 + i));
    }
    const auto proposal = ProposeRotation(input);
    // 23 communes + 4 extra visits = 27 visits over 5 agencies: two with 6, three with 5.
    EXPECT_EQ(proposal.balance_level, 5);
    std::vector<int> totals;
    for (const auto& load : proposal.loads) {
        totals.push_back(load.Total());
    }
    std::sort(totals.begin(), totals.end());
    EXPECT_EQ(totals, (std::vector<int>{5, 5, 5, 6, 6}));

    // A commune's own number of extra agencies overrides the one of its weakness.
    for (auto& commune : input.communes) {
        commune.extra_visits = commune.id == 1 ? 2 : 0;
    }
    const auto overridden = ProposeRotation(input);
    EXPECT_EQ(AgenciesAt(overridden, 1).size(), 3u);
    EXPECT_EQ(AgenciesAt(overridden, 2).size(), 1u);
    EXPECT_TRUE(HasReason(*Find(overridden, 1, AgenciesAt(overridden, 1)[0]), "Xã rất yếu kém: thêm hai cơ quan dự"));
}

TEST(ProposeRotation, UnavoidableRepeatSaysSo) {
    RotationInput input;
    input.month = {2026, 5};
    input.communes = {Commune(1)};
    input.agencies = {Agency(10)};
    input.history = {{10, 1, {2026, 4}}};
    const auto proposal = ProposeRotation(input);
    ASSERT_EQ(proposal.attendances.size(), 1u);
    const auto& only = proposal.attendances[0];
    EXPECT_TRUE(only.window_broken);
    EXPECT_EQ(only.window_break, WindowBreak::kTooFewFreshAgencies);
    EXPECT_EQ(only.months_since_last_visit, 1);
    EXPECT_TRUE(
        HasReason(only, "Phải lặp lại trong 12 tháng: mọi cơ quan sẵn sàng đều đã dự xã này trong 12 tháng qua"));
    EXPECT_TRUE(HasReason(only, "Lần gần nhất cơ quan dự xã này: 04/2026"));
    EXPECT_EQ(proposal.window_breaks, 1);

    // A very weak commune needing two agencies, with only one fresh agency.
    input.communes = {Commune(1, Weakness::kVeryWeak)};
    input.agencies = {Agency(10), Agency(11)};
    const auto two = ProposeRotation(input);
    const auto* repeat = Find(two, 1, 10);
    ASSERT_NE(repeat, nullptr);
    EXPECT_TRUE(HasReason(*repeat,
                          "Phải lặp lại trong 12 tháng: chỉ có 1 cơ quan chưa dự xã này trong 12 tháng qua, "
                          "xã cần 2 cơ quan dự"));
    const auto* fresh = Find(two, 1, 11);
    ASSERT_NE(fresh, nullptr);
    EXPECT_FALSE(fresh->window_broken);
    EXPECT_TRUE(HasReason(*fresh, "Xã rất yếu kém: thêm một cơ quan dự"));
}

TEST(ProposeRotation, RepeatForcedByBalanceIsTheLeastRecentAndExplained) {
    // Agency 10 attended both communes; the balance gives each agency one visit, so 10 must repeat one of them:
    // the one attended longest ago.
    RotationInput input;
    input.month = {2026, 5};
    input.communes = {Commune(1), Commune(2)};
    input.agencies = {Agency(10), Agency(11)};
    input.history = {{10, 1, {2026, 3}}, {10, 2, {2025, 7}}};
    const auto proposal = ProposeRotation(input);
    const auto* repeat = Find(proposal, 2, 10);
    ASSERT_NE(repeat, nullptr);
    EXPECT_NE(Find(proposal, 1, 11), nullptr);
    EXPECT_EQ(repeat->window_break, WindowBreak::kFreshAgenciesNeededElsewhere);
    EXPECT_TRUE(HasReason(*repeat,
                          "Phải lặp lại trong 12 tháng: các cơ quan chưa dự xã này trong 12 tháng qua đều "
                          "cần cho xã khác hoặc đã đủ số lượt cân bằng"));
    EXPECT_EQ(repeat->months_since_last_visit, 10);
    EXPECT_EQ(proposal.window_breaks, 1);
}

TEST(ProposeRotation, PrefersNeverThenLongestAgo) {
    RotationInput input;
    input.month = {2026, 5};
    input.communes = {Commune(1)};
    input.agencies = {Agency(10), Agency(11), Agency(12)};
    input.history = {{10, 1, {2024, 1}}, {11, 1, {2020, 1}}};
    EXPECT_EQ(AgenciesAt(ProposeRotation(input), 1), (std::vector<std::int64_t>{12}));
    input.history.push_back({12, 1, {2025, 2}});
    EXPECT_EQ(AgenciesAt(ProposeRotation(input), 1), (std::vector<std::int64_t>{11}));
    // A window of 36 months makes every agency a repeat; the least recent is still chosen.
    input.parameters.window_months = 36;
    const auto wide = ProposeRotation(input);
    EXPECT_EQ(AgenciesAt(wide, 1), (std::vector<std::int64_t>{11}));
    EXPECT_FALSE(wide.attendances[0].window_broken);
    input.history.push_back({11, 1, {2026, 1}});
    const auto repeat = ProposeRotation(input);
    EXPECT_EQ(AgenciesAt(repeat, 1), (std::vector<std::int64_t>{10}));
    EXPECT_TRUE(repeat.attendances[0].window_broken);
}

TEST(ProposeRotation, PinsAreKeptAndCounted) {
    RotationInput input;
    input.month = {2026, 5};
    input.communes = {Commune(1), Commune(2), Commune(3), Commune(4, Weakness::kVeryWeak)};
    input.agencies = {Agency(10), Agency(11), Agency(12)};
    input.history = {{10, 1, {2026, 2}}};
    // Agency 10 is pinned twice (once repeated), including a repeat within the window; a pin names an unknown
    // commune.
    input.pinned = {{1, 10}, {1, 10}, {4, 10}, {99, 11}};
    const auto proposal = ProposeRotation(input);

    const auto* pinned = Find(proposal, 1, 10);
    ASSERT_NE(pinned, nullptr);
    EXPECT_TRUE(pinned->pinned);
    EXPECT_EQ(pinned->window_break, WindowBreak::kPinned);
    EXPECT_TRUE(HasReason(*pinned, "Cán bộ phụ trách đã phân công cố định, giữ nguyên"));
    EXPECT_TRUE(HasReason(*pinned, "Lưu ý: cơ quan đã dự xã này trong 12 tháng qua"));
    ASSERT_NE(Find(proposal, 99, 11), nullptr);
    EXPECT_EQ(proposal.window_breaks, 0);

    // Commune 1's one visit is pinned; commune 4 needs one more besides agency 10; 2 and 3 one each.
    EXPECT_EQ(AgenciesAt(proposal, 1), (std::vector<std::int64_t>{10}));
    EXPECT_EQ(AgenciesAt(proposal, 4).size(), 2u);
    EXPECT_EQ(AgenciesAt(proposal, 2).size(), 1u);
    EXPECT_EQ(AgenciesAt(proposal, 3).size(), 1u);
    // Pins 10:2, 11:1; 3 visits to propose: level 2, so 10 gets none, 11 one and 12 two.
    EXPECT_EQ(proposal.balance_level, 2);
    std::map<std::int64_t, AgencyLoad> loads;
    for (const auto& load : proposal.loads) {
        loads[load.agency_id] = load;
    }
    EXPECT_EQ(loads[10].pinned, 2);
    EXPECT_EQ(loads[10].proposed, 0);
    EXPECT_EQ(loads[11].pinned, 1);
    EXPECT_EQ(loads[11].Total(), 2);
    EXPECT_EQ(loads[12].Total(), 2);
    EXPECT_EQ(proposal.attendances.size(), 6u);
}

TEST(ProposeRotation, CoverageGoesAboveTheBalanceWhenACommuneNeedsIt) {
    // Agencies 11 and 12 have five pinned visits each; commune 1 needs three agencies, so the balance (which
    // would give all three visits to agency 10) yields.
    RotationInput input;
    input.month = {2026, 5};
    auto commune = Commune(1);
    commune.extra_visits = 2;
    input.communes = {commune};
    input.agencies = {Agency(10), Agency(11), Agency(12)};
    for (int i = 0; i < 5; ++i) {
        input.pinned.push_back({200 + i, 11});
        input.pinned.push_back({200 + i, 12});
    }
    const auto proposal = ProposeRotation(input);
    EXPECT_EQ(AgenciesAt(proposal, 1), (std::vector<std::int64_t>{10, 11, 12}));
    EXPECT_TRUE(proposal.uncovered.empty());
    const auto* over = Find(proposal, 1, 11);
    ASSERT_NE(over, nullptr);
    EXPECT_TRUE(over->above_balance);
    EXPECT_TRUE(HasReason(*over, "Vượt mức cân bằng: cần thêm cơ quan này để các xã có đủ cơ quan dự"));
    EXPECT_FALSE(Find(proposal, 1, 10)->above_balance);
}

TEST(ProposeRotation, TooFewAgenciesLeavesVisitsUncovered) {
    RotationInput input;
    input.month = {2026, 5};
    input.communes = {Commune(1, Weakness::kVeryWeak), Commune(2)};
    input.agencies = {Agency(10), Agency(11, false)};
    const auto proposal = ProposeRotation(input);
    EXPECT_EQ(AgenciesAt(proposal, 1), (std::vector<std::int64_t>{10}));
    EXPECT_EQ(AgenciesAt(proposal, 2), (std::vector<std::int64_t>{10}));
    ASSERT_EQ(proposal.uncovered.size(), 1u);
    EXPECT_EQ(proposal.uncovered[0].commune_id, 1);
    EXPECT_EQ(proposal.uncovered[0].missing_visits, 1);
    EXPECT_EQ(proposal.uncovered[0].reason, UncoveredReason::kTooFewAgencies);
    EXPECT_EQ(proposal.uncovered[0].message, "Không đủ cơ quan: xã cần thêm 2 cơ quan dự, chỉ có 1 cơ quan sẵn sàng");
    ASSERT_EQ(proposal.loads.size(), 2u);
    EXPECT_FALSE(proposal.loads[1].available);
    EXPECT_EQ(proposal.loads[1].proposed, 0);

    input.agencies = {Agency(10, false)};
    const auto none = ProposeRotation(input);
    EXPECT_TRUE(none.attendances.empty());
    ASSERT_EQ(none.uncovered.size(), 2u);
    EXPECT_EQ(none.uncovered[0].message, "Không có cơ quan nào sẵn sàng dự trong tháng");
    EXPECT_EQ(none.uncovered[0].missing_visits, 2);

    input.agencies.clear();
    EXPECT_EQ(ProposeRotation(input).uncovered.size(), 2u);
    input.communes.clear();
    const auto empty = ProposeRotation(input);
    EXPECT_TRUE(empty.attendances.empty());
    EXPECT_TRUE(empty.uncovered.empty());
    EXPECT_TRUE(empty.loads.empty());
}

TEST(ProposeRotation, ShareTakesWeakCommunesFirstThenTheLongestUnvisited) {
    RotationInput input;
    input.month = {2026, 5};
    for (int i = 1; i <= 9; ++i) {
        input.communes.push_back(Commune(i, i == 7   ? Weakness::kWeak
                                            : i == 8 ? Weakness::kVeryWeak
                                                     : Weakness::kNormal));
    }
    input.agencies = {Agency(10), Agency(11), Agency(12)};
    input.history = {{10, 1, {2026, 4}}, {10, 2, {2026, 1}}, {11, 3, {2025, 12}}, {11, 4, {2026, 3}},
                     {12, 5, {2026, 2}}, {12, 6, {2026, 4}}, {10, 9, {2026, 4}}};
    input.share = CommuneShare::Fraction(1, 3);
    auto proposal = ProposeRotation(input);
    EXPECT_EQ(proposal.selected_communes, (std::vector<std::int64_t>{8, 7, 3}));
    ASSERT_EQ(proposal.uncovered.size(), 6u);
    EXPECT_EQ(proposal.uncovered[0].reason, UncoveredReason::kNotSelected);
    EXPECT_EQ(proposal.uncovered[0].message,
              "Chưa đến lượt: tháng này chọn 3 trong 9 xã, ưu tiên xã yếu kém và xã lâu chưa có cơ quan dự");
    const auto at_three = AgenciesAt(proposal, 3);
    ASSERT_EQ(at_three.size(), 1u);
    EXPECT_TRUE(HasReason(*Find(proposal, 3, at_three[0]), "Xã lâu chưa có cơ quan dự: lần gần nhất 12/2025"));
    const auto at_seven = AgenciesAt(proposal, 7);
    ASSERT_EQ(at_seven.size(), 2u);
    EXPECT_TRUE(HasReason(*Find(proposal, 7, at_seven[0]), "Xã yếu kém được ưu tiên chọn trong tháng"));

    input.share = CommuneShare::Count(4);
    EXPECT_EQ(ProposeRotation(input).selected_communes, (std::vector<std::int64_t>{8, 7, 3, 2}));
    // A pinned commune is always covered, and counts in the share.
    input.pinned = {{6, 12}};
    EXPECT_EQ(ProposeRotation(input).selected_communes, (std::vector<std::int64_t>{6, 8, 7, 3}));
    input.share = CommuneShare::Count(0);
    EXPECT_EQ(ProposeRotation(input).selected_communes, (std::vector<std::int64_t>{6}));
    input.share = CommuneShare::Count(100);
    EXPECT_EQ(ProposeRotation(input).selected_communes.size(), 9u);
    input.share = CommuneShare::Fraction(1, 3);
    input.communes.resize(152, Commune(0));
    for (int i = 9; i < 152; ++i) {
        input.communes[static_cast<std::size_t>(i)] = Commune(i + 1);
    }
    EXPECT_EQ(ProposeRotation(input).selected_communes.size(), 51u);
}

TEST(ProposeRotation, IgnoresHistoryFromThisMonthOnAndDuplicates) {
    RotationInput input;
    input.month = {2026, 5};
    input.communes = {Commune(1), Commune(1), Commune(2)};
    input.agencies = {Agency(10), Agency(11), Agency(10)};
    input.history = {{10, 1, {2026, 5}}, {10, 1, {2026, 9}}, {11, 1, {2026, 4}}, {11, 1, {2026, 4}}};
    const auto proposal = ProposeRotation(input);
    EXPECT_EQ(AgenciesAt(proposal, 1), (std::vector<std::int64_t>{10}));
    EXPECT_EQ(proposal.loads.size(), 2u);
    EXPECT_EQ(Find(proposal, 2, 11)->agency_visits_in_window, 1);
    EXPECT_EQ(proposal.window_breaks, 0);
}

TEST(ProposeRotation, RejectsMalformedInput) {
    RotationInput input;
    input.month = {2026, 13};
    EXPECT_THROW(ProposeRotation(input), std::invalid_argument);
    input.month = {2026, 1};
    input.share = CommuneShare::Fraction(1, 0);
    EXPECT_THROW(ProposeRotation(input), std::invalid_argument);
    input.share = CommuneShare::All();
    input.agencies = {Agency(10)};
    for (int i = 0; i <= kMaxRotationVisits; ++i) {
        input.communes.push_back(Commune(i + 1));
    }
    EXPECT_THROW(ProposeRotation(input), std::invalid_argument);
    input.communes.pop_back();
    EXPECT_EQ(ProposeRotation(input).loads[0].proposed, kMaxRotationVisits);
}

TEST(ProposeRotation, SameInputSameProposalInAnyOrder) {
    SimulationResult simulation = Simulate({"seed", 40, 4, 12, 14, CommuneShare::All(), true, true, false});
    RotationInput input = simulation.base;
    input.month = YearMonth{2025, 9};
    input.pinned = {{1003, 101}, {1010, 105}};
    input.agencies[3].available = false;
    const std::string first = Dump(ProposeRotation(input));
    EXPECT_EQ(Dump(ProposeRotation(input)), first);

    Dice dice(7);
    auto shuffle = [&](auto& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[static_cast<std::size_t>(dice.Below(static_cast<int>(i)))]);
        }
    };
    shuffle(input.communes);
    shuffle(input.agencies);
    shuffle(input.history);
    shuffle(input.pinned);
    EXPECT_EQ(Dump(ProposeRotation(input)), first);
}

// Small instances against exhaustive search: the proposal covers everything, keeps the balance whenever some
// complete proposal does, and has the fewest repeats of all such proposals.
TEST(ProposeRotation, FewestRepeatsAgainstExhaustiveSearch) {
    Dice dice(2026);
    int checked = 0;
    for (int round = 0; round < 300; ++round) {
        RotationInput input;
        input.month = {2026, 6};
        input.parameters.window_months = 1 + dice.Below(12);
        const int commune_count = 2 + dice.Below(3);
        const int agency_count = 2 + dice.Below(3);
        for (int c = 0; c < commune_count; ++c) {
            input.communes.push_back(Commune(c + 1, static_cast<Weakness>(dice.Below(3))));
        }
        for (int a = 0; a < agency_count; ++a) {
            input.agencies.push_back(Agency(10 + a, !dice.OneIn(6)));
        }
        for (int h = dice.Below(12); h > 0; --h) {
            input.history.push_back(
                {10 + dice.Below(agency_count), 1 + dice.Below(commune_count), YearMonth{2025, 1 + dice.Below(12)}});
        }
        if (dice.OneIn(3)) {
            input.pinned.push_back({1 + dice.Below(commune_count), 10 + dice.Below(agency_count)});
        }
        const auto proposal = ProposeRotation(input);
        const int now = input.month.Index();
        const int window = input.parameters.window_months;

        // Enumerate every way to fill each commune's free visits with distinct, available, unpinned agencies.
        std::vector<std::int64_t> available;
        std::map<std::int64_t, int> pins_of;
        for (const auto& agency : input.agencies) {
            if (agency.available) {
                available.push_back(agency.id);
            }
        }
        for (const auto& pin : input.pinned) {
            ++pins_of[pin.agency_id];
        }
        struct Need {
            std::int64_t commune;
            int count;
            std::vector<std::int64_t> candidates;
        };
        std::vector<Need> needs;
        int free_total = 0;
        for (const auto& commune : input.communes) {
            int pinned_here = 0;
            std::vector<std::int64_t> candidates;
            for (auto id : available) {
                const bool pinned = std::any_of(input.pinned.begin(), input.pinned.end(), [&](const auto& pin) {
                    return pin.agency_id == id && pin.commune_id == commune.id;
                });
                if (!pinned) {
                    candidates.push_back(id);
                }
            }
            for (const auto& pin : input.pinned) {
                pinned_here += pin.commune_id == commune.id;
            }
            const int count = std::min<int>(std::max(0, Needed(commune, input.parameters) - pinned_here),
                                            static_cast<int>(candidates.size()));
            needs.push_back({commune.id, count, candidates});
            free_total += count;
        }
        int level = 0;
        auto below = [&](int l) {
            int sum = 0;
            for (auto id : available) {
                sum += std::max(0, l - pins_of[id]);
            }
            return sum;
        };
        while (!available.empty() && below(level + 1) <= free_total) {
            ++level;
        }
        auto balanced = [&](const std::map<std::int64_t, int>& proposed) {
            for (auto id : available) {
                const int p = pins_of[id];
                const int got = proposed.count(id) ? proposed.at(id) : 0;
                if (p > level ? got != 0 : (p + got < level || p + got > level + 1)) {
                    return false;
                }
            }
            return true;
        };
        auto repeats_of = [&](std::int64_t agency, std::int64_t commune) {
            const auto last = LastVisit(input.history, agency, commune, now);
            return last && now - *last <= window ? 1 : 0;
        };
        int best = 1 << 30;
        std::map<std::int64_t, int> proposed;
        std::function<void(std::size_t, int)> search = [&](std::size_t at, int repeats) {
            if (at == needs.size()) {
                if (balanced(proposed)) {
                    best = std::min(best, repeats);
                }
                return;
            }
            const Need& need = needs[at];
            const int n = static_cast<int>(need.candidates.size());
            for (int mask = 0; mask < (1 << n); ++mask) {
                if (__builtin_popcount(static_cast<unsigned>(mask)) != need.count) {
                    continue;
                }
                int added = 0;
                for (int i = 0; i < n; ++i) {
                    if (mask & (1 << i)) {
                        ++proposed[need.candidates[static_cast<std::size_t>(i)]];
                        added += repeats_of(need.candidates[static_cast<std::size_t>(i)], need.commune);
                    }
                }
                search(at + 1, repeats + added);
                for (int i = 0; i < n; ++i) {
                    if (mask & (1 << i)) {
                        --proposed[need.candidates[static_cast<std::size_t>(i)]];
                    }
                }
            }
        };
        search(0, 0);

        SCOPED_TRACE(Dump(proposal));
        std::map<std::int64_t, int> got;
        int proposed_count = 0;
        int repeats = 0;
        for (const auto& attendance : proposal.attendances) {
            if (!attendance.pinned) {
                ++got[attendance.agency_id];
                ++proposed_count;
                repeats += attendance.window_broken;
            }
        }
        EXPECT_EQ(proposed_count, free_total);
        EXPECT_EQ(proposal.balance_level, level);
        if (best == 1 << 30) {
            continue;  // no balanced complete proposal exists; coverage was still checked
        }
        ++checked;
        EXPECT_TRUE(balanced(got));
        EXPECT_EQ(repeats, best);
        EXPECT_EQ(proposal.window_breaks, best);
    }
    EXPECT_GT(checked, 200);
}

class Simulation : public ::testing::TestWithParam<Scenario> {};

TEST_P(Simulation, HoldsEveryMonth) {
    const Scenario& scenario = GetParam();
    const SimulationResult result = Simulate(scenario);
    if (scenario.expect_no_repeat) {
        EXPECT_EQ(result.window_breaks, 0);
    }
    // Weak communes get more visits over the years than normal ones.
    EXPECT_GT(MeanVisits(result, Weakness::kWeak), MeanVisits(result, Weakness::kNormal));
    EXPECT_GT(MeanVisits(result, Weakness::kVeryWeak), MeanVisits(result, Weakness::kNormal));
    // Over the years agencies carry nearly the same load (the extra visit rotates by visits in the window).
    if (!scenario.unavailable && !scenario.pins) {
        int least = 1 << 30;
        int most = 0;
        for (const auto& agency : result.base.agencies) {
            const int visits = result.visits_of_agency.count(agency.id) ? result.visits_of_agency.at(agency.id) : 0;
            least = std::min(least, visits);
            most = std::max(most, visits);
        }
        EXPECT_LE(most - least, scenario.months / 4 + 1);
    }
    // With a share, every commune has its turn: no normal commune waits much longer than a full round.
    if (scenario.share.kind != CommuneShare::Kind::kAll && !scenario.pins) {
        for (const auto& commune : result.base.communes) {
            const auto it = result.months_covered.find(commune.id);
            ASSERT_NE(it, result.months_covered.end()) << "commune " << commune.id << " never covered";
            std::vector<int> months = it->second;
            months.insert(months.begin(), -1);
            months.push_back(scenario.months);
            for (std::size_t i = 1; i < months.size(); ++i) {
                EXPECT_LE(months[i] - months[i - 1], 12) << "commune " << commune.id;
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Sizes, Simulation,
    ::testing::Values(Scenario{"province", 152, 9, 40, 36, CommuneShare::All(), false, false, true},
                      Scenario{"province_pins_absences", 152, 9, 40, 30, CommuneShare::All(), true, true, true},
                      Scenario{"province_third", 152, 9, 40, 36, CommuneShare::Fraction(1, 3), false, false, true},
                      Scenario{"province_count", 152, 9, 40, 24, CommuneShare::Count(60), true, true, true},
                      Scenario{"district", 24, 1, 8, 30, CommuneShare::All(), true, true, false},
                      Scenario{"district_half", 24, 1, 8, 30, CommuneShare::Fraction(1, 2), false, false, false},
                      Scenario{"more_agencies_than_communes", 5, 1, 30, 24, CommuneShare::All(), false, false, true},
                      Scenario{"tiny", 4, 2, 3, 24, CommuneShare::All(), false, false, false},
                      Scenario{"tiny_absences", 6, 2, 3, 24, CommuneShare::Count(3), true, true, false}),
    [](const ::testing::TestParamInfo<Scenario>& info) { return info.param.name; });

}  // namespace
}  // namespace tuyenvan::outreach
