// HTTP handlers of a district cadre's "Lịch đi dự": the conferences the district's rotation sends the cadre to,
// the cadre's iCalendar feed, "my schedule" for a signed-in cadre, and their API under /api/v1/outreach/people.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "org/web.hpp"
#include "outreach/rotation_service.hpp"
#include "platform/http/router.hpp"

namespace tuyenvan::outreach {

/// The token of a cadre's iCalendar feed (ConferenceService::CadreFeedToken).
using CadreFeedTokenSource = std::function<std::string(const org::Actor& actor, std::int64_t person_id)>;

/// Registers the cadre schedule pages and their API.
void RegisterCadreScheduleRoutes(http::Router& router, const org::Web& web, RotationService& service,
                                 CadreFeedTokenSource feed_token);

}  // namespace tuyenvan::outreach
