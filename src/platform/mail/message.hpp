// E-mail messages as RFC 5322 / MIME text: UTF-8 headers encoded per RFC 2047, a base64 UTF-8 body,
// and refusal of anything that could inject a header (CR, LF, NUL in addresses, names, subjects).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tuyenvan::mail {

/// An address, name or subject that cannot go into a message; the text is Vietnamese, for people.
class InvalidMessage : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// One message to build: a single sender and a single recipient, plain text.
struct Message {
    std::string from_address;
    std::string from_name;
    std::string to_address;
    std::string to_name;
    std::string subject;
    /// Plain text; line ends may be LF or CRLF.
    std::string body;
    /// The Date header, UTC epoch milliseconds (shown at UTC+7, Việt Nam).
    std::int64_t date_ms = 0;
    /// Without angle brackets: "outbox-12.1700000000000@example.vn".
    std::string message_id;
};

/// True for a plain addr-spec (local@domain.tld) of printable ASCII without white space, quotes,
/// angle brackets or other characters that would need quoting, at most 254 bytes.
bool IsValidAddress(std::string_view address);

/// Throws InvalidMessage when `address` is not IsValidAddress; `what` names the field in the message.
void CheckAddress(std::string_view address, std::string_view what);

/// Throws InvalidMessage when `text` (a subject or display name) holds CR, LF, NUL or other control
/// characters, is not valid UTF-8, or is longer than `max_bytes`.
void CheckHeaderText(std::string_view text, std::string_view what, std::size_t max_bytes = 998);

/// Throws InvalidMessage when a body is not valid UTF-8 or holds NUL.
void CheckBody(std::string_view body);

/// The whole message with CRLF line ends, ready for SMTP DATA; throws InvalidMessage.
std::string Build(const Message& message);

/// `text` as RFC 2047 encoded words ("=?UTF-8?B?…?=") separated by CRLF SP folding, each at most
/// 75 characters and never splitting a UTF-8 sequence; pure printable ASCII comes back as it is.
std::string EncodeHeaderText(std::string_view text);

/// Decodes RFC 2047 encoded words (B and Q, UTF-8) in an unfolded or folded header value.
std::string DecodeHeaderText(std::string_view value);

/// Standard base64 with padding, no line breaks.
std::string Base64Encode(std::string_view bytes);
/// Decodes base64, skipping CR, LF and spaces; throws InvalidMessage on other foreign characters.
std::string Base64Decode(std::string_view text);

/// The RFC 5322 date of `epoch_ms` at UTC+7: "Fri, 27 Nov 2026 06:46:00 +0700".
std::string FormatDate(std::int64_t epoch_ms);

}  // namespace tuyenvan::mail
