#pragma once
// Definition of the list-marker rule (see list_marker.hpp). Included only by
// src/grammar/list_marker.cpp. The rule consumes exactly the marker as written.

#include "reportx/grammar/common.hpp"
#include "reportx/grammar/list_marker.hpp"

namespace reportx::grammar {
namespace list_marker_detail {

using common::ascii_letter;
using common::digit;
using common::gap;

inline auto form(marker_form f) {
    return [f](auto& ctx) { x3::_val(ctx).form = f; };
}

auto const cn_digit = x3::lit("一") | "二" | "三" | "四" | "五" | "六" | "七" | "八" | "九" | "十";
auto const digits = x3::repeat(1, 3)[digit];

// Bullets that may be glued to their text (`➣Stable supply`) or spaced.
auto const bullet_symbol = x3::lit("➣") | "➢" | "•" | "●" | "■" | "▪" | "◆" | "◇" | "►" | "▶" | "★" | "☆" |
                           "✓" | "✔" | "○" | "◦" | "❖" | "➤";
auto const circled = x3::lit("①") | "②" | "③" | "④" | "⑤" | "⑥" | "⑦" | "⑧" | "⑨" | "⑩" | "⑪" | "⑫" |
                     "⑬" | "⑭" | "⑮" | "⑯" | "⑰" | "⑱" | "⑲" | "⑳";

// Point 1:   (the colon is part of the marker)
auto const point = (x3::no_case[x3::lit("point")] >> +gap >> digits >> (x3::lit(':') | x3::lit("：")))
                       [form(marker_form::point)];
// 一是 / 二是 … 十是
auto const zh_enum = (cn_digit >> x3::lit("是"))[form(marker_form::zh_enum)];
// 第一， / 第二、 / 第三,   (not 第一次, 第一批: the punctuation is required)
auto const zh_ordinal = (x3::lit("第") >> +cn_digit >> (x3::lit("，") | x3::lit("、") | x3::lit(",")))
                            [form(marker_form::zh_ordinal)];
// —— (two em dashes, glued: ——经济运行稳中向好。); a third dash is a rule, not a marker
auto const zh_dash = (x3::lit("——") >> !x3::lit("—"))[form(marker_form::zh_dash)];
// -- item / --item ; - item ; – item ; — item
auto const dash2 = (x3::lit("--") >> !x3::lit('-') >> (&gap | &ascii_letter))[form(marker_form::dash2)];
auto const dash1 = (x3::lit('-') >> &gap)[form(marker_form::dash1)];
auto const en_dash = (x3::lit("–") >> &gap)[form(marker_form::en_dash)];
auto const em_dash = (x3::lit("—") >> &gap)[form(marker_form::em_dash)];
auto const symbol = bullet_symbol[form(marker_form::symbol)];
// Markdown bullets need a space: "* item" (but not "**bold**")
auto const star = ((x3::lit('*') | '+') >> &gap)[form(marker_form::star)];
// 1. / 1、 / 1． — never a decimal (2.5) or a year (2024.)
auto const num_dot = (digits >> (x3::lit('.') | x3::lit("、") | x3::lit("．")) >> !digit)
                         [form(marker_form::num_dot)];
// (1) / （1）
auto const paren_num = (((x3::lit('(') >> digits >> ')')) | (x3::lit("（") >> digits >> x3::lit("）")))
                           [form(marker_form::paren_num)];
// (a) / (b)   (one lower-case letter)
auto const paren_alpha = (x3::lit('(') >> x3::char_('a', 'z') >> ')' >> &gap)[form(marker_form::paren_alpha)];
auto const circled_num = circled[form(marker_form::circled)];

}  // namespace list_marker_detail

list_marker_type const list_marker_rule = "list_marker";
auto const list_marker_rule_def = list_marker_detail::point | list_marker_detail::zh_enum |
                                  list_marker_detail::zh_ordinal | list_marker_detail::zh_dash |
                                  list_marker_detail::dash2 | list_marker_detail::dash1 |
                                  list_marker_detail::en_dash | list_marker_detail::em_dash |
                                  list_marker_detail::symbol | list_marker_detail::star |
                                  list_marker_detail::num_dot | list_marker_detail::paren_num |
                                  list_marker_detail::paren_alpha | list_marker_detail::circled_num;
BOOST_SPIRIT_DEFINE(list_marker_rule)

}  // namespace reportx::grammar
