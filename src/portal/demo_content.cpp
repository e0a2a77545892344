#include "portal/demo_content.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "platform/text/format.hpp"
#include "platform/text/utf8.hpp"

namespace tuyenvan::portal::demo {
namespace {

// ---------------------------------------------------------------------------------------------
// Randomness: splitmix64, so the output is the same on every platform and standard library
// (std:: distributions are implementation-defined).

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}

    std::uint64_t Next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }
    /// Uniform in [lo, hi].
    int Range(int lo, int hi) {
        assert(lo <= hi);
        return lo + static_cast<int>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    std::size_t Index(std::size_t size) {
        assert(size > 0);
        return static_cast<std::size_t>(Next() % size);
    }
    double Unit() { return static_cast<double>(Next() >> 11U) * 0x1.0p-53; }
    bool Chance(double p) { return Unit() < p; }
    template <class T>
    const T& Pick(std::span<const T> items) {
        return items[Index(items.size())];
    }
    template <class T>
    void Shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[Index(i)]);
        }
    }

private:
    std::uint64_t state_;
};

std::uint64_t Mix(std::uint64_t a, std::uint64_t b) {
    Random r(a ^ (b * 0xD6E8FEB86659FD93ULL));
    r.Next();
    return r.Next();
}

std::uint64_t HashText(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) {
        h = (h ^ c) * 1099511628211ULL;
    }
    return h;
}

using Texts = std::span<const char* const>;

// ---------------------------------------------------------------------------------------------
// Text helpers.

/// Upper-cases the first letter of s (ASCII, Latin-1, Latin Extended-A/B and the Vietnamese block).
std::string Capitalized(std::string_view s) {
    if (s.empty()) {
        return {};
    }
    auto first = text::DecodeUtf8(s, 0);
    char32_t cp = first.code_point;
    char32_t up = cp;
    if (cp >= U'a' && cp <= U'z') {
        up = cp - 32;
    } else if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) {
        up = cp - 0x20;
    } else if ((cp >= 0x100 && cp <= 0x17F && (cp & 1U) == 1U) || cp == 0x1A1 || cp == 0x1B0) {
        up = cp - 1;
    } else if (cp >= 0x1EA0 && cp <= 0x1EF9 && (cp & 1U) == 1U) {
        up = cp - 1;
    }
    std::string out;
    out.reserve(s.size());
    text::AppendUtf8(out, up);
    out.append(s.substr(first.length));
    return out;
}

/// s with an ASCII capital at its start lowered ("Kế hoạch" → "kế hoạch").
std::string LowerFirst(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out.front() >= 'A' && out.front() <= 'Z') {
        out.front() = static_cast<char>(out.front() - 'A' + 'a');
    }
    return out;
}

/// "92,5" from 925 tenths; "6" rather than "6,0".
std::string Tenths(int tenths) {
    std::string out = std::to_string(tenths / 10);
    if (tenths % 10 != 0) {
        out += ',';
        out += static_cast<char>('0' + tenths % 10);
    }
    return out;
}

std::string Num(int n) {
    return text::FormatNumber(n);
}

std::string TwoDigits(int n) {
    std::string out = std::to_string(n);
    return n < 10 ? "0" + out : out;
}

std::size_t CodePoints(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) {
        n += (c & 0xC0U) != 0x80U ? 1 : 0;
    }
    return n;
}

// ---------------------------------------------------------------------------------------------
// Calendar (proleptic Gregorian, days since 1970-01-01), after H. Hinnant's civil_from_days.

struct Ymd {
    int year;
    int month;
    int day;
};

Ymd CivilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const auto y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
    return {y, static_cast<int>(m), static_cast<int>(d)};
}

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kUtcOffsetMs = 7 * 3'600'000;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/// Local (UTC+7) day number of an instant.
std::int64_t LocalDay(std::int64_t epoch_ms) {
    return FloorDiv(epoch_ms + kUtcOffsetMs, kDayMs);
}

bool InMonths(std::uint16_t mask, int month) {
    return (mask >> (month - 1)) & 1U;
}

constexpr std::uint16_t Months(std::initializer_list<int> months) {
    std::uint16_t mask = 0;
    for (int m : months) {
        mask = static_cast<std::uint16_t>(mask | (1U << (m - 1)));
    }
    return mask;
}
constexpr std::uint16_t kAllYear = 0x0FFF;

// ---------------------------------------------------------------------------------------------
// Templates: "{slot}" is replaced by the article's value ("{Slot}" capitalises it), and
// "[a|b|c]" by one of the alternatives, chosen at random, which may hold slots themselves.

constexpr std::string_view kSlotNames[] = {
    "a1",          "a2",
    "anh",         "bp",
    "canh",        "cay",
    "cay_don_vi",  "cay_mo_ta",
    "cay_viec",    "cb",
    "cb2",         "cb_so",
    "cbh",         "chu_de_cb",
    "chuyen_de",   "cv",
    "cvh",         "dang_uy",
    "dd",          "dd_nu",
    "dd_tb",       "dd_tong_h",
    "diem",        "diem_cao",
    "dt",          "dv",
    "dv_so",       "gia",
    "ha",          "ha_ho",
    "hau_qua",     "ho",
    "ho_tk",       "hs",
    "hs_bt",       "huyen",
    "huyen_uy",    "ke_chuyen",
    "km",          "le_hoi",
    "le_hoi_hd",   "le_hoi_mt",
    "m2",          "m2_ho",
    "m2_nha",      "mo_hinh",
    "n",           "n2",
    "n3",          "n4",
    "nam",         "nam_hoc",
    "nam_sinh",    "nam_toi",
    "nam_truoc",   "ngay",
    "nghi_quyet",  "ngoi",
    "nhiem_ky",    "ong",
    "ong2",        "pct",
    "pct2",        "pct3",
    "pct_cao",     "q1",
    "q2",          "q3",
    "so_dat",      "so_thon",
    "tan",         "tc",
    "ten_dv",      "ten_gv",
    "ten_nu",      "ten_ong",
    "ten_tn",      "ten_xa",
    "thang",       "thang_nam",
    "thang_toi",   "thang_toi_nam",
    "thang_truoc", "thien_tai",
    "thiet_hai",   "thon",
    "thon2",       "thon3",
    "tien",        "tieng",
    "tn",          "tram",
    "truong",      "tuoi",
    "tv",          "tv_tong",
    "tv_tot",      "ty",
    "ubnd",        "ung_pho",
    "van_de",      "van_de_ngan",
    "van_de_tag",  "viec1",
    "viec2",       "xa",
    "xa_tot",      "ykien",
    "ykien_gq",
};
constexpr std::size_t kSlotCount = std::size(kSlotNames);

int SlotIndex(std::string_view name) {
    static const std::unordered_map<std::string_view, int> index = [] {
        std::unordered_map<std::string_view, int> out;
        for (std::size_t i = 0; i < kSlotCount; ++i) {
            out.emplace(kSlotNames[i], static_cast<int>(i));
        }
        return out;
    }();
    auto it = index.find(name);
    return it == index.end() ? -1 : it->second;
}

/// The values an article's templates are filled with.
class Context {
public:
    void Set(std::string_view name, std::string value) {
        int i = SlotIndex(name);
        assert(i >= 0 && "unknown template slot");
        if (i >= 0) {
            values_[static_cast<std::size_t>(i)] = std::move(value);
        }
    }
    void Set(std::string_view name, int value) { Set(name, std::to_string(value)); }
    const std::string& Get(std::string_view name) const {
        int i = SlotIndex(name);
        assert(i >= 0 && "unknown template slot");
        return At(i < 0 ? 0 : i);
    }
    const std::string& At(int index) const { return values_[static_cast<std::size_t>(index)]; }

private:
    std::array<std::string, kSlotCount> values_;
};

void AppendPlain(std::string& out, std::string_view run) {
    // An empty alternative leaves two spaces side by side; keep one.
    if (!run.empty() && run.front() == ' ' && !out.empty() && out.back() == ' ') {
        run.remove_prefix(1);
    }
    out.append(run);
}

void Expand(std::string_view tpl, const Context& ctx, Random& random, std::string& out) {
    std::size_t i = 0;
    while (i < tpl.size()) {
        char c = tpl[i];
        if (c == '{') {
            std::size_t end = tpl.find('}', i);
            assert(end != std::string_view::npos);
            std::string_view key = tpl.substr(i + 1, end - i - 1);
            bool capital = !key.empty() && key.front() >= 'A' && key.front() <= 'Z';
            std::array<char, 32> lower{};
            std::size_t length = std::min(key.size(), lower.size());
            std::copy_n(key.begin(), length, lower.begin());
            if (capital) {
                lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
            }
            int slot = SlotIndex(std::string_view(lower.data(), length));
            const std::string* value = slot >= 0 ? &ctx.At(slot) : nullptr;
            if (value == nullptr || value->empty()) {
                // Left visible on purpose: the tests look for braces in the output.
                assert(false && "template slot without a value");
                out.append(tpl.substr(i, end - i + 1));
            } else {
                out += capital ? Capitalized(*value) : *value;
            }
            i = end + 1;
        } else if (c == '[') {
            std::size_t end = tpl.find(']', i);
            assert(end != std::string_view::npos);
            std::string_view options = tpl.substr(i + 1, end - i - 1);
            std::size_t count = static_cast<std::size_t>(std::count(options.begin(), options.end(), '|')) + 1;
            std::size_t chosen = random.Index(count);
            std::size_t start = 0;
            for (std::size_t k = 0; k < chosen; ++k) {
                start = options.find('|', start) + 1;
            }
            std::size_t stop = options.find('|', start);
            Expand(options.substr(start, stop == std::string_view::npos ? std::string_view::npos : stop - start), ctx,
                   random, out);
            i = end + 1;
        } else {
            std::size_t next = i;
            while (next < tpl.size() && tpl[next] != '{' && tpl[next] != '[') {
                ++next;
            }
            AppendPlain(out, tpl.substr(i, next - i));
            i = next;
        }
    }
}

/// Removes what empty alternatives leave behind: a space before punctuation, spaces at the ends.
void Tidy(std::string& s) {
    std::size_t write = 0;
    for (std::size_t read = 0; read < s.size(); ++read) {
        char c = s[read];
        if (c == ' ' && (write == 0 || read + 1 == s.size() || s[read + 1] == ' ' || s[read + 1] == ',' ||
                         s[read + 1] == '.' || s[read + 1] == ';' || s[read + 1] == ':' || s[read + 1] == ')')) {
            continue;
        }
        s[write++] = c;
    }
    s.resize(write);
}

std::string Render(std::string_view tpl, const Context& ctx, Random& random) {
    std::string out;
    out.reserve(tpl.size() + 64);
    Expand(tpl, ctx, random, out);
    if (tpl.find('[') != std::string_view::npos) {
        Tidy(out);  // only alternatives can leave stray spaces
    }
    return out;
}

/// Draws from a list without repeating until it is exhausted.
/// How far a topic's paragraphs may move from the order they are written in.
constexpr double kStoryJitter = 3.0;

class Pool {
public:
    /// Shuffled; or, with a `jitter` of n > 0, in the list's order with swaps within about n places, for
    /// paragraphs written in a sequence.
    Pool(Texts texts, Random& random, double jitter = 0) : texts_(texts) {
        order_.resize(texts.size());
        for (std::size_t i = 0; i < order_.size(); ++i) {
            order_[i] = static_cast<std::uint16_t>(i);
        }
        if (jitter <= 0) {
            random.Shuffle(order_);
            return;
        }
        std::vector<std::pair<double, std::uint16_t>> keyed;
        for (std::uint16_t i : order_) {
            keyed.emplace_back(i + random.Unit() * jitter, i);
        }
        std::sort(keyed.begin(), keyed.end());
        for (std::size_t i = 0; i < keyed.size(); ++i) {
            order_[i] = keyed[i].second;
        }
    }
    bool Empty() const { return next_ >= order_.size(); }
    const char* Next() { return Empty() ? nullptr : texts_[order_[next_++]]; }
    /// Leaves out a text that was used already (the same template, by address).
    void Exclude(const char* text) {
        for (std::size_t i = next_; i < order_.size(); ++i) {
            if (texts_[order_[i]] == text) {
                order_.erase(order_.begin() + static_cast<std::ptrdiff_t>(i));
                return;
            }
        }
    }

private:
    Texts texts_;
    std::vector<std::uint16_t> order_;
    std::size_t next_ = 0;
};

// ---------------------------------------------------------------------------------------------
// People. Names are composed from common family, middle and given names of each community,
// so they are ordinary names, not anybody in particular.

struct NameBank {
    Texts family;
    Texts middle_male;
    Texts middle_female;
    Texts given_male;
    Texts given_female;
};

constexpr const char* kKinhFamily[] = {"Nguyễn", "Trần", "Lê",   "Phạm",  "Hoàng", "Vũ",  "Đặng", "Bùi", "Đỗ", "Ngô",
                                       "Dương",  "Đinh", "Phan", "Trịnh", "Lưu",   "Mai", "Tạ",   "Cao", "Hà", "Lương"};
constexpr const char* kKinhMiddleMale[] = {"Văn",   "Đức",  "Minh", "Quang", "Xuân",  "Hữu",
                                           "Thanh", "Mạnh", "Tiến", "Công",  "Trọng", "Ngọc"};
constexpr const char* kKinhMiddleFemale[] = {"Thị",  "Thu", "Thanh",  "Ngọc", "Minh",
                                             "Hồng", "Kim", "Phương", "Thị",  "Thúy"};
constexpr const char* kKinhGivenMale[] = {"Hùng", "Dũng",  "Thắng", "Tuấn",  "Hải",   "Nam",  "Long",  "Sơn",  "Trung",
                                          "Hiếu", "Cường", "Khánh", "Phong", "Quân",  "Tâm",  "Thành", "Toàn", "Vinh",
                                          "Đạt",  "Hưng",  "Kiên",  "Lâm",   "Nghĩa", "Tùng", "Chiến", "Bình"};
constexpr const char* kKinhGivenFemale[] = {"Hà",     "Hằng",  "Hương", "Lan",   "Linh",  "Mai",  "Nga",   "Thảo",
                                            "Trang",  "Vân",   "Yến",   "Hạnh",  "Huyền", "Loan", "Nhung", "Oanh",
                                            "Phượng", "Quyên", "Thủy",  "Tuyết", "Xuân",  "Dung", "Hiền",  "Liên"};

constexpr const char* kMongFamily[] = {"Giàng", "Sùng", "Thào", "Vàng", "Lý",    "Lù",   "Hầu",
                                       "Mùa",   "Sình", "Cứ",   "Ma",   "Tráng", "Hạng", "Chá"};
constexpr const char* kMongMiddleMale[] = {"A", "Seo", "Mí", "A", "Seo"};
constexpr const char* kMongMiddleFemale[] = {"Thị", "Thị", "Seo"};
constexpr const char* kMongGivenMale[] = {"Páo", "Dính",  "Sử", "Chứ", "Lử",  "Sáng",  "Vư",   "Chơ", "Phừ", "Lềnh",
                                          "Dế",  "Chúng", "Pó", "Tủa", "Chư", "Chinh", "Súng", "Thề", "Sà",  "Vần"};
constexpr const char* kMongGivenFemale[] = {"Mỷ",  "Dợ",  "Súa", "Máy", "Pàng", "Dung", "Chở",
                                            "Xúa", "Mai", "Sua", "Dào", "Chi",  "Lan",  "Dình"};

constexpr const char* kDaoFamily[] = {"Tẩn", "Chảo", "Lý", "Phàn", "Bàn", "Triệu", "Đặng", "Lò"};
constexpr const char* kDaoMiddleMale[] = {"Láo", "Ông", "Văn", "Quẩy", "Láo"};
constexpr const char* kDaoMiddleFemale[] = {"Thị", "Tả", "Thị"};
constexpr const char* kDaoGivenMale[] = {"Lở",  "Vần",  "Chòi",  "Sài",   "Chản", "Phù",
                                         "San", "Kiêm", "Quáng", "Chiêu", "Tả",   "Seng"};
constexpr const char* kDaoGivenFemale[] = {"Mẩy", "Xuân", "Chạn", "Mây", "Sử", "Phin", "Lai", "Dần", "Kiều"};

constexpr const char* kHaNhiFamily[] = {"Lỳ", "Chu", "Pờ", "Sần", "Lý"};
constexpr const char* kHaNhiMiddleMale[] = {"Xe", "Ho", "Gó", "A"};
constexpr const char* kHaNhiMiddleFemale[] = {"Thị", "Mé", "Thị"};
constexpr const char* kHaNhiGivenMale[] = {"Pạ", "Hừ", "Chừ", "Giơ", "Xá", "Phì", "Chà", "Lò"};
constexpr const char* kHaNhiGivenFemale[] = {"Dế", "Mé", "Xá", "Cứ", "Pờ", "Lé"};

constexpr const char* kTayFamily[] = {"Hoàng", "Lương", "Nông",   "Lò", "Vàng",  "Lục",
                                      "Hà",    "Ma",    "Nguyễn", "Lù", "Hoàng", "Lương"};
constexpr const char* kTayMiddleMale[] = {"Văn", "Văn", "Đức", "Thanh"};
constexpr const char* kTayMiddleFemale[] = {"Thị", "Thị", "Thu"};
constexpr const char* kTayGivenMale[] = {"Pao", "Dìn",   "Thàng", "Chiến", "Hải",  "Nhất",
                                         "Pấu", "Thắng", "Quyết", "Sinh",  "Tiến", "Lợi"};
constexpr const char* kTayGivenFemale[] = {"Sen", "Lả", "Thơm", "Vân", "Mai", "Nhàn", "Lan", "Thu", "Dịu"};

constexpr NameBank kKinhNames{kKinhFamily, kKinhMiddleMale, kKinhMiddleFemale, kKinhGivenMale, kKinhGivenFemale};
constexpr NameBank kMongNames{kMongFamily, kMongMiddleMale, kMongMiddleFemale, kMongGivenMale, kMongGivenFemale};
constexpr NameBank kDaoNames{kDaoFamily, kDaoMiddleMale, kDaoMiddleFemale, kDaoGivenMale, kDaoGivenFemale};
constexpr NameBank kHaNhiNames{kHaNhiFamily, kHaNhiMiddleMale, kHaNhiMiddleFemale, kHaNhiGivenMale, kHaNhiGivenFemale};
constexpr NameBank kTayNames{kTayFamily, kTayMiddleMale, kTayMiddleFemale, kTayGivenMale, kTayGivenFemale};

struct Ethnic {
    const char* name;  ///< as written after "đồng bào", "người"
    const NameBank* names;
    int weight;  ///< how often a commune's main group
};

constexpr Ethnic kEthnics[] = {
    {"H'Mông", &kMongNames, 40}, {"Dao", &kDaoNames, 20}, {"Tày", &kTayNames, 12},   {"Giáy", &kTayNames, 8},
    {"Hà Nhì", &kHaNhiNames, 6}, {"Nùng", &kTayNames, 5}, {"Phù Lá", &kTayNames, 4}, {"Bố Y", &kTayNames, 2},
};

constexpr const char* kPenFirst[] = {"Minh", "Thu",  "Hải",   "Thanh", "Ngọc",  "Quang", "Hà",
                                     "Lan",  "Việt", "Hồng",  "Bảo",   "Khánh", "Mai",   "Phương",
                                     "Đức",  "Tuấn", "Hoàng", "Kim",   "Trung", "Diệu"};
constexpr const char* kPenSecond[] = {"Hà", "Trang", "Anh", "Tâm", "Huyền", "Đăng", "Linh", "Sơn",  "Hưng", "Thảo",
                                      "Vy", "Phong", "Yến", "Nam", "Long",  "Châu", "Ngân", "Hiếu", "Duy",  "Hòa"};

/// Positions in a commune; templates add the commune: "{cv} {xa}" → "Chủ tịch UBND xã Y Tý".
constexpr const char* kCommuneLeaders[] = {
    "Bí thư Đảng ủy",    "Phó Bí thư Thường trực Đảng ủy",        "Chủ tịch UBND",
    "Phó Chủ tịch UBND", "Phó Trưởng ban Tuyên vận chuyên trách", "Chủ tịch Ủy ban MTTQ Việt Nam"};
constexpr const char* kCommunePositions[] = {"Bí thư Đảng ủy",
                                             "Phó Bí thư Thường trực Đảng ủy",
                                             "Chủ tịch UBND",
                                             "Phó Chủ tịch UBND",
                                             "Phó Trưởng ban Tuyên vận chuyên trách",
                                             "Chủ tịch Ủy ban MTTQ Việt Nam",
                                             "Chủ tịch Hội Nông dân",
                                             "Chủ tịch Hội Liên hiệp Phụ nữ",
                                             "Bí thư Đoàn Thanh niên",
                                             "Chủ tịch Hội Cựu chiến binh",
                                             "Trưởng Công an",
                                             "Công chức Văn hóa – Xã hội"};
/// Positions in a district (or province) committee; templates add "{huyen_uy}".
constexpr const char* kDistrictPositions[] = {"Phó Bí thư",
                                              "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo",
                                              "Phó Trưởng Ban Tuyên giáo",
                                              "Ủy viên Ban Thường vụ, Trưởng Ban Dân vận",
                                              "Phó Trưởng Ban Dân vận",
                                              "Chánh Văn phòng"};

constexpr const char* kDepartments[] = {"Sở Văn hóa, Thể thao và Du lịch",
                                        "Sở Thông tin và Truyền thông",
                                        "Sở Nông nghiệp và Phát triển nông thôn",
                                        "Sở Y tế",
                                        "Sở Giáo dục và Đào tạo",
                                        "Sở Tư pháp",
                                        "Hội Nông dân tỉnh",
                                        "Tỉnh đoàn Lào Cai",
                                        "Hội Liên hiệp Phụ nữ tỉnh",
                                        "Ủy ban MTTQ Việt Nam tỉnh"};

/// A thematic presentation and the department that owns it.
struct Talk {
    const char* department;
    const char* topic;
};
constexpr Talk kTalks[] = {
    {"Sở Nông nghiệp và Phát triển nông thôn", "kỹ thuật chăm sóc, thu hái và sơ chế thảo quả"},
    {"Sở Nông nghiệp và Phát triển nông thôn", "phòng, chống rét cho đàn gia súc"},
    {"Sở Nông nghiệp và Phát triển nông thôn", "phòng cháy, chữa cháy rừng mùa khô"},
    {"Sở Y tế", "phòng, chống dịch bệnh mùa mưa"},
    {"Sở Y tế", "chăm sóc sức khỏe bà mẹ và trẻ em"},
    {"Sở Tư pháp", "Luật Hôn nhân và gia đình, phòng, chống tảo hôn"},
    {"Sở Tư pháp", "hòa giải ở cơ sở"},
    {"Sở Thông tin và Truyền thông", "kỹ năng nhận diện tin giả trên mạng xã hội"},
    {"Sở Thông tin và Truyền thông", "sử dụng dịch vụ công trực tuyến"},
    {"Sở Văn hóa, Thể thao và Du lịch", "bảo tồn văn hóa truyền thống gắn với du lịch cộng đồng"},
    {"Sở Văn hóa, Thể thao và Du lịch", "xây dựng gia đình văn hóa, thôn văn hóa"},
    {"Sở Giáo dục và Đào tạo", "duy trì sĩ số, chống học sinh bỏ học giữa chừng"},
    {"Hội Nông dân tỉnh", "vay vốn Quỹ hỗ trợ nông dân để phát triển sản xuất"},
    {"Tỉnh đoàn Lào Cai", "vai trò của thanh niên trong chuyển đổi số"},
    {"Hội Liên hiệp Phụ nữ tỉnh", "phòng, chống mua bán người"},
    {"Ủy ban MTTQ Việt Nam tỉnh",
     "thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”"},
};

// ---------------------------------------------------------------------------------------------
// Places: villages are invented per commune from common toponyms of the highlands.

constexpr const char* kVillageNames[] = {
    "Lao Chải",   "Sín Chải",       "Tả Phìn",  "Phìn Hồ",    "Nậm Pẻn",   "Ngải Thầu",    "Choán Thèn", "Mò Phú Chải",
    "Làng Mới",   "Khe Mụ",         "Tả Suối",  "Cốc Phương", "Na Lốc",    "Ngải Trồ",     "Séo Phìn",   "Tân Bảo",
    "Trung Tâm",  "Nậm Hồng",       "Pờ Hồ",    "Hồng Ngài",  "Mù Sang",   "Suối Thầu",    "Trung Hồ",   "Tả Lé",
    "Lũng Pô",    "Sảng Chải",      "Phìn Chư", "Lùng Thàng", "Can Hồ",    "Sa Chải",      "Nậm Chảy",   "Cốc Lầy",
    "Thèn Phàng", "Séo Mý Tỷ",      "Bản Pho",  "Nậm Lúc",    "Làng Vai",  "Khuổi Phường", "Nà Cài",     "Bản Mế",
    "Na Hối",     "Cốc Ly",         "Tả Thàng", "Phìn Giàng", "Nậm Khánh", "Lùng Phình",   "Sán Chải",   "Nặm Cằm",
    "Pa Khoang",  "Làng Đẩu",       "Khe Chom", "Nà Lang",    "Tà Chải",   "Ma Cái",       "Lao Hầu",    "Pải Chư Phìn",
    "Sừ Pán",     "Ngải Phóng Chồ", "Cốc Sâm",  "Nậm Tang",   "Khe Lếch",  "Tùng Sáng",
};

constexpr const char* kSchoolKinds[] = {"Trường PTDTBT Tiểu học", "Trường PTDTBT THCS", "Trường Tiểu học",
                                        "Trường Mầm non", "Trường THCS"};

// ---------------------------------------------------------------------------------------------
// Shared phrase banks.

/// Everyday matters a conference or a Party cell talks about.
constexpr const char* kEverydayMatters[] = {"tiến độ bê tông hóa đường nội thôn",
                                            "lịch chi trả các chế độ chính sách",
                                            "lịch tiêm chủng cho trẻ em",
                                            "kế hoạch thu hoạch nông sản",
                                            "biện pháp chống rét cho gia súc",
                                            "việc cấp thẻ bảo hiểm y tế",
                                            "chương trình hỗ trợ xóa nhà tạm, nhà dột nát",
                                            "phòng, chống sạt lở đất mùa mưa",
                                            "kích hoạt tài khoản định danh điện tử",
                                            "vệ sinh môi trường khu dân cư",
                                            "bảo vệ và phát triển rừng",
                                            "đăng ký giống cây trồng vụ mới",
                                            "phòng, chống cháy rừng mùa khô",
                                            "duy trì sĩ số học sinh",
                                            "phòng, chống tảo hôn",
                                            "quản lý gia súc thả rông"};

/// A resident's question and what the commune will do about it (read after "xã sẽ").
struct Question {
    const char* question;
    const char* answer;
};
constexpr Question kQuestions[] = {
    {"việc hỗ trợ xóa nhà tạm, nhà dột nát cho các hộ khó khăn",
     "rà soát lại danh sách và thông báo công khai các hộ được hỗ trợ trong đợt tiếp theo"},
    {"thủ tục cấp đổi giấy chứng nhận quyền sử dụng đất",
     "bố trí cán bộ địa chính xuống tận thôn hướng dẫn hồ sơ cho từng hộ"},
    {"cách kích hoạt tài khoản định danh điện tử mức 2",
     "phân công tổ công nghệ số cộng đồng hỗ trợ bà con tại nhà văn hóa thôn vào cuối tuần"},
    {"giá thu mua nông sản và đầu ra cho sản phẩm của bà con",
     "phối hợp với hợp tác xã thông tin giá cả hằng tuần và kết nối thêm đơn vị thu mua"},
    {"đoạn đường liên thôn bị sạt lở sau mưa lớn",
     "huy động lực lượng khắc phục tạm thời và báo cáo cấp trên bố trí kinh phí sửa chữa"},
    {"chế độ bảo hiểm y tế cho người dân tộc thiểu số",
     "giải thích rõ đối tượng được cấp thẻ và hướng dẫn cách tra cứu thời hạn thẻ"},
    {"điều kiện vay vốn ưu đãi để phát triển chăn nuôi", "hướng dẫn thủ tục vay qua tổ tiết kiệm và vay vốn của thôn"},
    {"kế hoạch hỗ trợ giống cây trồng, vật nuôi",
     "thông báo công khai tiêu chí lựa chọn hộ được hỗ trợ tại hội nghị thôn"},
    {"tình trạng điện sinh hoạt chập chờn vào buổi tối",
     "đề nghị đơn vị điện lực kiểm tra, thay thế đường dây trong tháng tới"},
    {"nước sinh hoạt thiếu vào mùa khô", "khảo sát, sửa chữa đường ống dẫn nước và đề xuất đầu tư bể chứa mới"},
    {"chế độ hỗ trợ tiền ăn, gạo cho học sinh bán trú",
     "phối hợp với nhà trường thông báo mức hỗ trợ và thời gian chi trả cụ thể"},
    {"đăng ký khai sinh, thường trú trực tuyến",
     "hướng dẫn thao tác trên điện thoại và tiếp nhận hồ sơ trực tiếp tại bộ phận một cửa"},
    {"thời gian chi trả tiền dịch vụ môi trường rừng",
     "công bố lịch chi trả và danh sách hộ nhận khoán bảo vệ rừng tại từng thôn"},
    {"gia súc thả rông phá hoại hoa màu",
     "đề nghị các thôn đưa quy định quản lý gia súc vào hương ước và nhắc nhở các hộ vi phạm"},
    {"cách thanh toán tiền điện, học phí qua điện thoại",
     "giao đoàn thanh niên mở buổi hướng dẫn mở tài khoản và cài đặt ứng dụng ngân hàng"},
    {"chính sách hỗ trợ hộ di dời khỏi vùng nguy cơ sạt lở",
     "thông tin cụ thể về quỹ đất tái định cư và mức hỗ trợ di dời theo quy định"},
    {"học nghề và tìm việc làm cho thanh niên",
     "giới thiệu các lớp đào tạo nghề ngắn hạn và phiên giao dịch việc làm sắp tới"},
    {"lịch tiêm chủng cho trẻ em", "thông báo lịch tiêm cụ thể qua loa truyền thanh và nhóm Zalo của thôn"},
    {"tiến độ làm đường bê tông vào khu sản xuất", "báo cáo tiến độ công trình và cố gắng hoàn thành trước mùa mưa"},
    {"việc cấp căn cước cho người cao tuổi", "phối hợp với công an xã tổ chức cấp lưu động tại thôn"},
};

constexpr const char* kResolutions[] = {
    "Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ {nhiem_ky}",
    "Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ {nhiem_ky}",
    "Chỉ thị số 05-CT/TW của Bộ Chính trị",
    "Quy định số 11-QĐ/TU về công tác tuyên vận",
    "nghị quyết chuyên đề của Đảng ủy xã về phát triển kinh tế nông nghiệp",
    "nghị quyết chuyên đề của Đảng ủy xã về xây dựng nông thôn mới",
    "các nghị quyết, kết luận mới của Trung ương",
};

constexpr const char* kCellThemes[] = {"vai trò của đảng viên trong xây dựng nông thôn mới",
                                       "phòng, chống tảo hôn trong gia đình đảng viên",
                                       "đảng viên gương mẫu trong chuyển đổi số",
                                       "trách nhiệm của đảng viên trong bảo vệ rừng",
                                       "đảng viên đi đầu trong phát triển kinh tế hộ gia đình",
                                       "giữ gìn đoàn kết trong khu dân cư"};

constexpr const char* kModels[] = {"vận động hiến đất làm đường giao thông nông thôn",
                                   "xóa bỏ hủ tục trong việc cưới, việc tang",
                                   "vận động trẻ em trong độ tuổi đến trường",
                                   "di chuyển chuồng trại ra xa nhà ở",
                                   "giữ gìn vệ sinh môi trường khu dân cư",
                                   "phòng, chống tảo hôn và hôn nhân cận huyết thống",
                                   "phát triển kinh tế hộ gia đình",
                                   "hòa giải mâu thuẫn ở khu dân cư",
                                   "bảo vệ rừng đầu nguồn",
                                   "vận động người dân tham gia bảo hiểm y tế"};

struct Crop {
    const char* name;
    const char* description;
    const char* unit;
    int price_low;  ///< thousand đồng per kg
    int price_high;
    std::uint16_t months;  ///< when `work` is done
    const char* work;
    const char* off_season_work;
};
constexpr Crop kCrops[] = {
    {"thảo quả", "cây dược liệu quý được trồng dưới tán rừng già ở độ cao trên 1.000 m", "tấn quả tươi", 30, 70,
     Months({9, 10, 11}), "thu hái, sấy khô thảo quả", "phát dọn, chăm sóc vườn thảo quả"},
    {"chè Shan tuyết", "cây chè cổ thụ mọc trên núi cao, búp phủ lớp lông tơ trắng như tuyết", "tấn búp tươi", 10, 40,
     Months({3, 4, 5}), "thu hái chè vụ xuân", "chăm sóc, bón phân cho đồi chè"},
    {"lúa", "cây lương thực chính trên những thửa ruộng bậc thang do bao thế hệ đồng bào khai phá", "tấn thóc", 7, 10,
     Months({5, 6}), "đổ nước, cấy lúa trên ruộng bậc thang", "thu hoạch lúa trên ruộng bậc thang"},
    {"quế", "cây lâm sản cho thu nhập từ vỏ, lá và tinh dầu", "tấn vỏ quế", 15, 40, kAllYear,
     "bóc vỏ, chưng cất tinh dầu quế", "bóc vỏ, chưng cất tinh dầu quế"},
    {"chuối", "cây ăn quả trồng tập trung trên đất bãi theo hướng hàng hóa", "tấn quả", 3, 9, kAllYear,
     "thu hoạch, đóng gói chuối xuất bán", "thu hoạch, đóng gói chuối xuất bán"},
    {"dược liệu", "nhóm cây như đương quy, xuyên khung, atiso trồng ở vùng khí hậu mát", "tấn dược liệu tươi", 20, 60,
     Months({1, 2, 3, 4}), "trồng mới cây dược liệu", "chăm sóc, thu hoạch dược liệu"},
    {"mận Tam Hoa", "giống mận đặc sản vùng cao có vị ngọt, giòn", "tấn quả", 15, 45, Months({5, 6, 7}),
     "thu hoạch mận chín", "chăm sóc, tỉa cành cho vườn mận"},
    {"ngô", "cây lương thực chính trên đất nương", "tấn ngô hạt", 6, 9, Months({2, 3, 4}), "gieo trồng ngô vụ xuân",
     "thu hoạch, phơi sấy ngô"},
};

struct Festival {
    const char* name;
    const char* ethnic;  ///< empty: any group
    std::uint16_t months;
    const char* meaning;  ///< read after "là"
    const char* activities;
};
constexpr Festival kFestivals[] = {
    {"Lễ hội Gầu Tào", "H'Mông", Months({1, 2}), "lễ hội cầu phúc, cầu may đầu năm mới của đồng bào H'Mông",
     "múa khèn, thổi sáo, ném pao, đánh quay"},
    {"Lễ hội Xuống đồng", "Tày", Months({1, 2}), "lễ hội cầu mùa màng bội thu của đồng bào Tày",
     "cày ruộng đầu năm, tung còn, kéo co"},
    {"Lễ hội Roóng Poọc", "Giáy", Months({1, 2}), "lễ hội xuống đồng đầu năm của đồng bào Giáy",
     "tung còn, kéo co, hát đối đáp"},
    {"Lễ cấp sắc", "Dao", Months({10, 11, 12, 1}), "nghi lễ trưởng thành quan trọng của nam giới người Dao",
     "múa chuông, múa kiếm, hát các làn điệu truyền thống"},
    {"Lễ hội Khô Già Già", "Hà Nhì", Months({6, 7, 8}),
     "lễ hội cầu mưa thuận gió hòa, mùa màng tươi tốt của đồng bào Hà Nhì",
     "dựng cây đu, đánh đu, múa hát truyền thống"},
    {"Tết Nhảy", "Dao", Months({12, 1}), "tết truyền thống đầu năm của đồng bào Dao",
     "nhảy múa theo tiếng trống, chiêng, thổi kèn"},
    {"Lễ cúng rừng", "Hà Nhì", Months({2, 3}), "nghi lễ cầu bình an và giao ước bảo vệ rừng đầu nguồn",
     "cúng thần rừng, phân công bảo vệ rừng, ăn cơm chung"},
    {"Ngày hội Đại đoàn kết toàn dân tộc", "", Months({10, 11}),
     "ngày hội của khu dân cư nhân kỷ niệm ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam",
     "văn nghệ, thể thao, ẩm thực truyền thống"},
    {"Hội thi trang phục dân tộc", "", Months({3, 4, 9}), "hoạt động tôn vinh nét đẹp trang phục truyền thống",
     "trình diễn trang phục, thêu thổ cẩm, hát dân ca"},
    {"Ngày hội văn hóa các dân tộc", "", Months({4, 5, 9}),
     "dịp giao lưu, giới thiệu bản sắc văn hóa của các dân tộc trong xã", "văn nghệ, trò chơi dân gian, ẩm thực"},
};

