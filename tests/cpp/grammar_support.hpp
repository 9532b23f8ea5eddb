#pragma once
// Helpers for the tests of the X3 line grammars (include/reportx/grammar/).
#include <boost/spirit/home/x3.hpp>

#include <initializer_list>
#include <string>
#include <vector>

#include "support.hpp"

namespace rxtest {

/// Every BMP code point followed by each of `rests`: the lines the X3 rule matches at their
/// start (with an attribute of type Attr). For checking a grammar's cheap first-character test.
template <class Attr, class Rule>
std::vector<std::string> bmp_lines_matching(Rule const& rule, std::initializer_list<char const*> rests) {
    std::vector<std::string> out;
    for (char32_t cp = 1; cp < 0x10000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        for (char const* rest : rests) {
            std::string line = utf8_of(cp) + rest;
            Attr a;
            char const* b = line.data();
            char const* const e = b + line.size();
            if (boost::spirit::x3::parse(b, e, rule, a)) out.push_back(std::move(line));
        }
    }
    return out;
}

}  // namespace rxtest
