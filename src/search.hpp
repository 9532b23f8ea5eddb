#pragma once
// A binary search for the short sorted lists the stages search many times over.
// Internal: not installed.

#include <cstddef>
#include <vector>

namespace reportx::detail {

/// How many of v's first elements satisfy `in` (which holds for a prefix of v): a binary
/// search whose steps select with conditional moves rather than jumps. Which half holds
/// the answer is not predictable, and a mispredicted jump costs more than a step.
template <class T, class Pred>
[[nodiscard]] std::size_t prefix_length(std::vector<T> const& v, Pred in) {
    if (v.empty()) return 0;
    std::size_t base = 0, n = v.size();  // the answer is in [base, base + n]
    while (n > 1) {
        std::size_t const half = n / 2;
        base = in(v[base + half - 1]) ? base + half : base;
        n -= half;
    }
    return in(v[base]) ? base + 1 : base;
}

}  // namespace reportx::detail
