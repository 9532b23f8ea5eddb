#pragma once
// The lexicon's matching machinery (internal to src/lexicon.cpp): a flat byte trie of
// aliases and a start filter that says, from the first two code points, whether an
// alias may start at a place. Both fold ASCII case; a space in an alias matches any run
// of ASCII white space in the text.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reportx/utf8.hpp"

namespace reportx::detail {

constexpr unsigned char fold_byte(unsigned char c) noexcept { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
constexpr bool is_trie_space(unsigned char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
/// A code point as the filter sees it: ASCII lower case, white space as ' '.
constexpr char32_t fold_cp(char32_t c) noexcept {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c == '\t' || c == '\n' || c == '\r') return ' ';
    return c;
}

/// What an alias's last trie node holds: the entry, the slot of its kind in the trie,
/// and, for an acronym (`PV`, `CPI`), the alias as written, which the text must equal.
struct trie_terminal {
    std::uint32_t entry = 0;
    std::uint16_t kind = 0;
    std::int32_t exact = -1;  // index into byte_trie::exact_, -1 when case does not matter
};

/// Bytes of the aliases in a trie flattened into arrays once built: each node has a
/// 256-bit set of the bytes it has children for and the running counts of that set, so
/// a step is a bit test and one popcount.
class byte_trie {
public:
    /// Adds an alias (bytes in the order they are walked). The first alias of a kind
    /// that ends at a node wins; `written` is the alias as the file spells it.
    void insert(std::string_view bytes, std::string_view written, std::uint16_t kind, std::uint32_t entry);
    /// Flattens the trie; no insert afterwards.
    void finish();
    [[nodiscard]] bool empty() const noexcept { return terminals_.empty(); }

    /// Walks text forward from `pos` (not past `to`) and calls f(end, terminal) for every
    /// alias that matches text[pos, end), shortest first.
    template <class F>
    [[gnu::always_inline]] void walk_forward(std::string_view t, std::size_t pos, std::size_t to, F&& f) const {
        auto const* s = reinterpret_cast<unsigned char const*>(t.data());
        std::uint32_t n = 0;
        std::size_t i = pos;
        while (i < to) {
            unsigned char c = fold_byte(s[i]);
            if (is_trie_space(c)) {
                n = child(n, ' ');
                while (i < to && is_trie_space(s[i])) ++i;
            } else {
                n = child(n, c);
                ++i;
            }
            if (!n) return;
            node const& k = nodes_[n];
            for (std::uint32_t x = k.term; x < k.term + k.nterm; ++x) {
                auto const& term = terminals_[x];
                if (term.exact >= 0 && t.substr(pos, i - pos) != exact_[static_cast<std::size_t>(term.exact)]) continue;
                f(i, term);
            }
        }
    }

    /// Walks text backward from `end` (exclusive, not before `from`); f(begin, terminal)
    /// for every alias that matches text[begin, end), shortest first. The trie must hold
    /// the aliases reversed.
    template <class F>
    [[gnu::always_inline]] void walk_backward(std::string_view t, std::size_t end, std::size_t from, F&& f) const {
        auto const* s = reinterpret_cast<unsigned char const*>(t.data());
        std::uint32_t n = 0;
        std::size_t i = end;
        while (i > from) {
            unsigned char c = fold_byte(s[i - 1]);
            if (is_trie_space(c)) {
                n = child(n, ' ');
                while (i > from && is_trie_space(s[i - 1])) --i;
            } else {
                n = child(n, c);
                --i;
            }
            if (!n) return;
            node const& k = nodes_[n];
            for (std::uint32_t x = k.term; x < k.term + k.nterm; ++x) {
                auto const& term = terminals_[x];
                if (term.exact >= 0 && t.substr(i, end - i) != exact_[static_cast<std::size_t>(term.exact)]) continue;
                f(i, term);
            }
        }
    }

private:
    struct node {
        std::uint64_t bits[4] = {0, 0, 0, 0};  // which bytes have a child
        std::uint32_t kids = 0;                // first child in kids_
        std::uint32_t term = 0, nterm = 0;     // terminals_[term, term + nterm)
        std::uint8_t before[4] = {0, 0, 0, 0};  // children in the words before bits[w]
    };
    [[gnu::always_inline]] std::uint32_t child(std::uint32_t n, unsigned char c) const noexcept {
        if (n == 0) return root_[c];
        node const& k = nodes_[n];
        std::uint64_t w = k.bits[c >> 6];
        std::uint64_t bit = std::uint64_t{1} << (c & 63);
        if (!(w & bit)) return 0;
        return kids_[k.kids + k.before[c >> 6] + static_cast<std::uint32_t>(__builtin_popcountll(w & (bit - 1)))];
    }

    // While building: children as (byte, node) lists.
    struct build_node {
        std::vector<std::pair<unsigned char, std::uint32_t>> kids;
        std::vector<trie_terminal> terms;
    };
    std::vector<build_node> build_{1};

    std::vector<node> nodes_;
    std::vector<std::uint32_t> kids_;
    std::array<std::uint32_t, 256> root_{};  // node 0 is the root; 0 as a child means none
    std::vector<trie_terminal> terminals_;
    std::vector<std::string> exact_;
};

/// Can an alias start here? A hashed bit set of every alias's first two code points
/// (and of every one-code-point alias), folded like the trie. No false negatives.
class start_filter {
public:
    void reset(std::size_t aliases);
    void add(std::string_view alias);
    /// `second` is the code point after `first`, or npos_cp at the end of the text.
    [[nodiscard]] bool may_start(char32_t first, char32_t second) const noexcept {
        return may_begin(first) && may_continue(first, second);
    }
    /// The first test alone: does an alias begin with this code point? (Exact in the BMP.)
    [[nodiscard]] bool may_begin(char32_t first) const noexcept {
        std::uint32_t f = first < 0x10000 ? first : 0xFFFF;
        return (first_[f >> 6] >> (f & 63)) & 1;
    }
    /// The rest, for a code point that may begin one.
    [[nodiscard]] bool may_continue(char32_t first, char32_t second) const noexcept {
        return test(single(first)) || (second != npos_cp && test(pair(first, second)));
    }
    static constexpr char32_t npos_cp = 0xFFFFFFFF;

private:
    std::uint32_t single(char32_t a) const noexcept { return (static_cast<std::uint32_t>(a) * 0x9E3779B1u) >> shift_; }
    std::uint32_t pair(char32_t a, char32_t b) const noexcept {
        return ((static_cast<std::uint32_t>(a) * 0x85EBCA6Bu) ^ (static_cast<std::uint32_t>(b) * 0xC2B2AE35u) ^ 0x27d4eb2fu) *
                   0x9E3779B1u >>
               shift_;
    }
    bool test(std::uint32_t i) const noexcept { return (bits_[i >> 6] >> (i & 63)) & 1; }
    std::vector<std::uint64_t> bits_;
    std::vector<std::uint64_t> first_ = std::vector<std::uint64_t>(1024, 0);  // first code point (BMP), exact
    int shift_ = 22;
};

/// A trie and its start filter, filled together: aliases are added, then finish().
/// What a matcher walks forward and what a lexicon_scanner walks.
struct alias_index {
    byte_trie trie;
    start_filter filter;
    /// Adds an alias of the kind in slot `kind` (the text must outlive finish()).
    void add(std::string_view alias, std::uint16_t kind, std::uint32_t entry) {
        trie.insert(alias, alias, kind, entry);
        pending_.push_back(alias);
    }
    void finish() {
        trie.finish();
        filter.reset(pending_.size());
        for (auto a : pending_) filter.add(a);
        pending_ = {};
    }

private:
    std::vector<std::string_view> pending_;  // aliases for the filter, sized once all are known
};

/// The code point at pos, folded for the filter (text is valid UTF-8, pos < size).
struct folded_cp {
    char32_t cp;
    std::uint8_t length;
};
[[nodiscard]] [[gnu::always_inline]] inline folded_cp next_cp(unsigned char const* s, std::size_t pos) noexcept {
    unsigned char c = s[pos];
    if (c < 0x80) return {fold_cp(c), 1};
    if (c < 0xE0) return {char32_t((c & 0x1F) << 6 | (s[pos + 1] & 0x3F)), 2};
    if (c < 0xF0) return {char32_t((c & 0x0F) << 12 | (s[pos + 1] & 0x3F) << 6 | (s[pos + 2] & 0x3F)), 3};
    return {char32_t((c & 0x07) << 18 | (s[pos + 1] & 0x3F) << 12 | (s[pos + 2] & 0x3F) << 6 | (s[pos + 3] & 0x3F)), 4};
}

}  // namespace reportx::detail
