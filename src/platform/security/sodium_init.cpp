#include "platform/security/sodium_init.hpp"

#include <stdexcept>

#include <sodium.h>

namespace tuyenvan::security::detail {

void EnsureSodiumInitialized() {
    // A function-local static runs sodium_init() exactly once even under concurrent first calls;
    // it returns 1 when something else in the process initialised libsodium already, which is fine.
    static const int result = sodium_init();
    if (result < 0) {
        throw std::runtime_error("security: sodium_init() failed");
    }
}

}  // namespace tuyenvan::security::detail
