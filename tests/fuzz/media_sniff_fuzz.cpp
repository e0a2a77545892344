// Fuzzes upload sniffing: no read outside the input (ASan), and every answer backed by the bytes:
// an image type only with its signature, a document type only with its magic or, for DOCX/XLSX, a
// ZIP that really names "[Content_Types].xml" and a word/ or xl/ entry.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "platform/media/sniff.hpp"

namespace {

using tuyenvan::media::DocumentType;
using tuyenvan::media::ImageType;

bool ImageAnswerHolds(std::string_view bytes, ImageType type) {
    switch (type) {
        case ImageType::kJpeg:
            return bytes.starts_with("\xff\xd8\xff");
        case ImageType::kPng:
            return bytes.starts_with("\x89PNG");
        case ImageType::kGif:
            return bytes.starts_with("GIF8");
        case ImageType::kWebp:
            return bytes.size() >= 16 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP";
    }
    return false;
}

bool DocumentAnswerHolds(std::string_view bytes, const tuyenvan::media::DocumentKind& kind) {
    switch (kind.type) {
        case DocumentType::kPdf:
            return bytes.starts_with("%PDF-") && kind.extension == "pdf";
        case DocumentType::kDocx:
            return bytes.starts_with("PK\x03\x04") && bytes.find("[Content_Types].xml") != std::string_view::npos &&
                   bytes.find("word/") != std::string_view::npos && kind.extension == "docx";
        case DocumentType::kXlsx:
            return bytes.starts_with("PK\x03\x04") && bytes.find("[Content_Types].xml") != std::string_view::npos &&
                   bytes.find("xl/") != std::string_view::npos && kind.extension == "xlsx";
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (auto image = tuyenvan::media::SniffImage(bytes); image && !ImageAnswerHolds(bytes, *image)) {
        __builtin_trap();
    }
    if (auto document = tuyenvan::media::SniffDocument(bytes); document && !DocumentAnswerHolds(bytes, *document)) {
        __builtin_trap();
    }
    // The input as a file name: a match needs ".<extension>" (or ".jpeg"/".jpe" for jpg) at its end.
    for (std::string_view extension : {"pdf", "docx", "jpg"}) {
        if (tuyenvan::media::NameMatches(bytes, extension) && bytes.size() <= extension.size()) {
            __builtin_trap();
        }
    }
    return 0;
}
