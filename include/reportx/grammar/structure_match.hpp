#pragma once
// Spirit-free face of the line-level grammars the structure stage uses
// (grammar/heading, grammar/list_marker, grammar/date). The X3 rules live in
// <c>.hpp / <c>_def.hpp and are instantiated once in src/grammar/<c>.cpp; the
// functions below run them, so the structure stage never compiles Spirit.
// The Chinese numerals of heading labels are read by the one numeral reader the
// statements stage uses for quantities (chinese_numeral_at).
// All offsets are bytes into the string_view passed in.

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

namespace reportx::grammar {

// ---- headings -----------------------------------------------------------------

enum class heading_form : std::uint8_t {
    zh_part,   ///< `一、2024年工作回顾`
    zh_sub,    ///< `（一）着力扩大国内需求。`
    roman,     ///< `I. A Review of Our Work in 2023`
    markdown,  ///< `# Budget Speech`, `## ...`
    speaker,   ///< `**Mr Speaker**` (a transcript's speaker label, the whole line)
};

struct heading_match {
    heading_form form;
    std::string label;          ///< numbering as written without punctuation: "一", "III"; "#"s for markdown
    int number = 0;             ///< the label's value (一 = 1, III = 3, ## = 2)
    std::size_t text_begin = 0; ///< where the heading's words start (after label, punctuation, spaces)
};

/// Heading at the very start of `line` (a line with its indentation removed).
[[nodiscard]] std::optional<heading_match> match_heading(std::string_view line);
/// Whether `line` starts with a character a heading can start with (match_heading's cheap
/// first test; false means match_heading finds none).
[[nodiscard]] bool may_start_heading(std::string_view line) noexcept;

/// 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; 0 if `s` is not one Chinese numeral as a
/// whole (二三, 二〇: two digits in a row).
[[nodiscard]] int chinese_number(std::string_view s) noexcept;
/// IV → 4, XII → 12; 0 if not a Roman numeral.
[[nodiscard]] int roman_number(std::string_view s) noexcept;

/// Skips the spaces that may follow a label or marker (space, tab, NBSP, U+3000) from `i`;
/// the position after them (`i` itself when none follow or `i` is past the end).
[[nodiscard]] std::size_t skip_gap(std::string_view s, std::size_t i) noexcept;

// ---- Chinese numerals (heading labels; quantities in the statements stage) -------

/// 〇 零 一 … 九 两 → 0 … 9 (两 = 2); -1 for any other character.
[[nodiscard]] constexpr int chinese_digit(char32_t cp) noexcept {
    switch (cp) {
        case U'〇': case U'零': return 0;
        case U'一': return 1;
        case U'二': case U'两': return 2;
        case U'三': return 3;
        case U'四': return 4;
        case U'五': return 5;
        case U'六': return 6;
        case U'七': return 7;
        case U'八': return 8;
        case U'九': return 9;
        default: return -1;
    }
}
/// 十 百 千 → 10 100 1000; 0 for any other character.
[[nodiscard]] constexpr int chinese_multiplier(char32_t cp) noexcept {
    switch (cp) {
        case U'十': return 10;
        case U'百': return 100;
        case U'千': return 1000;
        default: return 0;
    }
}

struct chinese_numeral {
    long long value = 0;
    std::size_t end = 0;  ///< the byte after the numeral (the start when there is none)
};
/// The Chinese numeral that starts at `pos`, read as far as it goes: digits and the
/// multipliers 十 百 千 (十二 = 12, 二十三 = 23, 三千 = 3000). 零 (〇) holds a place
/// (一百零五 = 105, 一千零二十 = 1020); a digit right after another digit ends the numeral
/// before it (十四五 reads 十四, 二三 reads 二).
[[nodiscard]] chinese_numeral chinese_numeral_at(std::string_view s, std::size_t pos) noexcept;

// ---- list markers -------------------------------------------------------------

enum class marker_form : std::uint8_t {
    point,         ///< `Point 1:`
    zh_enum,       ///< `一是`
    zh_ordinal,    ///< `第一，`
    zh_dash,       ///< `——`
    dash2,         ///< `--`
    dash1,         ///< `-` (spaced)
    en_dash,       ///< `–` (spaced)
    em_dash,       ///< `—` (spaced)
    symbol,        ///< `➣ • ● ■ ▪ ◆ ► ★ ✓ ○ ◦ ➢`, glued or spaced
    star,          ///< Markdown `* ` / `+ `
    num_dot,       ///< `1.` `1、` `1．`
    paren_num,     ///< `(1)` `（1）`
    paren_alpha,   ///< `(a)`
    circled,       ///< `①`
    zh_part_item,  ///< `一、` that is not a part heading (set by the structure stage, not the grammar)
};

struct marker_match {
    marker_form form;
    std::size_t marker_end = 0;  ///< end of the marker as written ("Point 1:", "➣", "(2)")
    std::size_t text_begin = 0;  ///< first byte after the marker and the spaces that follow it
};

/// List marker at the very start of `line`.
[[nodiscard]] std::optional<marker_match> match_list_marker(std::string_view line);
/// Whether `line` starts with a character a list marker can start with (match_list_marker's
/// cheap first test; false means match_list_marker finds none).
[[nodiscard]] bool may_start_marker(std::string_view line) noexcept;

// ---- dates --------------------------------------------------------------------

struct date_match {
    int year = 0, month = 0, day = 0;
    std::size_t begin = 0, end = 0;  ///< bytes into the text searched
    [[nodiscard]] bool valid() const noexcept;  ///< the day exists (2024-02-30 does not)
};

/// A date starting exactly at `pos`: `2024年3月5日`, `二〇二四年三月五日`, `2024-03-21`, `March 5, 2024`,
/// `Thursday, 10 February 2022`, `Mar-21-2024`.
[[nodiscard]] std::optional<date_match> match_date(std::string_view text, std::size_t pos);
/// The first date anywhere in `text` (tries each word start once: linear for short lines).
[[nodiscard]] std::optional<date_match> find_date(std::string_view text);

}  // namespace reportx::grammar
