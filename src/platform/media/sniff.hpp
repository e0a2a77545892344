// What an uploaded file really is, decided from its bytes and never from its name.
#pragma once

#include <optional>
#include <string_view>

namespace tuyenvan::media {

/// The image formats the portal accepts.
enum class ImageType { kJpeg, kPng, kWebp, kGif };

/// The document formats the portal accepts.
enum class DocumentType { kPdf, kDocx, kXlsx };

/// A recognised document: its type, canonical content type and extension (no dot, lower case).
struct DocumentKind {
    DocumentType type;
    std::string_view content_type;
    std::string_view extension;
};

/// The image format whose signature starts `bytes` (JPEG FF D8 FF, the PNG signature, "GIF87a" or
/// "GIF89a", a RIFF….WEBP header with a VP8/VP8L/VP8X chunk); nullopt for anything else. Looks at
/// the first 16 bytes only, so a match does not promise the rest of the file is sound.
std::optional<ImageType> SniffImage(std::string_view bytes);

/// The canonical content type of an image format, e.g. "image/jpeg".
std::string_view ContentType(ImageType type);

/// The canonical extension of an image format, without the dot, e.g. "jpg".
std::string_view Extension(ImageType type);

/// The document format of `bytes`: PDF when they start with "%PDF-"; DOCX or XLSX when they are a
/// ZIP whose local file headers name "[Content_Types].xml" and entries under "word/" (DOCX) or
/// "xl/" (XLSX), but not both. The ZIP is walked header by header with every offset checked against
/// the input; nothing is decompressed. Anything else, including other ZIPs, is nullopt.
std::optional<DocumentKind> SniffDocument(std::string_view bytes);

/// True when `file_name` ends in "." followed by `extension` (ASCII case-insensitive), also
/// accepting "jpeg"/"jpe" for "jpg". Callers compare the sniffed type with the name the user gave
/// and refuse a mismatch: the bytes decide what a file is, the name only has to agree.
bool NameMatches(std::string_view file_name, std::string_view extension);

}  // namespace tuyenvan::media
