#include "platform/media/image.hpp"

#include <vips/vips8>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <mutex>
#include <numbers>

#include "platform/media/sniff.hpp"

namespace tuyenvan::media {
namespace {

using vips::VError;
using vips::VImage;

constexpr int kVariantWidths[] = {320, 640, 1280};
constexpr int kMaxVariantWidth = 1920;
constexpr int kJpegQuality = 80;
constexpr int kWebpQuality = 75;
// thumbnail fits into width × height; a height this large leaves only the width to decide.
constexpr int kUnboundedHeight = 10'000'000;

// libvips is process-wide state, so its lifecycle is too.
enum class VipsState { kStopped, kRunning, kShutDown };
std::mutex vips_mutex;
VipsState vips_state = VipsState::kStopped;

void EnsureRunning() {
    std::lock_guard lock(vips_mutex);
    if (vips_state == VipsState::kShutDown) {
        throw std::logic_error("media: libvips was shut down");
    }
    if (vips_state == VipsState::kRunning) {
        return;
    }
    if (VIPS_INIT("tuyenvan") != 0) {
        std::string message = vips_error_buffer();
        vips_error_clear();
        throw std::runtime_error("media: cannot start libvips: " + message);
    }
    // A cached load is keyed by the buffer's address: a later upload at the same address could
    // be served the earlier one's pixels. Decoding is the work anyway, so cache nothing.
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    // Only four parsers ever see uploaded bytes.
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    for (const char* loader : {"VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp",
                               "VipsForeignLoadNsgif"}) {
        vips_operation_block_set(loader, FALSE);
    }
    vips_state = VipsState::kRunning;
}

std::string MegabytesText(std::size_t bytes) {
    constexpr std::size_t kMiB = 1024 * 1024;
    if (bytes % kMiB == 0) {
        return std::to_string(bytes / kMiB) + " MB";
    }
    return std::to_string((bytes + 1023) / 1024) + " KB";
}

std::string PixelsText(std::int64_t pixels) {
    if (pixels % 1'000'000 == 0) {
        return std::to_string(pixels / 1'000'000) + " triệu";
    }
    return std::to_string(pixels);
}

[[noreturn]] void ThrowTooLarge(const ImageLimits& limits) {
    throw MediaError(MediaErrorKind::kTooLarge, "Ảnh quá lớn (tối đa " + MegabytesText(limits.max_bytes) + ").");
}

[[noreturn]] void ThrowUnsupported() {
    throw MediaError(MediaErrorKind::kUnsupportedType,
                     "Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF; tệp này không phải là ảnh.");
}

[[noreturn]] void ThrowBroken(const VError& error) {
    throw MediaError(MediaErrorKind::kBroken, "Tệp ảnh bị hỏng hoặc không đầy đủ.", error.what());
}

[[noreturn]] void ThrowTooManyPixels(int width, int height, const ImageLimits& limits) {
    throw MediaError(MediaErrorKind::kTooManyPixels,
                     "Ảnh có kích thước quá lớn (" + std::to_string(width) + " × " + std::to_string(height) +
                         " điểm ảnh; tối đa " + PixelsText(limits.max_pixels) + " điểm ảnh, mỗi cạnh không quá " +
                         std::to_string(limits.max_side) + " điểm ảnh).");
}

struct BlobUnref {
    void operator()(VipsBlob* blob) const { vips_area_unref(VIPS_AREA(blob)); }
};
using BlobPtr = std::unique_ptr<VipsBlob, BlobUnref>;

std::string TakeBytes(VipsBlob* blob) {
    BlobPtr owned(blob);
    std::size_t size = 0;
    const void* data = vips_blob_get(owned.get(), &size);
    return std::string(static_cast<const char*>(data), size);
}

// The upload, wrapped without a copy; it must outlive every image read from it.
BlobPtr WrapBytes(std::string_view bytes) {
    return BlobPtr(vips_blob_new(nullptr, bytes.data(), bytes.size()));
}

VImage LoadHeader(ImageType type, VipsBlob* blob) {
    // Opening reads the header only; pixels are decoded when something asks for them.
    auto* options = VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL);
    switch (type) {
        case ImageType::kJpeg:
            return VImage::jpegload_buffer(blob, options);
        case ImageType::kPng:
            return VImage::pngload_buffer(blob, options);
        case ImageType::kWebp:
            return VImage::webpload_buffer(blob, options);
        case ImageType::kGif:
            return VImage::gifload_buffer(blob, options);
    }
    ThrowUnsupported();
}

// 8-bit sRGB with no metadata at all: later steps and the savers have nothing left to leak.
VImage ToBareSrgb(VImage image) {
    if (image.get_typeof(VIPS_META_ICC_NAME) != 0) {
        try {
            image = image.icc_transform("srgb", VImage::option()
                                                    ->set("embedded", true)
                                                    ->set("intent", VIPS_INTENT_PERCEPTUAL)
                                                    ->set("depth", 8));
        } catch (const VError&) {
            // An unreadable profile: fall back to converting by interpretation below.
        }
    }
    if (image.interpretation() != VIPS_INTERPRETATION_sRGB) {
        image = image.colourspace(VIPS_INTERPRETATION_sRGB);
    }
    if (image.format() != VIPS_FORMAT_UCHAR) {
        image = image.cast(VIPS_FORMAT_UCHAR);
    }
    // copy() gives a new header we may edit without touching images others hold.
    image = image.copy();
    gchar** fields = vips_image_get_fields(image.get_image());
    for (gchar** field = fields; *field != nullptr; ++field) {
        // Basic header fields (width, bands…) are not metadata and are not removed.
        image.remove(*field);
    }
    g_strfreev(fields);
    return image;
}

std::string SaveJpeg(const VImage& image) {
    VImage opaque = image;
    if (opaque.has_alpha()) {
        opaque = opaque.flatten(VImage::option()->set("background", std::vector<double>{255, 255, 255}));
    }
    return TakeBytes(opaque.jpegsave_buffer(VImage::option()
                                                ->set("Q", kJpegQuality)
                                                ->set("interlace", true)
                                                ->set("optimize_coding", true)
                                                ->set("strip", true)));
}

[[noreturn]] void ThrowFailed(const std::string& detail) {
    throw MediaError(MediaErrorKind::kFailed, "Không xử lý được ảnh này; vui lòng thử lại hoặc dùng ảnh khác.",
                     detail);
}

std::uint32_t ReadLe32(std::string_view bytes, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3])) << 24;
}

