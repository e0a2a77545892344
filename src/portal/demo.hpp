// The portal's demo data for `make run` and the benchmark: a site for the province and one per
// district, their sections, generated pictures, and thousands of published items written by our
// own generator (portal/demo_content), plus a few items waiting in the newsroom.
#pragma once

#include <cstdint>

#include "org/service.hpp"
#include "platform/db/database.hpp"
#include "portal/service.hpp"

namespace tuyenvan::portal {

/// How much demo content to make.
struct DemoOptions {
    /// Published items over all sites (the province gets about a quarter).
    int items = 3000;
    /// Distinct generated pictures, shared by the items.
    int pictures = 12;
    /// "Now", for publication dates (UTC epoch ms).
    std::int64_t now_ms = 0;
};

/// What LoadDemo made.
struct DemoSummary {
    int sites = 0;
    int items = 0;
    int pictures = 0;
};

/// Loads the demo sites and items once (after org's demo: it needs the unit tree and its accounts);
/// returns nothing made when a site already exists.
DemoSummary LoadDemo(db::Database& database, org::Service& org, Service& service, const DemoOptions& options);

}  // namespace tuyenvan::portal
