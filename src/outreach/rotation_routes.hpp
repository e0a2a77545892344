// HTTP handlers of the rotation: the level's page under /quan-tri/tuyen-van/luan-phien, each department's
// "Lịch đi dự", and the API under /api/v1/outreach.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "org/web.hpp"
#include "outreach/rotation_service.hpp"
#include "platform/http/router.hpp"
#include "platform/view/view.hpp"

namespace tuyenvan::outreach {

/// The token of a unit's iCalendar feed (ConferenceService::FeedToken), for the agency's page.
using FeedTokenSource = std::function<std::string(const org::Actor& actor, std::int64_t unit_id)>;

/// The months of an agency's schedule page or call: the query's `from_name` and `to_name` ("yyyy-mm"), by
/// default two months back and four ahead of the current month.
std::pair<std::string, std::string> ScheduleRange(const http::Request& request, const RotationService& service,
                                                  const char* from_name, const char* to_name);

/// The rows of an agency's (a department's or a district cadre's) schedule for templates/outreach/schedule_table.
view::List ScheduleRows(const std::vector<AssignmentRow>& assignments);

/// Registers the rotation pages and their API.
void RegisterRotationRoutes(http::Router& router, const org::Web& web, RotationService& service,
                            FeedTokenSource feed_token);

}  // namespace tuyenvan::outreach