struct Hazard {
    const char* name;
    std::uint16_t months;
    const char* damage;     ///< read after "đã"
    const char* response;   ///< read after the commune sends its forces
    const char* aftermath;  ///< a sentence on what was done for the households
    const char* story;      ///< a resident's account, a template
    const char* scene;      ///< what a picture of the aftermath shows
};
constexpr Hazard kHazards[] = {
    {"đợt mưa lớn kéo dài", Months({5, 6, 7, 8, 9}), "gây sạt lở đất, làm hư hỏng nhà ở và chia cắt đường giao thông",
     "di dời khẩn cấp các hộ dân ra khỏi vùng nguy hiểm",
     "Các hộ có nhà bị hư hỏng nặng được bố trí ở tạm nhà người thân hoặc nhà văn hóa thôn.",
     "{Ong} ở {thon}, một trong những hộ phải di dời, kể: “Đêm hôm ấy mưa to lắm, cán bộ xã và bộ đội đến tận nhà gọi "
     "cả nhà đi. Sáng ra nhìn lại, đất đá đã lấp gần hết gian bếp. Nhờ đi kịp nên cả nhà đều an toàn.”",
     "Lực lượng dân quân và người dân cùng dọn đất đá bên ngôi nhà bị sạt lở"},
    {"trận lũ quét", Months({6, 7, 8, 9}), "cuốn trôi hoa màu, làm vùi lấp nhiều diện tích lúa và ao cá",
     "dọn dẹp bùn đất, giúp bà con khôi phục sản xuất",
     "Những diện tích lúa, hoa màu bị vùi lấp được thống kê để đề nghị hỗ trợ giống tái sản xuất.",
     "{Ong} ở {thon} kể lại: “Nước suối lên nhanh lắm, chỉ một lúc đã tràn vào ruộng. May có loa của thôn báo trước "
     "nên "
     "cả nhà kịp đưa trâu, bò lên chỗ cao. Giờ cán bộ, thanh niên xuống giúp dọn bùn, bà con đỡ vất vả nhiều.”",
     "Người dân cùng lực lượng xung kích dọn bùn đất trên cánh đồng sau lũ"},
    {"trận mưa đá kèm lốc xoáy", Months({3, 4, 5}), "làm tốc mái, hư hỏng nhiều ngôi nhà và hoa màu",
     "lợp lại mái nhà, hỗ trợ vật liệu cho các hộ bị thiệt hại",
     "Các hộ có nhà bị tốc mái được hỗ trợ tôn, bạt che tạm ngay trong ngày.",
     "{Ong} ở {thon} cho biết: “Mưa đá to như quả trứng, mái tôn thủng hết. Sáng hôm sau đã có cán bộ xã, đoàn viên "
     "thanh niên đến giúp lợp lại mái, cả nhà không phải ở nhờ lâu.”",
     "Thanh niên đứng trên mái nhà thay những tấm tôn bị mưa đá làm thủng"},
    {"đợt rét đậm, rét hại", Months({12, 1, 2}), "đe dọa đàn gia súc và cây trồng vụ đông",
     "hướng dẫn che chắn chuồng trại, dự trữ thức ăn cho gia súc",
     "Các hộ nghèo được hỗ trợ bạt, rơm khô và thuốc thú y để bảo vệ đàn gia súc.",
     "{Ong} ở {thon} chia sẻ: “Nghe cán bộ hướng dẫn, gia đình đã quây bạt kín chuồng, đốt lửa sưởi và dự trữ rơm, cỏ "
     "khô cho trâu. Năm nay rét đậm nhưng đàn trâu nhà tôi vẫn khỏe.”",
     "Người dân quây bạt kín chuồng trâu, bên trong có đống lửa sưởi"},
};

struct Issue {
    const char* name;  ///< after "phòng, chống"
    const char* short_name;
    const char* tag;
};
constexpr Issue kIssues[] = {
    {"tảo hôn, hôn nhân cận huyết thống", "tảo hôn", "Phòng, chống tảo hôn"},
    {"tệ nạn ma túy", "người nghiện ma túy", "Phòng, chống ma túy"},
    {"tội phạm mua bán người", "mua bán người", "Phòng, chống mua bán người"},
    {"xuất cảnh trái phép đi lao động", "xuất cảnh trái phép", "Xuất cảnh trái phép"},
};

constexpr const char* kMethods[] = {
    "Để thông tin đến được với người dân, các tổ tuyên vận sử dụng linh hoạt nhiều hình thức: tuyên truyền miệng tại "
    "hội nghị thôn, loa truyền thanh, nhóm Zalo, tờ rơi song ngữ và đến tận nhà vào buổi tối khi bà con đã đi nương "
    "về.",
    "Điểm mới trong cách làm của {xa} là chọn đúng người để nói. Với đồng bào {dt}, những lời khuyên từ già làng, "
    "trưởng dòng họ, người có uy tín thường có sức thuyết phục hơn nhiều so với những cuộc họp đông người.",
    "Các nội dung tuyên truyền được biên soạn ngắn gọn, dễ hiểu, [dịch sang {tieng}|có hình ảnh minh họa], tập trung "
    "vào những việc người dân cần làm, làm như thế nào và được lợi gì. Những thuật ngữ khó được giải thích bằng ví dụ "
    "gần gũi với đời sống.",
    "Mỗi tháng, Ban Tuyên vận {xa} xác định mục tiêu, nhiệm vụ tuyên vận cụ thể, phân công từng thành viên phụ trách, "
    "có chỉ tiêu đo đếm được. Cuối tháng, kết quả được đối chiếu với mục tiêu để đánh giá, chấm điểm, [làm căn cứ xếp "
    "loại thành viên|rút kinh nghiệm cho tháng sau].",
    "Cán bộ, đảng viên được yêu cầu gương mẫu thực hiện trước, vận động gia đình, dòng họ làm theo. Việc “nói đi đôi "
    "với làm” đã tạo sức lan tỏa lớn, nhiều việc khó ở thôn được giải quyết nhờ sự đồng thuận của người dân.",
    "Các ý kiến, kiến nghị của người dân được tổng hợp, phân loại và chuyển đến cơ quan có thẩm quyền giải quyết. Kết "
    "quả giải quyết được thông báo lại tại hội nghị tuyên vận tháng sau, [tạo niềm tin cho Nhân dân|để người dân thấy "
    "ý kiến của mình được lắng nghe].",
    "Sự phối hợp giữa Đảng ủy, chính quyền, Mặt trận và các đoàn thể ngày càng chặt chẽ. Mỗi tổ chức nhận phần việc "
    "phù hợp với đối tượng của mình: hội phụ nữ vận động chị em, hội nông dân hướng dẫn sản xuất, đoàn thanh niên đi "
    "đầu trong chuyển đổi số.",
    "Hình ảnh, tin bài về hoạt động tuyên vận ở cơ sở được gửi thường xuyên về chuyên mục “Thông tin tuyên vận” trên "
    "Cổng Thông tin điện tử. [Nhiều cách làm hay của {xa} đã được các địa phương khác tham khảo, học tập.|Việc này vừa "
    "ghi nhận kết quả, vừa tạo động lực cho các tổ tuyên vận.]",
};

constexpr const char* kDifficulties[] = {
    "Bên cạnh kết quả đạt được, công tác tuyên vận ở {xa} vẫn còn những khó khăn. Địa bàn rộng, dân cư phân tán, "
    "nhiều thôn cách trung tâm xã hàng chục cây số, đường sá đi lại khó khăn, nhất là vào mùa mưa.",
    "Trình độ, kỹ năng của một số thành viên tổ tuyên vận còn hạn chế; việc ghi chép Sổ nhật ký tuyên vận ở một vài "
    "thôn còn sơ sài. Một bộ phận người dân còn tâm lý trông chờ, ỷ lại vào sự hỗ trợ của Nhà nước.",
    "Nội dung thông tin tại một số hội nghị còn dài, chưa thật sự chọn lọc; báo cáo viên chủ yếu đọc tài liệu, ít "
    "tương tác với người dân. Tỷ lệ người trẻ tham dự hội nghị chưa cao do nhiều người đi làm ăn xa.",
    "Kinh phí hoạt động của các tổ tuyên vận còn hạn hẹp, chủ yếu dựa vào tinh thần tự nguyện của thành viên. [Một số "
    "thôn chưa có nhà văn hóa đủ rộng để tổ chức hội nghị.|Hệ thống loa truyền thanh ở một số thôn đã xuống cấp.]",
    "Việc tổng hợp, báo cáo kết quả ở một số thôn còn chậm; mục tiêu, nhiệm vụ tuyên vận hằng tháng có nơi còn chung "
    "chung, khó đo đếm, chưa gắn với nhiệm vụ chính trị cụ thể của thôn.",
};

constexpr const char* kSolutions[] = {
    "Thời gian tới, {dang_uy} tiếp tục quán triệt Quy định số 11-QĐ/TU, nâng cao trách nhiệm của cấp ủy, người đứng "
    "đầu trong công tác tuyên vận; kiện toàn ban tuyên vận, tổ tuyên vận, bố trí những người có năng lực, uy tín tham "
    "gia.",
    "Xã sẽ tiếp tục đổi mới nội dung, hình thức hội nghị tuyên vận theo hướng ngắn gọn, thiết thực, dành nhiều thời "
    "gian cho đối thoại; nâng cao kỹ năng của báo cáo viên và chất lượng biên soạn thông tin thời sự cấp xã.",
    "Cùng với đó, xã tăng cường kiểm tra việc ghi chép Sổ nhật ký tuyên vận, gắn đánh giá, chấm điểm thành viên với "
    "kết quả thực hiện nhiệm vụ; kịp thời biểu dương những tập thể, cá nhân làm tốt, nhắc nhở những nơi còn hạn chế.",
    "Xã đề nghị cấp trên quan tâm tập huấn, bồi dưỡng kỹ năng cho cán bộ tuyên vận cơ sở; hỗ trợ kinh phí, trang "
    "thiết bị phục vụ tuyên truyền như loa, máy chiếu, tài liệu song ngữ cho các thôn vùng sâu, vùng xa.",
    "Các tổ tuyên vận tiếp tục bám sát địa bàn, nắm chắc tâm tư, nguyện vọng của Nhân dân; phát huy vai trò của người "
    "có uy tín, trưởng dòng họ trong vận động đồng bào thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà "
    "nước.",
    "Xã cũng đẩy mạnh ứng dụng công nghệ thông tin trong công tác tuyên vận: gửi tài liệu qua hòm thư điện tử, duy trì "
    "nhóm Zalo của các thôn, cung cấp thường xuyên tin, bài cho chuyên mục “Thông tin tuyên vận” trên Cổng Thông tin "
    "điện tử.",
};

constexpr const char* kClosings[] = {
    "Hoạt động đã góp phần củng cố niềm tin của Nhân dân với cấp ủy, chính quyền, tạo sự đồng thuận trong thực hiện "
    "nhiệm vụ chính trị của địa phương.",
    "Kết quả trên tiếp tục khẳng định vai trò của công tác tuyên vận trong việc đưa chủ trương của Đảng, chính sách "
    "của "
    "Nhà nước đến gần hơn với người dân.",
    "Thời gian tới, {xa} sẽ tiếp tục duy trì, nhân rộng cách làm này ra các thôn, bản trên địa bàn.",
    "Các nội dung trên sẽ được theo dõi, đánh giá kết quả và thông tin lại tại hội nghị tuyên vận tháng {thang_toi}.",
    "Ban Tuyên vận {xa} sẽ tổng hợp kết quả, báo cáo {huyen_uy} theo quy định.",
    "Người dân {thon} bày tỏ phấn khởi và mong muốn những hoạt động như thế này được tổ chức thường xuyên hơn.",
};

/// For topics about the district's own work (scoring, training).
constexpr const char* kDistrictDifficulties[] = {
    "Bên cạnh kết quả đạt được, chất lượng công tác tuyên vận giữa các xã chưa đồng đều; một số địa phương còn tổ chức "
    "hội nghị chậm so với lịch đăng ký, nội dung thông tin thiếu chọn lọc.",
    "Một số cơ quan được phân công dự hội nghị chưa gửi phiếu đánh giá đúng hạn; việc báo cáo kết quả ở một vài xã còn "
    "chung chung, chưa có số liệu so sánh với mục tiêu.",
    "Đội ngũ báo cáo viên cấp xã còn thiếu kỹ năng truyền đạt; việc khai thác tài liệu trên Cổng Thông tin điện tử và "
    "sử "
    "dụng hòm thư điện tử ở một số nơi chưa thường xuyên.",
};
constexpr const char* kDistrictSolutions[] = {
    "Thời gian tới, {huyen_uy} tiếp tục chỉ đạo các đảng ủy xã thực hiện nghiêm Quy định số 11-QĐ/TU; gắn kết quả công "
    "tác tuyên vận với đánh giá, xếp loại tổ chức đảng và người đứng đầu.",
    "Ban Tuyên giáo sẽ tăng cường kiểm tra, giám sát tại cơ sở, tập trung vào những địa bàn còn yếu; kịp thời biểu "
    "dương, nhân rộng cách làm hay và nhắc nhở những nơi thực hiện chưa nghiêm.",
    "Việc tập huấn, bồi dưỡng kỹ năng cho báo cáo viên, phó trưởng ban tuyên vận chuyên trách và cán bộ phụ trách Cổng "
    "Thông tin điện tử các xã sẽ được tổ chức thường xuyên hơn, chú trọng thực hành.",
    "Các cơ quan được phân công dự hội nghị tuyên vận cần duy trì nền nếp đi dự, đánh giá khách quan và gửi phiếu đánh "
    "giá đúng thời hạn để phục vụ công tác tổng hợp, chỉ đạo.",
};
constexpr const char* kDistrictClosings[] = {
    "Kết quả trên là cơ sở để {huyen_uy} tiếp tục chỉ đạo nâng cao chất lượng công tác tuyên vận ở cơ sở trong thời "
    "gian tới.",
    "Ban Tuyên giáo {huyen_uy} sẽ tổng hợp kết quả, báo cáo Thường trực theo quy định.",
    "Các nội dung trên sẽ được đánh giá tại hội nghị giao ban công tác tuyên vận tháng {thang_toi}.",
};

constexpr const char* kDifficultyHeadings[] = {"Còn những khó khăn", "Những hạn chế cần khắc phục",
                                               "Khó khăn, vướng mắc", "Nhìn thẳng vào hạn chế"};
constexpr const char* kSolutionHeadings[] = {"Giải pháp trong thời gian tới", "Tiếp tục đổi mới cách làm",
                                             "Nhiệm vụ thời gian tới", "Hướng đi tiếp theo"};
constexpr const char* kMethodHeadings[] = {"Cách làm sát dân", "Đổi mới phương thức tuyên vận", "Những cách làm hay",
                                           "Gần dân, hiểu dân"};
constexpr const char* kListIntros[] = {"Một số nội dung chính:", "Những nội dung trọng tâm gồm:",
                                       "Các việc được triển khai cụ thể:", "Trong đó, tập trung vào các việc:"};
constexpr const char* kPhotoPrefixes[] = {"Ảnh: ", "Chùm ảnh: ", "Phóng sự ảnh: ", "Ghi nhận: "};
constexpr const char* kPhotoSapos[] = {
    "Chùm ảnh ghi lại {anh}, do cộng tác viên thực hiện ngày {ngay}.",
    "Mời bạn đọc theo dõi chùm ảnh về {anh}, được ghi lại trong tháng {thang_nam}.",
    "Những hình ảnh về {anh} [ngày {ngay}|trong tháng {thang_nam}] [cho thấy sự chuẩn bị chu đáo và tinh thần hưởng "
    "ứng của bà con|phản ánh sinh động hoạt động ở cơ sở].",
    "Qua ống kính của cộng tác viên, {anh} hiện lên [sinh động|gần gũi] [ngày {ngay}|trong tháng {thang_nam}].",
};

// ---------------------------------------------------------------------------------------------
// Documents.

enum class DocKind { kPlan, kNotice, kGuide, kDecision, kLetter };
enum class Issuer { kCommuneParty, kCommuneGovernment, kDistrict };

struct DocSubject {
    DocKind kind;
    Issuer issuer;
    const char* subject;  ///< read after "về"
};

std::string_view DocKindName(DocKind kind) {
    switch (kind) {
        case DocKind::kPlan:
            return "Kế hoạch";
        case DocKind::kNotice:
            return "Thông báo";
        case DocKind::kGuide:
            return "Hướng dẫn";
        case DocKind::kDecision:
            return "Quyết định";
        case DocKind::kLetter:
            return "Công văn";
    }
    return "Kế hoạch";
}

std::string_view DocKindCode(DocKind kind) {
    switch (kind) {
        case DocKind::kPlan:
            return "KH";
        case DocKind::kNotice:
            return "TB";
        case DocKind::kGuide:
            return "HD";
        case DocKind::kDecision:
            return "QĐ";
        case DocKind::kLetter:
            return "CV";
    }
    return "KH";
}

constexpr const char* kDocPurposes[] = {
    "Nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên và Nhân dân, tạo sự thống nhất trong tổ chức thực hiện",
    "Cụ thể hóa chủ trương của cấp trên phù hợp với tình hình thực tế của địa phương",
    "Bảo đảm sự chỉ đạo thống nhất, kịp thời từ xã đến thôn, bản",
    "Nội dung triển khai thiết thực, phù hợp với đặc điểm của từng thôn, bản",
    "Gắn trách nhiệm của người đứng đầu với kết quả thực hiện",
    "Thông tin kịp thời, chính xác; không hình thức, không lãng phí",
};
/// How a Party committee's document is carried out.
/// What a document is for, read after "Văn bản nhằm".
constexpr const char* kDocAims[] = {
    "nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên và Nhân dân, tạo sự thống nhất trong tổ chức thực hiện",
    "cụ thể hóa chủ trương của cấp trên phù hợp với tình hình thực tế của địa phương",
    "bảo đảm sự chỉ đạo thống nhất, kịp thời từ xã đến thôn, bản",
    "gắn trách nhiệm của người đứng đầu với kết quả thực hiện",
    "tạo sự đồng thuận trong Nhân dân, góp phần thực hiện thắng lợi nhiệm vụ chính trị của địa phương",
};
constexpr const char* kDocExecution[] = {
    "Ban Tuyên vận {xa} chủ trì, phối hợp với các cơ quan, đoàn thể hướng dẫn, đôn đốc việc thực hiện. Các chi bộ "
    "thôn, tổ tuyên vận căn cứ nội dung văn bản xây dựng kế hoạch cụ thể, phân công thành viên phụ trách.",
    "Các chi bộ, cơ quan, đơn vị định kỳ báo cáo kết quả thực hiện về {dang_uy} (qua Văn phòng Đảng ủy) trước ngày 20 "
    "hằng tháng để tổng hợp, báo cáo {huyen_uy}.",
    "Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội xã tuyên truyền, vận động đoàn viên, hội viên và Nhân dân "
    "hưởng ứng, thực hiện; lồng ghép nội dung vào sinh hoạt định kỳ của tổ chức mình.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh về Thường trực Đảng ủy để xem "
    "xét, giải quyết.",
};
/// How a commune People's Committee's document is carried out.
constexpr const char* kGovernmentExecution[] = {
    "Công chức chuyên môn của UBND xã chủ trì, phối hợp với Ủy ban MTTQ và các đoàn thể hướng dẫn, đôn đốc thực hiện. "
    "Trưởng các thôn, bản có trách nhiệm phổ biến nội dung tới từng hộ gia đình.",
    "Các bộ phận chuyên môn, trưởng các thôn, bản định kỳ báo cáo kết quả thực hiện về UBND xã trước ngày 20 hằng "
    "tháng "
    "để tổng hợp, báo cáo cấp trên.",
    "Đề nghị Ủy ban MTTQ và các đoàn thể xã phối hợp tuyên truyền, vận động Nhân dân thực hiện; lồng ghép nội dung vào "
    "các buổi họp thôn và sinh hoạt chi hội.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ phận, thôn, bản kịp thời báo cáo UBND xã để xem "
    "xét, "
    "giải quyết.",
};
/// How a district committee's (or its propaganda board's) document is carried out.
constexpr const char* kDistrictExecution[] = {
    "Ban Tuyên giáo {huyen_uy} chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, kiểm tra, đôn đốc việc thực "
    "hiện; "
    "tổng hợp kết quả, báo cáo Ban Thường vụ theo quy định.",
    "Đảng ủy các xã căn cứ nội dung văn bản xây dựng kế hoạch cụ thể, phân công cán bộ phụ trách và báo cáo kết quả "
    "thực hiện trong báo cáo tuyên vận hằng tháng.",
    "Các cơ quan được phân công dự hội nghị tuyên vận có trách nhiệm phối hợp, theo dõi và phản ánh kịp thời những vấn "
    "đề phát sinh ở cơ sở.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh về Ban Tuyên giáo để tổng "
    "hợp, "
    "báo cáo Thường trực.",
};
/// How a document's lead ends, by issuer: a commune Party committee, a commune People's Committee, a district.
constexpr const char* kPartySapoTails[] = {
    "yêu cầu các chi bộ, tổ tuyên vận và các cơ quan, đoàn thể triển khai thực hiện nghiêm túc",
    "đề ra các nhiệm vụ cụ thể cho từng chi bộ, đoàn thể và thôn, bản",
    "nhằm thống nhất cách làm trên toàn địa bàn",
};
constexpr const char* kGovernmentSapoTails[] = {
    "yêu cầu các bộ phận chuyên môn, trưởng các thôn, bản triển khai thực hiện nghiêm túc",
    "giao nhiệm vụ cụ thể cho từng bộ phận, thôn, bản",
    "nhằm thống nhất cách làm trên toàn địa bàn",
};
constexpr const char* kDistrictSapoTails[] = {
    "yêu cầu đảng ủy các xã và các cơ quan liên quan triển khai thực hiện nghiêm túc",
    "giao trách nhiệm cụ thể cho người đứng đầu các cơ quan, đơn vị",
    "nhằm thống nhất cách làm trên địa bàn {huyen}",
};

// ---------------------------------------------------------------------------------------------
// Topics. Each topic holds its own titles, leads, paragraphs, headings, list items, quotes,
// pictures, tags and document subjects; slots are filled per article.

enum class TableKind { kNone, kConference, kLogbook, kRoads, kDigital, kScores };
enum class Flavor { kPlain, kCrop, kFestival, kHazard, kIssue };

struct Picture {
    const char* alt;
    const char* caption;
};

/// One way of telling a topic's story: titles and leads that belong together, and the paragraphs that
/// open its body before the topic's shared paragraphs. Unused entries are null.
struct Angle {
    std::array<const char*, 6> titles{};
    std::array<const char*, 3> sapos{};
    std::array<const char*, 2> leads{};
};

/// The filled front of one of Angle's arrays.
template <std::size_t N>
Texts Filled(const std::array<const char*, N>& texts) {
    std::size_t n = 0;
    while (n < N && texts[n] != nullptr) {
        ++n;
    }
    return Texts(texts.data(), n);
}

struct Topic {
    std::string_view id;
    std::string_view name;                       ///< heading of its part in LongBody
    std::span<const std::string_view> sections;  ///< fitting section keys, best first
    Flavor flavor;
    TableKind table;
    std::span<const Angle> angles;
    Texts photos;      ///< photo-story subjects, after "Ảnh: "
    Texts paragraphs;  ///< shared by every angle, in rough narrative order
    Texts headings;
    Texts items;  ///< bullet-list items, also a document's contents
    Texts quotes;
    std::span<const Picture> pictures;
    Texts tags;
    std::span<const DocSubject> docs;
};

// --- Hội nghị tuyên vận -----------------------------------------------------------------------

constexpr std::string_view kConferenceSections[] = {"thong-tin-tuyen-van", "dan-van", "thoi-su"};
constexpr const char* kConferenceTitles[] = {
    "{Dang_uy} tổ chức Hội nghị tuyên vận tháng {thang_nam}",
    "{Xa}: [Gần|Hơn] {dd} người dân [dự|tham dự] Hội nghị tuyên vận tháng {thang} tại {thon}",
    "Hội nghị tuyên vận tháng {thang_nam} ở {xa}: [{ykien_gq} ý kiến của người dân được giải đáp tại chỗ|người dân "
    "mạnh dạn nêu {ykien} ý kiến, kiến nghị]",
    "{Xa} đưa Hội nghị tuyên vận tháng {thang} về tận {thon}",
    "[Đổi mới|Nâng cao chất lượng] Hội nghị tuyên vận ở {xa}: [thông tin ngắn gọn, sát với đời sống bà con|bà con "
    "hỏi, cán bộ trả lời ngay tại chỗ]",
    "{Dv} dự, giám sát Hội nghị tuyên vận tháng {thang_nam} tại {xa}",
    "Người dân {thon} ({ten_xa}) đối thoại cùng cán bộ tại Hội nghị tuyên vận tháng {thang}",
    "Hội nghị tuyên vận tháng {thang} tại {xa} [tập trung vào|dành trọng tâm cho] chuyên đề {chuyen_de}",
    "Khi Hội nghị tuyên vận trở thành [“ngày hội” của bà con|điểm hẹn hằng tháng của bà con] {thon}",
    "{Xa}: Hội nghị tuyên vận tháng {thang} thu hút {pct}% số hộ {thon} tham gia",
    "Bà con {thon} ({ten_xa}) [nêu|gửi gắm] {ykien} ý kiến tại Hội nghị tuyên vận tháng {thang_nam}",
    "Hội nghị tuyên vận ở {xa}: nói ít để dân hỏi nhiều [tháng {thang_nam}|]",
    "Đoàn giám sát của {dv} đánh giá cao Hội nghị tuyên vận tháng {thang} ở {xa}",
    "Báo cáo viên {dv} trình bày chuyên đề {chuyen_de} tại {xa}",
};
constexpr const char* kConferencePhotos[] = {
    "Hội nghị tuyên vận tháng {thang} tại {thon}, {xa}",
    "Bà con {thon} dự Hội nghị tuyên vận tháng {thang_nam}",
    "Không khí Hội nghị tuyên vận ở {xa} tháng {thang_nam}",
};
constexpr const char* kConferenceSapos[] = {
    "Ngày {ngay}, {dang_uy} tổ chức Hội nghị tuyên vận tháng {thang_nam} [tại hội trường UBND xã|tại nhà văn hóa "
    "{thon}] với sự tham dự của {dd} cán bộ, đảng viên và người dân. [Hội nghị dành phần lớn thời gian để bà con nêu "
    "ý kiến, kiến nghị.|Tại hội nghị, {ykien_gq} ý kiến của người dân đã được cán bộ xã trả lời trực tiếp.]",
    "Với cách làm ngắn gọn, sát thực tế, Hội nghị tuyên vận tháng {thang} của {xa} [diễn ra ngày|tổ chức ngày] "
    "{ngay} đã thu hút {dd} người dự, trong đó có {dd_nu} phụ nữ. Nhiều băn khoăn của bà con về {q1} đã được giải đáp "
    "ngay tại chỗ.",
    "[Sáng|Chiều] {ngay}, tại {thon}, Ban Tuyên vận {xa} phối hợp với tổ tuyên vận thôn tổ chức Hội nghị tuyên vận "
    "tháng {thang_nam}. {Dv} cử cán bộ dự, giám sát hội nghị theo phân công luân phiên địa bàn.",
    "Hội nghị tuyên vận tháng {thang} ở {xa} không chỉ truyền tải thông tin thời sự mà còn là dịp để cán bộ lắng nghe "
    "dân. Trong hơn hai giờ, {ykien} ý kiến được nêu, {ykien_gq} ý kiến được giải đáp ngay tại hội nghị.",
    "{Dang_uy} vừa tổ chức Hội nghị tuyên vận tháng {thang_nam} với chuyên đề {chuyen_de} do báo cáo viên của {dv} "
    "trình bày. Hội nghị có {dd} người tham dự, {ykien} ý kiến được nêu.",
    "Ngày {ngay}, Hội nghị tuyên vận tháng {thang_nam} của {xa} được tổ chức tại nhà văn hóa {thon}, thu "
    "hút {dd} người dân, trong đó có {dd_nu} phụ nữ. [Nhiều hộ ở xa cũng có mặt từ sớm.|Bà con ngồi kín "
    "hội trường từ đầu giờ.]",
    "Không còn cảnh đọc tài liệu kéo dài, Hội nghị tuyên vận ở {xa} những tháng gần đây được tổ chức ngắn "
    "gọn, dành nhiều thời gian cho bà con hỏi và cán bộ trả lời. Hội nghị tháng {thang_nam} tại {thon} "
    "với {ykien} ý kiến được nêu là một ví dụ.",
};
constexpr const char* kConferenceParagraphs[] = {
    "Hội nghị [được tổ chức theo đúng lịch đã đăng ký|diễn ra đúng lịch đăng ký với {huyen_uy}] và được chuẩn bị chu "
    "đáo từ khâu thông báo, mời dự đến nội dung tài liệu. [Trước đó một tuần|Trước ngày tổ chức], các tổ tuyên vận đã "
    "thông báo tới từng hộ qua loa truyền thanh, nhóm Zalo của thôn và lồng ghép trong các buổi sinh hoạt chi hội. Nhờ "
    "vậy, số người dự đạt {dd} người, [cao hơn tháng trước|tăng so với cùng kỳ năm trước], trong đó có nhiều hộ ở xa "
    "trung tâm xã.",
    "Tại hội nghị, đồng chí {cb}, {cv} {xa}, thông tin tóm tắt tình hình thời sự quốc tế, trong nước, trong tỉnh và "
    "kết quả thực hiện nhiệm vụ chính trị của xã trong tháng. Nội dung được chọn lọc ngắn gọn, có số liệu cụ thể, "
    "[đặc biệt là|nhất là] những việc liên quan trực tiếp đến đời sống của bà con như {viec1}, {viec2}.",
    "Chuyên đề {chuyen_de} do báo cáo viên của {dv} trình bày được bà con đặc biệt quan tâm. [Thay vì đọc tài "
    "liệu|Không đọc nguyên văn tài liệu], báo cáo viên [sử dụng hình ảnh, ví dụ gần gũi|kể lại những câu chuyện có "
    "thật ở địa phương] và [nhờ cán bộ thôn dịch sang {tieng}|trao đổi bằng {tieng} với bà con], giúp người nghe dễ "
    "hiểu, dễ nhớ.",
    "Phần đối thoại là nội dung được chờ đợi nhất. {ykien} ý kiến, kiến nghị đã được nêu [thẳng thắn|cởi mở], tập "
    "trung vào {q1}, {q2} và {q3}. Lãnh đạo Đảng ủy, UBND xã đã trả lời trực tiếp {ykien_gq} ý kiến; các ý kiến còn "
    "lại được ghi nhận, [tổng hợp báo cáo cấp trên|chuyển đến cơ quan chuyên môn] và hẹn trả lời tại hội nghị tháng "
    "sau.",
    "Thay mặt đoàn giám sát, đồng chí {cb2}, cán bộ {dv}, đánh giá hội nghị [được chuẩn bị chu đáo|diễn ra đúng quy "
    "định], nội dung phù hợp với đối tượng; đồng thời đề nghị {dang_uy} tiếp tục [rút ngắn phần đọc tài liệu, dành "
    "nhiều thời gian hơn cho đối thoại|chú trọng thông tin về những việc liên quan trực tiếp đến người dân] và theo "
    "dõi việc trả lời các kiến nghị chưa giải quyết.",
    "Sau hội nghị ở xã, các tổ tuyên vận [có trách nhiệm|sẽ] truyền đạt lại nội dung tới các hộ không có điều kiện "
    "tham dự và ghi chép đầy đủ vào Sổ nhật ký tuyên vận. Tổ trưởng tổ tuyên vận {thon}, {ong2}, cho biết tổ sẽ chia "
    "nhau đến từng nhóm hộ, [ưu tiên các hộ ở xa|tranh thủ buổi tối khi bà con đi nương về] để thông tin không bị bỏ "
    "sót.",
    "[Theo|Theo thống kê của] Ban Tuyên vận {xa}, từ đầu năm {nam} đến nay xã đã tổ chức {thang} hội nghị tuyên vận, "
    "thu hút bình quân {dd_tb} người dự mỗi hội nghị. [Tỷ lệ ý kiến của người dân được giải đáp ngay tại hội nghị "
    "đạt {pct}%.|Tỷ lệ hộ có người tham dự đạt {pct}%.]",
    "Một điểm mới của hội nghị tháng này là việc [mời người có uy tín trong cộng đồng cùng tham gia trả lời ý kiến "
    "của bà con|trình chiếu video ngắn bằng {tieng}|tổ chức hỏi đáp nhanh có phần thưởng nhỏ để kiểm tra mức độ nắm "
    "bắt thông tin]. {Ong}, người có uy tín ở {thon}, chia sẻ: “Cán bộ nói ngắn, nói đúng việc của thôn nên bà con "
    "nghe hiểu, về nhà làm theo được.”",
    "Hội nghị cũng dành thời gian thông tin kết quả thực hiện các mục tiêu tuyên vận tháng {thang_truoc} và giao "
    "nhiệm vụ tháng {thang_toi}. Trong đó, mỗi tổ tuyên vận được giao vận động ít nhất {n} hộ [hoàn thành kích hoạt "
    "tài khoản định danh điện tử|tham gia vệ sinh đường làng, ngõ xóm|tham gia bảo hiểm y tế hộ gia đình|đăng ký "
    "trồng bổ sung cây ăn quả].",
    "Trước khi hội nghị bắt đầu, cán bộ xã đã [đến sớm|có mặt từ đầu giờ] để trò chuyện với bà con, [hỏi thăm tình "
    "hình sản xuất|ghi lại những băn khoăn chưa tiện nói trước đông người]. Cách làm này giúp Ban Tuyên vận nắm thêm "
    "tâm tư của người dân và chuẩn bị câu trả lời sát hơn cho phần đối thoại.",
    "Ở phần đối thoại, {ong} ({thon}) [thẳng thắn|mạnh dạn] đề nghị xã quan tâm đến {q1}. Trả lời ý kiến này, đồng "
    "chí {cb}, {cv} {xa}, cho biết xã sẽ {a1}. [Câu trả lời cụ thể, rõ ràng khiến nhiều người dự đồng tình.|Bà con "
    "bày tỏ yên tâm khi nhận được câu trả lời rõ ràng.]",
    "Cũng tại hội nghị, {ong2} ({thon2}) nêu băn khoăn về {q2}. Đại diện UBND xã đã ghi nhận và cho biết xã sẽ {a2}. "
    "[Ý kiến này được đưa vào danh sách theo dõi của Ban Tuyên vận xã.|Kết quả sẽ được thông tin lại tại hội nghị "
    "tháng {thang_toi}.]",
};
constexpr Angle kConferenceAngles[] = {
    {{kConferenceTitles[0], kConferenceTitles[1], kConferenceTitles[3], kConferenceTitles[9]},
     {kConferenceSapos[0], kConferenceSapos[5]},
     {kConferenceParagraphs[0]}},
    {{kConferenceTitles[2], kConferenceTitles[6], kConferenceTitles[10]},
     {kConferenceSapos[1], kConferenceSapos[3]},
     {kConferenceParagraphs[3]}},
    {{kConferenceTitles[5], kConferenceTitles[12]}, {kConferenceSapos[2]}, {kConferenceParagraphs[4]}},
    {{kConferenceTitles[7], kConferenceTitles[13]}, {kConferenceSapos[4]}, {kConferenceParagraphs[2]}},
    {{kConferenceTitles[4], kConferenceTitles[8], kConferenceTitles[11]},
     {kConferenceSapos[6]},
     {kConferenceParagraphs[7]}},
};
constexpr const char* kConferenceHeadings[] = {"Thông tin ngắn gọn, sát thực tế", "Dành nhiều thời gian cho đối thoại",
                                               "Lắng nghe để hành động",          "Giám sát để nâng chất lượng",
                                               "Đưa thông tin đến từng hộ",       "Kết quả hội nghị tại các thôn"};
constexpr const char* kConferenceItems[] = {
    "Tình hình thời sự nổi bật trong nước và trong tỉnh tháng {thang}",
    "Kết quả thực hiện nhiệm vụ phát triển kinh tế – xã hội của {xa}",
    "Chuyên đề {chuyen_de}",
    "Kế hoạch về {viec1}",
    "Mục tiêu, nhiệm vụ tuyên vận tháng {thang_toi}",
    "Giải đáp ý kiến, kiến nghị của người dân",
    "Thông báo lịch tiếp công dân của lãnh đạo xã",
};
constexpr const char* kConferenceQuotes[] = {
    "Hội nghị tuyên vận phải là nơi dân được nói và cán bộ phải trả lời bằng việc làm cụ thể. Ý kiến nào chưa giải "
    "quyết được ngay, tháng sau chúng tôi báo cáo lại với bà con.",
    "Chúng tôi xác định nói ít để dân hỏi nhiều. Mỗi tháng chọn vài việc sát với đời sống của thôn để thông tin thật "
    "kỹ, tránh dàn trải.",
    "Mỗi hội nghị là một lần cán bộ được kiểm tra xem mình có sát dân hay không. Bà con hỏi càng nhiều thì chúng tôi "
    "càng biết việc gì cần làm trước.",
};
constexpr Picture kConferencePictures[] = {
    {"Toàn cảnh hội nghị tại nhà văn hóa thôn, người dân ngồi kín hội trường, phía trước là bàn chủ tọa",
     "Hội nghị tuyên vận tháng {thang_nam} tại {thon}, {xa} thu hút đông đảo người dân tham dự."},
    {"Một người dân đứng phát biểu, cầm micro nêu ý kiến giữa hội trường",
     "{Ong} ({thon}) nêu ý kiến tại Hội nghị tuyên vận tháng {thang}."},
    {"Cán bộ xã đứng trả lời câu hỏi của bà con, phía sau là màn chiếu nội dung chuyên đề",
     "Đồng chí {cb}, {cv} {xa}, giải đáp ý kiến của người dân."},
};
constexpr const char* kConferenceTags[] = {"Hội nghị tuyên vận", "Thông tin thời sự", "Đối thoại với Nhân dân"};
constexpr DocSubject kConferenceDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneParty, "tổ chức Hội nghị tuyên vận hằng tháng năm {nam}"},
    {DocKind::kNotice, Issuer::kCommuneParty, "lịch tổ chức Hội nghị tuyên vận tháng {thang_toi_nam}"},
    {DocKind::kNotice, Issuer::kCommuneParty, "điều chỉnh thời gian tổ chức Hội nghị tuyên vận tháng {thang_nam}"},
    {DocKind::kGuide, Issuer::kDistrict, "biên soạn, bổ sung thông tin thời sự cấp xã phục vụ hội nghị tuyên vận"},
};