// libvips 8.14's WebP saver ignores `strip` and writes an EXIF chunk regardless (libvips issue
// #3340), so metadata chunks are removed from the RIFF container here and their VP8X flags
// cleared; the image chunks are kept byte for byte.
std::string WithoutWebpMetadata(std::string_view webp) {
    constexpr std::size_t kRiffHeader = 12;
    constexpr std::size_t kChunkHeader = 8;
    constexpr unsigned char kIccFlag = 0x20;
    constexpr unsigned char kExifFlag = 0x08;
    constexpr unsigned char kXmpFlag = 0x04;
    if (webp.size() < kRiffHeader || !webp.starts_with("RIFF") || webp.substr(8, 4) != "WEBP") {
        ThrowFailed("webpsave wrote no RIFF/WEBP header");
    }
    std::string out(webp.substr(0, kRiffHeader));
    std::size_t vp8x = std::string::npos;
    for (std::size_t at = kRiffHeader; at < webp.size();) {
        if (webp.size() - at < kChunkHeader) {
            ThrowFailed("webpsave wrote a truncated chunk header");
        }
        std::string_view fourcc = webp.substr(at, 4);
        std::size_t size = ReadLe32(webp, at + 4);
        std::size_t padded = size + (size & 1);
        if (padded > webp.size() - at - kChunkHeader) {
            ThrowFailed("webpsave wrote a chunk longer than the file");
        }
        if (fourcc != "EXIF" && fourcc != "XMP " && fourcc != "ICCP") {
            if (fourcc == "VP8X" && size >= 1) {
                vp8x = out.size();
            }
            out.append(webp.substr(at, kChunkHeader + padded));
        }
        at += kChunkHeader + padded;
    }
    if (vp8x != std::string::npos) {
        auto& flags = reinterpret_cast<unsigned char&>(out[vp8x + kChunkHeader]);
        flags = static_cast<unsigned char>(flags & ~(kIccFlag | kExifFlag | kXmpFlag));
    }
    const auto riff_size = static_cast<std::uint32_t>(out.size() - 8);
    for (int i = 0; i < 4; ++i) {
        out[4 + static_cast<std::size_t>(i)] = static_cast<char>((riff_size >> (8 * i)) & 0xff);
    }
    return out;
}

