// RFC 4180 CSV reading (quoted fields, doubled quotes, CRLF or LF), with line numbers for errors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::csv {

/// One record and the line it starts on (1-based).
struct Record {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

/// The outcome of parsing a whole document.
struct Document {
    std::vector<Record> records;
    /// Set when the text is malformed: the line and a Vietnamese description.
    std::optional<std::size_t> error_line;
    std::string error;
};

/// Parses `text`; a UTF-8 byte-order mark is skipped; blank lines are skipped; at most `max_records`.
Document Parse(std::string_view text, std::size_t max_records = 100000);

}  // namespace tuyenvan::csv
