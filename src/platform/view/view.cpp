#include "platform/view/view.hpp"

#include "platform/text/html.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace tuyenvan::view {
namespace {

std::atomic<std::uint64_t> next_view_id{1};

std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

std::shared_ptr<const std::string> FragmentCache::Find(const std::string& key) const {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(key);
    return found == entries_.end() ? nullptr : found->second;
}

void FragmentCache::Store(const std::string& key, std::string html) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_) {
        entries_.clear();
    }
    entries_[key] = std::make_shared<const std::string>(std::move(html));
}

View::View(const std::string& directory) : id_(next_view_id++) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(directory)) {
        throw std::runtime_error("template folder not found: " + directory);
    }
    for (const auto& entry : fs::recursive_directory_iterator(directory)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".mustache") {
            continue;
        }
        auto relative = fs::relative(entry.path(), directory);
        relative.replace_extension();
        raw_.emplace(relative.generic_string(), ReadFile(entry.path()));
    }
    for (const auto& [name, text] : raw_) {
        std::string expanded = Expand(text, 0);
        kainjow::mustache::mustache check(expanded);
        if (!check.is_valid()) {
            throw std::runtime_error("template " + name + ": " + check.error_message());
        }
        sources_.emplace(name, std::move(expanded));
    }
}

std::string View::Expand(const std::string& text, int depth) const {
    if (depth > 8) {
        throw std::runtime_error("partials nest too deeply");
    }
    std::string out;
    std::size_t position = 0;
    for (;;) {
        std::size_t open = text.find("{{>", position);
        if (open == std::string::npos) {
            out.append(text, position);
            return out;
        }
        std::size_t close = text.find("}}", open);
        if (close == std::string::npos) {
            throw std::runtime_error("unterminated partial tag");
        }
        out.append(text, position, open - position);
        std::string name = text.substr(open + 3, close - open - 3);
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        auto found = raw_.find(name);
        if (found == raw_.end()) {
            throw std::runtime_error("unknown partial: " + name);
        }
        out += Expand(found->second, depth + 1);
        position = close + 2;
    }
}

std::string View::Render(const std::string& name, const Data& data) const {
    thread_local std::unordered_map<std::string, std::unique_ptr<kainjow::mustache::mustache>> compiled;
    std::string key = std::to_string(id_) + ":" + name;
    auto found = compiled.find(key);
    if (found == compiled.end()) {
        auto source = sources_.find(name);
        if (source == sources_.end()) {
            throw std::out_of_range("unknown template: " + name);
        }
        auto engine = std::make_unique<kainjow::mustache::mustache>(source->second);
        engine->set_custom_escape([](const std::string& text) { return text::EscapeHtml(text); });
        found = compiled.emplace(key, std::move(engine)).first;
    }
    std::string out;
    out.reserve(16 * 1024);
    found->second->render(data, [&out](const std::string& chunk) { out += chunk; });
    return out;
}

}  // namespace tuyenvan::view