std::string SaveWebp(const VImage& image) {
    return WithoutWebpMetadata(
        TakeBytes(image.webpsave_buffer(VImage::option()->set("Q", kWebpQuality)->set("strip", true))));
}

std::vector<int> VariantWidths(int width) {
    std::vector<int> widths;
    for (int candidate : kVariantWidths) {
        if (candidate <= width) {
            widths.push_back(candidate);
        }
    }
    int largest = std::min(width, kMaxVariantWidth);
    if (widths.empty() || widths.back() != largest) {
        widths.push_back(largest);
    }
    std::sort(widths.begin(), widths.end());
    widths.erase(std::unique(widths.begin(), widths.end()), widths.end());
    return widths;
}

}  // namespace

MediaError::MediaError(MediaErrorKind kind, const std::string& message, std::string detail)
    : std::runtime_error(message), kind_(kind), detail_(std::move(detail)) {}

std::string_view MediaError::Code() const {
    switch (kind_) {
        case MediaErrorKind::kTooLarge:
            return "too_large";
        case MediaErrorKind::kUnsupportedType:
            return "unsupported_type";
        case MediaErrorKind::kBroken:
            return "broken";
        case MediaErrorKind::kTooManyPixels:
            return "too_many_pixels";
        case MediaErrorKind::kFailed:
            return "failed";
    }
    return "failed";
}

void Initialize() { EnsureRunning(); }

void Shutdown() {
    std::lock_guard lock(vips_mutex);
    if (vips_state == VipsState::kRunning) {
        vips_shutdown();
    }
    vips_state = VipsState::kShutDown;
}

ProcessedImage ProcessImage(std::string_view bytes, const ImageLimits& limits) {
    if (bytes.size() > limits.max_bytes) {
        ThrowTooLarge(limits);
    }
    std::optional<ImageType> type = SniffImage(bytes);
    if (!type) {
        ThrowUnsupported();
    }
    EnsureRunning();
    BlobPtr blob = WrapBytes(bytes);

    ProcessedImage result;
    result.source_type = ContentType(*type);
    try {
        VImage header = LoadHeader(*type, blob.get());
        const int width = header.width();
        const int height = header.height();
        if (width > limits.max_side || height > limits.max_side ||
            std::int64_t{width} * height > limits.max_pixels) {
            ThrowTooManyPixels(width, height, limits);
        }
        const bool swap = vips_image_get_orientation_swap(header.get_image());
        result.width = swap ? height : width;
        result.height = swap ? width : height;
    } catch (const VError& error) {
        ThrowBroken(error);
    }

    VImage base;
    try {
        // One decode, shrinking on load where the format allows, upright, at most the largest
        // variant; every pixel is read here, so damage and truncation surface here.
        base = VImage::thumbnail_buffer(blob.get(), std::min(result.width, kMaxVariantWidth),
                                        VImage::option()
                                            ->set("height", kUnboundedHeight)
                                            ->set("size", VIPS_SIZE_DOWN)
                                            // libvips 8.14 does not pass thumbnail's own fail_on
                                            // to the loader; the loader's option string does.
                                            ->set("option_string", "fail_on=error"))
                   .copy_memory();
    } catch (const VError& error) {
        ThrowBroken(error);
    }

    try {
        base = ToBareSrgb(base).copy_memory();
        for (int width : VariantWidths(base.width())) {
            VImage image = width == base.width()
                               ? base
                               : base.thumbnail_image(width, VImage::option()
                                                                 ->set("height", kUnboundedHeight)
                                                                 ->set("size", VIPS_SIZE_DOWN)
                                                                 ->set("no_rotate", true));
            std::string prefix = std::to_string(width);
            result.variants.push_back(
                Variant{prefix + ".jpg", "image/jpeg", image.width(), image.height(), SaveJpeg(image)});
            result.variants.push_back(
                Variant{prefix + ".webp", "image/webp", image.width(), image.height(), SaveWebp(image)});
        }
    } catch (const VError& error) {
        ThrowFailed(error.what());
    }
    return result;
}

