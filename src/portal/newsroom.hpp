// What the newsroom's pages and API share: dates as people type them and programs send them, labels.
// Internal to tv_portal_web; other rooms use portal/routes.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "org/web.hpp"
#include "platform/http/router.hpp"
#include "portal/service.hpp"

namespace tuyenvan::portal::newsroom {

/// The body limit of routes that carry an item's text: Markdown up to 2 MiB, which a form percent-encodes
/// to at most three times its size ("ạ", 3 bytes, becomes "%E1%BA%A1") and JSON to at most twice.
inline constexpr std::size_t kItemBodyLimit = 8U << 20;

/// Registers the newsroom's pages under /quan-tri/trang and /quan-tri/bai-viet.
void RegisterPages(http::Router& router, const org::Web& web, Service& service);
/// Registers the newsroom's JSON API under /api/v1/sites and /api/v1/items.
void RegisterApi(http::Router& router, const org::Web& web, Service& service);

/// The editable fields of a stored item: the starting point of a change that sends only some of them.
ItemFields FieldsOf(const Item& item);
/// Parses a wall-clock time of Asia/Ho_Chi_Minh as <input type=datetime-local> sends it
/// ("2026-03-05T14:30", seconds optional); std::nullopt when malformed or not a real date.
std::optional<std::int64_t> ParseLocalDateTime(std::string_view text);
/// An instant as <input type=datetime-local> shows it, in Asia/Ho_Chi_Minh ("2026-03-05T14:30").
std::string FormatLocalDateTime(std::int64_t epoch_ms);
/// Parses an ISO 8601 date-time that carries its offset ("2026-03-05T14:30:00+07:00", "…T07:30Z",
/// fractions of a second allowed); std::nullopt without an offset or when malformed.
std::optional<std::int64_t> ParseIsoInstant(std::string_view text);
/// An instant as people read it here: "05/03/2026 14:30" in Asia/Ho_Chi_Minh.
std::string FormatWhen(std::int64_t epoch_ms);
/// Vietnamese name of a step in an item's history ("submit" → "Gửi duyệt").
std::string_view ActionLabel(std::string_view action);

}  // namespace tuyenvan::portal::newsroom
