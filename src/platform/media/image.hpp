// Uploaded pictures made safe to publish: checked, decoded with libvips, turned upright, resized to
// a few widths as JPEG and WebP with every piece of metadata removed; and demo pictures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::media {

/// Why an image was refused or could not be processed.
enum class MediaErrorKind {
    /// The input is larger than ImageLimits::max_bytes.
    kTooLarge,
    /// The bytes are not JPEG, PNG, WebP or GIF.
    kUnsupportedType,
    /// The image is damaged or truncated.
    kBroken,
    /// The header declares more pixels, or a longer side, than ImageLimits allows.
    kTooManyPixels,
    /// Encoding the variants failed (out of memory, a libvips fault); not the uploader's doing.
    kFailed,
};

/// An image refused or not processed; what() is a Vietnamese sentence to show to the uploader.
class MediaError : public std::runtime_error {
public:
    /// `message` is what the uploader reads; `detail` is for the log only.
    MediaError(MediaErrorKind kind, const std::string& message, std::string detail = {});
    /// The kind of failure.
    MediaErrorKind Kind() const { return kind_; }
    /// A stable code for APIs and logs: "too_large", "unsupported_type", "broken",
    /// "too_many_pixels" or "failed".
    std::string_view Code() const;
    /// libvips' own (English) explanation when there is one, for the log; never shown to users.
    const std::string& Detail() const { return detail_; }

private:
    MediaErrorKind kind_;
    std::string detail_;
};

/// What ProcessImage accepts.
struct ImageLimits {
    /// Largest input, in bytes.
    std::size_t max_bytes = std::size_t{20} * 1024 * 1024;
    /// Most pixels (width × height) the header may declare.
    std::int64_t max_pixels = 50'000'000;
    /// Longest side the header may declare, in pixels.
    int max_side = 16000;
};

/// One encoded rendition of an image.
struct Variant {
    /// "<target width>.<extension>", e.g. "640.webp", "1920.jpg"; unique within one image.
    std::string name;
    /// "image/jpeg" or "image/webp".
    std::string content_type;
    /// Size in pixels; the width is the one in the name.
    int width = 0;
    int height = 0;
    /// The encoded file.
    std::string data;
};

/// The result of ProcessImage.
struct ProcessedImage {
    /// Size of the upright (EXIF-rotated) original.
    int width = 0;
    int height = 0;
    /// Content type of the input as sniffed from its bytes, e.g. "image/png".
    std::string source_type;
    /// JPEG and WebP renditions, ordered by width, JPEG before WebP at each width.
    std::vector<Variant> variants;
};

/// Starts libvips: call once at start-up, before any worker thread uses this library. Leaves
/// libvips' operation cache off (a cache keyed by buffer address could hand one upload's pixels
/// to another) and allows only the JPEG, PNG, WebP and GIF loaders, so no other parser in libvips
/// (PDF, SVG, ImageMagick…) ever sees uploaded bytes. Calling it again does nothing; ProcessImage
/// and MakeDemoPicture call it themselves if nobody did. Throws std::runtime_error if libvips
/// cannot start.
void Initialize();

/// Stops libvips, freeing its caches and threads: call once at exit, after every worker thread
/// has finished with this library. Later calls to this library throw std::logic_error.
void Shutdown();

/// Checks and converts an uploaded image. In order: refuses input over `limits.max_bytes`
/// (kTooLarge); sniffs the real type from the bytes (kUnsupportedType unless JPEG, PNG, WebP or
/// GIF); reads only the header and refuses declared sizes over the limits (kTooManyPixels) before
/// any pixel is decoded; decodes, failing on truncated or damaged data (kBroken), and applies the
/// EXIF orientation. Then makes variants at widths 320, 640 and 1280 and at the original width
/// capped at 1920, never upscaling and skipping duplicates, each as progressive JPEG (quality 80,
/// flattened on white when there is alpha) and WebP (quality 75, alpha kept), converted to sRGB
/// and stripped of all metadata (EXIF with GPS, XMP, IPTC, ICC profile, comments). An animated GIF
/// yields its first frame. Thread-safe; runs libvips' own worker threads for each call.
ProcessedImage ProcessImage(std::string_view bytes, const ImageLimits& limits = {});

/// A deterministic landscape for demo content as a JPEG of exactly width × height: a sky gradient,
/// a sun, layered mountain ridges and terraced fields whose colours, shapes and positions follow
/// from `seed`, so different seeds give visibly different pictures and one seed always the same
/// bytes. Thread-safe; 1280×720 takes a few milliseconds. Throws std::invalid_argument unless both
/// sides are 16…4096 pixels.
std::string MakeDemoPicture(std::uint64_t seed, int width, int height);

}  // namespace tuyenvan::media
