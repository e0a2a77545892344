#include <gtest/gtest.h>
#include <vips/vips8>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "platform/media/image.hpp"
#include "platform/media/sniff.hpp"

namespace tuyenvan::media {
namespace {

using vips::VImage;

// libvips starts once for the whole run and is shut down at the end, so leak checking sees only
// what is really lost.
class VipsEnvironment : public ::testing::Environment {
public:
    void SetUp() override { Initialize(); }
    void TearDown() override { Shutdown(); }
};
[[maybe_unused]] ::testing::Environment* const kVipsEnvironment =
    ::testing::AddGlobalTestEnvironment(new VipsEnvironment);

// ---- byte builders -------------------------------------------------------------------------

void PutLe16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xff);
    out += static_cast<char>((v >> 8) & 0xff);
}

void PutLe32(std::string& out, std::uint32_t v) {
    PutLe16(out, v & 0xffff);
    PutLe16(out, v >> 16);
}

void PutBe16(std::string& out, std::uint32_t v) {
    out += static_cast<char>((v >> 8) & 0xff);
    out += static_cast<char>(v & 0xff);
}

void PutBe32(std::string& out, std::uint32_t v) {
    PutBe16(out, v >> 16);
    PutBe16(out, v & 0xffff);
}

struct ZipEntry {
    std::string name;
    std::string data;
};

// A ZIP of stored entries; with `descriptors`, sizes are left zero in the local headers and given
// in a data descriptor after each entry, as streaming writers do.
std::string Zip(const std::vector<ZipEntry>& entries, bool descriptors = false) {
    std::string out;
    std::string central;
    for (const auto& entry : entries) {
        std::uint32_t offset = static_cast<std::uint32_t>(out.size());
        auto size = static_cast<std::uint32_t>(entry.data.size());
        std::uint32_t declared = descriptors ? 0 : size;
        out += "PK\x03\x04";
        PutLe16(out, 20);
        PutLe16(out, descriptors ? 0x0008 : 0);
        PutLe16(out, 0);  // stored
        PutLe32(out, 0);  // time and date
        PutLe32(out, 0);  // CRC, not checked by the sniffer
        PutLe32(out, declared);
        PutLe32(out, declared);
        PutLe16(out, static_cast<std::uint32_t>(entry.name.size()));
        PutLe16(out, 0);
        out += entry.name;
        out += entry.data;
        if (descriptors) {
            out += "PK\x07\x08";
            PutLe32(out, 0);
            PutLe32(out, size);
            PutLe32(out, size);
        }
        central += "PK\x01\x02";
        PutLe16(central, 20);
        PutLe16(central, 20);
        PutLe16(central, descriptors ? 0x0008 : 0);
        PutLe16(central, 0);
        PutLe32(central, 0);
        PutLe32(central, 0);
        PutLe32(central, size);
        PutLe32(central, size);
        PutLe16(central, static_cast<std::uint32_t>(entry.name.size()));
        PutLe16(central, 0);
        PutLe16(central, 0);
        PutLe16(central, 0);
        PutLe16(central, 0);
        PutLe32(central, 0);
        PutLe32(central, offset);
        central += entry.name;
    }
    auto central_offset = static_cast<std::uint32_t>(out.size());
    out += central;
    out += "PK\x05\x06";
    PutLe32(out, 0);
    PutLe16(out, static_cast<std::uint32_t>(entries.size()));
    PutLe16(out, static_cast<std::uint32_t>(entries.size()));
    PutLe32(out, static_cast<std::uint32_t>(central.size()));
    PutLe32(out, central_offset);
    PutLe16(out, 0);
    return out;
}

const std::string kContentTypes = "<?xml version=\"1.0\"?><Types/>";

std::string Docx() {
    return Zip({{"[Content_Types].xml", kContentTypes},
                {"_rels/.rels", "<Relationships/>"},
                {"word/document.xml", "<w:document>Báo cáo</w:document>"}});
}

std::string Xlsx(bool descriptors = false) {
    return Zip({{"[Content_Types].xml", kContentTypes},
                {"xl/workbook.xml", "<workbook/>"},
                {"xl/worksheets/sheet1.xml", "<worksheet/>"}},
               descriptors);
}

std::uint32_t Crc32(std::string_view bytes) {
    std::uint32_t crc = 0xffffffff;
    for (char c : bytes) {
        crc ^= static_cast<unsigned char>(c);
        for (int k = 0; k < 8; ++k) {
            crc = (crc >> 1) ^ (0xedb88320 & (0 - (crc & 1)));
        }
    }
    return ~crc;
}

