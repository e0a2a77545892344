// Fuzzes ParseQuery: the pairs must be those of the text between the first '?' and the first '#',
// all valid UTF-8, within the default limits.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "platform/http/form.hpp"
#include "platform/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view target(reinterpret_cast<const char*>(data), size);
    const tuyenvan::http::ParamsResult result = tuyenvan::http::ParseQuery(target);
    if (result.params.Size() > 1000) {
        __builtin_trap();
    }
    for (const auto& [name, value] : result.params.Items()) {
        if (!tuyenvan::text::IsValidUtf8(name) || !tuyenvan::text::IsValidUtf8(value)) {
            __builtin_trap();
        }
    }

    const std::string_view before_fragment = target.substr(0, target.find('#'));
    const std::size_t question = before_fragment.find('?');
    if (question == std::string_view::npos) {
        if (result.params.Size() != 0 || result.error) {
            __builtin_trap();
        }
        return 0;
    }
    const tuyenvan::http::ParamsResult direct =
        tuyenvan::http::ParseUrlEncoded(before_fragment.substr(question + 1));
    if (direct.error != result.error || direct.params.Items() != result.params.Items()) {
        __builtin_trap();
    }
    return 0;
}
