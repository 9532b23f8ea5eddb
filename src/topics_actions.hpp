#pragma once
// Shared by the topics and actions stages (src/topics.cpp, src/actions.cpp). Internal.

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "reportx/lexicon.hpp"
#include "reportx/utf8.hpp"

namespace reportx::detail {

/// An id of `none` or `none.*`: a stop phrase, matched so that it wins, reported as nothing.
[[nodiscard]] bool is_stop_id(std::string_view id) noexcept;

using utf8::is_ascii_alnum;

/// Which texts can start an alias of the given kinds (entries with weight >= min_weight):
/// bitmaps of the first 1, 2, 3 and 4 code points of every alias (and of the whole
/// alias when it is shorter), built from the lexicon in one go (~56 KB). A scan asks
/// `may_start` before walking the trie and so skips the ~90% of Chinese characters and
/// English words that start no alias. A superset test (hashes may collide): ASCII case
/// is folded, and a white-space run stands for the alias's single space, as in the matcher.
class prefix_filter {
public:
    static constexpr int depth = 4;

    prefix_filter(lexicon const& lex, std::initializer_list<std::string_view> kinds, double min_weight = -1e300);

    /// Can an alias start with cp? (The first and cheapest test; exact.)
    [[nodiscard]] bool may_begin(char32_t cp) const noexcept { return test(first_, slot(fold(cp))); }
    /// Can an alias start at text[pos]? Reads at most `depth` code points.
    [[nodiscard]] bool may_start(std::string_view text, std::size_t pos) const noexcept;

private:
    static constexpr char32_t fold(char32_t c) noexcept {
        if (c >= 'A' && c <= 'Z') return c + 32;
        if (c == '\t' || c == '\n' || c == '\r') return ' ';
        return c;
    }
    static constexpr std::uint32_t slot(char32_t c) noexcept { return c < 0x10000 ? c : 0xFFFF; }
    static constexpr std::uint32_t mix(std::uint32_t h, char32_t c) noexcept { return (h ^ c) * 16777619u; }
    static constexpr std::uint32_t index(std::uint32_t h) noexcept { return (h * 0x9E3779B1u) >> 16; }
    static bool test(std::vector<std::uint64_t> const& v, std::uint32_t i) noexcept {
        return ((v[i >> 6] >> (i & 63)) & 1) != 0;
    }
    static void set(std::vector<std::uint64_t>& v, std::uint32_t i) { v[i >> 6] |= std::uint64_t(1) << (i & 63); }

    std::vector<std::uint64_t> first_;                 // first code point, exact (BMP)
    std::vector<std::uint64_t> prefix_[depth];         // [k]: hash of the first k+1 code points
    std::vector<std::uint64_t> whole_[depth - 1];      // [k]: hash of an alias of exactly k+1 code points
};

}  // namespace reportx::detail