void PutPngChunk(std::string& out, std::string_view type, std::string_view data) {
    PutBe32(out, static_cast<std::uint32_t>(data.size()));
    std::string body(type);
    body += data;
    out += body;
    PutBe32(out, Crc32(body));
}

// A well-formed PNG header declaring width × height RGB pixels, followed by a token IDAT.
std::string PngHeaderOnly(std::uint32_t width, std::uint32_t height) {
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    PutBe32(ihdr, width);
    PutBe32(ihdr, height);
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);
    PutPngChunk(png, "IHDR", ihdr);
    PutPngChunk(png, "IDAT", std::string("\x78\x9c\x03\x00\x00\x00\x00\x01", 8));
    PutPngChunk(png, "IEND", "");
    return png;
}

std::string TakeBlob(VipsBlob* blob) {
    std::size_t size = 0;
    const void* data = vips_blob_get(blob, &size);
    std::string out(static_cast<const char*>(data), size);
    vips_area_unref(VIPS_AREA(blob));
    return out;
}

// A width × height sRGB image, left half `left`, right half `right` (3 or 4 bands).
VImage TwoTone(int width, int height, const std::vector<double>& left, const std::vector<double>& right) {
    VImage canvas = VImage::black(width, height, VImage::option()->set("bands", static_cast<int>(left.size())));
    VImage left_half = canvas.extract_area(0, 0, width / 2, height).new_from_image(left);
    VImage right_half = canvas.extract_area(0, 0, width - width / 2, height).new_from_image(right);
    return left_half.join(right_half, VIPS_DIRECTION_HORIZONTAL)
        .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB))
        .cast(VIPS_FORMAT_UCHAR);
}

std::string Png(const VImage& image) { return TakeBlob(image.pngsave_buffer()); }

std::string Jpeg(const VImage& image, bool keep_metadata = false) {
    return TakeBlob(image.jpegsave_buffer(VImage::option()->set("Q", 90)->set("strip", !keep_metadata)));
}

std::string JpegSegment(unsigned char marker, std::string_view payload) {
    std::string out;
    out += '\xff';
    out += static_cast<char>(marker);
    PutBe16(out, static_cast<std::uint32_t>(payload.size() + 2));
    out += payload;
    return out;
}

constexpr std::string_view kSecretMake = "Tuyenvan-Secret-Camera";
constexpr std::string_view kSecretXmp = "SecretXmpMarker";
constexpr std::string_view kSecretIptc = "SecretIptcCaption";

// An Exif APP1 payload (little-endian TIFF): IFD0 with Make, Orientation = `orientation` and a GPS
// IFD pointer; the GPS IFD with version, N 21°2'3" and E 105°51'0".
std::string ExifPayload(int orientation) {
    std::string tiff = "II*";
    tiff += '\0';
    PutLe32(tiff, 8);
    auto entry = [&tiff](std::uint32_t tag, std::uint32_t type, std::uint32_t count, std::uint32_t value) {
        PutLe16(tiff, tag);
        PutLe16(tiff, type);
        PutLe32(tiff, count);
        PutLe32(tiff, value);
    };
    constexpr std::uint32_t kIfd0 = 8;
    constexpr std::uint32_t kIfd0Size = 2 + 3 * 12 + 4;
    constexpr std::uint32_t kGps = kIfd0 + kIfd0Size;
    constexpr std::uint32_t kGpsSize = 2 + 5 * 12 + 4;
    constexpr std::uint32_t kMake = kGps + kGpsSize;
    const std::uint32_t make_size = static_cast<std::uint32_t>(kSecretMake.size() + 1);
    const std::uint32_t latitude = kMake + make_size + (make_size % 2);
    const std::uint32_t longitude = latitude + 24;

    PutLe16(tiff, 3);
    entry(0x010f, 2, make_size, kMake);                       // Make, ASCII
    entry(0x0112, 3, 1, static_cast<std::uint32_t>(orientation));  // Orientation, SHORT
    entry(0x8825, 4, 1, kGps);                                // GPS IFD pointer
    PutLe32(tiff, 0);

    PutLe16(tiff, 5);
    entry(0x0000, 1, 4, 0x00000202);   // GPSVersionID 2.2.0.0
    entry(0x0001, 2, 2, 'N');          // GPSLatitudeRef
    entry(0x0002, 5, 3, latitude);     // GPSLatitude
    entry(0x0003, 2, 2, 'E');          // GPSLongitudeRef
    entry(0x0004, 5, 3, longitude);    // GPSLongitude
    PutLe32(tiff, 0);

    tiff += kSecretMake;
    tiff += '\0';
    if (make_size % 2) {
        tiff += '\0';
    }
    for (std::uint32_t value : {21u, 2u, 3u, 105u, 51u, 0u}) {
        PutLe32(tiff, value);
        PutLe32(tiff, 1);
    }
    return std::string("Exif\0\0", 6) + tiff;
}