// --- Sổ nhật ký tuyên vận ---------------------------------------------------------------------

constexpr std::string_view kLogbookSections[] = {"thong-tin-tuyen-van", "dan-van"};
constexpr const char* kLogbookTitles[] = {
    "{Xa} kiểm tra việc ghi chép Sổ nhật ký tuyên vận tại {so_thon} tổ tuyên vận",
    "Sổ nhật ký tuyên vận ở {thon} ({ten_xa}): ghi [đủ|kỹ] để [theo dõi|làm] đến nơi đến chốn",
    "Từ trang Sổ nhật ký tuyên vận đến những việc làm cụ thể ở {xa}",
    "{Huyen} chấn chỉnh việc ghi chép Sổ nhật ký tuyên vận [tháng {thang_nam}|năm {nam}]",
    "Tổ tuyên vận {thon} ghi {n2} lượt gặp gỡ hộ dân vào Sổ nhật ký tuyên vận tháng {thang}",
    "{Xa}: Sổ nhật ký tuyên vận giúp nắm chắc tâm tư của {ho} hộ dân {thon}",
    "Khi Sổ nhật ký tuyên vận không còn là [“sổ cho có”|thủ tục hình thức] ở {xa}",
    "Ban Tuyên vận {xa} hướng dẫn các tổ tuyên vận ghi chép sổ nhật ký [theo mẫu mới|từ tháng {thang_nam}]",
    "{So_dat}/{so_thon} tổ tuyên vận ở {xa} ghi chép Sổ nhật ký tuyên vận đạt yêu cầu [tháng {thang}|năm {nam}]",
};
constexpr const char* kLogbookPhotos[] = {
    "Cán bộ {xa} kiểm tra Sổ nhật ký tuyên vận tại {thon}",
    "Một buổi ghi chép Sổ nhật ký tuyên vận của tổ tuyên vận {thon}, {xa}",
};
constexpr const char* kLogbookSapos[] = {
    "Trong tháng {thang_nam}, Ban Tuyên vận {xa} đã kiểm tra Sổ nhật ký tuyên vận của {so_thon} tổ tuyên vận thôn, "
    "bản. [Kết quả cho thấy|Qua kiểm tra,] phần lớn các tổ ghi chép đầy đủ, rõ ràng diễn biến tình hình và kết quả "
    "vận động tại khu dân cư.",
    "Mỗi lần đến nhà dân, các thành viên tổ tuyên vận {thon} ({xa}) đều ghi lại nội dung trao đổi và kiến nghị của "
    "bà con vào Sổ nhật ký tuyên vận. Riêng tháng {thang}, tổ đã ghi {n2} lượt gặp gỡ, nắm bắt {n} kiến nghị.",
    "Ngày {ngay}, đoàn công tác của {huyen_uy} kiểm tra việc ghi chép, sử dụng Sổ nhật ký tuyên vận tại {xa}. Đoàn "
    "đánh giá cao cách ghi chép khoa học của tổ tuyên vận {thon}, đồng thời chỉ ra một số sổ còn ghi sơ sài.",
    "Sau {n} tháng áp dụng mẫu Sổ nhật ký tuyên vận mới, đến tháng {thang_nam}, các tổ tuyên vận ở {xa} đã "
    "ghi chép đầy đủ hơn, giúp Đảng ủy xã nắm chắc tình hình và có hướng xử lý kịp thời.",
};
constexpr const char* kLogbookParagraphs[] = {
    "Sổ nhật ký tuyên vận được thiết kế theo hướng dẫn của {huyen_uy}, gồm các phần: kế hoạch hoạt động trong tháng, "
    "nội dung tuyên truyền, kết quả vận động từng hộ, ý kiến, kiến nghị của người dân và việc đã giải quyết. Mỗi tổ "
    "tuyên vận có {tv} thành viên, [được phân công phụ trách theo nhóm hộ|mỗi người phụ trách từ 10 đến 15 hộ], ghi "
    "chép ngay sau mỗi lần gặp dân.",
    "Qua kiểm tra, {so_dat} trên {so_thon} tổ tuyên vận ghi chép đầy đủ, đúng mẫu; nội dung phản ánh sát tình hình "
    "địa bàn. Một số tổ còn ghi chung chung, chưa nêu rõ tên hộ được vận động, chưa theo dõi kết quả giải quyết kiến "
    "nghị. Đoàn kiểm tra đã hướng dẫn trực tiếp cách ghi và yêu cầu hoàn thiện trước ngày 25 hằng tháng.",
    "Tổ trưởng tổ tuyên vận {thon}, {ong2}, cho biết: “Trước đây ghi sổ chỉ để nộp kiểm tra, nay mỗi trang sổ là một "
    "việc phải theo đến cùng. Hộ nào kiến nghị gì, đã trả lời chưa, tháng sau xem lại sổ là biết ngay.”",
    "Nhờ ghi chép đều đặn, Sổ nhật ký tuyên vận trở thành nguồn thông tin quan trọng để Đảng ủy xã nắm tình hình. Từ "
    "những ghi chép ở các thôn, xã đã kịp thời phát hiện [{n} trường hợp có nguy cơ tảo hôn|{n} hộ có nhà ở tiềm ẩn "
    "nguy cơ sạt lở|{n} mâu thuẫn nhỏ trong khu dân cư] và phân công cán bộ đến tận nhà vận động, hòa giải.",
    "Theo đồng chí {cb}, {cv} {xa}, sổ nhật ký chỉ có ý nghĩa khi được sử dụng. Hằng tháng, trước hội nghị tuyên "
    "vận, Ban Tuyên vận xã tổng hợp các ý kiến ghi trong sổ của các tổ để chuẩn bị nội dung trả lời, [tránh để ý kiến "
    "của dân bị bỏ sót|bảo đảm kiến nghị nào cũng có người theo dõi].",
    "Việc ghi chép cũng gắn với chấm điểm thành viên tổ tuyên vận. Mỗi lượt gặp dân được ghi đầy đủ, có xác nhận của "
    "tổ trưởng là căn cứ để đánh giá mức độ hoàn thành nhiệm vụ cuối tháng. Tháng {thang}, tổ tuyên vận {thon} có "
    "{tv_tot} thành viên được xếp loại hoàn thành tốt nhiệm vụ.",
    "[Để thuận tiện|Để giảm bớt thủ tục], {xa} đang thí điểm cho các tổ tuyên vận chụp ảnh trang sổ gửi qua nhóm Zalo "
    "của Ban Tuyên vận vào cuối mỗi tuần. Cách làm này giúp cán bộ xã theo dõi thường xuyên mà không phải chờ đến đợt "
    "kiểm tra định kỳ.",
    "Bên cạnh kết quả đạt được, việc ghi sổ ở một số thôn vùng cao vẫn gặp khó khăn do thành viên tổ tuyên vận lớn "
    "tuổi, hạn chế về chữ viết. Ban Tuyên vận xã đã phân công đoàn viên thanh niên hỗ trợ ghi chép và mở lớp hướng "
    "dẫn ngắn tại {thon} cho {n2} thành viên tổ tuyên vận.",
    "Trong sổ của tổ tuyên vận {thon} tháng {thang}, có những dòng ghi rất cụ thể: ngày {ngay}, đến nhà {ong} trao đổi "
    "về {viec1}; gia đình đồng ý thực hiện, hẹn tổ quay lại hỗ trợ. Những ghi chép ngắn gọn như vậy giúp việc vận "
    "động có đầu, có cuối.",
};
constexpr Angle kLogbookAngles[] = {
    {{kLogbookTitles[0], kLogbookTitles[3], kLogbookTitles[8]},
     {kLogbookSapos[0], kLogbookSapos[2]},
     {kLogbookParagraphs[1]}},
    {{kLogbookTitles[1], kLogbookTitles[4], kLogbookTitles[5]}, {kLogbookSapos[1]}, {kLogbookParagraphs[8]}},
    {{kLogbookTitles[2], kLogbookTitles[6], kLogbookTitles[7]}, {kLogbookSapos[3]}, {kLogbookParagraphs[3]}},
};
constexpr const char* kLogbookHeadings[] = {"Ghi đủ, ghi đúng, ghi kịp thời", "Sổ nhật ký – công cụ nắm tình hình",
                                            "Kiểm tra để nâng chất lượng ghi chép", "Từ ghi chép đến hành động",
                                            "Tháo gỡ khó khăn cho tổ tuyên vận vùng cao"};
constexpr const char* kLogbookItems[] = {
    "Việc ghi chép kế hoạch hoạt động hằng tháng của tổ tuyên vận",
    "Số lượt gặp gỡ, tuyên truyền, vận động từng hộ",
    "Ý kiến, kiến nghị của người dân và kết quả giải quyết",
    "Việc cập nhật tình hình an ninh, trật tự tại khu dân cư",
    "Xác nhận của tổ trưởng và nhận xét của Ban Tuyên vận xã",
    "Việc bảo quản, lưu giữ sổ theo quy định",
};
constexpr const char* kLogbookQuotes[] = {
    "Sổ nhật ký tuyên vận không phải để đối phó với kiểm tra. Mỗi dòng trong sổ là một lời hứa với dân, đã ghi thì "
    "phải làm và phải báo lại cho dân biết.",
    "Chúng tôi đọc sổ của từng tổ trước mỗi hội nghị tuyên vận. Thôn nào có nhiều kiến nghị giống nhau thì đó là việc "
    "xã cần ưu tiên giải quyết.",
};
constexpr Picture kLogbookPictures[] = {
    {"Cán bộ xã ngồi cùng tổ trưởng tổ tuyên vận, cùng xem cuốn sổ nhật ký đang mở trên bàn",
     "Cán bộ Ban Tuyên vận {xa} kiểm tra Sổ nhật ký tuyên vận của tổ tuyên vận {thon}."},
    {"Trang sổ nhật ký viết tay ghi ngày tháng và nội dung vận động từng hộ",
     "Trang Sổ nhật ký tuyên vận được ghi chép rõ ràng, đầy đủ của tổ tuyên vận {thon}."},
    {"Thành viên tổ tuyên vận ghi chép vào sổ khi đang trò chuyện với một gia đình trước hiên nhà",
     "Thành viên tổ tuyên vận {thon} ghi lại ý kiến của người dân sau buổi vận động."},
};
constexpr const char* kLogbookTags[] = {"Sổ nhật ký tuyên vận", "Tổ tuyên vận", "Nắm tình hình cơ sở"};
constexpr DocSubject kLogbookDocs[] = {
    {DocKind::kGuide, Issuer::kDistrict, "ghi chép, quản lý và sử dụng Sổ nhật ký tuyên vận của các tổ tuyên vận"},
    {DocKind::kPlan, Issuer::kCommuneParty, "kiểm tra việc ghi chép Sổ nhật ký tuyên vận năm {nam}"},
    {DocKind::kNotice, Issuer::kCommuneParty, "kết quả kiểm tra Sổ nhật ký tuyên vận tháng {thang_nam}"},
};

// --- Cán bộ bám cơ sở, luân phiên địa bàn -----------------------------------------------------

constexpr std::string_view kRotationSections[] = {"thong-tin-tuyen-van", "xay-dung-dang", "dan-van"};
constexpr const char* kRotationTitles[] = {
    "{Xa} phân công {n2} cán bộ, đảng viên phụ trách các thôn, bản năm {nam}",
    "Cán bộ {xa} “bám thôn” [cùng ăn, cùng ở|cùng làm] với bà con {thon}",
    "{Huyen_uy} phân công luân phiên cơ quan dự Hội nghị tuyên vận tại các xã tháng {thang_nam}",
    "{Dv} dự Hội nghị tuyên vận tại {xa} theo phân công luân phiên địa bàn [tháng {thang_nam}|]",
    "Những ngày cán bộ {xa} [ở lại|bám] {thon} [cùng dân|nắm tình hình]",
    "Cán bộ xã về {thon} ({ten_xa}): gần dân để hiểu dân, giúp dân",
    "{Xa} đổi mới cách phân công cán bộ phụ trách địa bàn [từ tháng {thang_nam}|năm {nam}]",
    "Cán bộ phụ trách {thon} ({ten_xa}) và [{n} việc làm|những việc làm] cụ thể trong tháng {thang}",
    "Luân phiên địa bàn dự hội nghị tuyên vận: [cơ quan cấp trên nắm sát thực tế|thêm động lực cho cơ sở] ở {huyen}",
};
constexpr const char* kRotationPhotos[] = {
    "Cán bộ {xa} cùng bà con {thon} [lao động sản xuất|làm đường] trong những ngày bám thôn",
    "Một ngày theo chân cán bộ phụ trách {thon}, {xa}",
};
constexpr const char* kRotationSapos[] = {
    "Để nắm chắc tình hình cơ sở, {dang_uy} đã phân công {n2} cán bộ, đảng viên trực tiếp phụ trách {so_thon} thôn, "
    "bản. Mỗi cán bộ dành ít nhất [4|6|8] ngày mỗi tháng xuống địa bàn, dự sinh hoạt chi bộ và họp thôn.",
    "Theo kế hoạch luân phiên địa bàn tháng {thang_nam}, {dv} được phân công dự Hội nghị tuyên vận tại {xa}. Đoàn "
    "công tác đã dự hội nghị, kiểm tra hồ sơ tuyên vận và trao đổi với cán bộ, người dân {thon}.",
    "Nhiều tháng nay, đồng chí {cb}, {cv} {xa}, dành phần lớn thời gian ở {thon}. Từ những buổi ngồi bên bếp lửa cùng "
    "bà con, nhiều việc khó của thôn đã dần được tháo gỡ.",
    "Ngày {ngay}, {huyen_uy} ban hành kế hoạch luân phiên {n2} cơ quan, đơn vị dự Hội nghị tuyên vận tại các "
    "xã, bảo đảm mỗi cơ quan không phụ trách một địa bàn quá hai tháng liên tiếp.",
};
constexpr const char* kRotationParagraphs[] = {
    "Theo phân công, mỗi cán bộ phụ trách thôn có nhiệm vụ nắm tình hình tư tưởng, đời sống của Nhân dân; dự sinh "
    "hoạt chi bộ, họp thôn; hướng dẫn tổ tuyên vận thực hiện nhiệm vụ và báo cáo kết quả với Đảng ủy xã vào ngày cuối "
    "tháng. Kết quả thực hiện nhiệm vụ ở thôn là một tiêu chí đánh giá, xếp loại cán bộ cuối năm.",
    "Về {thon} từ đầu năm, đồng chí {cb} đã đến từng hộ trong thôn để làm quen, ghi chép hoàn cảnh của từng gia đình. "
    "[Những hộ nghèo, hộ có người già neo đơn được đồng chí đặc biệt quan tâm.|Đồng chí còn học thêm {tieng} để trò "
    "chuyện với bà con thuận lợi hơn.]",
    "Việc luân phiên cơ quan dự hội nghị giúp cấp trên nắm được thực tế nhiều địa bàn, đồng thời tạo động lực để các "
    "xã chuẩn bị hội nghị chu đáo hơn. [Mỗi cơ quan được phân công dự và đánh giá, giám sát theo mẫu thống nhất.|Sau "
    "mỗi lần dự, cơ quan được phân công gửi phiếu đánh giá về bộ phận tổng hợp.]",
    "Tại buổi làm việc, đoàn công tác của {dv} đã kiểm tra hồ sơ tuyên vận của {xa}, gồm kế hoạch, biên bản hội nghị, "
    "Sổ nhật ký tuyên vận của các tổ và báo cáo tháng. Đoàn đánh giá hồ sơ [cơ bản đầy đủ|được lưu trữ khoa học], nội "
    "dung hội nghị bám sát tình hình địa phương.",
    "{Ong}, người có uy tín ở {thon}, nhận xét: “Cán bộ xuống thôn thường xuyên, việc gì khó bà con nói ngay được, "
    "không phải đợi lên xã. Có cán bộ ở cùng, bà con cũng yên tâm làm theo.”",
    "Trong tháng {thang}, cán bộ phụ trách {thon} đã cùng tổ tuyên vận vận động {n} hộ [hiến đất mở rộng đường|đưa con "
    "trở lại trường|di chuyển chuồng trại ra xa nhà ở|đăng ký tham gia bảo hiểm y tế]; hòa giải thành {n3} vụ việc "
    "nhỏ trong khu dân cư, không để phát sinh điểm nóng.",
    "Để cán bộ yên tâm bám cơ sở, {dang_uy} đã bố trí lịch làm việc linh hoạt, giảm bớt các cuộc họp không cần thiết "
    "tại trụ sở. [Mỗi tuần, cán bộ phụ trách thôn báo cáo nhanh với Thường trực Đảng ủy những vấn đề phát sinh.|Những "
    "kiến nghị vượt thẩm quyền được chuyển ngay về xã để xử lý.]",
    "Đánh giá sau {n} tháng thực hiện, đồng chí {cbh}, {cvh} {huyen_uy}, cho rằng cách làm này đã góp phần nâng cao "
    "trách nhiệm của cán bộ, đảng viên với địa bàn được giao. Những thôn trước đây còn yếu về phong trào nay đã có "
    "chuyển biến rõ.",
    "Không ít cán bộ trẻ lần đầu về thôn đã gặp khó khăn vì đường xa, bất đồng ngôn ngữ. Để vượt qua, họ tranh thủ "
    "học {tieng} từ già làng, người có uy tín, [cùng bà con lên nương|tham gia các buổi sinh hoạt cộng đồng], dần tạo "
    "được sự gần gũi, tin tưởng.",
};
constexpr Angle kRotationAngles[] = {
    {{kRotationTitles[0], kRotationTitles[6]}, {kRotationSapos[0]}, {kRotationParagraphs[0]}},
    {{kRotationTitles[1], kRotationTitles[4], kRotationTitles[5], kRotationTitles[7]},
     {kRotationSapos[2]},
     {kRotationParagraphs[1]}},
    {{kRotationTitles[2], kRotationTitles[8]}, {kRotationSapos[3]}, {kRotationParagraphs[2]}},
    {{kRotationTitles[3]}, {kRotationSapos[1]}, {kRotationParagraphs[3]}},
};
constexpr const char* kRotationHeadings[] = {"Gần dân để hiểu dân", "Luân phiên để nắm thực tế",
                                             "Trách nhiệm gắn với địa bàn", "Những việc làm cụ thể",
                                             "Đánh giá bằng kết quả ở thôn"};
constexpr const char* kRotationItems[] = {
    "Nắm tình hình tư tưởng, đời sống của Nhân dân ở địa bàn phụ trách",
    "Dự sinh hoạt chi bộ và họp thôn hằng tháng",
    "Hướng dẫn tổ tuyên vận ghi chép Sổ nhật ký tuyên vận",
    "Trực tiếp vận động các hộ còn khó khăn, chưa đồng thuận",
    "Báo cáo kết quả với Đảng ủy xã vào ngày cuối tháng",
    "Đề xuất biện pháp giải quyết kiến nghị vượt thẩm quyền",
};
constexpr const char* kRotationQuotes[] = {
    "Cán bộ phải có mặt ở thôn khi dân cần, chứ không phải chỉ khi có việc của xã. Bám thôn là để nghe dân nói và cùng "
    "dân làm.",
    "Luân phiên địa bàn giúp chúng tôi nhìn thấy chỗ làm tốt để nhân rộng, chỗ còn yếu để tập trung hướng dẫn. Không "
    "có báo cáo nào thay được việc trực tiếp dự hội nghị ở cơ sở.",
};
constexpr Picture kRotationPictures[] = {
    {"Cán bộ xã đeo ba lô đi bộ trên con đường đất dẫn vào thôn giữa đồi núi",
     "Cán bộ {xa} trên đường vào {thon} nắm tình hình cơ sở."},
    {"Cán bộ ngồi bên bếp lửa trò chuyện với một gia đình người {dt}",
     "Đồng chí {cb} trò chuyện với gia đình {ong} tại {thon}."},
    {"Đoàn công tác kiểm tra hồ sơ, sổ sách đặt trên bàn tại trụ sở xã",
     "Đoàn công tác {dv} kiểm tra hồ sơ tuyên vận tại {xa}."},
};
constexpr const char* kRotationTags[] = {"Luân phiên địa bàn", "Cán bộ bám cơ sở", "Giám sát hội nghị"};
constexpr DocSubject kRotationDocs[] = {
    {DocKind::kDecision, Issuer::kCommuneParty, "phân công cán bộ, đảng viên phụ trách thôn, bản năm {nam}"},
    {DocKind::kPlan, Issuer::kDistrict, "luân phiên cơ quan, đơn vị dự Hội nghị tuyên vận tại cơ sở năm {nam}"},
    {DocKind::kNotice, Issuer::kDistrict, "phân công dự, giám sát Hội nghị tuyên vận tháng {thang_toi_nam}"},
};

// --- Dân vận khéo -----------------------------------------------------------------------------

constexpr std::string_view kSkilfulSections[] = {"dan-van", "thong-tin-tuyen-van"};
constexpr const char* kSkilfulTitles[] = {
    "Dân vận khéo trong {mo_hinh} ở {xa}",
    "{Ten_ong} – người “giữ lửa” phong trào ở {thon} ({ten_xa})",
    "{Xa} nhân rộng {n} mô hình “Dân vận khéo” năm {nam}",
    "Tôn vinh {n2} điển hình “Dân vận khéo” của {huyen} năm {nam}",
    "[Bí thư chi bộ|Trưởng thôn] {ten_ong} và cách làm “Dân vận khéo” ở {thon}",
    "Từ “Dân vận khéo”, {thon} ({ten_xa}) [thay đổi diện mạo|đổi thay từng ngày]",
    "{Ten_ong} – người “nói để dân nghe, làm để dân tin” ở {thon}",
    "Mô hình “Dân vận khéo” {mo_hinh} [lan tỏa|được nhân rộng] ở {xa}",
    "“Dân vận khéo” ở {thon}: {n2} hộ đồng lòng {mo_hinh}",
};
constexpr const char* kSkilfulPhotos[] = {
    "Mô hình “Dân vận khéo” {mo_hinh} ở {thon}",
    "Những đổi thay ở {thon}, {xa} nhờ cách làm “Dân vận khéo”",
};
constexpr const char* kSkilfulSapos[] = {
    "Bằng cách làm gần gũi, kiên trì, {ong} ở {thon}, {xa} đã vận động bà con [cùng nhau|đồng lòng] {mo_hinh}. Cách "
    "làm ấy được Đảng ủy xã công nhận là mô hình “Dân vận khéo” năm {nam}.",
    "Năm {nam}, {xa} có {n} mô hình “Dân vận khéo” được công nhận, tập trung vào {mo_hinh}. Từ những mô hình nhỏ ở "
    "thôn, bản, nhiều phong trào đã lan tỏa rộng trong Nhân dân.",
    "Ở {thon}, nhắc đến {ten_ong} ai cũng quý mến. [Hơn|Gần] {n} năm làm công tác ở thôn, {ngoi} luôn là người đi "
    "đầu, nói đi đôi với làm trong việc {mo_hinh}.",
    "Ngày {ngay}, {huyen_uy} tổ chức hội nghị biểu dương các điển hình “Dân vận khéo” năm {nam}. {n2} tập thể, cá "
    "nhân được khen thưởng, trong đó có mô hình {mo_hinh} của {thon}, {xa}.",
    "Từ một thôn còn nhiều khó khăn, {thon}, {xa} đã trở thành điểm sáng về {mo_hinh}. Bí quyết nằm ở "
    "cách vận động kiên trì, gần gũi của chi bộ và những người có uy tín trong thôn.",
};
constexpr const char* kSkilfulParagraphs[] = {
    "Cách đây không lâu, {thon} còn là địa bàn khó khăn của {xa}, [đường vào thôn lầy lội mỗi khi mưa|nhiều hủ tục "
    "còn nặng nề], phong trào ở thôn chưa có sức lan tỏa. Từ khi chi bộ thôn xác định {mo_hinh} là việc cần làm "
    "trước, với vai trò nòng cốt của {ong}, mọi việc đã dần thay đổi.",
    "{Ong} không họp dân để giao chỉ tiêu mà đến từng nhà, ngồi bên bếp lửa trò chuyện, phân tích cái lợi, cái hại. "
    "Với những hộ còn băn khoăn, {ngoi} kiên trì quay lại nhiều lần, có khi nhờ người thân, dòng họ của gia đình cùng "
    "khuyên nhủ.",
    "Kết quả, chỉ sau {n} tháng, {n2} hộ trong thôn đã đồng thuận thực hiện; nhiều hộ còn tự nguyện góp thêm ngày "
    "công, vật liệu. Từ một thôn còn nhiều khó khăn, {thon} đã trở thành điểm sáng của {xa} về {mo_hinh}.",
    "Theo đồng chí {cb}, {cv} {xa}, điểm chung của các mô hình “Dân vận khéo” là người cán bộ biết lắng nghe, biết "
    "chọn đúng người, đúng việc, đúng cách. [Có mô hình bắt đầu từ một tổ hội phụ nữ, có mô hình bắt đầu từ một dòng "
    "họ.|Nhiều mô hình được hình thành ngay từ những kiến nghị của người dân tại hội nghị tuyên vận.]",
    "Năm {nam}, toàn {huyen} có {n2} mô hình “Dân vận khéo” được đăng ký, trong đó {n4} mô hình đã được công nhận. "
    "Các mô hình trải rộng trên nhiều lĩnh vực, từ phát triển kinh tế, xây dựng nông thôn mới đến giữ gìn an ninh "
    "trật tự ở khu dân cư.",
    "Bí quyết của {ong} rất đơn giản: việc gì vận động bà con thì gia đình mình làm trước. Khi thôn [mở đường|làm nhà "
    "văn hóa|làm sân thể thao], gia đình {ngoi} là hộ đầu tiên góp đất, góp công. Thấy vậy, bà con trong thôn "
    "cũng làm theo.",
    "Từ mô hình ở {thon}, Đảng ủy {xa} đã chỉ đạo các chi bộ, đoàn thể đăng ký ít nhất một mô hình “Dân vận khéo” mỗi "
    "năm, gắn với nhiệm vụ chính trị của từng thôn. Các mô hình được theo dõi, đánh giá hằng quý, [tránh tình trạng "
    "đăng ký cho có|kịp thời điều chỉnh khi có vướng mắc].",
    "Phong trào thi đua “Dân vận khéo” đã góp phần nâng cao nhận thức của cán bộ, đảng viên về công tác dân vận, củng "
    "cố mối quan hệ máu thịt giữa Đảng với Nhân dân. Nhiều việc khó như {mo_hinh} đã được giải quyết bằng sự đồng "
    "thuận chứ không phải bằng mệnh lệnh hành chính.",
    "Mỗi mô hình được công nhận đều có hồ sơ theo dõi, có tiêu chí đo đếm được như số hộ tham gia, số ngày công, giá "
    "trị đóng góp. [Năm {nam}, tổng giá trị Nhân dân đóng góp từ các mô hình ước đạt {ty} tỷ đồng.|Các mô hình tiêu "
    "biểu được giới thiệu tại hội nghị tuyên vận để các thôn khác học tập.]",
};
constexpr Angle kSkilfulAngles[] = {
    {{kSkilfulTitles[1], kSkilfulTitles[4], kSkilfulTitles[6]},
     {kSkilfulSapos[0], kSkilfulSapos[2]},
     {kSkilfulParagraphs[0]}},
    {{kSkilfulTitles[0], kSkilfulTitles[2], kSkilfulTitles[7]}, {kSkilfulSapos[1]}, {kSkilfulParagraphs[3]}},
    {{kSkilfulTitles[5], kSkilfulTitles[8]}, {kSkilfulSapos[4]}, {kSkilfulParagraphs[0]}},
    {{kSkilfulTitles[3]}, {kSkilfulSapos[3]}, {kSkilfulParagraphs[4]}},
};
constexpr const char* kSkilfulHeadings[] = {"Nói để dân hiểu, làm để dân tin", "Bắt đầu từ những việc nhỏ",
                                            "Lan tỏa từ một thôn", "Chọn đúng người, đúng việc",
                                            "Nhân rộng mô hình hay"};
constexpr const char* kSkilfulItems[] = {
    "Chọn việc cụ thể, sát với nhu cầu của người dân",
    "Phát huy vai trò người có uy tín, trưởng dòng họ",
    "Cán bộ, đảng viên gương mẫu làm trước",
    "Công khai, minh bạch các khoản đóng góp",
    "Theo dõi, đánh giá kết quả hằng quý",
    "Biểu dương kịp thời tập thể, cá nhân tiêu biểu",
};
constexpr const char* kSkilfulQuotes[] = {
    "Muốn dân làm theo thì mình phải làm trước, làm cho dân thấy lợi ích thật. Dân đã tin thì việc khó mấy cũng làm "
    "được.",
    "Dân vận khéo không phải là nói hay mà là hiểu dân, tôn trọng dân. Có những hộ phải đến năm, sáu lần mới vận động "
    "được, nhưng khi đã đồng thuận thì bà con làm rất nhiệt tình.",
};
constexpr Picture kSkilfulPictures[] = {
    {"Người có uy tín trong thôn trò chuyện với bà con trước sân nhà, phía sau là ruộng bậc thang",
     "{Ong} (bìa trái) trao đổi với bà con {thon} về {mo_hinh}."},
    {"Bà con cùng nhau làm đường bê tông, người trộn vữa, người gánh cát",
     "Nhân dân {thon} góp ngày công thực hiện mô hình “Dân vận khéo”."},
    {"Đại diện các tập thể, cá nhân nhận giấy khen trên sân khấu hội trường",
     "Khen thưởng các điển hình “Dân vận khéo” của {huyen} năm {nam}."},
};
constexpr const char* kSkilfulTags[] = {"Dân vận khéo", "Gương điển hình", "Người có uy tín"};
constexpr DocSubject kSkilfulDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneParty, "thực hiện phong trào thi đua “Dân vận khéo” năm {nam}"},
    {DocKind::kDecision, Issuer::kCommuneParty, "công nhận mô hình “Dân vận khéo” năm {nam}"},
    {DocKind::kGuide, Issuer::kDistrict, "xây dựng và nhân rộng mô hình “Dân vận khéo” ở thôn, bản"},
};

// --- Nông thôn mới ----------------------------------------------------------------------------

constexpr std::string_view kRuralSections[] = {"kinh-te", "dan-van", "thoi-su"};
constexpr const char* kRuralTitles[] = {
    "{Xa}: Nhân dân hiến {m2} m² đất làm đường nông thôn mới",
    "{Thon} ({ten_xa}) về đích thôn nông thôn mới [kiểu mẫu|] năm {nam}",
    "{Xa} [phấn đấu|quyết tâm] đạt chuẩn nông thôn mới [nâng cao|] năm {nam_toi}",
    "Xây dựng nông thôn mới ở {xa}: [{km} km đường bê tông|đường bê tông] đến tận các thôn",
    "{Huyen} huy động {ty} tỷ đồng xây dựng nông thôn mới [từ đầu năm {nam}|trong năm {nam}]",
    "Đường bê tông về {thon} ({ten_xa}): [niềm vui|món quà] từ sự đồng lòng của {ho} hộ dân",
    "Người dân {xa} góp công, góp đất xây dựng nông thôn mới [năm {nam}|]",
    "{Xa} đã đạt {tc}/19 tiêu chí nông thôn mới, [tập trung|dồn sức] cho các tiêu chí còn lại",
    "Phát huy vai trò chủ thể của người dân trong xây dựng nông thôn mới ở {xa}",
    "{Thon} ({ten_xa}) khánh thành tuyến đường bê tông dài {km} km",
};
constexpr const char* kRuralPhotos[] = {
    "Đường bê tông mới ở {thon}, {xa}",
    "Bà con {thon} góp công làm đường nông thôn mới",
    "Diện mạo mới của {thon} sau {n} năm xây dựng nông thôn mới",
};
constexpr const char* kRuralSapos[] = {
    "Từ đầu năm {nam} đến nay, Nhân dân {xa} đã hiến {m2} m² đất, góp hàng nghìn ngày công để [làm mới|mở rộng] {km} "
    "km đường giao thông nông thôn. Đây là kết quả của công tác tuyên truyền, vận động bền bỉ của cả hệ thống chính "
    "trị xã.",
    "Ngày {ngay}, {thon}, {xa} tổ chức lễ [khánh thành|đưa vào sử dụng] tuyến đường bê tông dài {km} km. Công trình có "
    "tổng kinh phí {tien} triệu đồng, trong đó Nhân dân đóng góp bằng đất, ngày công và tiền mặt.",
    "Xác định xây dựng nông thôn mới là nhiệm vụ trọng tâm, {xa} tiếp tục [củng cố, nâng cao chất lượng các "
    "tiêu chí|phấn đấu xây dựng các thôn nông thôn mới kiểu mẫu]. Năm {nam}, Nhân dân trong xã đã đóng góp "
    "{ty} tỷ đồng cùng hàng nghìn ngày công, trong đó {thon} là một trong những thôn dẫn đầu.",
    "Hiện {xa} đã đạt {tc}/19 tiêu chí nông thôn mới và đang tập trung hoàn thành các tiêu chí về [giao thông|thu "
    "nhập|hộ nghèo|môi trường]. Tại hội nghị tuyên vận tháng {thang}, xã đã thông tin cụ thể về lộ trình và phần việc "
    "của từng thôn.",
};
constexpr const char* kRuralParagraphs[] = {
    "Xác định làm đường giao thông là việc bà con mong mỏi nhất, Đảng ủy xã đã giao cho các chi bộ thôn, tổ tuyên vận "
    "trực tiếp vận động từng hộ có đất nằm trong hướng tuyến. Các buổi họp thôn được tổ chức công khai, bàn bạc dân "
    "chủ về hướng tuyến, mức đóng góp và cách thức thi công.",
    "Ở {thon}, việc hiến đất ban đầu gặp không ít khó khăn vì nhiều hộ có diện tích canh tác nhỏ. Tổ tuyên vận đã mời "
    "các hộ tham quan tuyến đường đã làm xong ở {thon2}, để bà con thấy việc đi lại, vận chuyển nông sản thuận lợi thế "
    "nào. Sau {n} lần họp, {ho} hộ đã thống nhất ký cam kết.",
    "Toàn xã hiện có {pct}% tuyến đường trục thôn được cứng hóa; {pct2}% số hộ có nhà tiêu hợp vệ sinh; thu nhập bình "
    "quân đầu người ước đạt {tn} triệu đồng/năm. [Xã đã đạt {tc}/19 tiêu chí nông thôn mới.|Các tiêu chí về điện, "
    "trường học, y tế cơ bản được duy trì.]",
    "Nguồn lực xây dựng nông thôn mới được huy động theo phương châm “Nhà nước và Nhân dân cùng làm”: Nhà nước hỗ trợ "
    "xi măng, ống cống, Nhân dân góp đất, ngày công và cát, sỏi tại chỗ. Tổng giá trị Nhân dân đóng góp năm {nam} ước "
    "đạt {ty} tỷ đồng.",
    "Không chỉ làm đường, các thôn còn duy trì tổ tự quản vệ sinh môi trường, trồng hoa ven đường, dọn vệ sinh vào "
    "sáng thứ Bảy hằng tuần. [Đường làng, ngõ xóm ở {thon} giờ đã sạch sẽ, khang trang hơn.|Nhiều hộ đã chủ động di "
    "chuyển chuồng trại ra xa nhà ở.]",
    "Đồng chí {cb}, {cv} {xa}, cho biết: thời gian tới, xã tiếp tục tập trung vào các tiêu chí còn khó như thu nhập, "
    "hộ nghèo; gắn xây dựng nông thôn mới với phát triển sản phẩm chủ lực của địa phương là {cay} và chăn nuôi đại "
    "gia súc.",
    "{Ong}, một trong những hộ hiến nhiều đất nhất {thon}, chia sẻ: “Gia đình hiến hơn {m2_ho} m² đất vườn. Tiếc thì "
    "cũng tiếc, nhưng đường rộng thì con cháu đi học, bà con chở hàng đều thuận lợi. Việc chung của thôn thì mình phải "
    "làm trước.”",
    "Công tác giám sát cộng đồng cũng được chú trọng. Ban giám sát đầu tư của cộng đồng ở mỗi thôn cử người theo dõi "
    "thi công hằng ngày, [kiểm tra độ dày mặt đường|giám sát tỷ lệ trộn vữa], bảo đảm công trình đúng thiết kế. Các "
    "khoản đóng góp được công khai tại nhà văn hóa thôn.",
    "Từ kết quả tuyên truyền tại các hội nghị tuyên vận, người dân hiểu rằng xây dựng nông thôn mới không phải việc "
    "riêng của chính quyền. Nhiều hộ khá giả ở {thon} đã tự nguyện ủng hộ thêm tiền mặt, vật liệu để hoàn thành các "
    "công trình [nhà văn hóa|sân thể thao|điện chiếu sáng] của thôn.",
};
constexpr Angle kRuralAngles[] = {
    {{kRuralTitles[0], kRuralTitles[6]}, {kRuralSapos[0]}, {kRuralParagraphs[0]}},
    {{kRuralTitles[5], kRuralTitles[9]}, {kRuralSapos[1]}, {kRuralParagraphs[1]}},
    {{kRuralTitles[2], kRuralTitles[7], kRuralTitles[1]}, {kRuralSapos[3]}, {kRuralParagraphs[2]}},
    {{kRuralTitles[3], kRuralTitles[4], kRuralTitles[8]}, {kRuralSapos[2]}, {kRuralParagraphs[3]}},
};
constexpr const char* kRuralHeadings[] = {"Đường mới từ lòng dân", "Nhà nước và Nhân dân cùng làm",
                                          "Người dân là chủ thể", "Những tiêu chí còn khó",
                                          "Giữ vững và nâng cao tiêu chí"};
