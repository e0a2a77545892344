// The monthly statistics of the "Thông tin tuyên vận" column: items published into it and the views of its
// items, per site, per source unit and per author, with the units proposed for a reward.
#include <algorithm>
#include <map>
#include <set>

#include "platform/text/collate.hpp"
#include "platform/text/format.hpp"
#include "portal/service.hpp"

namespace tuyenvan::portal {
namespace {

using org::ServiceError;
using Kind = ServiceError::Kind;

// Items published in [from, to) into a column, once per (item, column site): the item's own section when it is
// its site's column, and every column it was sent to.
constexpr std::string_view kColumnItems =
    "SELECT i.id, s.site_id, i.site_id, i.genre, i.source_unit_id, i.author_account_id, i.pen_name "
    "FROM items i JOIN sections s ON s.id = i.section_id AND s.is_outreach = 1 "
    "WHERE i.status = 'published' AND i.published_at >= $1 AND i.published_at < $2 "
    "UNION "
    "SELECT i.id, s.site_id, i.site_id, i.genre, i.source_unit_id, i.author_account_id, i.pen_name "
    "FROM item_sections x JOIN sections s ON s.id = x.section_id AND s.is_outreach = 1 "
    "JOIN items i ON i.id = x.item_id "
    "WHERE i.status = 'published' AND i.published_at >= $1 AND i.published_at < $2";

// Views in the month of items that stand in a column, on the site that showed them.
constexpr std::string_view kColumnViews =
    "SELECT v.item_id, v.site_id, v.views, i.site_id, i.source_unit_id, i.author_account_id, i.pen_name "
    "FROM item_view_months v JOIN items i ON i.id = v.item_id "
    "WHERE v.month = $1 AND (EXISTS (SELECT 1 FROM sections s WHERE s.id = i.section_id AND s.is_outreach = 1) "
    "OR EXISTS (SELECT 1 FROM item_sections x JOIN sections s ON s.id = x.section_id "
    "WHERE x.item_id = i.id AND s.is_outreach = 1))";

// Local midnight of the first day of a month, in epoch ms (Asia/Ho_Chi_Minh).
std::int64_t MonthStart(int year, int month) {
    return text::ParseIsoDate(std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month) + "-01")
        .value_or(0);
}

std::size_t GenreIndex(std::string_view name) {
    for (std::size_t g = 0; g < kAllGenres.size(); ++g) {
        if (GenreName(kAllGenres[g]) == name) {
            return g;
        }
    }
    return 0;
}

// Best first: most items, then most views, then the name in Vietnamese order.
void Rank(std::vector<ColumnFigures>& rows) {
    static const text::Collator collator;
    std::sort(rows.begin(), rows.end(), [](const ColumnFigures& a, const ColumnFigures& b) {
        if (a.items != b.items) return a.items > b.items;
        if (a.views != b.views) return a.views > b.views;
        return collator.Compare(a.name, b.name) < 0;
    });
}

}  // namespace

