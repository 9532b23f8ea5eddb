#include "reportx/lexicon.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <mutex>
#include <fstream>
#include <sstream>
#include <utility>
#include <stdexcept>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "reportx/error.hpp"
#include "reportx/utf8.hpp"
#include "search.hpp"
#include "simd.hpp"
#include "trie.hpp"

namespace reportx {

namespace detail {
std::string_view builtin_lexicon_text();  // generated from data/lexicon/*.tsv at build time
}

namespace detail {

// ---- alias_trie ----------------------------------------------------------------

void alias_trie::insert(std::string_view alias, std::uint16_t kind, std::uint32_t entry, bool reversed) {
    auto const* s = reinterpret_cast<unsigned char const*>(alias.data());
    std::vector<char32_t> cps;
    for (std::size_t i = 0; i < alias.size();) {
        auto c = next_cp(s, i);
        i += c.length;
        if (c.cp == ' ')
            while (i < alias.size() && is_trie_space(s[i])) ++i;
        cps.push_back(c.cp);
    }
    if (reversed) std::reverse(cps.begin(), cps.end());
    std::uint32_t n = 0;
    std::uint64_t path = path_seed;
    for (char32_t cp : cps) {
        path = extend(path, cp);
        auto [it, added] = build_edges_.try_emplace(key_of(n, cp), build_edge{static_cast<std::uint32_t>(build_terms_.size()), path});
        if (added) build_terms_.emplace_back();
        n = it->second.child;
    }
    auto& terms = build_terms_[n];
    for (auto const& t : terms)
        if (t.kind == kind) return;  // the first alias of a kind wins
    trie_terminal t;
    t.entry = entry;
    t.kind = kind;
    // Acronyms ("PV", "CPI", "GDP") match as written; other aliases ignore ASCII case.
    for (std::size_t i = 1; i < alias.size(); ++i)
        if (alias[i] >= 'A' && alias[i] <= 'Z') {
            t.exact = static_cast<std::int32_t>(exact_.size());
            exact_.emplace_back(alias);
            break;
        }
    terms.push_back(t);
}

void alias_trie::finish() {
    if (build_terms_.size() > node_mask + 1)
        throw std::length_error("reportx: lexicon too large: " + std::to_string(build_terms_.size() - 1) +
                                " distinct alias prefixes in one trie, at most " + std::to_string(node_mask));
    // The terminals of each node, flat, in node order.
    node_terms_.assign(build_terms_.size(), 0);
    for (std::size_t n = 0; n < build_terms_.size(); ++n) {
        auto const& terms = build_terms_[n];
        if (terms.size() > 0xFF || terminals_.size() + terms.size() > 0xFFFFFF)
            throw std::length_error("reportx: lexicon too large: more than 2^24 aliases, or 255 kinds of one alias, in one trie");
        node_terms_[n] = static_cast<std::uint32_t>(terminals_.size() << 8 | terms.size());
        terminals_.insert(terminals_.end(), terms.begin(), terms.end());
    }
    // At most an eighth full: a lookup nearly always ends at its first slot, so the loop
    // over slots is not mispredicted (a quarter full measured about 5% slower scans).
    int log = 4;
    while ((std::size_t{1} << log) < build_edges_.size() * 8) ++log;
    table_.assign(std::size_t{1} << log, 0);
    mask_ = (std::size_t{1} << log) - 1;
    shift_ = 64 - log;
    for (auto const& [key, edge] : build_edges_) {
        std::size_t h = slot_of(edge.path);
        while (table_[h] != 0) h = (h + 1) & mask_;
        table_[h] = key | std::uint64_t{edge.child} << child_shift |
                    std::uint64_t{!build_terms_[edge.child].empty()} << terms_bit;
    }
    build_edges_ = {};
    build_terms_ = {};
}

// ---- start_filter --------------------------------------------------------------

void start_filter::reset(std::size_t aliases) {
    // About 32 bits per alias (two per alias set), between 2^12 and 2^18 bits.
    int log = 12;
    while (log < 18 && (std::size_t{1} << log) < aliases * 32) ++log;
    shift_ = 32 - log;
    bits_.assign((std::size_t{1} << log) / 64, 0);
    first_.assign(1024, 0);
    ascii_nibbles_ = {};
}

void start_filter::add(std::string_view alias) {
    auto const* s = reinterpret_cast<unsigned char const*>(alias.data());
    if (alias.empty()) return;
    auto a = next_cp(s, 0);
    std::uint32_t f = a.cp < 0x10000 ? a.cp : 0xFFFF;
    first_[f >> 6] |= std::uint64_t{1} << (f & 63);
    // And the ASCII bytes that fold to it (`P` for `p`, tab and line ends for a space), so
    // that a scan tests the text's ASCII bytes as they are.
    for (unsigned b = 0; b < 0x80; ++b)
        if (fold_cp(b) == f) {
            first_[b / 64] |= std::uint64_t{1} << (b % 64);
            ascii_nibbles_[b % 16] = static_cast<std::uint8_t>(ascii_nibbles_[b % 16] | 1u << (b / 16));
        }
    std::uint32_t i;
    if (utf8::is_ascii_alnum(s[0])) i = mix(word_hash(s, 0, alias.size()));
    else i = a.length >= alias.size() ? single(a.cp) : pair(a.cp, next_cp(s, a.length).cp);
    bits_[i >> 6] |= std::uint64_t{1} << (i & 63);
}

// ---- word_jumps ----------------------------------------------------------------

void word_jumps::build(alias_trie const& trie, std::vector<std::string_view> const& aliases) {
    std::vector<entry> found;
    for (auto a : aliases) {
        auto const* s = reinterpret_cast<unsigned char const*>(a.data());
        if (a.empty() || !utf8::is_ascii_alnum(s[0])) continue;
        auto const w = read_ascii_word(s, 0, a.size());
        if (w.length >= 16) {
            long_ = true;
            continue;
        }
        bool terms;
        auto const at = trie.walk_path(a.substr(0, w.length), terms);
        if (!at) continue;  // not in this trie
        found.push_back(entry{w.lo, w.hi, at->path, at->node, static_cast<std::uint8_t>(w.length), terms});
    }
    // At most a quarter full: a word not there is nearly always told by its first slot.
    std::size_t size = 4;
    while (size < found.size() * 4) size *= 2;
    table_.assign(size, entry{});
    mask_ = size - 1;
    for (auto const& e : found)
        for (std::size_t h = start_filter::mix_word(e.lo, e.hi) & mask_;; h = (h + 1) & mask_) {
            auto& slot = table_[h];
            if (slot.length == 0) slot = e;
            if (slot.lo == e.lo && slot.hi == e.hi && slot.length == e.length) break;
        }
}

}  // namespace detail

namespace {

using detail::alias_trie;
#if defined(__SSE2__)
using detail::continuation_bytes;
using detail::sixteen_three_byte;
using detail::three_byte_leads;
using detail::three_byte_run;
#endif
#if REPORTX_AVX2_PATHS
using detail::ascii_letters32;
using detail::bit_of;
using detail::bits32;
using detail::in_range32;
using detail::load32;
using detail::lanes_set;
using detail::sixteen_code_points;
#endif
using detail::start_filter;
using utf8::is_ascii_alnum;
using detail::trie_terminal;

bool alnum_at(std::string_view t, std::size_t i) noexcept {
    return i < t.size() && is_ascii_alnum(static_cast<unsigned char>(t[i]));
}


// Is cp (in the BMP) in the bit set `words` (bit cp & 63 of word cp >> 6)?
[[gnu::always_inline]] inline std::uint32_t in_set(std::uint64_t const* words, std::uint32_t cp) noexcept {
    return (words[cp >> 6] >> (cp & 63)) & 1;
}

// Would an alias begin at the character starting at p (< to, whole before `to`)? Its
// first code point must begin one (bit set `first`, see start_filter::first_words), and
// in English it must not be the middle of a word.
[[gnu::always_inline]] inline std::uint32_t begins_here(unsigned char const* s, std::size_t p,
                                                       std::uint64_t const* first) noexcept {
    std::uint32_t const b = s[p];
    std::uint32_t cp;
    if (b < 0x80) {
        if (is_ascii_alnum(static_cast<unsigned char>(b)) && p > 0 && is_ascii_alnum(s[p - 1])) return 0;
        cp = b;  // the set holds ASCII bytes as written (see start_filter::first_words)
    } else if ((b & 0xF0) == 0xE0) {  // a three-byte character: most of Chinese text
        cp = detail::three_byte_cp(s + p);
    } else {
        cp = std::min<std::uint32_t>(detail::next_cp(s, p).cp, 0xFFFF);
    }
    return in_set(first, cp);
}

#if defined(__SSE2__)
using detail::simd::ascii_alnum_mask;  // the bytes of v that are ASCII letters or digits, as a bit mask
#endif

// A place of phase 1 that already passed the start filter (offsets stay below 2^30).
constexpr std::uint32_t filtered = std::uint32_t{1} << 31;


#if REPORTX_AVX2_PATHS
// x * m, top bits kept as start_filter's hashes keep them.
REPORTX_AVX2 __m256i times(__m256i x, std::uint32_t m) noexcept {
    return _mm256_mullo_epi32(x, _mm256_set1_epi32(static_cast<int>(m)));
}
REPORTX_AVX2 __m256i single_hash(__m256i cp, __m128i shift) noexcept {
    return _mm256_srl_epi32(times(cp, start_filter::single_mul), shift);
}
REPORTX_AVX2 __m256i pair_hash(__m256i a, __m256i b, __m128i shift) noexcept {
    __m256i const h = _mm256_xor_si256(
        _mm256_xor_si256(times(a, start_filter::pair_mul_first), times(b, start_filter::pair_mul_second)),
        _mm256_set1_epi32(static_cast<int>(start_filter::pair_xor)));
    return single_hash(h, shift);
}

// For each 8-bit mask, the lanes set in it, in order (then zeros): what packed moves where.
constexpr auto pack_order = [] {
    std::array<std::array<std::uint8_t, 8>, 256> order{};
    for (unsigned m = 0; m < 256; ++m)
        for (unsigned lane = 0, k = 0; lane < 8; ++lane)
            if (m >> lane & 1) order[m][k++] = static_cast<std::uint8_t>(lane);
    return order;
}();
// Writes the lanes of v set in `mask` to out, packed in order (all 8 lanes are written),
// and returns how many they are.
REPORTX_AVX2 std::size_t packed(std::uint32_t* out, __m256i v, unsigned mask) noexcept {
    __m256i const order = _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<__m128i const*>(pack_order[mask].data())));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out), _mm256_permutevar8x32_epi32(v, order));
    return static_cast<std::size_t>(__builtin_popcount(mask));
}