constexpr const char* kRuralItems[] = {
    "Hiến đất, góp ngày công làm đường giao thông nông thôn",
    "Cứng hóa đường trục thôn, đường ra khu sản xuất",
    "Chỉnh trang nhà ở, hàng rào, cổng ngõ",
    "Di chuyển chuồng trại ra xa nhà ở",
    "Phân loại, thu gom rác thải tại hộ gia đình",
    "Phát triển sản phẩm chủ lực gắn với liên kết tiêu thụ",
    "Xây dựng thôn nông thôn mới kiểu mẫu",
};
constexpr const char* kRuralQuotes[] = {
    "Xây dựng nông thôn mới là việc của dân, do dân và vì dân. Chính quyền chỉ hỗ trợ, còn làm được hay không là nhờ "
    "sự đồng lòng của bà con.",
    "Con đường bê tông hôm nay là công sức của cả thôn. Bà con góp đất, góp công, không ai tính toán thiệt hơn.",
};
constexpr Picture kRuralPictures[] = {
    {"Con đường bê tông mới uốn quanh sườn đồi dẫn vào thôn, hai bên là nhà dân",
     "Tuyến đường bê tông vào {thon}, {xa} được làm trên đất do Nhân dân hiến."},
    {"Người dân cùng nhau trộn bê tông, đổ mặt đường dưới trời nắng",
     "Bà con {thon} góp ngày công làm đường giao thông nông thôn."},
    {"Nhà văn hóa thôn mới xây, sân bê tông rộng có cột cờ ở giữa",
     "Nhà văn hóa {thon} – công trình do Nhà nước và Nhân dân cùng làm."},
};
constexpr const char* kRuralTags[] = {"Xây dựng nông thôn mới", "Hiến đất làm đường", "Nhà nước và Nhân dân cùng làm"};
constexpr DocSubject kRuralDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneGovernment,
     "thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {nam}"},
    {DocKind::kLetter, Issuer::kCommuneParty,
     "đẩy mạnh tuyên truyền, vận động Nhân dân tham gia xây dựng nông thôn mới"},
    {DocKind::kGuide, Issuer::kCommuneGovernment,
     "vận động Nhân dân hiến đất, góp công làm đường giao thông nông thôn"},
};

// --- Chuyển đổi số ----------------------------------------------------------------------------

constexpr std::string_view kDigitalSections[] = {"thoi-su", "kinh-te", "thong-tin-tuyen-van"};
constexpr const char* kDigitalTitles[] = {
    "{Xa}: {pct}% người dân [trong độ tuổi|] đã kích hoạt tài khoản định danh điện tử",
    "Tổ công nghệ số cộng đồng {thon} [“gõ cửa” từng nhà|đến từng hộ] hướng dẫn dùng VNeID",
    "Thanh toán không dùng tiền mặt [lên bản|về thôn]: {ho_tk} hộ ở {xa} đã mở tài khoản",
    "Chuyển đổi số ở {xa}: [đưa dịch vụ công trực tuyến đến gần người dân|từ chiếc điện thoại thông minh đến dịch vụ "
    "công trực tuyến]",
    "Đoàn viên thanh niên {xa} hỗ trợ bà con cài đặt ứng dụng VNeID [dịp cuối tuần|trong tháng {thang}]",
    "Hội nghị tuyên vận ở {xa} [hướng dẫn|“cầm tay chỉ việc”] người dân thanh toán không dùng tiền mặt",
    "Bà con {thon} ({ten_xa}) bán {cay} qua mạng, nhận tiền qua tài khoản ngân hàng",
    "{Xa} đẩy mạnh thực hiện Đề án 06 [trong tháng {thang_nam}|năm {nam}]",
    "Nhóm Zalo thôn – “cánh tay nối dài” của công tác tuyên vận ở {xa}",
    "Người cao tuổi ở {thon} ({ten_xa}) [làm quen với|học dùng] dịch vụ công trực tuyến",
};
constexpr const char* kDigitalPhotos[] = {
    "Đoàn viên thanh niên hướng dẫn người dân {thon} cài đặt VNeID",
    "Ngày hội chuyển đổi số ở {xa} tháng {thang_nam}",
};
constexpr const char* kDigitalSapos[] = {
    "Đến hết tháng {thang_nam}, {xa} đã có {pct}% người dân trong độ tuổi được cấp và kích hoạt tài khoản định danh "
    "điện tử mức 2. Kết quả có được nhờ sự vào cuộc đồng bộ của công an xã, đoàn thanh niên và các tổ công nghệ số "
    "cộng đồng.",
    "Những ngày cuối tuần của tháng {thang_nam}, tổ công nghệ số cộng đồng {thon} ({xa}) lại đến từng nhà "
    "hướng dẫn bà con cài đặt ứng dụng, nộp hồ sơ trực tuyến và thanh toán không dùng tiền mặt. Riêng tháng "
    "này, tổ đã hỗ trợ {n2} người.",
    "Tại Hội nghị tuyên vận tháng {thang_nam}, {xa} dành riêng một chuyên đề hướng dẫn người dân sử dụng dịch vụ công "
    "trực tuyến. Ngay sau hội nghị, {n2} người đã được hỗ trợ nộp hồ sơ thành công trên điện thoại.",
    "Từ chỗ chỉ quen dùng tiền mặt, nay nhiều hộ ở {xa} đã mở tài khoản ngân hàng, nhận tiền bán nông sản và "
    "trợ cấp qua điện thoại. Đến tháng {thang_nam}, toàn xã có {ho_tk} hộ sử dụng thanh toán điện tử.",
    "Tại Hội nghị tuyên vận tháng {thang_nam}, {xa} dành thời gian hướng dẫn bà con mở tài khoản, thanh "
    "toán tiền điện, nhận trợ cấp qua điện thoại. Toàn xã hiện có {ho_tk} hộ đã sử dụng thanh toán không "
    "dùng tiền mặt.",
    "Ở {xa}, cả {so_thon} thôn, bản đều có nhóm Zalo để cán bộ thông tin nhanh lịch họp, cảnh báo thời tiết "
    "và tài liệu hội nghị tuyên vận. Đến tháng {thang_nam}, nhóm của {thon} đã thu hút {pct2}% số hộ tham "
    "gia.",
};
constexpr const char* kDigitalParagraphs[] = {
    "Tổ công nghệ số cộng đồng ở mỗi thôn gồm trưởng thôn, công an viên, đoàn viên thanh niên và những người sử dụng "
    "điện thoại thông minh thành thạo. Các tổ được tập huấn kỹ năng hướng dẫn cài đặt, kích hoạt tài khoản định danh "
    "điện tử, sử dụng dịch vụ công trực tuyến và nhận diện các thủ đoạn lừa đảo trên mạng.",
    "Khó khăn lớn nhất là nhiều người cao tuổi chưa biết chữ, chưa có điện thoại thông minh. Tổ công nghệ số đã hướng "
    "dẫn bằng {tieng}, làm mẫu từng bước và nhờ con cháu trong gia đình hỗ trợ thêm. [Với các hộ ở xa, tổ đến tận nhà "
    "vào buổi tối.|Các bước thao tác được in thành tờ hướng dẫn có hình minh họa.]",
    "Tính đến ngày {ngay}, toàn xã có {pct}% số người trong độ tuổi đã kích hoạt tài khoản định danh điện tử; {pct2}% "
    "hộ gia đình có ít nhất một tài khoản ngân hàng. Các khoản chi trả trợ cấp xã hội, tiền dịch vụ môi trường rừng "
    "đều được chuyển qua tài khoản, [giảm thời gian đi lại của người dân|bảo đảm công khai, minh bạch].",
    "Tại trụ sở UBND xã, bộ phận tiếp nhận và trả kết quả đã bố trí máy tính, cán bộ hướng dẫn để người dân tự nộp hồ "
    "sơ trực tuyến. Nhiều thủ tục như đăng ký khai sinh, đăng ký thường trú, cấp bản sao trích lục nay có thể thực "
    "hiện ngay trên điện thoại.",
    "Anh {ten_tn}, đoàn viên thanh niên {thon}, cho biết mỗi buổi tối tổ có thể hỗ trợ từ 10 đến 15 người. “Lúc đầu "
    "bà con ngại vì sợ sai, sợ mất tiền trong tài khoản. Mình phải giải thích kỹ, làm cùng vài lần là bà con tự tin "
    "hơn”, anh chia sẻ.",
    "Cùng với dịch vụ công, các hộ sản xuất {cay} ở {xa} đã bắt đầu giới thiệu sản phẩm qua mạng xã hội và sàn thương "
    "mại điện tử. [Hợp tác xã của xã đã có {n} sản phẩm được gắn mã QR truy xuất nguồn gốc.|Một số hộ trẻ đã bán được "
    "hàng cho khách ở xa qua các buổi phát trực tiếp.]",
    "Ban Tuyên vận xã cũng tận dụng các nhóm Zalo của thôn để chuyển tải thông tin thời sự, lịch tiêm chủng, cảnh báo "
    "thời tiết và tài liệu hội nghị tuyên vận. Hiện cả {so_thon} thôn đều có nhóm Zalo, thu hút {pct2}% số hộ tham "
    "gia.",
    "Bên cạnh hướng dẫn sử dụng, tổ công nghệ số còn tuyên truyền cho bà con cách nhận biết các cuộc gọi giả danh công "
    "an, ngân hàng, tuyệt đối không cung cấp mã OTP cho người lạ. [Từ đầu năm, trên địa bàn xã chưa để xảy ra vụ lừa "
    "đảo qua mạng nào gây thiệt hại lớn.|Nhiều trường hợp nghi vấn đã được người dân báo kịp thời cho công an xã.]",
    "Theo đồng chí {cb}, {cv} {xa}, chuyển đổi số ở vùng cao phải bắt đầu từ những việc thiết thực nhất với người "
    "dân: nhận tiền trợ cấp, đóng tiền điện, làm giấy tờ. Khi thấy lợi ích cụ thể, bà con sẽ chủ động học hỏi, sử "
    "dụng.",
};
constexpr Angle kDigitalAngles[] = {
    {{kDigitalTitles[0], kDigitalTitles[7]}, {kDigitalSapos[0]}, {kDigitalParagraphs[2]}},
    {{kDigitalTitles[1], kDigitalTitles[4], kDigitalTitles[9]}, {kDigitalSapos[1]}, {kDigitalParagraphs[0]}},
    {{kDigitalTitles[2], kDigitalTitles[5], kDigitalTitles[6]},
     {kDigitalSapos[3], kDigitalSapos[4]},
     {kDigitalParagraphs[2]}},
    {{kDigitalTitles[3]}, {kDigitalSapos[2]}, {kDigitalParagraphs[3]}},
    {{kDigitalTitles[8]}, {kDigitalSapos[5]}, {kDigitalParagraphs[6]}},
};
constexpr const char* kDigitalHeadings[] = {"Tổ công nghệ số đến từng nhà", "Dịch vụ công trong tầm tay",
                                            "Thanh toán không dùng tiền mặt lên bản", "Tỉnh táo trước lừa đảo qua mạng",
                                            "Bắt đầu từ việc thiết thực"};
constexpr const char* kDigitalItems[] = {
    "Cài đặt và kích hoạt tài khoản định danh điện tử mức 2",
    "Nộp hồ sơ thủ tục hành chính trên Cổng Dịch vụ công",
    "Mở tài khoản ngân hàng, thanh toán tiền điện, học phí qua điện thoại",
    "Nhận chi trả trợ cấp, tiền dịch vụ môi trường rừng qua tài khoản",
    "Nhận diện thủ đoạn lừa đảo, không cung cấp mã OTP cho người lạ",
    "Giới thiệu nông sản trên mạng xã hội và sàn thương mại điện tử",
};
constexpr const char* kDigitalQuotes[] = {
    "Chuyển đổi số ở thôn bản không phải chuyện xa vời. Một người dân biết tự nộp hồ sơ trên điện thoại là bớt được "
    "một buổi đi lại lên xã.",
    "Chúng tôi chọn cách cầm tay chỉ việc. Thanh niên hướng dẫn người già, con cháu hướng dẫn ông bà, cứ thế lan dần "
    "trong thôn.",
};
constexpr Picture kDigitalPictures[] = {
    {"Một đoàn viên thanh niên cầm điện thoại hướng dẫn người phụ nữ lớn tuổi mặc trang phục dân tộc",
     "Đoàn viên thanh niên {xa} hướng dẫn người dân {thon} kích hoạt tài khoản định danh điện tử."},
    {"Người dân xếp hàng tại bàn hỗ trợ dịch vụ công trực tuyến ở nhà văn hóa",
     "Người dân được hỗ trợ nộp hồ sơ trực tuyến tại nhà văn hóa {thon}."},
    {"Mã QR thanh toán dán trên quầy hàng tại chợ phiên",
     "Thanh toán bằng mã QR đã trở nên quen thuộc tại chợ phiên {ten_xa}."},
};
constexpr const char* kDigitalTags[] = {"Chuyển đổi số", "Đề án 06", "Thanh toán không dùng tiền mặt"};
constexpr DocSubject kDigitalDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneGovernment, "thực hiện chuyển đổi số và Đề án 06 trên địa bàn năm {nam}"},
    {DocKind::kLetter, Issuer::kCommuneGovernment,
     "đẩy mạnh thanh toán không dùng tiền mặt trong chi trả an sinh xã hội"},
    {DocKind::kDecision, Issuer::kCommuneGovernment, "kiện toàn tổ công nghệ số cộng đồng các thôn, bản"},
};

// --- Biên giới --------------------------------------------------------------------------------

constexpr std::string_view kBorderSections[] = {"quoc-phong-an-ninh", "thong-tin-tuyen-van", "dan-van"};
constexpr const char* kBorderTitles[] = {
    "{Xa} duy trì {n} tổ tự quản đường biên, cột mốc [với {n2} hộ tham gia|]",
    "{Bp} phối hợp tuyên truyền pháp luật về biên giới cho bà con {thon}",
    "Mỗi người dân {thon} ({ten_xa}) là một “cột mốc sống” nơi biên cương",
    "Gia đình {ten_ong} và những chuyến tuần tra đường biên ở {xa}",
    "Cán bộ, chiến sĩ {bp} [cùng dân|giúp dân] [làm nhà|sửa đường|thu hoạch nông sản] ở {thon}",
    "Tuyên truyền Luật Biên giới quốc gia tại hội nghị tuyên vận {xa} tháng {thang}",
    "Già làng, người có uy tín ở {xa} chung tay giữ bình yên biên giới",
    "{Xa}: Nhân dân [tích cực|chủ động] cung cấp {n2} nguồn tin, giữ vững an ninh khu vực biên giới",
    "[Ấm áp|Gắn bó] tình quân dân nơi biên giới {xa} [tháng {thang_nam}|]",
};
constexpr const char* kBorderPhotos[] = {
    "Tuần tra đường biên, cột mốc cùng bộ đội biên phòng ở {xa}",
    "Bộ đội biên phòng giúp dân {thon}, {xa} [làm nhà|sửa đường]",
};
constexpr const char* kBorderSapos[] = {
    "Những năm qua, {bp} đã phối hợp chặt chẽ với {dang_uy} tuyên truyền, vận động Nhân dân tham gia bảo vệ chủ quyền "
    "lãnh thổ, an ninh biên giới. Hiện xã có {n} tổ tự quản đường biên, cột mốc với {n2} hộ gia đình tham gia.",
    "Ngày {ngay}, {bp} phối hợp với Ban Tuyên vận {xa} tổ chức tuyên truyền pháp luật về biên giới quốc gia cho {dd} "
    "người dân {thon}. Nội dung tập trung vào quy chế khu vực biên giới và phòng, chống xuất nhập cảnh trái phép.",
    "Ở {thon} sát biên giới, tuần tra đường biên, cột mốc đã trở thành việc quen thuộc của nhiều gia đình. {Ong} cùng "
    "tổ tự quản của thôn đều đặn tham gia tuần tra mỗi tháng {n} lần.",
    "Tháng {thang_nam}, cán bộ, chiến sĩ {bp} đã dành hàng trăm ngày công giúp Nhân dân {xa} [làm nhà, sửa "
    "đường|thu hoạch nông sản|khắc phục hậu quả mưa lũ], góp phần thắt chặt tình đoàn kết quân dân nơi biên "
    "giới.",
    "Năm {nam}, Nhân dân {xa} đã cung cấp {n2} nguồn tin có giá trị cho bộ đội biên phòng và công an. Vai "
    "trò của già làng, người có uy tín trong vận động bà con giữ gìn an ninh khu vực biên giới ngày càng "
    "rõ nét.",
};
constexpr const char* kBorderParagraphs[] = {
    "Thực hiện phong trào “Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia trong tình hình "
    "mới”, {xa} đã ký cam kết với các hộ gia đình [tự quản đường biên, cột mốc|tự quản an ninh trật tự thôn, bản]. Các "
    "tổ tự quản hoạt động thường xuyên, phối hợp với bộ đội biên phòng tuần tra, phát hiện và báo cáo kịp thời các "
    "hiện tượng bất thường.",
    "Bộ đội biên phòng là lực lượng nòng cốt trong công tác tuyên vận ở khu vực biên giới. Cán bộ đồn được phân công "
    "phụ trách từng thôn, tham gia sinh hoạt chi bộ, dự hội nghị tuyên vận, [giúp đỡ các hộ nghèo phát triển kinh "
    "tế|nhận đỡ đầu học sinh có hoàn cảnh khó khăn].",
    "Tại buổi tuyên truyền, cán bộ {bp} đã phổ biến những nội dung cơ bản của Luật Biên giới quốc gia, Luật Biên phòng "
    "Việt Nam, quy chế khu vực biên giới; hướng dẫn bà con [nhận biết thủ đoạn của các đối tượng mua bán người|không "
    "vượt biên trái phép đi làm thuê|không tàng trữ, vận chuyển hàng cấm]. Nội dung được trình bày bằng tiếng phổ "
    "thông và {tieng}.",
    "{Ong}, tổ trưởng tổ tự quản đường biên, cột mốc ở {thon}, cho biết: “Mỗi lần đi tuần tra, tổ kiểm tra cột mốc, "
    "dọn cỏ, vệ sinh quanh mốc. Thấy người lạ hay việc bất thường là báo ngay cho đồn biên phòng. Giữ mốc là giữ đất "
    "của cha ông để lại.”",
    "Năm {nam}, Nhân dân trong xã đã cung cấp {n2} nguồn tin có giá trị cho lực lượng chức năng, góp phần phát hiện, "
    "ngăn chặn [nhiều vụ việc vi phạm quy chế biên giới|các trường hợp có ý định xuất cảnh trái phép]. An ninh chính "
    "trị, trật tự an toàn xã hội khu vực biên giới được giữ vững.",
    "Cùng với tuyên truyền, bộ đội biên phòng còn giúp dân phát triển kinh tế. Trong tháng {thang}, cán bộ, chiến sĩ "
    "đồn đã giúp bà con {thon} {cay_viec}, [sửa chữa {n} căn nhà bị hư hỏng|khơi thông rãnh thoát nước trên tuyến "
    "đường "
    "vào thôn], được Nhân dân đồng tình, ủng hộ.",
    "Đồng chí {cb}, {cv} {xa}, đánh giá sự phối hợp giữa cấp ủy, chính quyền xã với đồn biên phòng ngày càng chặt chẽ. "
    "Mỗi hội nghị tuyên vận đều có nội dung về tình hình biên giới, giúp bà con nắm được chủ trương, pháp luật và nâng "
    "cao ý thức cảnh giác.",
    "Những người có uy tín trong cộng đồng như già làng, trưởng dòng họ được mời tham gia tuyên truyền. Lời nói của họ "
    "có sức thuyết phục lớn với bà con, nhất là trong việc vận động [giữ gìn đoàn kết giữa các dân tộc trong khu vực "
    "biên giới|không di cư tự do|không nghe theo kẻ xấu lôi kéo, kích động].",
};
constexpr Angle kBorderAngles[] = {
    {{kBorderTitles[0], kBorderTitles[2], kBorderTitles[3]},
     {kBorderSapos[0], kBorderSapos[2]},
     {kBorderParagraphs[0]}},
    {{kBorderTitles[1], kBorderTitles[5]}, {kBorderSapos[1]}, {kBorderParagraphs[2]}},
    {{kBorderTitles[4], kBorderTitles[8]}, {kBorderSapos[3]}, {kBorderParagraphs[5]}},
    {{kBorderTitles[6], kBorderTitles[7]}, {kBorderSapos[4]}, {kBorderParagraphs[7]}},
};
constexpr const char* kBorderHeadings[] = {"Mỗi người dân là một cột mốc sống", "Bộ đội biên phòng bám dân, giúp dân",
                                           "Tự quản đường biên, cột mốc", "Giữ vững bình yên nơi biên giới",
                                           "Tình quân dân nơi phên dậu"};
constexpr const char* kBorderItems[] = {
    "Tuần tra, bảo vệ đường biên, cột mốc theo lịch của tổ tự quản",
    "Phát hiện, báo cáo kịp thời người lạ và hiện tượng bất thường",
    "Không vượt biên trái phép, không tiếp tay cho buôn lậu",
    "Cảnh giác với thủ đoạn mua bán người, lừa đi làm thuê",
    "Giữ gìn đoàn kết giữa các dân tộc trong khu vực biên giới",
    "Chấp hành quy chế khu vực biên giới khi ra vào, lưu trú",
};
constexpr const char* kBorderQuotes[] = {
    "Bà con vùng biên rất hiểu giá trị của bình yên. Chỉ cần tuyên truyền đúng, gần gũi là bà con chủ động tham gia "
    "giữ đường biên, cột mốc.",
    "Bộ đội biên phòng phải là người thân của dân. Dân tin thì dân báo tin, dân giúp, biên giới mới vững.",
};
constexpr Picture kBorderPictures[] = {
    {"Các thành viên tổ tự quản cùng bộ đội biên phòng đứng bên cột mốc, phía sau là rừng núi",
     "Tổ tự quản đường biên, cột mốc {thon} cùng cán bộ {bp} tuần tra biên giới."},
    {"Chiến sĩ biên phòng mặc quân phục xanh nói chuyện với bà con tại sân nhà văn hóa",
     "Cán bộ {bp} tuyên truyền pháp luật về biên giới cho người dân {thon}."},
    {"Bộ đội và người dân cùng khiêng vật liệu làm nhà trên con dốc",
     "Bộ đội biên phòng giúp dân {thon}, {xa} làm nhà."},
};
constexpr const char* kBorderTags[] = {"Biên giới", "Bộ đội biên phòng", "Quốc phòng – an ninh"};
constexpr DocSubject kBorderDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneParty, "tuyên truyền, phổ biến pháp luật về biên giới quốc gia năm {nam}"},
    {DocKind::kPlan, Issuer::kCommuneGovernment,
     "thực hiện phong trào toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới năm {nam}"},
    {DocKind::kLetter, Issuer::kCommuneParty, "tăng cường tuyên truyền phòng, chống xuất cảnh trái phép"},
};

// --- Lễ hội, văn hóa --------------------------------------------------------------------------

constexpr std::string_view kFestivalSections[] = {"van-hoa-xa-hoi", "thong-tin-tuyen-van"};
constexpr const char* kFestivalTitles[] = {
    "Đặc sắc {le_hoi} của đồng bào {dt} ở {xa}",
    "{Xa} tổ chức {le_hoi} năm {nam}",
    "{Le_hoi} ở {thon} ({ten_xa}): [gìn giữ|nâng niu] nét đẹp văn hóa {dt}",
    "Bảo tồn {le_hoi} gắn với phát triển du lịch cộng đồng ở {xa}",
    "Hàng nghìn người về {xa} dự {le_hoi} năm {nam}",
    "Tuyên truyền nếp sống văn minh trong {le_hoi} ở {xa}",
    "Câu lạc bộ văn nghệ {thon} [góp sắc màu cho|tỏa sáng tại] {le_hoi} ở {ten_xa}",
    "Thế hệ trẻ {dt} ở {xa} [học|gìn giữ] [điệu múa|làn điệu] truyền thống [năm {nam}|]",
    "{Xa} phát huy vai trò nghệ nhân trong gìn giữ văn hóa {dt}",
    "{Le_hoi} năm {nam} ở {xa}: [vui tươi, an toàn, tiết kiệm|đậm đà bản sắc]",
};
constexpr const char* kFestivalPhotos[] = {
    "Sắc màu {le_hoi} ở {xa}",
    "Nét đẹp văn hóa {dt} trong {le_hoi} năm {nam}",
    "Những khoảnh khắc ấn tượng tại {le_hoi} ở {thon}",
};
constexpr const char* kFestivalSapos[] = {
    "Ngày {ngay}, tại {thon}, {ubnd} tổ chức {le_hoi} năm {nam}. Đây là {le_hoi_mt}, thu hút đông đảo Nhân dân và du "
    "khách tham gia.",
    "{Le_hoi} năm {nam} ở {xa} diễn ra [trang trọng, vui tươi|sôi nổi, an toàn] với nhiều hoạt động như {le_hoi_hd}. "
    "Lễ hội góp phần bảo tồn, phát huy giá trị văn hóa truyền thống của đồng bào {dt}.",
    "Gắn tuyên truyền nếp sống văn minh với tổ chức lễ hội, {xa} đã vận động Nhân dân thực hiện tiết kiệm, bỏ "
    "dần các nghi thức rườm rà. {Le_hoi} năm {nam} tại {thon} vì thế vừa giữ được bản sắc, vừa phù hợp với "
    "đời sống hiện đại.",
    "Không chỉ là dịp vui chơi, {le_hoi} ở {thon} còn là nơi các thế hệ đồng bào {dt} trao truyền cho nhau những giá "
    "trị văn hóa. Năm {nam}, lễ hội có {n} đội văn nghệ tham gia biểu diễn.",
    "Không chỉ là dịp sinh hoạt văn hóa của đồng bào {dt}, {le_hoi} ở {xa} năm {nam} còn thu hút đông đảo "
    "du khách. Nhiều hộ dân {thon} đã làm homestay, bán sản phẩm thổ cẩm và đặc sản địa phương.",
};
constexpr const char* kFestivalParagraphs[] = {
    "{Le_hoi} là {le_hoi_mt}. Phần lễ được những người cao tuổi, am hiểu phong tục trong thôn thực hiện theo nghi "
    "thức truyền thống; phần hội diễn ra với các hoạt động {le_hoi_hd}, thu hút người dân các thôn lân cận và du "
    "khách.",
    "Để lễ hội diễn ra an toàn, tiết kiệm, Ban Tuyên vận {xa} đã chỉ đạo các tổ tuyên vận tuyên truyền từ sớm đến từng "
    "hộ; vận động bà con không mê tín dị đoan, không uống rượu say, [giữ gìn vệ sinh môi trường|bảo đảm an toàn giao "
    "thông khi đi lại]. Lực lượng công an xã, dân quân trực bảo đảm an ninh trật tự suốt thời gian diễn ra lễ hội.",
    "Nghệ nhân {ten_ong}, người đã gắn bó với lễ hội hơn {n2} năm, chia sẻ: “Lễ hội là hồn cốt của dân tộc mình. Già "
    "rồi, tôi chỉ mong lớp trẻ học được cách làm lễ, biết hát, biết múa, để sau này còn giữ được.”",
    "Những năm gần đây, {xa} đã thành lập {n} câu lạc bộ văn hóa dân gian, mở lớp truyền dạy [hát dân ca|thêu thổ "
    "cẩm|thổi khèn, thổi sáo] cho thanh thiếu niên. Nhiều em học sinh đã biểu diễn thành thạo các tiết mục truyền "
    "thống tại lễ hội năm nay.",
    "Lễ hội cũng là dịp để giới thiệu tiềm năng du lịch cộng đồng của {xa}. Các gian hàng trưng bày sản phẩm thổ "
    "cẩm, {cay} và đặc sản địa phương thu hút đông đảo du khách. [Nhiều hộ làm homestay ở {thon} kín phòng trong những "
    "ngày diễn ra lễ hội.|Doanh thu của các gian hàng ước đạt {tien} triệu đồng.]",
    "Theo đồng chí {cb}, {cv} {xa}, việc tổ chức lễ hội được gắn với thực hiện các quy định về nếp sống văn minh trong "
    "việc cưới, việc tang và lễ hội. Những nghi thức không còn phù hợp được người dân tự nguyện lược bỏ, chi phí tổ "
    "chức giảm đáng kể so với trước.",
    "Xen giữa các tiết mục văn nghệ, cán bộ xã còn lồng ghép tuyên truyền về [phòng, chống tảo hôn|an toàn giao "
    "thông|phòng, chống ma túy|bảo vệ rừng] bằng {tieng}, qua các câu hỏi đố vui có thưởng. Cách làm này giúp thông "
    "tin đến với bà con tự nhiên, dễ nhớ.",
    "Việc duy trì {le_hoi} nằm trong kế hoạch bảo tồn văn hóa truyền thống các dân tộc của {huyen}. [Hằng năm, địa "
    "phương hỗ trợ kinh phí, trang phục, nhạc cụ cho các đội văn nghệ thôn, bản.|Các nghi thức chính của lễ hội đã "
    "được "
    "ghi chép, lưu giữ bằng tư liệu hình ảnh.]",
};
constexpr Angle kFestivalAngles[] = {
    {{kFestivalTitles[0], kFestivalTitles[1], kFestivalTitles[4], kFestivalTitles[9]},
     {kFestivalSapos[0], kFestivalSapos[1]},
     {kFestivalParagraphs[0]}},
    {{kFestivalTitles[5]}, {kFestivalSapos[2]}, {kFestivalParagraphs[1]}},
    {{kFestivalTitles[2], kFestivalTitles[6], kFestivalTitles[7], kFestivalTitles[8]},
     {kFestivalSapos[3]},
     {kFestivalParagraphs[3]}},
    {{kFestivalTitles[3]}, {kFestivalSapos[4]}, {kFestivalParagraphs[4]}},
};
constexpr const char* kFestivalHeadings[] = {"Nét đẹp của lễ hội truyền thống", "Giữ hồn văn hóa {dt}",
                                             "Lễ hội an toàn, tiết kiệm", "Gắn bảo tồn văn hóa với du lịch",
                                             "Truyền dạy cho thế hệ trẻ"};
constexpr const char* kFestivalItems[] = {
    "Thực hiện nếp sống văn minh, tiết kiệm trong tổ chức lễ hội",
    "Không mê tín dị đoan, không lợi dụng lễ hội để trục lợi",
    "Giữ gìn vệ sinh môi trường, an ninh trật tự khu vực lễ hội",
    "Khuyến khích mặc trang phục truyền thống khi tham gia lễ hội",
    "Truyền dạy dân ca, dân vũ, nhạc cụ dân tộc cho thanh thiếu niên",
    "Giới thiệu sản phẩm thổ cẩm, đặc sản địa phương với du khách",
};
constexpr const char* kFestivalQuotes[] = {
    "Giữ lễ hội không chỉ là giữ một ngày vui mà là giữ tiếng nói, trang phục, lời ca của dân tộc mình. Việc đó phải "
    "bắt đầu từ mỗi gia đình.",
    "Chúng tôi vận động bà con giữ những gì đẹp nhất, bỏ những gì tốn kém, không còn phù hợp. Bà con đồng tình vì "
    "chính họ thấy nhẹ nhàng hơn.",
};
constexpr Picture kFestivalPictures[] = {
    {"Các cô gái {dt} mặc trang phục truyền thống sặc sỡ múa trên bãi đất rộng giữa thôn",
     "Tiết mục múa truyền thống tại {le_hoi} ở {thon}, {xa}."},
    {"Người cao tuổi trong trang phục truyền thống thực hiện nghi lễ bên mâm cúng",
     "Nghi thức phần lễ trong {le_hoi} năm {nam}."},
    {"Du khách chụp ảnh cùng người dân địa phương bên gian hàng thổ cẩm",
     "Du khách tham quan gian hàng thổ cẩm tại {le_hoi} ở {xa}."},
};
constexpr const char* kFestivalTags[] = {"Lễ hội truyền thống", "Bảo tồn văn hóa", "Đồng bào dân tộc thiểu số",
                                         "Du lịch cộng đồng"};
constexpr DocSubject kFestivalDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneGovernment, "tổ chức {le_hoi} năm {nam}"},
    {DocKind::kLetter, Issuer::kCommuneParty, "thực hiện nếp sống văn minh trong tổ chức lễ hội năm {nam}"},
    {DocKind::kPlan, Issuer::kCommuneGovernment,
     "bảo tồn, phát huy giá trị văn hóa truyền thống các dân tộc năm {nam}"},
};

// --- Nông nghiệp ------------------------------------------------------------------------------

constexpr std::string_view kFarmingSections[] = {"kinh-te", "thoi-su"};
constexpr const char* kFarmingTitles[] = {
    "{Xa}: [Bà con|Nông dân] [tất bật|hối hả] {cay_viec}",
    "Giá {cay} [đạt|ở mức] {gia} đồng/kg, nông dân {xa} phấn khởi",
    "{Xa} [mở rộng|phát triển] {ha} ha {cay} theo hướng hàng hóa",
    "Cây {cay} giúp nhiều hộ ở {thon} ({ten_xa}) thoát nghèo",
    "Liên kết sản xuất {cay}: hướng đi [bền vững|mới] của nông dân {xa}",
    "Hội nghị tuyên vận {xa} hướng dẫn kỹ thuật [chăm sóc|canh tác] {cay}",
    "{Xa} ước đạt {tan} {cay_don_vi} [năm {nam}|trong vụ này]",
    "Hợp tác xã ở {xa} [bao tiêu|thu mua] {cay} cho {n2} hộ dân",
    "Phát triển {cay} gắn với xây dựng nông thôn mới ở {xa}",
    "Nông dân {thon} ({ten_xa}) [làm giàu|vươn lên] từ cây {cay}",
};
constexpr const char* kFarmingPhotos[] = {
    "Mùa {cay} ở {xa} năm {nam}",
    "Nông dân {thon}, {xa} {cay_viec}",
};
constexpr const char* kFarmingSapos[] = {
    "Những ngày này, bà con {xa} đang tập trung {cay_viec}. Toàn xã hiện có {ha} ha {cay}, sản lượng năm {nam} ước "
    "đạt {tan} {cay_don_vi}.",
    "Với giá bán {gia} đồng/kg, cây {cay} đang mang lại nguồn thu ổn định cho {ho} hộ dân {thon}, {xa}. Nhiều gia "
    "đình đã có của ăn của để, xây được nhà kiên cố.",
    "Thông qua hội nghị tuyên vận và các lớp tập huấn tại thôn, nông dân {xa} đã nắm chắc kỹ thuật canh tác "
    "{cay}, góp phần nâng cao năng suất, chất lượng trên {ha} ha của xã trong năm {nam}.",
    "Năm {nam}, {xa} đặt mục tiêu mở rộng diện tích {cay} lên {ha} ha, gắn với liên kết tiêu thụ qua hợp tác xã. Đến "
    "nay, {n2} hộ đã đăng ký tham gia chuỗi liên kết.",
};
constexpr const char* kFarmingParagraphs[] = {
    "Cây {cay} là {cay_mo_ta}. Những năm gần đây, {xa} xác định đây là cây trồng chủ lực, đưa vào nghị quyết của Đảng "
    "ủy và kế hoạch phát triển kinh tế – xã hội của địa phương.",
    "Toàn xã hiện có {ha} ha {cay}, tập trung ở {thon}, {thon2} và {thon3}. Năm {nam}, sản lượng ước đạt {tan} "
    "{cay_don_vi}, giá bán bình quân {gia} đồng/kg, mang lại nguồn thu đáng kể cho người dân.",
    "Gia đình {ong} ở {thon} là một trong những hộ trồng {cay} hiệu quả. Với {ha_ho} ha, mỗi năm gia đình thu về "
    "khoảng {tien} triệu đồng. “Trước đây chỉ trồng theo kinh nghiệm, năng suất thấp. Được cán bộ hướng dẫn kỹ thuật, "
    "giờ năng suất tăng rõ”, {ngoi} phấn khởi cho biết.",
    "Thông qua hội nghị tuyên vận, cán bộ khuyến nông đã hướng dẫn bà con kỹ thuật {cay_viec}, cách phòng trừ sâu bệnh "
    "và bảo quản sản phẩm sau thu hoạch. [Các buổi hướng dẫn được tổ chức ngay tại vườn, ruộng để bà con dễ thực "
    "hành.|Tài liệu kỹ thuật được biên soạn ngắn gọn, có hình ảnh minh họa.]",
    "Để sản phẩm có đầu ra ổn định, xã đã vận động thành lập hợp tác xã, liên kết với doanh nghiệp thu mua. Hiện có "
    "{n2} hộ tham gia chuỗi liên kết, được hỗ trợ giống, vật tư và bao tiêu sản phẩm với giá không thấp hơn giá thị "
    "trường.",
    "Bên cạnh mở rộng diện tích, xã chú trọng nâng cao chất lượng, xây dựng thương hiệu sản phẩm. [Xã đang hoàn thiện "
    "hồ sơ đề nghị công nhận sản phẩm OCOP cho {cay}.|Nhiều hộ đã được cấp mã số vùng trồng, đáp ứng yêu cầu truy "
    "xuất nguồn gốc.]",
    "Tuy nhiên, sản xuất {cay} vẫn còn khó khăn như giá cả bấp bênh, thời tiết thất thường, hạ tầng giao thông vào "
    "vùng sản xuất chưa thuận lợi. Một số hộ còn chạy theo sản lượng, thu hoạch chưa đúng độ chín làm ảnh hưởng đến "
    "chất lượng.",
    "Đồng chí {cb}, {cv} {xa}, cho biết thời gian tới xã tiếp tục tuyên truyền, vận động bà con sản xuất theo hướng an "
    "toàn, liên kết chuỗi; đồng thời đề nghị cấp trên hỗ trợ đầu tư đường vào vùng sản xuất, lò sấy, nhà sơ chế.",
    "Từ nguồn thu nhập ổn định, nhiều hộ đã [xây nhà kiên cố, mua sắm phương tiện sản xuất|cho con em đi học đại học, "
    "học nghề]. Tỷ lệ hộ nghèo của {xa} giảm còn {pct3}%, giảm {n3} điểm phần trăm so với năm {nam_truoc}.",
};
constexpr Angle kFarmingAngles[] = {
    {{kFarmingTitles[0], kFarmingTitles[6]}, {kFarmingSapos[0]}, {kFarmingParagraphs[1]}},
    {{kFarmingTitles[1], kFarmingTitles[3], kFarmingTitles[9]}, {kFarmingSapos[1]}, {kFarmingParagraphs[2]}},
    {{kFarmingTitles[5]}, {kFarmingSapos[2]}, {kFarmingParagraphs[3]}},
    {{kFarmingTitles[2], kFarmingTitles[4], kFarmingTitles[7], kFarmingTitles[8]},
     {kFarmingSapos[3]},
     {kFarmingParagraphs[4]}},
};
constexpr const char* kFarmingHeadings[] = {"Cây trồng chủ lực của xã", "Nắm chắc kỹ thuật, nâng cao năng suất",
                                            "Liên kết để có đầu ra ổn định", "Những khó khăn cần tháo gỡ",
                                            "Làm giàu trên quê hương"};
