#include <charconv>

#include "platform/db/database.hpp"

namespace tuyenvan::db {

void Rows::Reset(std::size_t columns) {
    columns_ = columns;
    rows_ = 0;
    cells_.clear();
    nulls_.clear();
}

void Rows::AddCell(std::optional<std::string_view> value) {
    cells_.emplace_back(value ? *value : std::string_view{});
    nulls_.push_back(!value.has_value());
    if (columns_ != 0 && cells_.size() % columns_ == 0) {
        ++rows_;
    }
}

bool Rows::IsNull(std::size_t row, std::size_t column) const { return nulls_.at(row * columns_ + column); }

std::string_view Rows::Text(std::size_t row, std::size_t column) const { return cells_.at(row * columns_ + column); }

std::int64_t Rows::Int(std::size_t row, std::size_t column) const {
    if (IsNull(row, column)) {
        return 0;
    }
    std::string_view text = Text(row, column);
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size()) {
        // PostgreSQL prints numeric aggregates such as SUM() with a fraction part.
        double real = Real(row, column);
        return static_cast<std::int64_t>(real);
    }
    return value;
}

double Rows::Real(std::size_t row, std::size_t column) const {
    if (IsNull(row, column)) {
        return 0;
    }
    std::string text(Text(row, column));
    try {
        return std::stod(text);
    } catch (const std::exception&) {
        throw Error(ErrorKind::kOther, "not a number: " + text);
    }
}

std::optional<std::int64_t> Rows::OptInt(std::size_t row, std::size_t column) const {
    if (IsNull(row, column)) {
        return std::nullopt;
    }
    return Int(row, column);
}

bool IsPostgresTarget(std::string_view target) {
    return target.starts_with("postgresql://") || target.starts_with("postgres://");
}

}  // namespace tuyenvan::db
