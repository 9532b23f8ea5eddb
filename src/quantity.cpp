// Quantity expressions: number (Arabic via the X3 grammar, Chinese numerals, English
// number words) + scale + unit + qualifiers or a range, with the rules that tell a
// policy quantity from a year, date, ordinal, label or list number.
// Every word list (units, scales, qualifiers, labels, names) is lexicon data.
#include "quantity.hpp"

#include <algorithm>  // std::min, std::max
#include <array>
#include <charconv>   // std::from_chars

#include "avx2.hpp"  // detail::avx2_on: whether the prescan of English text may use AVX2
#include "reportx/grammar/structure_match.hpp"
#include "reportx/utf8.hpp"
#include "simd.hpp"

namespace reportx::detail {



namespace {

// The code point that ends at `end` (> 0) of valid UTF-8, one- and three-byte characters
// (nearly all) decoded inline: no walk back over the bytes.
[[gnu::always_inline]] inline char32_t cp_before(std::string_view t, std::size_t end) noexcept {
    auto const* s = reinterpret_cast<unsigned char const*>(t.data());
    if (s[end - 1] < 0x80) return s[end - 1];
    if (end >= 3 && (s[end - 3] & 0xF0) == 0xE0) return three_byte_cp(s + end - 3);
    return utf8::decode(t, utf8::prev(t, end)).cp;
}

// A matcher lookup that starts right after a digit: the word-boundary rule of the
// matcher would refuse `kWh` in `10kWh`, so the view starts at `pos`. This and
// match_ending are inlined: a scan makes some ten of them per number, most turned down by
// the first code point, and a call with its optional returned through memory cost more
// than the test.
[[gnu::always_inline]] inline std::optional<lexicon_match> match_at(matcher const& m, std::string_view t, std::size_t pos,
                                                                   std::size_t to) {
    if (pos >= to) return std::nullopt;
    auto r = m.longest_at(t.substr(pos, to - pos), 0);
    if (!r) return std::nullopt;
    r->begin += pos;
    r->end += pos;
    return r;
}
// Ending right before a number (`RMB1.2`): the view ends at `end`.
[[gnu::always_inline]] inline std::optional<lexicon_match> match_ending(matcher const& m, std::string_view t,
                                                                       std::size_t end, std::size_t from) {
    if (end <= from) return std::nullopt;
    auto r = m.longest_ending_at(t.substr(0, end), end);
    if (!r || r->begin < from) return std::nullopt;
    return r;
}

// Where the run of ASCII letters from i ends (not past to), sixteen bytes at a time with SSE2.
std::size_t letters_end(std::string_view t, std::size_t i, std::size_t to) noexcept {
    return simd::find_byte(
        reinterpret_cast<unsigned char const*>(t.data()), i, to,
        [](auto v) { return ~simd::bits(simd::ascii_letters(v)) & 0xFFFFu; },
        [](unsigned char c) { return !is_ascii_alpha(c); });
}

// ASCII white space only (English numbers and their words are separated by spaces).
std::size_t skip_ascii_space(std::string_view t, std::size_t pos, std::size_t to) noexcept {
    while (pos < to && (t[pos] == ' ' || t[pos] == '\t' || t[pos] == '\n' || t[pos] == '\r')) ++pos;
    return pos;
}

// Chinese numerals: the one digit table and reader the heading labels use too.
using grammar::chinese_digit;
using grammar::chinese_multiplier;

// Characters that can start a Chinese numeral here (a digit, 十, the 数 of numbers like 数十),
// as a table built from them at compile time, by the first two bytes (little-endian) of a
// character: the third bytes that make one of them are the set bits of thirds[pair[...]],
// none for most characters, all for a pair that does not begin a three-byte character.
// A run of Chinese text is skipped with three loads and one branch per character (the
// pairs of Chinese text fill a few cache lines of the 64 KB).
constexpr bool starts_numeral(char32_t cp) noexcept { return chinese_digit(cp) >= 0 || cp == U'十' || cp == U'数'; }
struct numeral_table {
    std::uint8_t pair[0x10000] = {};
    std::uint64_t thirds[64] = {0, ~std::uint64_t{0}};
    constexpr numeral_table() {
        for (std::uint32_t p = 0; p < 0x10000; ++p)
            if ((p & 0xF0) != 0xE0) pair[p] = 1;
        std::uint8_t used = 1;
        for (char32_t cp = 0x800; cp < 0x10000; ++cp) {
            if (!starts_numeral(cp)) continue;
            std::uint32_t const p = (0xE0 | cp >> 12) | (0x80 | ((cp >> 6) & 0x3F)) << 8;
            if (pair[p] == 0) pair[p] = ++used;
            thirds[pair[p]] |= std::uint64_t{1} << (cp & 0x3F);
        }
    }
};
constexpr numeral_table numerals{};
// Whether the character at s is a three-byte one that starts no numeral: the bulk of
// Chinese text.
bool plain_three_byte(unsigned char const* s) noexcept {
    return !((numerals.thirds[numerals.pair[s[0] | s[1] << 8]] >> (s[2] & 0x3F)) & 1);
}
// Where the run of those from i on ends (i + 2 < to): at a character that is not one, or
// where fewer than three bytes are left. The loop over Chinese text.
std::size_t skip_plain_three_byte(std::string_view t, std::size_t i, std::size_t to) noexcept {
    auto const* const s = reinterpret_cast<unsigned char const*>(t.data());
    auto const* p = s + i;
    auto const* const last = s + to - 2;
    while (p + 3 < last && plain_three_byte(p) && plain_three_byte(p + 3)) p += 6;  // two at a time
    while (p < last && plain_three_byte(p)) p += 3;
    return static_cast<std::size_t>(p - s);
}

bool is_han_at(std::string_view t, std::size_t pos, std::size_t to) noexcept {
    return pos < to && utf8::is_han(utf8::decode(t, pos).cp);
}

// An ASCII word equal to a lower-case word, ignoring case (`The` is `the`).
bool word_is(std::string_view w, std::string_view lower) noexcept {
    if (w.size() != lower.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i)
        if ((w[i] | 0x20) != lower[i]) return false;
    return true;
}

// Words after a number that do not make it a count of things.
bool is_stop_word(std::string_view w) noexcept {
    static constexpr std::string_view stop[] = {
        "of", "and", "or", "to", "in", "at", "on", "the", "a", "an", "for", "with", "by", "from", "is", "are",
        "was", "were", "will", "be", "has", "have", "per", "as", "than", "that", "this", "which", "over", "under",
        "its", "it", "into", "across", "since", "until", "after", "before", "during", "while", "if", "so",
        "but", "not", "also", "more", "less", "each", "every", "last", "next", "when", "where", "we"};
    for (auto s : stop)
        if (word_is(w, s)) return true;
    return false;
}

// The words an alias of `number` begins with: its letters up to the first byte that is
// no letter (an alias that begins otherwise never matches where a word begins).
std::vector<std::string_view> number_words(lexicon const& lex) {
    std::vector<std::string_view> words;
    for (auto const& e : lex.entries())
        if (id_is(e.kind, "number"))
            for (std::string_view a : e.aliases)
                if (std::size_t const letters = letters_end(a, 0, a.size())) words.push_back(a.substr(0, letters));
    return words;
}

#if REPORTX_AVX2_PATHS
using detail::ascii_letters32;
using detail::bits32;
using detail::in_range32;
using detail::load32;
// The classes (word_beginnings) of the 32 bytes at p, of which the first `left` are in the
// block: a letter's low five bits, 0 for any other byte and for those past the block.
REPORTX_AVX2 __m256i classes32(unsigned char const* p, int left) noexcept {
    __m256i const index = _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                                           21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
    __m256i const v = load32(p);
    __m256i const letter = _mm256_and_si256(ascii_letters32(v), _mm256_cmpgt_epi8(_mm256_set1_epi8(static_cast<char>(left)), index));
    return _mm256_and_si256(_mm256_and_si256(v, _mm256_set1_epi8(0x1F)), letter);
}
// A table of 32 bytes, as its two halves each in both lanes (PSHUFB looks up within a lane).
struct table32 {
    __m256i lo, hi;
    REPORTX_AVX2 explicit table32(std::uint8_t const* t) noexcept
        : lo(_mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<__m128i const*>(t)))),
          hi(_mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<__m128i const*>(t + 16)))) {}
    // The entries of 32 indices (0-31). PSHUFB reads an index's low four bits and gives 0
    // where its top bit is set: 0-15 plus 0x70 read lo and stay below 0x80, 16-31 minus 16
    // read hi and 0-15 minus 16 have the top bit.
    REPORTX_AVX2 __m256i operator()(__m256i x) const noexcept {
        return _mm256_or_si256(_mm256_shuffle_epi8(lo, _mm256_add_epi8(x, _mm256_set1_epi8(0x70))),
                               _mm256_shuffle_epi8(hi, _mm256_sub_epi8(x, _mm256_set1_epi8(16))));
    }
};

