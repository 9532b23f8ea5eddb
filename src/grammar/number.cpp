// Instantiates the Arabic-number rule and wraps it in a Spirit-free function for the
// statements stage (src/quantity.hpp).
#include "reportx/grammar/number_def.hpp"

#include <charconv>  // std::from_chars
#include <cstdint>

#include "quantity.hpp"

namespace reportx::grammar {
BOOST_SPIRIT_INSTANTIATE(arabic_number_type, iterator_type, x3::unused_type)

arabic_number_type const& arabic_number() { return arabic_number_rule; }
}  // namespace reportx::grammar

namespace reportx::detail {

namespace {

// The value of a number whose `count` digits read as the integer m, `fraction` of them
// after the point, when that takes no from_chars: up to 15 digits, the number is
// m / 10^fraction with both exact doubles, and IEEE division rounds that quotient to
// nearest as from_chars does: the same value, far cheaper (and no division at all for an
// integer, the most common number).
std::optional<double> exact_value(std::uint64_t m, std::size_t count, std::size_t fraction) {
    if (count > 15) return std::nullopt;
    static constexpr double powers_of_ten[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                               1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    return fraction == 0 ? static_cast<double>(m) : static_cast<double>(m) / powers_of_ten[fraction];
}

// The facts of a number whose digits (grouping dropped) are `digits` and which ends at `end`.
std::optional<arabic_number> from_digits(std::string_view digits, std::size_t end, bool grouped) {
    arabic_number out;
    out.end = end;
    out.grouped = grouped;
    std::size_t dot = digits.size();  // where the point is, if any
    std::uint64_t m = 0;              // the digits as an integer (read when there are 15 or fewer)
    for (std::size_t k = 0; k < digits.size(); ++k) {
        if (digits[k] == '.') dot = k;
        else m = m * 10 + static_cast<std::uint64_t>(digits[k] - '0');
    }
    out.decimal = dot < digits.size();
    out.int_digits = static_cast<int>(dot);
    out.leading_zero = digits.size() > 1 && digits[0] == '0' && digits[1] != '.';
    std::size_t const fraction_digits = out.decimal ? digits.size() - dot - 1 : 0;
    if (auto v = exact_value(m, digits.size() - (out.decimal ? 1 : 0), fraction_digits)) {
        out.value = *v;
        return out;
    }
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.value);
    if (ec != std::errc{}) return std::nullopt;
    return out;
}

}  // namespace

std::optional<arabic_number> parse_arabic(std::string_view text, std::size_t pos) {
    // Most numbers have no grouping: a run of digits, maybe `.` and more digits. The rule
    // reads such a run as itself unless a `,` or space and a digit follow at most three
    // digits (a group may follow then), so only those go through the grammar, which costs
    // far more.
    std::size_t j = pos;
    std::uint64_t m = 0;  // the digits as an integer, read on the way (used when 15 or fewer)
    for (; j < text.size() && is_ascii_digit(text[j]); ++j) m = m * 10 + static_cast<std::uint64_t>(text[j] - '0');
    if (j == pos) return std::nullopt;
    bool const may_group = j - pos <= 3 && j + 1 < text.size() && (text[j] == ',' || text[j] == ' ') &&
                           is_ascii_digit(text[j + 1]);
    if (!may_group) {
        arabic_number out;
        out.int_digits = static_cast<int>(j - pos);
        std::size_t end = j;
        if (j + 1 < text.size() && text[j] == '.' && is_ascii_digit(text[j + 1])) {
            out.decimal = true;
            for (end = j + 1; end < text.size() && is_ascii_digit(text[end]); ++end)
                m = m * 10 + static_cast<std::uint64_t>(text[end] - '0');
        }
        std::size_t const fraction_digits = out.decimal ? end - j - 1 : 0;
        auto const v = exact_value(m, (j - pos) + fraction_digits, fraction_digits);
        if (!v) return from_digits(text.substr(pos, end - pos), end, false);
        out.end = end;
        out.value = *v;
        out.leading_zero = end - pos > 1 && text[pos] == '0' && text[pos + 1] != '.';
        return out;
    }
    char const* first = text.data() + pos;
    char const* const last = text.data() + text.size();
    std::string digits;
    if (!boost::spirit::x3::parse(first, last, grammar::arabic_number(), digits)) return std::nullopt;
    std::size_t const end = static_cast<std::size_t>(first - text.data());
    return from_digits(digits, end, end - pos != digits.size());
}

}  // namespace reportx::detail
