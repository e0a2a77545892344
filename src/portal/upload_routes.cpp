#include <boost/json.hpp>

#include "platform/http/multipart.hpp"
#include "portal/routes.hpp"

namespace tuyenvan::portal {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using http::Request;
using http::Response;

// A picture is re-encoded from at most 20 MB; the body may carry a little more for the other fields.
constexpr std::size_t kUploadBodyLimit = std::size_t{21} * 1024 * 1024;

Response JsonError(unsigned status, const std::string& code, const std::string& message,
                   const std::string& details_json = {}) {
    json::object error{{"code", code}, {"message", message}};
    if (!details_json.empty()) {
        error["fields"] = json::parse(details_json);
    }
    return Response::Json(json::serialize(json::object{{"error", std::move(error)}}), status);
}

json::object MediaJson(const StoredMedia& media) {
    json::object out{{"id", media.id}, {"kind", media.kind}, {"url", media.url}, {"name", media.name}};
    if (media.kind == "image") {
        out["alt"] = media.alt;
        out["width"] = media.width;
        out["height"] = media.height;
    }
    return out;
}

}  // namespace

std::optional<Upload> ReadUploadForm(const http::Request& request, http::Params& fields) {
    auto boundary = http::MultipartBoundary(request.Header("Content-Type"));
    if (!boundary) {
        return std::nullopt;
    }
    auto parsed = http::ParseMultipart(request.body, *boundary, 20);
    if (parsed.error) {
        return std::nullopt;
    }
    Upload upload;
    for (const auto& part : parsed.parts) {
        if (part.name == "file" && part.filename) {
            upload.file_name = *part.filename;
            upload.bytes = std::string(part.data);
        } else if (!part.filename) {
            fields.Add(part.name, std::string(part.data));
        }
    }
    upload.alt = fields.Get("alt");
    upload.caption = fields.Get("caption");
    return upload;
}

void RegisterUploadRoutes(http::Router& router, const org::Web& web, Service& service) {
    auto upload = [&web, &service](Request& request, bool image) {
        // Who and whether they may: answered like every other route (sign-in redirect, 403 page or JSON).
        auto principal = web.RequirePrincipal(request);
        std::int64_t site_id = request.PathId("id");
        http::Params fields;
        std::optional<Upload> file = ReadUploadForm(request, fields);
        web.CheckCsrf(request, principal, &fields);
        try {
            service.Desk(principal, site_id);
        } catch (const org::ServiceError& error) {
            org::Web::Rethrow(error);
        }
        // What is wrong with the file goes back as JSON: the editor's script shows the message.
        if (!file) {
            return JsonError(400, "bad_request", "Dữ liệu tải lên không hợp lệ hoặc bị cắt ngang; hãy gửi tệp dưới "
                                                 "dạng multipart/form-data.");
        }
        try {
            org::Actor actor{&principal, request.remote_address};
            StoredMedia stored =
                image ? service.UploadImage(actor, site_id, *file) : service.UploadDocument(actor, site_id, *file);
            return Response::Json(json::serialize(MediaJson(stored)), 201);
        } catch (const org::ServiceError& error) {
            try {
                org::Web::Rethrow(error);
            } catch (const http::HttpError& http_error) {
                return JsonError(http_error.Status(), http_error.Code(), http_error.what(), http_error.details_json);
            }
        }
    };
    for (const char* pattern : {"/quan-tri/trang/{id}/anh", "/api/v1/sites/{id}/images"}) {
        auto& route = router.Add(verb::post, pattern, http::Mode::kBlocking,
                                 [upload](Request& request) { return upload(request, true); });
        route.body_limit = kUploadBodyLimit;
        route.summary = "Tải ảnh lên kho ảnh của trang (multipart: file, alt, caption)";
    }
    for (const char* pattern : {"/quan-tri/trang/{id}/tep", "/api/v1/sites/{id}/documents"}) {
        auto& route = router.Add(verb::post, pattern, http::Mode::kBlocking,
                                 [upload](Request& request) { return upload(request, false); });
        route.body_limit = kUploadBodyLimit;
        route.summary = "Tải văn bản PDF, DOCX hoặc XLSX lên trang (multipart: file, caption)";
    }
}

}  // namespace tuyenvan::portal
