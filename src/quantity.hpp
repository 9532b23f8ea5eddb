#pragma once
// Quantity expressions (number + scale + unit + qualifier/range) for the statements
// stage. Internal, Spirit-free: the Arabic-number grammar lives in src/grammar/number.cpp.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reportx/lexicon.hpp"
#include "reportx/model.hpp"

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

/// A matcher of one lexicon kind with a first-bytes prefilter: find_all calls the
/// trie only where an alias of the kind can start (a 64K-bit set of the first two
/// ASCII bytes or the first code point), so a pass over text is close to a memory scan.
class prefiltered_matcher {
public:
    prefiltered_matcher(lexicon const& lex, std::string_view kind);
    /// Same result as matcher::find_all.
    void find_all(std::string_view text, std::size_t from, std::size_t to, std::vector<lexicon_match>& out) const;
    /// Whether an alias may start at `pos` (no false negatives).
    [[nodiscard]] bool may_start(std::string_view text, std::size_t pos, std::size_t to) const noexcept;
    /// The same test with the key already computed (see multi_finder).
    [[nodiscard]] bool test(std::uint32_t key, unsigned char lead, bool key_ok) const noexcept {
        return short_lead_[lead] || (key_ok && ((bits_[key >> 6] >> (key & 63)) & 1));
    }
    [[nodiscard]] matcher const& trie() const noexcept { return m_; }
    /// Adds this matcher's start set to a union (for one pass over several kinds).
    void add_to(std::vector<std::uint64_t>& bits, bool (&short_lead)[256]) const;
    [[nodiscard]] bool empty() const noexcept { return m_.empty(); }

private:
    matcher const& m_;
    std::vector<std::uint64_t> bits_;
    bool short_lead_[256] = {};
};

/// Several kinds in one pass: each kind gets its own leftmost-longest, non-overlapping
/// matches (as if find_all had run once per kind), with one walk over the code points.
class multi_finder {
public:
    explicit multi_finder(std::vector<prefiltered_matcher const*> kinds);
    void find_all(std::string_view text, std::size_t from, std::size_t to,
                  std::vector<std::vector<lexicon_match>>& out) const;

private:
    std::vector<prefiltered_matcher const*> kinds_;
    std::vector<std::uint64_t> bits_;
    bool short_lead_[256] = {};
};

/// A quantity expression found in a text.
struct quantity {
    span where;                         ///< qualifier, currency, number(s), scale, unit
    std::optional<double> value, low, high;
    bound_kind bound = bound_kind::exact;
    std::optional<span> qualifier;      ///< the qualifier as written (first one)
    std::optional<span> qualifier2;     ///< a second qualifier (`约…左右`)
    std::string unit;                   ///< canonical unit, empty when none
};

/// The lexicon kinds a quantity scan needs, looked up once.
class quantity_scanner {
public:
    explicit quantity_scanner(lexicon const& lex);
    /// Every quantity in text[from, to), in text order, appended to `out`.
    void scan(std::string_view text, std::size_t from, std::size_t to, std::vector<quantity>& out) const;

private:
    struct number_core;
    bool number_at(std::string_view text, std::size_t pos, std::size_t to, number_core& n) const;
    lexicon const& lex_;
    prefiltered_matcher number_words_, names_, unit_, scale_, qualifier_post_, qualifier_infix_, not_after_;
    matcher const &unit_prefix_, &number_, &qualifier_, &not_before_, &not_range_;
};

/// Small text helpers shared by the statements stage.
[[nodiscard]] inline bool is_ascii_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
[[nodiscard]] inline bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
/// Skips blanks (ASCII/Unicode spaces, zero-width) forward from `pos`, not past `to`.
[[nodiscard]] std::size_t skip_blank(std::string_view t, std::size_t pos, std::size_t to) noexcept;
/// Skips blanks backward from `pos` (exclusive), not before `from`.
[[nodiscard]] std::size_t skip_blank_back(std::string_view t, std::size_t pos, std::size_t from) noexcept;

}  // namespace reportx::detail
