#pragma once
// Byte scans sixteen bytes at a time with SSE2, and the scalar loop that stands in for
// them without it (and finishes the last bytes). Internal: not installed.
//
// A scan is find_byte with two tests of the same bytes: one of a block of sixteen, written
// with the few operations below, and one of a single byte. The block test is a generic
// lambda, so that without SSE2, where these operations are only declared, it is never
// compiled into code.

#include <bit>
#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace reportx::detail::simd {

#if defined(__SSE2__)
using block = __m128i;

/// The bytes of v equal to c, all ones each.
[[gnu::always_inline]] inline block eq(block v, char c) noexcept { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); }
/// v's bytes with the bits of `mask` only.
[[gnu::always_inline]] inline block masked(block v, char mask) noexcept { return _mm_and_si128(v, _mm_set1_epi8(mask)); }
/// The bytes set in any of the masks.
[[gnu::always_inline]] inline block any(block a) noexcept { return a; }
template <class... More>
[[gnu::always_inline]] inline block any(block a, block b, More... more) noexcept {
    return any(_mm_or_si128(a, b), more...);
}
/// The bytes of x in [lo, lo + span] as unsigned bytes, all ones each: min(x - lo, span) == x - lo.
[[gnu::always_inline]] inline block in_range(block x, char lo, char span) noexcept {
    block const d = _mm_sub_epi8(x, _mm_set1_epi8(lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(span)), d);
}
/// The bytes of v that are ASCII letters (either case), all ones each.
[[gnu::always_inline]] inline block ascii_letters(block v) noexcept {
    return in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 25);
}
/// One bit per byte of m, set where the byte's top bit is.
[[gnu::always_inline]] inline unsigned bits(block m) noexcept { return static_cast<unsigned>(_mm_movemask_epi8(m)); }
/// The bytes of v that are ASCII letters or digits, as a bit mask.
[[gnu::always_inline]] inline unsigned ascii_alnum_mask(block v) noexcept {
    return bits(any(ascii_letters(v), in_range(v, '0', 9)));
}
#else
// Declared only: a block test is never called without SSE2.
struct block;
block eq(block const& v, char c) noexcept;
block masked(block const& v, char mask) noexcept;
template <class... More>
block any(block const& a, More const&... more) noexcept;
block in_range(block const& x, char lo, char span) noexcept;
block ascii_letters(block const& v) noexcept;
unsigned bits(block const& m) noexcept;
#endif

/// The first i in [from, to) whose byte s[i] passes `byte_test`, or `to`. With SSE2,
/// sixteen bytes at a time: `block_test(v)` gives the bit mask (see bits) of the bytes of
/// v that pass; the bytes left over, fewer than sixteen, go one by one.
template <class BlockTest, class ByteTest>
[[gnu::always_inline]] inline std::size_t find_byte(unsigned char const* s, std::size_t from, std::size_t to,
                                                    BlockTest&& block_test, ByteTest&& byte_test) noexcept {
#if defined(__SSE2__)
    for (; from + 16 <= to; from += 16) {
        block const v = _mm_loadu_si128(reinterpret_cast<block const*>(s + from));
        if (unsigned const hits = block_test(v)) return from + static_cast<std::size_t>(std::countr_zero(hits));
    }
#else
    (void)block_test;
#endif
    while (from < to && !byte_test(s[from])) ++from;
    return from;
}

}  // namespace reportx::detail::simd