// The bytes of the 32 at p that may begin a word of word_beginnings b (given as its six
// tables: first, second, third, each for group sets 0 and 1), of which the first `left`
// are in the block. (A word's own first byte is a letter: its class needs no test.)
REPORTX_AVX2 std::uint32_t beginnings32(unsigned char const* p, int left, table32 const (&b)[6]) noexcept {
    __m256i const c0 = _mm256_and_si256(load32(p), _mm256_set1_epi8(0x1F));
    __m256i const c1 = classes32(p + 1, left - 1);
    __m256i const c2 = classes32(p + 2, left - 2);
    __m256i const held = _mm256_or_si256(_mm256_and_si256(_mm256_and_si256(b[0](c0), b[2](c1)), b[4](c2)),
                                         _mm256_and_si256(_mm256_and_si256(b[1](c0), b[3](c1)), b[5](c2)));
    return ~bits32(_mm256_cmpeq_epi8(held, _mm256_setzero_si256()));
}

// next_candidate with AVX2, 32 bytes at a time while the 64 bytes at pos can be read (a
// word's length is read from the letters of the next 32 too): the same candidates, less
// the word starts whose first three bytes begin no word of the filter (told for all 32
// bytes at once by `beginnings`). Those are no number: an alias of `number` matches only
// where the text's word is its first word. That leaves some one word start in 20 to the
// filter's own test and its branch (the SSE2 path tests every one). Returns true with the
// candidate (or `to`) in pos, or false with pos where the other paths go on. Bytes from
// `to` on count as no letters.
[[gnu::target("avx2")]] bool next_candidate_avx2(unsigned char const* s, std::size_t size, std::size_t& pos,
                                                 std::size_t from, std::size_t to, word_beginnings const& beginnings,
                                                 word_filter const& filter) noexcept {
    table32 const tables[6] = {table32(beginnings.first[0]),  table32(beginnings.first[1]),
                               table32(beginnings.second[0]), table32(beginnings.second[1]),
                               table32(beginnings.third[0]),  table32(beginnings.third[1])};
    std::uint32_t letter_before = pos > from && is_ascii_alpha(static_cast<char>(s[pos - 1]));
    std::uint32_t letters_here = bits32(ascii_letters32(load32(s + pos)));
    for (; pos < to && pos + 64 <= size; pos += 32) {
        auto const left = static_cast<int>(std::min<std::size_t>(to - pos, 64));  // bytes of the block
        std::uint64_t const in_block = left == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << left) - 1;
        std::uint32_t const letters_ahead = bits32(ascii_letters32(load32(s + pos + 32)));
        std::uint64_t const letters = (letters_here | std::uint64_t{letters_ahead} << 32) & in_block;
        std::uint32_t const starts = static_cast<std::uint32_t>(letters) & ~(static_cast<std::uint32_t>(letters) << 1 | letter_before);
        std::uint32_t const begins = beginnings32(s + pos, left, tables);
        __m256i const v = load32(s + pos);
        std::uint32_t const others = bits32(_mm256_or_si256(in_range32(v, '0', 9), v)) & static_cast<std::uint32_t>(in_block);
        std::uint64_t const ends = ~letters;
        std::uint32_t hits = 0;
        for (std::uint32_t at = starts & begins; at; at &= at - 1) {
            auto const k = static_cast<unsigned>(std::countr_zero(at));
            std::size_t length = static_cast<unsigned>(std::countr_zero(ends >> k));  // 64 - k if all letters
            if (k + length >= 64) [[unlikely]]  // the letters run past the 64 bytes
                length = letters_end(std::string_view(reinterpret_cast<char const*>(s), size), pos + 64, to) - pos - k;
            hits |= std::uint32_t{filter.may_hold(reinterpret_cast<char const*>(s) + pos + k, length)} << k;
        }
        if (std::uint32_t const found = hits | others) {
            pos += static_cast<unsigned>(std::countr_zero(found));
            return true;
        }
        letter_before = static_cast<std::uint32_t>(letters >> 31) & 1;
        letters_here = letters_ahead;
    }
    if (pos < to) return false;
    pos = to;
    return true;
}
#endif

}  // namespace

