#include "platform/mail/message.hpp"

#include <array>
#include <chrono>
#include <cstdio>

namespace tuyenvan::mail {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// Bytes of text per encoded word: 39 bytes make 52 base64 characters, a 64-character word, so
// "Subject: " and the first word stay within the 78 characters RFC 5322 recommends.
constexpr std::size_t kWordBytes = 39;

bool IsPrintableAscii(std::string_view text) {
    for (unsigned char c : text) {
        if (c < 0x20 || c > 0x7e) {
            return false;
        }
    }
    return true;
}

// Length of the UTF-8 sequence that starts with `lead`; 1 for anything else, so a cut never loops.
std::size_t SequenceLength(unsigned char lead) {
    if (lead >= 0xf0) return 4;
    if (lead >= 0xe0) return 3;
    if (lead >= 0xc0) return 2;
    return 1;
}

// Strict enough for UTF-8 in headers: well-formed sequences, no overlong forms of ASCII.
bool IsUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : lead < 0xc2 ? 0 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 0;
        if (length == 0 || i + length > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) {
                return false;
            }
        }
        i += length;
    }
    return true;
}

std::string QuotedName(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

std::string Mailbox(std::string_view name, std::string_view address) {
    if (name.empty()) {
        return "<" + std::string(address) + ">";
    }
    std::string shown = IsPrintableAscii(name) ? QuotedName(name) : EncodeHeaderText(name);
    return shown + " <" + std::string(address) + ">";
}

std::string CrlfBody(std::string_view body) {
    std::string out;
    out.reserve(body.size() + body.size() / 40);
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '\r') {
            out += "\r\n";
            if (i + 1 < body.size() && body[i + 1] == '\n') {
                ++i;
            }
        } else if (body[i] == '\n') {
            out += "\r\n";
        } else {
            out += body[i];
        }
    }
    return out;
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// Decodes one "=?charset?enc?text?=" word at `pos`; nothing when it is not one.
bool DecodeWord(std::string_view value, std::size_t pos, std::string& out, std::size_t& end) {
    if (value.substr(pos, 2) != "=?") {
        return false;
    }
    auto q1 = value.find('?', pos + 2);
    if (q1 == std::string_view::npos || q1 + 2 >= value.size() || value[q1 + 2] != '?') {
        return false;
    }
    auto close = value.find("?=", q1 + 3);
    if (close == std::string_view::npos) {
        return false;
    }
    char encoding = value[q1 + 1];
    std::string_view text = value.substr(q1 + 3, close - q1 - 3);
    if (encoding == 'B' || encoding == 'b') {
        try {
            out += Base64Decode(text);
        } catch (const InvalidMessage&) {
            return false;
        }
    } else if (encoding == 'Q' || encoding == 'q') {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '_') {
                out += ' ';
            } else if (text[i] == '=' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
                       HexValue(text[i + 2]) >= 0) {
                out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
                i += 2;
            } else {
                out += text[i];
            }
        }
    } else {
        return false;
    }
    end = close + 2;
    return true;
}

}  // namespace

bool IsValidAddress(std::string_view address) {
    if (address.empty() || address.size() > 254) {
        return false;
    }
    auto at = address.find('@');
    if (at == 0 || at == std::string_view::npos || at > 64 || address.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    std::string_view local = address.substr(0, at);
    std::string_view domain = address.substr(at + 1);
    for (char c : local) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
        if (!ok) {
            return false;
        }
    }
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
        return false;
    }
    if (domain.empty() || domain.front() == '.' || domain.back() == '.' || domain.front() == '-' ||
        domain.find("..") != std::string_view::npos) {
        return false;
    }
    for (char c : domain) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        if (!ok) {
            return false;
        }
    }
    return true;
}

void CheckAddress(std::string_view address, std::string_view what) {
    if (address.find_first_of("\r\n") != std::string_view::npos || address.find('\0') != std::string_view::npos) {
        throw InvalidMessage("Địa chỉ thư điện tử " + std::string(what) +
                             " chứa ký tự xuống dòng; thư không được tạo để tránh chèn tiêu đề giả.");
    }
    if (!IsValidAddress(address)) {
        throw InvalidMessage("Địa chỉ thư điện tử " + std::string(what) +
                             " không hợp lệ (cần dạng ten@ten-mien.vn, không dấu, không khoảng trắng).");
    }
}

void CheckHeaderText(std::string_view text, std::string_view what, std::size_t max_bytes) {
    for (unsigned char c : text) {
        if (c == '\r' || c == '\n') {
            throw InvalidMessage(std::string(what) +
                                 " chứa ký tự xuống dòng; thư không được tạo để tránh chèn tiêu đề giả.");
        }
        if (c < 0x20 || c == 0x7f) {
            throw InvalidMessage(std::string(what) + " chứa ký tự điều khiển không được phép.");
        }
    }
    if (!IsUtf8(text)) {
        throw InvalidMessage(std::string(what) + " không phải văn bản UTF-8 hợp lệ.");
    }
    if (text.size() > max_bytes) {
        throw InvalidMessage(std::string(what) + " quá dài.");
    }
}

