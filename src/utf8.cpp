#include "reportx/utf8.hpp"

#include <cstdint>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "reportx/error.hpp"
#include "avx2.hpp"

namespace reportx::utf8 {

namespace {

/// Checks the characters that start in [i, stop), one by one (reading on past `stop` to
/// finish the last). False with `i` at the first invalid byte; else true with `i` at the
/// character boundary where it stopped (>= stop).
bool check_characters(unsigned char const* s, std::size_t n, std::size_t& i, std::size_t stop) noexcept {
    while (i < stop) {
        // Fast path: eight ASCII bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w;
            __builtin_memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c < 0x80) { ++i; continue; }
        // Fast path: runs of three-byte characters whose lead byte allows any continuation
        // (E1-EC, EE-EF: all of CJK), the bulk of Chinese text. After a run, back to the top
        // (the end, the ASCII fast path); what the run stopped at is checked there.
        std::size_t const run = i;
        while (i + 3 <= n && static_cast<unsigned char>(s[i] - 0xE1) <= 0x0E && s[i] != 0xED &&
               ((s[i + 1] & 0xC0) == 0x80) && ((s[i + 2] & 0xC0) == 0x80))
            i += 3;
        if (i != run) continue;
        std::size_t len;
        char32_t min;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
        else return false;
        if (i + len > n) return false;
        char32_t cp = c & (0xFF >> (len + 1));
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return false;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

/// The lead byte of the character that an earlier block ended in, unfinished at `i`.
std::size_t lead_before(unsigned char const* s, std::size_t i) noexcept {
    do { --i; } while ((s[i] & 0xC0) == 0x80);
    return i;
}

#if REPORTX_AVX2_PATHS
// The bytes of two vectors as a 64-bit mask (bit 7 of each byte), and the bytes that are
// C0, C1, E0, ED or F0-FF: the lead bytes find_invalid leaves to the careful check.
REPORTX_AVX2 std::uint64_t bits64(__m256i lo, __m256i hi) noexcept {
    return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(lo))) |
           static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(hi))) << 32;
}
REPORTX_AVX2 __m256i rare_leads(__m256i x) noexcept {
    auto const byte = [](int c) __attribute__((always_inline)) { return static_cast<char>(c); };
    return _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_max_epu8(x, _mm256_set1_epi8(byte(0xF0))), x),
                        _mm256_cmpeq_epi8(_mm256_and_si256(x, _mm256_set1_epi8(byte(0xFE))), _mm256_set1_epi8(byte(0xC0)))),
        _mm256_or_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(byte(0xE0))), _mm256_cmpeq_epi8(x, _mm256_set1_epi8(byte(0xED)))));
}
// find_invalid's test of 64-byte blocks with AVX2, two vectors a block: moves i past the
// blocks from i on that pass it (see find_invalid), keeping `pending` as it goes, and
// stops at the first that does not.
[[gnu::target("avx2")]] void valid_blocks_avx2(unsigned char const* s, std::size_t n, std::size_t& i,
                                               std::uint64_t& pending) noexcept {
    while (i + 64 <= n) {
        __m256i const a = reportx::detail::load32(s + i);
        __m256i const b = reportx::detail::load32(s + i + 32);
        std::uint64_t const high = bits64(a, b);
        if (!high && !pending) {  // all ASCII
            i += 64;
            continue;
        }
        // Bit 7 of a byte is bit 7 of the mask; x + x and 4x bring bits 6 and 5 there.
        __m256i const a2 = _mm256_add_epi8(a, a), b2 = _mm256_add_epi8(b, b);
        std::uint64_t const lead = bits64(_mm256_and_si256(a, a2), _mm256_and_si256(b, b2));  // C0-FF
        std::uint64_t const lead3 = bits64(_mm256_and_si256(_mm256_and_si256(a, a2), _mm256_add_epi8(a2, a2)),
                                           _mm256_and_si256(_mm256_and_si256(b, b2), _mm256_add_epi8(b2, b2)));  // E0-FF
        std::uint64_t const expected = lead << 1 | lead3 << 2 | pending;
        if (bits64(rare_leads(a), rare_leads(b)) || expected != (high & ~lead)) return;
        pending = lead >> 63 | lead3 >> 62;
        i += 64;
    }
}
#endif

}  // namespace