// The English path of collect_starts with AVX2, for 32 bytes of ASCII at a time (while
// there is room for 32 places): the same places as the SSE2 path, the starts of words and
// the marks that are not blanks, of those whose byte begins an alias; which bytes do is
// told for all 32 at once (start_filter::ascii_nibbles), and the places are written packed,
// without a branch per place.
[[gnu::target("avx2")]] void english_starts_avx2(unsigned char const* s, std::size_t& i, std::size_t limit,
                                                 std::size_t base, start_filter const& f, bool blank_begins,
                                                 std::uint32_t* places, std::size_t& n, std::size_t cap) noexcept {
    __m256i const nibbles = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<__m128i const*>(f.ascii_nibbles())));
    __m256i const bit_of_high = _mm256_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0,  //
                                                 1, 2, 4, 8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0);
    __m256i const low4 = _mm256_set1_epi8(0x0F);
    __m256i const eight = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    while (i + 32 <= limit && n + 32 <= cap) {
        __m256i const v = load32(s + i);
        if (_mm256_movemask_epi8(v) != 0) break;  // not all ASCII
        std::uint32_t const words = bits32(_mm256_or_si256(ascii_letters32(v), in_range32(v, '0', 9)));
        std::uint32_t const before = words << 1 | static_cast<std::uint32_t>(i > 0 && is_ascii_alnum(s[i - 1]));
        std::uint32_t const blank = blank_begins ? 0u : bits32(_mm256_or_si256(
            _mm256_cmpeq_epi8(v, _mm256_set1_epi8(' ')), _mm256_cmpgt_epi8(_mm256_set1_epi8(0x0E), v)));  // and controls
        // byte b begins an alias: bit (b >> 4) of nibbles[b & 15]
        __m256i const high = _mm256_shuffle_epi8(bit_of_high, _mm256_and_si256(_mm256_srli_epi16(v, 4), low4));
        std::uint32_t const begins =
            ~bits32(_mm256_cmpeq_epi8(_mm256_and_si256(_mm256_shuffle_epi8(nibbles, _mm256_and_si256(v, low4)), high),
                                    _mm256_setzero_si256()));
        std::uint32_t const pass = ((words & ~before) | (~words & ~blank)) & begins;
        __m256i at = _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(i - base)), eight);
        for (int k = 0; k < 4; ++k, at = _mm256_add_epi32(at, _mm256_set1_epi32(8)))
            n += packed(places + n, at, pass >> (8 * k) & 0xFF);
        i += 32;
    }
}

