// Instantiates the heading rule once and runs it for the structure stage.
#include "reportx/grammar/heading_def.hpp"

#include "reportx/utf8.hpp"

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

chinese_numeral chinese_numeral_at(std::string_view s, std::size_t pos) noexcept {
    // Every numeral character is three bytes long.
    long long total = 0;
    int digit = -1;  // the digit waiting for its multiplier; 0 after 零, -1 after a multiplier
    std::size_t i = pos;
    for (; i + 3 <= s.size() && utf8::sequence_length(static_cast<unsigned char>(s[i])) == 3; i += 3) {
        char32_t cp = utf8::decode(s, i).cp;
        if (int d = chinese_digit(cp); d >= 0) {
            if (digit > 0) break;  // two digits in a row
            digit = d;             // after 零 the next digit takes its place
        } else if (int m = chinese_multiplier(cp)) {
            total += (digit < 0 ? 1 : digit) * m;
            digit = -1;
        } else {
            break;
        }
    }
    if (digit > 0) total += digit;
    return {total, i};
}

int chinese_number(std::string_view s) noexcept {
    auto n = chinese_numeral_at(s, 0);
    return n.end == s.size() ? static_cast<int>(n.value) : 0;
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

/// Whether `line` can begin a heading at all: it starts with the first character of one of
/// the rule's alternatives (a Chinese numeral, an opening parenthesis, a Roman digit, `#`,
/// `*`). Nearly every line is prose that starts otherwise; this spares it the X3 parse,
/// which costs hundreds of instructions even when it fails. Keep in step with heading_def.hpp
/// (tests/cpp/test_grammar_heading.cpp checks every code point against the rule).
bool may_start_heading(std::string_view line) noexcept {
    if (line.empty()) return false;
    auto const c = static_cast<unsigned char>(line[0]);
    if (c < 0x80) return c == '(' || c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == '#' || c == '*';
    if (c < 0xC0 || line.size() < utf8::sequence_length(c)) return false;  // a stray continuation byte starts none
    char32_t const cp = utf8::decode(line, 0).cp;
    return chinese_digit(cp) >= 0 || cp == U'十' || cp == U'百' || cp == U'（';
}

namespace {

/// A character of a Chinese numeral label (the rule's cn_digit) at i.
bool numeral_at(std::string_view line, std::size_t i) noexcept {
    if (i + 3 > line.size() || utf8::sequence_length(static_cast<unsigned char>(line[i])) != 3) return false;
    char32_t const cp = utf8::decode(line, i).cp;
    return chinese_digit(cp) >= 0 || cp == U'十' || cp == U'百';
}

/// A second look at a line may_start_heading lets through, past its first character as
/// each alternative of the rule needs: a numeral then 、 or ．, a parenthesis then a numeral,
/// Roman digits then a full stop. Most such lines are prose (`In 2023 …`, `五年来…`) and are
/// spared the X3 parse; false means the rule cannot match.
bool heading_shape(std::string_view line) noexcept {
    auto const c = static_cast<unsigned char>(line[0]);
    if (c == '#' || c == '*') return true;
    if (c == '(') return numeral_at(line, 1);
    if (c < 0x80) {  // I V X L C
        std::size_t i = 0;
        while (i < line.size() && std::string_view("IVXLC").find(line[i]) != std::string_view::npos) ++i;
        return i < line.size() && line[i] == '.';
    }
    if (line.starts_with("（")) return numeral_at(line, 3);
    std::size_t i = 0;
    while (numeral_at(line, i)) i += 3;
    std::string_view const after = line.substr(i);
    return after.starts_with("、") || after.starts_with("．");
}

}  // namespace

std::optional<heading_match> match_heading(std::string_view line) {
    if (!may_start_heading(line) || !heading_shape(line)) return std::nullopt;
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
