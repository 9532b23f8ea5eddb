#pragma once
// Spirit X3 grammar for Arabic numerals as policy texts write them: digit groups
// separated by `,` or a space (`11,000,000`, `2 600`), an optional decimal part.
// The attribute is the number's digits with the grouping dropped ("11000000",
// "67.7"). Declared here, defined in number_def.hpp, instantiated in src/grammar/number.cpp.
// Internal: callers (the statements stage, tests/cpp/test_grammar_number.cpp) use the
// Spirit-free parse_arabic in src/quantity.hpp instead.

#include <boost/spirit/home/x3.hpp>

#include <string>

namespace reportx::grammar {

namespace x3 = boost::spirit::x3;
using iterator_type = char const*;

struct arabic_number_class;
using arabic_number_type = x3::rule<arabic_number_class, std::string>;
BOOST_SPIRIT_DECLARE(arabic_number_type)

/// The entry rule: digits [grouping] [. digits]. Parse with x3::parse (no skipper).
arabic_number_type const& arabic_number();

}  // namespace reportx::grammar
