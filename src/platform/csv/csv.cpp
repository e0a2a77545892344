#include "platform/csv/csv.hpp"

namespace tuyenvan::csv {

Document Parse(std::string_view text, std::size_t max_records) {
    Document document;
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    std::size_t i = 0;
    std::size_t line = 1;
    auto fail = [&](std::size_t at, std::string message) {
        document.error_line = at;
        document.error = std::move(message);
        document.records.clear();
        return document;
    };
    while (i < text.size()) {
        Record record;
        record.line = line;
        std::string field;
        bool blank = true;
        for (;;) {
            if (i < text.size() && text[i] == '"') {
                blank = false;
                ++i;
                for (;;) {
                    if (i >= text.size()) {
                        return fail(record.line, "dấu ngoặc kép chưa được đóng");
                    }
                    char c = text[i++];
                    if (c == '"') {
                        if (i < text.size() && text[i] == '"') {
                            field += '"';
                            ++i;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        ++line;
                    }
                    field += c;
                }
                if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    return fail(line, "ký tự thừa sau trường trong ngoặc kép");
                }
            } else {
                while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    if (text[i] == '"') {
                        return fail(line, "dấu ngoặc kép giữa trường không có ngoặc");
                    }
                    field += text[i++];
                    blank = false;
                }
            }
            record.fields.push_back(std::move(field));
            field.clear();
            if (i < text.size() && text[i] == ',') {
                blank = false;
                ++i;
                continue;
            }
            break;
        }
        if (i < text.size() && text[i] == '\r') {
            ++i;
        }
        if (i < text.size() && text[i] == '\n') {
            ++i;
        }
        ++line;
        if (blank) {
            continue;
        }
        if (document.records.size() >= max_records) {
            return fail(record.line, "tệp có quá nhiều dòng");
        }
        document.records.push_back(std::move(record));
    }
    return document;
}

}  // namespace tuyenvan::csv
