// The logbook as a spreadsheet (XLSX), written with libxlsxwriter.
#pragma once

#include <string>
#include <vector>

#include "outreach/logbook_model.hpp"

namespace tuyenvan::outreach {

/// The bytes of an XLSX workbook with one sheet "Sổ nhật ký": a title row, Vietnamese column headers and one
/// row per entry, days as real dates shown dd/mm/yyyy. Throws std::runtime_error when the file cannot be made.
std::string LogbookXlsx(const std::vector<LogbookEntry>& entries, const std::string& title);

}  // namespace tuyenvan::outreach
