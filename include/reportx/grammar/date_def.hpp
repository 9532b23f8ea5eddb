#pragma once
// Definition of the date rule (see date.hpp). Included only by src/grammar/date.cpp.

#include <string>  // std::string

#include "reportx/grammar/common.hpp"
#include "reportx/grammar/date.hpp"

namespace reportx::grammar {
namespace date_detail {

using common::ascii_letter;
using common::digit;
using common::gap;

/// Month names and abbreviations (matched case-insensitively; keys in lower case).
inline x3::symbols<int> const& months() {
    static x3::symbols<int> const s{
        {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
        {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
        {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8},
        {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
    return s;
}
inline x3::symbols<int> const& weekdays() {
    static x3::symbols<int> const s{{"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4},
                                    {"friday", 5}, {"saturday", 6}, {"sunday", 7}};
    return s;
}

/// Chinese digits of a year written out (二〇二四年): one symbol per digit.
inline x3::symbols<int> const& cn_digits() {
    static x3::symbols<int> const s{{"〇", 0}, {"零", 0}, {"○", 0}, {"Ｏ", 0}, {"一", 1}, {"二", 2}, {"三", 3},
                                    {"四", 4}, {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}};
    return s;
}
/// Chinese numbers 1..31 for months and days (三月, 十二月, 二十五日, 三十一日).
inline x3::symbols<int> const& cn_numbers() {
    static x3::symbols<int> const s = [] {
        static constexpr char const* units[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        x3::symbols<int> t;
        for (int n = 1; n <= 31; ++n) {
            std::string w = n >= 20 ? std::string(units[n / 10]) + "十" : n >= 10 ? std::string("十") : std::string();
            w += units[n % 10];
            t.add(w, n);
        }
        return t;
    }();
    return s;
}

inline auto set_year = [](auto& ctx) { x3::_val(ctx).year = static_cast<int>(x3::_attr(ctx)); };
inline auto add_year_digit = [](auto& ctx) { x3::_val(ctx).year = x3::_val(ctx).year * 10 + x3::_attr(ctx); };
inline auto set_month = [](auto& ctx) { x3::_val(ctx).month = static_cast<int>(x3::_attr(ctx)); };
inline auto set_day = [](auto& ctx) { x3::_val(ctx).day = static_cast<int>(x3::_attr(ctx)); };

auto const year4 = x3::uint_parser<unsigned, 10, 4, 4>{};
auto const num12 = x3::uint_parser<unsigned, 10, 1, 2>{};

auto const y = year4[set_year];
auto const m = num12[set_month];
auto const d = num12[set_day];
auto const month_name = x3::no_case[months()][set_month] >> !ascii_letter >> -x3::lit('.');
auto const ordinal = x3::no_case[x3::lit("st") | "nd" | "rd" | "th"];

// 2024年3月5日 (spaces allowed around the parts: 2024 年 3 月 5 日)
auto const zh = y >> *gap >> x3::lit("年") >> *gap >> m >> *gap >> x3::lit("月") >> *gap >> d >> *gap >> x3::lit("日");
// 二〇二四年三月五日 (longest match first: 三十一 before 三)
auto const zh_words = x3::eps[([](auto& ctx) { x3::_val(ctx).year = 0; })] >> x3::repeat(4)[cn_digits()[add_year_digit]] >>
                      x3::lit("年") >> cn_numbers()[set_month] >> x3::lit("月") >> cn_numbers()[set_day] >> x3::lit("日");
// 2026-02-02, 2024/3/5, 2024.3.5
auto const iso = y >> (x3::lit('-') | '/' | '.') >> m >> (x3::lit('-') | '/' | '.') >> d >> !digit;
// March 5, 2024 / Mar. 5 2024 / March 5th, 2024
auto const mdy = month_name >> +gap >> d >> -ordinal >> -x3::lit(',') >> +gap >> y >> !digit;
// 10 February 2022 / 10 Feb, 2022
auto const dmy = d >> -ordinal >> +gap >> month_name >> -x3::lit(',') >> +gap >> y >> !digit;
// Mar-21-2024 (blog "Post time:") / 21-Mar-2024
auto const m_d_y = month_name >> '-' >> d >> '-' >> y >> !digit;
auto const d_m_y = d >> '-' >> month_name >> '-' >> y >> !digit;
// Thursday, 10 February 2022
auto const weekday = x3::no_case[weekdays()] >> !ascii_letter >> -x3::lit(',') >> +gap;

}  // namespace date_detail

date_type const date_rule = "date";
auto const date_rule_def = date_detail::zh | date_detail::zh_words | date_detail::iso |
                           (-date_detail::weekday >> (date_detail::m_d_y | date_detail::d_m_y | date_detail::mdy |
                                                      date_detail::dmy));
BOOST_SPIRIT_DEFINE(date_rule)

}  // namespace reportx::grammar
