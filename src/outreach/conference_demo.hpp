// The demo history of monthly conferences for `tuyenvan demo`: generated here, nothing copied.
#pragma once

#include <cstdint>

#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// What the demo generator made.
struct ConferenceDemoReport {
    std::int64_t conferences = 0;
    std::int64_t changes = 0;
    std::int64_t records = 0;
};

/// Gives every open commune a registration for each of the 24 months before the current one (a few
/// communes skip a month), some schedule changes with reasons, and records for most (some late, a few
/// missing), deterministic for a given `now_ms`. The current and later months are left for people to
/// register. Written in one transaction with batched inserts; does nothing when conferences exist.
ConferenceDemoReport LoadConferenceDemo(db::Database& database, std::int64_t now_ms);

}  // namespace tuyenvan::outreach
