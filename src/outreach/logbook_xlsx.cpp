#include "outreach/logbook_xlsx.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <unistd.h>

namespace tuyenvan::outreach {
namespace {

// libxlsxwriter writes to a path; the file lives only while the bytes are read back.
class TempFile {
public:
    TempFile() {
        std::string pattern = (std::filesystem::temp_directory_path() / "tv-logbook-XXXXXX").string();
        std::vector<char> name(pattern.begin(), pattern.end());
        name.push_back('\0');
        int fd = mkstemp(name.data());
        if (fd < 0) {
            throw std::runtime_error("cannot create a temporary file for the spreadsheet");
        }
        close(fd);
        path_ = name.data();
    }
    ~TempFile() { std::remove(path_.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& Path() const { return path_; }

private:
    std::string path_;
};

struct Column {
    const char* header;
    double width;
};

constexpr Column kColumns[] = {
    {"STT", 6},           {"Ngày", 12},          {"Ban/Tổ tuyên vận", 28}, {"Thôn, bản", 20},
    {"Hình thức", 20},    {"Nội dung, chủ đề", 40}, {"Số hộ", 9},            {"Số người", 10},
    {"Ý kiến, kiến nghị của nhân dân", 45}, {"Hướng xử lý, theo dõi", 35}, {"Người ghi", 22},
    {"Đã duyệt", 10},     {"Nhận xét khi duyệt", 30},
};

void Check(lxw_error error) {
    if (error != LXW_NO_ERROR) {
        throw std::runtime_error(std::string("spreadsheet: ") + lxw_strerror(error));
    }
}

}  // namespace

std::string LogbookXlsx(const std::vector<LogbookEntry>& entries, const std::string& title) {
    TempFile file;
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    std::string tmpdir = std::filesystem::temp_directory_path().string();
    options.tmpdir = tmpdir.data();
    lxw_workbook* workbook = workbook_new_opt(file.Path().c_str(), &options);
    if (workbook == nullptr) {
        throw std::runtime_error("spreadsheet: cannot start the workbook");
    }
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Sổ nhật ký");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* heading = workbook_add_format(workbook);
    format_set_bold(heading);
    format_set_text_wrap(heading);
    format_set_border(heading, LXW_BORDER_THIN);
    format_set_bg_color(heading, 0xE7EEF7);
    lxw_format* date = workbook_add_format(workbook);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_format* wrap = workbook_add_format(workbook);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* number = workbook_add_format(workbook);
    format_set_num_format(number, "#,##0");

    for (lxw_col_t col = 0; col < std::size(kColumns); ++col) {
        worksheet_set_column(sheet, col, col, kColumns[col].width, nullptr);
    }
    worksheet_write_string(sheet, 0, 0, title.c_str(), bold);
    for (lxw_col_t col = 0; col < std::size(kColumns); ++col) {
        worksheet_write_string(sheet, 2, col, kColumns[col].header, heading);
    }
    worksheet_freeze_panes(sheet, 3, 0);
    lxw_row_t row = 3;
    for (const auto& entry : entries) {
        worksheet_write_number(sheet, row, 0, static_cast<double>(row - 2), nullptr);
        lxw_datetime day{std::atoi(entry.day.substr(0, 4).c_str()), std::atoi(entry.day.substr(5, 2).c_str()),
                         std::atoi(entry.day.substr(8, 2).c_str()), 0, 0, 0};
        worksheet_write_datetime(sheet, row, 1, &day, date);
        worksheet_write_string(sheet, row, 2, entry.body_name.c_str(), wrap);
        worksheet_write_string(sheet, row, 3, entry.village_name.c_str(), wrap);
        worksheet_write_string(sheet, row, 4, std::string(ActivityFormLabel(entry.form)).c_str(), wrap);
        worksheet_write_string(sheet, row, 5, entry.topic.c_str(), wrap);
        worksheet_write_number(sheet, row, 6, static_cast<double>(entry.households), number);
        worksheet_write_number(sheet, row, 7, static_cast<double>(entry.people), number);
        worksheet_write_string(sheet, row, 8, entry.opinions.c_str(), wrap);
        worksheet_write_string(sheet, row, 9, entry.follow_up.c_str(), wrap);
        worksheet_write_string(sheet, row, 10, entry.written_by.c_str(), wrap);
        worksheet_write_string(sheet, row, 11, entry.reviewed_at ? "Đã duyệt" : "Chưa duyệt", nullptr);
        worksheet_write_string(sheet, row, 12, entry.review_comment.c_str(), wrap);
        ++row;
    }
    Check(workbook_close(workbook));
    std::ifstream in(file.Path(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace tuyenvan::outreach
