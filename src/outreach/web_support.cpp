#include "outreach/web_support.hpp"

#include <chrono>

#include "platform/text/format.hpp"

namespace tuyenvan::outreach::web {

namespace json = boost::json;

org::Actor ActorOf(const org::Principal& principal, const http::Request& request) {
    return org::Actor{&principal, request.remote_address};
}

std::string IdempotencyKey(const http::Request& request, const http::Params* form) {
    if (form != nullptr && form->Has("idempotency_key")) {
        return org::Trim(form->Get("idempotency_key"));
    }
    return org::Trim(request.Header("Idempotency-Key"));
}

std::string BaseUrl(const http::Request& request) {
    std::string host(request.Header("Host"));
    if (host.empty()) {
        return {};
    }
    return std::string(request.secure ? "https://" : "http://") + host;
}

http::Response WrittenJson(std::string body, bool replayed, unsigned replay_status) {
    http::Response response = http::Response::Json(std::move(body), replayed ? replay_status : 201);
    if (replayed) {
        response.With("Idempotent-Replayed", "true");
    }
    return response;
}

void FormErrors(view::Data& data, const http::HttpError& error) {
    data.set("error", error.what());
    if (!error.details_json.empty()) {
        auto fields = json::parse(error.details_json).as_object();
        for (const auto& [name, message] : fields) {
            data.set("error_" + std::string(name),
                     message.is_string() ? std::string(message.as_string()) : std::string(error.what()));
        }
    }
}

std::string JsonText(const json::object& body, std::string_view key) {
    auto found = body.find(key);
    if (found == body.end()) {
        return {};
    }
    if (found->value().is_string()) {
        return std::string(found->value().as_string());
    }
    if (found->value().is_int64()) {
        return std::to_string(found->value().as_int64());
    }
    if (found->value().is_uint64()) {
        return std::to_string(found->value().as_uint64());
    }
    return {};
}

std::optional<std::int64_t> JsonInt(const json::object& body, std::string_view key) {
    auto found = body.find(key);
    if (found == body.end()) {
        return std::nullopt;
    }
    if (found->value().is_int64()) {
        return found->value().as_int64();
    }
    if (found->value().is_uint64()) {
        return static_cast<std::int64_t>(found->value().as_uint64());
    }
    if (found->value().is_string()) {
        return org::ToInt(std::string(found->value().as_string()));
    }
    return std::nullopt;
}

std::int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string TodayIso() {
    return text::FormatIsoDate(NowMs());
}

std::string ShowDay(const std::string& iso) {
    auto ms = text::ParseIsoDate(iso);
    return ms ? text::FormatDate(*ms) : iso;
}

std::string ShowMonth(const std::string& month) {
    if (month.size() != 7 || month[4] != '-') {
        return month;
    }
    return month.substr(5, 2) + "/" + month.substr(0, 4);
}

}  // namespace tuyenvan::outreach::web
