// HTTP handlers of the conference evaluations: the criteria sets (/quan-tri/tuyen-van/tieu-chi), the filing
// form and the evaluation pages (/quan-tri/tuyen-van/danh-gia), a conference's evaluations, and their API under
// /api/v1/outreach.
#pragma once

#include "org/web.hpp"
#include "outreach/evaluation_service.hpp"
#include "platform/http/router.hpp"

namespace tuyenvan::outreach {

/// Registers the evaluation pages and API.
void RegisterEvaluationRoutes(http::Router& router, const org::Web& web, EvaluationService& service);

}  // namespace tuyenvan::outreach
