// The demo criteria sets and evaluations of `tuyenvan demo`, made from the demo rotation and conferences.
#pragma once

#include <cstdint>

#include "platform/db/database.hpp"

namespace tuyenvan::outreach {

/// What the demo generator made.
struct EvaluationDemoReport {
    std::int64_t sets = 0;
    std::int64_t evaluations = 0;
    std::int64_t missing = 0;  ///< attendances left without an evaluation after their deadline
    std::int64_t elapsed_ms = 0;
};

/// Two sample criteria sets ("Bộ tiêu chí 2016" from 01/01/2016, "Bộ tiêu chí 2020" from 01/07/2020: sample
/// data, not the text of a regulation) and, for about 90 % of the published attendances of a held conference
/// whose evaluation deadline has passed, an evaluation filed within the deadline; communes that hold their
/// conferences late or without records score lower. Attendances still within their deadline stay awaited.
/// Deterministic; does nothing when criteria sets already exist.
EvaluationDemoReport LoadEvaluationDemo(db::Database& database, std::int64_t now_ms);

}  // namespace tuyenvan::outreach
