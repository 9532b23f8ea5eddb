#pragma once
// Definition of the heading rule (see heading.hpp). Included only by src/grammar/heading.cpp.

#include "reportx/grammar/common.hpp"
#include "reportx/grammar/heading.hpp"

namespace reportx::grammar {
namespace heading_detail {

using common::gap;  // the spaces after a label

/// The digits of a Chinese numeral label: 一 … 十, 百, 零/〇, 两.
inline x3::symbols<int> const& cn_digit() {
    static x3::symbols<int> const s{{"一", 1}, {"二", 2}, {"三", 3}, {"四", 4}, {"五", 5}, {"六", 6},
                                    {"七", 7}, {"八", 8}, {"九", 9}, {"十", 10}, {"百", 100},
                                    {"零", 0}, {"〇", 0}, {"两", 2}};
    return s;
}

inline auto set_label = [](auto& ctx) {
    auto const& r = x3::_attr(ctx);
    x3::_val(ctx).label.assign(r.begin(), r.end());
};
inline auto form(heading_form f) {
    return [f](auto& ctx) { x3::_val(ctx).form = f; };
}

auto const open_paren = x3::lit("（") | '(';
auto const close_paren = x3::lit("）") | ')';
auto const roman_digit = x3::char_("IVXLC");

// 一、2023年工作回顾  /  十二、…
auto const zh_part = (x3::raw[+cn_digit()][set_label] >> (x3::lit("、") | x3::lit("．")))[form(heading_form::zh_part)];
// （一）着力扩大国内需求。  /  (二)…
auto const zh_sub = (open_paren >> x3::raw[+cn_digit()][set_label] >> close_paren)[form(heading_form::zh_sub)];
// I. A Review of Our Work in 2023  /  III. Major Tasks for 2020  (a space must follow the dot)
auto const roman = (x3::raw[+roman_digit][set_label] >> '.' >> &gap)[form(heading_form::roman)];
// # Budget Speech  /  ### Annex
auto const markdown = (x3::raw[x3::repeat(1, 6)['#']][set_label] >> &gap)[form(heading_form::markdown)];
// **Mr Speaker**  /  **The Deputy Prime Minister and Minister for Finance (Mr Lawrence Wong)**
auto const speaker = (x3::lit("**") >> +(x3::char_ - '*') >> x3::lit("**") >> *gap >> x3::eoi)[form(heading_form::speaker)];

}  // namespace heading_detail

heading_type const heading_rule = "heading";
auto const heading_rule_def = heading_detail::zh_part | heading_detail::zh_sub | heading_detail::roman |
                              heading_detail::markdown | heading_detail::speaker;
BOOST_SPIRIT_DEFINE(heading_rule)

}  // namespace reportx::grammar
