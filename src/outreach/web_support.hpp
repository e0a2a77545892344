// What the outreach room's handlers share: actors, expected failures on forms, JSON fields and dates.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "org/web.hpp"
#include "platform/http/form.hpp"
#include "platform/http/message.hpp"
#include "platform/view/view.hpp"

namespace tuyenvan::outreach::web {

/// The person of a request as the services name an actor.
org::Actor ActorOf(const org::Principal& principal, const http::Request& request);

/// Runs `fn`, turning expected service failures into HTTP errors here, for the form handlers that catch them
/// to show the form again with its messages.
template <typename F>
auto Guard(F fn) {
    try {
        return fn();
    } catch (const org::ServiceError& error) {
        org::Web::Rethrow(error);
    }
}

/// The idempotency key of a write: the form's hidden "idempotency_key" field when the form has one, else the
/// API's Idempotency-Key header; empty when neither.
std::string IdempotencyKey(const http::Request& request, const http::Params* form);

/// "https://host" or "http://host" from the request's Host header, for absolute links (feeds); empty without one.
std::string BaseUrl(const http::Request& request);

/// The JSON answer of an idempotent write: 201 for the first, `replay_status` with "Idempotent-Replayed: true"
/// for a retry that found it already made.
http::Response WrittenJson(std::string body, bool replayed, unsigned replay_status);

/// Puts an error's message in "error" and each field's message in "error_<field>".
void FormErrors(view::Data& data, const http::HttpError& error);

/// A JSON field as text: a string as it is, a whole number in decimal; empty when missing or anything else.
std::string JsonText(const boost::json::object& body, std::string_view key);
/// A JSON field as a whole number: a number, or a string of one; nothing when missing or anything else.
std::optional<std::int64_t> JsonInt(const boost::json::object& body, std::string_view key);

/// Milliseconds since the epoch, now.
std::int64_t NowMs();
/// Today in Asia/Ho_Chi_Minh, "yyyy-mm-dd".
std::string TodayIso();
/// "2026-03-15" as people read it, "15/03/2026"; anything else as it is.
std::string ShowDay(const std::string& iso);
/// "2026-03" as people read it, "03/2026"; anything else as it is.
std::string ShowMonth(const std::string& month);

}  // namespace tuyenvan::outreach::web
