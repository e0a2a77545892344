// Fuzzes the CSV reader used by `tuyenvan import-units`: no crash, and either an error with a line
// number inside the text or records whose line numbers never go backwards.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "platform/csv/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto document = tuyenvan::csv::Parse(text, 1000);
    // A line ends at LF, CRLF or a lone CR.
    std::size_t lines = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) ? 1 : 0;
    }
    if (document.error_line) {
        if (*document.error_line == 0 || *document.error_line > lines + 1 || !document.records.empty()) {
            __builtin_trap();
        }
        return 0;
    }
    std::size_t previous = 0;
    for (const auto& record : document.records) {
        if (record.line <= previous || record.line > lines || record.fields.empty()) {
            __builtin_trap();
        }
        previous = record.line;
    }
    return 0;
}
