#include "outreach/rotation.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace tuyenvan::outreach {
namespace {

// The costs are integers ranked in levels, each level weighing more than every lower level can add up over a
// whole proposal; at kMaxRotationVisits and the widest window the largest total stays below 2^61. long double
// holds such integers exactly (64-bit mantissa) and, unlike an integer type, survives Boost's shortest-path
// step adding its "unreached" distance (the type's maximum) to the potentials of vertices the search no longer
// reaches (those vertices are never reached again, so their potentials are never read).
using Cost = long double;
using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using Graph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                    boost::property<boost::edge_weight_t, Cost>>>>>;
using Edge = Traits::edge_descriptor;
using Vertex = Traits::vertex_descriptor;

// Level 6: the tie-break, 0..kTieSpan-1.
constexpr std::int64_t kTieSpan = 16;
// Level 5: one step of preference; an agency that attended m months ago (outside the window) costs
// 1 + max(0, kPreferenceHorizon - m) steps, one that never attended costs none.
constexpr std::int64_t kPreferenceStep = kTieSpan;
constexpr std::int64_t kPreferenceHorizon = 120;
constexpr std::int64_t kMaxPreference = (kPreferenceHorizon + 1) * kPreferenceStep + kTieSpan - 1;
// Level 4: how recent a repeat is, one step per month of the window; a step outweighs any preference.
constexpr std::int64_t kRecencyStep = 2048;
static_assert(kRecencyStep > kMaxPreference);
// Level 5 on the balance edges: one preference step per attendance in the window, capped.
constexpr std::int64_t kMaxCountedWindowVisits = 1023;
constexpr std::int64_t kMaxWindowVisitCost = kMaxCountedWindowVisits * kPreferenceStep;
constexpr int kMaxWindowMonths = 60;

// A min-cost flow network over Boost.Graph's adjacency list, with the paired reverse edges its algorithms need.
class FlowNetwork {
public:
    explicit FlowNetwork(std::size_t vertices) : graph_(vertices) {}

    Edge Add(Vertex from, Vertex to, long capacity, std::int64_t cost) {
        const Edge forward = boost::add_edge(from, to, graph_).first;
        const Edge backward = boost::add_edge(to, from, graph_).first;
        auto capacities = boost::get(boost::edge_capacity, graph_);
        auto weights = boost::get(boost::edge_weight, graph_);
        auto reverse = boost::get(boost::edge_reverse, graph_);
        capacities[forward] = capacity;
        capacities[backward] = 0;
        weights[forward] = static_cast<Cost>(cost);
        weights[backward] = -static_cast<Cost>(cost);
        reverse[forward] = backward;
        reverse[backward] = forward;
        return forward;
    }

    // A maximum flow from `source` to `sink` of least cost (Ahuja, Magnanti, Orlin: successive shortest
    // paths with Dijkstra on reduced costs; every cost given to Add is non-negative).
    void Solve(Vertex source, Vertex sink) {
        boost::successive_shortest_path_nonnegative_weights(graph_, source, sink);
    }