// The run path of collect_starts with AVX2, eight characters at a time: decoding the code
// points, hashing them, testing the filter's bits and writing the places that pass take
// a few vector operations instead of some thirty scalar ones a character. The same
// places, in the same order, as the scalar paths. A round reads the 48 bytes at i (and 3
// more: all before `readable`) and takes the run of m three-byte characters there, whole
// before `limit` (up to 16): the places of all but the last, whose pair's second code
// point is the next round's or another path's. It stops after a run of fewer than 16, at
// one of fewer than 3 (left to the other paths), or where there may not be room for 16
// places (`packed` writes 8 at a time).
[[gnu::target("avx2")]] void run_starts_avx2(unsigned char const* s, std::size_t& i, std::size_t limit,
                                             std::size_t readable, std::size_t base, start_filter const& f,
                                             std::uint32_t* places, std::size_t& n, std::size_t cap) noexcept {
    std::uint64_t const* const first = f.first_words();
    __m256i const next = _mm256_setr_epi32(1, 2, 3, 4, 5, 6, 7, 7);
    __m128i const shift = _mm_cvtsi32_si128(f.shift());
    __m256i const thrice = _mm256_setr_epi32(0, 3, 6, 9, 12, 15, 18, 21);  // each lane's offset
    // the bit sets as 32-bit words (little endian): bit (x & 31) of word (x >> 5)
    auto const* const first32 = reinterpret_cast<int const*>(first);
    auto const* const bits32 = reinterpret_cast<int const*>(f.bit_words());
    while (i + 48 + 3 <= readable && n + 16 <= cap) {
        unsigned char const* const p = s + i;
        unsigned const m = std::min<std::size_t>(three_byte_run(p), (limit - std::min(limit, i)) / 3);
        if (m < 3) break;
        // Lanes past the run decode other bytes: their bits are read (in the sets' bounds
        // whatever the bytes) and dropped.
        __m256i a, b;  // characters 0-7 and 8-15
        sixteen_code_points(p, a, b);
        // the characters after them: 1-8, and 9-15 (the sixteenth begins no place here)
        __m256i const a_next = _mm256_blend_epi32(_mm256_permutevar8x32_epi32(a, next),
                                                  _mm256_permutevar8x32_epi32(b, _mm256_setzero_si256()), 0x80);
        __m256i const b_next = _mm256_permutevar8x32_epi32(b, next);
        __m256i const pass_a = _mm256_and_si256(
            bit_of(first32, a), _mm256_or_si256(bit_of(bits32, single_hash(a, shift)), bit_of(bits32, pair_hash(a, a_next, shift))));
        __m256i const pass_b = _mm256_and_si256(
            bit_of(first32, b), _mm256_or_si256(bit_of(bits32, single_hash(b, shift)), bit_of(bits32, pair_hash(b, b_next, shift))));
        // the places of the characters that pass, packed to the front of each 8
        unsigned const lanes = (1u << (m - 1)) - 1;  // the run's characters but its last
        __m256i const at_a = _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>((i - base) | filtered)), thrice);
        __m256i const at_b = _mm256_add_epi32(at_a, _mm256_set1_epi32(24));
        n += packed(places + n, at_a, lanes_set(pass_a) & lanes & 0xFF);
        n += packed(places + n, at_b, lanes_set(pass_b) & lanes >> 8);
        i += 3 * (m - 1);
        if (m < 16) break;
    }
}
#endif

