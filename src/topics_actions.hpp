#pragma once
// Shared by the topics and actions stages (src/topics.cpp, src/actions.cpp). Internal.

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "reportx/lexicon.hpp"

namespace reportx::detail {

/// An id of `none` or `none.*`: a stop phrase, matched so that it wins, reported as nothing.
[[nodiscard]] bool is_stop_id(std::string_view id) noexcept;

constexpr bool is_ascii_alnum(unsigned char c) noexcept {
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/// Which code points can start an alias of the given kinds (only entries with
/// weight >= min_weight), and which pairs of first two code points: bitmaps built from
/// the lexicon in one go (16 KB). A scan asks `may_start` before walking the trie, and
/// skips the ~97% of Chinese characters and most English words no alias starts with.
/// A superset test: ASCII case is folded, a space stands for any white space.
class first_filter {
public:
    first_filter(lexicon const& lex, std::initializer_list<std::string_view> kinds, double min_weight = -1e300);

    /// Can an alias start with cp? (The first, cheapest test.)
    [[nodiscard]] bool may_begin(char32_t cp) const noexcept { return test(first_, fold(cp)); }
    /// cp: the code point at the position; next: the one after it (0 at the end).
    [[nodiscard]] bool may_start(char32_t cp, char32_t next) const noexcept {
        cp = fold(cp);
        if (!test(first_, cp)) return false;
        return test(single_, cp) || test(pairs_, pair(cp, fold(next)));
    }

private:
    static constexpr char32_t fold(char32_t c) noexcept {
        if (c >= 'A' && c <= 'Z') return c + 32;
        if (c == '\t' || c == '\n' || c == '\r') return ' ';
        return c;
    }
    static constexpr std::uint32_t slot(char32_t c) noexcept { return c < 0x10000 ? c : 0xFFFF; }
    static constexpr std::uint32_t pair(char32_t a, char32_t b) noexcept {
        return (std::uint32_t(a) * 0x9E3779B1u ^ std::uint32_t(b) * 0x85EBCA77u) >> 16;
    }
    static bool test(std::vector<std::uint64_t> const& v, std::uint32_t i) noexcept {
        i = slot(i);
        return ((v[i >> 6] >> (i & 63)) & 1) != 0;
    }
    static void set(std::vector<std::uint64_t>& v, std::uint32_t i) { i = slot(i); v[i >> 6] |= std::uint64_t(1) << (i & 63); }
    std::vector<std::uint64_t> first_, single_, pairs_;  // 65536 bits each
};

}  // namespace reportx::detail
