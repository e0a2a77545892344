// The demo's published rotations for `tuyenvan demo`: computed here by the proposal itself, nothing copied.
#pragma once

#include <cstdint>

#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// What the demo generator made.
struct RotationDemoReport {
    std::int64_t months = 0;
    std::int64_t assignments = 0;
    std::int64_t elapsed_ms = 0;
};

/// Publishes, for each of the 24 months before `now_ms`'s month, the province's rotation of its departments (20
/// communes a month) and each district's rotation of its cadres (every commune of the district), no repeat within
/// 12 months while avoidable, each month proposed from the months before it, so the history, the agencies' and
/// cadres' pages, the evaluations and the boards have attendances. One transaction; does nothing when any rotation
/// exists. `months` counts level-months.
RotationDemoReport LoadRotationDemo(db::Database& database, std::int64_t now_ms);

}  // namespace tuyenvan::outreach
