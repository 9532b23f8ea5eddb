#pragma once
// Heading labels at the start of a line (X3 rule; declared here, defined in
// heading_def.hpp, instantiated in src/grammar/heading.cpp).
//   一、2024年工作回顾        (zh_part, label "一")
//   （一）着力扩大国内需求。   (zh_sub, label "一")
//   I. A Review of Our Work  (roman, label "I")
//   ## Budget Measures       (markdown, label "##")
//   **Mr Speaker**           (speaker)
// Spirit-free callers use grammar/structure_match.hpp instead.

#include <boost/spirit/home/x3.hpp>

#include <string>  // std::string

#include "reportx/grammar/structure_match.hpp"

namespace reportx::grammar {
namespace x3 = boost::spirit::x3;

namespace ast {
/// What the heading rule matched; the label is copied as written.
struct heading {
    heading_form form = heading_form::zh_part;
    std::string label;
};
}  // namespace ast

struct heading_class;
using heading_type = x3::rule<heading_class, ast::heading>;

BOOST_SPIRIT_DECLARE(heading_type)

/// The rule object.
heading_type const& heading();

}  // namespace reportx::grammar