// Phase 1 of a scan: from i on, the places (offsets from `base`, at most `cap` of them)
// where begins_here holds; i ends where the search stopped. Characters start at bytes
// that are not 10xxxxxx, which SSE2 finds sixteen bytes at a time; each place is written
// and counted without a branch. In runs of Chinese text the places also get phase 2's
// test here, where both code points are at hand, and are marked `filtered`.
std::size_t collect_starts(unsigned char const* s, std::size_t& i, std::size_t to, std::size_t readable,
                           std::size_t base, start_filter const& f, std::uint32_t* places, std::size_t cap) noexcept {
    std::uint64_t const* const first = f.first_words();
    // White space and control characters begin no alias of the built-in lexicon, and the
    // English path skips them, unless a user's alias does begin with one.
    bool const blank_begins = first[0] & (((std::uint64_t{1} << 0x0E) - 1) | std::uint64_t{1} << ' ');
    std::size_t const limit = std::min(to, base + (std::size_t{1} << 30));  // offsets fit 32 bits
    std::size_t n = 0;
#if REPORTX_AVX2_PATHS
    bool const avx2 = detail::avx2_on().load(std::memory_order_relaxed);
#else
    (void)readable;
#endif
    while (i < limit && (s[i] & 0xC0) == 0x80) ++i;  // inside a character
#if defined(__SSE2__)
    while (n + 16 <= cap) {
#if REPORTX_AVX2_PATHS
        if (avx2 && i < limit && (s[i] & 0xF0) == 0xE0) {
            std::size_t const before = i;
            run_starts_avx2(s, i, limit, readable, base, f, places, n, cap);
            if (i != before) continue;
        }
        if (avx2 && s[i] < 0x80) {
            std::size_t const before = i;
            english_starts_avx2(s, i, limit, base, f, blank_begins, places, n, cap);
            if (i != before) continue;
        }
#endif
        // Whole blocks only, and 3 bytes of room after them for the last character's tail.
        if (i + 16 + 3 > limit) break;
        // Fifteen characters of a run of sixteen three-byte ones: the sixteenth is the
        // second code point of the fifteenth's pair, and begins the next round.
        if (i + 48 + 3 <= limit && sixteen_three_byte(s + i)) {
            char32_t cp[16];
            for (int k = 0; k < 16; ++k) cp[k] = detail::three_byte_cp(s + i + 3 * k);
            for (int k = 0; k < 15; ++k) {
                places[n] = static_cast<std::uint32_t>(i + 3 * k - base) | filtered;
                n += in_set(first, cp[k]) & f.may_continue(cp[k], cp[k + 1]);
            }
            i += 45;
            continue;
        }
        __m128i v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(s + i));
        auto starts = ~continuation_bytes(v) & 0xFFFFu;
        auto const three = three_byte_leads(v);
        auto const high = static_cast<unsigned>(_mm_movemask_epi8(v));
        if (high == 0) {  // English text: only the starts of words and the marks can begin an alias
            unsigned const words = ascii_alnum_mask(v);
            unsigned const before = words << 1 | static_cast<unsigned>(i > 0 && is_ascii_alnum(s[i - 1]));
            unsigned const blank = blank_begins ? 0u : static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmplt_epi8(v, _mm_set1_epi8(0x0E)))));  // and controls
            for (unsigned cand = (words & ~before) | (~words & ~blank & 0xFFFFu); cand; cand &= cand - 1) {
                std::size_t const p = i + static_cast<std::size_t>(__builtin_ctz(cand));
                places[n] = static_cast<std::uint32_t>(p - base);
                n += in_set(first, s[p]);  // not inside a word: see `before`
            }
        } else if ((starts & ~three) == 0) {  // Chinese text: only three-byte characters start here
            for (; starts; starts &= starts - 1) {
                std::size_t const p = i + static_cast<std::size_t>(__builtin_ctz(starts));
                char32_t const cp = detail::three_byte_cp(s + p);
                places[n] = static_cast<std::uint32_t>(p - base);
                n += in_set(first, cp);
            }
        } else {
            for (; starts; starts &= starts - 1) {
                std::size_t const p = i + static_cast<std::size_t>(__builtin_ctz(starts));
                places[n] = static_cast<std::uint32_t>(p - base);
                n += begins_here(s, p, first);
            }
        }
        // On to the next character's start: a run of sixteen three-byte characters can
        // only begin there (the bytes passed over continue a character of this block).
        i += 16;
        std::size_t const inside = (s[i] & 0xC0) == 0x80;
        i += inside + (inside & ((s[i + 1] & 0xC0) == 0x80));
    }
