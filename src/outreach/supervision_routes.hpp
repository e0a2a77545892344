// HTTP handlers of supervision: the pages under /quan-tri/tuyen-van/giam-sat and /api/v1/outreach/supervision.
#pragma once

#include "org/web.hpp"
#include "outreach/supervision_service.hpp"
#include "platform/http/router.hpp"

namespace tuyenvan::outreach {

/// Registers the supervision pages (home, month board, year board, weak areas, a commune's reminders and
/// reprimands with their forms) and their API.
void RegisterSupervisionRoutes(http::Router& router, const org::Web& web, SupervisionService& service);

}  // namespace tuyenvan::outreach
