// Fuzzes ParseUrlEncoded and PercentDecode/PercentEncode: every decoded name and value must be valid
// UTF-8, re-encode and decode back to itself, and the limits must hold.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/http/form.hpp"
#include "platform/text/utf8.hpp"

namespace {

using tuyenvan::http::PercentDecode;
using tuyenvan::http::PercentEncode;

void CheckRoundTrip(const std::string& decoded) {
    if (!tuyenvan::text::IsValidUtf8(decoded)) {
        __builtin_trap();
    }
    const std::string encoded = PercentEncode(decoded);
    if (PercentDecode(encoded, true) != decoded || PercentDecode(encoded, false) != decoded) {
        __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    for (const bool plus_as_space : {true, false}) {
        if (const std::optional<std::string> decoded = PercentDecode(input, plus_as_space)) {
            if (decoded->size() > input.size()) {
                __builtin_trap();
            }
            CheckRoundTrip(*decoded);
        }
    }

    constexpr std::size_t kMaxPairs = 64;
    constexpr std::size_t kMaxBytes = 4096;
    const tuyenvan::http::ParamsResult result =
        tuyenvan::http::ParseUrlEncoded(input, kMaxPairs, kMaxBytes);
    const tuyenvan::http::Params& params = result.params;
    if (params.Size() > kMaxPairs || params.Items().size() != params.Size()) {
        __builtin_trap();
    }
    if ((input.size() > kMaxBytes) != (result.error == tuyenvan::http::ParseError::kTooLong)) {
        __builtin_trap();
    }
    std::size_t decoded_bytes = 0;
    for (const auto& [name, value] : params.Items()) {
        CheckRoundTrip(name);
        CheckRoundTrip(value);
        decoded_bytes += name.size() + value.size();
        // Find returns the first pair with the name.
        const std::string* found = params.Find(name);
        if (found == nullptr || !params.Has(name) || params.GetAll(name).empty() ||
            *found != params.GetAll(name).front()) {
            __builtin_trap();
        }
    }
    if (decoded_bytes > input.size()) {
        __builtin_trap();
    }
    // Re-encoding every pair and parsing again gives the same pairs.
    if (!result.error) {
        std::string reencoded;
        for (const auto& [name, value] : params.Items()) {
            reencoded += PercentEncode(name);
            reencoded += '=';
            reencoded += PercentEncode(value);
            reencoded += '&';
        }
        const tuyenvan::http::ParamsResult again =
            tuyenvan::http::ParseUrlEncoded(reencoded, kMaxPairs, 4 * kMaxBytes);
        if (again.error || again.params.Items() != params.Items()) {
            __builtin_trap();
        }
    }
    return 0;
}
