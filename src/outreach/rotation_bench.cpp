// Times one province-wide rotation proposal (152 communes in 9 districts, 40 agencies, 24 months of history)
// and prints the median and the worst time per proposal. Run by `bench/run rotation`.
//
//   tv_rotation_bench [SECONDS]   measure for about SECONDS (default 3, at most 30; at most 2,000 runs)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "outreach/rotation.hpp"

namespace {

using tuyenvan::outreach::CommuneShare;
using tuyenvan::outreach::PastAttendance;
using tuyenvan::outreach::ProposeRotation;
using tuyenvan::outreach::RotationAgency;
using tuyenvan::outreach::RotationCommune;
using tuyenvan::outreach::RotationInput;
using tuyenvan::outreach::Weakness;
using tuyenvan::outreach::YearMonth;

RotationInput Province() {
    RotationInput input;
    for (int i = 0; i < 152; ++i) {
        RotationCommune commune;
        commune.id = 1000 + i;
        commune.name = "Xã " + std::to_string(i + 1);
        commune.district_id = 1 + i % 9;
        commune.weakness = i % 19 == 0 ? Weakness::kVeryWeak : i % 7 == 0 ? Weakness::kWeak : Weakness::kNormal;
        input.communes.push_back(commune);
    }
    for (int i = 0; i < 40; ++i) {
        input.agencies.push_back(RotationAgency{100 + i, "Sở " + std::to_string(i + 1), i % 13 != 5});
    }
    input.share = CommuneShare::All();
    return input;
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
    seconds = std::clamp(seconds, 0.1, 30.0);

    // 24 months of history made by the rotation itself, as the service would have stored it.
    RotationInput input = Province();
    YearMonth month{2024, 1};
    for (int m = 0; m < 24; ++m) {
        input.month = month;
        const auto proposal = ProposeRotation(input);
        for (const auto& attendance : proposal.attendances) {
            input.history.push_back(PastAttendance{attendance.agency_id, attendance.commune_id, month});
        }
        month = YearMonth::FromIndex(month.Index() + 1);
    }
    input.month = month;

    using Clock = std::chrono::steady_clock;
    std::vector<double> times_ms;
    std::size_t attendances = 0;
    const auto start = Clock::now();
    while (times_ms.size() < 2000 &&
           (times_ms.size() < 5 || std::chrono::duration<double>(Clock::now() - start).count() < seconds)) {
        const auto before = Clock::now();
        const auto proposal = ProposeRotation(input);
        times_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - before).count());
        attendances = proposal.attendances.size();
    }
    std::sort(times_ms.begin(), times_ms.end());
    std::printf("rotation proposal: 152 communes, 9 districts, 40 agencies, %zu months of history (%zu rows)\n", 24UL,
                input.history.size());
    std::printf("%zu runs, %zu attendances each: median %.2f ms, max %.2f ms per proposal\n", times_ms.size(),
                attendances, times_ms[times_ms.size() / 2], times_ms.back());
    return 0;
}
