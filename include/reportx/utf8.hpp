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

/// Space or zero-width: nothing a reader sees. (None is above U+3000 but U+FEFF: CJK
/// punctuation and full-width forms, the code points most often asked about, take one test.)
[[nodiscard]] constexpr bool is_blank(char32_t cp) noexcept {
    return cp > 0x3000 ? cp == 0xFEFF : is_space(cp) || is_zero_width(cp);
}

namespace detail {
inline constexpr auto blank_lead_table = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {' ', '\t', '\n', '\r', '\v', '\f', '\xC2', '\xE1', '\xE2', '\xE3', '\xEF'}) t[c] = true;
    return t;
}();
}  // namespace detail

/// Whether a blank (is_blank) may begin with the byte c: ASCII white space, or the lead
/// byte of U+0085 and U+00A0 (C2), U+1680 (E1), U+2000-U+2060 (E2), U+3000 (E3) or U+FEFF
/// (EF). A letter, a digit or a Chinese character (lead E4-E9) begins none: most places a
/// blank is looked for are told from one byte, without decoding.
[[nodiscard]] constexpr bool may_begin_blank(unsigned char c) noexcept { return detail::blank_lead_table[c]; }

/// Skips blanks (spaces of every kind, zero-width characters) forward from `pos`, not past `to`.
[[nodiscard]] inline std::size_t skip_blank(std::string_view t, std::size_t pos, std::size_t to) noexcept {
    while (true) {
        if (pos >= to) return to;
        if (!may_begin_blank(static_cast<unsigned char>(t[pos]))) return pos;  // the common case
        auto const d = decode(t, pos);
        if (!is_blank(d.cp)) return pos;
        pos += d.length;
    }
}

/// Skips blanks backward from `pos` (exclusive), not before `from`.
[[nodiscard]] inline std::size_t skip_blank_back(std::string_view t, std::size_t pos, std::size_t from) noexcept {
    auto const* s = reinterpret_cast<unsigned char const*>(t.data());
    while (pos > from) {
        // The code point before pos starts at pos - 1 (ASCII), at pos - 3 when a three-byte
        // lead is there (Chinese text), else where prev finds it.
        std::size_t p = s[pos - 1] < 0x80 ? pos - 1 : pos >= 3 && (s[pos - 3] & 0xF0) == 0xE0 ? pos - 3 : prev(t, pos);
        if (!may_begin_blank(s[p]) || !is_blank(decode(t, p).cp)) break;
        pos = p;
    }
    return pos;
}

/// CJK ideograph (basic block and extension A, compatibility ideographs).
[[nodiscard]] constexpr bool is_han(char32_t cp) noexcept {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

}  // namespace reportx::utf8
