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

/// Publishes the province's rotation of its departments for each of the 24 months before `now_ms`'s month
/// (20 communes a month, no repeat within 12 months), each month proposed from the months before it, so the
/// history, the agencies' pages and the boards have attendances. One transaction; does nothing when any
/// rotation exists or the province has no department.
RotationDemoReport LoadRotationDemo(db::Database& database, std::int64_t now_ms);

}  // namespace tuyenvan::outreach
