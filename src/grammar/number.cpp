// Instantiates the Arabic-number rule and wraps it in a Spirit-free function for the
// statements stage (src/quantity.hpp).
#include "reportx/grammar/number_def.hpp"

#include <charconv>  // std::from_chars

#include "quantity.hpp"

namespace reportx::grammar {
BOOST_SPIRIT_INSTANTIATE(arabic_number_type, iterator_type, x3::unused_type)

arabic_number_type const& arabic_number() { return arabic_number_rule; }
}  // namespace reportx::grammar

namespace reportx::detail {

std::optional<arabic_number> parse_arabic(std::string_view text, std::size_t pos) {
    char const* first = text.data() + pos;
    char const* const last = text.data() + text.size();
    std::string digits;
    if (!boost::spirit::x3::parse(first, last, grammar::arabic_number(), digits)) return std::nullopt;
    arabic_number out;
    out.end = static_cast<std::size_t>(first - text.data());
    out.grouped = out.end - pos != digits.size();
    auto dot = digits.find('.');
    out.decimal = dot != std::string::npos;
    out.int_digits = static_cast<int>(out.decimal ? dot : digits.size());
    out.leading_zero = digits.size() > 1 && digits[0] == '0' && digits[1] != '.';
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.value);
    if (ec != std::errc{}) return std::nullopt;
    return out;
}

}  // namespace reportx::detail
