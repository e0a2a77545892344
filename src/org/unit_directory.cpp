#include "org/unit_directory.hpp"

#include "platform/text/fold.hpp"

namespace tuyenvan::org {

std::shared_ptr<const UnitSnapshot> UnitDirectory::Current(db::Connection& c) {
    std::int64_t stamp = store_.UnitsStamp(c);
    {
        std::lock_guard lock(mutex_);
        if (snapshot_ && snapshot_->stamp == stamp) {
            return snapshot_;
        }
    }
    auto fresh = std::make_shared<UnitSnapshot>();
    fresh->stamp = stamp;
    fresh->units = store_.AllUnits(c);
    std::lock_guard lock(mutex_);
    // Another thread may have loaded a newer copy meanwhile; keep the newest.
    if (!snapshot_ || snapshot_->stamp <= stamp) {
        snapshot_ = fresh;
    }
    return fresh;
}

Page<Unit> UnitDirectory::Select(const UnitSnapshot& snapshot, const UnitQuery& query,
                                 const std::vector<std::string>& scopes) {
    Page<Unit> page;
    page.page = std::max<std::int64_t>(query.page, 1);
    page.per_page = query.per_page;
    std::string needle = query.text.empty() ? std::string() : text::Fold(query.text);
    std::int64_t first = (page.page - 1) * page.per_page;
    for (const Unit& unit : snapshot.units) {
        bool in_scope = false;
        for (const auto& scope : scopes) {
            in_scope = in_scope || unit.path.starts_with(scope);
        }
        if (!in_scope || (!query.level.empty() && unit.level != query.level) ||
            (!query.kind.empty() && unit.kind != query.kind) ||
            (query.parent_id && unit.parent_id != query.parent_id) || (!query.include_closed && unit.valid_to) ||
            (!needle.empty() && unit.name_key.find(needle) == std::string::npos)) {
            continue;
        }
        if (page.total >= first && page.total < first + page.per_page) {
            page.items.push_back(unit);
        }
        ++page.total;
    }
    return page;
}

}  // namespace tuyenvan::org
