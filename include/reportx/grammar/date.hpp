#pragma once
// Dates as documents give them (X3 rule; declared here, defined in date_def.hpp,
// instantiated in src/grammar/date.cpp):
//   2024年3月5日   二〇二四年三月五日   2026年02月10日   2026-02-02   March 5, 2024   May 22, 2020
//   Thursday, 10 February 2022   Mar-21-2024 (Post time:)   21-Mar-2024
// Spirit-free callers use grammar/structure_match.hpp instead.

#include <boost/spirit/home/x3.hpp>

#include "reportx/grammar/structure_match.hpp"

namespace reportx::grammar {
namespace x3 = boost::spirit::x3;

namespace ast {
struct date {
    int year = 0, month = 0, day = 0;
};
}  // namespace ast

struct date_class;
using date_type = x3::rule<date_class, ast::date>;

BOOST_SPIRIT_DECLARE(date_type)

/// The rule object.
date_type const& date();

}  // namespace reportx::grammar
