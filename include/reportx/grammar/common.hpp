#pragma once
// X3 parsers the line grammars share, included by their <c>_def.hpp headers (as Spirit's
// calc9 example shares its common.hpp). Each _def header is compiled in one unit only.

#include <boost/spirit/home/x3.hpp>

namespace reportx::grammar {
namespace x3 = boost::spirit::x3;

namespace common {

/// An ASCII digit.
auto const digit = x3::char_('0', '9');
/// An ASCII letter.
auto const ascii_letter = x3::char_('a', 'z') | x3::char_('A', 'Z');
/// One space after a label or between words: ASCII space or tab, NBSP (C2 A0), ideographic
/// space (E3 80 80) — the set skip_gap (structure_match.hpp) skips.
auto const gap = x3::lit(' ') | '\t' | x3::lit("\xC2\xA0") | x3::lit("\xE3\x80\x80");

}  // namespace common
}  // namespace reportx::grammar
