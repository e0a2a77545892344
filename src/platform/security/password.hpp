#pragma once

/// @file Password hashing with Argon2id (libsodium crypto_pwhash_str).

#include <string>
#include <string_view>

namespace tuyenvan::security {

/// Hashes a password with Argon2id at libsodium's INTERACTIVE limits (2 passes, 64 MiB) and a random salt,
/// returning the self-describing "$argon2id$v=19$m=65536,t=2,p=1$..." string to store. Valid UTF-8 is
/// NFC-normalised first, so a password typed with decomposed Vietnamese marks (Unikey "Unicode tổ hợp")
/// matches the same password typed precomposed; other bytes are hashed as they are. Takes about 0.1 s
/// and 64 MiB of memory: run it off the I/O threads. Throws std::runtime_error if memory runs out.
std::string HashPassword(std::string_view password);

/// True when password matches an encoded hash from HashPassword (or any Argon2 string libsodium reads).
/// False for a wrong password and for a malformed or unsupported encoded string. Costs as much as hashing.
bool VerifyPassword(std::string_view encoded, std::string_view password);

/// True when encoded should be replaced by a fresh HashPassword after the next successful sign-in: it was
/// made with other limits than today's (crypto_pwhash_str_needs_rehash, so weaker ones, and stronger ones
/// after a deliberate change of policy), with another algorithm such as Argon2i, or cannot be parsed.
bool NeedsRehash(std::string_view encoded);

}  // namespace tuyenvan::security
