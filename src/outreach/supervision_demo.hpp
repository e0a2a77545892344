// The demo reminders and reprimands of `tuyenvan demo`, made from the demo conferences' statuses.
#pragma once

#include <cstdint>

#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// What the demo generator made.
struct SupervisionDemoReport {
    std::int64_t reminders = 0;
    std::int64_t reprimands = 0;
};

/// Over the 24 months before today's month: a reminder for about half of the communes whose conference was
/// held late, held without a record or not held; a "nhắc nhở" for some communes that did not hold it, a
/// "phê bình" for a commune's third month not held. Rows only (no notifications). Deterministic; does nothing
/// when reminders or reprimands already exist, or when there is no province.
SupervisionDemoReport LoadSupervisionDemo(db::Database& database, std::int64_t now_ms);

}  // namespace tuyenvan::outreach
