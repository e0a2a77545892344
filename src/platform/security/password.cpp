#include "platform/security/password.hpp"

#include <array>
#include <stdexcept>

#include <sodium.h>

#include "platform/security/sodium_init.hpp"
#include "platform/text/normalize.hpp"
#include "platform/text/utf8.hpp"

namespace tuyenvan::security {

namespace {

constexpr std::string_view kArgon2idPrefix = "$argon2id$";

std::string PreparePassword(std::string_view password) {
    return text::IsValidUtf8(password) ? text::ToNfc(password) : std::string(password);
}

// libsodium reads the encoded hash as a NUL-terminated string of at most crypto_pwhash_STRBYTES - 1
// characters; an embedded NUL would make it ignore the rest, so such a string is not a hash we issued.
bool FitsCString(std::string_view encoded) {
    return !encoded.empty() && encoded.size() < crypto_pwhash_STRBYTES && encoded.find('\0') == std::string_view::npos;
}

}  // namespace

std::string HashPassword(std::string_view password) {
    detail::EnsureSodiumInitialized();
    const std::string prepared = PreparePassword(password);
    std::array<char, crypto_pwhash_STRBYTES> encoded{};
    if (crypto_pwhash_str(encoded.data(), prepared.data(), prepared.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        throw std::runtime_error("security::HashPassword: crypto_pwhash_str failed (out of memory)");
    }
    return std::string(encoded.data());
}

bool VerifyPassword(std::string_view encoded, std::string_view password) {
    detail::EnsureSodiumInitialized();
    if (!FitsCString(encoded)) {
        return false;
    }
    std::array<char, crypto_pwhash_STRBYTES> terminated{};
    encoded.copy(terminated.data(), encoded.size());
    const std::string prepared = PreparePassword(password);
    return crypto_pwhash_str_verify(terminated.data(), prepared.data(), prepared.size()) == 0;
}

bool NeedsRehash(std::string_view encoded) {
    detail::EnsureSodiumInitialized();
    if (!encoded.starts_with(kArgon2idPrefix) || !FitsCString(encoded)) {
        return true;
    }
    std::array<char, crypto_pwhash_STRBYTES> terminated{};
    encoded.copy(terminated.data(), encoded.size());
    // 0: same limits; 1: different limits; -1: not a hash libsodium can parse.
    return crypto_pwhash_str_needs_rehash(terminated.data(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

}  // namespace tuyenvan::security