ColumnStatistics Service::ColumnStats(const org::Principal& principal, int year, int month) {
    if (year < 2000 || year > 2100 || month < 1 || month > 12) {
        throw ServiceError(Kind::kInvalid, "Tháng không hợp lệ; hãy chọn tháng theo dạng mm/yyyy.",
                           {{"thang", "Tháng không hợp lệ; hãy chọn tháng theo dạng mm/yyyy."}});
    }
    const std::int64_t from = MonthStart(year, month);
    const std::int64_t to = month == 12 ? MonthStart(year + 1, 1) : MonthStart(year, month + 1);
    return database_.ReadValue([&](db::Connection& c) {
        // The sites shown: edited (site-wide) or compiled for.
        std::vector<Site> shown;
        std::map<std::int64_t, std::int64_t> site_units;
        auto held = store_.AccountSiteRoles(c, principal.account_id);
        for (Site& site : store_.AllSites(c)) {
            site_units.emplace(site.id, site.unit_id);
            site.unit_path = org_.FindUnitPath(c, site.unit_id).value_or("");
            bool compiles = false;
            for (const auto& grant : principal.grants) {
                compiles |= (grant.role == org::Role::kAdministrator || grant.role == org::Role::kProvinceOffice ||
                             grant.role == org::Role::kDistrictOfficer) &&
                            site.unit_path.starts_with(grant.unit_path);
            }
            if (compiles || Reach(principal, site, held, c).role >= SiteRole::kEditor) {
                shown.push_back(std::move(site));
            }
        }
        if (shown.empty()) {
            throw ServiceError(Kind::kForbidden, "Chỉ biên tập viên, ban biên tập và cán bộ tổng hợp mới xem được thống "
                                                 "kê chuyên mục.");
        }
        std::set<std::int64_t> site_ids;
        for (const Site& site : shown) {
            site_ids.insert(site.id);
        }
        // A unit is the item's source unit, or else the unit of the item's own site.
        auto unit_of = [&](const db::Rows& rows, std::size_t i, std::size_t home_column, std::size_t unit_column) {
            if (!rows.IsNull(i, unit_column)) {
                return rows.Int(i, unit_column);
            }
            auto home = site_units.find(rows.Int(i, home_column));
            return home == site_units.end() ? std::int64_t{0} : home->second;
        };
        std::map<std::int64_t, ColumnFigures> sites;
        std::map<std::int64_t, ColumnFigures> units;
        std::map<std::int64_t, ColumnFigures> authors;
        std::map<std::int64_t, std::set<std::string>> pen_names;
        ColumnStatistics stats;
        stats.year = year;
        stats.month = month;
        std::set<std::int64_t> counted_items;  // an item shared to two shown columns is one item of its unit

        auto items = c.Query(kColumnItems, {from, to});
        for (std::size_t i = 0; i < items.Size(); ++i) {
            std::int64_t item = items.Int(i, 0);
            std::int64_t column_site = items.Int(i, 1);
            if (!site_ids.contains(column_site)) {
                continue;
            }
            std::size_t genre = GenreIndex(items.Text(i, 3));
            ColumnFigures& site = sites[column_site];
            ++site.items;
            ++site.by_genre[genre];
            if (!counted_items.insert(item).second) {
                continue;
            }
            ++stats.items;
            ColumnFigures& unit = units[unit_of(items, i, 2, 4)];
            ++unit.items;
            ++unit.by_genre[genre];
            std::int64_t account = items.Int(i, 5);
            ColumnFigures& author = authors[account];
            ++author.items;
            ++author.by_genre[genre];
            if (!items.Text(i, 6).empty()) {
                pen_names[account].insert(items.String(i, 6));
            }
        }
        auto views = c.Query(kColumnViews, {static_cast<std::int64_t>(year) * 100 + month});
        for (std::size_t i = 0; i < views.Size(); ++i) {
            std::int64_t shown_on = views.Int(i, 1);
            if (!site_ids.contains(shown_on)) {
                continue;
            }
            std::int64_t count = views.Int(i, 2);
            stats.views += count;
            sites[shown_on].views += count;
            units[unit_of(views, i, 3, 4)].views += count;
            authors[views.Int(i, 5)].views += count;
        }

        for (const Site& site : shown) {
            ColumnFigures row = sites[site.id];
            row.id = site.id;
            row.name = site.name;
            stats.sites.push_back(std::move(row));
        }
        std::vector<std::int64_t> unit_ids;
        for (const auto& [id, row] : units) {
            unit_ids.push_back(id);
        }
        auto unit_names = org_.UnitNames(c, unit_ids);
        for (auto& [id, row] : units) {
            row.id = id;
            auto name = unit_names.find(id);
            row.name = name == unit_names.end() ? "Đơn vị #" + std::to_string(id) : name->second;
            stats.units.push_back(row);
        }
        std::vector<std::int64_t> account_ids;
        for (const auto& [id, row] : authors) {
            account_ids.push_back(id);
        }
        auto accounts = org_.AccountRefs(c, account_ids);
        for (auto& [id, row] : authors) {
            row.id = id;
            auto account = std::find_if(accounts.begin(), accounts.end(),
                                        [&](const org::AccountRef& a) { return a.id == id; });
            row.name = account == accounts.end() ? "Tài khoản #" + std::to_string(id)
                       : account->name.empty()  ? account->login
                                                : account->name + " (" + account->login + ")";
            for (const auto& pen : pen_names[id]) {
                row.detail += (row.detail.empty() ? "" : ", ") + pen;
            }
            stats.authors.push_back(row);
        }
        Rank(stats.units);
        Rank(stats.authors);

        // The reward proposal: the most items, and the most views, among units with enough items.
        std::vector<ColumnFigures> eligible;
        std::copy_if(stats.units.begin(), stats.units.end(), std::back_inserter(eligible),
                     [](const ColumnFigures& row) { return row.items >= kRewardMinItems; });
        stats.reward_by_items.assign(eligible.begin(),
                                     eligible.begin() + static_cast<std::ptrdiff_t>(std::min(kRewardPlaces, eligible.size())));
        std::stable_sort(eligible.begin(), eligible.end(),
                         [](const ColumnFigures& a, const ColumnFigures& b) { return a.views > b.views; });
        stats.reward_by_views.assign(eligible.begin(),
                                     eligible.begin() + static_cast<std::ptrdiff_t>(std::min(kRewardPlaces, eligible.size())));
        return stats;
    });
}

}  // namespace tuyenvan::portal
