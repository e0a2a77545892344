#include "platform/ical/ical.hpp"

#include <gtest/gtest.h>

namespace tuyenvan::ical {
namespace {

std::vector<std::string> PhysicalLines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find("\r\n", start);
        EXPECT_NE(end, std::string::npos) << "a line without CRLF";
        if (end == std::string::npos)
            break;
        lines.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

std::string Unfold(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

bool ValidUtf8(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
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

TEST(IcalTest, EscapesTextSpecials) {
    EXPECT_EQ(EscapeText("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
    EXPECT_EQ(EscapeText("Hội nghị: tháng 5"), "Hội nghị: tháng 5");
}

TEST(IcalTest, FoldsAt75OctetsWithoutSplittingUtf8) {
    std::string line = "DESCRIPTION:";
    for (int i = 0; i < 60; ++i)
        line += "Tuyên vận ";
    std::string folded = FoldLine(line);
    auto lines = PhysicalLines(folded);
    ASSERT_GT(lines.size(), 5u);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_LE(lines[i].size(), 75u);
        if (i > 0) {
            EXPECT_EQ(lines[i][0], ' ');
        }
        // Each physical line alone is valid UTF-8: no sequence was cut.
        EXPECT_TRUE(ValidUtf8(lines[i])) << lines[i];
    }
    EXPECT_EQ(Unfold(folded), line + "\r\n");
}

TEST(IcalTest, ShortLineIsNotFolded) {
    EXPECT_EQ(FoldLine("VERSION:2.0"), "VERSION:2.0\r\n");
}

TEST(IcalTest, UtcStamp) {
    EXPECT_EQ(UtcStamp(0), "19700101T000000Z");
    EXPECT_EQ(UtcStamp(1767225600000 + 3723000), "20260101T010203Z");
}

TEST(IcalTest, RendersEventsWithZoneSequenceAndCrlf) {
    Calendar calendar;
    calendar.name = "Hội nghị tuyên vận, Xã A Mú Sung";
    Event event;
    event.uid = "hoi-nghi-7@tuyenvan";
    event.stamp_ms = 1767225600000;
    event.start = "2026-03-31T22:30";
    event.duration_minutes = 120;
    event.summary = "Hội nghị tuyên vận tháng 03/2026; Xã A Mú Sung";
    event.location = "Hội trường UBND xã, thôn Tả Gia Khâu";
    event.sequence = 2;
    calendar.events.push_back(event);
    std::string text = Render(calendar);
    EXPECT_EQ(text.find('\n'), text.find("\r\n") + 1);
    for (const auto& line : PhysicalLines(text)) {
        EXPECT_LE(line.size(), 75u);
    }
    std::string unfolded = Unfold(text);
    EXPECT_NE(unfolded.find("BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh"), std::string::npos);
    EXPECT_NE(unfolded.find("DTSTART;TZID=Asia/Ho_Chi_Minh:20260331T223000\r\n"), std::string::npos);
    // The end crosses midnight into April.
    EXPECT_NE(unfolded.find("DTEND;TZID=Asia/Ho_Chi_Minh:20260401T003000\r\n"), std::string::npos);
    EXPECT_NE(unfolded.find("SEQUENCE:2\r\n"), std::string::npos);
    EXPECT_NE(unfolded.find("UID:hoi-nghi-7@tuyenvan\r\n"), std::string::npos);
    EXPECT_NE(unfolded.find("DTSTAMP:20260101T000000Z\r\n"), std::string::npos);
    EXPECT_NE(unfolded.find("SUMMARY:Hội nghị tuyên vận tháng 03/2026\\; Xã A Mú Sung\r\n"), std::string::npos);
    EXPECT_NE(unfolded.find("LOCATION:Hội trường UBND xã\\, thôn Tả Gia Khâu\r\n"), std::string::npos);
    EXPECT_TRUE(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    EXPECT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
}

}  // namespace
}  // namespace tuyenvan::ical