#endif
    for (; i < limit && n < cap; ++i) {
        if ((s[i] & 0xC0) == 0x80) continue;
        if (i + utf8::sequence_length(s[i]) > to) { i = to; break; }  // a character cut by `to`
        places[n] = static_cast<std::uint32_t>(i - base);
        n += begins_here(s, i, first);
    }
    return n;
}

// Phase 2: of those places, the ones whose start (first word, or first two code points)
// passes the start filter (kept in order, in place); returns how many.
std::size_t keep_filtered(unsigned char const* s, std::size_t to, std::size_t base, start_filter const& f,
                          std::uint32_t* places, std::size_t n) noexcept {
    std::size_t m = 0;
    for (std::size_t k = 0; k < n; ++k) {
        std::uint32_t const x = places[k];
        places[m] = x & ~filtered;
        m += (x & filtered) ? 1 : f.may_continue(s, base + x, to);
    }
    return m;
}

}  // namespace

// One kind: the forward index (matches from a start, with the start filter) and a
// backward trie (matches ending at a place, aliases stored reversed), and the code points
// its aliases end with (those they begin with are the filter's).
struct matcher::impl {
    alias_trie forward;
    alias_trie backward;
    // The code points aliases begin and end with, BMP bit sets (see matcher::code_points).
    std::vector<std::uint64_t> first = std::vector<std::uint64_t>(1024, 0);
    std::vector<std::uint64_t> last = std::vector<std::uint64_t>(1024, 0);
};

std::uint64_t const matcher::no_code_points_[1024] = {};

matcher::matcher() = default;
matcher::~matcher() = default;
// A matcher moved from has no aliases, and its code point sets must not point into the
// impl it gave away.
matcher::matcher(matcher&& o) noexcept
    : impl_(std::move(o.impl_)), first_(std::exchange(o.first_, {})), last_(std::exchange(o.last_, {})) {}
