// HTTP handlers of the monthly conference: the calendar pages, registration, schedule change and record
// forms, photos, the deadline rules, the iCalendar feeds and /api/v1/outreach/….
#pragma once

#include "org/web.hpp"
#include "outreach/conference_service.hpp"
#include "platform/http/router.hpp"

namespace tuyenvan::outreach {

/// Registers every page and API route of the conferences.
void RegisterConferenceRoutes(http::Router& router, const org::Web& web, ConferenceService& service);

}  // namespace tuyenvan::outreach