std::string XmpPayload() {
    return std::string("http://ns.adobe.com/xap/1.0/\0", 29) +
           "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
           "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
           "xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"21,2.05N\" exif:UserComment=\"" +
           std::string(kSecretXmp) + "\"/></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
}

std::string IptcPayload() {
    std::string record = "\x1c\x02\x78";  // IPTC 2:120 caption
    PutBe16(record, static_cast<std::uint32_t>(kSecretIptc.size()));
    record += kSecretIptc;
    std::string payload("Photoshop 3.0\0", 14);
    payload += "8BIM";
    PutBe16(payload, 0x0404);
    payload += std::string("\0\0", 2);
    PutBe32(payload, static_cast<std::uint32_t>(record.size()));
    payload += record;
    if (record.size() % 2) {
        payload += '\0';
    }
    return payload;
}

// A JPEG carrying Exif (with GPS and orientation 6, "rotate 90° clockwise to view"), XMP, IPTC, an
// ICC profile and a comment; stored 400 × 200, left half red, right half blue.
std::string JpegWithEverything() {
    VImage image = TwoTone(400, 200, {220, 20, 20}, {20, 20, 220}).icc_transform("srgb");
    std::string with_icc = Jpeg(image, true);
    EXPECT_NE(with_icc.find("ICC_PROFILE"), std::string::npos) << "the test input should carry an ICC profile";
    std::string segments = JpegSegment(0xe1, ExifPayload(6)) + JpegSegment(0xe1, XmpPayload()) +
                           JpegSegment(0xed, IptcPayload()) + JpegSegment(0xfe, "comment: " + std::string(kSecretMake));
    return with_icc.substr(0, 2) + segments + with_icc.substr(2);
}

VImage Decode(const std::string& bytes) {
    return VImage::new_from_buffer(bytes.data(), bytes.size(), "",
                                   VImage::option()->set("access", VIPS_ACCESS_RANDOM));
}

MediaError Refusal(std::string_view bytes, const ImageLimits& limits = {}) {
    try {
        ProcessImage(bytes, limits);
    } catch (const MediaError& error) {
        return error;
    }
    ADD_FAILURE() << "expected a MediaError";
    return MediaError(MediaErrorKind::kFailed, "");
}

std::vector<std::string> Names(const ProcessedImage& image) {
    std::vector<std::string> names;
    for (const auto& variant : image.variants) {
        names.push_back(variant.name);
    }
    return names;
}

// ---- sniffing ------------------------------------------------------------------------------