word_beginnings::word_beginnings(std::vector<std::string_view> const& words) {
    // A group: the classes it lets through at each of the three bytes, as bit sets.
    using group = std::array<std::uint32_t, 3>;
    auto class_bit = [](char letter) { return std::uint32_t{1} << (letter & 31); };
    std::vector<group> groups_of;
    for (std::string_view w : words) {
        // a shorter word ends with a byte of class 0; after a one-letter word, any byte
        std::uint32_t const second = w.size() > 1 ? class_bit(w[1]) : 1u;
        std::uint32_t const third = w.size() > 2 ? class_bit(w[2]) : w.size() == 2 ? 1u : ~0u;
        // a group for each first two letters
        auto same = std::find_if(groups_of.begin(), groups_of.end(),
                                 [&](group const& g) { return g[0] == class_bit(w[0]) && g[1] == second; });
        if (same == groups_of.end()) groups_of.push_back({class_bit(w[0]), second, third});
        else (*same)[2] |= third;
    }
    // Too many: join the two groups whose union lets through the fewest beginnings that
    // neither of them does.
    auto size = [](group const& g) { return std::popcount(g[0]) * std::popcount(g[1]) * std::popcount(g[2]); };
    while (groups_of.size() > groups) {
        std::size_t best_a = 0, best_b = 1;
        int best = -1;
        for (std::size_t a = 0; a < groups_of.size(); ++a)
            for (std::size_t b = a + 1; b < groups_of.size(); ++b) {
                group const& x = groups_of[a];
                group const& y = groups_of[b];
                int const more = size({x[0] | y[0], x[1] | y[1], x[2] | y[2]}) - size(x) - size(y);
                if (best < 0 || more < best) best = more, best_a = a, best_b = b;
            }
        for (int k = 0; k < 3; ++k) groups_of[best_a][k] |= groups_of[best_b][k];
        groups_of.erase(groups_of.begin() + static_cast<std::ptrdiff_t>(best_b));
    }
    for (std::size_t g = 0; g < groups_of.size(); ++g) {
        auto const bit = static_cast<std::uint8_t>(1u << (g % 8));
        for (unsigned c = 0; c < 32; ++c) {
            if ((groups_of[g][0] >> c) & 1) first[g / 8][c] |= bit;
            if ((groups_of[g][1] >> c) & 1) second[g / 8][c] |= bit;
            if ((groups_of[g][2] >> c) & 1) third[g / 8][c] |= bit;
        }
    }
}

// ---- quantity_scanner ----------------------------------------------------------------

// A number of any form: end, value and the Arabic facts (grouped, decimal, digits) of
// the arabic_number it extends, and where it begins.
struct quantity_scanner::number_core : arabic_number {
    enum class form : std::uint8_t { arabic, chinese, word };
    std::size_t begin = 0;
    std::optional<double> low, high;  // vague Chinese ranges: 两三, 数十
    form type = form::arabic;
    bool capitalized = false;
};

quantity_scanner::quantity_scanner(lexicon const& lex)
    : lex_(lex),
      number_(lex.match("number")),
      names_(lex.match("name")),
      unit_(lex.match("unit")),
      scale_(lex.match("scale")),
      qualifier_post_(lex.match("qualifier_post")),
      qualifier_infix_(lex.match("qualifier_infix")),
      not_after_(lex.match("not_quantity_after")),
      unit_prefix_(lex.match("unit_prefix")),
      qualifier_(lex.match("qualifier")),
      not_before_(lex.match("not_quantity_before")),
      not_range_(lex.match("not_range")),
      number_beginnings_(number_words(lex)) {
    for (std::string_view w : number_words(lex)) number_words_.add(w);
}