    long Flow(Edge edge) const {
        return boost::get(boost::edge_capacity, graph_, edge) - boost::get(boost::edge_residual_capacity, graph_, edge);
    }

private:
    Graph graph_;
};

std::uint64_t Mix(std::uint64_t x) {
    // splitmix64's finaliser: a fixed function, so ties break the same way on every machine.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::int64_t TieBreak(std::int64_t agency_id, std::int64_t commune_id, int month_index) {
    const std::uint64_t h =
        Mix(Mix(Mix(static_cast<std::uint64_t>(agency_id)) ^ static_cast<std::uint64_t>(commune_id)) ^
            static_cast<std::uint64_t>(month_index));
    return static_cast<std::int64_t>(h % static_cast<std::uint64_t>(kTieSpan));
}

std::string CountWord(int n) {
    static constexpr std::string_view kWords[] = {"không", "một", "hai", "ba",   "bốn", "năm",
                                                  "sáu",   "bảy", "tám", "chín", "mười"};
    if (n >= 0 && n <= 10) {
        return std::string(kWords[n]);
    }
    return std::to_string(n);
}

std::string_view WeaknessLabel(Weakness weakness) {
    return weakness == Weakness::kVeryWeak ? "Xã rất yếu kém" : "Xã yếu kém";
}

using Pair = std::pair<std::int64_t, std::int64_t>;  // (agency id, commune id)

// What the history says, as of the proposal's month.
struct HistoryView {
    std::map<Pair, int> last_visit;                       // month index of the pair's last attendance
    std::unordered_map<std::int64_t, int> commune_last;   // month index of the commune's last attendance
    std::unordered_map<std::int64_t, int> window_visits;  // agency id → attendances within the window
};

HistoryView ReadHistory(const std::vector<PastAttendance>& history, int now, int window) {
    HistoryView view;
    std::vector<std::tuple<std::int64_t, std::int64_t, int>> in_window;
    for (const auto& past : history) {
        if (past.month.month < 1 || past.month.month > 12) {
            continue;
        }
        const int index = past.month.Index();
        if (index >= now) {
            continue;
        }
        auto [pair_it, pair_new] = view.last_visit.try_emplace({past.agency_id, past.commune_id}, index);
        if (!pair_new) {
            pair_it->second = std::max(pair_it->second, index);
        }
        auto [commune_it, commune_new] = view.commune_last.try_emplace(past.commune_id, index);
        if (!commune_new) {
            commune_it->second = std::max(commune_it->second, index);
        }
        if (now - index <= window) {
            in_window.emplace_back(past.agency_id, past.commune_id, index);
        }
    }
    std::sort(in_window.begin(), in_window.end());
    in_window.erase(std::unique(in_window.begin(), in_window.end()), in_window.end());
    for (const auto& [agency_id, commune_id, index] : in_window) {
        ++view.window_visits[agency_id];
    }
    return view;
}

// Sorted by id, first occurrence of each id kept.
template <typename T>
std::vector<const T*> UniqueById(const std::vector<T>& items) {
    std::vector<const T*> out;
    out.reserve(items.size());
    for (const auto& item : items) {
        out.push_back(&item);
    }
    std::stable_sort(out.begin(), out.end(), [](const T* a, const T* b) { return a->id < b->id; });
    out.erase(std::unique(out.begin(), out.end(), [](const T* a, const T* b) { return a->id == b->id; }), out.end());
    return out;
}

}  // namespace

std::string FormatYearMonth(YearMonth month) {
    char text[32];
    std::snprintf(text, sizeof text, "%02d/%04d", month.month, month.year);
    return text;
}