TEST(SniffImage, KnowsEachFormatByItsSignature) {
    EXPECT_EQ(SniffImage(std::string_view("\xff\xd8\xff\xe0\x00\x10JFIF", 10)), ImageType::kJpeg);
    EXPECT_EQ(SniffImage(std::string_view("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), ImageType::kPng);
    EXPECT_EQ(SniffImage("GIF89a\x01\x00\x01\x00"), ImageType::kGif);
    EXPECT_EQ(SniffImage("GIF87a"), ImageType::kGif);
    EXPECT_EQ(SniffImage(std::string_view("RIFF\x24\0\0\0WEBPVP8 ", 16)), ImageType::kWebp);
    EXPECT_EQ(SniffImage(std::string_view("RIFF\x24\0\0\0WEBPVP8L", 16)), ImageType::kWebp);
    EXPECT_EQ(SniffImage(std::string_view("RIFF\x24\0\0\0WEBPVP8X", 16)), ImageType::kWebp);
    EXPECT_EQ(ContentType(ImageType::kWebp), "image/webp");
    EXPECT_EQ(Extension(ImageType::kJpeg), "jpg");
}

TEST(SniffImage, RefusesEverythingElse) {
    EXPECT_FALSE(SniffImage(""));
    EXPECT_FALSE(SniffImage("\xff\xd8"));
    EXPECT_FALSE(SniffImage("Xin chào, đây là văn bản."));
    EXPECT_FALSE(SniffImage("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
    EXPECT_FALSE(SniffImage("%PDF-1.7"));
    EXPECT_FALSE(SniffImage(std::string_view("RIFF\x24\0\0\0WAVEfmt ", 16)));
    EXPECT_FALSE(SniffImage(std::string_view("RIFF\x24\0\0\0WEBPVP9 ", 16)));
    EXPECT_FALSE(SniffImage("II*\0"));  // TIFF
    EXPECT_FALSE(SniffImage(Docx()));
}

TEST(SniffImage, AgreesWithRealEncoders) {
    VImage image = TwoTone(64, 48, {10, 120, 200}, {240, 200, 10});
    EXPECT_EQ(SniffImage(Jpeg(image)), ImageType::kJpeg);
    EXPECT_EQ(SniffImage(Png(image)), ImageType::kPng);
    EXPECT_EQ(SniffImage(TakeBlob(image.webpsave_buffer())), ImageType::kWebp);
    EXPECT_EQ(SniffImage(TakeBlob(image.webpsave_buffer(VImage::option()->set("lossless", true)))), ImageType::kWebp);
    EXPECT_EQ(SniffImage(TakeBlob(image.gifsave_buffer())), ImageType::kGif);
}

TEST(SniffDocument, KnowsPdfDocxAndXlsx) {
    auto pdf = SniffDocument("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj");
    ASSERT_TRUE(pdf);
    EXPECT_EQ(pdf->type, DocumentType::kPdf);
    EXPECT_EQ(pdf->content_type, "application/pdf");
    EXPECT_EQ(pdf->extension, "pdf");

    auto docx = SniffDocument(Docx());
    ASSERT_TRUE(docx);
    EXPECT_EQ(docx->type, DocumentType::kDocx);
    EXPECT_EQ(docx->content_type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    EXPECT_EQ(docx->extension, "docx");

    auto xlsx = SniffDocument(Xlsx());
    ASSERT_TRUE(xlsx);
    EXPECT_EQ(xlsx->type, DocumentType::kXlsx);
    EXPECT_EQ(xlsx->content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(xlsx->extension, "xlsx");
}

TEST(SniffDocument, WalksZipsWhoseSizesFollowTheData) {
    auto xlsx = SniffDocument(Xlsx(true));
    ASSERT_TRUE(xlsx);
    EXPECT_EQ(xlsx->type, DocumentType::kXlsx);
}

TEST(SniffDocument, RefusesOtherZipsAndOtherBytes) {
    EXPECT_FALSE(SniffDocument(""));
    EXPECT_FALSE(SniffDocument("PK"));
    EXPECT_FALSE(SniffDocument("Hello %PDF-1.4"));
    EXPECT_FALSE(SniffDocument(std::string_view("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8)));  // old .doc, encrypted OOXML
    // A plain ZIP, an OpenDocument text, a package with no content types, one claiming both kinds.
    EXPECT_FALSE(SniffDocument(Zip({{"word/document.xml", "<x/>"}})));
    EXPECT_FALSE(SniffDocument(Zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                    {"content.xml", "<office:document-content/>"}})));
    EXPECT_FALSE(SniffDocument(Zip({{"[Content_Types].xml", kContentTypes}, {"ppt/presentation.xml", "<p/>"}})));
    EXPECT_FALSE(SniffDocument(Zip({{"[Content_Types].xml", kContentTypes},
                                    {"word/document.xml", "<w/>"},
                                    {"xl/workbook.xml", "<x/>"}})));
    EXPECT_FALSE(SniffDocument(Zip({{"[Content_Types].xml.bak", kContentTypes}, {"word/document.xml", "<w/>"}})));
}

TEST(SniffDocument, StopsSafelyAtEveryTruncation) {
    const std::string docx = Docx();
    for (std::size_t size = 0; size < docx.size(); ++size) {
        // Each prefix is judged from what it holds; none reads past its end (ASan checks).
        auto kind = SniffDocument(std::string_view(docx).substr(0, size));
        if (kind) {
            EXPECT_EQ(kind->type, DocumentType::kDocx) << size;
        }
    }
    // A header whose sizes point far past the end.
    std::string lying = docx;
    lying[18] = '\xff';
    lying[19] = '\xff';
    lying[20] = '\xff';
    lying[21] = '\x7f';
    EXPECT_FALSE(SniffDocument(lying));
}

TEST(SniffDocument, TheBytesDecideNotTheName) {
    // "bao-cao.pdf" whose bytes are a DOCX is a DOCX, and the name does not agree with it.
    auto kind = SniffDocument(Docx());
    ASSERT_TRUE(kind);
    EXPECT_EQ(kind->type, DocumentType::kDocx);
    EXPECT_FALSE(NameMatches("bao-cao.pdf", kind->extension));
    EXPECT_TRUE(NameMatches("Báo cáo quý 1.DOCX", kind->extension));
    // A picture called .pdf is not a document at all.
    EXPECT_FALSE(SniffDocument(Jpeg(TwoTone(32, 32, {1, 2, 3}, {4, 5, 6}))));
}

TEST(NameMatchesTest, ComparesTheLastExtensionIgnoringCase) {
    EXPECT_TRUE(NameMatches("anh.jpg", "jpg"));
    EXPECT_TRUE(NameMatches("ảnh đẹp.JPEG", "jpg"));
    EXPECT_TRUE(NameMatches("a.Jpe", "jpg"));
    EXPECT_TRUE(NameMatches("so-lieu.xlsx", "xlsx"));
    EXPECT_FALSE(NameMatches("so-lieu.xlsx.exe", "xlsx"));
    EXPECT_FALSE(NameMatches("pdf", "pdf"));
    EXPECT_FALSE(NameMatches("a.pdf", "docx"));
    EXPECT_FALSE(NameMatches("a.jpeg", "png"));
    EXPECT_FALSE(NameMatches("", "png"));
}

// ---- processing ----------------------------------------------------------------------------

TEST(ProcessImage, MakesJpegAndWebpAtEachWidthNeverUpscaling) {
    ProcessedImage large = ProcessImage(Jpeg(TwoTone(2500, 1000, {200, 40, 40}, {40, 40, 200})));
    EXPECT_EQ(large.width, 2500);
    EXPECT_EQ(large.height, 1000);
    EXPECT_EQ(large.source_type, "image/jpeg");
    EXPECT_EQ(Names(large), (std::vector<std::string>{"320.jpg", "320.webp", "640.jpg", "640.webp", "1280.jpg",
                                                       "1280.webp", "1920.jpg", "1920.webp"}));
    for (const auto& variant : large.variants) {
        const int expected = std::stoi(variant.name);
        EXPECT_EQ(variant.width, expected) << variant.name;
        EXPECT_NEAR(variant.height, expected * 1000 / 2500, 1) << variant.name;
        VImage decoded = Decode(variant.data);
        EXPECT_EQ(decoded.width(), variant.width);
        EXPECT_EQ(decoded.height(), variant.height);
        const bool jpeg = variant.name.ends_with(".jpg");
        EXPECT_EQ(variant.content_type, jpeg ? "image/jpeg" : "image/webp");
        EXPECT_EQ(SniffImage(variant.data), jpeg ? ImageType::kJpeg : ImageType::kWebp);
    }

    ProcessedImage middle = ProcessImage(Png(TwoTone(1000, 500, {1, 2, 3}, {4, 5, 6})));
    EXPECT_EQ(middle.source_type, "image/png");
    EXPECT_EQ(Names(middle),
              (std::vector<std::string>{"320.jpg", "320.webp", "640.jpg", "640.webp", "1000.jpg", "1000.webp"}));

    ProcessedImage small = ProcessImage(Png(TwoTone(300, 120, {1, 2, 3}, {4, 5, 6})));
    EXPECT_EQ(Names(small), (std::vector<std::string>{"300.jpg", "300.webp"}));
    for (const auto& variant : small.variants) {
        EXPECT_EQ(variant.width, 300);
        EXPECT_EQ(variant.height, 120);
    }

    ProcessedImage exact = ProcessImage(Png(TwoTone(640, 64, {1, 2, 3}, {4, 5, 6})));
    EXPECT_EQ(Names(exact), (std::vector<std::string>{"320.jpg", "320.webp", "640.jpg", "640.webp"}));
}

TEST(ProcessImage, JpegVariantsAreProgressiveAndOpaqueOnWhite) {
    // Half-transparent red on the left, fully transparent on the right.
    ProcessedImage image = ProcessImage(Png(TwoTone(400, 200, {255, 0, 0, 128}, {0, 0, 255, 0})));
    ASSERT_EQ(image.variants.size(), 4u);
    for (const auto& variant : image.variants) {
        VImage decoded = Decode(variant.data);
        if (variant.content_type == "image/jpeg") {
            EXPECT_EQ(decoded.bands(), 3) << variant.name;
            EXPECT_FALSE(decoded.has_alpha()) << variant.name;
            EXPECT_TRUE(decoded.get_typeof("interlaced") != 0 && decoded.get_int("interlaced") == 1)
                << variant.name << " should be progressive";
            // Transparent becomes white; half-transparent red becomes pink.
            std::vector<double> right = decoded.getpoint(decoded.width() * 3 / 4, decoded.height() / 2);
            EXPECT_GT(right[0], 245);
            EXPECT_GT(right[1], 245);
            EXPECT_GT(right[2], 245);
            std::vector<double> left = decoded.getpoint(decoded.width() / 4, decoded.height() / 2);
            EXPECT_GT(left[0], 240);
            EXPECT_NEAR(left[1], 127, 12);
            EXPECT_NEAR(left[2], 127, 12);
        } else {
            EXPECT_EQ(decoded.bands(), 4) << "WebP keeps transparency";
        }
    }
}

TEST(ProcessImage, StripsExifGpsXmpIptcIccAndCommentsAndTurnsThePictureUpright) {
    const std::string input = JpegWithEverything();
    VImage source = Decode(input);
    // The input really carries what must go.
    ASSERT_NE(source.get_typeof(VIPS_META_EXIF_NAME), 0u);
    ASSERT_NE(source.get_typeof("exif-ifd3-GPSLatitude"), 0u);
    ASSERT_NE(source.get_typeof(VIPS_META_XMP_NAME), 0u);
    ASSERT_NE(source.get_typeof(VIPS_META_IPTC_NAME), 0u);
    ASSERT_NE(source.get_typeof(VIPS_META_ICC_NAME), 0u);
    ASSERT_EQ(source.get_int(VIPS_META_ORIENTATION), 6);
    ASSERT_EQ(source.width(), 400);

    ProcessedImage image = ProcessImage(input);
    EXPECT_EQ(image.width, 200);
    EXPECT_EQ(image.height, 400);
    ASSERT_EQ(Names(image), (std::vector<std::string>{"200.jpg", "200.webp"}));
    for (const auto& variant : image.variants) {
        SCOPED_TRACE(variant.name);
        for (std::string_view marker : {std::string_view("Exif"), std::string_view("EXIF"), kSecretMake, kSecretXmp,
                                        kSecretIptc, std::string_view("http://ns.adobe.com"),
                                        std::string_view("Photoshop"), std::string_view("ICC_PROFILE"),
                                        std::string_view("ICCP"), std::string_view("XMP "),
                                        std::string_view("comment")}) {
            EXPECT_EQ(variant.data.find(marker), std::string::npos) << "found " << marker;
        }
        VImage decoded = Decode(variant.data);
        gchar** fields = vips_image_get_fields(decoded.get_image());
        for (gchar** field = fields; *field != nullptr; ++field) {
            std::string_view name(*field);
            EXPECT_FALSE(name.starts_with("exif-") || name.starts_with("xmp") || name.starts_with("iptc") ||
                         name.starts_with("icc") || name == VIPS_META_ORIENTATION || name.ends_with("comment"))
                << "metadata left: " << name;
        }
        g_strfreev(fields);
        EXPECT_EQ(decoded.width(), 200);
        EXPECT_EQ(decoded.height(), 400);
        // Turned a quarter clockwise: the stored left half (red) is now on top.
        std::vector<double> top = decoded.getpoint(100, 80);
        std::vector<double> bottom = decoded.getpoint(100, 320);
        EXPECT_GT(top[0], 150);
        EXPECT_LT(top[2], 100);
        EXPECT_LT(bottom[0], 100);
        EXPECT_GT(bottom[2], 150);
    }
}

TEST(ProcessImage, AcceptsGifAndWebp) {
    VImage picture = TwoTone(500, 300, {30, 160, 60}, {250, 220, 40});
    ProcessedImage gif = ProcessImage(TakeBlob(picture.gifsave_buffer()));
    EXPECT_EQ(gif.source_type, "image/gif");
    EXPECT_EQ(Names(gif), (std::vector<std::string>{"320.jpg", "320.webp", "500.jpg", "500.webp"}));
    ProcessedImage webp = ProcessImage(TakeBlob(picture.webpsave_buffer()));
    EXPECT_EQ(webp.source_type, "image/webp");
    EXPECT_EQ(webp.width, 500);
    EXPECT_EQ(webp.height, 300);
}

TEST(ProcessImage, ConvertsCmykGreyAndSixteenBitInputToSrgb) {
    VImage colour = TwoTone(400, 200, {200, 40, 40}, {40, 40, 200});
    std::vector<std::pair<std::string, std::string>> inputs = {
        {"CMYK JPEG", Jpeg(colour.icc_transform("cmyk"), true)},
        {"grey PNG", Png(colour.colourspace(VIPS_INTERPRETATION_B_W))},
        {"16-bit PNG", Png(colour.colourspace(VIPS_INTERPRETATION_RGB16))},
    };
    ASSERT_EQ(Decode(inputs[0].second).interpretation(), VIPS_INTERPRETATION_CMYK);
    for (const auto& [label, bytes] : inputs) {
        SCOPED_TRACE(label);
        ProcessedImage image = ProcessImage(bytes);
        ASSERT_EQ(Names(image), (std::vector<std::string>{"320.jpg", "320.webp", "400.jpg", "400.webp"}));
        for (const auto& variant : image.variants) {
            VImage decoded = Decode(variant.data);
            EXPECT_EQ(decoded.bands(), 3) << variant.name;
            EXPECT_EQ(decoded.format(), VIPS_FORMAT_UCHAR) << variant.name;
            EXPECT_EQ(decoded.interpretation(), VIPS_INTERPRETATION_sRGB) << variant.name;
            EXPECT_EQ(variant.data.find("ICC_PROFILE"), std::string::npos) << variant.name;
        }
    }
}

TEST(ProcessImage, RefusesTruncatedImagesAsBroken) {
    const std::string jpeg = MakeDemoPicture(7, 800, 600);
    const std::string png = Png(Decode(jpeg));
    for (const std::string* whole : {&jpeg, &png}) {
        for (double fraction : {0.3, 0.6, 0.95}) {
            std::string cut = whole->substr(0, static_cast<std::size_t>(static_cast<double>(whole->size()) * fraction));
            MediaError error = Refusal(cut);
            EXPECT_EQ(error.Code(), "broken") << fraction << " of " << (whole == &jpeg ? "JPEG" : "PNG");
            EXPECT_STREQ(error.what(), "Tệp ảnh bị hỏng hoặc không đầy đủ.");
        }
    }
    // Damage inside the compressed data of a PNG fails its checksums.
    std::string damaged = png;
    for (std::size_t i = damaged.size() / 2; i < damaged.size() / 2 + 64; ++i) {
        damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
    }
    EXPECT_EQ(Refusal(damaged).Code(), "broken");
    // A signature and nothing else.
    EXPECT_EQ(Refusal(std::string_view("\xff\xd8\xff\xe0", 4)).Code(), "broken");
}

TEST(ProcessImage, RefusesWhatIsNotAnImage) {
    for (std::string_view bytes : {std::string_view("Xin chào, đây không phải là ảnh."), std::string_view(""),
                                   std::string_view("%PDF-1.7\n"), std::string_view("<svg/>")}) {
        MediaError error = Refusal(bytes);
        EXPECT_EQ(error.Code(), "unsupported_type");
        EXPECT_EQ(error.Kind(), MediaErrorKind::kUnsupportedType);
        EXPECT_STREQ(error.what(), "Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF; tệp này không phải là ảnh.");
    }
    EXPECT_EQ(Refusal(Docx()).Code(), "unsupported_type");
    // TIFF is decodable by libvips but not accepted.
    VImage image = TwoTone(40, 40, {1, 2, 3}, {4, 5, 6});
    const std::string tiff = TakeBlob(image.tiffsave_buffer());
    EXPECT_EQ(Refusal(tiff).Code(), "unsupported_type");
    // Initialize leaves libvips only the four loaders we accept, so no other parser sees uploads.
    EXPECT_THROW(Decode(tiff).avg(), vips::VError);
    EXPECT_THROW(Decode("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\"/>").avg(), vips::VError);
}

TEST(ProcessImage, RefusesPixelBombsFromTheHeaderAlone) {
    const std::string bomb = PngHeaderOnly(100000, 100000);
    auto started = std::chrono::steady_clock::now();
    MediaError error = Refusal(bomb);
    auto elapsed = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(error.Code(), "too_many_pixels");
    EXPECT_NE(std::string_view(error.what()).find("100000 × 100000"), std::string_view::npos) << error.what();
    EXPECT_NE(std::string_view(error.what()).find("tối đa 50 triệu điểm ảnh"), std::string_view::npos);
    EXPECT_LT(elapsed, std::chrono::milliseconds(500));

    // One side too long although the area is small; and the limits can be lowered.
    EXPECT_EQ(Refusal(PngHeaderOnly(20000, 10)).Code(), "too_many_pixels");
    ImageLimits tight;
    tight.max_pixels = 10'000;
    EXPECT_EQ(Refusal(Png(TwoTone(200, 100, {1, 2, 3}, {4, 5, 6})), tight).Code(), "too_many_pixels");
}

TEST(ProcessImage, RefusesOversizedInputBeforeLookingAtIt) {
    std::string huge(std::size_t{20} * 1024 * 1024 + 1, '\0');
    huge.replace(0, 3, "\xff\xd8\xff");
    MediaError error = Refusal(huge);
    EXPECT_EQ(error.Code(), "too_large");
    EXPECT_STREQ(error.what(), "Ảnh quá lớn (tối đa 20 MB).");

    ImageLimits small;
    small.max_bytes = 1000;
    EXPECT_EQ(Refusal(MakeDemoPicture(1, 320, 200), small).Code(), "too_large");
}

TEST(ProcessImage, RunsOnManyThreadsAtOnce) {
    constexpr int kThreads = 8;
    std::vector<std::string> inputs;
    std::vector<ProcessedImage> expected;
    for (int i = 0; i < kThreads; ++i) {
        inputs.push_back(MakeDemoPicture(static_cast<std::uint64_t>(100 + i), 900 + 40 * i, 500));
        expected.push_back(ProcessImage(inputs.back()));
    }
    std::vector<ProcessedImage> results(kThreads);
    std::vector<std::string> failures(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            try {
                for (int round = 0; round < 3; ++round) {
                    results[static_cast<std::size_t>(i)] = ProcessImage(inputs[static_cast<std::size_t>(i)]);
                }
            } catch (const std::exception& error) {
                failures[static_cast<std::size_t>(i)] = error.what();
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    for (std::size_t i = 0; i < kThreads; ++i) {
        EXPECT_EQ(failures[i], "");
        ASSERT_EQ(results[i].variants.size(), expected[i].variants.size());
        for (std::size_t v = 0; v < results[i].variants.size(); ++v) {
            EXPECT_TRUE(results[i].variants[v].data == expected[i].variants[v].data)
                << "thread " << i << " variant " << results[i].variants[v].name;
        }
    }
}

// ---- demo pictures -------------------------------------------------------------------------

double MeanDifference(const std::string& a, const std::string& b) {
    VImage difference = (Decode(a).cast(VIPS_FORMAT_INT) - Decode(b).cast(VIPS_FORMAT_INT)).abs();
    return difference.avg();
}

TEST(MakeDemoPicture, IsDeterministicAndDiffersBySeed) {
    const std::string first = MakeDemoPicture(42, 640, 360);
    EXPECT_TRUE(first == MakeDemoPicture(42, 640, 360));
    VImage decoded = Decode(first);
    EXPECT_EQ(decoded.width(), 640);
    EXPECT_EQ(decoded.height(), 360);
    EXPECT_EQ(decoded.bands(), 3);
    for (std::uint64_t seed : {1u, 2u, 3u, 43u, 1000u}) {
        EXPECT_GT(MeanDifference(first, MakeDemoPicture(seed, 640, 360)), 8.0) << "seed " << seed;
    }
    // A picture, not a flat field: the pixels vary.
    EXPECT_GT(decoded.deviate(), 20.0);
    EXPECT_THROW(MakeDemoPicture(1, 8, 8), std::invalid_argument);
    EXPECT_THROW(MakeDemoPicture(1, 5000, 100), std::invalid_argument);
}

TEST(MakeDemoPicture, IsAcceptedByProcessImage) {
    ProcessedImage image = ProcessImage(MakeDemoPicture(2024, 1280, 720));
    EXPECT_EQ(image.width, 1280);
    EXPECT_EQ(image.height, 720);
    EXPECT_EQ(image.source_type, "image/jpeg");
    EXPECT_EQ(Names(image), (std::vector<std::string>{"320.jpg", "320.webp", "640.jpg", "640.webp", "1280.jpg",
                                                       "1280.webp"}));
}

TEST(MakeDemoPicture, IsFast) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "timings mean nothing under AddressSanitizer";
#else
    // Processor time of this process, so a busy build machine does not make the test flaky.
    auto cpu_ms = [] {
        timespec now{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
        return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
    };
    double best = 1e9;
    for (int i = 0; i < 5; ++i) {
        double started = cpu_ms();
        std::string picture = MakeDemoPicture(static_cast<std::uint64_t>(i), 1280, 720);
        best = std::min(best, cpu_ms() - started);
        EXPECT_GT(picture.size(), 10'000u);
    }
    EXPECT_LT(best, 50.0);
    std::printf("MakeDemoPicture 1280x720: %.1f ms of processor time\n", best);
#endif
}

}  // namespace
}  // namespace tuyenvan::media
