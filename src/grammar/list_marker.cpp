// Instantiates the list-marker rule once and runs it for the structure stage.
#include "reportx/grammar/list_marker_def.hpp"

#include "reportx/utf8.hpp"

namespace reportx::grammar {

BOOST_SPIRIT_INSTANTIATE(list_marker_type, char const*, x3::unused_type)

list_marker_type const& list_marker() { return list_marker_rule; }

/// Whether `line` can begin a list marker at all: it starts with the first character of one
/// of the rule's alternatives. Nearly every line is prose that starts otherwise; this spares
/// it the X3 parse, whose many literal alternatives cost hundreds of instructions even when
/// they all fail. Keep in step with list_marker_def.hpp (tests/cpp/test_grammar_list_marker.cpp
/// checks every code point against the rule).
bool may_start_marker(std::string_view line) noexcept {
    if (line.empty()) return false;
    auto const c = static_cast<unsigned char>(line[0]);
    if (c < 0x80)
        return c == 'P' || c == 'p' || c == '-' || c == '*' || c == '+' || c == '(' || (c >= '0' && c <= '9');
    if (c < 0xC0 || line.size() < utf8::sequence_length(c)) return false;  // a stray continuation byte starts none
    switch (char32_t const cp = utf8::decode(line, 0).cp) {
        case U'一': case U'二': case U'三': case U'四': case U'五':
        case U'六': case U'七': case U'八': case U'九': case U'十':   // 一是, 一、 (zh_enum)
        case U'第': case U'（':                                       // 第一， (1)
        case U'—': case U'–':                                         // —— — –
        case U'➣': case U'➢': case U'•': case U'●': case U'■': case U'▪': case U'◆': case U'◇': case U'►':
        case U'▶': case U'★': case U'☆': case U'✓': case U'✔': case U'○': case U'◦': case U'❖': case U'➤':
            return true;
        default:
            return cp >= U'①' && cp <= U'⑳';
    }
}

std::optional<marker_match> match_list_marker(std::string_view line) {
    if (!may_start_marker(line)) return std::nullopt;
    ast::list_marker a;
    char const* first = line.data();
    char const* const last = line.data() + line.size();
    if (!x3::parse(first, last, list_marker(), a)) return std::nullopt;
    auto const marker_end = static_cast<std::size_t>(first - line.data());
    return marker_match{a.form, marker_end, skip_gap(line, marker_end)};
}

}  // namespace reportx::grammar