bool quantity_scanner::number_at(std::string_view t, std::size_t pos, std::size_t to, number_core& n) const {
    n = number_core{};
    n.begin = pos;
    char c = t[pos];
    if (is_ascii_digit(c)) {
        auto a = parse_arabic(t.substr(0, to), pos);
        if (!a) return false;
        n.type = number_core::form::arabic;
        static_cast<arabic_number&>(n) = *a;
        // `67. 7%`: a decimal point that PDF extraction split from its digits.
        if (!n.decimal && !n.grouped && n.int_digits <= 3 && n.end + 2 < to && t[n.end] == '.' &&
            t[n.end + 1] == ' ' && is_ascii_digit(t[n.end + 2])) {
            std::size_t q = n.end + 2;
            while (q < to && is_ascii_digit(t[q])) ++q;
            std::size_t r = skip_ascii_space(t, q, to);
            bool unit_follows = (r < to && (t[r] == '%' || match_at(scale_, t, r, to) ||
                                            match_at(unit_, t, r, to))) ||
                                (q < to && !is_ascii_digit(t[q]) && match_at(unit_, t, q, to));
            if (unit_follows && q - (n.end + 2) <= 3) {
                char digits[8];  // at most three digits, the point, three digits
                std::size_t k = t.copy(digits, n.end - pos, pos);
                digits[k++] = '.';
                k += t.copy(digits + k, q - n.end - 2, n.end + 2);
                std::from_chars(digits, digits + k, n.value);
                n.decimal = true;
                n.end = q;
            }
        }
        return true;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
        auto d = utf8::decode(t, pos);
        if (d.cp == U'数') {  // 数十 / 数百 / 数千: 2..9 times the multiplier
            std::size_t q = pos + d.length;
            if (q >= to) return false;
            auto d2 = utf8::decode(t, q);
            int m = chinese_multiplier(d2.cp);
            if (!m) return false;
            n.type = number_core::form::chinese;
            n.low = 2.0 * m;
            n.high = 9.0 * m;
            n.value = 0;
            n.end = q + d2.length;
            return true;
        }
        int first = chinese_digit(d.cp);
        if (first < 0 && d.cp != U'十') return false;
        n.type = number_core::form::chinese;
        // 两三 / 三四 (+ multiplier): a vague range of two neighbouring digits.
        if (first > 0) {
            std::size_t q = pos + d.length;
            if (q < to) {
                auto d2 = utf8::decode(t, q);
                int second = chinese_digit(d2.cp);
                if (second == first + 1 || (first == 2 && second == 3)) {
                    double m = 1;
                    std::size_t e = q + d2.length;
                    if (e < to) {
                        auto d3 = utf8::decode(t, e);
                        if (int mm = chinese_multiplier(d3.cp)) {
                            m = mm;
                            e += d3.length;
                        }
                    }
                    n.low = first * m;
                    n.high = second * m;
                    n.end = e;
                    return true;
                }
            }
        }
        // 一百零五, 一千零二十; 十四五 stops after 十四
        auto num = grammar::chinese_numeral_at(t.substr(0, to), pos);
        n.value = static_cast<double>(num.value);
        n.end = num.end;
        return n.end > pos;
    }
    if (is_ascii_alpha(c)) {
        if (pos > 0 && is_ascii_alpha(t[pos - 1])) return false;
        auto m = number_.longest_at(t.substr(0, to), pos);
        if (!m) return false;
        n.type = number_core::form::word;
        n.value = lex_.entry(m->entry).weight;
        n.end = m->end;
        n.capitalized = c >= 'A' && c <= 'Z';
        // twenty-five / twenty five
        if (n.value >= 20 && n.value < 100 && n.end < to && (t[n.end] == '-' || t[n.end] == ' ')) {
            if (auto m2 = number_.longest_at(t.substr(0, to), n.end + 1)) {
                double v2 = lex_.entry(m2->entry).weight;
                if (v2 >= 1 && v2 <= 9) {
                    n.value += v2;
                    n.end = m2->end;
                }
            }
        }
        return true;
    }
    return false;
}

// Whether the numeral character at pos stands alone before a character that neither
// continues a numeral (a digit, 十 百 千) nor may begin a unit, a scale word or 多/余: such
// a numeral is no quantity (the fast exit in scan drops it; 数 alone is no number), so it
// is passed over without reading it. Most numeral characters are such (一是, 统一, 十分).
bool quantity_scanner::lone_numeral(std::string_view t, std::size_t pos, std::size_t to) const {
    std::size_t const next = pos + 3;
    if (next + 3 > to) return false;
    auto const* s = reinterpret_cast<unsigned char const*>(t.data()) + next;
    if ((s[0] & 0xF0) != 0xE0) return false;
    char32_t const cp = three_byte_cp(s);
    if (chinese_digit(cp) >= 0 || chinese_multiplier(cp)) return false;
    return !unit_.may_begin_at(t, next) && !scale_.may_begin_at(t, next) && !qualifier_infix_.may_begin_at(t, next);
}

