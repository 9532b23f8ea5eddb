#pragma once
// AVX2 where the processor has it, asked at run time: the switch, and the pieces the
// byte scans share (UTF-8 validation, structure, the lexicon scan, actions). Internal:
// not installed.
// With GCC or Clang on x86-64 only; elsewhere REPORTX_AVX2_PATHS is 0 and the SSE2 or
// scalar paths run. Functions marked REPORTX_AVX2 are compiled for AVX2 whatever the
// build's target, and are called only from code that checked avx2_on().

#include <bit>
#include <cstddef>
#include <cstdint>

#include "simd.hpp"

#if defined(__SSE2__) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define REPORTX_AVX2_PATHS 1
#include <atomic>
#include <immintrin.h>
#else
#define REPORTX_AVX2_PATHS 0
#endif

namespace reportx::detail {

#if REPORTX_AVX2_PATHS
/// Whether the byte scans (UTF-8 validation, structure, the lexicon scan, actions) use
/// AVX2 now: at first, whether the processor has it.
std::atomic<bool>& avx2_on() noexcept;
#endif
/// For tests: the scans use AVX2 from now on if `on` and the processor has it (and the build
/// can); returns whether they did. Not for use while other threads scan.
bool use_avx2(bool on) noexcept;

#if defined(__SSE2__)
// The bytes of v that continue a character (10xxxxxx: the signed bytes below -64), and
// those that lead a three-byte one (1110xxxx), as bit masks.
[[gnu::always_inline]] inline unsigned continuation_bytes(__m128i v) noexcept {
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64))));
}
[[gnu::always_inline]] inline unsigned three_byte_leads(__m128i v) noexcept {
    return simd::bits(simd::eq(simd::masked(v, static_cast<char>(0xF0)), static_cast<char>(0xE0)));
}
// Of the 48 bytes at s, the ones out of the pattern of sixteen three-byte characters (the
// first starting at s), as a bit mask; how many such characters follow each other from s
// on (16 at most); are the 48 bytes sixteen of them?
[[gnu::always_inline]] inline std::uint64_t three_byte_misfits(unsigned char const* s) noexcept {
    std::uint64_t lead = 0, tail = 0;
    for (int k = 0; k < 3; ++k) {
        __m128i const v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(s + 16 * k));
        lead |= std::uint64_t{three_byte_leads(v)} << (16 * k);
        tail |= std::uint64_t{continuation_bytes(v)} << (16 * k);
    }
    return (lead ^ 0x249249249249ull) | (tail ^ 0xDB6DB6DB6DB6ull);
}
[[gnu::always_inline]] inline unsigned three_byte_run(unsigned char const* s) noexcept {
    std::uint64_t const misfits = three_byte_misfits(s);
    return misfits ? static_cast<unsigned>(std::countr_zero(misfits)) / 3 : 16;
}
[[gnu::always_inline]] inline bool sixteen_three_byte(unsigned char const* s) noexcept {
    return three_byte_misfits(s) == 0;
}
#endif

#if REPORTX_AVX2_PATHS
#define REPORTX_AVX2 __attribute__((target("avx2"), always_inline)) inline
// 32 bytes: 16 at lo, then 16 at hi.
REPORTX_AVX2 __m256i load_two(unsigned char const* lo, unsigned char const* hi) noexcept {
    return _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_loadu_si128(reinterpret_cast<__m128i const*>(lo))),
                                   _mm_loadu_si128(reinterpret_cast<__m128i const*>(hi)), 1);
}
// The code points of eight three-byte characters, each 32-bit lane b0 << 16 | b1 << 8 | b2:
// (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F).
REPORTX_AVX2 __m256i code_points(__m256i x) noexcept {
    return _mm256_or_si256(_mm256_and_si256(x, _mm256_set1_epi32(0x3F)),
                           _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi32(x, 2), _mm256_set1_epi32(0xFC0)),
                                           _mm256_and_si256(_mm256_srli_epi32(x, 4), _mm256_set1_epi32(0xF000))));
}
// The code points of the sixteen three-byte characters in the 48 bytes at p (the
// bytes' own, whatever they are, where they are not such characters): 0-7 in a, 8-15 in
// b. Reads 51 bytes. Each 16-byte lane holds four characters, at lane bytes 0, 3, 6, 9
// (1, 4, 7, 10 in the last lane, loaded a byte early so as not to read past the 48 bytes
// + 3); each goes to a 32-bit lane as its bytes b2 b1 b0 0.
REPORTX_AVX2 void sixteen_code_points(unsigned char const* p, __m256i& a, __m256i& b) noexcept {
    __m256i const from0 = _mm256_setr_epi8(2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1,  //
                                           2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1);
    __m256i const from1 = _mm256_setr_epi8(2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1,  //
                                           3, 2, 1, -1, 6, 5, 4, -1, 9, 8, 7, -1, 12, 11, 10, -1);
    a = code_points(_mm256_shuffle_epi8(load_two(p, p + 12), from0));
    b = code_points(_mm256_shuffle_epi8(load_two(p + 24, p + 35), from1));
}
// The bytes of x in [lo, lo + span] as unsigned bytes, and the bytes' top bits as 32 bits.
REPORTX_AVX2 __m256i in_range32(__m256i x, char lo, char span) noexcept {
    __m256i const d = _mm256_sub_epi8(x, _mm256_set1_epi8(lo));
    return _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8(span)), d);
}
REPORTX_AVX2 std::uint32_t bits32(__m256i x) noexcept { return static_cast<std::uint32_t>(_mm256_movemask_epi8(x)); }
// The 32 bytes at p, and which bytes of v are ASCII letters (either case), all ones each.
REPORTX_AVX2 __m256i load32(unsigned char const* p) noexcept { return _mm256_loadu_si256(reinterpret_cast<__m256i const*>(p)); }
REPORTX_AVX2 __m256i ascii_letters32(__m256i v) noexcept {
    return in_range32(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), 'a', 25);
}

// Bit x of a bit set, for each lane x: 1 or 0.
REPORTX_AVX2 __m256i bit_of(int const* words, __m256i x) noexcept {
    __m256i const word = _mm256_i32gather_epi32(words, _mm256_srli_epi32(x, 5), 4);
    return _mm256_and_si256(_mm256_srlv_epi32(word, _mm256_and_si256(x, _mm256_set1_epi32(31))), _mm256_set1_epi32(1));
}
// The lanes that are 1, as 8 bits.
REPORTX_AVX2 unsigned lanes_set(__m256i ones) noexcept {
    return static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_slli_epi32(ones, 31))));
}

#endif

}  // namespace reportx::detail