RotationProposal ProposeRotation(const RotationInput& input) {
    if (input.month.month < 1 || input.month.month > 12) {
        throw std::invalid_argument("ProposeRotation: month must be 1..12");
    }
    if (input.share.kind == CommuneShare::Kind::kFraction && input.share.denominator <= 0) {
        throw std::invalid_argument("ProposeRotation: the fraction's denominator must be positive");
    }
    const RotationParameters& parameters = input.parameters;
    const int now = input.month.Index();
    const int window = std::clamp(parameters.window_months, 1, kMaxWindowMonths);
    const std::string window_text = std::to_string(window);

    RotationProposal proposal;
    proposal.month = input.month;
    proposal.window_months = window;

    const auto communes = UniqueById(input.communes);
    const auto agencies = UniqueById(input.agencies);
    const HistoryView history = ReadHistory(input.history, now, window);
    auto months_since = [&](std::int64_t agency_id, std::int64_t commune_id) -> std::optional<int> {
        auto it = history.last_visit.find({agency_id, commune_id});
        if (it == history.last_visit.end()) {
            return std::nullopt;
        }
        return now - it->second;
    };
    auto window_visits = [&](std::int64_t agency_id) {
        auto it = history.window_visits.find(agency_id);
        return it == history.window_visits.end() ? 0 : it->second;
    };

    std::vector<PinnedAttendance> pins = input.pinned;
    std::sort(pins.begin(), pins.end(), [](const auto& a, const auto& b) {
        return std::tie(a.commune_id, a.agency_id) < std::tie(b.commune_id, b.agency_id);
    });
    pins.erase(std::unique(pins.begin(), pins.end(),
                           [](const auto& a, const auto& b) {
                               return a.commune_id == b.commune_id && a.agency_id == b.agency_id;
                           }),
               pins.end());
    std::unordered_map<std::int64_t, int> pins_of_agency;
    std::unordered_map<std::int64_t, int> pins_at_commune;
    std::set<Pair> pinned_pair;
    for (const auto& pin : pins) {
        ++pins_of_agency[pin.agency_id];
        ++pins_at_commune[pin.commune_id];
        pinned_pair.insert({pin.agency_id, pin.commune_id});
    }
    auto count_in = [](const std::unordered_map<std::int64_t, int>& counts, std::int64_t id) {
        auto it = counts.find(id);
        return it == counts.end() ? 0 : it->second;
    };

    // Which communes: pinned ones first, then the weakest, then those attended longest ago.
    const int eligible = static_cast<int>(communes.size());
    int wanted = eligible;
    if (input.share.kind == CommuneShare::Kind::kCount) {
        wanted = std::clamp(input.share.count, 0, eligible);
    } else if (input.share.kind == CommuneShare::Kind::kFraction) {
        const std::int64_t numerator = std::max(0, input.share.numerator);
        const std::int64_t scaled = numerator * eligible;
        wanted = static_cast<int>(
            std::min<std::int64_t>(eligible, (scaled + input.share.denominator - 1) / input.share.denominator));
    }
    std::vector<std::size_t> order(communes.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    auto last_any = [&](std::int64_t commune_id) {
        auto it = history.commune_last.find(commune_id);
        return it == history.commune_last.end() ? -1 : it->second;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const RotationCommune& x = *communes[a];
        const RotationCommune& y = *communes[b];
        const bool x_pinned = pins_at_commune.contains(x.id);
        const bool y_pinned = pins_at_commune.contains(y.id);
        return std::make_tuple(!x_pinned, -static_cast<int>(x.weakness), last_any(x.id), x.id) <
               std::make_tuple(!y_pinned, -static_cast<int>(y.weakness), last_any(y.id), y.id);
    });
    std::vector<bool> selected(communes.size(), false);
    int taken = 0;
    for (std::size_t i : order) {
        if (taken < wanted || pins_at_commune.contains(communes[i]->id)) {
            selected[i] = true;
            ++taken;
            proposal.selected_communes.push_back(communes[i]->id);
        }
    }
    const bool share_mode = input.share.kind != CommuneShare::Kind::kAll;

    std::vector<std::size_t> available;  // indexes into `agencies`
    for (std::size_t a = 0; a < agencies.size(); ++a) {
        if (agencies[a]->available) {
            available.push_back(a);
        }
    }

    // Visits each selected commune still needs, and how many of them the available agencies can give.
    auto clamp_visits = [](int visits) { return std::clamp(visits, 0, kMaxRotationVisits); };
    auto extra_for = [&](const RotationCommune& commune) {
        if (commune.extra_visits) {
            return clamp_visits(*commune.extra_visits);
        }
        switch (commune.weakness) {
            case Weakness::kWeak:
                return clamp_visits(parameters.extra_visits_weak);
            case Weakness::kVeryWeak:
                return clamp_visits(parameters.extra_visits_very_weak);
            case Weakness::kNormal:
                break;
        }
        return 0;
    };
    const int base_visits = clamp_visits(parameters.visits_per_commune);
    std::vector<int> free_visits(communes.size(), 0);
    std::vector<int> coverable(communes.size(), 0);
    std::vector<int> candidates(communes.size(), 0);
    std::int64_t total_free = 0;
    for (std::size_t c = 0; c < communes.size(); ++c) {
        if (!selected[c]) {
            UncoveredCommune uncovered;
            uncovered.commune_id = communes[c]->id;
            uncovered.missing_visits = base_visits + extra_for(*communes[c]);
            uncovered.reason = UncoveredReason::kNotSelected;
            uncovered.message = "Chưa đến lượt: tháng này chọn " + std::to_string(taken) + " trong " +
                                std::to_string(eligible) + " xã, ưu tiên xã yếu kém và xã lâu chưa có cơ quan dự";
            proposal.uncovered.push_back(std::move(uncovered));
            continue;
        }
        const std::int64_t id = communes[c]->id;
        const int needed = base_visits + extra_for(*communes[c]);
        free_visits[c] = std::max(0, needed - count_in(pins_at_commune, id));
        for (std::size_t a : available) {
            if (!pinned_pair.contains({agencies[a]->id, id})) {
                ++candidates[c];
            }
        }
        coverable[c] = std::min(free_visits[c], candidates[c]);
        total_free += coverable[c];
        if (coverable[c] < free_visits[c]) {
            UncoveredCommune uncovered;
            uncovered.commune_id = id;
            uncovered.missing_visits = free_visits[c] - coverable[c];
            uncovered.reason = UncoveredReason::kTooFewAgencies;
            uncovered.message = available.empty()
                                    ? std::string("Không có cơ quan nào sẵn sàng dự trong tháng")
                                    : "Không đủ cơ quan: xã cần thêm " + std::to_string(free_visits[c]) +
                                          " cơ quan dự, chỉ có " + std::to_string(candidates[c]) + " cơ quan sẵn sàng";
            proposal.uncovered.push_back(std::move(uncovered));
        }
    }
    if (total_free > kMaxRotationVisits) {
        throw std::invalid_argument("ProposeRotation: more visits than kMaxRotationVisits");
    }
    const std::int64_t flow_total = total_free;

    // The balance level L: the largest with Σ max(0, L − pinned) ≤ the visits to propose.
    auto below = [&](int level) {
        std::int64_t sum = 0;
        for (std::size_t a : available) {
            sum += std::max(0, level - count_in(pins_of_agency, agencies[a]->id));
        }
        return sum;
    };
    int level = 0;
    if (!available.empty()) {
        while (below(level + 1) <= flow_total) {
            ++level;
        }
    }
    proposal.balance_level = level;

    // Costs by level (see the file comment of rotation.hpp); each one outweighs all lower ones together.
    const std::int64_t per_edge_below_repeat = window * kRecencyStep + kMaxPreference;
    const std::int64_t repeat = (flow_total + 1) * (per_edge_below_repeat + kMaxWindowVisitCost) + 1;
    const std::int64_t max_edge = repeat + per_edge_below_repeat;
    const std::int64_t extra_visit = (flow_total + 1) * (max_edge + kMaxWindowVisitCost) + 1;
    const std::int64_t above_balance = (flow_total + 1) * (extra_visit + kMaxWindowVisitCost + max_edge) + 1;
    auto edge_cost = [&](std::int64_t agency_id, std::int64_t commune_id) {
        const std::int64_t tie = TieBreak(agency_id, commune_id, now);
        const auto since = months_since(agency_id, commune_id);
        if (since && *since <= window) {
            return repeat + (window + 1 - *since) * kRecencyStep + tie;
        }
        const std::int64_t preference = since ? 1 + std::max<std::int64_t>(0, kPreferenceHorizon - *since) : 0;
        return preference * kPreferenceStep + tie;
    };

    // Source 0, sink 1, then the hub: it feeds each agency its visit above the floor L (costly) and any visit
    // beyond L + 1 (far costlier), so the floors fill first; then agencies, then communes.
    std::vector<int> proposed(agencies.size(), 0);
    std::vector<bool> over(agencies.size(), false);
    struct Chosen {
        std::size_t commune;
        std::size_t agency;
    };
    std::vector<Chosen> chosen;
    if (flow_total > 0) {
        const Vertex source = 0;
        const Vertex sink = 1;
        const Vertex hub = 2;
        std::vector<Vertex> agency_vertex(agencies.size(), 0);
        std::size_t vertices = 3;
        for (std::size_t a : available) {
            agency_vertex[a] = vertices++;
        }
        std::vector<Vertex> commune_vertex(communes.size(), 0);
        for (std::size_t c = 0; c < communes.size(); ++c) {
            if (coverable[c] > 0) {
                commune_vertex[c] = vertices++;
            }
        }
        FlowNetwork network(vertices);
        network.Add(source, hub, static_cast<long>(flow_total), 0);
        std::vector<std::pair<std::size_t, Edge>> overflow_edges;
        for (std::size_t a : available) {
            const int pinned = count_in(pins_of_agency, agencies[a]->id);
            const std::int64_t visits_cost =
                std::min<std::int64_t>(window_visits(agencies[a]->id), kMaxCountedWindowVisits) * kPreferenceStep;
            if (level > pinned) {
                network.Add(source, agency_vertex[a], level - pinned, 0);
            }
            if (pinned <= level) {
                network.Add(hub, agency_vertex[a], 1, extra_visit + visits_cost);
            }
            overflow_edges.emplace_back(
                a, network.Add(hub, agency_vertex[a], static_cast<long>(flow_total), above_balance + visits_cost));
        }
        std::vector<std::tuple<std::size_t, std::size_t, Edge>> assignment_edges;
        for (std::size_t c = 0; c < communes.size(); ++c) {
            if (coverable[c] == 0) {
                continue;
            }
            const std::int64_t commune_id = communes[c]->id;
            network.Add(commune_vertex[c], sink, coverable[c], 0);
            for (std::size_t a : available) {
                if (pinned_pair.contains({agencies[a]->id, commune_id})) {
                    continue;
                }
                assignment_edges.emplace_back(
                    c, a, network.Add(agency_vertex[a], commune_vertex[c], 1, edge_cost(agencies[a]->id, commune_id)));
            }
        }
        network.Solve(source, sink);
        for (const auto& [a, edge] : overflow_edges) {
            over[a] = network.Flow(edge) > 0;
        }
        for (const auto& [c, a, edge] : assignment_edges) {
            if (network.Flow(edge) > 0) {
                chosen.push_back({c, a});
                ++proposed[a];
            }
        }
    }

    // Loads, then the attendances with their reasons.
    std::unordered_map<std::int64_t, int> total_of_agency = pins_of_agency;
    for (std::size_t a = 0; a < agencies.size(); ++a) {
        AgencyLoad load;
        load.agency_id = agencies[a]->id;
        load.available = agencies[a]->available;
        load.pinned = count_in(pins_of_agency, load.agency_id);
        load.proposed = proposed[a];
        load.above_balance = over[a];
        total_of_agency[load.agency_id] = load.Total();
        proposal.loads.push_back(load);
    }
    auto describe_last = [&](ProposedAttendance& attendance) {
        attendance.months_since_last_visit = months_since(attendance.agency_id, attendance.commune_id);
        if (attendance.months_since_last_visit) {
            attendance.last_visit = YearMonth::FromIndex(now - *attendance.months_since_last_visit);
        }
        attendance.window_broken = attendance.months_since_last_visit && *attendance.months_since_last_visit <= window;
        attendance.agency_visits_this_month = count_in(total_of_agency, attendance.agency_id);
        attendance.agency_visits_in_window = window_visits(attendance.agency_id);
    };
    auto last_sentence = [&](const ProposedAttendance& attendance) {
        return attendance.last_visit ? "Lần gần nhất cơ quan dự xã này: " + FormatYearMonth(*attendance.last_visit)
                                     : std::string("Cơ quan chưa từng dự xã này trong lịch sử đã ghi");
    };

    for (const auto& pin : pins) {
        ProposedAttendance attendance;
        attendance.commune_id = pin.commune_id;
        attendance.agency_id = pin.agency_id;
        attendance.pinned = true;
        describe_last(attendance);
        attendance.reasons.push_back("Cán bộ phụ trách đã phân công cố định, giữ nguyên");
        if (attendance.window_broken) {
            attendance.window_break = WindowBreak::kPinned;
            attendance.reasons.push_back("Lưu ý: cơ quan đã dự xã này trong " + window_text + " tháng qua");
        }
        attendance.reasons.push_back(last_sentence(attendance));
        attendance.reasons.push_back("Số lượt: cơ quan có " + std::to_string(attendance.agency_visits_this_month) +
                                     " lượt trong tháng");
        proposal.attendances.push_back(std::move(attendance));
    }

    for (const auto& [c, a] : chosen) {
        const RotationCommune& commune = *communes[c];
        ProposedAttendance attendance;
        attendance.commune_id = commune.id;
        attendance.agency_id = agencies[a]->id;
        describe_last(attendance);
        attendance.above_balance = over[a];
        if (share_mode) {
            if (pins_at_commune.contains(commune.id)) {
                attendance.reasons.push_back("Xã có cơ quan được phân công cố định trong tháng");
            } else if (commune.weakness != Weakness::kNormal) {
                attendance.reasons.push_back(std::string(WeaknessLabel(commune.weakness)) +
                                             " được ưu tiên chọn trong tháng");
            } else if (const int last = last_any(commune.id); last >= 0) {
                attendance.reasons.push_back("Xã lâu chưa có cơ quan dự: lần gần nhất " +
                                             FormatYearMonth(YearMonth::FromIndex(last)));
            } else {
                attendance.reasons.push_back("Xã chưa có cơ quan nào dự trong lịch sử đã ghi");
            }
        }
        if (commune.weakness != Weakness::kNormal && extra_for(commune) > 0) {
            attendance.reasons.push_back(std::string(WeaknessLabel(commune.weakness)) + ": thêm " +
                                         CountWord(extra_for(commune)) + " cơ quan dự");
        }
        if (!attendance.window_broken) {
            attendance.reasons.push_back("Cơ quan chưa dự xã này trong " + window_text + " tháng qua");
        } else {
            ++proposal.window_breaks;
            int fresh = 0;
            for (std::size_t other : available) {
                const std::int64_t other_id = agencies[other]->id;
                const auto since = months_since(other_id, commune.id);
                if (!pinned_pair.contains({other_id, commune.id}) && !(since && *since <= window)) {
                    ++fresh;
                }
            }
            const std::string head = "Phải lặp lại trong " + window_text + " tháng: ";
            if (fresh < coverable[c]) {
                attendance.window_break = WindowBreak::kTooFewFreshAgencies;
                attendance.reasons.push_back(
                    fresh == 0
                        ? head + "mọi cơ quan sẵn sàng đều đã dự xã này trong " + window_text + " tháng qua"
                        : head + "chỉ có " + std::to_string(fresh) + " cơ quan chưa dự xã này trong " + window_text +
                              " tháng qua, xã cần " + std::to_string(coverable[c]) + " cơ quan dự");
            } else {
                attendance.window_break = WindowBreak::kFreshAgenciesNeededElsewhere;
                attendance.reasons.push_back(head + "các cơ quan chưa dự xã này trong " + window_text +
                                             " tháng qua đều cần cho xã khác hoặc đã đủ số lượt cân bằng");
            }
        }
        attendance.reasons.push_back(last_sentence(attendance));
        attendance.reasons.push_back("Cân bằng số lượt: cơ quan có " +
                                     std::to_string(attendance.agency_visits_this_month) + " lượt trong tháng");
        if (attendance.above_balance) {
            attendance.reasons.push_back("Vượt mức cân bằng: cần thêm cơ quan này để các xã có đủ cơ quan dự");
        }
        proposal.attendances.push_back(std::move(attendance));
    }

    std::sort(proposal.attendances.begin(), proposal.attendances.end(), [](const auto& x, const auto& y) {
        return std::tie(x.commune_id, x.agency_id) < std::tie(y.commune_id, y.agency_id);
    });
    std::sort(proposal.uncovered.begin(), proposal.uncovered.end(),
              [](const auto& x, const auto& y) { return x.commune_id < y.commune_id; });
    return proposal;
}

}  // namespace tuyenvan::outreach