std::size_t find_invalid(std::string_view text) noexcept {
    auto const* s = reinterpret_cast<unsigned char const*>(text.data());
    std::size_t const n = text.size();
    std::size_t i = 0;
#if defined(__SSE2__)
    // 64 bytes at a time, as bit masks (bit k: byte i + k). A block is valid when every
    // continuation byte (80-BF) is where a lead byte before it expects one (C2-DF: the next
    // byte; E1-EF: the next two) and nowhere else. Lead bytes whose continuations are
    // restricted (E0, ED, F0-F4) and bytes never valid (C0, C1, F5-FF) are rare: a block
    // holding one, or failing the test, is checked character by character (from the start of
    // the character it begins in), which also finds the first bad byte.
    auto mask = [](__m128i const (&v)[4], auto test) {
        std::uint64_t m = 0;
        for (int k = 0; k < 4; ++k)
            m |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(test(v[k])))) << (16 * k);
        return m;
    };
    auto set = [](int c) { return _mm_set1_epi8(static_cast<char>(c)); };
    std::uint64_t pending = 0;  // continuations the previous block's last lead bytes expect here
#if REPORTX_AVX2_PATHS
    bool const avx2 = reportx::detail::avx2_on().load(std::memory_order_relaxed);
#endif
    while (i + 64 <= n) {
#if REPORTX_AVX2_PATHS
        // The same test with AVX2, over the blocks that pass it; a block that does not is
        // the SSE2 loop's.
        if (avx2 && (valid_blocks_avx2(s, n, i, pending), i + 64 > n)) break;
#endif
        __m128i v[4];
        for (int k = 0; k < 4; ++k) v[k] = _mm_loadu_si128(reinterpret_cast<__m128i const*>(s + i + 16 * k));
        __m128i const any = _mm_or_si128(_mm_or_si128(v[0], v[1]), _mm_or_si128(v[2], v[3]));
        if (!_mm_movemask_epi8(any) && !pending) {  // all ASCII
            i += 64;
            continue;
        }
        // Bit 7 of a byte is bit 7 of the mask; x + x and 4x bring bits 6 and 5 there.
        std::uint64_t const high = mask(v, [](__m128i x) { return x; });
        std::uint64_t const lead = mask(v, [](__m128i x) { return _mm_and_si128(x, _mm_add_epi8(x, x)); });  // C0-FF
        std::uint64_t const lead3 = mask(v, [](__m128i x) {  // E0-FF
            __m128i const x2 = _mm_add_epi8(x, x);
            return _mm_and_si128(_mm_and_si128(x, x2), _mm_add_epi8(x2, x2));
        });
        // F0-FF: the block's largest bytes, one comparison for all four.
        __m128i const top = _mm_max_epu8(_mm_max_epu8(v[0], v[1]), _mm_max_epu8(v[2], v[3]));
        __m128i rare = _mm_cmpeq_epi8(_mm_max_epu8(top, set(0xF0)), top);
        for (auto x : v) {
            __m128i const c0_c1 = _mm_cmpeq_epi8(_mm_and_si128(x, set(0xFE)), set(0xC0));
            __m128i const e0_ed = _mm_or_si128(_mm_cmpeq_epi8(x, set(0xE0)), _mm_cmpeq_epi8(x, set(0xED)));
            rare = _mm_or_si128(rare, _mm_or_si128(c0_c1, e0_ed));
        }
        std::uint64_t const expected = lead << 1 | lead3 << 2 | pending;
        if (!_mm_movemask_epi8(rare) && expected == (high & ~lead)) {
            pending = lead >> 63 | lead3 >> 62;
            i += 64;
            continue;
        }
        if (pending) i = lead_before(s, i);
        if (!check_characters(s, n, i, i + 64)) return i;
        pending = 0;
    }
    if (pending) i = lead_before(s, i);
#endif
    if (!check_characters(s, n, i, n)) return i;
    return std::string_view::npos;
}

void validate(std::string_view text) {
    std::size_t bad = find_invalid(text);
    if (bad == std::string_view::npos) return;
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i < bad; ++i)
        if (text[i] == '\n') { ++line; line_start = i + 1; }
    std::size_t column = 1;
    for (std::size_t i = line_start; i < bad; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    char hex[8];
    static constexpr char digits[] = "0123456789ABCDEF";
    auto b = static_cast<unsigned char>(text[bad]);
    hex[0] = '0'; hex[1] = 'x'; hex[2] = digits[b >> 4]; hex[3] = digits[b & 15]; hex[4] = 0;
    throw parse_error("invalid UTF-8 (byte " + std::string(hex) + ") at byte " + std::to_string(bad) + ", line " +
                          std::to_string(line) + ", column " + std::to_string(column),
                      bad, line, column);
}

}  // namespace reportx::utf8
