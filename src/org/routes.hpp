// HTTP handlers of the org room: sign-in pages, the administration pages and /api/v1.
#pragma once

#include "org/web.hpp"
#include "platform/http/router.hpp"

namespace tuyenvan::org {

/// Registers every page and API route of the room.
void RegisterRoutes(http::Router& router, const Web& web);

}  // namespace tuyenvan::org
