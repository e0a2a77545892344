#pragma once

/// @file Vietnamese display formats for dates and numbers, and parsing of dates typed into forms.
///
/// Every date is a calendar date in the time zone "Asia/Ho_Chi_Minh" from ICU's zone data: UTC+7 today,
/// no DST, but with its history, which is South Vietnam's: UTC+8 in 1943-1945, 1947-1955 and from 1960 to
/// 13/06/1975 (UTC+9 in 1945). Instants in those years show one or two hours later than a fixed UTC+7, e.g.
/// epoch 0 is "08:00 01/01/1970"; dates parsed and shown by these functions still round-trip exactly.
/// Instants are UTC epoch milliseconds. Years 1-9999 of the proleptic Gregorian calendar are supported.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tuyenvan::text {

/// The IANA zone every date in this file is shown and parsed in.
inline constexpr std::string_view kTimeZoneId = "Asia/Ho_Chi_Minh";

/// Local date "dd/mm/yyyy", e.g. "05/03/2020"; empty when the instant is outside years 1-9999.
std::string FormatDate(std::int64_t epoch_ms);

/// Local 24-hour time and date "HH:MM dd/mm/yyyy", e.g. "14:07 05/03/2020"; empty outside years 1-9999.
std::string FormatDateTime(std::int64_t epoch_ms);

/// Local date in ISO form "yyyy-mm-dd", as <input type=date> expects; empty outside years 1-9999.
std::string FormatIsoDate(std::int64_t epoch_ms);

/// Integer with '.' between groups of three digits, as Vietnamese writes it: "1.234.567", "-12", "0".
std::string FormatNumber(std::int64_t n);

/// Parses "dd/mm/yyyy" or the unpadded "d/m/yyyy" (year always four digits, surrounding ASCII spaces
/// ignored) and returns the epoch ms of the start of that local day (local midnight; the first instant
/// of the day if a clock change skipped midnight). std::nullopt when the text is not such a date or the
/// date does not exist (31/02/2020, 00/01/2020, 29/02/2019, year 0000).
std::optional<std::int64_t> ParseDate(std::string_view dd_mm_yyyy);

/// Parses ISO "yyyy-mm-dd" (exactly that shape, as <input type=date> sends it) like ParseDate.
std::optional<std::int64_t> ParseIsoDate(std::string_view yyyy_mm_dd);

}  // namespace tuyenvan::text