void CheckBody(std::string_view body) {
    if (!IsUtf8(body) || body.find('\0') != std::string_view::npos) {
        throw InvalidMessage("Nội dung thư không phải văn bản UTF-8 hợp lệ.");
    }
}

std::string EncodeHeaderText(std::string_view text) {
    if (IsPrintableAscii(text) && text.find("=?") == std::string_view::npos) {
        return std::string(text);
    }
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = pos;
        while (end < text.size()) {
            std::size_t next = end + SequenceLength(static_cast<unsigned char>(text[end]));
            if (next - pos > kWordBytes || next > text.size()) {
                break;
            }
            end = next;
        }
        if (end == pos) {
            end = std::min(text.size(), pos + 1);
        }
        if (!out.empty()) {
            out += "\r\n ";
        }
        out += "=?UTF-8?B?" + Base64Encode(text.substr(pos, end - pos)) + "?=";
        pos = end;
    }
    return out;
}

std::string DecodeHeaderText(std::string_view value) {
    std::string out;
    std::string pending_space;
    bool after_word = false;
    std::size_t i = 0;
    while (i < value.size()) {
        char c = value[i];
        if (c == '\r' || c == '\n') {
            ++i;
            continue;
        }
        if (c == ' ' || c == '\t') {
            pending_space += c;
            ++i;
            continue;
        }
        std::string word;
        std::size_t end = 0;
        if (DecodeWord(value, i, word, end)) {
            // White space between two encoded words is not part of the text (RFC 2047, 6.2).
            if (!after_word) {
                out += pending_space;
            }
            out += word;
            pending_space.clear();
            after_word = true;
            i = end;
            continue;
        }
        out += pending_space;
        pending_space.clear();
        out += c;
        after_word = false;
        ++i;
    }
    return out + pending_space;
}

std::string Base64Encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        std::uint32_t v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                          static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    if (std::size_t rest = bytes.size() - i; rest > 0) {
        std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) {
            v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        }
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string Base64Decode(std::string_view text) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '\r' || c == '\n' || c == ' ' || c == '\t') {
            continue;
        }
        if (c == '=') {
            break;
        }
        auto index = kAlphabet.find(c);
        if (index == std::string_view::npos) {
            throw InvalidMessage("Dữ liệu base64 không hợp lệ.");
        }
        buffer = (buffer << 6) | static_cast<std::uint32_t>(index);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

std::string FormatDate(std::int64_t epoch_ms) {
    using namespace std::chrono;
    // Việt Nam keeps UTC+7 all year round.
    sys_seconds local{seconds(epoch_ms / 1000 + 7 * 3600)};
    auto day = floor<days>(local);
    year_month_day date{day};
    hh_mm_ss time{local - day};
    static constexpr std::array<const char*, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char out[64];
    std::snprintf(out, sizeof out, "%s, %02u %s %d %02d:%02d:%02d +0700",
                  kWeekdays[weekday{day}.c_encoding()], static_cast<unsigned>(date.day()),
                  kMonths[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return out;
}

std::string Build(const Message& message) {
    CheckAddress(message.from_address, "người gửi");
    CheckAddress(message.to_address, "người nhận");
    CheckHeaderText(message.from_name, "Tên người gửi", 200);
    CheckHeaderText(message.to_name, "Tên người nhận", 200);
    CheckHeaderText(message.subject, "Tiêu đề thư", 600);
    CheckHeaderText(message.message_id, "Mã thư", 200);
    CheckBody(message.body);
    if (message.message_id.find_first_of("<> ") != std::string::npos || message.message_id.find('@') == std::string::npos) {
        throw InvalidMessage("Mã thư (Message-ID) không hợp lệ.");
    }
    std::string out;
    out += "Date: " + FormatDate(message.date_ms) + "\r\n";
    out += "From: " + Mailbox(message.from_name, message.from_address) + "\r\n";
    out += "To: " + Mailbox(message.to_name, message.to_address) + "\r\n";
    out += "Subject: " + EncodeHeaderText(message.subject) + "\r\n";
    out += "Message-ID: <" + message.message_id + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "\r\n";
    std::string encoded = Base64Encode(CrlfBody(message.body));
    for (std::size_t i = 0; i < encoded.size(); i += 76) {
        out.append(encoded, i, 76);
        out += "\r\n";
    }
    return out;
}

}  // namespace tuyenvan::mail
