// Instantiates the heading rule once and runs it for the structure stage.
#include "reportx/grammar/heading_def.hpp"

namespace reportx::grammar {

BOOST_SPIRIT_INSTANTIATE(heading_type, char const*, x3::unused_type)

heading_type const& heading() { return heading_rule; }

std::size_t skip_gap(std::string_view s, std::size_t i) noexcept {
    while (i < s.size()) {
        if (s[i] == ' ' || s[i] == '\t') ++i;
        else if (s.compare(i, 2, "\xC2\xA0") == 0) i += 2;
        else if (s.compare(i, 3, "\xE3\x80\x80") == 0) i += 3;
        else break;
    }
    return i;
}

int chinese_number(std::string_view s) noexcept {
    // 一 二 … 九 as digits, 十 and 百 as multipliers: 十二 = 12, 二十三 = 23, 一百零五 = 105.
    static constexpr std::string_view digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int total = 0, digit = -1;
    for (std::size_t i = 0; i < s.size();) {
        std::string_view c = s.substr(i, 3);
        i += 3;
        int v = -1;
        for (int k = 0; k < 10; ++k)
            if (c == digits[k]) v = k;
        if (c == "〇") v = 0;
        if (c == "两") v = 2;
        if (v >= 0) {
            if (digit > 0) return 0;  // two digits in a row (二三) is not a numeral here
            digit = v;
        } else if (c == "十" || c == "百") {
            int mult = c == "十" ? 10 : 100;
            total += (digit < 0 ? 1 : digit) * mult;
            digit = -1;
        } else {
            return 0;
        }
    }
    if (digit > 0) total += digit;
    return total;
}

int roman_number(std::string_view s) noexcept {
    auto value = [](char c) {
        switch (c) {
            case 'I': return 1;
            case 'V': return 5;
            case 'X': return 10;
            case 'L': return 50;
            case 'C': return 100;
            default: return 0;
        }
    };
    int total = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        int v = value(s[i]);
        if (v == 0) return 0;
        int next = i + 1 < s.size() ? value(s[i + 1]) : 0;
        total += v < next ? -v : v;
    }
    return total > 0 ? total : 0;
}

std::optional<heading_match> match_heading(std::string_view line) {
    ast::heading a;
    char const* first = line.data();
    char const* const last = line.data() + line.size();
    if (!x3::parse(first, last, heading(), a)) return std::nullopt;
    heading_match m{a.form, std::move(a.label), 0, static_cast<std::size_t>(first - line.data())};
    switch (m.form) {
        case heading_form::zh_part:
        case heading_form::zh_sub: m.number = chinese_number(m.label); break;
        case heading_form::roman: m.number = roman_number(m.label); break;
        case heading_form::markdown: m.number = static_cast<int>(m.label.size()); break;
        case heading_form::speaker: m.text_begin = 0; return m;
    }
    if (m.number <= 0) return std::nullopt;
    m.text_begin = skip_gap(line, m.text_begin);
    return m;
}

}  // namespace reportx::grammar