constexpr const char* kFarmingItems[] = {
    "Chọn giống tốt, phù hợp với điều kiện thổ nhưỡng",
    "Chăm sóc, bón phân đúng thời điểm, hạn chế thuốc bảo vệ thực vật",
    "Thu hoạch đúng độ chín, bảo quản đúng kỹ thuật",
    "Tham gia hợp tác xã, liên kết tiêu thụ sản phẩm",
    "Xây dựng mã vùng trồng, truy xuất nguồn gốc",
    "Bảo vệ rừng, không phá rừng mở rộng diện tích",
};
constexpr const char* kFarmingQuotes[] = {
    "Cây trồng chủ lực phải đi liền với thị trường. Bà con yên tâm sản xuất khi biết chắc bán được hàng, giá cả ổn "
    "định.",
    "Chúng tôi tuyên truyền để bà con hiểu làm đúng kỹ thuật thì năng suất cao, chất lượng tốt, bán được giá. Nói mãi "
    "không bằng cho bà con xem mô hình thật.",
};
constexpr Picture kFarmingPictures[] = {
    {"Người nông dân gùi sản phẩm vừa thu hoạch trên con dốc giữa vườn", "Nông dân {thon}, {xa} {cay_viec}."},
    {"Cán bộ khuyến nông hướng dẫn kỹ thuật cho bà con ngay tại vườn",
     "Cán bộ khuyến nông hướng dẫn bà con {thon} kỹ thuật chăm sóc {cay}."},
    {"Sản phẩm nông sản được đóng gói, xếp gọn trong kho của hợp tác xã",
     "Sản phẩm {cay} được hợp tác xã ở {xa} thu mua, sơ chế."},
};
constexpr const char* kFarmingTags[] = {"Nông nghiệp", "Cây trồng chủ lực", "Hợp tác xã", "{Cay}"};
constexpr DocSubject kFarmingDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneGovernment, "phát triển cây {cay} theo hướng hàng hóa năm {nam}"},
    {DocKind::kGuide, Issuer::kCommuneGovernment, "kỹ thuật {cay_viec} năm {nam}"},
    {DocKind::kLetter, Issuer::kCommuneParty, "tăng cường bảo vệ rừng gắn với phát triển cây trồng chủ lực"},
};

// --- Phòng, chống thiên tai -------------------------------------------------------------------

constexpr std::string_view kHazardSections[] = {"thoi-su", "quoc-phong-an-ninh", "dan-van"};
constexpr const char* kHazardTitles[] = {
    "{Xa} [khẩn trương|kịp thời] khắc phục hậu quả {thien_tai}",
    "{Xa} [chủ động|kịp thời] ứng phó {thien_tai} [tháng {thang_nam}|]",
    "Diễn tập phòng, chống thiên tai tại {thon}, {xa} năm {nam}",
    "Tuyên truyền kỹ năng ứng phó với [sạt lở đất, lũ quét|thiên tai] cho bà con {xa}",
    "Cán bộ, đảng viên {xa} [giúp|hỗ trợ] dân [khắc phục hậu quả|ổn định cuộc sống sau] {thien_tai}",
    "{Huyen}: [ước thiệt hại|thiệt hại ước tính] {ty} tỷ đồng do {thien_tai} tháng {thang}",
    "Chủ động phòng, chống thiên tai ở {xa}: [không để bị động, bất ngờ|thực hiện tốt phương châm “bốn tại chỗ”]",
    "Chung tay hỗ trợ {n} hộ [bị ảnh hưởng bởi|chịu thiệt hại do] {thien_tai} ở {xa}",
    "{Xa} rà soát {n2} hộ dân sống ở vùng có nguy cơ sạt lở đất, lũ quét",
};
constexpr const char* kHazardPhotos[] = {
    "{Xa} khắc phục hậu quả {thien_tai}",
    "Lực lượng chức năng giúp dân {thon} [dọn dẹp|khắc phục] sau {thien_tai}",
};
constexpr const char* kHazardSapos[] = {
    "Ngay sau {thien_tai} xảy ra ngày {ngay}, {dang_uy} đã huy động lực lượng công an, dân quân và đoàn viên thanh "
    "niên đến từng hộ bị ảnh hưởng. Thiên tai đã {thiet_hai} tại {n} thôn, [không có thiệt hại về người|rất may không "
    "có thương vong].",
    "Tháng {thang_nam}, trước diễn biến phức tạp của thời tiết, {xa} đã rà soát, lập danh sách {n2} hộ đang "
    "sống ở khu vực có nguy cơ sạt lở đất, lũ quét; đồng thời tuyên truyền, vận động các hộ chủ động di dời "
    "khi có mưa lớn.",
    "[Sáng|Chiều] {ngay}, {ubnd} tổ chức diễn tập phòng, chống thiên tai và tìm kiếm cứu nạn với tình huống giả định "
    "sạt lở đất tại {thon}. Gần {dd} người tham gia diễn tập.",
    "Cùng với hỗ trợ của Nhà nước, sự giúp đỡ của bà con xóm giềng đã giúp các hộ bị ảnh hưởng bởi "
    "{thien_tai} tháng {thang_nam} ở {xa} sớm ổn định cuộc sống. Tổng giá trị hỗ trợ đến nay đạt {tien} triệu "
    "đồng.",
};
/// A disaster drill.
constexpr const char* kDrillLeads[] = {
    "Tình huống giả định là mưa lớn kéo dài gây sạt lở đất, vùi lấp {n} ngôi nhà ở {thon}. Ngay khi nhận "
    "tin báo, lực lượng xung kích của thôn, dân quân, công an xã và [đoàn viên thanh niên|bộ đội biên "
    "phòng] đã nhanh chóng có mặt, sơ tán người dân, tìm kiếm, sơ cứu người bị nạn và di chuyển tài sản "
    "đến nơi an toàn.",
    "Qua diễn tập, các lực lượng đã thành thạo hơn trong phối hợp, bà con nắm được cách sơ tán và nơi tập "
    "kết an toàn. Đồng chí {cb}, {cv} {xa}, đề nghị các thôn rút kinh nghiệm, hoàn thiện phương án ứng "
    "phó trước mùa mưa lũ.",
};
constexpr const char* kHazardParagraphs[] = {
    "Theo báo cáo nhanh của {ubnd}, {thien_tai} đã {thiet_hai} tại {thon} và {thon2}. [Rất may không có thiệt hại về "
    "người.|Không có thiệt hại về người, song thiệt hại về tài sản ước tính khoảng {tien} triệu đồng.]",
    "Ngay sau khi nhận được tin báo, Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã đã cử lực lượng xuống "
    "hiện trường để {ung_pho}. {hau_qua}",
    "Thực hiện phương châm “bốn tại chỗ”, mỗi thôn đều thành lập đội xung kích phòng, chống thiên tai gồm dân quân, "
    "đoàn viên thanh niên và các hộ khỏe mạnh. Xã chuẩn bị sẵn lương thực, nhu yếu phẩm, áo phao, đèn pin và phương "
    "tiện để ứng phó khi cần.",
    "Tại hội nghị tuyên vận tháng {thang}, cán bộ xã đã hướng dẫn bà con nhận biết các dấu hiệu nguy hiểm như vết nứt "
    "trên sườn đồi, nước suối đục bất thường, tiếng động lạ từ trên núi. Khi có dấu hiệu, người dân cần nhanh chóng di "
    "chuyển đến nơi an toàn và báo ngay cho trưởng thôn.",
    "{ke_chuyen}",
    "Đến nay, {xa} đã hoàn thành rà soát các điểm có nguy cơ cao, cắm {n2} biển cảnh báo tại các vị trí xung yếu. "
    "[{n} hộ đã được hỗ trợ di dời đến khu tái định cư an toàn.|Các hộ trong vùng nguy cơ đều có phương án di dời khi "
    "có mưa lớn kéo dài.]",
    "Mặt trận và các đoàn thể xã đã phát động quyên góp ủng hộ các gia đình bị thiệt hại. Chỉ trong {n} ngày, đã tiếp "
    "nhận {tien} triệu đồng tiền mặt cùng nhiều nhu yếu phẩm; đoàn viên thanh niên và hội viên phụ nữ góp hàng trăm "
    "ngày công giúp bà con dọn dẹp nhà cửa, [sửa chữa chuồng trại|khôi phục ruộng vườn].",
    "Đồng chí {cb}, {cv} {xa}, yêu cầu các thôn tiếp tục theo dõi chặt chẽ diễn biến thời tiết, tuyệt đối không để "
    "người dân ở lại những ngôi nhà có nguy cơ mất an toàn; đồng thời tổng hợp đầy đủ thiệt hại để đề nghị cấp trên hỗ "
    "trợ kịp thời.",
    "Ban Tuyên vận xã tăng cường thông tin cảnh báo thời tiết qua loa truyền thanh, nhóm Zalo thôn; các tổ tuyên vận "
    "đến từng hộ nhắc nhở [chằng chống nhà cửa|chuẩn bị sẵn phương án sơ tán|bảo vệ tài sản, gia súc] và ghi kết quả "
    "vào Sổ nhật ký tuyên vận.",
};
constexpr Angle kHazardAngles[] = {
    {{kHazardTitles[0], kHazardTitles[4], kHazardTitles[5], kHazardTitles[1]},
     {kHazardSapos[0]},
     {kHazardParagraphs[0]}},
    {{kHazardTitles[3], kHazardTitles[6], kHazardTitles[8]}, {kHazardSapos[1]}, {kHazardParagraphs[2]}},
    {{kHazardTitles[2]}, {kHazardSapos[2]}, {kDrillLeads[0], kDrillLeads[1]}},
    {{kHazardTitles[7]}, {kHazardSapos[3]}, {kHazardParagraphs[6]}},
};
constexpr const char* kHazardHeadings[] = {"Chủ động từ sớm, từ xa", "Không để người dân bị bất ngờ",
                                           "Khắc phục hậu quả, ổn định cuộc sống", "Phương châm “bốn tại chỗ”",
                                           "Chung tay sẻ chia"};
constexpr const char* kHazardItems[] = {
    "Theo dõi thông tin cảnh báo thời tiết trên loa truyền thanh và nhóm Zalo thôn",
    "Không ở lại nhà có nguy cơ sạt lở khi mưa lớn kéo dài",
    "Không qua suối, ngầm tràn khi nước lên",
    "Chuẩn bị lương thực, nước uống, đèn pin, thuốc men dự phòng",
    "Che chắn chuồng trại, bảo vệ gia súc",
    "Báo ngay cho trưởng thôn khi phát hiện dấu hiệu bất thường",
};
constexpr const char* kHazardQuotes[] = {
    "Tính mạng của người dân là trên hết. Khi đã có cảnh báo, cán bộ phải đến từng nhà, đưa bà con đi bằng được, không "
    "để ai ở lại vùng nguy hiểm.",
    "Phòng là chính. Bà con nắm được dấu hiệu nguy hiểm, biết chạy đi đâu, báo cho ai thì thiệt hại sẽ giảm rất nhiều.",
};
constexpr Picture kHazardPictures[] = {
    {"{canh}", "Lực lượng chức năng giúp người dân {thon} khắc phục hậu quả {thien_tai}."},
    {"Cán bộ xã chỉ cho người dân tấm biển cảnh báo nguy cơ sạt lở đặt ven đường",
     "Cán bộ {xa} hướng dẫn bà con {thon} nhận biết các điểm có nguy cơ mất an toàn."},
    {"Cán bộ xã trao nhu yếu phẩm cho một gia đình trước cửa nhà",
     "Cán bộ {xa} trao hỗ trợ cho gia đình bị ảnh hưởng bởi {thien_tai}."},
};
constexpr const char* kHazardTags[] = {"Phòng, chống thiên tai", "Bốn tại chỗ", "An sinh xã hội"};
constexpr DocSubject kHazardDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneGovernment, "phòng, chống thiên tai và tìm kiếm cứu nạn năm {nam}"},
    {DocKind::kLetter, Issuer::kCommuneGovernment, "chủ động ứng phó với {thien_tai} tháng {thang_nam}"},
    {DocKind::kNotice, Issuer::kCommuneGovernment,
     "kết quả rà soát các hộ dân sống trong vùng có nguy cơ sạt lở đất, lũ quét"},
};

// --- Giáo dục ---------------------------------------------------------------------------------

constexpr std::string_view kSchoolSections[] = {"van-hoa-xa-hoi", "dan-van"};
constexpr const char* kSchoolTitles[] = {
    "{Xa} vận động {n2} học sinh [trở lại lớp|đi học đầy đủ] [tháng {thang_nam}|năm học {nam_hoc}]",
    "{Truong}: [nâng cao chất lượng|bảo đảm] bữa ăn bán trú cho {hs_bt} học sinh",
    "Tổ tuyên vận {thon} ({ten_xa}) “gõ cửa” từng nhà vận động trẻ đến trường",
    "{Xa} duy trì {pct_cao}% trẻ trong độ tuổi đến trường năm học {nam_hoc}",
    "Thầy cô {truong} [vượt dốc|đến từng bản] vận động học sinh đến lớp",
    "Phụ huynh {xa} góp công [sửa|làm] [lớp học|bếp ăn] cho học sinh bán trú",
    "[Chung tay|Cùng] chăm lo cho học sinh vùng cao ở {xa} năm học {nam_hoc}",
    "Lớp xóa mù chữ ở {thon} ({ten_xa}): [niềm vui|cơ hội mới] của {n2} học viên",
    "{Xa} trao {n2} suất học bổng cho học sinh vượt khó [năm học {nam_hoc}|]",
};
constexpr const char* kSchoolPhotos[] = {
    "Giờ học của học sinh {truong}",
    "Bữa cơm bán trú ở {truong}",
};
constexpr const char* kSchoolSapos[] = {
    "Năm học {nam_hoc}, {xa} có {hs} học sinh các cấp, tỷ lệ trẻ trong độ tuổi đến trường đạt {pct_cao}%. Kết quả có "
    "được "
    "nhờ sự phối hợp chặt chẽ giữa nhà trường, chính quyền và các tổ tuyên vận thôn, bản.",
    "Sau kỳ nghỉ, vẫn còn {n} học sinh ở {thon} chưa trở lại lớp. Ngay lập tức, thầy cô {truong} phối hợp với tổ tuyên "
    "vận thôn đến từng gia đình vận động, đưa các em trở lại trường.",
    "Với sự chung tay của phụ huynh và các tổ chức, bữa ăn bán trú của học sinh {truong} ngày càng được cải thiện. Nhà "
    "trường hiện có {hs_bt} học sinh ăn, ở bán trú.",
    "Ngày {ngay}, {ubnd} phối hợp với {truong} [khai giảng|tổng kết] lớp xóa mù chữ cho {n2} học viên là người {dt} ở "
    "{thon}.",
    "Năm học {nam_hoc}, Hội Khuyến học {xa} đã trao {n2} suất học bổng, tổng trị giá {tien} triệu đồng "
    "cho học sinh có hoàn cảnh khó khăn vươn lên học tốt. Phong trào khuyến học được các dòng họ, thôn "
    "bản hưởng ứng tích cực.",
};
constexpr const char* kSchoolParagraphs[] = {
    "Đầu mỗi năm học, Ban Tuyên vận xã chỉ đạo các tổ tuyên vận phối hợp với nhà trường rà soát số trẻ trong độ tuổi "
    "đến trường ở từng thôn. Những gia đình có con nghỉ học được cán bộ đến tận nhà vận động, [tìm hiểu nguyên nhân|hỗ "
    "trợ sách vở, quần áo] để các em yên tâm đi học.",
    "Thầy {ten_gv}, giáo viên {truong}, cho biết nhiều học sinh nghỉ học vì phải ở nhà trông em, theo bố mẹ lên nương "
    "hoặc ngại đường xa. “Có em chúng tôi phải đến nhà ba, bốn lần, nhờ cả trưởng thôn nói chuyện với gia đình thì các "
    "em mới trở lại lớp”, thầy chia sẻ.",
    "Nhà trường hiện có {hs_bt} học sinh ăn, ở bán trú. Bữa ăn của các em được bảo đảm đủ định lượng, có thịt, cá, "
    "rau xanh; [phụ huynh luân phiên góp rau, củi cho bếp ăn|vườn rau của trường cung cấp thêm rau sạch cho bữa ăn].",
    "Bên cạnh dạy chữ, nhà trường chú trọng giáo dục kỹ năng sống, giữ gìn bản sắc văn hóa dân tộc cho học sinh. [Các "
    "em được học hát dân ca, múa truyền thống của người {dt} trong giờ hoạt động ngoại khóa.|Thư viện thân thiện được "
    "xây dựng để các em có thêm sách đọc.]",
    "Hội Khuyến học xã đã trao {n2} suất học bổng cho học sinh có hoàn cảnh khó khăn vươn lên học tốt, với tổng giá "
    "trị {tien} triệu đồng. Nhiều doanh nghiệp, nhà hảo tâm cũng hỗ trợ áo ấm, chăn màn, đồ dùng học tập cho học sinh "
    "vùng cao.",
    "Tại hội nghị tuyên vận, Ban Tuyên vận xã đã đưa nội dung phòng, chống bỏ học, tảo hôn vào chuyên đề tuyên truyền. "
    "Cha mẹ được giải thích rõ quyền và nghĩa vụ học tập của trẻ em, [những thiệt thòi khi con em nghỉ học sớm|các "
    "chính sách hỗ trợ học sinh dân tộc thiểu số].",
    "Các lớp xóa mù chữ được tổ chức vào buổi tối tại nhà văn hóa thôn, phù hợp với thời gian lao động của bà con. "
    "Học viên chủ yếu là phụ nữ {dt} trong độ tuổi từ 15 đến 60, sau khóa học đã biết đọc, viết, làm các phép tính "
    "đơn giản.",
    "Đồng chí {cb}, {cv} {xa}, cho biết năm học này xã phấn đấu không có học sinh bỏ học; duy trì tỷ lệ {pct_cao}% trẻ "
    "em đi học đúng độ tuổi và hoàn thành kế hoạch [xây dựng trường đạt chuẩn quốc gia|sửa chữa phòng học, nhà ở bán "
    "trú].",
};
constexpr Angle kSchoolAngles[] = {
    {{kSchoolTitles[0], kSchoolTitles[2], kSchoolTitles[3], kSchoolTitles[4]},
     {kSchoolSapos[0], kSchoolSapos[1]},
     {kSchoolParagraphs[0]}},
    {{kSchoolTitles[1], kSchoolTitles[5], kSchoolTitles[6]}, {kSchoolSapos[2]}, {kSchoolParagraphs[2]}},
    {{kSchoolTitles[7]}, {kSchoolSapos[3]}, {kSchoolParagraphs[6]}},
    {{kSchoolTitles[8]}, {kSchoolSapos[4]}, {kSchoolParagraphs[4]}},
};
constexpr const char* kSchoolHeadings[] = {"Không để học sinh nào bỏ học", "Bữa ăn bán trú ấm lòng",
                                           "Nhà trường và thôn bản cùng chung sức", "Xóa mù chữ cho phụ nữ vùng cao",
                                           "Chắp cánh ước mơ cho học sinh vùng cao"};
constexpr const char* kSchoolItems[] = {
    "Rà soát trẻ trong độ tuổi đến trường ở từng thôn", "Vận động học sinh nghỉ học trở lại lớp",
    "Bảo đảm bữa ăn, chỗ ở cho học sinh bán trú",       "Trao học bổng, quà cho học sinh có hoàn cảnh khó khăn",
    "Mở lớp xóa mù chữ vào buổi tối cho người dân",     "Tuyên truyền phòng, chống tảo hôn trong học sinh",
};
constexpr const char* kSchoolQuotes[] = {
    "Con chữ là con đường thoát nghèo bền vững nhất. Mỗi em học sinh trở lại lớp là một niềm vui của cả thôn.",
    "Chúng tôi coi học sinh như con em mình. Em nào nghỉ một buổi là thầy cô biết ngay và đến nhà tìm hiểu.",
};
constexpr Picture kSchoolPictures[] = {
    {"Học sinh tiểu học mặc áo đồng phục ngồi học trong lớp, cô giáo đứng giảng bài", "Giờ học của học sinh {truong}."},
    {"Học sinh xếp hàng nhận suất cơm trưa tại bếp ăn bán trú", "Bữa cơm bán trú của học sinh {truong}."},
    {"Thầy giáo đi bộ trên đường đất cùng phụ huynh đến nhà học sinh",
     "Giáo viên {truong} đến nhà vận động học sinh ở {thon} trở lại lớp."},
};
constexpr const char* kSchoolTags[] = {"Giáo dục", "Học sinh bán trú", "Khuyến học"};
constexpr DocSubject kSchoolDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneGovernment, "huy động trẻ em trong độ tuổi đến trường năm học {nam_hoc}"},
    {DocKind::kPlan, Issuer::kCommuneGovernment, "xóa mù chữ cho người dân năm {nam}"},
    {DocKind::kLetter, Issuer::kCommuneParty, "phòng, chống học sinh bỏ học giữa chừng"},
};

// --- Y tế -------------------------------------------------------------------------------------

constexpr std::string_view kHealthSections[] = {"van-hoa-xa-hoi", "thoi-su"};
constexpr const char* kHealthTitles[] = {
    "{Tram} khám sức khỏe miễn phí cho {dd} người cao tuổi",
    "{Xa}: {pct_cao}% người dân tham gia bảo hiểm y tế [năm {nam}|]",
    "Nhân viên y tế thôn bản – [“cánh tay nối dài”|cầu nối] của {tram}",
    "Đưa dịch vụ chăm sóc sức khỏe [bà mẹ, trẻ em|đến gần hơn với người dân] ở {thon} ({ten_xa})",
    "{Xa} vận động phụ nữ {dt} sinh con tại [cơ sở y tế|trạm y tế]",
    "Chủ động phòng, chống dịch bệnh ở {xa} [năm {nam}|tháng {thang_nam}]",
    "{Tram} hoàn thiện hồ sơ sức khỏe điện tử cho {pct}% người dân",
    "Chị {ten_nu} và những năm làm nhân viên y tế ở {thon} ({ten_xa})",
    "{Tram} tiêm chủng cho {dd} lượt trẻ em trong tháng {thang_nam}",
};
constexpr const char* kHealthPhotos[] = {
    "Khám sức khỏe cho người dân {thon}, {xa}",
    "Một ngày ở {tram}",
};
constexpr const char* kHealthSapos[] = {
    "Ngày {ngay}, {tram} phối hợp với {ubnd} tổ chức khám sức khỏe, cấp thuốc miễn phí cho {dd} người dân {thon}. "
    "Nhiều trường hợp mắc bệnh mãn tính đã được tư vấn điều trị kịp thời.",
    "Đến tháng {thang_nam}, {xa} có {pct_cao}% người dân tham gia bảo hiểm y tế. Người dân được khám, chữa bệnh ngay "
    "tại "
    "trạm y tế xã, giảm chi phí đi lại.",
    "Nhờ tuyên truyền bền bỉ của nhân viên y tế thôn bản và tổ tuyên vận, tỷ lệ phụ nữ ở {xa} sinh con tại cơ sở y tế "
    "đã tăng lên {pct}%, tình trạng sinh con tại nhà giảm rõ rệt.",
    "Trong tháng {thang_nam}, {tram} đã tổ chức tiêm chủng đầy đủ cho {dd} lượt trẻ em, đồng thời tuyên "
    "truyền để các gia đình đưa con đi tiêm đúng lịch.",
};
constexpr const char* kHealthParagraphs[] = {
    "{Tram} hiện có {n} cán bộ, gồm bác sĩ, y sĩ, nữ hộ sinh và dược sĩ; mỗi thôn có một nhân viên y tế thôn bản. "
    "Trạm thực hiện tốt công tác khám, chữa bệnh ban đầu, [quản lý bệnh không lây nhiễm|tiêm chủng mở rộng], chăm sóc "
    "sức khỏe bà mẹ, trẻ em.",
    "Nhân viên y tế thôn bản là người trực tiếp tuyên truyền kiến thức chăm sóc sức khỏe đến từng hộ. [Chị {ten_nu}, "
    "nhân viên y tế {thon}, cho biết mỗi tháng chị đến thăm tất cả phụ nữ mang thai trong thôn, nhắc lịch khám thai, "
    "tiêm phòng.|Họ nắm rõ từng gia đình có người ốm, phụ nữ mang thai, trẻ nhỏ để kịp thời hướng dẫn.]",
    "Việc tuyên truyền tham gia bảo hiểm y tế được lồng ghép trong hội nghị tuyên vận và các buổi họp thôn. Người dân "
    "được giải thích về quyền lợi khi khám, chữa bệnh đúng tuyến, chuyển tuyến, [cách sử dụng thẻ bảo hiểm y tế trên "
    "ứng dụng VNeID|thủ tục cấp lại thẻ khi bị mất].",
    "Trước đây, nhiều phụ nữ {dt} vẫn giữ tập quán sinh con tại nhà, tiềm ẩn nhiều rủi ro. Tổ tuyên vận và hội phụ nữ "
    "đã kiên trì vận động, mời những người có uy tín trong dòng họ cùng nói chuyện với gia đình. Đến nay, tỷ lệ phụ nữ "
    "sinh con tại cơ sở y tế đạt {pct}%.",
    "Trong đợt khám sức khỏe, các bác sĩ đã phát hiện nhiều trường hợp mắc [tăng huyết áp|đái tháo đường|bệnh về "
    "mắt] nhưng chưa được điều trị. Các trường hợp này được lập hồ sơ theo dõi, cấp thuốc định kỳ tại trạm y tế.",
    "Cùng với khám chữa bệnh, {tram} tăng cường tuyên truyền vệ sinh môi trường, ăn chín uống sôi, ngủ màn; [vệ sinh "
    "chuồng trại, khơi thông cống rãnh|hướng dẫn xử lý nguồn nước sinh hoạt]. Từ đầu năm, trên địa bàn không có dịch "
    "bệnh lớn xảy ra.",
    "{Ong} ở {thon} chia sẻ: “Trước đây ốm đau phải xuống tận bệnh viện tuyến trên, tốn kém lắm. Giờ có thẻ bảo hiểm, "
    "lên trạm y tế xã là được khám, cấp thuốc, cán bộ y tế còn đến tận nhà hỏi thăm.”",
    "Đồng chí {cb}, {cv} {xa}, cho biết xã đang đề nghị cấp trên đầu tư, sửa chữa trạm y tế, bổ sung trang thiết bị; "
    "đồng thời tiếp tục vận động người dân tham gia bảo hiểm y tế, [hướng tới tỷ lệ bao phủ trên 95%|duy trì khám sức "
    "khỏe định kỳ cho người cao tuổi].",
};
constexpr Angle kHealthAngles[] = {
    {{kHealthTitles[0]}, {kHealthSapos[0]}, {kHealthParagraphs[4]}},
    {{kHealthTitles[1], kHealthTitles[6]}, {kHealthSapos[1]}, {kHealthParagraphs[2]}},
    {{kHealthTitles[3], kHealthTitles[4], kHealthTitles[7], kHealthTitles[2]},
     {kHealthSapos[2]},
     {kHealthParagraphs[1]}},
    {{kHealthTitles[8], kHealthTitles[5]}, {kHealthSapos[3]}, {kHealthParagraphs[5]}},
};
constexpr const char* kHealthHeadings[] = {
    "Chăm sóc sức khỏe từ cơ sở", "Nhân viên y tế thôn bản – cầu nối với người dân",
    "Bảo hiểm y tế – chỗ dựa của người dân", "Thay đổi tập quán sinh con tại nhà", "Phòng bệnh hơn chữa bệnh"};
constexpr const char* kHealthItems[] = {
    "Tiêm chủng đầy đủ, đúng lịch cho trẻ em",  "Khám thai định kỳ, sinh con tại cơ sở y tế",
    "Tham gia bảo hiểm y tế hộ gia đình",       "Ăn chín, uống sôi, ngủ màn, giữ vệ sinh nguồn nước",
    "Khám sức khỏe định kỳ cho người cao tuổi", "Không tự ý dùng thuốc khi chưa có chỉ định",
};
constexpr const char* kHealthQuotes[] = {
    "Sức khỏe của người dân là vốn quý nhất. Trạm y tế phải là nơi đầu tiên bà con tìm đến khi ốm đau.",
    "Muốn bà con thay đổi thói quen thì phải kiên trì và gần gũi. Một lần nói chưa được thì nói nhiều lần, nhờ người "
    "trong dòng họ cùng nói.",
};
constexpr Picture kHealthPictures[] = {
    {"Bác sĩ đo huyết áp cho một cụ già tại bàn khám đặt ở nhà văn hóa thôn",
     "Cán bộ {tram} khám sức khỏe cho người cao tuổi {thon}."},
    {"Nhân viên y tế tiêm vắc xin cho em bé trong vòng tay mẹ", "Tiêm chủng cho trẻ em tại {tram}."},
    {"Nhân viên y tế thôn bản trò chuyện với một phụ nữ mang thai trước hiên nhà",
     "Nhân viên y tế thôn bản hướng dẫn chăm sóc sức khỏe cho phụ nữ mang thai ở {thon}."},
};
constexpr const char* kHealthTags[] = {"Y tế cơ sở", "Bảo hiểm y tế", "Chăm sóc sức khỏe"};
constexpr DocSubject kHealthDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneGovernment, "vận động Nhân dân tham gia bảo hiểm y tế năm {nam}"},
    {DocKind::kPlan, Issuer::kCommuneGovernment, "phòng, chống dịch bệnh năm {nam}"},
    {DocKind::kLetter, Issuer::kCommuneParty, "tăng cường tuyên truyền chăm sóc sức khỏe bà mẹ, trẻ em"},
};

// --- Xây dựng Đảng ----------------------------------------------------------------------------

constexpr std::string_view kPartySections[] = {"xay-dung-dang", "thong-tin-tuyen-van"};
constexpr const char* kPartyTitles[] = {
    "Chi bộ {thon} ({ten_xa}) học tập, quán triệt {nghi_quyet}",
    "{Dang_uy} kết nạp {n} đảng viên mới [năm {nam}|trong tháng {thang_nam}]",
    "Sinh hoạt chi bộ chuyên đề ở {thon} ({ten_xa}): [thiết thực|sát] với đời sống người dân",
    "Nâng cao chất lượng sinh hoạt chi bộ thôn ở {xa} [năm {nam}|]",
    "{Xa}: 100% thôn, bản có đảng viên, [không còn “thôn trắng”|xóa “thôn trắng” đảng viên]",
    "Đảng viên {thon} ({ten_xa}) gương mẫu [đi đầu|đi trước] trong các phong trào ở khu dân cư",
    "{Dang_uy} [tổ chức|triển khai] học tập, quán triệt {nghi_quyet} cho {dd} cán bộ, đảng viên",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ở {xa}: [những việc làm cụ thể|bắt đầu từ việc "
    "nhỏ]",
    "Sinh hoạt chi bộ {thon} về {chu_de_cb}",
};
constexpr const char* kPartyPhotos[] = {
    "Sinh hoạt chi bộ {thon}, {xa}",
    "Lễ kết nạp đảng viên mới tại {dang_uy} tháng {thang_nam}",
};
constexpr const char* kPartySapos[] = {
    "Ngày {ngay}, Chi bộ {thon} thuộc {dang_uy} tổ chức học tập, quán triệt {nghi_quyet}. [100%|Toàn bộ] đảng viên "
    "trong chi bộ tham dự, thảo luận, xây dựng chương trình hành động sát với thực tế của thôn.",
    "Năm {nam}, {dang_uy} đã kết nạp {n} đảng viên mới, [trong đó có {n3} đảng viên là người dân tộc thiểu số|phần "
    "lớn là đoàn viên thanh niên ưu tú]. Toàn Đảng bộ hiện có {dv_so} đảng viên sinh hoạt tại {cb_so} chi bộ.",
    "Sinh hoạt chi bộ chuyên đề về {chu_de_cb} tại {thon}, {xa} đã thu hút đông đủ đảng viên tham gia, nhiều ý kiến "
    "tâm huyết được đưa ra để cụ thể hóa thành việc làm.",
    "Thực hiện {nghi_quyet}, {dang_uy} xác định nâng cao chất lượng sinh hoạt chi bộ là khâu then chốt. Sau "
    "{n} tháng, đến tháng {thang_nam}, {n2} chi bộ, đảng bộ trực thuộc đã đổi mới nội dung, hình thức sinh "
    "hoạt.",
    "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, các chi bộ thuộc {dang_uy} đã đăng ký {n2} việc làm cụ "
    "thể, gắn với nhiệm vụ của từng thôn. Năm {nam}, Chi bộ {thon} là một trong những tập thể điển hình được "
    "biểu dương.",
};
constexpr const char* kPartyParagraphs[] = {
    "Tại buổi học tập, đồng chí {cb}, {cv} {xa}, đã truyền đạt những nội dung cơ bản của {nghi_quyet}; liên hệ với "
    "tình hình thực tế của địa phương, chỉ rõ những việc chi bộ và mỗi đảng viên cần làm ngay. Cách truyền đạt ngắn "
    "gọn, dễ hiểu giúp đảng viên nắm chắc tinh thần nghị quyết.",
    "Sau khi học tập, mỗi đảng viên viết bản thu hoạch và đăng ký ít nhất một việc làm cụ thể, [như vận động gia đình, "
    "dòng họ thực hiện nếp sống văn minh|như hướng dẫn bà con sử dụng dịch vụ công trực tuyến|như tham gia tổ tự quản "
    "vệ sinh môi trường]. Chi bộ theo dõi, đánh giá việc thực hiện trong các kỳ sinh hoạt hằng tháng.",
    "Sinh hoạt chi bộ thôn được đổi mới theo hướng ngắn gọn, thiết thực; dành nhiều thời gian thảo luận những vấn đề "
    "cụ thể của thôn như {viec1}, {viec2}. Mỗi kỳ sinh hoạt, chi bộ đều phân công đảng viên phụ trách từng nhóm hộ và "
    "kiểm điểm kết quả thực hiện.",
    "Công tác phát triển đảng viên được {dang_uy} đặc biệt quan tâm. Các chi bộ chú trọng phát hiện, bồi dưỡng quần "
    "chúng ưu tú là [đoàn viên thanh niên, bộ đội xuất ngũ|người có uy tín, trưởng thôn|người dân tộc thiểu số tiêu "
    "biểu trong sản xuất]. Năm {nam}, xã mở {n3} lớp bồi dưỡng nhận thức về Đảng cho {n2} quần chúng ưu tú.",
    "Đảng viên mới {ten_dv}, sinh năm {nam_sinh}, chia sẻ: “Được đứng vào hàng ngũ của Đảng là niềm vinh dự lớn. Tôi "
    "sẽ cố gắng gương mẫu trong công việc, cùng chi bộ vận động bà con trong thôn phát triển kinh tế, giữ gìn an ninh "
    "trật tự.”",
    "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với nhiệm vụ chính trị của từng chi "
    "bộ. Mỗi năm, chi bộ đăng ký nội dung làm theo cụ thể; [nhiều tập thể, cá nhân điển hình đã được biểu dương, khen "
    "thưởng|những tấm gương tiêu biểu được giới thiệu tại hội nghị tuyên vận].",
    "Đồng chí {cbh}, {cvh} {huyen_uy}, dự và chỉ đạo buổi sinh hoạt, đề nghị chi bộ tiếp tục phát huy vai trò hạt "
    "nhân lãnh đạo ở thôn; mỗi đảng viên phải là một tuyên truyền viên, gương mẫu thực hiện và vận động gia đình, Nhân "
    "dân chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Toàn Đảng bộ {xa} hiện có {dv_so} đảng viên sinh hoạt tại {cb_so} chi bộ; 100% thôn, bản có chi bộ, không còn "
    "“thôn trắng” đảng viên. Năm {nam_truoc}, {pct}% tổ chức cơ sở đảng trực thuộc được xếp loại hoàn thành tốt nhiệm "
    "vụ trở lên.",
    "Công tác kiểm tra, giám sát được thực hiện thường xuyên, [tập trung vào việc thực hiện nghị quyết, chấp hành quy "
    "chế làm việc|gắn với việc đánh giá, chấm điểm kết quả thực hiện nhiệm vụ của từng đảng viên]. Qua kiểm tra, các "
    "chi bộ đã kịp thời chấn chỉnh những hạn chế, khuyết điểm.",
};
constexpr Angle kPartyAngles[] = {
    {{kPartyTitles[0], kPartyTitles[6]}, {kPartySapos[0], kPartySapos[3]}, {kPartyParagraphs[0]}},
    {{kPartyTitles[1], kPartyTitles[4]}, {kPartySapos[1]}, {kPartyParagraphs[3]}},
    {{kPartyTitles[2], kPartyTitles[3], kPartyTitles[8], kPartyTitles[5]}, {kPartySapos[2]}, {kPartyParagraphs[2]}},
    {{kPartyTitles[7]}, {kPartySapos[4]}, {kPartyParagraphs[5]}},
};
constexpr const char* kPartyHeadings[] = {"Đưa nghị quyết vào cuộc sống", "Đổi mới sinh hoạt chi bộ",
                                          "Phát triển đảng viên ở thôn, bản", "Đảng viên gương mẫu, dân tin theo",
                                          "Nâng cao năng lực lãnh đạo của chi bộ"};
constexpr const char* kPartyItems[] = {
    "Học tập, quán triệt nghị quyết gắn với xây dựng chương trình hành động",
    "Mỗi đảng viên đăng ký ít nhất một việc làm cụ thể",
    "Đổi mới nội dung sinh hoạt chi bộ theo hướng thiết thực",
    "Phát hiện, bồi dưỡng quần chúng ưu tú để kết nạp Đảng",
    "Phân công đảng viên phụ trách nhóm hộ",
    "Kiểm tra, giám sát việc thực hiện nghị quyết ở chi bộ",
};
constexpr const char* kPartyQuotes[] = {
    "Nghị quyết có đi vào cuộc sống hay không là ở chi bộ thôn. Chi bộ mạnh thì thôn mạnh, đảng viên gương mẫu thì dân "
    "tin, dân theo.",
    "Mỗi đảng viên phải là một tuyên truyền viên ở khu dân cư. Nói cho dân hiểu và làm cho dân thấy.",
};
constexpr Picture kPartyPictures[] = {
    {"Các đảng viên ngồi quanh bàn dài trong nhà văn hóa thôn, trên tường treo cờ Đảng và ảnh Bác Hồ",
     "Sinh hoạt chi bộ {thon}, {xa}."},
    {"Đảng viên mới đứng tuyên thệ trước cờ Đảng", "Lễ kết nạp đảng viên mới tại {dang_uy}."},
    {"Báo cáo viên đứng trên bục truyền đạt nghị quyết cho cán bộ, đảng viên ngồi kín hội trường",
     "Học tập, quán triệt nghị quyết tại {dang_uy}."},
};
constexpr const char* kPartyTags[] = {"Xây dựng Đảng", "Sinh hoạt chi bộ", "Học tập nghị quyết",
                                      "Học tập và làm theo Bác"};
constexpr DocSubject kPartyDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneParty, "học tập, quán triệt và triển khai thực hiện {nghi_quyet}"},
    {DocKind::kGuide, Issuer::kCommuneParty, "sinh hoạt chi bộ chuyên đề năm {nam}"},
    {DocKind::kPlan, Issuer::kCommuneParty, "phát triển đảng viên năm {nam}"},
};

