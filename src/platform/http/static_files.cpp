#include "platform/http/static_files.hpp"

#include <brotli/encode.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "platform/http/range.hpp"

namespace tuyenvan::http {
namespace {

std::string TypeOf(const std::filesystem::path& path) {
    static const std::map<std::string, std::string> kTypes = {
        {".css", "text/css; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
        {".svg", "image/svg+xml"},             {".png", "image/png"},
        {".jpg", "image/jpeg"},                {".jpeg", "image/jpeg"},
        {".webp", "image/webp"},               {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},              {".txt", "text/plain; charset=utf-8"},
        {".json", "application/json"},         {".pdf", "application/pdf"},
        {".csv", "text/csv; charset=utf-8"},   {".html", "text/html; charset=utf-8"}};
    auto found = kTypes.find(path.extension().string());
    return found == kTypes.end() ? "application/octet-stream" : found->second;
}

bool Compressible(const std::string& type) {
    return type.starts_with("text/") || type.starts_with("image/svg") || type.starts_with("application/json");
}

bool Accepts(std::string_view accept_encoding, std::string_view coding) {
    // "gzip, deflate, br;q=0" — a coding counts unless it is given q=0.
    std::size_t position = 0;
    while (position < accept_encoding.size()) {
        std::size_t comma = accept_encoding.find(',', position);
        std::string_view item = accept_encoding.substr(position, comma == std::string_view::npos ? std::string_view::npos
                                                                                                 : comma - position);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        std::string_view name = item.substr(0, item.find(';'));
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        if (name == coding) {
            auto q = item.find("q=");
            return q == std::string_view::npos || item.substr(q + 2).find_first_not_of("0.") != std::string_view::npos;
        }
        if (comma == std::string_view::npos) break;
        position = comma + 1;
    }
    return false;
}

std::string Hex32(std::uint32_t value) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(8, '0');
    for (int i = 7; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kDigits[value & 0xf];
        value >>= 4;
    }
    return out;
}

}  // namespace

std::string Gzip(std::string_view data, int level) {
    z_stream stream{};
    if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("deflateInit2 failed");
    }
    std::string out(deflateBound(&stream, data.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (rc != Z_STREAM_END) {
        throw std::runtime_error("gzip failed");
    }
    return out;
}

std::string Brotli(std::string_view data, int quality) {
    std::size_t size = BrotliEncoderMaxCompressedSize(data.size());
    std::string out(size == 0 ? data.size() + 1024 : size, '\0');
    if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                               reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                               reinterpret_cast<std::uint8_t*>(out.data()))) {
        throw std::runtime_error("brotli failed");
    }
    out.resize(size);
    return out;
}

StaticFiles::StaticFiles(const std::string& directory) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(directory)) {
        throw std::runtime_error("static folder not found: " + directory);
    }
    uLong all = crc32(0L, Z_NULL, 0);
    for (const auto& entry : fs::recursive_directory_iterator(directory)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        Asset asset;
        asset.body = content.str();
        asset.content_type = TypeOf(entry.path());
        uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(asset.body.data()), static_cast<uInt>(asset.body.size()));
        asset.etag = "\"" + Hex32(static_cast<std::uint32_t>(crc)) + "-" + std::to_string(asset.body.size()) + "\"";
        all = crc32(all, reinterpret_cast<const Bytef*>(asset.etag.data()), static_cast<uInt>(asset.etag.size()));
        if (Compressible(asset.content_type) && asset.body.size() > 256) {
            asset.gzip = Gzip(asset.body);
            asset.brotli = Brotli(asset.body);
        }
        assets_.emplace(fs::relative(entry.path(), directory).generic_string(), std::move(asset));
    }
    version_ = Hex32(static_cast<std::uint32_t>(all));
}

Response StaticFiles::Serve(const Request& request, const std::string& relative) const {
    auto found = assets_.find(relative);
    if (found == assets_.end()) {
        throw HttpError(404, "not_found", "Không tìm thấy tệp.");
    }
    const Asset& asset = found->second;
    Response response;
    response.no_store = false;
    response.content_type = asset.content_type;
    bool fingerprinted = request.query.Get("v") == version_;
    response.With("Cache-Control", fingerprinted ? "public, max-age=31536000, immutable" : "public, max-age=300");
    response.With("ETag", asset.etag);
    response.With("Vary", "Accept-Encoding");
    response.With("Accept-Ranges", "bytes");
    if (request.Header("If-None-Match") == asset.etag) {
        response.status = 304;
        return response;
    }
    auto range_header = request.Header("Range");
    if (!range_header.empty()) {
        auto range = ParseRange(range_header, asset.body.size());
        if (range.kind == RangeKind::kUnsatisfiable) {
            response.status = 416;
            response.With("Content-Range", "bytes */" + std::to_string(asset.body.size()));
            return response;
        }
        if (range.kind == RangeKind::kSatisfiable && range.ranges.size() == 1) {
            const auto& r = range.ranges.front();
            response.status = 206;
            response.body = asset.body.substr(r.first, r.last - r.first + 1);
            response.With("Content-Range", "bytes " + std::to_string(r.first) + "-" + std::to_string(r.last) + "/" +
                                               std::to_string(asset.body.size()));
            return response;
        }
    }
    auto accept = request.Header("Accept-Encoding");
    if (!asset.brotli.empty() && Accepts(accept, "br")) {
        response.body = asset.brotli;
        response.With("Content-Encoding", "br");
    } else if (!asset.gzip.empty() && Accepts(accept, "gzip")) {
        response.body = asset.gzip;
        response.With("Content-Encoding", "gzip");
    } else {
        response.body = asset.body;
    }
    return response;
}

}  // namespace tuyenvan::http
