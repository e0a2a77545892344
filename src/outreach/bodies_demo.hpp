// The demo committees, teams and speakers of `tuyenvan demo`: generated here, nothing copied.
#pragma once

#include <cstdint>

#include "org/service.hpp"
#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// What the demo generator made.
struct BodiesDemoReport {
    std::int64_t committees = 0;
    std::int64_t teams = 0;
    std::int64_t members = 0;
    std::int64_t speakers = 0;
};

/// Gives every open commune, district and the province of the demo tree a committee (most with seven members,
/// some with vacancies), most villages a team (some missing, some below three members) and each level its
/// speakers with topics. People are added through the org service. Does nothing when bodies already exist.
BodiesDemoReport LoadBodiesDemo(db::Database& database, org::Service& org, std::int64_t now_ms);

}  // namespace tuyenvan::outreach
