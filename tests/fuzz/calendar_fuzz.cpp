// Fuzzes what the monthly conference parses and writes for calendars: typed dates ("dd/mm/yyyy" or
// "yyyy-mm-dd"), months and clocks must never crash and a date read must round-trip; iCalendar TEXT
// escaping and line folding must keep every physical line within 75 octets, never split a UTF-8
// sequence of valid input, and unfold back to exactly the escaped line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "outreach/conference_status.hpp"
#include "platform/ical/ical.hpp"

namespace {

bool ValidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > text.size())
            return false;
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                return false;
        }
        i += n;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tuyenvan;
    std::string_view input(reinterpret_cast<const char*>(data), size);

    if (auto date = outreach::ReadDate(input)) {
        if (!outreach::IsDate(*date) || outreach::ReadDate(outreach::ShowDate(*date)) != date ||
            outreach::DateOfDays(outreach::DaysOf(*date)) != *date) {
            __builtin_trap();
        }
        outreach::Weekday(*date);
        outreach::AddDays(*date, 400);
    }
    if (outreach::IsMonth(input)) {
        std::string month(input);
        if (outreach::PreviousMonth(outreach::NextMonth(month)) != month || outreach::DaysInMonth(month) < 28) {
            __builtin_trap();
        }
    }
    outreach::IsClock(input);

    // The input as a CR/LF-free content line: escaped text folds without loss.
    std::string line = "DESCRIPTION:" + ical::EscapeText(input);
    if (line.find('\r') != std::string::npos || line.find('\n') != std::string::npos) {
        __builtin_trap();
    }
    std::string folded = ical::FoldLine(line);
    std::string unfolded;
    std::size_t start = 0;
    bool first = true;
    while (start < folded.size()) {
        auto end = folded.find("\r\n", start);
        if (end == std::string::npos || end - start > 75) {
            __builtin_trap();
        }
        std::string_view physical(folded.data() + start, end - start);
        if (!first) {
            if (physical.empty() || physical[0] != ' ')
                __builtin_trap();
            physical.remove_prefix(1);
        }
        if (ValidUtf8(line) && !ValidUtf8(physical)) {
            __builtin_trap();
        }
        unfolded.append(physical);
        first = false;
        start = end + 2;
    }
    if (unfolded != line) {
        __builtin_trap();
    }
    return 0;
}