// --- Dân chủ ở cơ sở --------------------------------------------------------------------------

constexpr std::string_view kDemocracySections[] = {"dan-van", "xay-dung-dang", "thoi-su"};
constexpr const char* kDemocracyTitles[] = {
    "{Thon} ({ten_xa}) bầu trưởng thôn nhiệm kỳ mới với {pct_cao}% cử tri [tham gia|đi bầu]",
    "{Ubnd} đối thoại với Nhân dân về [{q1}|những vấn đề bà con quan tâm]",
    "{Xa} lấy ý kiến Nhân dân về [quy hoạch khu dân cư|hương ước, quy ước thôn|phương án làm đường liên thôn] [tháng "
    "{thang_nam}|]",
    "Thực hiện dân chủ ở cơ sở: “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng” ở {xa}",
    "{Thon} ({ten_xa}) sửa đổi hương ước, [đưa nội dung chống tảo hôn vào quy ước|bỏ những quy định không còn phù "
    "hợp]",
    "Hòm thư góp ý ở {xa}: [nơi người dân gửi gắm tâm tư|kênh lắng nghe ý kiến Nhân dân]",
    "Lãnh đạo {xa} tiếp công dân, giải quyết {ykien} kiến nghị [trong tháng {thang_nam}|]",
    "Ban Thanh tra nhân dân {xa} giám sát [công trình đường|việc chi trả chế độ] tại {thon}",
};
constexpr const char* kDemocracyPhotos[] = {
    "Cử tri {thon}, {xa} bầu trưởng thôn nhiệm kỳ mới",
    "Buổi đối thoại giữa lãnh đạo {xa} và Nhân dân tháng {thang_nam}",
};
constexpr const char* kDemocracySapos[] = {
    "Ngày {ngay}, {thon}, {xa} tổ chức hội nghị bầu trưởng thôn nhiệm kỳ mới. Với {pct_cao}% cử tri đại diện hộ gia "
    "đình "
    "tham gia, hội nghị đã bầu {ong} làm trưởng thôn.",
    "Nhằm lắng nghe và giải quyết kịp thời kiến nghị của người dân, {ubnd} vừa tổ chức hội nghị đối thoại với {dd} "
    "người dân đại diện các thôn. {ykien} ý kiến đã được nêu, phần lớn được giải đáp ngay tại hội nghị.",
    "Thực hiện Luật Thực hiện dân chủ ở cơ sở, năm {nam} {xa} đã công khai {n2} nội dung để Nhân dân biết, "
    "bàn, quyết định và giám sát. Tại {thon}, mọi khoản đóng góp đều được niêm yết tại nhà văn hóa thôn.",
    "Sau nhiều buổi họp thôn bàn bạc dân chủ, bản hương ước mới của {thon}, {xa} đã được {ho} hộ dân thống nhất thông "
    "qua, trong đó có những quy định cụ thể về [phòng, chống tảo hôn|giữ gìn vệ sinh môi trường|quản lý gia súc thả "
    "rông].",
};
/// A village-head election, told only under its own angle.
constexpr const char* kElectionLeads[] = {
    "Hội nghị bầu trưởng thôn được tổ chức [dân chủ, đúng quy trình|công khai, đúng luật]. Trước đó, Ban công tác Mặt "
    "trận thôn đã tổ chức hội nghị giới thiệu người ứng cử, lắng nghe ý kiến của các hộ gia đình. Tổ tuyên vận thôn "
    "đến từng nhà thông báo thời gian, địa điểm để cử tri tham gia đầy đủ.",
    "Tân trưởng thôn {ten_ong} năm nay {tuoi} tuổi, là người có uy tín, nhiệt tình, từng tham gia nhiều năm trong tổ "
    "tuyên vận thôn. Phát biểu sau khi trúng cử, {ngoi} cam kết sẽ cùng chi bộ, ban công tác mặt trận thôn vận động "
    "bà con phát triển kinh tế, giữ gìn an ninh trật tự.",
};
constexpr const char* kDemocracyParagraphs[] = {
    "Tại buổi đối thoại, người dân đã nêu nhiều ý kiến liên quan trực tiếp đến đời sống như {q1}, {q2}. Lãnh đạo xã "
    "đã trả lời thẳng thắn, cụ thể; những ý kiến vượt thẩm quyền được ghi nhận để báo cáo cấp trên.",
    "Xã đã niêm yết công khai tại trụ sở UBND và nhà văn hóa các thôn các nội dung như kế hoạch sử dụng đất, danh sách "
    "hộ nghèo, các khoản đóng góp của Nhân dân, kết quả giải quyết đơn thư. [Người dân có thể xem thông tin trên nhóm "
    "Zalo của thôn.|Mỗi nội dung đều có số điện thoại của cán bộ phụ trách để người dân hỏi khi cần.]",
    "Ban Thanh tra nhân dân và Ban giám sát đầu tư của cộng đồng hoạt động hiệu quả. Năm {nam}, các ban đã giám sát "
    "{n2} công trình, [kịp thời kiến nghị khắc phục {n3} tồn tại trong thi công|phát hiện và đề nghị điều chỉnh một số "
    "sai sót trong danh sách thụ hưởng chính sách].",
    "Hương ước, quy ước của các thôn được rà soát, sửa đổi theo hướng ngắn gọn, dễ nhớ, phù hợp với pháp luật và phong "
    "tục tốt đẹp của đồng bào {dt}. Những quy định về việc cưới, việc tang, bảo vệ rừng, giữ gìn vệ sinh được bà con "
    "thảo luận kỹ trước khi biểu quyết.",
    "{Ong} ở {thon} cho biết: “Việc gì của thôn cũng được đưa ra họp bàn công khai, mỗi hộ đều được nói ý kiến của "
    "mình. Bà con thấy mình được tôn trọng nên làm gì cũng đồng lòng.”",
    "Theo đồng chí {cb}, {cv} {xa}, thực hiện tốt dân chủ ở cơ sở là nền tảng để làm tốt công tác tuyên vận. Khi người "
    "dân được biết, được bàn, được giám sát, mọi chủ trương của Đảng, chính sách của Nhà nước sẽ dễ dàng đi vào cuộc "
    "sống.",
};
constexpr Angle kDemocracyAngles[] = {
    {{kDemocracyTitles[0]}, {kDemocracySapos[0]}, {kElectionLeads[0], kElectionLeads[1]}},
    {{kDemocracyTitles[1], kDemocracyTitles[6]}, {kDemocracySapos[1]}, {kDemocracyParagraphs[0]}},
    {{kDemocracyTitles[2], kDemocracyTitles[3], kDemocracyTitles[5], kDemocracyTitles[7]},
     {kDemocracySapos[2]},
     {kDemocracyParagraphs[1]}},
    {{kDemocracyTitles[4]}, {kDemocracySapos[3]}, {kDemocracyParagraphs[3]}},
};
constexpr const char* kDemocracyHeadings[] = {"Dân biết, dân bàn, dân làm", "Công khai để dân giám sát",
                                              "Đối thoại để hiểu dân", "Hương ước mới, nếp sống mới",
                                              "Phát huy quyền làm chủ của Nhân dân"};
constexpr const char* kDemocracyItems[] = {
    "Công khai kế hoạch, dự án, các khoản thu chi ở thôn",
    "Họp thôn bàn bạc dân chủ trước khi quyết định việc chung",
    "Tổ chức đối thoại định kỳ giữa lãnh đạo xã và Nhân dân",
    "Duy trì hòm thư góp ý và số điện thoại đường dây nóng",
    "Phát huy vai trò Ban Thanh tra nhân dân, Ban giám sát đầu tư của cộng đồng",
    "Rà soát, sửa đổi hương ước, quy ước phù hợp với pháp luật",
};
constexpr const char* kDemocracyQuotes[] = {
    "Dân chủ ở cơ sở không phải là khẩu hiệu. Việc của thôn thì để dân bàn, dân quyết; việc của xã thì phải công khai "
    "cho dân biết, dân giám sát.",
    "Đối thoại là để nghe cả những điều chưa vừa lòng. Có nghe thẳng thì mới sửa được đúng chỗ.",
};
constexpr Picture kDemocracyPictures[] = {
    {"Cử tri xếp hàng bỏ phiếu vào hòm phiếu đặt trên bàn phủ khăn đỏ",
     "Cử tri {thon} bỏ phiếu bầu trưởng thôn nhiệm kỳ mới."},
    {"Lãnh đạo xã ngồi ở bàn chủ tọa lắng nghe người dân phát biểu", "Lãnh đạo {xa} đối thoại với Nhân dân."},
    {"Bảng niêm yết thông tin công khai tại nhà văn hóa thôn, người dân đứng xem",
     "Người dân {thon} xem các nội dung công khai tại nhà văn hóa thôn."},
};
constexpr const char* kDemocracyTags[] = {"Dân chủ ở cơ sở", "Đối thoại với Nhân dân", "Hương ước, quy ước"};
constexpr DocSubject kDemocracyDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneParty, "thực hiện dân chủ ở cơ sở năm {nam}"},
    {DocKind::kPlan, Issuer::kCommuneParty,
     "tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân năm {nam}"},
    {DocKind::kGuide, Issuer::kCommuneGovernment, "rà soát, sửa đổi hương ước, quy ước thôn, bản"},
};

// --- Tập huấn ---------------------------------------------------------------------------------

constexpr std::string_view kTrainingSections[] = {"thong-tin-tuyen-van", "xay-dung-dang"};
constexpr const char* kTrainingTitles[] = {
    "{Huyen_uy} tập huấn nghiệp vụ tuyên vận cho {dd} cán bộ cơ sở [năm {nam}|tháng {thang_nam}]",
    "Bồi dưỡng kỹ năng báo cáo viên cho cán bộ tuyên vận {huyen} [năm {nam}|tháng {thang_nam}]",
    "Tập huấn kỹ năng viết tin, bài cho chuyên mục “Thông tin tuyên vận” ở {huyen} [năm {nam}|tháng {thang_nam}]",
    "{Xa} tập huấn cho {tv_tong} thành viên tổ tuyên vận thôn, bản [tháng {thang_nam}|năm {nam}]",
    "Cán bộ tuyên vận {xa} [học cách|được hướng dẫn] khai thác tài liệu trên Cổng Thông tin điện tử [tháng "
    "{thang_nam}|năm "
    "{nam}]",
    "Nâng cao kỹ năng xác định mục tiêu, nhiệm vụ tuyên vận cho cán bộ {xa}",
    "[Lớp|Khóa] tập huấn nghiệp vụ tuyên vận tháng {thang_nam} ở {huyen}: [học đi đôi với hành|chú trọng thực hành]",
};
constexpr const char* kTrainingPhotos[] = {
    "Lớp tập huấn nghiệp vụ tuyên vận tại {huyen} tháng {thang_nam}",
    "Học viên {xa} thực hành kỹ năng báo cáo viên [tháng {thang_nam}|tại lớp tập huấn của {huyen_uy}]",
    "Cán bộ tuyên vận {xa} học viết tin, bài tại lớp tập huấn tháng {thang_nam}",
    "Tổ tuyên vận {thon}, {xa} tập huấn kỹ năng tuyên truyền miệng",
};
constexpr const char* kTrainingSapos[] = {
    "Ngày {ngay}, Ban Tuyên giáo {huyen_uy} tổ chức lớp tập huấn nghiệp vụ công tác tuyên vận cho {dd} học viên là phó "
    "trưởng ban tuyên vận chuyên trách, báo cáo viên và cán bộ phụ trách Cổng Thông tin điện tử các xã.",
    "Trong {n3} ngày của lớp tập huấn tháng {thang_nam}, {dd} học viên được trang bị kỹ năng báo cáo viên, kỹ "
    "năng xác định mục tiêu, nhiệm vụ tuyên vận hằng tháng và cách ghi chép Sổ nhật ký tuyên vận. Lớp học do "
    "{huyen_uy} tổ chức dành nhiều thời gian cho thực hành.",
    "Để nâng cao chất lượng hội nghị tuyên vận, tháng {thang_nam} {dang_uy} đã tổ chức tập huấn cho {tv_tong} "
    "thành viên tổ tuyên vận ở {so_thon} thôn. Nội dung tập trung vào kỹ năng tuyên truyền miệng và vận động "
    "Nhân dân.",
    "Lớp tập huấn nghiệp vụ tuyên vận tháng {thang_nam} của {huyen} với {dd} học viên có nội dung hướng dẫn "
    "viết tin, bài và gửi hình ảnh hoạt động tuyên vận lên Cổng Thông tin điện tử. Sau lớp học, các xã cam "
    "kết mỗi tháng gửi ít nhất {n} tin, bài.",
};
constexpr const char* kTrainingParagraphs[] = {
    "Tại lớp tập huấn, học viên được giới thiệu những nội dung cơ bản của Quy định số 11-QĐ/TU về công tác tuyên vận; "
    "quy trình biên soạn, bổ sung thông tin thời sự của cấp xã; cách tổ chức hội nghị tuyên vận bảo đảm đúng lịch "
    "đăng ký và báo cáo kịp thời khi điều chỉnh lịch.",
    "Phần kỹ năng báo cáo viên được học viên đặc biệt quan tâm. Giảng viên hướng dẫn cách chọn lọc thông tin, chuẩn bị "
    "đề cương ngắn gọn, sử dụng ví dụ gần gũi và xử lý các câu hỏi khó của người dân. Mỗi học viên được thực hành "
    "trình bày một chuyên đề trong 10 phút và nhận góp ý trực tiếp.",
    "Học viên cũng được hướng dẫn sử dụng hòm thư điện tử để nhận, gửi tài liệu tuyên vận; khai thác thông tin, tài "
    "liệu trên Cổng Thông tin điện tử của tỉnh, huyện; kỹ năng viết tin, chụp ảnh hoạt động tuyên vận ở cơ sở để cung "
    "cấp cho chuyên mục “Thông tin tuyên vận”.",
    "Đồng chí {cbh}, {cvh} {huyen_uy}, đề nghị học viên vận dụng kiến thức được tập huấn vào thực tiễn; mỗi xã cần xác "
    "định mục tiêu, nhiệm vụ tuyên vận hằng tháng cụ thể, đo đếm được, gắn với phân công nhiệm vụ và đánh giá, chấm "
    "điểm thành viên ban tuyên vận, tổ tuyên vận.",
    "Đồng chí {cb}, {cv} {xa}, một học viên của lớp, cho biết: “Trước đây tôi chủ yếu đọc tài liệu tại hội nghị, bà "
    "con ít hứng thú. Sau lớp tập huấn, tôi học được cách chia nhỏ nội dung, đặt câu hỏi để bà con cùng tham gia, chắc "
    "chắn hội nghị tháng tới sẽ sinh động hơn.”",
    "Cuối lớp học, học viên làm bài kiểm tra và xây dựng kế hoạch tuyên vận mẫu cho địa phương mình. Kết quả, {pct}% "
    "học viên đạt yêu cầu, [nhiều kế hoạch được đánh giá sát thực tế, có tính khả thi cao|một số kế hoạch tốt được "
    "lựa chọn giới thiệu cho các xã tham khảo].",
    "Bên cạnh lớp tập huấn tập trung, Ban Tuyên giáo còn duy trì hình thức bồi dưỡng tại chỗ: cán bộ của ban trực tiếp "
    "dự hội nghị tuyên vận ở cơ sở, góp ý ngay sau hội nghị về cách trình bày, cách trả lời ý kiến của người dân.",
};
constexpr Angle kTrainingAngles[] = {
    {{kTrainingTitles[0], kTrainingTitles[1], kTrainingTitles[6]},
     {kTrainingSapos[0], kTrainingSapos[1]},
     {kTrainingParagraphs[0]}},
    {{kTrainingTitles[2]}, {kTrainingSapos[3]}, {kTrainingParagraphs[2]}},
    {{kTrainingTitles[3], kTrainingTitles[4], kTrainingTitles[5]}, {kTrainingSapos[2]}, {kTrainingParagraphs[1]}},
};
constexpr const char* kTrainingHeadings[] = {"Trang bị kỹ năng cho cán bộ cơ sở", "Học đi đôi với hành",
                                             "Báo cáo viên nói để dân hiểu", "Viết tin, bài về hoạt động tuyên vận",
                                             "Vận dụng vào thực tiễn"};
constexpr const char* kTrainingItems[] = {
    "Quy định số 11-QĐ/TU và các văn bản hướng dẫn về công tác tuyên vận",
    "Kỹ năng, nghiệp vụ báo cáo viên",
    "Kỹ năng xác định mục tiêu, nhiệm vụ tuyên vận tháng, quý, năm",
    "Ghi chép, sử dụng Sổ nhật ký tuyên vận",
    "Khai thác tài liệu trên Cổng Thông tin điện tử, sử dụng hòm thư điện tử",
    "Viết tin, bài, chụp ảnh hoạt động tuyên vận ở cơ sở",
};
constexpr const char* kTrainingQuotes[] = {
    "Cán bộ tuyên vận cơ sở là người gần dân nhất. Trang bị kỹ năng cho họ là đầu tư trực tiếp vào chất lượng hội nghị "
    "tuyên vận.",
    "Nói cho dân hiểu là cả một nghệ thuật. Báo cáo viên phải biết chọn việc gần dân để nói và nói bằng ngôn ngữ của "
    "dân.",
};
constexpr Picture kTrainingPictures[] = {
    {"Học viên ngồi theo dãy bàn trong hội trường, ghi chép bài giảng",
     "Lớp tập huấn nghiệp vụ tuyên vận do Ban Tuyên giáo {huyen_uy} tổ chức."},
    {"Một học viên đứng trình bày trước lớp, giảng viên ngồi nhận xét",
     "Học viên thực hành kỹ năng báo cáo viên tại lớp tập huấn."},
    {"Học viên thảo luận nhóm quanh tờ giấy khổ lớn ghi kế hoạch",
     "Học viên thảo luận nhóm xây dựng kế hoạch tuyên vận tháng."},
};
constexpr const char* kTrainingTags[] = {"Tập huấn", "Báo cáo viên", "Nghiệp vụ tuyên vận"};
constexpr DocSubject kTrainingDocs[] = {
    {DocKind::kPlan, Issuer::kDistrict, "tập huấn, bồi dưỡng nghiệp vụ công tác tuyên vận cho cán bộ cơ sở năm {nam}"},
    {DocKind::kNotice, Issuer::kDistrict, "triệu tập học viên lớp tập huấn nghiệp vụ tuyên vận tháng {thang_nam}"},
    {DocKind::kGuide, Issuer::kDistrict, "kỹ năng viết tin, bài cho chuyên mục “Thông tin tuyên vận”"},
};

// --- Chấm điểm, báo cáo -----------------------------------------------------------------------

constexpr std::string_view kScoringSections[] = {"thong-tin-tuyen-van", "xay-dung-dang"};
constexpr const char* kScoringTitles[] = {
    "{Huyen} chấm điểm công tác tuyên vận tháng {thang_nam}: {xa_tot} xã xếp loại tốt",
    "Kết quả đánh giá, chấm điểm công tác tuyên vận các xã của {huyen} tháng {thang_nam}",
    "{Huyen_uy} [nhắc nhở|chấn chỉnh] các địa phương chậm gửi báo cáo tuyên vận tháng {thang_nam}",
    "{Xa} vươn lên dẫn đầu [bảng chấm điểm|kết quả chấm điểm] công tác tuyên vận tháng {thang_nam}",
    "Tập trung hỗ trợ địa bàn yếu về công tác tuyên vận ở {huyen} [năm {nam}|tháng {thang_nam}]",
    "{Huyen}: {pct}% xã gửi báo cáo tuyên vận tháng {thang_nam} đúng hạn",
    "Tổng kết công tác tuyên vận năm {nam_truoc} của {huyen}: [nhiều chuyển biến tích cực|rõ việc, rõ người, rõ kết "
    "quả]",
    "{Xa} ra khỏi danh sách địa bàn yếu về công tác tuyên vận với {diem} điểm",
};
constexpr const char* kScoringPhotos[] = {
    "Hội nghị giao ban công tác tuyên vận tháng {thang_nam} của {huyen}",
    "Đoàn công tác của {huyen_uy} kiểm tra hồ sơ tuyên vận tại {xa}",
    "Cán bộ Ban Tuyên giáo dự Hội nghị tuyên vận tại {thon}, {xa}",
};
constexpr const char* kScoringSapos[] = {
    "Theo kết quả đánh giá, chấm điểm của {huyen_uy}, tháng {thang_nam} có {xa_tot} xã xếp loại tốt, điểm bình "
    "quân đạt {diem} điểm; [không có xã nào|chỉ còn {n3} xã] xếp loại yếu. Các tiêu chí tập trung vào tổ chức "
    "hội nghị, ghi chép sổ nhật ký và chế độ báo cáo.",
    "Tại hội nghị giao ban công tác tuyên vận tháng {thang_nam}, {huyen_uy} đã thông báo kết quả chấm điểm "
    "các xã, biểu dương {xa} đạt {diem_cao} điểm với nhiều cách làm hay, đồng thời nhắc nhở người đứng đầu các "
    "địa phương chậm báo cáo.",
    "Sau một năm tập trung hỗ trợ, {xa} đã ra khỏi danh sách địa bàn yếu về công tác tuyên vận. Điểm đánh giá bình "
    "quân của xã năm {nam} đạt {diem} điểm, tăng rõ so với năm trước.",
    "Báo cáo tháng {thang_nam} của {huyen} cho thấy các xã đã tổ chức hội nghị tuyên vận đúng lịch đăng ký, thu hút "
    "trên {dd_tong_h} lượt người tham dự. Tỷ lệ xã gửi báo cáo đúng hạn đạt {pct}%.",
    "Năm {nam_truoc}, công tác tuyên vận của {huyen} có nhiều chuyển biến: hội nghị tuyên vận được tổ "
    "chức đều đặn, chất lượng thông tin được nâng lên, tỷ lệ ý kiến của người dân được giải đáp tại chỗ "
    "đạt {pct}%. Hội nghị tổng kết được {huyen_uy} tổ chức ngày {ngay}.",
};
/// The commune at the top of the month's scores.
constexpr const char* kScoringLeads[] = {
    "Tháng {thang}, {xa} đạt {diem_cao} điểm, dẫn đầu {huyen}. Xã có cách làm nổi bật là [mời người có uy tín cùng trả "
    "lời "
    "ý kiến của dân|biên soạn thông tin thời sự cấp xã ngắn gọn, có số liệu cụ thể|duy trì việc ghi chép sổ nhật ký "
    "đầy đủ, khoa học ở tất cả các tổ].",
};
constexpr const char* kScoringParagraphs[] = {
    "Việc chấm điểm được thực hiện theo bộ tiêu chí thống nhất, gồm: tổ chức hội nghị tuyên vận đúng lịch, đúng nội "
    "dung; chất lượng thông tin thời sự cấp xã; ghi chép Sổ nhật ký tuyên vận; thực hiện mục tiêu, nhiệm vụ tuyên vận "
    "trong tháng; chế độ báo cáo và cung cấp tin, bài cho Cổng Thông tin điện tử.",
    "Các cơ quan được phân công dự hội nghị có trách nhiệm gửi phiếu đánh giá, giám sát về bộ phận tổng hợp ngay sau "
    "hội nghị. Căn cứ phiếu đánh giá và báo cáo của các xã, Ban Tuyên giáo tổng hợp, đề xuất xếp loại, [công khai kết "
    "quả trên Cổng Thông tin điện tử|thông báo tại hội nghị giao ban hằng tháng].",
    "Bên cạnh đó, vẫn còn một số xã tổ chức hội nghị chậm so với lịch đăng ký nhưng không báo cáo điều chỉnh lịch; nội "
    "dung thông tin của cấp xã còn dài, thiếu chọn lọc; báo cáo tháng chưa so sánh kết quả với mục tiêu đề ra. "
    "{Huyen_uy} đã có hình thức nhắc nhở đối với người đứng đầu các địa phương này.",
    "Với các địa bàn yếu, Ban Tuyên giáo phân công cán bộ trực tiếp hướng dẫn, dự hội nghị liên tục trong {n} tháng; "
    "hỗ trợ xây dựng kế hoạch, biên soạn thông tin và kiểm tra việc ghi chép Sổ nhật ký tuyên vận của các tổ.",
    "Báo cáo công tác tuyên vận hằng tháng được các xã gửi về qua hòm thư điện tử đúng thời hạn quy định. Nội dung báo "
    "cáo phải nêu rõ số lượng, thể loại văn bản chỉ đạo, kết quả thực hiện các mục tiêu tuyên vận có so sánh với kế "
    "hoạch, số cuộc đi dự, kiểm tra và mục tiêu, nhiệm vụ tháng sau.",
    "Đồng chí {cbh}, {cvh} {huyen_uy}, nhấn mạnh: chấm điểm không nhằm xếp hạng hình thức mà để mỗi địa phương nhìn rõ "
    "mặt mạnh, mặt yếu của mình; kết quả chấm điểm là căn cứ quan trọng để đánh giá, xếp loại tổ chức đảng và người "
    "đứng đầu cuối năm.",
    "So với cùng kỳ năm trước, chất lượng công tác tuyên vận của {huyen} có chuyển biến rõ: số người dự hội nghị tăng, "
    "tỷ lệ ý kiến của người dân được giải đáp tại chỗ đạt {pct}%, số tin, bài gửi chuyên mục “Thông tin tuyên vận” "
    "tăng {pct3}%.",
};
constexpr Angle kScoringAngles[] = {
    {{kScoringTitles[0], kScoringTitles[1]}, {kScoringSapos[0]}, {kScoringParagraphs[0]}},
    {{kScoringTitles[3]}, {kScoringSapos[1]}, {kScoringLeads[0]}},
    {{kScoringTitles[2], kScoringTitles[5]}, {kScoringSapos[3]}, {kScoringParagraphs[4]}},
    {{kScoringTitles[4], kScoringTitles[7]}, {kScoringSapos[2]}, {kScoringParagraphs[3]}},
    {{kScoringTitles[6]}, {kScoringSapos[4]}, {kScoringParagraphs[6]}},
};
constexpr const char* kScoringHeadings[] = {"Chấm điểm theo tiêu chí thống nhất", "Biểu dương cách làm hay",
                                            "Chấn chỉnh những hạn chế", "Tập trung hỗ trợ địa bàn yếu",
                                            "Báo cáo đúng hạn, đủ nội dung"};
constexpr const char* kScoringItems[] = {
    "Tổ chức hội nghị tuyên vận đúng lịch đăng ký, đúng nội dung",
    "Chất lượng biên soạn thông tin thời sự của cấp xã",
    "Ghi chép Sổ nhật ký tuyên vận của các tổ",
    "Kết quả thực hiện mục tiêu, nhiệm vụ tuyên vận trong tháng",
    "Gửi báo cáo tháng đúng hạn, có so sánh với mục tiêu",
    "Cung cấp tin, bài, hình ảnh cho chuyên mục “Thông tin tuyên vận”",
};
constexpr const char* kScoringQuotes[] = {
    "Chấm điểm là để nhìn thẳng vào kết quả. Xã nào làm tốt thì biểu dương, xã nào chưa làm tốt thì cùng nhau tìm "
    "nguyên nhân để khắc phục.",
    "Báo cáo phải có số liệu, có so sánh với mục tiêu đề ra. Một báo cáo chung chung thì không giúp được gì cho việc "
    "chỉ đạo.",
};
constexpr Picture kScoringPictures[] = {
    {"Đại biểu dự hội nghị giao ban ngồi quanh bàn hình chữ U, màn hình trình chiếu bảng điểm",
     "Hội nghị giao ban công tác tuyên vận tháng {thang} của {huyen}."},
    {"Cán bộ tổng hợp rà soát các phiếu đánh giá trên bàn làm việc",
     "Cán bộ Ban Tuyên giáo {huyen_uy} tổng hợp kết quả chấm điểm công tác tuyên vận."},
};
constexpr const char* kScoringTags[] = {"Chấm điểm tuyên vận", "Báo cáo tháng", "Quy định 11-QĐ/TU"};
constexpr DocSubject kScoringDocs[] = {
    {DocKind::kGuide, Issuer::kDistrict, "đánh giá, chấm điểm công tác tuyên vận của các đảng ủy xã năm {nam}"},
    {DocKind::kNotice, Issuer::kDistrict, "kết quả chấm điểm công tác tuyên vận tháng {thang_nam}"},
    {DocKind::kLetter, Issuer::kDistrict, "chấn chỉnh chế độ báo cáo công tác tuyên vận hằng tháng"},
};

// --- Phòng, chống tệ nạn ----------------------------------------------------------------------

constexpr std::string_view kSocialSections[] = {"van-hoa-xa-hoi", "quoc-phong-an-ninh", "dan-van"};
constexpr const char* kSocialTitles[] = {
    "{Xa} tuyên truyền phòng, chống {van_de} [bằng {tieng}|đến từng thôn, bản] [tháng {thang_nam}|]",
    "Đưa nội dung phòng, chống {van_de} vào hương ước {thon} ({ten_xa})",
    "Người có uy tín ở {xa} tích cực vận động phòng, chống {van_de}",
    "Hội nghị tuyên vận {xa} tháng {thang_nam} tập trung phòng, chống {van_de}",
    "{Xa}: năm {nam} không phát sinh trường hợp {van_de_ngan} mới",
    "Công an {xa} phối hợp [tuyên truyền|vận động] phòng, chống {van_de} tại {thon}",
    "Phụ nữ {thon} ({ten_xa}) [ký cam kết|chung tay] phòng, chống {van_de}",
    "Phòng, chống {van_de} ở {xa}: [cần sự vào cuộc của cả cộng đồng|bắt đầu từ mỗi gia đình]",
    "{ho} hộ dân {thon} ({ten_xa}) ký cam kết phòng, chống {van_de}",
};
constexpr const char* kSocialPhotos[] = {
    "Tuyên truyền phòng, chống {van_de} tại {thon}, {xa}",
    "Buổi tuyên truyền pháp luật cho người dân {xa} tháng {thang_nam}",
};
constexpr const char* kSocialSapos[] = {
    "Ngày {ngay}, Ban Tuyên vận {xa} phối hợp với công an xã tổ chức tuyên truyền phòng, chống {van_de} cho {dd} người "
    "dân {thon}. Nội dung được truyền đạt bằng {tieng}, kết hợp hình ảnh, câu chuyện có thật.",
    "Nhờ tổ chức {n2} buổi tuyên truyền tại các thôn, năm {nam} {xa} không phát sinh trường hợp {van_de_ngan} "
    "mới. Đây là kết quả của sự vào cuộc đồng bộ của cả hệ thống chính trị và vai trò của người có uy tín "
    "trong cộng đồng.",
    "Tại Hội nghị tuyên vận tháng {thang_nam}, {xa} dành riêng chuyên đề phòng, chống {van_de}. Sau hội nghị, {ho} hộ "
    "dân ở {thon} đã ký cam kết không vi phạm và tích cực tố giác.",
    "Xác định phòng, chống {van_de} là nhiệm vụ lâu dài, {dang_uy} đã chỉ đạo đưa nội dung này vào sinh hoạt "
    "chi bộ, họp thôn và hương ước. Tháng {thang_nam}, tổ tuyên vận {thon} đã đến từng nhà [nắm tình hình|vận "
    "động] {ho} hộ.",
};
constexpr const char* kSocialParagraphs[] = {
    "Theo đánh giá của {ubnd}, nguy cơ về {van_de} vẫn còn tiềm ẩn trên địa bàn, nhất là ở các thôn vùng sâu, vùng xa, "
    "nơi nhận thức của một bộ phận người dân còn hạn chế. Vì vậy, công tác tuyên truyền được xác định là giải pháp "
    "hàng đầu, phải thực hiện thường xuyên, kiên trì.",
    "Buổi tuyên truyền được tổ chức sinh động với các tiểu phẩm, câu chuyện có thật xảy ra ở địa phương. Cán bộ công "
    "an xã phân tích hậu quả của {van_de} đối với bản thân, gia đình và cộng đồng; hướng dẫn bà con các quy định của "
    "pháp luật và cách phát hiện, tố giác vi phạm.",
    "Các tổ tuyên vận rà soát, lập danh sách những hộ có nguy cơ để phân công thành viên theo dõi, vận động. Mọi thông "
    "tin đều được ghi vào Sổ nhật ký tuyên vận và báo cáo kịp thời với Ban Tuyên vận xã. [Năm {nam}, các tổ đã kịp "
    "thời can thiệp, ngăn chặn {n3} trường hợp.|Nhiều trường hợp đã được ngăn chặn từ sớm nhờ thông tin của người "
    "dân.]",
    "{Ong}, người có uy tín ở {thon}, chia sẻ: “Tôi đi đến nhà nào cũng nói chuyện này. Người mình nghe người trong "
    "dòng họ, người trong bản nói thì tin hơn. Nói một lần không được thì nói nhiều lần, đến khi bà con hiểu thì "
    "thôi.”",
    "Hội Liên hiệp Phụ nữ xã đã thành lập {n} tổ truyền thông cộng đồng, duy trì sinh hoạt hằng tháng tại các thôn. "
    "Đoàn Thanh niên tổ chức các buổi sinh hoạt chuyên đề tại trường học, giúp học sinh nhận diện nguy cơ và biết cách "
    "tự bảo vệ mình.",
    "Nội dung phòng, chống {van_de} đã được đưa vào hương ước, quy ước của {so_thon} thôn, bản. Những hộ vi phạm sẽ "
    "không được bình xét gia đình văn hóa, đồng thời bị nhắc nhở trước cuộc họp thôn. Quy định do chính người dân bàn "
    "bạc, thống nhất nên được thực hiện nghiêm túc.",
    "Đồng chí {cb}, {cv} {xa}, cho biết thời gian tới xã tiếp tục tuyên truyền bằng nhiều hình thức phù hợp, [phát "
    "thanh bằng {tieng} trên hệ thống loa của thôn|tổ chức các cuộc thi tìm hiểu pháp luật], đồng thời xử lý nghiêm "
    "các "
    "trường hợp vi phạm để răn đe, giáo dục.",
    "Công an xã duy trì lực lượng bám địa bàn, phối hợp với các thôn nắm chắc tình hình nhân khẩu, người đi làm ăn xa. "
    "[Các trường hợp đi lao động ở nơi khác đều được hướng dẫn khai báo tạm vắng, giữ liên lạc với gia đình.|Các "
    "trường "
    "hợp có biểu hiện nghi vấn được theo dõi, quản lý chặt chẽ.]",
};
constexpr Angle kSocialAngles[] = {
    {{kSocialTitles[0], kSocialTitles[5], kSocialTitles[3]},
     {kSocialSapos[0], kSocialSapos[2]},
     {kSocialParagraphs[1]}},
    {{kSocialTitles[4]}, {kSocialSapos[1]}, {kSocialParagraphs[2]}},
    {{kSocialTitles[1], kSocialTitles[6], kSocialTitles[8]},
     {kSocialSapos[2], kSocialSapos[3]},
     {kSocialParagraphs[5]}},
    {{kSocialTitles[2], kSocialTitles[7]}, {kSocialSapos[3]}, {kSocialParagraphs[3]}},
};
constexpr const char* kSocialHeadings[] = {"Tuyên truyền bằng tiếng dân tộc", "Phát huy vai trò người có uy tín",
                                           "Đưa vào hương ước, quy ước", "Bắt đầu từ mỗi gia đình",
                                           "Không để phát sinh điểm nóng"};