namespace {

struct Rgb {
    double r, g, b;
};

Rgb Mix(Rgb a, Rgb b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

Rgb Scale(Rgb c, double f) { return {c.r * f, c.g * f, c.b * f}; }

unsigned char ToByte(double v) { return static_cast<unsigned char>(std::clamp(v, 0.0, 1.0) * 255.0 + 0.5); }

// SplitMix64: tiny, fast and identical everywhere, unlike the distributions of <random>.
class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) : state_(seed) {}
    std::uint64_t Next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double Uniform(double low, double high) {
        return low + (high - low) * static_cast<double>(Next() >> 11) * 0x1.0p-53;
    }
    Rgb Jitter(Rgb c, double amount) {
        return {c.r + Uniform(-amount, amount), c.g + Uniform(-amount, amount), c.b + Uniform(-amount, amount)};
    }

private:
    std::uint64_t state_;
};

struct Sky {
    Rgb top, horizon, sun;
};

constexpr std::array<Sky, 4> kSkies = {{
    {{0.25, 0.45, 0.78}, {0.78, 0.88, 0.95}, {1.00, 0.97, 0.85}},  // clear noon
    {{0.36, 0.40, 0.66}, {0.98, 0.76, 0.56}, {1.00, 0.86, 0.55}},  // dawn
    {{0.30, 0.24, 0.46}, {0.96, 0.58, 0.40}, {1.00, 0.74, 0.42}},  // dusk
    {{0.55, 0.66, 0.74}, {0.88, 0.91, 0.90}, {1.00, 1.00, 0.93}},  // misty morning
}};

constexpr std::array<Rgb, 3> kRidgeColours = {{
    {0.42, 0.55, 0.70},  // far: blue
    {0.22, 0.45, 0.46},  // middle: teal
    {0.20, 0.44, 0.20},  // near: green
}};

constexpr std::array<Rgb, 3> kFieldColours = {{
    {0.42, 0.66, 0.20},  // young rice
    {0.30, 0.55, 0.16},  // ripening rice
    {0.80, 0.70, 0.25},  // harvest gold
}};

constexpr int kRidges = 3;

}  // namespace

