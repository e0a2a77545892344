// HTTP handlers of the portal room: the newsroom (pages and API for editors) and the public sites.
#pragma once

#include <optional>

#include "org/web.hpp"
#include "platform/http/router.hpp"
#include "portal/service.hpp"

namespace tuyenvan::portal {

/// The newsroom: sites, sections and the editorial workflow, as pages under /quan-tri/… and as
/// the API under /api/v1/…; every handler parses, calls one service method and renders.
void RegisterNewsroomRoutes(http::Router& router, const org::Web& web, Service& service);

/// The monthly statistics of the "Thông tin tuyên vận" column: the page /quan-tri/trang/thong-ke (and its CSV)
/// and GET /api/v1/portal/statistics.
void RegisterStatisticsRoutes(http::Router& router, const org::Web& web, Service& service);

/// Uploads of pictures and documents from the newsroom (the editor's image button posts here) and the
/// API: multipart/form-data with `file` (and `alt` for pictures), answered with JSON.
void RegisterUploadRoutes(http::Router& router, const org::Web& web, Service& service);

/// Reads a multipart/form-data upload: the part named `file`, and the plain fields into `fields`
/// (`alt` and `caption` also into the upload). Nothing when the body is not a readable form.
std::optional<Upload> ReadUploadForm(const http::Request& request, http::Params& fields);

}  // namespace tuyenvan::portal
