// Instantiates the date rule once and runs it for the structure stage.
#include "reportx/grammar/date_def.hpp"

namespace reportx::grammar {

BOOST_SPIRIT_INSTANTIATE(date_type, char const*, x3::unused_type)

date_type const& date() { return date_rule; }

bool date_match::valid() const noexcept {
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
    if (day > days[month - 1]) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

std::optional<date_match> match_date(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return std::nullopt;
    ast::date a;
    char const* first = text.data() + pos;
    char const* const last = text.data() + text.size();
    if (!x3::parse(first, last, date(), a)) return std::nullopt;
    return date_match{a.year, a.month, a.day, pos, static_cast<std::size_t>(first - text.data())};
}

std::optional<date_match> find_date(std::string_view text) {
    // A date starts at a digit or letter that does not continue a number or word.
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        char p = i ? text[i - 1] : ' ';
        // 二〇二四年…: a year written in Chinese starts with 一 (E4 B8 80) or 二 (E4 BA 8C)
        bool cn = c == '\xE4' && (text.compare(i, 3, "一") == 0 || text.compare(i, 3, "二") == 0);
        bool start = (is_digit(c) && !is_digit(p)) || (is_letter(c) && !is_letter(p) && !is_digit(p)) || cn;
        if (!start) continue;
        if (auto d = match_date(text, i)) return d;
    }
    return std::nullopt;
}

}  // namespace reportx::grammar
