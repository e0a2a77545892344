// The unit tree in memory: read on every page, changed a few times a year. Each node checks one
// counter per use and reloads only when some node changed a unit.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "org/model.hpp"
#include "org/store.hpp"

namespace tuyenvan::org {

/// An immutable copy of every unit, in list order (depth, then Vietnamese order of names).
struct UnitSnapshot {
    std::int64_t stamp = 0;
    std::vector<Unit> units;
};

/// A node-local cache of the unit tree.
class UnitDirectory {
public:
    explicit UnitDirectory(const Store& store) : store_(store) {}

    /// The current snapshot, reloaded when the units counter has moved.
    std::shared_ptr<const UnitSnapshot> Current(db::Connection& c);

    /// Filters and pages a snapshot for a query and the caller's subtrees.
    static Page<Unit> Select(const UnitSnapshot& snapshot, const UnitQuery& query,
                             const std::vector<std::string>& scopes);

private:
    const Store& store_;
    std::mutex mutex_;
    std::shared_ptr<const UnitSnapshot> snapshot_;
};

}  // namespace tuyenvan::org
