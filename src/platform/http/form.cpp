#include "platform/http/form.hpp"

#include "platform/text/utf8.hpp"

namespace tuyenvan::http {
namespace {

// -1 for a byte that is not a hex digit.
int HexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

bool IsUnreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

}  // namespace

std::optional<std::string> PercentDecode(std::string_view s, bool plus_as_space) {
    std::string out;
    // Decoding never grows the text, so one allocation is enough.
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%') {
            if (s.size() - i < 3) {
                return std::nullopt;
            }
            const int high = HexValue(s[i + 1]);
            const int low = HexValue(s[i + 2]);
            if (high < 0 || low < 0) {
                return std::nullopt;
            }
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else if (c == '+' && plus_as_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    if (!text::IsValidUtf8(out)) {
        return std::nullopt;
    }
    return out;
}

std::string PercentEncode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if (IsUnreserved(byte)) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[byte >> 4]);
            out.push_back(kHex[byte & 0x0F]);
        }
    }
    return out;
}

const std::string* Params::Find(std::string_view name) const {
    for (const auto& [item_name, value] : items_) {
        if (item_name == name) {
            return &value;
        }
    }
    return nullptr;
}

std::string Params::Get(std::string_view name, std::string_view fallback) const {
    const std::string* value = Find(name);
    return value != nullptr ? *value : std::string(fallback);
}

std::vector<std::string> Params::GetAll(std::string_view name) const {
    std::vector<std::string> values;
    for (const auto& [item_name, value] : items_) {
        if (item_name == name) {
            values.push_back(value);
        }
    }
    return values;
}

bool Params::Has(std::string_view name) const {
    return Find(name) != nullptr;
}

void Params::Add(std::string name, std::string value) {
    items_.emplace_back(std::move(name), std::move(value));
}

const std::vector<std::pair<std::string, std::string>>& Params::Items() const {
    return items_;
}

std::size_t Params::Size() const {
    return items_.size();
}

ParamsResult ParseUrlEncoded(std::string_view body, std::size_t max_pairs, std::size_t max_bytes) {
    ParamsResult result;
    if (body.size() > max_bytes) {
        result.error = ParseError::kTooLong;
        return result;
    }
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find('&', start);
        if (end == std::string_view::npos) {
            end = body.size();
        }
        const std::string_view pair = body.substr(start, end - start);
        start = end + 1;
        if (pair.empty()) {
            continue;
        }
        if (result.params.Size() == max_pairs) {
            result.error = ParseError::kTooMany;
            return result;
        }
        const std::size_t equals = pair.find('=');
        const std::string_view raw_name = pair.substr(0, equals);
        const std::string_view raw_value =
            equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1);
        std::optional<std::string> name = PercentDecode(raw_name, true);
        std::optional<std::string> value = PercentDecode(raw_value, true);
        if (!name || !value) {
            result.error = ParseError::kMalformed;
            return result;
        }
        result.params.Add(std::move(*name), std::move(*value));
    }
    return result;
}

ParamsResult ParseQuery(std::string_view target) {
    // A fragment never reaches a server in a request target, but a '?' inside one is not a query.
    const std::size_t hash = target.find('#');
    if (hash != std::string_view::npos) {
        target = target.substr(0, hash);
    }
    const std::size_t question = target.find('?');
    if (question == std::string_view::npos) {
        return {};
    }
    return ParseUrlEncoded(target.substr(question + 1));
}

}  // namespace tuyenvan::http
