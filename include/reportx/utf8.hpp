#pragma once
// UTF-8 helpers shared by every stage. Header-only and Spirit-free.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace reportx::utf8 {

/// The first invalid byte, or npos if `text` is valid UTF-8 (no overlongs, no
/// surrogates, nothing above U+10FFFF). One pass over the bytes.
[[nodiscard]] std::size_t find_invalid(std::string_view text) noexcept;

/// Throws parse_error with the byte offset, 1-based line and column of the first bad byte.
void validate(std::string_view text);

struct decoded {
    char32_t cp;
    std::uint8_t length;
};

/// Decodes the code point at `pos` of valid UTF-8 (pos < text.size()).
[[nodiscard]] inline decoded decode(std::string_view text, std::size_t pos) noexcept {
    auto const* s = reinterpret_cast<unsigned char const*>(text.data()) + pos;
    unsigned char c = s[0];
    if (c < 0x80) return {c, 1};
    if (c < 0xE0) return {char32_t((c & 0x1F) << 6 | (s[1] & 0x3F)), 2};
    if (c < 0xF0) return {char32_t((c & 0x0F) << 12 | (s[1] & 0x3F) << 6 | (s[2] & 0x3F)), 3};
    return {char32_t((c & 0x07) << 18 | (s[1] & 0x3F) << 12 | (s[2] & 0x3F) << 6 | (s[3] & 0x3F)), 4};
}

/// Start of the code point before `pos` (pos > 0).
[[nodiscard]] inline std::size_t prev(std::string_view text, std::size_t pos) noexcept {
    do { --pos; } while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80);
    return pos;
}

namespace detail {
// One load instead of three range tests: the test runs at every word edge, where the
// branches of the range tests would be mispredicted.
inline constexpr auto ascii_alnum_table = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return t;
}();
}  // namespace detail

/// ASCII letter or digit (the word-boundary test of English matching).
[[nodiscard]] constexpr bool is_ascii_alnum(unsigned char c) noexcept { return detail::ascii_alnum_table[c]; }

/// ASCII letter; ASCII digit.
[[nodiscard]] constexpr bool is_ascii_alpha(unsigned char c) noexcept { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
[[nodiscard]] constexpr bool is_ascii_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }

/// Bytes in the sequence a lead byte starts (1 for a continuation byte, to resync).
[[nodiscard]] constexpr std::uint8_t sequence_length(unsigned char lead) noexcept {
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/// Zero-width characters that formatting leaves in text (U+200B..U+200D, U+2060, U+FEFF).
[[nodiscard]] constexpr bool is_zero_width(char32_t cp) noexcept {
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

/// White space of every kind the corpus has: ASCII, NBSP, ideographic space, en/em spaces.
[[nodiscard]] constexpr bool is_space(char32_t cp) noexcept {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
           cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x1680 ||
           cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/// Space or zero-width: nothing a reader sees.
[[nodiscard]] constexpr bool is_blank(char32_t cp) noexcept { return is_space(cp) || is_zero_width(cp); }

/// Skips blanks (spaces of every kind, zero-width characters) forward from `pos`, not past `to`.
[[nodiscard]] inline std::size_t skip_blank(std::string_view t, std::size_t pos, std::size_t to) noexcept {
    while (pos < to) {
        auto d = decode(t, pos);
        if (!is_blank(d.cp)) break;
        pos += d.length;
    }
    return pos < to ? pos : to;
}

/// Skips blanks backward from `pos` (exclusive), not before `from`.
[[nodiscard]] inline std::size_t skip_blank_back(std::string_view t, std::size_t pos, std::size_t from) noexcept {
    while (pos > from) {
        std::size_t p = prev(t, pos);
        if (!is_blank(decode(t, p).cp)) break;
        pos = p;
    }
    return pos;
}

/// CJK ideograph (basic block and extension A, compatibility ideographs).
[[nodiscard]] constexpr bool is_han(char32_t cp) noexcept {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

}  // namespace reportx::utf8
