#pragma once
// The lexicon's matching machinery (internal to src/lexicon.cpp): a trie of
// aliases and a start filter that says, from the first word of English text or the
// first two code points of other text, whether an alias may start at a place. Both fold
// ASCII case; a space in an alias matches any run of ASCII white space in the text.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "reportx/utf8.hpp"
#include "avx2.hpp"
#include "simd.hpp"

namespace reportx::detail {

constexpr unsigned char fold_byte(unsigned char c) noexcept { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
constexpr bool is_trie_space(unsigned char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
/// A code point as the filter sees it: ASCII lower case, white space as ' '.
constexpr char32_t fold_cp(char32_t c) noexcept {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c == '\t' || c == '\n' || c == '\r') return ' ';
    return c;
}

/// The code point of the three-byte character at s (lead byte 1110xxxx).
[[nodiscard]] [[gnu::always_inline]] inline char32_t three_byte_cp(unsigned char const* s) noexcept {
    return char32_t((s[0] & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu));
}

/// The code point at pos, folded as the trie and filter see it (pos < size, and the
/// whole character before the end: see utf8::sequence_length).
struct folded_cp {
    char32_t cp;
    std::uint8_t length;
};
[[nodiscard]] [[gnu::always_inline]] inline folded_cp next_cp(unsigned char const* s, std::size_t pos) noexcept {
    unsigned char c = s[pos];
    if (c < 0x80) return {fold_cp(c), 1};
    if (c < 0xC0) return {0xFFFD, 1};  // a stray continuation byte (invalid text)
    if (c < 0xE0) return {char32_t((c & 0x1F) << 6 | (s[pos + 1] & 0x3F)), 2};
    if (c < 0xF0) return {three_byte_cp(s + pos), 3};
    return {char32_t((c & 0x07) << 18 | (s[pos + 1] & 0x3F) << 12 | (s[pos + 2] & 0x3F) << 6 | (s[pos + 3] & 0x3F)), 4};
}

/// What an alias's last trie node holds: the entry, the slot of its kind in the trie,
/// and, for an acronym (`PV`, `CPI`), the alias as written, which the text must equal.
struct trie_terminal {
    std::uint32_t entry = 0;
    std::uint16_t kind = 0;
    std::int32_t exact = -1;  // index into alias_trie::exact_, -1 when case does not matter
};

/// Aliases as a trie over code points (ASCII case folded, a run of white space walked
/// as one ' '). Its edges live in one open-addressing hash table of 64-bit words, each
/// holding the key (node, code point), the child and whether the child has terminals,
/// at a slot given by the hash of the edge's whole path from the root: a step is one
/// multiply and, nearly always, one load, whatever the script, and a walk's loads can all
/// be under way at once.
class alias_trie {
public:
    /// Adds an alias; `reversed` stores its code points last to first, for walk_backward.
    /// The first alias of a kind that ends at a node wins.
    void insert(std::string_view alias, std::uint16_t kind, std::uint32_t entry, bool reversed = false);
    /// Builds the table; no insert afterwards.
    void finish();
    [[nodiscard]] bool empty() const noexcept { return terminals_.empty(); }

    /// Walks text forward from `pos` (not past `to`) and calls f(end, terminal) for every
    /// alias that matches text[pos, end), shortest first.
    template <class F>
    [[gnu::always_inline]] void walk_forward(std::string_view t, std::size_t pos, std::size_t to, F&& f) const {
        walk_on(t, pos, state{}, to, f);
    }

    /// Where a walk has got to: the node, the hash of its path, the end of the text read.
    struct state {
        std::uint32_t node = 0;
        std::uint64_t path = path_seed;
        std::size_t end = 0;  // 0 at the root: the walk's start
    };
    /// The state after walking `text` from the root (ASCII folded like the text), if its
    /// code points are a path of the trie; `end` is text.size(), and `terms` says whether
    /// the last node has terminals.
    [[nodiscard]] std::optional<state> walk_path(std::string_view text, bool& terms) const noexcept {
        auto const* s = reinterpret_cast<unsigned char const*>(text.data());
        state at;
        terms = false;
        char32_t cp;
        for (std::size_t i = 0; read(s, i, text.size(), cp);)
            if (!step(at.node, at.path, cp, terms)) return std::nullopt;
        at.end = text.size();
        return at;
    }
    /// Walks on from `at` (a state of a walk begun at `pos`; at.end is an offset from pos,
    /// and at.node's terminals were visited) like walk_forward.
    template <class F>
    [[gnu::always_inline]] void walk_on(std::string_view t, std::size_t pos, state at, std::size_t to, F&& f) const {
        auto const* s = reinterpret_cast<unsigned char const*>(t.data());
        std::uint32_t n = at.node;
        std::uint64_t path = at.path;
        std::size_t i = pos + at.end;
        char32_t cp;
        while (read(s, i, to, cp)) {
            bool terms;
            if (!step(n, path, cp, terms)) return;
            if (terms) visit(node_terms_[n], t, pos, i, f);
        }
    }
    /// The terminals of a state's node, visited as a walk from `pos` would.
    template <class F>
    [[gnu::always_inline]] void visit_at(std::string_view t, std::size_t pos, state const& at, F&& f) const {
        visit(node_terms_[at.node], t, pos, pos + at.end, f);
    }

    /// One step of a walk: the child of `node` (0 is the root) on `cp` replaces it, and
    /// `terms` says whether the child has terminals; false (node unchanged) if none.
    /// `path` is the hash of the code points walked so far (path_seed at the root), and
    /// becomes the child's. An edge's slot comes from the hash of its whole path, which
    /// the text alone gives, not from the node: the loads of a walk's steps do not wait
    /// for each other, only the checks of what they load do.
    [[gnu::always_inline]] bool step(std::uint32_t& node, std::uint64_t& path, char32_t cp, bool& terms) const noexcept {
        std::uint64_t const key = key_of(node, cp);
        std::uint64_t const* const table = table_.data();
        path = extend(path, cp);
        std::size_t h = slot_of(path);
        while ((table[h] & key_mask) != key) {
            if (table[h] == 0) return false;
            h = (h + 1) & mask_;
        }
        node = static_cast<std::uint32_t>(table[h] >> child_shift) & node_mask;
        terms = (table[h] >> terms_bit) & 1;
        return true;
    }
    /// The code point at i as the trie reads it (ASCII folded, a run of white space as
    /// one ' '), moving i past it; false at `to` or at a character cut by `to`.
    [[gnu::always_inline]] static bool read(unsigned char const* s, std::size_t& i, std::size_t to, char32_t& cp) noexcept {
        if (i >= to) return false;
        unsigned char const b = s[i];
        if ((b & 0xF0) == 0xE0) {  // a three-byte character: most of Chinese text
            if (i + 3 > to) return false;
            cp = three_byte_cp(s + i);
            i += 3;
            return true;
        }
        if (b < 0x80) {
            cp = fold_cp(b);
            ++i;
            if (cp == ' ')
                while (i < to && is_trie_space(s[i])) ++i;
            return true;
        }
        std::size_t const length = utf8::sequence_length(b);
        if (i + length > to) return false;
        cp = next_cp(s, i).cp;
        i += length;
        return true;
    }
    /// Calls f(e, terminal) for the terminals in `terms` (a node's) that accept the text
    /// t[b, e): an acronym's must equal it as written.
    template <class F>
    [[gnu::always_inline]] void visit(std::uint32_t terms, std::string_view t, std::size_t b, std::size_t e,
                                      F&& f) const {
        for (std::uint32_t x = terms >> 8, last = x + (terms & 0xFF); x < last; ++x) {
            auto const& term = terminals_[x];
            if (term.exact >= 0 && std::string_view(t.data() + b, e - b) != exact_[static_cast<std::size_t>(term.exact)]) continue;
            f(e, term);
        }
    }

    /// Walks text backward from `end` (exclusive, not before `from`); f(begin, terminal)
    /// for every alias that matches text[begin, end), shortest first. The aliases must
    /// have been inserted reversed.
    template <class F>
    [[gnu::always_inline]] void walk_backward(std::string_view t, std::size_t end, std::size_t from, F&& f) const {
        auto const* s = reinterpret_cast<unsigned char const*>(t.data());
        std::uint32_t n = 0;
        std::uint64_t path = path_seed;
        std::size_t i = end;
        while (i > from) {
            std::size_t j = i - 1;
            while (j > from && (s[j] & 0xC0) == 0x80) --j;
            if (j + utf8::sequence_length(s[j]) != i) return;  // a character cut by `from`
            auto const c = next_cp(s, j);
            i = j;
            if (c.cp == ' ')
                while (i > from && is_trie_space(s[i - 1])) --i;
            bool terms;
            if (!step(n, path, c.cp, terms)) return;
            if (terms) visit(node_terms_[n], t, i, end, [&](std::size_t, trie_terminal const& term) { f(i, term); });
        }
    }

private:
    // A table word: code point in bits 0-20, node 21-40 (these two are the key), child
    // 41-60, the child has terminals in 61, and 62 set in every used word (0 is empty).
    static constexpr int child_shift = 41, terms_bit = 61;
    static constexpr std::uint64_t node_mask = (std::uint64_t{1} << 20) - 1;
    static constexpr std::uint64_t used = std::uint64_t{1} << 62;
    static constexpr std::uint64_t key_mask = ((std::uint64_t{1} << 41) - 1) | used;
    static constexpr std::uint64_t path_seed = 0x243F6A8885A308D3ull;
    /// The hash of a path one code point longer.
    [[gnu::always_inline]] static std::uint64_t extend(std::uint64_t path, char32_t cp) noexcept {
        return (path ^ cp) * 0x9E3779B97F4A7C15ull;
    }
    /// The first slot to look at for a path's edge: the hash's top bits.
    [[gnu::always_inline]] std::size_t slot_of(std::uint64_t path) const noexcept {
        return static_cast<std::size_t>(path >> shift_);
    }
    static constexpr std::uint64_t key_of(std::uint32_t node, char32_t cp) noexcept {
        return std::uint64_t{node} << 21 | (std::uint64_t{cp} & 0x1FFFFF) | used;
    }

    // While building: the edges as a map and the terminals of each node.
    struct build_edge {
        std::uint32_t child;
        std::uint64_t path;  // hash of the code points from the root to the child
    };
    std::unordered_map<std::uint64_t, build_edge> build_edges_;  // key -> edge
    std::vector<std::vector<trie_terminal>> build_terms_{1};

    std::vector<std::uint64_t> table_;
    std::vector<std::uint32_t> node_terms_;  // per node: its terminals, first << 8 | count
    std::size_t mask_ = 0;
    int shift_ = 64;
    std::vector<trie_terminal> terminals_;
    std::vector<std::string> exact_;
};

/// The word of ASCII letters and digits at p (before `to`), case folded: its first 16
/// bytes, zero padded, and its length, 16 when it is longer. With SSE2 and 16 bytes of
/// room it takes no branch on the word's length, which is not predictable; both ways give
/// the same result.
struct ascii_word {
    std::uint64_t lo, hi;
    unsigned length;
};
[[nodiscard]] [[gnu::always_inline]] inline ascii_word read_ascii_word(unsigned char const* s, std::size_t p,
                                                                       std::size_t to) noexcept {
    ascii_word w;
#if defined(__SSE2__)
    if (p + 16 <= to) {
        __m128i const v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(s + p));
        w.length = static_cast<unsigned>(__builtin_ctz(~simd::ascii_alnum_mask(v)));  // bit 16 is clear
        __m128i const lanes = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        __m128i const inside = _mm_cmplt_epi8(lanes, _mm_set1_epi8(static_cast<char>(w.length)));
        __m128i const upper = simd::in_range(v, 'A', 25);
        __m128i const x = _mm_and_si128(_mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))), inside);
        w.lo = static_cast<std::uint64_t>(_mm_cvtsi128_si64(x));
        w.hi = static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(x, x)));
        return w;
    }
