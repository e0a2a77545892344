// Mustache templates from files that a designer edits; partials are inlined when loaded, so a
// render parses nothing. Each thread keeps its own compiled copy (the engine's render is not const).
#pragma once

#include <kainjow/mustache.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <string>

namespace tuyenvan::view {

/// The data a template renders.
using Data = kainjow::mustache::data;
/// A list in template data.
using List = kainjow::mustache::data;

/// A loaded set of templates.
class View {
public:
    /// Loads every `*.mustache` below `directory`; names are relative paths without the extension
    /// ("org/units"). Throws std::runtime_error on a missing directory or a template with errors.
    explicit View(const std::string& directory);

    /// Renders a template; throws std::out_of_range for an unknown name.
    std::string Render(const std::string& name, const Data& data) const;
    /// True when the template exists.
    bool Has(const std::string& name) const { return sources_.contains(name); }

private:
    std::string Expand(const std::string& text, int depth) const;
    std::uint64_t id_;
    std::map<std::string, std::string> raw_;
    std::map<std::string, std::string> sources_;
};

/// Rendered fragments keyed by everything they depend on (including a data version), so an entry
/// is never stale: a change gives a new key. Bounded: when full, it starts over.
class FragmentCache {
public:
    explicit FragmentCache(std::size_t capacity = 2048) : capacity_(capacity) {}
    /// The fragment for `key`, or nothing.
    std::shared_ptr<const std::string> Find(const std::string& key) const;
    /// Stores a fragment.
    void Store(const std::string& key, std::string html);

private:
    std::size_t capacity_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<const std::string>> entries_;
};


/// A new empty list for template data.
inline List MakeList() { return List{kainjow::mustache::data::type::list}; }

/// Appends to a list without copying `item` (the engine's own push_back copies every nested map).
inline void Append(List& list, Data&& item) {
    // The list is ours and mutable; the engine only lacks a non-const accessor.
    const_cast<kainjow::mustache::list&>(list.list_value()).push_back(std::move(item));
}

}  // namespace tuyenvan::view
