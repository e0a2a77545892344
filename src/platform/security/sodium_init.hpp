#pragma once

/// @file One-time libsodium initialisation shared by this library's functions.

namespace tuyenvan::security::detail {

/// Calls sodium_init() once per process (thread-safe); throws std::runtime_error if libsodium cannot start,
/// for example when no entropy source is available.
void EnsureSodiumInitialized();

}  // namespace tuyenvan::security::detail