#endif
    unsigned char word[16] = {};
    for (w.length = 0; w.length < 16 && p < to && utf8::is_ascii_alnum(s[p]); ++p) word[w.length++] = fold_byte(s[p]);
    std::memcpy(&w.lo, word, 8);
    std::memcpy(&w.hi, word + 8, 8);
    return w;
}

/// Can an alias start here? A hashed bit set (no false negatives), folded like the trie,
/// of every alias's start: its first word when it begins with an ASCII letter or digit
/// (an English match is whole words, so the text's word there must be that word), else
/// its first two code points (or its one). Plus an exact bit set of first code points.
class start_filter {
public:
    void reset(std::size_t aliases);
    void add(std::string_view alias);
    /// Which code points an alias begins with, exact in the BMP (the others count as
    /// U+FFFF): bit (cp & 63) of word (cp >> 6). ASCII as written in the text: `P` and `p`
    /// both if an alias begins with either.
    [[nodiscard]] std::uint64_t const* first_words() const noexcept { return first_.data(); }
    /// The rest, for the character at p (< to, whole before `to`) whose code point may
    /// begin an alias.
    [[nodiscard]] bool may_continue(unsigned char const* s, std::size_t p, std::size_t to) const noexcept {
        if (utf8::is_ascii_alnum(s[p])) return test(mix(word_hash(s, p, to)));
        auto const first = next_cp(s, p);
        std::size_t const q = p + first.length;
        bool const two = q < to && q + utf8::sequence_length(s[q]) <= to;
        char32_t const second = two ? next_cp(s, q).cp : 0;
        // Both tests, joined without a branch: which one passes is not predictable.
        return test(single(first.cp)) | (two & test(pair(first.cp, second)));
    }
    /// The same for two code points already read, neither of them ASCII.
    [[nodiscard]] bool may_continue(char32_t first, char32_t second) const noexcept {
        return test(single(first)) | test(pair(first, second));
    }

