#include "platform/security/crypto.hpp"

#include <array>
#include <vector>

#include <sodium.h>

#include "platform/security/sodium_init.hpp"

namespace tuyenvan::security {

namespace {

// libsodium takes unsigned char pointers; an empty string_view may hold a null pointer, which the C
// functions must not receive even with length 0.
const unsigned char* Bytes(std::string_view s) {
    static constexpr unsigned char kNoBytes = 0;
    return s.empty() ? &kNoBytes : reinterpret_cast<const unsigned char*>(s.data());
}

template <std::size_t N>
std::string ToHex(const std::array<unsigned char, N>& bin) {
    std::array<char, N * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bin.data(), bin.size());
    return std::string(hex.data(), N * 2);
}

}  // namespace

std::string RandomToken(std::size_t bytes) {
    detail::EnsureSodiumInitialized();
    if (bytes == 0) {
        return {};
    }
    std::vector<unsigned char> random(bytes);
    randombytes_buf(random.data(), random.size());
    constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::vector<char> encoded(sodium_base64_ENCODED_LEN(bytes, kVariant));
    sodium_bin2base64(encoded.data(), encoded.size(), random.data(), random.size(), kVariant);
    sodium_memzero(random.data(), random.size());
    return std::string(encoded.data());
}

std::string Sha256Hex(std::string_view data) {
    detail::EnsureSodiumInitialized();
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), Bytes(data), data.size());
    return ToHex(digest);
}

std::string HmacSha256Hex(std::string_view key, std::string_view data) {
    detail::EnsureSodiumInitialized();
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, Bytes(key), key.size());
    crypto_auth_hmacsha256_update(&state, Bytes(data), data.size());
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    crypto_auth_hmacsha256_final(&state, mac.data());
    // The state holds key-derived pads; wipe them rather than leave them on the stack.
    sodium_memzero(&state, sizeof(state));
    return ToHex(mac);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    detail::EnsureSodiumInitialized();
    if (a.size() != b.size()) {
        return false;
    }
    if (a.empty()) {
        return true;
    }
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tuyenvan::security