matcher& matcher::operator=(matcher&& o) noexcept {
    impl_ = std::move(o.impl_);
    first_ = std::exchange(o.first_, {});
    last_ = std::exchange(o.last_, {});
    return *this;
}

bool matcher::empty() const noexcept { return !impl_; }

void matcher::add(std::string_view alias, std::uint32_t entry) {
    if (alias.empty()) return;
    if (!impl_) impl_ = std::make_unique<impl>();
    impl_->forward.insert(alias, 0, entry);
    impl_->backward.insert(alias, 0, entry, /*reversed=*/true);
    auto const* s = reinterpret_cast<unsigned char const*>(alias.data());
    std::size_t i = alias.size() - 1;
    while (i > 0 && (s[i] & 0xC0) == 0x80) --i;
    for (auto [set, at] : {std::pair{&impl_->first, std::size_t{0}}, std::pair{&impl_->last, i}}) {
        std::uint32_t const cp = std::min<std::uint32_t>(detail::next_cp(s, at).cp, 0xFFFF);
        (*set)[cp >> 6] |= std::uint64_t{1} << (cp & 63);
    }
}

void matcher::finish() {
    if (!impl_) return;
    impl_->forward.finish();
    impl_->backward.finish();
    first_.bmp = impl_->first.data();
    last_.bmp = impl_->last.data();
    for (auto* set : {&first_, &last_})
        for (unsigned b = 0; b < 0x80; ++b)
            if (set->has(detail::fold_cp(b))) set->ascii[b >> 6] |= std::uint64_t{1} << (b & 63);
}

std::optional<lexicon_match> matcher::walk_from(std::string_view text, std::size_t pos) const {
    if (!impl_) return std::nullopt;
    std::optional<lexicon_match> best;
    impl_->forward.walk_forward(text, pos, text.size(), [&](std::size_t end, trie_terminal const& t) {
        if (alnum_at(text, end - 1) && alnum_at(text, end)) return;  // ends inside a word
        best = lexicon_match{pos, end, t.entry};
    });
    return best;
}

std::optional<lexicon_match> matcher::walk_back_from(std::string_view text, std::size_t end) const {
    if (!impl_) return std::nullopt;
    std::optional<lexicon_match> best;
    impl_->backward.walk_backward(text, end, 0, [&](std::size_t begin, trie_terminal const& t) {
        if (begin > 0 && alnum_at(text, begin) && alnum_at(text, begin - 1)) return;  // starts inside a word
        best = lexicon_match{begin, end, t.entry};
    });
    return best;
}

void matcher::find_all(std::string_view text, std::size_t from, std::size_t to,
                       std::vector<lexicon_match>& out) const {
    if (!impl_) return;
    to = std::min(to, text.size());
    std::string_view const t = text.substr(0, to);
    auto const* s = reinterpret_cast<unsigned char const*>(t.data());
    for (std::size_t i = from; i < to;) {
        if ((s[i] & 0xC0) == 0x80) {  // inside a character
            ++i;
            continue;
        }
        if (may_begin_at(t, i))
            if (auto m = walk_from(t, i)) {
                out.push_back(*m);
                i = m->end;
                continue;
            }
        i += utf8::sequence_length(s[i]);
    }
}

// ---- lexicon_scanner -------------------------------------------------------------

struct lexicon_scanner::impl : detail::alias_index {};

lexicon_scanner::lexicon_scanner(lexicon const& lex, std::vector<std::string> kinds)
    : impl_(std::make_unique<impl>()), kinds_(std::move(kinds)) {
    for (std::uint32_t i = 0; i < lex.entries().size(); ++i) {
        auto const& e = lex.entries()[i];
        for (std::size_t k = 0; k < kinds_.size(); ++k)
            if (e.kind == kinds_[k])
                for (auto const& a : e.aliases) impl_->add(a, static_cast<std::uint16_t>(k), i);
    }
    impl_->finish();
}

lexicon_scanner::~lexicon_scanner() = default;