constexpr const char* kSocialItems[] = {
    "Tuyên truyền bằng tiếng dân tộc, qua câu chuyện có thật ở địa phương",
    "Lập danh sách, theo dõi hộ có nguy cơ",
    "Đưa nội dung phòng, chống vào hương ước, quy ước thôn",
    "Phát huy vai trò người có uy tín, trưởng dòng họ",
    "Duy trì tổ truyền thông cộng đồng của hội phụ nữ",
    "Kịp thời tố giác vi phạm với công an xã",
};
constexpr const char* kSocialQuotes[] = {
    "Phòng ngừa từ gia đình, dòng họ là cách hiệu quả nhất. Khi cả cộng đồng cùng lên tiếng thì không ai dám làm sai.",
    "Chúng tôi không chỉ tuyên truyền một lần rồi thôi. Tháng nào hội nghị tuyên vận cũng nhắc lại, thôn nào có nguy "
    "cơ thì cán bộ đến tận nhà.",
};
constexpr Picture kSocialPictures[] = {
    {"Cán bộ công an mặc sắc phục nói chuyện với bà con ngồi kín sân nhà văn hóa",
     "Công an {xa} tuyên truyền phòng, chống {van_de} cho người dân {thon}."},
    {"Các thành viên câu lạc bộ phụ nữ cầm tờ rơi tuyên truyền trước nhà văn hóa",
     "Hội viên phụ nữ {thon} tham gia truyền thông phòng, chống {van_de}."},
    {"Người dân ký bản cam kết đặt trên bàn", "Người dân {thon} ký cam kết phòng, chống {van_de}."},
};
constexpr const char* kSocialTags[] = {"{Van_de_tag}", "An ninh trật tự", "Người có uy tín"};
constexpr DocSubject kSocialDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneParty, "tuyên truyền phòng, chống {van_de} năm {nam}"},
    {DocKind::kLetter, Issuer::kCommuneGovernment, "tăng cường phòng, chống {van_de} trên địa bàn"},
};

// --- Giảm nghèo -------------------------------------------------------------------------------

constexpr std::string_view kPovertySections[] = {"kinh-te", "dan-van", "van-hoa-xa-hoi"};
constexpr const char* kPovertyTitles[] = {
    "{Xa} hỗ trợ xây mới, sửa chữa {n2} căn nhà cho hộ nghèo [năm {nam}|]",
    "Niềm vui nhà mới của gia đình {ten_ong} ở {thon} ({ten_xa})",
    "{Xa} giảm tỷ lệ hộ nghèo xuống còn {pct3}% [năm {nam}|]",
    "Vốn vay ưu đãi giúp {n2} hộ ở {xa} [phát triển chăn nuôi|vươn lên thoát nghèo]",
    "Hộ nghèo ở {thon} ({ten_xa}) được hỗ trợ [bò giống|lợn giống|cây giống] phát triển kinh tế",
    "Xóa nhà tạm, nhà dột nát ở {xa}: [không để ai bị bỏ lại phía sau|nhà vững, dân yên tâm]",
    "Từ hộ nghèo thành hộ khá: câu chuyện của gia đình {ten_ong} ở {thon}",
    "{Xa} vận động {tien} triệu đồng ủng hộ Quỹ “Vì người nghèo” năm {nam}",
};
constexpr const char* kPovertyPhotos[] = {
    "Ngôi nhà mới của hộ nghèo ở {thon}, {xa}",
    "Bàn giao nhà cho hộ nghèo tại {xa} tháng {thang_nam}",
};
constexpr const char* kPovertySapos[] = {
    "Năm {nam}, {xa} đã hỗ trợ xây mới, sửa chữa {n2} căn nhà cho hộ nghèo, hộ cận nghèo, với tổng kinh phí {ty} tỷ "
    "đồng. Bên cạnh nguồn hỗ trợ của Nhà nước, người dân đã góp hàng nghìn ngày công giúp các gia đình sớm có nhà mới.",
    "Ngày {ngay}, gia đình {ong} ở {thon}, {xa} vui mừng đón nhận ngôi nhà mới. Ngôi nhà được xây dựng từ nguồn hỗ trợ "
    "của chương trình xóa nhà tạm, nhà dột nát cùng sự giúp đỡ của bà con trong thôn.",
    "Nhờ đồng bộ các giải pháp giảm nghèo, tỷ lệ hộ nghèo của {xa} đã giảm còn {pct3}%. Nhiều hộ đã tự nguyện làm đơn "
    "xin ra khỏi danh sách hộ nghèo trong năm {nam}.",
    "Với {tien} triệu đồng vốn vay ưu đãi từ Ngân hàng Chính sách xã hội, {n2} hộ ở {xa} đã có điều kiện đầu tư chăn "
    "nuôi, trồng trọt. Nhiều hộ đã trả được nợ đúng hạn và có thu nhập ổn định.",
    "Từ một hộ nghèo lâu năm của {thon}, gia đình {ong} đã vươn lên thành hộ khá nhờ vốn vay ưu đãi và sự "
    "hướng dẫn của cán bộ. Câu chuyện của gia đình được {xa} giới thiệu tại hội nghị tuyên vận để bà con "
    "cùng học tập.",
    "Năm {nam}, Ủy ban MTTQ {xa} đã vận động được {tien} triệu đồng ủng hộ Quỹ “Vì người nghèo” từ cán "
    "bộ, đảng viên, doanh nghiệp và Nhân dân. Nguồn quỹ được dùng để hỗ trợ làm nhà, thăm hỏi các hộ có "
    "hoàn cảnh đặc biệt khó khăn.",
};
/// One family's new house (0, 1) and one family's way out of poverty (2).
constexpr const char* kPovertyLeads[] = {
    "Ngôi nhà mới của gia đình {ong} rộng gần {m2_nha} m², [tường xây, mái lợp tôn chắc chắn|có đủ ba cứng: nền cứng, "
    "khung cứng, mái cứng]. Tổng kinh phí xây dựng khoảng {tien} triệu đồng, trong đó Nhà nước hỗ trợ một phần, phần "
    "còn lại do gia đình, anh em họ hàng đóng góp.",
    "Đứng trong ngôi nhà mới, {ong} xúc động: “Cả đời chỉ mong có ngôi nhà chắc chắn để mùa mưa không phải lo dột, lo "
    "sạt. Cảm ơn Đảng, Nhà nước và bà con trong thôn đã giúp đỡ gia đình.”",
    "Gia đình {ong} từng là hộ nghèo lâu năm của {thon}. Được vay {tien} triệu đồng, gia đình đầu tư trồng {cay} và "
    "nuôi bò sinh sản. Sau {n} năm, thu nhập mỗi năm đạt hơn 100 triệu đồng, gia đình đã tự nguyện xin ra khỏi danh "
    "sách hộ nghèo.",
};
constexpr const char* kPovertyParagraphs[] = {
    "Để thực hiện chương trình, xã đã rà soát kỹ từng hộ, bảo đảm đúng đối tượng, công khai danh sách tại các thôn. "
    "Các tổ tuyên vận vận động anh em, dòng họ, bà con trong thôn góp công, góp vật liệu giúp gia đình được hỗ trợ "
    "hoàn "
    "thành nhà đúng tiến độ.",
    "Cùng với hỗ trợ nhà ở, xã triển khai đồng bộ các chính sách giảm nghèo như cho vay vốn ưu đãi, hỗ trợ giống cây "
    "trồng, vật nuôi, đào tạo nghề và giới thiệu việc làm. Năm {nam}, {n2} hộ được vay vốn, {n3} lớp dạy nghề ngắn hạn "
    "được mở tại xã.",
    "Ở {thon}, tổ tiết kiệm và vay vốn do hội nông dân quản lý đã giúp nhiều hộ tiếp cận nguồn vốn thuận lợi. Các "
    "khoản vay được sử dụng đúng mục đích, chủ yếu để [nuôi bò sinh sản, lợn đen|trồng {cay}|mở rộng chuồng trại]; nợ "
    "quá hạn ở mức rất thấp.",
    "Quỹ “Vì người nghèo” của xã năm {nam} vận động được {tien} triệu đồng từ cán bộ, đảng viên, doanh nghiệp và Nhân "
    "dân. Nguồn quỹ được sử dụng để hỗ trợ làm nhà, thăm hỏi các hộ có hoàn cảnh đặc biệt khó khăn, [tặng quà cho học "
    "sinh nghèo|hỗ trợ người bệnh hiểm nghèo].",
    "Đồng chí {cb}, {cv} {xa}, cho biết xã xác định giảm nghèo phải bắt đầu từ thay đổi nhận thức, khơi dậy ý chí tự "
    "lực của người dân, tránh tư tưởng trông chờ, ỷ lại. Công tác tuyên vận vì thế được gắn chặt với từng chương "
    "trình, "
    "dự án giảm nghèo.",
};
constexpr Angle kPovertyAngles[] = {
    {{kPovertyTitles[0], kPovertyTitles[5]}, {kPovertySapos[0]}, {kPovertyParagraphs[0]}},
    {{kPovertyTitles[1]}, {kPovertySapos[1]}, {kPovertyLeads[0], kPovertyLeads[1]}},
    {{kPovertyTitles[3], kPovertyTitles[4]}, {kPovertySapos[3]}, {kPovertyParagraphs[2]}},
    {{kPovertyTitles[6]}, {kPovertySapos[4]}, {kPovertyLeads[2]}},
    {{kPovertyTitles[2]}, {kPovertySapos[2]}, {kPovertyParagraphs[1]}},
    {{kPovertyTitles[7]}, {kPovertySapos[5]}, {kPovertyParagraphs[3]}},
};
constexpr const char* kPovertyHeadings[] = {"Nhà vững, dân yên tâm", "Chung tay vì người nghèo", "Nguồn vốn tiếp sức",
                                            "Khơi dậy ý chí tự lực", "Không để ai bị bỏ lại phía sau"};
constexpr const char* kPovertyItems[] = {
    "Rà soát, công khai danh sách hộ nghèo, hộ cận nghèo", "Hỗ trợ xây mới, sửa chữa nhà ở cho hộ khó khăn",
    "Cho vay vốn ưu đãi qua tổ tiết kiệm và vay vốn",      "Hỗ trợ giống cây trồng, vật nuôi, hướng dẫn kỹ thuật",
    "Đào tạo nghề ngắn hạn, giới thiệu việc làm",          "Vận động ủng hộ Quỹ “Vì người nghèo”",
};
constexpr const char* kPovertyQuotes[] = {
    "Hỗ trợ chỉ là bước đầu, quan trọng là người dân có ý chí vươn lên. Chúng tôi vận động để mỗi hộ nghèo có một kế "
    "hoạch thoát nghèo cụ thể.",
    "Một căn nhà mới không chỉ là chỗ ở, mà là niềm tin của bà con vào sự quan tâm của Đảng, Nhà nước.",
};
constexpr Picture kPovertyPictures[] = {
    {"Ngôi nhà mới xây mái tôn đỏ, trước sân có các thành viên gia đình và cán bộ xã",
     "Cán bộ {xa} chúc mừng gia đình {ong} ở {thon} có nhà mới."},
    {"Bà con trong thôn cùng nhau khiêng cột, dựng khung nhà", "Bà con {thon} góp công giúp hộ nghèo làm nhà."},
    {"Cán bộ ngân hàng và tổ trưởng tổ tiết kiệm đối chiếu sổ vay vốn với người dân",
     "Giải ngân vốn vay ưu đãi cho hộ nghèo tại {xa}."},
};
constexpr const char* kPovertyTags[] = {"Giảm nghèo bền vững", "Xóa nhà tạm, nhà dột nát", "An sinh xã hội"};
constexpr DocSubject kPovertyDocs[] = {
    {DocKind::kPlan, Issuer::kCommuneGovernment, "thực hiện chương trình xóa nhà tạm, nhà dột nát năm {nam}"},
    {DocKind::kPlan, Issuer::kCommuneParty, "giảm nghèo bền vững năm {nam}"},
    {DocKind::kNotice, Issuer::kCommuneGovernment, "danh sách hộ được hỗ trợ nhà ở đợt {n3} năm {nam}"},
};

// --- The table of topics ----------------------------------------------------------------------

constexpr Topic kTopics[] = {
    {"hoi-nghi", "Hội nghị tuyên vận hằng tháng", kConferenceSections, Flavor::kPlain, TableKind::kConference,
     kConferenceAngles, kConferencePhotos, kConferenceParagraphs, kConferenceHeadings, kConferenceItems,
     kConferenceQuotes, kConferencePictures, kConferenceTags, kConferenceDocs},
    {"so-nhat-ky", "Ghi chép Sổ nhật ký tuyên vận", kLogbookSections, Flavor::kPlain, TableKind::kLogbook,
     kLogbookAngles, kLogbookPhotos, kLogbookParagraphs, kLogbookHeadings, kLogbookItems, kLogbookQuotes,
     kLogbookPictures, kLogbookTags, kLogbookDocs},
    {"luan-phien", "Cán bộ bám cơ sở, luân phiên địa bàn", kRotationSections, Flavor::kPlain, TableKind::kNone,
     kRotationAngles, kRotationPhotos, kRotationParagraphs, kRotationHeadings, kRotationItems, kRotationQuotes,
     kRotationPictures, kRotationTags, kRotationDocs},
    {"dan-van-kheo", "Phong trào thi đua “Dân vận khéo”", kSkilfulSections, Flavor::kPlain, TableKind::kNone,
     kSkilfulAngles, kSkilfulPhotos, kSkilfulParagraphs, kSkilfulHeadings, kSkilfulItems, kSkilfulQuotes,
     kSkilfulPictures, kSkilfulTags, kSkilfulDocs},
    {"nong-thon-moi", "Xây dựng nông thôn mới", kRuralSections, Flavor::kCrop, TableKind::kRoads, kRuralAngles,
     kRuralPhotos, kRuralParagraphs, kRuralHeadings, kRuralItems, kRuralQuotes, kRuralPictures, kRuralTags, kRuralDocs},
    {"chuyen-doi-so", "Chuyển đổi số ở cơ sở", kDigitalSections, Flavor::kCrop, TableKind::kDigital, kDigitalAngles,
     kDigitalPhotos, kDigitalParagraphs, kDigitalHeadings, kDigitalItems, kDigitalQuotes, kDigitalPictures,
     kDigitalTags, kDigitalDocs},
    {"bien-gioi", "Bảo vệ chủ quyền, an ninh biên giới", kBorderSections, Flavor::kCrop, TableKind::kNone,
     kBorderAngles, kBorderPhotos, kBorderParagraphs, kBorderHeadings, kBorderItems, kBorderQuotes, kBorderPictures,
     kBorderTags, kBorderDocs},
    {"le-hoi", "Bảo tồn văn hóa, lễ hội truyền thống", kFestivalSections, Flavor::kFestival, TableKind::kNone,
     kFestivalAngles, kFestivalPhotos, kFestivalParagraphs, kFestivalHeadings, kFestivalItems, kFestivalQuotes,
     kFestivalPictures, kFestivalTags, kFestivalDocs},
    {"nong-nghiep", "Phát triển sản xuất nông nghiệp", kFarmingSections, Flavor::kCrop, TableKind::kNone,
     kFarmingAngles, kFarmingPhotos, kFarmingParagraphs, kFarmingHeadings, kFarmingItems, kFarmingQuotes,
     kFarmingPictures, kFarmingTags, kFarmingDocs},
    {"thien-tai", "Phòng, chống thiên tai", kHazardSections, Flavor::kHazard, TableKind::kNone, kHazardAngles,
     kHazardPhotos, kHazardParagraphs, kHazardHeadings, kHazardItems, kHazardQuotes, kHazardPictures, kHazardTags,
     kHazardDocs},
    {"giao-duc", "Giáo dục vùng cao", kSchoolSections, Flavor::kPlain, TableKind::kNone, kSchoolAngles, kSchoolPhotos,
     kSchoolParagraphs, kSchoolHeadings, kSchoolItems, kSchoolQuotes, kSchoolPictures, kSchoolTags, kSchoolDocs},
    {"y-te", "Chăm sóc sức khỏe Nhân dân", kHealthSections, Flavor::kPlain, TableKind::kNone, kHealthAngles,
     kHealthPhotos, kHealthParagraphs, kHealthHeadings, kHealthItems, kHealthQuotes, kHealthPictures, kHealthTags,
     kHealthDocs},
    {"xay-dung-dang", "Xây dựng Đảng ở cơ sở", kPartySections, Flavor::kPlain, TableKind::kNone, kPartyAngles,
     kPartyPhotos, kPartyParagraphs, kPartyHeadings, kPartyItems, kPartyQuotes, kPartyPictures, kPartyTags, kPartyDocs},
    {"dan-chu", "Thực hiện dân chủ ở cơ sở", kDemocracySections, Flavor::kPlain, TableKind::kNone, kDemocracyAngles,
     kDemocracyPhotos, kDemocracyParagraphs, kDemocracyHeadings, kDemocracyItems, kDemocracyQuotes, kDemocracyPictures,
     kDemocracyTags, kDemocracyDocs},
    {"tap-huan", "Tập huấn, bồi dưỡng cán bộ tuyên vận", kTrainingSections, Flavor::kPlain, TableKind::kNone,
     kTrainingAngles, kTrainingPhotos, kTrainingParagraphs, kTrainingHeadings, kTrainingItems, kTrainingQuotes,
     kTrainingPictures, kTrainingTags, kTrainingDocs},
    {"cham-diem", "Đánh giá, chấm điểm và chế độ báo cáo", kScoringSections, Flavor::kPlain, TableKind::kScores,
     kScoringAngles, kScoringPhotos, kScoringParagraphs, kScoringHeadings, kScoringItems, kScoringQuotes,
     kScoringPictures, kScoringTags, kScoringDocs},
    {"te-nan", "Phòng, chống tệ nạn xã hội", kSocialSections, Flavor::kIssue, TableKind::kNone, kSocialAngles,
     kSocialPhotos, kSocialParagraphs, kSocialHeadings, kSocialItems, kSocialQuotes, kSocialPictures, kSocialTags,
     kSocialDocs},
    {"giam-ngheo", "Giảm nghèo bền vững", kPovertySections, Flavor::kCrop, TableKind::kNone, kPovertyAngles,
     kPovertyPhotos, kPovertyParagraphs, kPovertyHeadings, kPovertyItems, kPovertyQuotes, kPovertyPictures,
     kPovertyTags, kPovertyDocs},
};

/// Months a topic's stories happen in (festivals and hazards have seasons; the rest is all year).
std::uint16_t TopicMonths(const Topic& topic) {
    std::uint16_t mask = 0;
    switch (topic.flavor) {
        case Flavor::kFestival:
            for (const auto& f : kFestivals) {
                mask = static_cast<std::uint16_t>(mask | f.months);
            }
            return mask;
        case Flavor::kHazard:
            for (const auto& h : kHazards) {
                mask = static_cast<std::uint16_t>(mask | h.months);
            }
            return mask;
        default:
            return kAllYear;
    }
}

constexpr std::pair<std::string_view, std::string_view> kSections[] = {
    {"thong-tin-tuyen-van", "Thông tin tuyên vận"},
    {"thoi-su", "Thời sự"},
    {"xay-dung-dang", "Xây dựng Đảng"},
    {"dan-van", "Dân vận"},
    {"kinh-te", "Kinh tế"},
    {"van-hoa-xa-hoi", "Văn hóa – Xã hội"},
    {"quoc-phong-an-ninh", "Quốc phòng – An ninh"},
    {"van-ban", "Văn bản"},
};

// ---------------------------------------------------------------------------------------------
// The place as the writer sees it: kinds split from names, villages invented per commune.

struct Commune {
    std::string kind;  ///< "xã", "phường", "thị trấn"
    std::string name;
    std::vector<std::string> villages;  ///< "thôn Lao Chải", "tổ dân phố số 3"
    const Ethnic* ethnic = nullptr;     ///< the main community
    int households = 0;
};

struct Region {
    std::string display;    ///< "huyện Bát Xát", or "tỉnh Lào Cai" without a district
    std::string bare;       ///< "Bát Xát"
    std::string committee;  ///< "Huyện ủy Bát Xát", "Thị ủy Sa Pa", "Tỉnh ủy Lào Cai"
    std::string code;       ///< the committee in document numbers: "HU", "ThU", "TxU", "TU"
    std::string province;   ///< "tỉnh Lào Cai"
    bool has_district = false;
    std::vector<Commune> communes;
};

bool StripKind(std::string_view& name, std::string_view upper, std::string_view lower) {
    for (std::string_view prefix : {upper, lower}) {
        if (name.size() > prefix.size() && name.starts_with(prefix) && name[prefix.size()] == ' ') {
            name.remove_prefix(prefix.size() + 1);
            return true;
        }
    }
    return false;
}

const Ethnic& WeightedEthnic(Random& random) {
    int total = 0;
    for (const auto& e : kEthnics) {
        total += e.weight;
    }
    int x = random.Range(0, total - 1);
    for (const auto& e : kEthnics) {
        if (x < e.weight) {
            return e;
        }
        x -= e.weight;
    }
    return kEthnics[0];
}

Region BuildRegion(const Place& place) {
    Region region;
    std::string province = place.province.empty() ? "Lào Cai" : place.province;
    region.province = "tỉnh " + province;
    std::string_view district = place.district;
    while (!district.empty() && district.front() == ' ') {
        district.remove_prefix(1);
    }
    if (district.empty()) {
        region.display = region.province;
        region.bare = province;
        region.committee = "Tỉnh ủy " + province;
        region.code = "TU";
    } else {
        region.has_district = true;
        std::string kind = "huyện";
        std::string committee = "Huyện ủy";
        region.code = "HU";
        if (StripKind(district, "Thành phố", "thành phố")) {
            kind = "thành phố";
            committee = "Thành ủy";
            region.code = "ThU";
        } else if (StripKind(district, "Thị xã", "thị xã")) {
            kind = "thị xã";
            committee = "Thị ủy";
            region.code = "TxU";
        } else {
            StripKind(district, "Huyện", "huyện");
        }
        region.bare = std::string(district);
        region.display = kind + " " + region.bare;
        region.committee = committee + " " + region.bare;
    }

    std::vector<std::string> names;
    for (const auto& raw : place.communes) {
        std::string_view name = raw;
        while (!name.empty() && name.front() == ' ') {
            name.remove_prefix(1);
        }
        if (!name.empty()) {
            names.emplace_back(name);
        }
    }
    if (names.empty()) {
        names.push_back(region.bare);
    }
    std::unordered_set<std::string> bare_names;
    std::vector<std::pair<std::string, std::string>> kinds;
    for (const auto& full : names) {
        std::string_view name = full;
        std::string kind = "xã";
        if (StripKind(name, "Phường", "phường")) {
            kind = "phường";
        } else if (StripKind(name, "Thị trấn", "thị trấn")) {
            kind = "thị trấn";
        } else {
            StripKind(name, "Xã", "xã");
        }
        bare_names.emplace(name);
        kinds.emplace_back(kind, std::string(name));
    }
    std::vector<const char*> village_names;
    for (const char* v : kVillageNames) {
        if (!bare_names.contains(v)) {
            village_names.push_back(v);
        }
    }
    for (auto& [kind, name] : kinds) {
        Commune commune;
        Random random(HashText(kind + " " + name));
        commune.kind = kind;
        commune.name = name;
        commune.ethnic = &WeightedEthnic(random);
        if (kind == "xã") {
            int count = std::min(random.Range(4, 14), static_cast<int>(village_names.size()));
            std::vector<const char*> pool = village_names;
            random.Shuffle(pool);
            for (int v = 0; v < count; ++v) {
                std::string_view village = pool[static_cast<std::size_t>(v)];
                bool named_kind = village.starts_with("Bản ") || village.starts_with("Làng ");
                commune.villages.push_back(std::string(named_kind || random.Chance(0.55) ? "thôn " : "bản ") +
                                           std::string(village));
            }
            commune.households = random.Range(450, 2400);
        } else {
            int count = random.Range(5, 16);
            for (int v = 1; v <= count; ++v) {
                commune.villages.push_back("tổ dân phố số " + std::to_string(v));
            }
            commune.households = random.Range(1200, 5200);
        }
        region.communes.push_back(std::move(commune));
    }
    return region;
}

// ---------------------------------------------------------------------------------------------
// Names and words.

std::string PersonName(Random& random, const NameBank& bank, bool female) {
    std::string out = random.Pick(bank.family);
    out += ' ';
    out += random.Pick(female ? bank.middle_female : bank.middle_male);
    out += ' ';
    out += random.Pick(female ? bank.given_female : bank.given_male);
    return out;
}

const NameBank& CadreBank(Random& random, const Ethnic& local) {
    return random.Chance(0.5) ? kKinhNames : *local.names;
}

// ---------------------------------------------------------------------------------------------
// Markdown assembled block by block, counting words as it goes.

class Body {
public:
    /// Appends a block whose word count is `words`, or counts it when that is negative.
    void Add(std::string block, int words = -1) {
        words_ += words >= 0 ? words : CountWords(block);
        if (!markdown_.empty()) {
            markdown_ += "\n\n";
        }
        markdown_ += block;
    }
    int Words() const { return words_; }
    std::string Take() { return std::move(markdown_); }

private:
    std::string markdown_;
    int words_ = 0;
};

// ---------------------------------------------------------------------------------------------
// One article's writer: the story's choices in a Context, and the composers of each genre.

constexpr WordRange kNewsWords{150, 400};
constexpr WordRange kArticleWords{600, 1800};
constexpr WordRange kPhotoWords{50, 250};
constexpr WordRange kDocumentWords{90, 350};

enum class Genre { kNews, kArticle, kPhoto, kDocument };

std::string_view GenreKey(Genre genre) {
    switch (genre) {
        case Genre::kNews:
            return "tin";
        case Genre::kArticle:
            return "bai";
        case Genre::kPhoto:
            return "anh";
        case Genre::kDocument:
            return "van-ban";
    }
    return "tin";
}

struct DocumentFacts {
    const DocSubject* subject = nullptr;
    std::string issuer;  ///< "Đảng ủy xã Y Tý"
    std::string number;  ///< "45-KH/ĐU"
};

class Writer {
public:
    Writer(const Region& region, Random& random) : region_(region), random_(random) {}

    /// Chooses the story's commune, villages, people, numbers and subject matter.
    void Prepare(const Topic& topic, const Commune& commune, std::int64_t local_day);

    std::string Text(std::string_view tpl) { return Render(tpl, ctx_, random_); }

    std::string Title(Genre genre);
    std::string Sapo(Genre genre);
    std::string BodyFor(Genre genre);
    std::vector<std::string> Tags(Genre genre);
    void PictureFor(Genre genre, std::string& alt, std::string& caption);
    std::string PenName();

    /// The LongBody sections: one topic's part of a yearly review.
    void ReviewPart(Body& body, int number, bool first_round, int budget);

private:
    std::string Paragraph(Pool& pool, int room, int* words = nullptr);
    std::string ListBlock(Texts items, int count);
    std::string QuoteBlock(Texts quotes);
    std::string QuestionsBlock(int count);
    std::string TableBlock();
    std::string Resident(bool with_title, const Ethnic& ethnic, bool* female = nullptr);
    void ChooseDocument();
    /// Whether the story is about the district's own work rather than a commune's.
    bool DistrictLevel() const { return topic_->id == "cham-diem" || topic_->id == "tap-huan"; }
    Texts Closings() const { return DistrictLevel() ? Texts(kDistrictClosings) : Texts(kClosings); }
    std::string ComposeNews();
    std::string ComposeArticle();
    std::string ComposePhoto();
    std::string ComposeDocument();

    const Region& region_;
    Random& random_;
    const Topic* topic_ = nullptr;
    const Angle* angle_ = nullptr;
    const Commune* commune_ = nullptr;
    int year_ = 0;
    int month_ = 0;
    Context ctx_;
    DocumentFacts document_;
};

std::string Writer::Resident(bool with_title, const Ethnic& ethnic, bool* female) {
    bool is_female = random_.Chance(0.42);
    if (female != nullptr) {
        *female = is_female;
    }
    std::string name = PersonName(random_, *ethnic.names, is_female);
    return with_title ? (is_female ? "bà " : "ông ") + name : name;
}

void Writer::Prepare(const Topic& topic, const Commune& commune, std::int64_t local_day) {
    topic_ = &topic;
    commune_ = &commune;
    angle_ = &topic.angles[random_.Index(topic.angles.size())];
    Ymd date = CivilFromDays(local_day);
    year_ = date.year;
    month_ = date.month;

    std::string xa = commune.kind + " " + commune.name;
    ctx_.Set("xa", xa);
    ctx_.Set("ten_xa", commune.name);
    ctx_.Set("dang_uy", "Đảng ủy " + xa);
    ctx_.Set("ubnd", "UBND " + xa);
    ctx_.Set("huyen", region_.display);
    ctx_.Set("huyen_uy", region_.committee);
    ctx_.Set("truong", std::string(random_.Pick(Texts(kSchoolKinds))) + " " + commune.name);
    ctx_.Set("tram", "Trạm Y tế " + xa);
    ctx_.Set("bp", "Đồn Biên phòng " + commune.name);

    // Three distinct villages (a commune has at least four).
    const auto& villages = commune.villages;
    std::size_t v1 = random_.Index(villages.size());
    std::size_t v2 = (v1 + 1 + random_.Index(villages.size() - 1)) % villages.size();
    std::size_t v3 = v1;
    while (v3 == v1 || v3 == v2) {
        v3 = random_.Index(villages.size());
    }
    ctx_.Set("thon", villages[v1]);
    ctx_.Set("thon2", villages[v2]);
    ctx_.Set("thon3", villages[v3]);
    int so_thon = static_cast<int>(villages.size());
    ctx_.Set("so_thon", so_thon);
    ctx_.Set("so_dat", so_thon - random_.Range(0, std::min(3, so_thon - 1)));

    const Ethnic& ethnic = random_.Chance(0.7) ? *commune.ethnic : WeightedEthnic(random_);
    const Ethnic* voice = &ethnic;
    // A festival belongs to its community.
    const Festival* festival = nullptr;
    {
        std::vector<const Festival*> fitting;
        for (const auto& f : kFestivals) {
            if (InMonths(f.months, date.month)) {
                fitting.push_back(&f);
            }
        }
        festival = fitting.empty() ? &kFestivals[random_.Index(std::size(kFestivals))]
                                   : fitting[random_.Index(fitting.size())];
        if (topic.flavor == Flavor::kFestival && festival->ethnic[0] != '\0') {
            for (const auto& e : kEthnics) {
                if (std::string_view(e.name) == festival->ethnic) {
                    voice = &e;
                }
            }
        }
    }
    ctx_.Set("dt", voice->name);
    ctx_.Set("tieng", std::string("tiếng ") + voice->name);
    ctx_.Set("le_hoi", festival->name);
    ctx_.Set("le_hoi_mt", festival->meaning);
    ctx_.Set("le_hoi_hd", festival->activities);

    // People: commune cadres, a district cadre, residents of the story's community.
    ctx_.Set("cb", PersonName(random_, CadreBank(random_, *voice), random_.Chance(0.35)));
    std::string_view cv = random_.Pick(Texts(kCommuneLeaders));
    ctx_.Set("cv", std::string(cv));
    ctx_.Set("cb2", PersonName(random_, CadreBank(random_, *voice), random_.Chance(0.4)));
    ctx_.Set("cbh", PersonName(random_, CadreBank(random_, *voice), random_.Chance(0.35)));
    ctx_.Set("cvh", random_.Pick(Texts(kDistrictPositions)));
    bool female = false;
    std::string resident = Resident(false, *voice, &female);
    ctx_.Set("ten_ong", resident);
    ctx_.Set("ong", (female ? "bà " : "ông ") + resident);
    ctx_.Set("ngoi", female ? "bà" : "ông");
    ctx_.Set("ong2", Resident(true, *voice));
    ctx_.Set("tuoi", random_.Range(35, 72));
    ctx_.Set("ten_tn", PersonName(random_, *voice->names, false));
    ctx_.Set("ten_gv", PersonName(random_, random_.Chance(0.6) ? kKinhNames : kTayNames, false));
    ctx_.Set("ten_nu", PersonName(random_, *voice->names, true));
    ctx_.Set("ten_dv", PersonName(random_, *voice->names, random_.Chance(0.4)));

    const Talk& talk = random_.Pick(std::span<const Talk>(kTalks));
    bool talk_department = topic.id == "hoi-nghi" || random_.Chance(0.3);
    ctx_.Set("dv", talk_department ? talk.department : random_.Pick(Texts(kDepartments)));
    ctx_.Set("chuyen_de", talk.topic);

    // Dates.
    ctx_.Set("ngay", TwoDigits(date.day) + "/" + TwoDigits(date.month) + "/" + std::to_string(date.year));
    ctx_.Set("thang", date.month);
    ctx_.Set("nam", date.year);
    ctx_.Set("thang_nam", std::to_string(date.month) + "/" + std::to_string(date.year));
    ctx_.Set("thang_toi", date.month % 12 + 1);
    ctx_.Set("thang_toi_nam",
             std::to_string(date.month % 12 + 1) + "/" + std::to_string(date.month == 12 ? date.year + 1 : date.year));
    ctx_.Set("thang_truoc", (date.month + 10) % 12 + 1);
    ctx_.Set("nam_toi", date.year + 1);
    ctx_.Set("nam_truoc", date.year - 1);
    ctx_.Set("nhiem_ky", date.year < 2025 ? "2020–2025" : "2025–2030");
    int school_year = date.month >= 8 ? date.year : date.year - 1;
    ctx_.Set("nam_hoc", std::to_string(school_year) + "–" + std::to_string(school_year + 1));
    ctx_.Set("nam_sinh", date.year - random_.Range(19, 35));

    // Figures, in plausible ranges.
    int dd = random_.Range(40, 180);
    ctx_.Set("dd", dd);
    ctx_.Set("dd_nu", dd * random_.Range(35, 60) / 100);
    ctx_.Set("dd_tb", random_.Range(45, 150));
    ctx_.Set("dd_tong_h", Num(random_.Range(3000, 15000)));
    int ykien = random_.Range(3, 14);
    ctx_.Set("ykien", ykien);
    ctx_.Set("ykien_gq", ykien - random_.Range(0, std::min(3, ykien - 1)));
    ctx_.Set("ho", random_.Range(35, 220));
    ctx_.Set("ho_tk", Num(commune.households * random_.Range(25, 80) / 100));
    ctx_.Set("hs", Num(random_.Range(300, 1500)));
    ctx_.Set("hs_bt", random_.Range(80, 450));
    ctx_.Set("pct", Tenths(random_.Range(700, 995)));
    ctx_.Set("pct2", Tenths(random_.Range(600, 980)));
    ctx_.Set("pct3", Tenths(random_.Range(30, 350)));
    ctx_.Set("pct_cao", Tenths(random_.Range(950, 998)));
    int n = random_.Range(2, 9);
    ctx_.Set("n", n);
    int n2 = random_.Range(10, 48);
    ctx_.Set("n2", n2);
    ctx_.Set("n3", random_.Range(1, std::min(n, 5)));
    ctx_.Set("n4", std::max(1, n2 * random_.Range(60, 90) / 100));
    ctx_.Set("m2", Num(random_.Range(300, 9000)));
    ctx_.Set("m2_ho", random_.Range(50, 600));
    ctx_.Set("m2_nha", random_.Range(40, 90));
    ctx_.Set("km", Tenths(random_.Range(5, 60)));
    ctx_.Set("tien", random_.Range(30, 450));
    ctx_.Set("ty", Tenths(random_.Range(10, 95)));
    ctx_.Set("ha", Num(random_.Range(50, 1500)));
    ctx_.Set("ha_ho", Tenths(random_.Range(5, 50)));
    ctx_.Set("tan", Num(random_.Range(20, 900)));
    ctx_.Set("tc", random_.Range(13, 18));
    ctx_.Set("tn", random_.Range(28, 60));
    int tv = random_.Range(5, 9);
    ctx_.Set("tv", tv);
    ctx_.Set("tv_tot", random_.Range(2, tv));
    ctx_.Set("tv_tong", so_thon * tv);
    int communes = static_cast<int>(region_.communes.size());
    ctx_.Set("xa_tot", std::clamp(n, 1, std::max(1, communes - 1)));
    ctx_.Set("diem", Tenths(random_.Range(750, 889)));
    ctx_.Set("diem_cao", Tenths(random_.Range(900, 985)));
    ctx_.Set("dv_so", random_.Range(90, 480));
    ctx_.Set("cb_so", so_thon + random_.Range(2, 6));

    // Subject matter.
    {
        std::vector<const Crop*> fitting;
        for (const auto& c : kCrops) {
            if (InMonths(c.months, date.month)) {
                fitting.push_back(&c);
            }
        }
        bool seasonal = topic.id == "nong-nghiep" && !fitting.empty() && random_.Chance(0.75);
        const Crop& crop =
            seasonal ? *fitting[random_.Index(fitting.size())] : random_.Pick(std::span<const Crop>(kCrops));
        ctx_.Set("cay", crop.name);
        ctx_.Set("cay_mo_ta", crop.description);
        ctx_.Set("cay_don_vi", crop.unit);
        ctx_.Set("cay_viec", InMonths(crop.months, date.month) ? crop.work : crop.off_season_work);
        ctx_.Set("gia", Num(random_.Range(crop.price_low, crop.price_high) * 1000));
    }
    {
        std::vector<const Hazard*> fitting;
        for (const auto& h : kHazards) {
            if (InMonths(h.months, date.month)) {
                fitting.push_back(&h);
            }
        }
        const Hazard& hazard =
            fitting.empty() ? random_.Pick(std::span<const Hazard>(kHazards)) : *fitting[random_.Index(fitting.size())];
        ctx_.Set("thien_tai", hazard.name);
        ctx_.Set("thiet_hai", hazard.damage);
        ctx_.Set("ung_pho", hazard.response);
        ctx_.Set("hau_qua", hazard.aftermath);
        ctx_.Set("canh", hazard.scene);
        ctx_.Set("ke_chuyen", Text(hazard.story));
    }
    const Issue& issue = random_.Pick(std::span<const Issue>(kIssues));
    ctx_.Set("van_de", issue.name);
    ctx_.Set("van_de_ngan", issue.short_name);
    ctx_.Set("van_de_tag", issue.tag);
    std::size_t m1 = random_.Index(std::size(kEverydayMatters));
    std::size_t m2 = (m1 + 1 + random_.Index(std::size(kEverydayMatters) - 1)) % std::size(kEverydayMatters);
    ctx_.Set("viec1", kEverydayMatters[m1]);
    ctx_.Set("viec2", kEverydayMatters[m2]);
    std::size_t q1 = random_.Index(std::size(kQuestions));
    std::size_t q2 = (q1 + 1 + random_.Index(std::size(kQuestions) - 1)) % std::size(kQuestions);
    std::size_t q3 = q1;
    while (q3 == q1 || q3 == q2) {
        q3 = random_.Index(std::size(kQuestions));
    }
    ctx_.Set("q1", kQuestions[q1].question);
    ctx_.Set("q2", kQuestions[q2].question);
    ctx_.Set("q3", kQuestions[q3].question);
    ctx_.Set("a1", kQuestions[q1].answer);
    ctx_.Set("a2", kQuestions[q2].answer);
    ctx_.Set("mo_hinh", random_.Pick(Texts(kModels)));
    ctx_.Set("chu_de_cb", random_.Pick(Texts(kCellThemes)));
    ctx_.Set("nghi_quyet", Text(random_.Pick(Texts(kResolutions))));
    document_ = {};
}