// Whether one of the names that matcher::find_all finds in text[wb, we) (leftmost-longest)
// overlaps [begin, end). They are read only up to `end`, past which none can overlap, and
// the matcher is asked only where the code point may begin a name.
bool quantity_scanner::inside_name(std::string_view t, std::size_t wb, std::size_t we, std::size_t begin,
                                   std::size_t end) const {
    std::string_view const window = t.substr(0, we);
    auto alnum = [&](std::size_t p) { return p < window.size() && utf8::is_ascii_alnum(window[p]); };
    for (std::size_t i = wb; i < end;) {
        auto const c = static_cast<unsigned char>(window[i]);
        if ((alnum(i) && i > 0 && alnum(i - 1)) || (c & 0xC0) == 0x80) {  // inside a word or a character
            ++i;
            continue;
        }
        if (auto m = names_.longest_at(window, i)) {
            if (m->begin < end && m->end > begin) return true;
            i = m->end;
            continue;
        }
        i += utf8::sequence_length(c);
    }
    return false;
}

// The first place at or after pos (< to) where the scan has something to read: a digit, a
// byte of a non-ASCII character, or the start of an ASCII word (a letter after a non-letter
// or at `from`) that number_words_ may hold; `to` when there is none. English text goes
// sixteen bytes at a time: a mask of its word starts, and per start a look at the word's
// first and third letters and its length (from the letters of the next sixteen bytes too,
// so that almost every word ends in the mask). No branch per word: English words come in
// no order a branch predictor could learn.
std::size_t quantity_scanner::next_candidate(std::string_view t, std::size_t pos, std::size_t from,
                                             std::size_t to) const {
    auto const* const s = reinterpret_cast<unsigned char const*>(t.data());
#if REPORTX_AVX2_PATHS
    if (avx2_on().load(std::memory_order_relaxed) &&
        next_candidate_avx2(s, t.size(), pos, from, to, number_beginnings_, number_words_))
        return pos;
#endif
#if defined(__SSE2__)
    if (pos + 32 <= to) {
        auto load = [&](std::size_t p) { return _mm_loadu_si128(reinterpret_cast<simd::block const*>(s + p)); };
        simd::block v = load(pos);
        std::uint32_t letters = simd::bits(simd::ascii_letters(v));
        std::uint32_t letter_before = pos > from && is_ascii_alpha(t[pos - 1]);
        for (; pos + 32 <= to; pos += 16) {
            simd::block const ahead = load(pos + 16);
            std::uint32_t const ahead_letters = simd::bits(simd::ascii_letters(ahead));
            // the bytes that end a word, of 32 (the bits above them set: no count of zeros finds none)
            std::uint64_t const ends = ~std::uint64_t{letters | ahead_letters << 16};
            std::uint32_t const others = simd::bits(simd::any(simd::in_range(v, '0', 9), v));  // digits, top bit
            std::uint32_t hits = 0;
            for (std::uint32_t starts = letters & ~(letters << 1 | letter_before); starts; starts &= starts - 1) {
                auto const k = static_cast<unsigned>(std::countr_zero(starts));
                auto const length = static_cast<unsigned>(std::countr_zero(ends >> k));  // up to 32 - k
                if (k + length == 32) [[unlikely]] {  // seventeen letters or more
                    hits |= std::uint32_t{number_words_.may_hold(t.data() + pos + k, letters_end(t, pos + 32, to) - pos - k)} << k;
                    continue;
                }
                hits |= std::uint32_t{number_words_.may_hold(t.data() + pos + k, length)} << k;
            }
            if (std::uint32_t const found = hits | others) return pos + static_cast<unsigned>(std::countr_zero(found));
            v = ahead;
            letter_before = letters >> 15;
            letters = ahead_letters;
        }
    }
#endif
    while (pos < to) {
        unsigned char const c = s[pos];
        if (c >= 0x80 || is_ascii_digit(c)) return pos;
        if (!is_ascii_alpha(c)) {
            ++pos;
            continue;
        }
        std::size_t const we = letters_end(t, pos + 1, to);
        if ((pos == from || !is_ascii_alpha(t[pos - 1])) && number_words_.may_hold(t.data() + pos, we - pos)) return pos;
        pos = we;
    }
    return to;
}

