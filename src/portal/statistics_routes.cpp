// The column's monthly statistics: the newsroom page, its CSV and the API.
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "platform/text/format.hpp"
#include "portal/routes.hpp"

namespace tuyenvan::portal {
namespace {

namespace json = boost::json;
using http::Mode;
using http::Request;
using http::Response;
using boost::beast::http::verb;

struct Month {
    int year = 0;
    int month = 0;
};

// "10/2026", "1/2026" (as people type it) or "2026-10" (as <input type=month> sends it); empty: last month.
Month ParseMonth(const std::string& text, std::int64_t now_ms) {
    Month parsed;
    if (text.empty()) {
        // The month before the current one in Asia/Ho_Chi_Minh.
        std::string today = text::FormatIsoDate(now_ms);  // "2026-11-28"
        int year = std::stoi(today.substr(0, 4));
        int month = std::stoi(today.substr(5, 2));
        return month == 1 ? Month{year - 1, 12} : Month{year, month - 1};
    }
    char tail = 0;
    if (std::sscanf(text.c_str(), "%2d/%4d%c", &parsed.month, &parsed.year, &tail) == 2 ||
        std::sscanf(text.c_str(), "%4d-%2d%c", &parsed.year, &parsed.month, &tail) == 2) {
        return parsed;
    }
    return Month{};  // the service refuses it with a Vietnamese message
}

std::string TwoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// "10/2026", as pages show a month.
std::string MonthText(const ColumnStatistics& stats) { return TwoDigits(stats.month) + "/" + std::to_string(stats.year); }

// "2026-10", as <input type=month> and the API take it.
std::string MonthValue(const ColumnStatistics& stats) { return std::to_string(stats.year) + "-" + TwoDigits(stats.month); }

std::int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

view::List FigureRows(const std::vector<ColumnFigures>& rows) {
    view::List list = view::MakeList();
    std::size_t place = 0;
    for (const auto& figures : rows) {
        view::Data row;
        row.set("place", std::to_string(++place));
        row.set("name", figures.name);
        row.set("detail", figures.detail);
        row.set("has_detail", !figures.detail.empty());
        row.set("items", text::FormatNumber(figures.items));
        row.set("tin", text::FormatNumber(figures.by_genre[0]));
        row.set("bai", text::FormatNumber(figures.by_genre[1]));
        row.set("anh", text::FormatNumber(figures.by_genre[2]));
        row.set("van_ban", text::FormatNumber(figures.by_genre[3]));
        row.set("views", text::FormatNumber(figures.views));
        view::Append(list, std::move(row));
    }
    return list;
}

json::array FigureJson(const std::vector<ColumnFigures>& rows) {
    json::array out;
    for (const auto& figures : rows) {
        json::object genres;
        for (std::size_t g = 0; g < kAllGenres.size(); ++g) {
            genres[GenreName(kAllGenres[g])] = figures.by_genre[g];
        }
        out.push_back(json::object{{"id", figures.id},
                                   {"name", figures.name},
                                   {"detail", figures.detail},
                                   {"items", figures.items},
                                   {"by_genre", std::move(genres)},
                                   {"views", figures.views}});
    }
    return out;
}

// A CSV field: quoted when it holds a separator, a quote or a line break; a leading =, +, - or @ is
// prefixed with ' so a spreadsheet never runs it as a formula.
std::string CsvField(const std::string& value) {
    std::string text = value;
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) {
        text.insert(text.begin(), '\'');
    }
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string Csv(const ColumnStatistics& stats) {
    std::string out = "\xEF\xBB\xBF";  // a BOM, so spreadsheets read UTF-8
    out += "Nhóm,Tên,Bút danh,Tin,Bài,Ảnh,Văn bản,Tổng tin bài,Lượt xem trong tháng\r\n";
    auto lines = [&](const char* group, const std::vector<ColumnFigures>& rows) {
        for (const auto& row : rows) {
            out += CsvField(group) + "," + CsvField(row.name) + "," + CsvField(row.detail);
            for (auto count : row.by_genre) {
                out += "," + std::to_string(count);
            }
            out += "," + std::to_string(row.items) + "," + std::to_string(row.views) + "\r\n";
        }
    };
    lines("Trang", stats.sites);
    lines("Đơn vị", stats.units);
    lines("Tác giả", stats.authors);
    return out;
}

}  // namespace

void RegisterStatisticsRoutes(http::Router& router, const org::Web& web, Service& service) {
    router.Add(verb::get, "/quan-tri/trang/thong-ke", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        Month month = ParseMonth(request.query.Get("thang"), NowMs());
        ColumnStatistics stats = service.ColumnStats(principal, month.year, month.month);
        view::Data data;
        data.set("month", MonthText(stats));
        data.set("month_value", MonthValue(stats));
        data["sites"] = FigureRows(stats.sites);
        data["units"] = FigureRows(stats.units);
        data["authors"] = FigureRows(stats.authors);
        data["reward_by_items"] = FigureRows(stats.reward_by_items);
        data["reward_by_views"] = FigureRows(stats.reward_by_views);
        data.set("has_units", !stats.units.empty());
        data.set("has_rewards", !stats.reward_by_items.empty());
        data.set("items", text::FormatNumber(stats.items));
        data.set("views", text::FormatNumber(stats.views));
        data.set("reward_min_items", std::to_string(kRewardMinItems));
        data.set("reward_places", std::to_string(kRewardPlaces));
        return web.Page("portal/newsroom/statistics", std::move(data), principal,
                        "Thống kê chuyên mục Thông tin tuyên vận tháng " + MonthText(stats));
    });
    router.Add(verb::get, "/quan-tri/trang/thong-ke.csv", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        Month month = ParseMonth(request.query.Get("thang"), NowMs());
        ColumnStatistics stats = service.ColumnStats(principal, month.year, month.month);
        Response response;
        response.content_type = "text/csv; charset=utf-8";
        response.body = Csv(stats);
        std::string name = "thong-ke-thong-tin-tuyen-van-" + MonthValue(stats) + ".csv";
        response.With("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.With("Cache-Control", "no-store");
        return response;
    });
    router.Add(verb::get, "/api/v1/portal/statistics", Mode::kBlocking, [&web, &service](Request& request) {
        auto principal = web.RequirePrincipal(request);
        Month month = ParseMonth(request.query.Get("month"), NowMs());
        ColumnStatistics stats = service.ColumnStats(principal, month.year, month.month);
        json::object body{{"month", MonthValue(stats)},
                          {"items", stats.items},
                          {"views", stats.views},
                          {"sites", FigureJson(stats.sites)},
                          {"units", FigureJson(stats.units)},
                          {"authors", FigureJson(stats.authors)},
                          {"reward", json::object{{"min_items", kRewardMinItems},
                                                  {"places", kRewardPlaces},
                                                  {"by_items", FigureJson(stats.reward_by_items)},
                                                  {"by_views", FigureJson(stats.reward_by_views)}}}};
        return Response::Json(json::serialize(body));
    }).summary = "Thống kê tháng của chuyên mục Thông tin tuyên vận (month: yyyy-mm, mặc định tháng trước): số tin, "
                 "bài và lượt xem theo trang, đơn vị, tác giả, và đề xuất khen thưởng";
}

}  // namespace tuyenvan::portal