    // The hashes of the tests, for code that computes them several at a time (their
    // multipliers, and the shift that keeps the top bits), and the test of a hash.
    static constexpr std::uint32_t single_mul = 0x9E3779B1u, pair_mul_first = 0x85EBCA6Bu,
                                   pair_mul_second = 0xC2B2AE35u, pair_xor = 0x27d4eb2fu;
    [[nodiscard]] int shift() const noexcept { return shift_; }
    /// The ASCII bytes that begin an alias, as a table of their low nibbles: byte b does
    /// when bit (b >> 4) of entry (b & 15) is set.
    [[nodiscard]] std::uint8_t const* ascii_nibbles() const noexcept { return ascii_nibbles_.data(); }
    /// The bits the hashes test: bit (i & 63) of word (i >> 6).
    [[nodiscard]] std::uint64_t const* bit_words() const noexcept { return bits_.data(); }
    [[nodiscard]] bool test(std::uint32_t i) const noexcept { return (bits_[i >> 6] >> (i & 63)) & 1; }

    static std::uint32_t mix_word(std::uint64_t lo, std::uint64_t hi) noexcept {
        return static_cast<std::uint32_t>(((lo * 0x9E3779B97F4A7C15ull) ^ (hi * 0xC2B2AE3D27D4EB4Full)) >> 32);
    }

private:
    std::uint32_t single(char32_t a) const noexcept { return (static_cast<std::uint32_t>(a) * single_mul) >> shift_; }
    std::uint32_t pair(char32_t a, char32_t b) const noexcept {
        return ((static_cast<std::uint32_t>(a) * pair_mul_first) ^ (static_cast<std::uint32_t>(b) * pair_mul_second) ^
                pair_xor) * single_mul >>
               shift_;
    }
    /// A hash of the word of ASCII letters and digits from p on (before `to`), case
    /// folded: of its first 16 bytes, zero padded.
    static std::uint32_t word_hash(unsigned char const* s, std::size_t p, std::size_t to) noexcept {
        auto const w = read_ascii_word(s, p, to);
        return mix_word(w.lo, w.hi);
    }
    std::uint32_t mix(std::uint32_t h) const noexcept { return (h * single_mul) >> shift_; }
    std::vector<std::uint64_t> bits_;
    std::vector<std::uint64_t> first_ = std::vector<std::uint64_t>(1024, 0);  // first code point (BMP), exact
    std::array<std::uint8_t, 16> ascii_nibbles_{};
    int shift_ = 22;
};