void quantity_scanner::scan(std::string_view t, std::size_t from, std::size_t to, std::vector<quantity>& out) const {
    to = std::min(to, t.size());
    std::size_t i = from;
    number_core n, n2;
    while (i < to) {
        // ---- prescan: only digits, Chinese numerals and words that may be number words are candidates
        unsigned char c = static_cast<unsigned char>(t[i]);
        if (c < 0x80) {
            if (is_ascii_alpha(static_cast<char>(c))) {
                // English text: on to the next digit, non-ASCII byte or start of a word that may
                // be a number word (most words are not, and the filter is far cheaper than the matcher)
                i = next_candidate(t, i, from, to);
                if (i == to) break;
                c = static_cast<unsigned char>(t[i]);
            } else if (!is_ascii_digit(static_cast<char>(c))) {
                ++i;  // a space or a mark, alone in Chinese text (a line break, `%`)
                continue;
            }
        }
        if (c < 0x80) {
            if (!number_at(t, i, to, n)) {
                i = is_ascii_alpha(static_cast<char>(c)) ? letters_end(t, i + 1, to) : i + 1;
                continue;
            }
        } else if ((c & 0xF0) == 0xE0) {
            // three-byte character: one that starts a numeral? (〇 零 一 … 九 两 十 数)
            if (i + 2 >= to) break;
            if (plain_three_byte(reinterpret_cast<unsigned char const*>(t.data()) + i)) {
                i = skip_plain_three_byte(t, i, to);
                continue;
            }
            if (lone_numeral(t, i, to) || !number_at(t, i, to, n)) {
                i += 3;
                continue;
            }
        } else {
            i += utf8::sequence_length(c);
            continue;
        }
        std::size_t next = n.end;  // where scanning resumes
        bool const zh = n.type == number_core::form::chinese;
        // fast exit: a Chinese numeral counts only before a scale word, unit or 多/余 (not 一是, 统一, 十分).
        // The tail below asks first for the same unit, and the scale where there is no unit:
        // it takes them from here (at `looked_at`) rather than walk the tries again.
        std::size_t looked_at = std::string_view::npos;  // none
        std::optional<lexicon_match> unit_there, scale_there;
        if (zh) {
            unit_there = match_at(unit_, t, n.end, to);
            if (!unit_there) scale_there = match_at(scale_, t, n.end, to);
            if (!unit_there && !scale_there && !match_at(qualifier_infix_, t, n.end, to)) {
                i = n.end;
                continue;
            }
            looked_at = n.end;
        }
        bool const word = n.type == number_core::form::word;
        bool reject = false;

        // ---- left context: labels (M2, PM2.5, COVID-19), clock times, dates, list numbers
        if (n.type == number_core::form::arabic && n.begin > from) {
            char b = t[n.begin - 1];
            bool glued_prefix = is_ascii_alpha(b) && match_ending(unit_prefix_, t, n.begin, from).has_value();
            if ((is_ascii_alpha(b) && !glued_prefix) || b == '.' || b == ':' || b == '/' || b == '_' || b == '#')
                reject = true;
            if ((b == '-' || b == '\n') && n.begin >= 2 && (is_ascii_alpha(t[n.begin - 2]) || is_ascii_digit(t[n.begin - 2])))
                reject = true;
        }
        if (zh && n.begin > from) {
            // A Chinese numeral right after another numeral character or a digit is not a start.
            char32_t const before = cp_before(t, n.begin);
            if (chinese_multiplier(before) || chinese_digit(before) >= 0 || before == U'第' ||
                (before < 0x80 && is_ascii_digit(static_cast<char>(before))))
                reject = true;
        }

        // ---- the tail of the number: infix qualifier (多/余), scale words, `and` compounds; it
        // stops at a unit or where no scale follows, and gives the unit it looked up there
        auto tail = [&](number_core const& num, std::size_t p, double& mult, std::optional<span>& infix,
                        bool& scaled, std::optional<lexicon_match>& unit) -> std::size_t {
            mult = 1;
            scaled = false;
            if (auto q = match_at(qualifier_infix_, t, p, to)) {
                std::size_t r = q->end;
                if (match_at(scale_, t, r, to) || match_at(unit_, t, r, to)) {
                    infix = span{q->begin, q->end};
                    p = r;
                }
            }
            while (true) {
                // blanks may separate digits from the scale (`74.4\n\u200b\n万亿元` after PDF extraction)
                std::size_t r = num.type == number_core::form::chinese ? p : skip_blank(t, p, to);
                unit = r == looked_at ? unit_there : match_at(unit_, t, r, to);
                if (unit) break;  // 千瓦时, 兆瓦: a unit, not a scale
                auto s = r == looked_at ? scale_there : match_at(scale_, t, r, to);
                if (!s) break;
                mult *= lex_.entry(s->entry).weight;
                scaled = true;
                p = s->end;
            }
            return p;
        };
        double mult = 1;
        bool scaled = false;
        std::optional<span> infix;
        std::optional<lexicon_match> u;
        std::size_t p = tail(n, n.end, mult, infix, scaled, u);
        double value = n.value * mult;
        // 74 trillion and 400 billion
        if (scaled && !zh) {
            std::size_t r = skip_ascii_space(t, p, to);
            if (r + 4 < to && t.substr(r, 3) == "and" && (t[r + 3] == ' ')) {
                std::size_t r2 = skip_ascii_space(t, r + 3, to);
                if (r2 < to && (is_ascii_digit(t[r2]) || is_ascii_alpha(t[r2])) && number_at(t, r2, to, n2) &&
                    n2.type == n.type) {
                    double m2 = 1;
                    bool sc2 = false;
                    std::optional<span> inf2;
                    std::optional<lexicon_match> u2;
                    std::size_t p2 = tail(n2, n2.end, m2, inf2, sc2, u2);
                    if (sc2 && m2 < mult) {
                        value += n2.value * m2;
                        p = p2;
                        u = u2;
                    }
                }
            }
        }

        // ---- unit after the number (`%`, `percent`, `5-percent`, `万人`, `亿千瓦时`): where the
        // tail stopped (q), or after a hyphen there
        // (set in place: an optional returned and copied back stalls on its flag byte)
        auto unit_after = [&](std::size_t q, std::optional<lexicon_match>& at_tail) {
            if (!at_tail && !zh && q < to && t[q] == '-') at_tail = match_at(unit_, t, q + 1, to);
        };
        unit_after(p, u);
        std::size_t end = u ? u->end : p;

        // ---- range: 6-6.5%, 6%-6.5%, 6 to 6.5 percent, between 6 and 6.5, 6%至6.5%
        double low = n.low ? *n.low * mult : 0;
        double high = n.high ? *n.high * mult : 0;
        bool range = n.low.has_value();
        std::size_t lead = n.begin;  // first byte of the expression before qualifiers
        // currency or 百分之 before the number
        std::optional<lexicon_match> prefix;
        {
            std::size_t q = n.type == number_core::form::arabic ? skip_blank_back(t, n.begin, from) : n.begin;
            prefix = match_ending(unit_prefix_, t, q, from);
            if (prefix && zh && !id_is(lex_.entry(prefix->entry).id, "percent")) prefix.reset();
            if (prefix && !zh && id_is(lex_.entry(prefix->entry).id, "percent")) prefix.reset();
            if (prefix) lead = prefix->begin;
        }
        std::size_t const lead_back = skip_blank_back(t, lead, from);  // where the text before it ends
        auto pre = match_ending(qualifier_, t, lead_back, from);
        bool const pre_range = pre && id_is(lex_.entry(pre->entry).id, "range");
        bool after_from = false;
        {
            std::size_t q = pre ? skip_blank_back(t, pre->begin, from) : lead_back;
            after_from = match_ending(not_range_, t, q, from).has_value();
        }
        if (!range && !after_from) {
            std::size_t r = skip_blank(t, end, to);
            std::size_t sep_end = 0;
            if (r < to) {
                auto d = utf8::decode(t, r);
                if (d.cp == '-' || d.cp == U'－' || d.cp == U'—' || d.cp == U'–' || d.cp == '~' || d.cp == U'～' ||
                    d.cp == U'至' || d.cp == U'到') {
                    sep_end = r + d.length;
                    while (sep_end < to && utf8::decode(t, sep_end).cp == U'—') sep_end += 3;
                } else if (!zh && t.substr(r, 3) == "to " ) {
                    sep_end = r + 2;
                } else if (!zh && pre_range && t.substr(r, 4) == "and ") {
                    sep_end = r + 3;
                }
            }
            if (sep_end) {
                std::size_t r2 = skip_blank(t, sep_end, to);
                if (prefix && r2 < to) {  // $3 to $4 billion
                    if (auto pf = match_at(unit_prefix_, t, r2, to)) r2 = skip_blank(t, pf->end, to);
                }
                if (r2 < to && number_at(t, r2, to, n2) && n2.type == n.type && !n2.low) {
                    double m2 = 1;
                    bool sc2 = false;
                    std::optional<span> inf2;
                    std::optional<lexicon_match> u2;
                    std::size_t p2 = tail(n2, n2.end, m2, inf2, sc2, u2);
                    unit_after(p2, u2);
                    bool units_ok = !u || !u2 || lex_.entry(u->entry).id == lex_.entry(u2->entry).id;
                    double m1 = (!scaled && sc2) ? m2 : mult;
                    double lo = n.value * m1, hi = n2.value * m2;
                    bool years = n.type == number_core::form::arabic && !n.decimal && !n2.decimal && !scaled &&
                                 !sc2 && n.value >= 1800 && n.value <= 2199 && n2.value >= 1800 && n2.value <= 2199;
                    if (years) {
                        next = u2 ? u2->end : p2;
                        i = next;
                        continue;  // 2016-2020: a span of years, not a quantity
                    }
                    if (units_ok && lo <= hi && (u || u2 || sep_end > r + 1 || !zh)) {
                        range = true;
                        low = lo;
                        high = hi;
                        if (!u && u2) u = u2;
                        end = u2 ? u2->end : p2;
                        if (sc2) scaled = true;
                    }
                }
            }
        }

        // ---- rules that set a number aside. They only ever set `reject`, so the cheap ones
        // go first and the lexicon lookups are made only for a number none has set aside.
        // list numbers: `1.` `2、` `(3)` `（二）` at the start of a block or in brackets
        {
            std::size_t const b = lead_back;
            char32_t before = b > from ? cp_before(t, b) : 0;
            char32_t after = end < to ? utf8::decode(t, end).cp : 0;
            if ((before == '(' || before == U'（' || before == '[' || before == U'【') &&
                (after == ')' || after == U'）' || after == ']' || after == U'】'))
                reject = true;
            if (b == from && !u && (after == '.' || after == U'、' || after == ')' || after == U'）' || after == ':' ||
                                    after == U'．'))
                reject = true;
        }
        // years: 2019, 2019年, in 2030
        if (n.type == number_core::form::arabic && !n.decimal && !n.grouped && !scaled && !range && n.value >= 1800 &&
            n.value <= 2199 && n.int_digits == 4 && (!u || id_is(lex_.entry(u->entry).id, "year")))
            reject = true;
        // phone numbers and codes
        if (n.type == number_core::form::arabic && !scaled && !u && !n.grouped && (n.int_digits >= 7 || n.leading_zero))
            reject = true;
        // Chinese numerals: only with a scale or unit; not 一 alone (一个, 一批), not durations (三年),
        // not the count that opens a quoted slogan (“四个全面”, “六个坚持”)
        if (zh) {
            if (n.begin > from) {
                char32_t q = cp_before(t, n.begin);
                if (!scaled && (q == U'“' || q == '"' || q == U'「' || q == U'『' || q == U'‘')) reject = true;
            }
            if (!u && !scaled) reject = true;
            if (!range && n.value == 1 && !scaled) reject = true;
            if (u && !scaled && id_is(lex_.entry(u->entry).id, "year")) reject = true;
            if (n.value == 0 && !range) reject = true;
        }
        // right context: dates, ordinals, clock times, labels
        if (!reject && !u) {
            std::optional<lexicon_match> na = match_at(not_after_, t, n.end, to);
            if (!na && !zh && n.end < to && t[n.end] == ' ') na = match_at(not_after_, t, n.end + 1, to);
            if (na) reject = true;
            if (n.type == number_core::form::arabic && p == n.end && n.end < to) {
                char a = t[n.end];
                if (is_ascii_alpha(a)) reject = true;  // 5G, 3D
                if ((a == ':' || a == '/' || a == '-') && n.end + 1 < to && is_ascii_digit(t[n.end + 1]) && !range)
                    reject = true;  // 9:00, 3/5, 010-1234
            }
        }
        if (!reject && match_ending(not_before_, t, lead_back, from)) reject = true;
        // numbers inside names: the new three, Ten Actions, 十四五 (names with digits carry years:
        // Healthy China 2030, which the year rule has already set aside)
        if (!reject && n.type != number_core::form::arabic && !names_.empty()) {
            std::size_t wb = n.begin > from + 28 ? n.begin - 28 : from;
            std::size_t we = std::min(to, n.end + 28);
            if (inside_name(t, wb, we, n.begin, n.end)) reject = true;
        }
        // ---- count of things when no unit: `39,000 old urban residential communities`, `two cuts`
        std::string_view unit_id;  // a lexicon id or a literal: outlives the scan
        if (u) unit_id = lex_.entry(u->entry).id;
        if (prefix && unit_id.empty()) unit_id = lex_.entry(prefix->entry).id;
        // `one` is mostly a pronoun or article (`as one people`): a quantity only with a scale or a percent
        if (word && n.value == 1 && !scaled && unit_id != "percent" && unit_id != "percentage_point") reject = true;
        // `60 years ago`: a point in time
        if (!reject && u && !zh) {
            std::size_t r = skip_ascii_space(t, u->end, to);
            if (t.substr(r, 3) == "ago" && (r + 3 >= to || !is_ascii_alpha(t[r + 3]))) reject = true;
        }
        if (!reject && unit_id.empty()) {
            // the word after the number (`two reductions`, `39,000 old … communities`)
            std::size_t const r = skip_ascii_space(t, end, to);
            std::size_t we = r;
            while (we < to && is_ascii_alpha(t[we])) ++we;
            std::string_view const next_word = t.substr(r, we - r);
            if (word) {
                // English number words: two reductions; not `the three critical battles`, `Ten Actions`
                bool the_before = false;
                {
                    std::size_t b = n.begin;
                    while (b > from && t[b - 1] == ' ') --b;
                    std::size_t wb = b;
                    while (wb > from && is_ascii_alpha(t[wb - 1])) --wb;
                    the_before = word_is(t.substr(wb, b - wb), "the");
                }
                bool capital_next = !next_word.empty() && next_word[0] >= 'A' && next_word[0] <= 'Z';
                if (scaled) {
                    unit_id = "count";
                } else if (n.value >= 2 && !the_before && !(n.capitalized && capital_next) && next_word.size() > 2 &&
                           (next_word.back() == 's' || next_word.back() == 'S') && !is_stop_word(next_word)) {
                    unit_id = "count";
                    end = we;  // the counted noun is the unit as written: `two reductions`
                } else {
                    reject = true;
                }
            } else if (scaled) {
                unit_id = zh ? "" : "count";
            } else {
                if (!zh && r > end && next_word.size() > 1 && !is_stop_word(next_word) && !range)
                    unit_id = "count";
                else
                    reject = true;
            }
        }
        if (reject) {
            i = std::max(next, end);
            continue;
        }

        // ---- qualifiers after: 左右, 以上, 以内, or more
        std::optional<lexicon_match> post;
        {
            std::size_t r = zh || !u ? end : skip_ascii_space(t, end, to);
            if (zh || (r < to && !is_ascii_digit(t[r]))) {
                std::size_t r0 = is_han_at(t, end, to) ? end : skip_ascii_space(t, end, to);
                post = match_at(qualifier_post_, t, r0, to);
                if (post) {
                    // a one-character qualifier (多, 余) must not start a word (多措并举, 余额)
                    auto pd = utf8::decode(t, post->begin);
                    if (post->end - post->begin == pd.length && is_han_at(t, post->end, to)) post.reset();
                }
            }
        }

        quantity& q = out.emplace_back();  // filled in place: no copy of a quantity built aside
        double unit_weight = 1;
        if (u) unit_weight = lex_.entry(u->entry).weight;
        else if (prefix) unit_weight = lex_.entry(prefix->entry).weight;
        if (unit_weight == 0) unit_weight = 1;
        q.unit = unit_id;
        std::size_t begin = lead;
        if (pre && (!pre_range || range)) {
            begin = pre->begin;
            q.qualifier = span{pre->begin, pre->end};
        }
        std::size_t qend = post ? post->end : end;
        if (post) {
            if (q.qualifier) q.qualifier2 = span{post->begin, post->end};
            else q.qualifier = span{post->begin, post->end};
        }
        if (infix && !q.qualifier) q.qualifier = infix;
        q.where = {begin, qend};
        if (range) {
            q.bound = bound_kind::range;
            q.low = low * unit_weight;
            q.high = high * unit_weight;
        } else {
            double v = value * unit_weight;
            q.value = v;
            bound_kind b = bound_kind::exact;
            auto bound_of = [&](std::optional<lexicon_match> const& m) {
                auto const& id = lex_.entry(m->entry).id;
                return id_is(id, "approx") ? bound_kind::approx
                       : id_is(id, "min")  ? bound_kind::min
                       : id_is(id, "max")  ? bound_kind::max
                                           : bound_kind::exact;
            };
            if (pre && !pre_range) b = bound_of(pre);
            if (post) {
                bound_kind pb = bound_of(post);
                if (b == bound_kind::exact || b == bound_kind::approx) b = pb == bound_kind::exact ? b : pb;
            }
            if (infix && b == bound_kind::exact) b = bound_kind::min;
            q.bound = b;
            if (b == bound_kind::min) q.low = v;
            if (b == bound_kind::max) q.high = v;
        }
        i = std::max(qend, next);
    }
}

}  // namespace reportx::detail
