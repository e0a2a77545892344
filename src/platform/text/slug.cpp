#include "platform/text/slug.hpp"

#include "platform/text/fold.hpp"

namespace tuyenvan::text {

namespace {

bool IsSlugCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string Slug(std::string_view utf8) {
    const std::string folded = Fold(utf8);
    std::string slug;
    slug.reserve(folded.size());
    bool pending_dash = false;
    for (const char c : folded) {
        if (!IsSlugCharacter(c)) {
            pending_dash = !slug.empty();
            continue;
        }
        if (pending_dash) {
            slug.push_back('-');
            pending_dash = false;
        }
        slug.push_back(c);
    }
    if (slug.size() > kMaxSlugBytes) {
        // rfind from kMaxSlugBytes also accepts a '-' just past the limit, which makes a clean cut there.
        const std::size_t dash = slug.rfind('-', kMaxSlugBytes);
        const bool keeps_enough = dash != std::string::npos && dash >= kMaxSlugBytes / 2;
        slug.resize(keeps_enough ? dash : kMaxSlugBytes);
    }
    return slug;
}

}  // namespace tuyenvan::text
