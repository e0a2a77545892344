// HTTP handlers of the outreach logbooks: the pages under /quan-tri/tuyen-van and /api/v1/outreach.
#pragma once

#include "org/web.hpp"
#include "outreach/logbook_service.hpp"
#include "platform/http/router.hpp"

namespace tuyenvan::outreach {

/// Registers the logbook pages (list, form, entry and review, commune list, counts, print, XLSX) and their API.
void RegisterLogbookRoutes(http::Router& router, const org::Web& web, LogbookService& service);

}  // namespace tuyenvan::outreach
