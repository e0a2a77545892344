#include "outreach/supervision_demo.hpp"

#include <algorithm>
#include <map>

#include "outreach/supervision_service.hpp"
#include "outreach/supervision_store.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::outreach {

SupervisionDemoReport LoadSupervisionDemo(db::Database& database, std::int64_t now_ms) {
    SupervisionDemoReport report;
    std::string today = text::FormatIsoDate(now_ms);
    database.Write([&](db::Connection& c) {
        if (c.Query("SELECT (SELECT COUNT(*) FROM outreach_reminders) + (SELECT COUNT(*) FROM outreach_reprimands)")
                .Int(0, 0) > 0) {
            return;
        }
        auto root = c.Query("SELECT id FROM units WHERE level = 'province' AND parent_id IS NULL ORDER BY id LIMIT 1");
        if (root.Size() == 0) {
            return;
        }
        std::vector<std::string> months;
        std::string month = today.substr(0, 7);
        for (int i = 0; i < 24; ++i) {
            month = PreviousMonth(month);
            months.insert(months.begin(), month);
        }
        SupervisionStore store;
        std::map<std::int64_t, int> not_held;
        for (const auto& line : StatusGrid(c, root.Int(0, 0), months, today)) {
            auto head = store.CurrentHead(c, line.commune.id);
            for (const auto& cell : line.cells) {
                auto status = cell.status.status;
                if (status != ConferenceStatus::kHeldLate && status != ConferenceStatus::kHeldWithoutRecord &&
                    status != ConferenceStatus::kNotHeld) {
                    continue;
                }
                // Deterministic picks from the commune and the month.
                std::int64_t pick = (line.commune.id * 7919 + std::stoi(cell.month.substr(5, 2)) * 31 +
                                     std::stoi(cell.month.substr(0, 4))) %
                                    10;
                std::int64_t sent_at = text::ParseIsoDate(NextMonth(cell.month) + "-03").value_or(now_ms) + 2 * 3600000;
                if (pick < 5) {
                    Reminder reminder;
                    reminder.unit_id = line.commune.id;
                    reminder.month = cell.month;
                    reminder.reason =
                        status == ConferenceStatus::kNotHeld ? "Xã không tổ chức hội nghị tuyên vận tháng " +
                                                                   ShowMonth(cell.month) + ". Đề nghị báo cáo lý do."
                        : status == ConferenceStatus::kHeldWithoutRecord
                            ? "Đề nghị nộp biên bản hội nghị tuyên vận tháng " + ShowMonth(cell.month) + " ngay."
                            : "Hội nghị tuyên vận tháng " + ShowMonth(cell.month) +
                                  " tổ chức muộn so với lịch. Đề nghị rút kinh nghiệm.";
                    reminder.sent_by = "huyenuy.demo";
                    reminder.sent_at = sent_at;
                    reminder.recipients = 1;
                    store.InsertReminder(c, reminder, "");
                    ++report.reminders;
                }
                if (status == ConferenceStatus::kNotHeld && (++not_held[line.commune.id] == 3 || pick < 3)) {
                    Reprimand reprimand;
                    reprimand.unit_id = line.commune.id;
                    reprimand.kind = not_held[line.commune.id] == 3 ? ReprimandKind::kPheBinh : ReprimandKind::kNhacNho;
                    if (head) {
                        reprimand.person_id = head->first;
                        reprimand.person_name = head->second;
                    }
                    reprimand.reason = "Không tổ chức hội nghị tuyên vận tháng " + ShowMonth(cell.month) + ".";
                    if (reprimand.kind == ReprimandKind::kPheBinh) {
                        reprimand.document_number = std::to_string(10 + pick) + "-TB/HU";
                    }
                    reprimand.decided_on = std::min(NextMonth(cell.month) + "-10", today);
                    reprimand.month = cell.month;
                    reprimand.recorded_by = "huyenuy.demo";
                    reprimand.recorded_at = sent_at + 7 * 86400000LL;
                    store.InsertReprimand(c, reprimand, "");
                    ++report.reprimands;
                }
            }
        }
    });
    return report;
}

}  // namespace tuyenvan::outreach
