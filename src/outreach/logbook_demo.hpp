// The demo logbooks of `tuyenvan demo`: generated here from our own word lists, nothing copied.
#pragma once

#include <cstdint>

#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// What the demo generator made.
struct LogbookDemoReport {
    std::int64_t bodies = 0;
    std::int64_t entries = 0;
    std::int64_t elapsed_ms = 0;
};

/// Fills the logbook of every standing committee and team over the 24 months up to today (teams 6–13 entries a
/// month, commune committees 8–15, district and province committees 3–6), older entries mostly reviewed, in one
/// transaction with batched inserts. Deterministic for a given day. Does nothing when entries already exist.
LogbookDemoReport LoadLogbookDemo(db::Database& database, std::int64_t now_ms);

}  // namespace tuyenvan::outreach
