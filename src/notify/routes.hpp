// Pages and API of the notify room: /thong-bao and /api/v1/notifications.
#pragma once

#include "notify/service.hpp"
#include "org/web.hpp"
#include "platform/http/router.hpp"

namespace tuyenvan::notify {

/// Registers the notification page, its forms and the API; each person reaches only their own.
void RegisterRoutes(http::Router& router, const org::Web& web, Service& service);

}  // namespace tuyenvan::notify
