#pragma once

/// @file Random tokens, hashes, MACs and constant-time comparison (libsodium).

#include <cstddef>
#include <string>
#include <string_view>

namespace tuyenvan::security {

/// `bytes` random bytes from the OS CSPRNG (randombytes_buf) as unpadded base64url ([A-Za-z0-9_-]):
/// 32 bytes give 43 characters. Safe in URLs, cookies and file names. Empty when bytes is 0.
std::string RandomToken(std::size_t bytes = 32);

/// Lowercase hex SHA-256 (crypto_hash_sha256) of data: 64 characters.
std::string Sha256Hex(std::string_view data);

/// Lowercase hex HMAC-SHA-256 (RFC 2104, crypto_auth_hmacsha256_*) of data under key: 64 characters.
/// Any key length is accepted (keys longer than 64 bytes are hashed first, as the RFC says).
/// Used for CSRF tokens and daily salts.
std::string HmacSha256Hex(std::string_view key, std::string_view data);

/// Equality of two secrets in time that depends only on their length (sodium_memcmp), for comparing
/// tokens and MACs without a timing side channel. False at once when the lengths differ, so only compare
/// values whose length is public (hex MACs, fixed-size tokens).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace tuyenvan::security