void lexicon_scanner::scan(std::string_view text, std::size_t from, std::size_t to,
                                                 std::vector<std::vector<lexicon_match>>& out) const {
    out.resize(kinds_.size());
    to = std::min(to, text.size());
    if (from >= to || impl_->trie.empty()) return;
    std::string_view const t = text.substr(0, to);
    auto const* s = reinterpret_cast<unsigned char const*>(t.data());
    auto const& filter = impl_->filter;
    auto const& trie = impl_->trie;
    auto const& words = impl_->words;
    // What `out` held before this call: the matches to append to, never to replace
    // (on the stack for up to 16 kinds: a scan runs once per block).
    std::size_t held_few[16];
    std::vector<std::size_t> held_many(out.size() > 16 ? out.size() : 0);
    std::size_t* const held = out.size() > 16 ? held_many.data() : held_few;
    for (std::size_t k = 0; k < out.size(); ++k) held[k] = out[k].size();
    // Three phases per stretch of text, so that the common cases cost no branch the
    // processor could mispredict: collect the places whose first code point may begin
    // an alias (not inside an ASCII word); keep those whose start passes the filter;
    // walk the trie from the places that remain.
    constexpr std::size_t chunk = 512;
    std::uint32_t places[chunk];
    std::size_t i = from;
    while (i < to) {
        std::size_t const base = i;
        std::size_t n = collect_starts(s, i, to, text.size(), base, filter, places, chunk);
        n = keep_filtered(s, to, base, filter, places, n);
        for (std::size_t k = 0; k < n; ++k) {
            std::size_t const p = base + places[k];
            // Terminals come shortest first: a longer match of a kind replaces the one
            // this call found here before (never one `out` held before the call).
            auto const record = [&](std::size_t end, trie_terminal const& term) __attribute__((always_inline)) {
                if (alnum_at(t, end - 1) && alnum_at(t, end)) return;  // ends inside a word
                auto& v = out[term.kind];
                if (v.size() > held[term.kind] && v.back().begin == p) v.back() = lexicon_match{p, end, term.entry};
                else v.push_back(lexicon_match{p, end, term.entry});
            };
            if (!is_ascii_alnum(s[p])) {
                trie.walk_forward(t, p, to, record);
                continue;
            }
            // An English word: the walk takes the whole word at once.
            auto const w = detail::read_ascii_word(s, p, to);
            alias_trie::state at;
            bool terms;
            if (w.length < 16 && words.find(w, at, terms)) {
                if (terms) trie.visit_at(t, p, at, record);
                trie.walk_on(t, p, at, to, record);
            } else if (w.length >= 16 && words.long_words()) {
                trie.walk_forward(t, p, to, record);
            }
        }
    }
}

void leftmost_longest(std::vector<lexicon_match> const& all, std::size_t from, std::size_t to,
                      std::vector<lexicon_match>& out) {
    // The first match that begins at or after `from`: where it lies among a document's
    // matches is not predictable, so the search is one of conditional moves.
    auto const* m = all.data() + detail::prefix_length(all, [&](lexicon_match const& x) { return x.begin < from; });
    auto const* const end = all.data() + all.size();
    std::size_t last = from;
    for (; m != end && m->begin < to; ++m) {
        if (m->begin < last || m->end > to) continue;  // overlaps the last one, or crosses `to`
        out.push_back(*m);
        last = m->end;
    }
}

// ---------------------------------------------------------------------------

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t b = 0;
    while (true) {
        std::size_t e = s.find(sep, b);
        out.emplace_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

void check_entry(lexicon_entry const& e) {
    auto fail = [&](std::string const& why) { throw lexicon_error(e.file, e.line, why); };
    if (e.kind.empty()) fail("empty kind");
    for (char c : e.kind)
        if (!((c >= 'a' && c <= 'z') || c == '_')) fail("kind '" + e.kind + "' must be lower-case letters and _");
    if (e.id.empty()) fail("empty id");
    if (e.aliases.empty()) fail("entry '" + e.id + "' has no aliases");
    for (auto const& a : e.aliases) {
        if (a.empty()) fail("entry '" + e.id + "' has an empty alias (check for '||' or a trailing '|')");
        if (utf8::find_invalid(a) != std::string_view::npos) fail("alias of '" + e.id + "' is not valid UTF-8");
    }
}

}  // namespace

lexicon lexicon::from_text(std::string_view text, std::string_view name) {
    lexicon lex;
    std::size_t line_no = 0, b = 0;
    while (b <= text.size()) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        std::string_view line = text.substr(b, e - b);
        ++line_no;
        b = e + 1;
        std::string_view t = trim(line);
        if (t.empty() || t.front() == '#') {
            if (e == text.size()) break;
            continue;
        }
        auto cols = split(t, '\t');
        if (cols.size() < 5 || cols.size() > 6)
            throw lexicon_error(std::string(name), line_no,
                                "expected 5 or 6 tab-separated columns (kind, id, label, weight, aliases[, expands]), found " +
                                    std::to_string(cols.size()));
        lexicon_entry ent;
        ent.file = std::string(name);
        ent.line = line_no;
        ent.kind = std::string(trim(cols[0]));
        ent.id = std::string(trim(cols[1]));
        ent.label = std::string(trim(cols[2]));
        if (ent.label == "-") ent.label.clear();
        std::string_view w = trim(cols[3]);
        if (w != "-" && !w.empty()) {
            auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), ent.weight);
            if (ec != std::errc{} || p != w.data() + w.size())
                throw lexicon_error(ent.file, line_no, "weight '" + std::string(w) + "' is not a number or '-'");
        }
        for (auto& a : split(trim(cols[4]), '|')) ent.aliases.emplace_back(trim(a));
        if (cols.size() == 6 && !trim(cols[5]).empty() && trim(cols[5]) != "-")
            for (auto& x : split(trim(cols[5]), '|')) ent.expands.emplace_back(trim(x));
        check_entry(ent);
        lex.entries_.push_back(std::move(ent));
        if (e == text.size()) break;
    }
    lex.compile();
    return lex;
}

