// The sixteen-bytes-at-a-time scans of src/simd.hpp against the byte-by-byte definition.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "reportx/utf8.hpp"
#include "simd.hpp"

namespace simd = reportx::detail::simd;
using reportx::utf8::is_ascii_alnum;
using reportx::utf8::is_ascii_alpha;
using reportx::utf8::is_ascii_digit;

TEST_CASE("simd: find_byte finds what a byte-by-byte scan finds, from every place") {
    std::mt19937 rng(11);
    // Mostly bytes that fail each test, so that the blocks of sixteen are skipped whole.
    std::string const alphabet = "abcXYZ09 ,.:;!?\x7F\x80\xBF\xC0\xE3\xE4\xEF\xFF";
    std::string text;
    for (int i = 0; i < 600; ++i) text += rng() % 8 ? 'q' : alphabet[rng() % alphabet.size()];
    auto const* s = reinterpret_cast<unsigned char const*>(text.data());
    auto scalar = [&](std::size_t from, std::size_t to, auto byte_test) {
        while (from < to && !byte_test(s[from])) ++from;
        return from;
    };
    auto digit = [](unsigned char c) { return is_ascii_digit(c); };
    auto not_letter = [](unsigned char c) { return !is_ascii_alpha(c); };
    auto alnum = [](unsigned char c) { return is_ascii_alnum(c); };
    auto punct = [](unsigned char c) { return c == ',' || c == '.' || c == ':' || c == ';' || c == 0xE3; };
    for (std::size_t from = 0; from < text.size(); ++from)
        for (std::size_t to : {text.size(), from + 17, from + 40}) {
            to = std::min(to, text.size());
            CAPTURE(from);
            CAPTURE(to);
            CHECK(simd::find_byte(s, from, to, [](auto v) { return simd::bits(simd::in_range(v, '0', 9)); }, digit) ==
                  scalar(from, to, digit));
            CHECK(simd::find_byte(s, from, to, [](auto v) { return ~simd::bits(simd::ascii_letters(v)) & 0xFFFFu; },
                                  not_letter) == scalar(from, to, not_letter));
            CHECK(simd::find_byte(
                      s, from, to,
                      [](auto v) {
                          using simd::eq, simd::masked;
                          return simd::bits(simd::any(eq(masked(v, ~0x02), ','), eq(masked(v, ~0x01), ':'), eq(v, '\xE3')));
                      },
                      punct) == scalar(from, to, punct));
#if defined(__SSE2__)
            CHECK(simd::find_byte(s, from, to, [](auto v) { return simd::ascii_alnum_mask(v); }, alnum) ==
                  scalar(from, to, alnum));
#endif
        }
}
