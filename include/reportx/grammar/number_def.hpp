#pragma once
// Definition of the Arabic-number rule (see number.hpp). Included only by src/grammar/number.cpp.

#include "reportx/grammar/common.hpp"
#include "reportx/grammar/number.hpp"

namespace reportx::grammar {

namespace number_detail {

using common::digit;
// A group of exactly three digits after a separator: `,000`, ` 600` (the separator is dropped).
auto const comma_group = x3::omit[x3::lit(',')] >> x3::repeat(3)[digit] >> !digit;
auto const space_group = x3::omit[x3::lit(' ')] >> x3::repeat(3)[digit] >> !digit;
// One to three leading digits, then comma groups, space groups or plain digits (one choice,
// no backtracking over the leading digits).
auto const integer_part = x3::repeat(1, 3)[digit] >> (+comma_group | +space_group | *digit);
auto const fraction = x3::char_('.') >> +digit;

}  // namespace number_detail

arabic_number_type const arabic_number_rule = "arabic_number";
auto const arabic_number_rule_def = number_detail::integer_part >> -number_detail::fraction;
BOOST_SPIRIT_DEFINE(arabic_number_rule)

}  // namespace reportx::grammar
