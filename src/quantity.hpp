#pragma once
// Quantity expressions (number + scale + unit + qualifier/range) for the statements
// stage. Internal, Spirit-free: the Arabic-number grammar lives in src/grammar/number.cpp.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reportx/lexicon.hpp"
#include "reportx/model.hpp"
#include "reportx/utf8.hpp"
#include "trie.hpp"  // three_byte_cp

namespace reportx::detail {

/// An Arabic numeral parsed by the X3 grammar (grammar/number.hpp).
struct arabic_number {
    std::size_t end = 0;     ///< byte after the last digit
    double value = 0;
    int int_digits = 0;      ///< digits before the decimal point
    bool grouped = false;    ///< had `,` or space grouping
    bool decimal = false;
    bool leading_zero = false;
};

/// Digits with optional `,`/space grouping and decimals, starting exactly at `pos`.
[[nodiscard]] std::optional<arabic_number> parse_arabic(std::string_view text, std::size_t pos);

/// A quantity expression found in a text.
struct quantity {
    span where;                         ///< qualifier, currency, number(s), scale, unit
    std::optional<double> value, low, high;
    bound_kind bound = bound_kind::exact;
    std::optional<span> qualifier;      ///< the qualifier as written (first one)
    std::optional<span> qualifier2;     ///< a second qualifier (`约…左右`)
    std::string_view unit;              ///< canonical unit (a lexicon id), empty when none
};

/// A set of ASCII words (runs of letters, case folded) known by their first and third
/// letters and their length: "no" for a word unlike every word added, "maybe" for the rest
/// (`three` is told from `there`, `these`, `those`). Telling most words apart this way
/// costs no look at their other letters, and no branch.
class word_filter {
public:
    void add(std::string_view word) noexcept { bits_[slot(word.data(), word.size()) >> 6] |= std::uint64_t{1} << (slot(word.data(), word.size()) & 63); }
    /// word[0, size): one letter or more.
    [[nodiscard]] bool may_hold(char const* word, std::size_t size) const noexcept {
        std::uint32_t const s = slot(word, size);
        return (bits_[s >> 6] >> (s & 63)) & 1;
    }
    [[nodiscard]] bool may_hold(std::string_view word) const noexcept { return may_hold(word.data(), word.size()); }

private:
    // A letter's low five bits are the same in either case (`A` 0x41, `a` 0x61).
    static std::uint32_t letter(char c) noexcept { return static_cast<std::uint32_t>(c & 31); }
    static std::uint32_t slot(char const* word, std::size_t size) noexcept {
        // (the last letter of a shorter word stands for the third: the length tells them apart)
        std::uint32_t const third = letter(word[size < 3 ? size - 1 : 2]);
        std::uint32_t const length = size < 15 ? static_cast<std::uint32_t>(size) : 15;
        return letter(word[0]) << 9 | third << 4 | length;
    }
    std::uint64_t bits_[32 * 32 * 16 / 64] = {};
};

/// The three-byte beginnings of the words of a word_filter, for the AVX2 prescan
/// (quantity.cpp): each byte is a letter's class, 1-26 for `a`-`z` in either case and 0
/// for a byte that is no letter (the end of a shorter word). The beginnings fall into 16
/// groups, two sets of eight bits; a beginning (x, y, z) may start a word of the filter
/// when a group holds all three: bit g of first[set][x] & second[set][y] & third[set][z].
/// Told for 32 bytes at once with a table lookup per letter (PSHUFB), where the word
/// filter takes a few instructions per word.
struct word_beginnings {
    static constexpr int groups = 16;
    /// The groups of the beginnings of `words` (runs of letters), many to a group only
    /// when there are more than 16 (joined where that lets through the fewest others).
    explicit word_beginnings(std::vector<std::string_view> const& words);
    std::uint8_t first[2][32] = {}, second[2][32] = {}, third[2][32] = {};
};

/// The lexicon kinds a quantity scan needs, looked up once per lexicon (lexicon::derived).
class quantity_scanner {
public:
    explicit quantity_scanner(lexicon const& lex);
    /// Every quantity in text[from, to), in text order, appended to `out`.
    void scan(std::string_view text, std::size_t from, std::size_t to, std::vector<quantity>& out) const;

private:
    struct number_core;
    bool number_at(std::string_view text, std::size_t pos, std::size_t to, number_core& n) const;
    bool lone_numeral(std::string_view text, std::size_t pos, std::size_t to) const;
    std::size_t next_candidate(std::string_view text, std::size_t pos, std::size_t from, std::size_t to) const;
    bool inside_name(std::string_view text, std::size_t wb, std::size_t we, std::size_t begin, std::size_t end) const;
    lexicon const& lex_;
    matcher const &number_, &names_, &unit_, &scale_, &qualifier_post_, &qualifier_infix_, &not_after_;
    matcher const &unit_prefix_, &qualifier_, &not_before_, &not_range_;
    word_filter number_words_;  // the words an alias of `number` starts with
    word_beginnings number_beginnings_;  // their beginnings (the AVX2 prescan)
};

/// Whether a lexicon id is `word`: compared as views, so the literal's length is known and
/// the test is a few instructions (std::string == char const* calls a compare function).
[[nodiscard]] inline bool id_is(std::string const& id, std::string_view word) noexcept {
    return std::string_view(id) == word;
}

/// Text helpers the statements stage uses unqualified (include/reportx/utf8.hpp).
using utf8::is_ascii_alpha;
using utf8::is_ascii_digit;
using utf8::skip_blank;
using utf8::skip_blank_back;

}  // namespace reportx::detail
