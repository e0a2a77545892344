// HTTP handlers of the outreach bodies: the pages under /quan-tri/tuyen-van and /api/v1/outreach.
#pragma once

#include "org/web.hpp"
#include "outreach/bodies_service.hpp"
#include "platform/http/router.hpp"

namespace tuyenvan::outreach {

/// Registers the committee, team, member, rules, speaker and vacancy pages and their API.
void RegisterBodiesRoutes(http::Router& router, const org::Web& web, BodiesService& service);

}  // namespace tuyenvan::outreach
