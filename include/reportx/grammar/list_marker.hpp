#pragma once
// List markers at the start of a line (X3 rule; declared here, defined in
// list_marker_def.hpp, instantiated in src/grammar/list_marker.cpp).
//   Point 1: The main expected goals …    ➣ GDP growth of around 5%;   ➣Stable supply …
//   • over 9 million new urban jobs;      -- the deficit-to-GDP ratio …   (1) Keeping …
//   一是继续创新和加强宏观调控 …           第一，…    ——经济运行稳中向好。   1.“四上”企业：
// Spirit-free callers use grammar/structure_match.hpp instead.

#include <boost/spirit/home/x3.hpp>

#include "reportx/grammar/structure_match.hpp"

namespace reportx::grammar {
namespace x3 = boost::spirit::x3;

namespace ast {
/// Which kind of marker matched; its extent is the parse's end position.
struct list_marker {
    marker_form form = marker_form::symbol;
};
}  // namespace ast

struct list_marker_class;
using list_marker_type = x3::rule<list_marker_class, ast::list_marker>;

BOOST_SPIRIT_DECLARE(list_marker_type)

/// The rule object.
list_marker_type const& list_marker();

}  // namespace reportx::grammar