lexicon lexicon::from_file(std::filesystem::path const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw lexicon_error(path.string(), 0, "cannot open the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::size_t bad = utf8::find_invalid(text);
    if (bad != std::string::npos) {
        std::size_t line = 1;
        for (std::size_t i = 0; i < bad; ++i) line += text[i] == '\n';
        throw lexicon_error(path.string(), line, "not valid UTF-8");
    }
    return from_text(text, path.string());
}

lexicon lexicon::from_entries(std::vector<lexicon_entry> entries) {
    lexicon lex;
    for (auto& e : entries) {
        if (e.file.empty()) e.file = "<entries>";
        check_entry(e);
    }
    lex.entries_ = std::move(entries);
    lex.compile();
    return lex;
}

std::shared_ptr<lexicon const> lexicon::builtin() {
    static std::shared_ptr<lexicon const> const lex =
        std::make_shared<lexicon const>(from_text(detail::builtin_lexicon_text(), "<builtin>"));
    return lex;
}

lexicon lexicon::merged(lexicon const& other, bool replace) const {
    lexicon out;
    for (auto const& e : entries_) {
        bool dropped = false;
        if (replace)
            for (auto const& o : other.entries_)
                if (o.kind == e.kind) { dropped = true; break; }
        if (!dropped) out.entries_.push_back(e);
    }
    // The user's entries come first so that their aliases win over built-in ones.
    out.entries_.insert(out.entries_.begin(), other.entries_.begin(), other.entries_.end());
    out.compile();
    return out;
}

struct lexicon::scanner_cache {
    std::mutex mutex;
    std::vector<std::pair<std::vector<std::string>, std::shared_ptr<lexicon_scanner const>>> built;
};

lexicon::lexicon() : scanners_(std::make_shared<scanner_cache>()) {}

void lexicon::compile() {
    matchers_.clear();
    for (std::uint32_t i = 0; i < entries_.size(); ++i) {
        auto const& e = entries_[i];
        matcher* m = nullptr;
        for (auto& [k, mm] : matchers_)
            if (k == e.kind) m = mm.get();
        if (!m) {
            matchers_.emplace_back(e.kind, std::make_shared<matcher>());
            m = matchers_.back().second.get();
        }
        for (auto const& a : e.aliases) m->add(a, i);
    }
    for (auto& [k, m] : matchers_) m->finish();
    scanners_ = std::make_shared<scanner_cache>();
}

std::shared_ptr<lexicon_scanner const> lexicon::scanner(std::vector<std::string> const& kinds) const {
    std::lock_guard<std::mutex> lock(scanners_->mutex);
    for (auto const& [k, s] : scanners_->built)
        if (k == kinds) return s;
    auto s = std::make_shared<lexicon_scanner const>(*this, kinds);
    scanners_->built.emplace_back(kinds, s);
    return s;
}

void const* lexicon::derived(void const* tag, std::shared_ptr<void const> (*make)(lexicon const&)) const {
    auto const built = [&]() -> void const* {
        for (auto const& [t, tables] : derived_.built)
            if (t == tag) return tables.get();
        return nullptr;
    };
    {
        std::lock_guard<std::mutex> lock(derived_.mutex);
        if (auto const* tables = built()) return tables;
    }
    // Built outside the lock: building one stage's tables may ask for another's.
    auto tables = make(*this);
    std::lock_guard<std::mutex> lock(derived_.mutex);
    if (auto const* first = built()) return first;  // another thread built them meanwhile
    derived_.built.emplace_back(tag, std::move(tables));
    return derived_.built.back().second.get();
}

matcher const& lexicon::match(std::string_view kind) const {
    for (auto const& [k, m] : matchers_)
        if (k == kind) return *m;
    static matcher const none;
    return none;
}

lexicon_entry const* lexicon::find(std::string_view kind, std::string_view id) const {
    for (auto const& e : entries_)
        if (e.kind == kind && e.id == id) return &e;
    return nullptr;
}

}  // namespace reportx
