// Static assets held in memory with strong ETags, 304s, Range, and gzip/brotli variants made at start-up.
#pragma once

#include <map>
#include <string>

#include "platform/http/message.hpp"

namespace tuyenvan::http {

/// The assets below one folder, served under a URL prefix.
class StaticFiles {
public:
    /// Loads every file below `directory` (assets are small; a missing folder is an error).
    explicit StaticFiles(const std::string& directory);

    /// Answers GET/HEAD for `relative` ("css/app.css"); 404 when unknown.
    Response Serve(const Request& request, const std::string& relative) const;
    /// A short content hash of all assets, appended to asset URLs as ?v=… so they can be cached for a year.
    const std::string& Version() const { return version_; }

private:
    struct Asset {
        std::string content_type;
        std::string body;
        std::string gzip;
        std::string brotli;
        std::string etag;
    };
    std::map<std::string, Asset> assets_;
    std::string version_;
};

/// gzip-compresses `data` (level 9 by default: assets are compressed once; pages use a faster level).
std::string Gzip(std::string_view data, int level = 9);
/// brotli-compresses `data` (quality 11 by default; pages use a faster quality).
std::string Brotli(std::string_view data, int quality = 11);

}  // namespace tuyenvan::http
