#pragma once

/// @file Realistic Vietnamese news content for demos, tests and benchmarks of the portal.
///
/// Everything is composed here from the generator's own phrase banks and templates: outreach
/// conferences, logbooks, "Dân vận khéo" examples, new rural development, digital transformation,
/// border security, festivals, farming, disasters, schools and health, Party building. No database;
/// the same arguments always give the same articles, in NFC UTF-8 with no raw HTML.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tuyenvan::portal::demo {

/// Where the articles happen: a district (or none, for the two-level tree) and its communes.
struct Place {
    /// "Bát Xát" (read as a huyện) or with its kind, "Huyện Bát Xát", "Thị xã Sa Pa", "Thành phố Lào Cai";
    /// empty when the province has no district level, so the province's bodies stand in for it.
    std::string district;
    /// Commune names, e.g. {"A Mú Sung", "Y Tý"}; a name may carry its kind ("Phường Duyên Hải",
    /// "Thị trấn Bát Xát"), otherwise it is a xã. Villages are invented per commune, the same for a name.
    std::vector<std::string> communes;
    /// The province, as in "tỉnh Lào Cai".
    std::string province = "Lào Cai";
};

/// One generated news item, shaped like portal::Item's editable fields.
struct Article {
    /// "tin" (news, 150–400 words), "bai" (article, 600–1800), "anh" (photo story, 50–250: a lead and
    /// captions), "van-ban" (document notice, 90–350, official tone); see GenreWordRange.
    std::string genre;
    /// One of the section keys passed to Generate, chosen to fit the topic.
    std::string section_key;
    /// 40–160 characters, unique within one call.
    std::string title;
    /// Lead paragraph, 1–3 sentences, at most 600 characters, unique within one call.
    std::string sapo;
    /// GitHub-flavoured Markdown: paragraphs, "##" headings, bullet lists, pipe tables, blockquotes;
    /// never raw HTML ('<'), images or links.
    std::string body_md;
    /// An invented pen name, at most 100 characters: "Minh Hà", "Giàng Seo Phử (Đảng ủy xã Y Tý)".
    std::string pen_name;
    /// 2–5 distinct tags such as "Hội nghị tuyên vận", "Dân vận khéo", or a place name.
    std::vector<std::string> tags;
    /// Epoch ms within the `days` before `now_ms`, denser recently, mostly in office hours of UTC+7.
    std::int64_t published_at = 0;
    /// Seed for a generated picture.
    std::uint64_t picture_seed = 0;
    /// Alternative text describing the imagined picture.
    std::string picture_alt;
    /// Caption shown under the picture.
    std::string picture_caption;
};

/// The range of body words a genre is written to (CountWords of body_md falls inside it).
struct WordRange {
    int min = 0;  ///< fewest words
    int max = 0;  ///< most words
};

/// Section keys the generator writes for, with their Vietnamese names, in portal order:
/// "thong-tin-tuyen-van", "thoi-su", "xay-dung-dang", "dan-van", "kinh-te", "van-hoa-xa-hoi",
/// "quoc-phong-an-ninh", "van-ban".
std::vector<std::pair<std::string, std::string>> SectionCatalog();

/// Body word range of a genre's machine name ("tin", "bai", "anh", "van-ban"); {0, 0} for another name.
WordRange GenreWordRange(std::string_view genre);

/// `count` articles about `place`, spread over the `days` (at least 1) before `now_ms`, in the given
/// sections: each key gets at least one article when count allows; "thong-tin-tuyen-van" gets more;
/// "van-ban" gets document notices; a key missing from SectionCatalog gets general local news.
/// An empty key list means every catalog key. Deterministic for the same arguments.
std::vector<Article> Generate(const Place& place, const std::vector<std::string>& section_keys, int count,
                              std::uint64_t seed, std::int64_t now_ms, int days = 730);

/// A coherent long Markdown body of about `words` words (within 5%, for words >= 1000): a district's
/// yearly review of its outreach work, section by section, for editor and rendering tests.
std::string LongBody(int words, std::uint64_t seed);

/// Words of a text as the generator counts them: space-separated tokens holding a letter or digit,
/// so Markdown markers ("##", "-", "|") do not count and each Vietnamese syllable does.
int CountWords(std::string_view text);

}  // namespace tuyenvan::portal::demo