std::string Writer::Paragraph(Pool& pool, int room, int* words) {
    // A paragraph that fits the room left; a few tries, then give up.
    for (int tries = 0; tries < 4 && !pool.Empty(); ++tries) {
        std::string text = Text(pool.Next());
        int count = CountWords(text);
        if (count <= room) {
            if (words != nullptr) {
                *words = count;
            }
            return text;
        }
    }
    if (words != nullptr) {
        *words = 0;
    }
    return {};
}

std::string Writer::ListBlock(Texts items, int count) {
    Pool pool(items, random_);
    std::string out = Text(random_.Pick(Texts(kListIntros)));
    for (int i = 0; i < count && !pool.Empty(); ++i) {
        out += i == 0 ? "\n\n- " : "\n- ";
        out += Text(pool.Next());
    }
    return out;
}

std::string Writer::QuoteBlock(Texts quotes) {
    std::string out = "> “" + Text(random_.Pick(quotes)) + "”\n>\n> — Đồng chí ";
    bool district = topic_->id == "tap-huan" || topic_->id == "cham-diem" || random_.Chance(0.25);
    out += district ? Text("{cbh}, {cvh} {huyen_uy}") : Text("{cb}, {cv} {xa}");
    return out;
}

std::string Writer::QuestionsBlock(int count) {
    std::string out = Text("[Một số ý kiến tiêu biểu tại hội nghị:|Các ý kiến, kiến nghị của bà con tập trung vào:]");
    std::vector<std::size_t> order(std::size(kQuestions));
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    random_.Shuffle(order);
    const auto& villages = commune_->villages;
    for (int i = 0; i < count; ++i) {
        const Question& q = kQuestions[order[static_cast<std::size_t>(i)]];
        out += i == 0 ? "\n\n- " : "\n- ";
        out += Capitalized(Resident(true, *commune_->ethnic));
        out += " (" + villages[random_.Index(villages.size())] + ") hỏi về " + q.question + ". Đồng chí ";
        out += PersonName(random_, CadreBank(random_, *commune_->ethnic), random_.Chance(0.35));
        out += ", " + std::string(random_.Pick(Texts(kCommunePositions))) + " " + commune_->kind + " " +
               commune_->name + ", cho biết xã sẽ " + q.answer + ".";
    }
    return out;
}

std::string Writer::TableBlock() {
    const auto& villages = commune_->villages;
    std::vector<std::size_t> rows(villages.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i] = i;
    }
    random_.Shuffle(rows);
    rows.resize(std::min<std::size_t>(rows.size(), static_cast<std::size_t>(random_.Range(3, 6))));
    std::sort(rows.begin(), rows.end());
    std::string out;
    auto cell = [&out](const std::string& s) { out += " " + s + " |"; };
    switch (topic_->table) {
        case TableKind::kConference: {
            out = Text("Kết quả truyền đạt nội dung Hội nghị tuyên vận tháng {thang} tại các thôn, bản:") +
                  "\n\n| Thôn, bản | Người dự | Trong đó nữ | Ý kiến nêu | Đã giải đáp |\n|---|---:|---:|---:|---:|";
            int sum[4] = {0, 0, 0, 0};
            for (std::size_t r : rows) {
                int people = random_.Range(40, 180);
                int women = people * random_.Range(35, 60) / 100;
                int asked = random_.Range(2, 12);
                int answered = asked - random_.Range(0, std::min(3, asked - 1));
                int values[4] = {people, women, asked, answered};
                out += "\n|";
                cell(Capitalized(villages[r]));
                for (int k = 0; k < 4; ++k) {
                    cell(Num(values[k]));
                    sum[k] += values[k];
                }
            }
            out += "\n| **Tổng cộng** |";
            for (int k = 0; k < 4; ++k) {
                cell("**" + Num(sum[k]) + "**");
            }
            return out;
        }
        case TableKind::kLogbook: {
            out = Text("Kết quả kiểm tra Sổ nhật ký tuyên vận tháng {thang} của một số tổ:") +
                  "\n\n| Tổ tuyên vận | Thành viên | Lượt gặp hộ dân | Kiến nghị ghi nhận | Xếp loại sổ "
                  "|\n|---|---:|---:|---:|---|";
            for (std::size_t r : rows) {
                int visits = random_.Range(12, 60);
                out += "\n|";
                cell(Capitalized(villages[r]));
                cell(Num(random_.Range(5, 9)));
                cell(Num(visits));
                cell(Num(random_.Range(1, 9)));
                cell(visits >= 35 ? "Tốt" : visits >= 20 ? "Khá" : "Đạt");
            }
            return out;
        }
        case TableKind::kRoads: {
            out = Text("Kết quả vận động hiến đất, làm đường năm {nam} tại một số thôn, bản:") +
                  "\n\n| Thôn, bản | Hộ hiến đất | Diện tích hiến (m²) | Đường bê tông mới (m) |\n|---|---:|---:|---:|";
            int sum[3] = {0, 0, 0};
            for (std::size_t r : rows) {
                int values[3] = {random_.Range(5, 48), random_.Range(150, 2600), random_.Range(200, 1800)};
                out += "\n|";
                cell(Capitalized(villages[r]));
                for (int k = 0; k < 3; ++k) {
                    cell(Num(values[k]));
                    sum[k] += values[k];
                }
            }
            out += "\n| **Tổng cộng** |";
            for (int k = 0; k < 3; ++k) {
                cell("**" + Num(sum[k]) + "**");
            }
            return out;
        }
        case TableKind::kDigital: {
            out = Text("Kết quả chuyển đổi số tại một số thôn, bản đến tháng {thang_nam}:") +
                  "\n\n| Thôn, bản | Số hộ | Tài khoản định danh đã kích hoạt | Hộ thanh toán không dùng tiền mặt "
                  "|\n|---|---:|---:|---:|";
            for (std::size_t r : rows) {
                int households = random_.Range(35, 220);
                out += "\n|";
                cell(Capitalized(villages[r]));
                cell(Num(households));
                cell(Num(households * random_.Range(180, 320) / 100));
                cell(Num(households * random_.Range(25, 85) / 100));
            }
            return out;
        }
        case TableKind::kScores: {
            out = Text("Kết quả chấm điểm công tác tuyên vận tháng {thang} của một số đơn vị:") +
                  "\n\n| Đơn vị | Điểm | Xếp loại |\n|---|---:|---|";
            std::vector<std::size_t> units(region_.communes.size());
            for (std::size_t i = 0; i < units.size(); ++i) {
                units[i] = i;
            }
            random_.Shuffle(units);
            units.resize(std::min<std::size_t>(units.size(), 8));
            for (std::size_t u : units) {
                int tenths = random_.Range(600, 985);
                out += "\n|";
                cell(Capitalized(region_.communes[u].kind) + " " + region_.communes[u].name);
                cell(Tenths(tenths));
                cell(tenths >= 900 ? "Tốt" : tenths >= 800 ? "Khá" : tenths >= 650 ? "Trung bình" : "Yếu");
            }
            return out;
        }
        case TableKind::kNone:
            break;
    }
    return out;
}

void Writer::ChooseDocument() {
    const DocSubject& subject = random_.Pick(topic_->docs);
    document_.subject = &subject;
    ctx_.Set("nam", subject.kind == DocKind::kPlan && month_ >= 11 ? year_ + 1 : year_);
    int number = random_.Range(1, 260);
    std::string code(DocKindCode(subject.kind));
    switch (subject.issuer) {
        case Issuer::kCommuneParty:
            document_.issuer = ctx_.Get("dang_uy");
            document_.number = std::to_string(number) + "-" + code + "/ĐU";
            break;
        case Issuer::kCommuneGovernment:
            document_.issuer = ctx_.Get("ubnd");
            document_.number = subject.kind == DocKind::kLetter ? std::to_string(number) + "/UBND-VP"
                                                                : std::to_string(number) + "/" + code + "-UBND";
            break;
        case Issuer::kDistrict:
            if (random_.Chance(0.5)) {
                document_.issuer = region_.committee;
                document_.number = std::to_string(number) + "-" + code + "/" + region_.code;
            } else {
                document_.issuer = "Ban Tuyên giáo " + region_.committee;
                document_.number = std::to_string(number) + "-" + code + "/BTG" + region_.code;
            }
            break;
    }
}

std::string Writer::Title(Genre genre) {
    switch (genre) {
        case Genre::kNews:
        case Genre::kArticle:
            angle_ = &topic_->angles[random_.Index(topic_->angles.size())];
            return Text(random_.Pick(Filled(angle_->titles)));
        case Genre::kPhoto: {
            std::string subject = Text(random_.Pick(topic_->photos));
            std::string undated = subject;
            for (const std::string& date : {" tháng " + ctx_.Get("thang_nam"), " năm " + ctx_.Get("nam")}) {
                if (undated.ends_with(date)) {
                    undated.resize(undated.size() - date.size());
                }
            }
            ctx_.Set("anh", LowerFirst(undated));
            return random_.Pick(Texts(kPhotoPrefixes)) + subject;
        }
        case Genre::kDocument: {
            ChooseDocument();
            std::string kind(DocKindName(document_.subject->kind));
            std::string lower = LowerFirst(kind);
            std::string subject = Text(document_.subject->subject);
            switch (random_.Range(0, 2)) {
                case 0:
                    return kind + " số " + document_.number + " của " + document_.issuer + " về " + subject;
                case 1:
                    return document_.issuer + " ban hành " + lower + " về " + subject;
                default:
                    return "Triển khai " + lower + " số " + document_.number + " về " + subject;
            }
        }
    }
    return {};
}

std::string Writer::Sapo(Genre genre) {
    switch (genre) {
        case Genre::kNews:
        case Genre::kArticle:
            return Text(random_.Pick(Filled(angle_->sapos)));
        case Genre::kPhoto:
            return Text(random_.Pick(Texts(kPhotoSapos)));
        case Genre::kDocument: {
            std::string lower = LowerFirst(DocKindName(document_.subject->kind));
            Texts tails = document_.subject->issuer == Issuer::kCommuneParty        ? Texts(kPartySapoTails)
                          : document_.subject->issuer == Issuer::kCommuneGovernment ? Texts(kGovernmentSapoTails)
                                                                                    : Texts(kDistrictSapoTails);
            return document_.issuer + " vừa ban hành " + lower + " số " + document_.number + " về " +
                   Text(document_.subject->subject) + ", " + Text(random_.Pick(tails)) + ".";
        }
    }
    return {};
}

std::string Writer::ComposeNews() {
    Body body;
    Pool paragraphs(topic_->paragraphs, random_, kStoryJitter);
    Pool methods(kMethods, random_);
    const int target = random_.Range(190, 360);
    const int max = kNewsWords.max;
    auto room = [&] { return max - body.Words(); };
    auto add_if_room = [&](std::string block) {
        int words = CountWords(block);
        if (words <= room()) {
            body.Add(std::move(block), words);
        }
    };
    int words = 0;
    int opened = 0;
    for (const char* lead : Filled(angle_->leads)) {
        paragraphs.Exclude(lead);
        add_if_room(Text(lead));
        ++opened;
    }
    for (; opened < 2; ++opened) {
        std::string p = Paragraph(paragraphs, room(), &words);
        if (!p.empty()) {
            body.Add(std::move(p), words);
        }
    }
    if (topic_->id == "hoi-nghi" && random_.Chance(0.35)) {
        add_if_room(QuestionsBlock(random_.Range(2, 3)));
    } else if (random_.Chance(0.35)) {
        add_if_room(ListBlock(topic_->items, random_.Range(3, 4)));
    }
    if (topic_->table != TableKind::kNone && random_.Chance(0.15)) {
        add_if_room(TableBlock());
    }
    while (body.Words() < target) {
        std::string p = Paragraph(paragraphs.Empty() ? methods : paragraphs, room(), &words);
        if (p.empty()) {
            if (paragraphs.Empty() && methods.Empty()) {
                break;
            }
            continue;
        }
        body.Add(std::move(p), words);
    }
    if (random_.Chance(0.3)) {
        add_if_room(QuoteBlock(topic_->quotes));
    }
    add_if_room(Text(random_.Pick(Closings())));
    Pool more(DistrictLevel() ? Texts(kDistrictSolutions) : Texts(kSolutions), random_);
    while (body.Words() < kNewsWords.min && !more.Empty()) {
        std::string p = Paragraph(more, room(), &words);
        if (!p.empty()) {
            body.Add(std::move(p), words);
        }
    }
    return body.Take();
}

std::string Writer::ComposeArticle() {
    const int target = random_.Range(650, 1300);
    const int max = kArticleWords.max;
    Pool paragraphs(topic_->paragraphs, random_, kStoryJitter);
    Pool methods(kMethods, random_);
    // Difficulties and solutions open with their summing-up sentence, so they keep their order.
    Pool difficulties(DistrictLevel() ? Texts(kDistrictDifficulties) : Texts(kDifficulties), random_, 1.2);
    Pool solutions(DistrictLevel() ? Texts(kDistrictSolutions) : Texts(kSolutions), random_, 1.2);
    Pool headings(topic_->headings, random_);

    struct Part {
        std::string heading;
        std::vector<std::pair<std::string, int>> blocks;  // text and its words
        Pool* pool;
        std::size_t most;  // paragraphs the part grows to while the article is long enough
    };
    std::vector<Part> parts;
    parts.push_back({"", {}, &paragraphs, 99});
    parts.push_back({Text(headings.Next()), {}, &paragraphs, 99});
    parts.push_back({Text(headings.Next()), {}, &paragraphs, 99});
    parts.push_back({random_.Pick(Texts(kMethodHeadings)), {}, &methods, 2});
    parts.push_back({random_.Pick(Texts(kDifficultyHeadings)), {}, &difficulties, 2});
    parts.push_back({random_.Pick(Texts(kSolutionHeadings)), {}, &solutions, 3});
    int words = 0;
    for (const auto& part : parts) {
        words += CountWords(part.heading);
    }
    auto add = [&](Part& part, std::string block, int count = -1) {
        if (block.empty()) {
            return false;
        }
        if (count < 0) {
            count = CountWords(block);
        }
        if (words + count > max) {
            return false;
        }
        words += count;
        part.blocks.emplace_back(std::move(block), count);
        return true;
    };
    auto add_paragraph = [&](Part& part) {
        int count = 0;
        std::string p = Paragraph(*part.pool, max - words, &count);
        return add(part, std::move(p), count);
    };
    for (const char* lead : Filled(angle_->leads)) {
        paragraphs.Exclude(lead);
        add(parts[0], Text(lead));
    }
    for (auto& part : parts) {
        if (part.blocks.empty()) {
            add_paragraph(part);
        }
    }
    if (random_.Chance(0.6)) {
        add(parts[1], ListBlock(topic_->items, random_.Range(3, 5)));
    }
    if (random_.Chance(0.7)) {
        add(parts[2], QuoteBlock(topic_->quotes));
    }
    if (topic_->table != TableKind::kNone && random_.Chance(0.8)) {
        add(parts[2], TableBlock());
    } else if (topic_->id == "hoi-nghi") {
        add(parts[2], QuestionsBlock(random_.Range(2, 4)));
    }
    std::string closing = random_.Chance(0.5) ? Text(random_.Pick(Closings())) : std::string();
    const int closing_words = CountWords(closing);
    words += closing_words;
    // Grow the parts in turn until the target length.
    const std::size_t order[] = {1, 2, 0, 3, 5, 4};
    bool grew = true;
    while (words < target && grew) {
        grew = false;
        for (std::size_t index : order) {
            if (words >= target) {
                break;
            }
            Part& part = parts[index];
            // Generic parts stay short unless the article would fall below the genre's minimum.
            bool short_of_minimum = words < kArticleWords.min + 40;
            if (part.pool->Empty() || (part.blocks.size() >= part.most && !short_of_minimum)) {
                continue;
            }
            grew = add_paragraph(part) || grew;
        }
    }
    Body body;
    for (auto& part : parts) {
        if (part.blocks.empty()) {
            continue;
        }
        if (!part.heading.empty()) {
            body.Add("## " + part.heading);
        }
        for (auto& [block, count] : part.blocks) {
            body.Add(std::move(block), count);
        }
    }
    if (!closing.empty()) {
        body.Add(std::move(closing), closing_words);
    }
    return body.Take();
}

std::string Writer::ComposePhoto() {
    Body body;
    Pool paragraphs(topic_->paragraphs, random_, kStoryJitter);
    std::string intro;
    for (const char* lead : Filled(angle_->leads)) {
        std::string text = Text(lead);
        if (CountWords(text) <= 120) {
            paragraphs.Exclude(lead);
            intro = std::move(text);
            break;
        }
    }
    if (intro.empty()) {
        intro = Paragraph(paragraphs, 120);
    }
    if (!intro.empty()) {
        body.Add(std::move(intro));
    }
    // The pictures of the story: their captions, and sometimes what they show.
    std::vector<std::string> lines;
    for (const auto& picture : topic_->pictures) {
        lines.push_back(Text(picture.caption));
        if (random_.Chance(0.3)) {
            lines.push_back(Capitalized(Text(picture.alt)) + ".");
        }
    }
    random_.Shuffle(lines);
    for (const auto& line : lines) {
        if (body.Words() + CountWords(line) > kPhotoWords.max) {
            break;
        }
        body.Add("*" + line + "*");
    }
    while (body.Words() < kPhotoWords.min && !paragraphs.Empty()) {
        std::string p = Paragraph(paragraphs, kPhotoWords.max - body.Words());
        if (!p.empty()) {
            body.Add(std::move(p));
        }
    }
    return body.Take();
}

std::string Writer::ComposeDocument() {
    Body body;
    std::string purpose = random_.Pick(Texts(kDocAims));
    body.Add("Ngày " + ctx_.Get("ngay") + ", " + document_.issuer + " ban hành " +
             LowerFirst(DocKindName(document_.subject->kind)) + " số " + document_.number + " về " +
             Text(document_.subject->subject) + ". Văn bản nhằm " + purpose + ".");
    body.Add("## Mục đích, yêu cầu");
    {
        Pool purposes(kDocPurposes, random_);
        std::string list;
        int count = random_.Range(2, 3);
        for (int i = 0; i < count && !purposes.Empty(); ++i) {
            list += (i == 0 ? "- " : "\n- ") + Text(purposes.Next()) + ".";
        }
        body.Add(std::move(list));
    }
    body.Add("## Nội dung chủ yếu");
    {
        Pool items(topic_->items, random_);
        std::string list;
        int count = random_.Range(3, 5);
        for (int i = 0; i < count && !items.Empty(); ++i) {
            list += (i == 0 ? "- " : "\n- ") + Text(items.Next()) + ".";
        }
        body.Add(std::move(list));
    }
    body.Add("## Tổ chức thực hiện");
    Pool execution(document_.subject->issuer == Issuer::kCommuneParty        ? Texts(kDocExecution)
                   : document_.subject->issuer == Issuer::kCommuneGovernment ? Texts(kGovernmentExecution)
                                                                             : Texts(kDistrictExecution),
                   random_);
    int paragraphs = random_.Range(1, 2);
    for (int i = 0; i < paragraphs; ++i) {
        body.Add(Text(execution.Next()));
    }
    body.Add(
        "Văn bản được gửi tới các chi bộ, cơ quan, đơn vị qua hòm thư điện tử và niêm yết công khai tại trụ sở "
        "làm việc của " +
        document_.issuer + ".");
    return body.Take();
}

std::string Writer::BodyFor(Genre genre) {
    switch (genre) {
        case Genre::kNews:
            return ComposeNews();
        case Genre::kArticle:
            return ComposeArticle();
        case Genre::kPhoto:
            return ComposePhoto();
        case Genre::kDocument:
            return ComposeDocument();
    }
    return {};
}

std::vector<std::string> Writer::Tags(Genre genre) {
    std::vector<std::string> tags;
    auto add = [&tags](std::string tag) {
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) {
            tags.push_back(std::move(tag));
        }
    };
    if (genre == Genre::kDocument) {
        add("Văn bản chỉ đạo");
    }
    Pool own(topic_->tags, random_);
    int count = random_.Range(1, 3);
    for (int i = 0; i < count && !own.Empty(); ++i) {
        add(Text(own.Next()));
    }
    if (random_.Chance(0.5)) {
        add(commune_->name);
    }
    if (random_.Chance(0.25)) {
        add(region_.bare);
    }
    if (random_.Chance(0.2)) {
        add("Công tác tuyên vận");
    }
    if (tags.size() < 2) {
        add("Công tác tuyên vận");
    }
    if (tags.size() < 2) {
        add(commune_->name);
    }
    if (tags.size() > 5) {
        tags.resize(5);
    }
    return tags;
}

void Writer::PictureFor(Genre genre, std::string& alt, std::string& caption) {
    if (genre == Genre::kDocument) {
        alt = "Trang đầu của văn bản in trên giấy trắng, có chữ ký và dấu đỏ, đặt trên bàn làm việc";
        caption = std::string(DocKindName(document_.subject->kind)) + " số " + document_.number + " của " +
                  document_.issuer + ".";
        return;
    }
    const Picture& picture = random_.Pick(topic_->pictures);
    alt = Text(picture.alt);
    caption = Text(picture.caption);
}

std::string Writer::PenName() {
    auto short_name = [&] {
        std::string first = random_.Pick(Texts(kPenFirst));
        std::string second = first;
        while (second == first) {
            second = random_.Pick(Texts(kPenSecond));
        }
        return first + " " + second;
    };
    auto full_name = [&] {
        return PersonName(random_, random_.Chance(0.6) ? kKinhNames : *commune_->ethnic->names, random_.Chance(0.45));
    };
    double x = random_.Unit();
    std::string out;
    if (x < 0.35) {
        out = short_name();
    } else if (x < 0.58) {
        out = full_name();
    } else if (x < 0.82) {
        std::vector<std::string> places = {"Ban Tuyên giáo " + region_.committee, "Đảng ủy " + ctx_.Get("xa"),
                                           "Ban Tuyên vận " + ctx_.Get("xa"), "Văn phòng " + region_.committee};
        if (region_.has_district) {
            places.push_back("Trung tâm Văn hóa, Thể thao và Truyền thông " + region_.display);
        }
        out = full_name() + " (" + places[random_.Index(places.size())] + ")";
    } else if (x < 0.92) {
        out = short_name() + " – " + short_name();
    } else {
        out = short_name() + " (cộng tác viên)";
    }
    return CodePoints(out) <= 100 ? out : short_name();
}

// ---------------------------------------------------------------------------------------------
// Choices of the whole set: sections, genres, topics, times.

std::int64_t PickTime(Random& random, std::int64_t now, int days) {
    const std::int64_t earliest = now - static_cast<std::int64_t>(days) * kDayMs;
    // Denser recently: the age is a skewed fraction of the window.
    auto age = static_cast<std::int64_t>(std::pow(random.Unit(), 1.7) * days);
    age = std::min<std::int64_t>(age, days - 1);
    const std::int64_t today_start = LocalDay(now) * kDayMs - kUtcOffsetMs;
    int minute = random.Chance(0.88) ? random.Range(7 * 60 + 15, 17 * 60 + 30) : random.Range(5 * 60 + 30, 22 * 60);
    std::int64_t t = today_start - age * kDayMs + minute * 60'000LL + random.Range(0, 59) * 1000LL;
    if (t > now) {
        t = now - random.Range(1, 180) * 60'000LL;
    }
    if (t < earliest) {
        t = earliest + random.Range(0, 3599) * 1000LL;
    }
    return std::clamp(t, earliest, now);
}

bool KnownSection(std::string_view key) {
    return std::any_of(std::begin(kSections), std::end(kSections), [key](const auto& s) { return s.first == key; });
}

const Topic& PickTopic(Random& random, std::string_view section, int month) {
    bool any = section == "van-ban" || !KnownSection(section);
    std::vector<std::pair<const Topic*, int>> weighted;
    int total = 0;
    for (const auto& topic : kTopics) {
        int weight = 0;
        if (any) {
            weight = 2;
        } else {
            for (std::size_t i = 0; i < topic.sections.size(); ++i) {
                if (topic.sections[i] == section) {
                    weight = i == 0 ? 6 : 2;
                }
            }
        }
        if (weight > 0 && !InMonths(TopicMonths(topic), month)) {
            weight = 0;
        }
        if (weight > 0) {
            weighted.emplace_back(&topic, weight);
            total += weight;
        }
    }
    if (weighted.empty()) {
        return kTopics[random.Index(std::size(kTopics))];
    }
    int x = random.Range(0, total - 1);
    for (const auto& [topic, weight] : weighted) {
        if (x < weight) {
            return *topic;
        }
        x -= weight;
    }
    return *weighted.front().first;
}

Genre PickGenre(Random& random, std::string_view section) {
    if (section == "van-ban") {
        return Genre::kDocument;
    }
    int x = random.Range(0, 99);
    if (x < 52) {
        return Genre::kNews;
    }
    if (x < 75) {
        return Genre::kArticle;
    }
    if (x < 93) {
        return Genre::kPhoto;
    }
    return Genre::kDocument;
}

bool TitleFits(const std::string& title) {
    std::size_t n = CodePoints(title);
    return n >= 40 && n <= 160;
}

std::int64_t DaysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const auto doy = static_cast<unsigned>((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr const char* kReviewIntro[] = {
    "Năm {nam}, công tác tuyên vận trên địa bàn {huyen} tiếp tục được cấp ủy, chính quyền các cấp quan tâm lãnh đạo, "
    "chỉ đạo theo đúng Quy định số 11-QĐ/TU. Hội nghị tuyên vận được tổ chức đều đặn hằng tháng ở tất cả các xã; ban "
    "tuyên vận, tổ tuyên vận được kiện toàn, hoạt động ngày càng nền nếp, góp phần quan trọng vào việc thực hiện thắng "
    "lợi nhiệm vụ chính trị của địa phương.",
    "Bài viết điểm lại những kết quả nổi bật, cách làm hay và những hạn chế cần khắc phục trong từng lĩnh vực, làm cơ "
    "sở để xác định mục tiêu, nhiệm vụ công tác tuyên vận năm {nam_toi}. Số liệu được tổng hợp từ báo cáo tháng của "
    "các xã, phiếu đánh giá của các cơ quan được phân công dự hội nghị và kết quả kiểm tra Sổ nhật ký tuyên vận.",
};

void Writer::ReviewPart(Body& body, int number, bool first_round, int budget) {
    Pool paragraphs(topic_->paragraphs, random_, kStoryJitter);
    std::string heading = "## " + std::to_string(number) + ". " + std::string(topic_->name);
    if (!first_round) {
        heading += " tại " + ctx_.Get("xa");
    }
    bool headed = false;
    int wanted = random_.Range(2, 4);
    for (int i = 0; i < wanted && !paragraphs.Empty(); ++i) {
        if (body.Words() >= budget) {
            return;
        }
        std::string p = Paragraph(paragraphs, 400);
        if (p.empty()) {
            continue;
        }
        if (!headed) {
            body.Add(heading);
            headed = true;
        }
        body.Add(std::move(p));
        if (i == 0 && body.Words() < budget) {
            int extra = random_.Range(0, 5);
            if (extra == 0) {
                body.Add(ListBlock(topic_->items, random_.Range(3, 5)));
            }
            if (extra == 1) {
                body.Add(QuoteBlock(topic_->quotes));
            }
            if (extra == 2 && topic_->table != TableKind::kNone) {
                body.Add(TableBlock());
            }
        }
    }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public API.

std::vector<std::pair<std::string, std::string>> SectionCatalog() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [key, name] : kSections) {
        out.emplace_back(key, name);
    }
    return out;
}

WordRange GenreWordRange(std::string_view genre) {
    if (genre == "tin") {
        return kNewsWords;
    }
    if (genre == "bai") {
        return kArticleWords;
    }
    if (genre == "anh") {
        return kPhotoWords;
    }
    if (genre == "van-ban") {
        return kDocumentWords;
    }
    return {};
}

int CountWords(std::string_view text) {
    // Byte classes: 1 separates tokens; 2 makes a token a word (ASCII letters and digits, lead bytes of
    // Latin-1 letters and Latin Extended-A/B such as đ, ơ, ư); 3 is the lead byte of U+1E00-U+1FFF,
    // a word when the next byte puts it in Latin Extended Additional (ạ…ỹ). Punctuation ("–", "“")
    // and Markdown markers ("##", "-", "|") are class 0.
    static constexpr auto kClass = [] {
        std::array<std::uint8_t, 256> table{};
        for (unsigned char c : {' ', '\n', '\t', '\r'}) {
            table[c] = 1;
        }
        for (int c = '0'; c <= '9'; ++c) {
            table[static_cast<std::size_t>(c)] = 2;
        }
        for (int c = 'A'; c <= 'Z'; ++c) {
            table[static_cast<std::size_t>(c)] = 2;
        }
        for (int c = 'a'; c <= 'z'; ++c) {
            table[static_cast<std::size_t>(c)] = 2;
        }
        for (int c = 0xC3; c <= 0xC6; ++c) {
            table[static_cast<std::size_t>(c)] = 2;
        }
        table[0xE1] = 3;
        return table;
    }();
    int words = 0;
    bool letter = false;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        switch (kClass[p[i]]) {
            case 1:
                words += letter ? 1 : 0;
                letter = false;
                break;
            case 2:
                letter = true;
                break;
            case 3:
                letter = letter || (i + 1 < n && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB);
                break;
            default:
                break;
        }
    }
    return words + (letter ? 1 : 0);
}

std::vector<Article> Generate(const Place& place, const std::vector<std::string>& section_keys, int count,
                              std::uint64_t seed, std::int64_t now_ms, int days) {
    std::vector<Article> out;
    if (count <= 0) {
        return out;
    }
    days = std::max(days, 1);
    std::vector<std::string> keys = section_keys;
    if (keys.empty()) {
        for (const auto& [key, name] : kSections) {
            keys.emplace_back(key);
        }
    }
    const Region region = BuildRegion(place);
    std::unordered_set<std::string> titles;
    std::unordered_set<std::string> sapos;
    titles.reserve(static_cast<std::size_t>(count) * 2);
    sapos.reserve(static_cast<std::size_t>(count) * 2);
    out.reserve(static_cast<std::size_t>(count));

    // The outreach column gets three shares, every other key one.
    std::vector<int> weights;
    int total_weight = 0;
    for (const auto& key : keys) {
        weights.push_back(key == "thong-tin-tuyen-van" ? 3 : 1);
        total_weight += weights.back();
    }

    for (int i = 0; i < count; ++i) {
        Random random(Mix(seed, static_cast<std::uint64_t>(i)));
        Article article;
        if (static_cast<std::size_t>(i) < keys.size()) {
            article.section_key = keys[static_cast<std::size_t>(i)];
        } else {
            int x = random.Range(0, total_weight - 1);
            std::size_t k = 0;
            while (x >= weights[k]) {
                x -= weights[k++];
            }
            article.section_key = keys[k];
        }
        article.published_at = PickTime(random, now_ms, days);
        Genre genre = PickGenre(random, article.section_key);
        article.genre = std::string(GenreKey(genre));
        std::int64_t day = LocalDay(article.published_at) - random.Range(0, genre == Genre::kArticle ? 5 : 2);
        const Topic& topic = PickTopic(random, article.section_key, CivilFromDays(day).month);

        Writer writer(region, random);
        // A title or sapo seen before: a new context (commune, villages, people, figures) and another try.
        for (int attempt = 0; attempt < 6 && article.sapo.empty(); ++attempt) {
            writer.Prepare(topic, region.communes[random.Index(region.communes.size())], day);
            std::string title;
            for (int tries = 0; tries < 6 && title.empty(); ++tries) {
                std::string candidate = writer.Title(genre);
                if (TitleFits(candidate) && !titles.contains(candidate)) {
                    title = std::move(candidate);
                }
            }
            if (title.empty()) {
                continue;
            }
            for (int tries = 0; tries < 4; ++tries) {
                std::string sapo = writer.Sapo(genre);
                if (CodePoints(sapo) <= 600 && !sapos.contains(sapo)) {
                    article.title = std::move(title);
                    article.sapo = std::move(sapo);
                    break;
                }
            }
        }
        if (article.sapo.empty()) {
            // The set is saturated for this place (few communes, many articles): number the repeats.
            std::string base = writer.Title(genre);
            if (CodePoints(base) > 145) {
                base = writer.Text("Tin hoạt động của {xa} tháng {thang_nam}");
            }
            for (int k = 2;; ++k) {
                std::string title = base + " (kỳ " + std::to_string(k) + ")";
                if (!titles.contains(title)) {
                    article.title = std::move(title);
                    break;
                }
            }
            std::string sapo = writer.Sapo(genre);
            for (int k = 2; sapos.contains(sapo) || CodePoints(sapo) > 600; ++k) {
                sapo = writer.Text("[Tin|Thông tin] từ {xa}, {huyen} ngày {ngay}.") + " Bản tin số " +
                       std::to_string(k) + " về hoạt động của địa phương.";
            }
            article.sapo = std::move(sapo);
        }
        while (CodePoints(article.title) < 40) {
            article.title += " (" + region.bare + ")";
        }
        titles.insert(article.title);
        sapos.insert(article.sapo);

        article.body_md = writer.BodyFor(genre);
        article.pen_name = writer.PenName();
        article.tags = writer.Tags(genre);
        article.picture_seed = random.Next();
        writer.PictureFor(genre, article.picture_alt, article.picture_caption);
        out.push_back(std::move(article));
    }
    return out;
}

std::string LongBody(int words, std::uint64_t seed) {
    Place place{"Bát Xát",
                {"Y Tý", "A Mú Sung", "Trịnh Tường", "Bản Xèo", "Mường Hum", "Dền Sáng", "Nậm Pung", "A Lù"}};
    const Region region = BuildRegion(place);
    Random random(Mix(seed, 0x4C6F6E67426F6479ULL));
    int year = 2023 + static_cast<int>(random.Index(3));
    std::int64_t day = DaysFromCivil(year, 12, random.Range(10, 20));
    Writer writer(region, random);
    auto commune = [&](std::size_t k) -> const Commune& { return region.communes[k % region.communes.size()]; };
    writer.Prepare(kTopics[0], commune(0), day);

    Body closing;
    {
        Pool difficulties(kDifficulties, random);
        Pool solutions(kSolutions, random);
        closing.Add("## Khó khăn, hạn chế");
        for (int i = 0; i < 2; ++i) {
            closing.Add(writer.Text(difficulties.Next()));
        }
        closing.Add(writer.Text("## Phương hướng, nhiệm vụ năm {nam_toi}"));
        for (int i = 0; i < 3; ++i) {
            closing.Add(writer.Text(solutions.Next()));
        }
        closing.Add(
            writer.Text("Với sự vào cuộc đồng bộ của cả hệ thống chính trị và sự đồng thuận của Nhân dân, công "
                        "tác tuyên vận của {huyen} năm {nam_toi} được kỳ vọng tiếp tục có những chuyển biến rõ "
                        "nét, góp phần xây dựng quê hương ngày càng giàu đẹp, văn minh."));
    }
    Body body;
    for (const char* intro : kReviewIntro) {
        body.Add(writer.Text(intro));
    }
    // Stop a little short: the last paragraph added overshoots by at most its own length.
    const int budget = std::max(0, words - closing.Words() - 60);
    int number = 1;
    for (std::size_t round = 0; body.Words() < budget && round < 40; ++round) {
        for (std::size_t t = 0; t < std::size(kTopics) && body.Words() < budget; ++t) {
            writer.Prepare(kTopics[t], commune(round * 3 + t), day);
            writer.ReviewPart(body, number++, round == 0, budget);
        }
    }
    std::string out = body.Take();
    out += "\n\n";
    out += closing.Take();
    return out;
}

}  // namespace tuyenvan::portal::demo