std::string MakeDemoPicture(std::uint64_t seed, int width, int height) {
    if (width < 16 || height < 16 || width > 4096 || height > 4096) {
        throw std::invalid_argument("media::MakeDemoPicture: sides must be 16…4096 pixels");
    }
    EnsureRunning();
    DemoRandom random(seed);
    const double w = width;
    const double h = height;
    constexpr double kTau = 2 * std::numbers::pi;

    const Sky& base_sky = kSkies[random.Next() % kSkies.size()];
    const Sky sky{random.Jitter(base_sky.top, 0.05), random.Jitter(base_sky.horizon, 0.04), base_sky.sun};
    const double sun_x = random.Uniform(0.12, 0.88) * w;
    const double sun_y = random.Uniform(0.10, 0.32) * h;
    const double sun_r = random.Uniform(0.035, 0.065) * std::min(w, h);
    const double horizon = random.Uniform(0.40, 0.52) * h;

    // Each ridge is a sum of sines of doubling frequency; nearer ridges sit lower and are gentler.
    std::array<std::vector<double>, kRidges> ridge;
    std::array<Rgb, kRidges> ridge_colour;
    double base_y = horizon;
    for (int k = 0; k < kRidges; ++k) {
        const double amplitude = random.Uniform(0.07, 0.15) * h * (1.0 - 0.25 * k);
        std::array<double, 6> frequency;
        std::array<double, 6> phase;
        for (std::size_t o = 0; o < frequency.size(); ++o) {
            frequency[o] = random.Uniform(0.6, 1.6) * static_cast<double>(1 << o) * kTau / w;
            phase[o] = random.Uniform(0, kTau);
        }
        ridge[k].resize(static_cast<std::size_t>(width));
        for (int x = 0; x < width; ++x) {
            double y = 0;
            for (std::size_t o = 0; o < frequency.size(); ++o) {
                y += std::sin(x * frequency[o] + phase[o]) / static_cast<double>(1 << o);
            }
            ridge[k][static_cast<std::size_t>(x)] = base_y - amplitude * (0.5 + 0.4 * y);
        }
        // Far ridges fade into the haze of the horizon.
        ridge_colour[k] = Mix(random.Jitter(kRidgeColours[k], 0.04), sky.horizon, 0.45 - 0.2 * k);
        base_y += random.Uniform(0.10, 0.16) * h;
    }
    std::array<Rgb, kFieldColours.size()> fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        fields[i] = random.Jitter(kFieldColours[i], 0.05);
    }
    const std::uint64_t field_pattern = random.Next();
    const double terraces = random.Uniform(9, 15);
    const double terrace_tilt = random.Uniform(-0.08, 0.08);

    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    auto* out = pixels.data();
    for (int y = 0; y < height; ++y) {
        const Rgb sky_row = Mix(sky.top, sky.horizon, std::min(1.0, y / horizon));
        for (int x = 0; x < width; ++x) {
            const auto column = static_cast<std::size_t>(x);
            int layer = kRidges - 1;
            while (layer >= 0 && y < ridge[layer][column]) {
                --layer;
            }
            Rgb colour;
            if (layer < 0) {
                const double dx = x - sun_x;
                const double dy = y - sun_y;
                const double distance = std::sqrt(dx * dx + dy * dy);
                colour = sky_row;
                if (distance < sun_r) {
                    colour = sky.sun;
                } else if (distance < 8 * sun_r) {
                    colour = Mix(colour, sky.sun, 0.45 * std::exp(-(distance - sun_r) / (1.5 * sun_r)));
                }
            } else {
                const double depth = y - ridge[layer][column];
                // A lit crest, darkening down the slope.
                colour = Mix(Scale(ridge_colour[layer], 1.12), Scale(ridge_colour[layer], 0.82),
                             std::min(1.0, depth / (0.25 * h)));
                if (layer == kRidges - 1) {
                    // Terraces follow the hill's contour and widen towards the viewer.
                    const double t = std::sqrt(std::max(0.0, depth + terrace_tilt * (x - w / 2)) / h) * terraces;
                    const double band = std::floor(t);
                    const double within = t - band;
                    const auto index = static_cast<std::uint64_t>(band) * 0x9e3779b97f4a7c15ULL + field_pattern;
                    Rgb field = fields[(index >> 60) % fields.size()];
                    field = Scale(field, 0.9 + 0.2 * within);
                    // The earth wall at the top of each terrace.
                    colour = within < 0.12 ? Scale(field, 0.62) : field;
                }
            }
            *out++ = ToByte(colour.r);
            *out++ = ToByte(colour.g);
            *out++ = ToByte(colour.b);
        }
    }

    try {
        VImage image = VImage::new_from_memory(pixels.data(), pixels.size(), width, height, 3, VIPS_FORMAT_UCHAR);
        // Baseline and unoptimised: this is source material for ProcessImage, and twice as fast.
        return TakeBytes(image.jpegsave_buffer(VImage::option()->set("Q", 88)->set("strip", true)));
    } catch (const VError& error) {
        throw std::runtime_error(std::string("media::MakeDemoPicture: ") + error.what());
    }
}

}  // namespace tuyenvan::media
