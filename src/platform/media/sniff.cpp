#include "platform/media/sniff.hpp"

#include <cstddef>
#include <cstdint>

namespace tuyenvan::media {
namespace {

constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);
constexpr std::string_view kZipLocalHeader("PK\x03\x04", 4);
constexpr std::size_t kZipLocalHeaderSize = 30;
constexpr std::uint16_t kZipFlagDataDescriptor = 0x0008;
constexpr std::uint32_t kZip64Marker = 0xffffffff;
constexpr std::uint16_t kZip64ExtraId = 0x0001;

// Callers check that [at, at + 2) and [at, at + 4) lie inside `bytes`.
std::uint16_t Le16(std::string_view bytes, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                      static_cast<unsigned char>(bytes[at + 1]) << 8);
}

std::uint32_t Le32(std::string_view bytes, std::size_t at) {
    return static_cast<std::uint32_t>(Le16(bytes, at)) | static_cast<std::uint32_t>(Le16(bytes, at + 2)) << 16;
}

std::uint64_t Le64(std::string_view bytes, std::size_t at) {
    return static_cast<std::uint64_t>(Le32(bytes, at)) | static_cast<std::uint64_t>(Le32(bytes, at + 4)) << 32;
}

// The compressed size from a ZIP64 extended-information extra field; in a local header it holds
// the uncompressed size then the compressed size, 8 bytes each.
std::optional<std::uint64_t> Zip64CompressedSize(std::string_view extra) {
    std::size_t at = 0;
    while (extra.size() - at >= 4) {
        std::uint16_t id = Le16(extra, at);
        std::uint16_t size = Le16(extra, at + 2);
        at += 4;
        if (size > extra.size() - at) {
            return std::nullopt;
        }
        if (id == kZip64ExtraId) {
            return size >= 16 ? std::optional(Le64(extra, at + 8)) : std::nullopt;
        }
        at += size;
    }
    return std::nullopt;
}

// What the entry names of an OOXML package tell about it.
struct ZipEntries {
    bool content_types = false;
    bool word = false;
    bool xl = false;
};

ZipEntries WalkZipLocalHeaders(std::string_view bytes) {
    ZipEntries entries;
    std::size_t at = 0;
    while (bytes.size() - at >= kZipLocalHeaderSize && bytes.substr(at, 4) == kZipLocalHeader) {
        std::uint16_t flags = Le16(bytes, at + 6);
        std::uint64_t compressed = Le32(bytes, at + 18);
        std::size_t name_size = Le16(bytes, at + 26);
        std::size_t extra_size = Le16(bytes, at + 28);
        std::size_t name_at = at + kZipLocalHeaderSize;
        if (name_size > bytes.size() - name_at) {
            break;
        }
        std::string_view name = bytes.substr(name_at, name_size);
        entries.content_types = entries.content_types || name == "[Content_Types].xml";
        entries.word = entries.word || name.starts_with("word/");
        entries.xl = entries.xl || name.starts_with("xl/");

        std::size_t extra_at = name_at + name_size;
        if (extra_size > bytes.size() - extra_at) {
            break;
        }
        std::size_t data_at = extra_at + extra_size;
        if (compressed == kZip64Marker) {
            auto size = Zip64CompressedSize(bytes.substr(extra_at, extra_size));
            if (!size) {
                break;
            }
            compressed = *size;
        }
        if (compressed > bytes.size() - data_at) {
            break;
        }
        std::size_t next = data_at + static_cast<std::size_t>(compressed);
        if (flags & kZipFlagDataDescriptor) {
            // The sizes may only follow the data, in a descriptor of varying length: look for the
            // next local header instead. A false match inside compressed data only yields a wrong
            // name, never a read outside the input.
            next = bytes.find(kZipLocalHeader, next);
            if (next == std::string_view::npos) {
                break;
            }
        }
        at = next;
    }
    return entries;
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (AsciiLower(a[i]) != AsciiLower(b[i])) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::optional<ImageType> SniffImage(std::string_view bytes) {
    if (bytes.starts_with("\xff\xd8\xff")) {
        return ImageType::kJpeg;
    }
    if (bytes.starts_with(kPngSignature)) {
        return ImageType::kPng;
    }
    if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) {
        return ImageType::kGif;
    }
    if (bytes.size() >= 16 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") {
        std::string_view chunk = bytes.substr(12, 4);
        if (chunk == "VP8 " || chunk == "VP8L" || chunk == "VP8X") {
            return ImageType::kWebp;
        }
    }
    return std::nullopt;
}

std::string_view ContentType(ImageType type) {
    switch (type) {
        case ImageType::kJpeg:
            return "image/jpeg";
        case ImageType::kPng:
            return "image/png";
        case ImageType::kWebp:
            return "image/webp";
        case ImageType::kGif:
            return "image/gif";
    }
    return "application/octet-stream";
}

std::string_view Extension(ImageType type) {
    switch (type) {
        case ImageType::kJpeg:
            return "jpg";
        case ImageType::kPng:
            return "png";
        case ImageType::kWebp:
            return "webp";
        case ImageType::kGif:
            return "gif";
    }
    return "bin";
}

std::optional<DocumentKind> SniffDocument(std::string_view bytes) {
    if (bytes.starts_with("%PDF-")) {
        return DocumentKind{DocumentType::kPdf, "application/pdf", "pdf"};
    }
    if (!bytes.starts_with(kZipLocalHeader)) {
        return std::nullopt;
    }
    ZipEntries entries = WalkZipLocalHeaders(bytes);
    if (!entries.content_types || entries.word == entries.xl) {
        return std::nullopt;
    }
    if (entries.word) {
        return DocumentKind{DocumentType::kDocx,
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"};
    }
    return DocumentKind{DocumentType::kXlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "xlsx"};
}

bool NameMatches(std::string_view file_name, std::string_view extension) {
    auto dot = file_name.rfind('.');
    if (dot == std::string_view::npos) {
        return false;
    }
    std::string_view given = file_name.substr(dot + 1);
    if (EqualsIgnoringCase(given, extension)) {
        return true;
    }
    return extension == "jpg" && (EqualsIgnoringCase(given, "jpeg") || EqualsIgnoringCase(given, "jpe"));
}

}  // namespace tuyenvan::media