/// Where the first word of an English alias leads in a trie. An English match begins and
/// ends at word boundaries, so from a word's start in the text the trie's walk must take
/// the text's whole word (letters and digits) before anything can match: one lookup of
/// the word replaces a step per letter. Words of 16 bytes or more are not kept (`long_`
/// says whether an alias begins with one: such text is walked from the root).
class word_jumps {
public:
    /// From the aliases of a finished trie.
    void build(alias_trie const& trie, std::vector<std::string_view> const& aliases);
    /// The state after the whole word w, and whether its node has terminals; none if
    /// no alias begins with the word.
    [[nodiscard]] [[gnu::always_inline]] bool find(ascii_word const& w, alias_trie::state& at,
                                                   bool& terms) const noexcept {
        entry const* const table = table_.data();
        for (std::size_t h = start_filter::mix_word(w.lo, w.hi) & mask_;; h = (h + 1) & mask_) {
            entry const& e = table[h];
            if (e.lo == w.lo && e.hi == w.hi && e.length == w.length) {
                at = alias_trie::state{e.node, e.path, e.length};
                terms = e.terms;
                return true;
            }
            if (e.length == 0) return false;
        }
    }
    /// Does an alias begin with a word of 16 bytes or more?
    [[nodiscard]] bool long_words() const noexcept { return long_; }

private:
    struct entry {
        std::uint64_t lo = 0, hi = 0;  // the word, as read_ascii_word gives it
        std::uint64_t path = 0;
        std::uint32_t node = 0;
        std::uint8_t length = 0;  // 0: an empty slot
        bool terms = false;
    };
    std::vector<entry> table_ = std::vector<entry>(1);
    std::size_t mask_ = 0;
    bool long_ = false;
};

/// A trie and its start filter, filled together: aliases are added, then finish().
/// What a lexicon_scanner walks (a matcher turns places down by its first code point
/// alone, and needs no filter).
struct alias_index {
    alias_trie trie;
    start_filter filter;
    word_jumps words;
    /// Adds an alias of the kind in slot `kind` (the text must outlive finish()).
    void add(std::string_view alias, std::uint16_t kind, std::uint32_t entry) {
        trie.insert(alias, kind, entry);
        pending_.push_back(alias);
    }
    void finish() {
        trie.finish();
        filter.reset(pending_.size());
        for (auto a : pending_) filter.add(a);
        words.build(trie, pending_);
        pending_ = {};
    }

private:
    std::vector<std::string_view> pending_;  // aliases for the filter, sized once all are known
};

}  // namespace reportx::detail
