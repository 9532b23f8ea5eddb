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

namespace {

/// A second look at a line may_start_marker lets through, past its first character where
/// one alternative alone can start so: `Point`, one to three digits then `.` `、` `．`, a
/// numeral then 是. Most such lines are prose (`People …`, `2024年…`, `五年来…`) and are
/// spared the X3 parse; false means the rule cannot match.
bool marker_shape(std::string_view line) noexcept {
    auto const c = static_cast<unsigned char>(line[0]);
    if (c == 'P' || c == 'p') {
        if (line.size() < 5) return false;
        for (std::size_t i = 1; i < 5; ++i)
            if ((line[i] | 0x20) != "point"[i]) return false;
        return true;
    }
    if (c >= '0' && c <= '9') {
        std::size_t i = 0;
        while (i < line.size() && i < 4 && line[i] >= '0' && line[i] <= '9') ++i;
        if (i > 3) return false;  // a fourth digit where the marker's punctuation would be
        std::string_view const after = line.substr(i);
        return after.starts_with('.') || after.starts_with("、") || after.starts_with("．");
    }
    if (c >= 0x80 && utf8::sequence_length(c) == 3) {
        switch (utf8::decode(line, 0).cp) {
            case U'一': case U'二': case U'三': case U'四': case U'五':
            case U'六': case U'七': case U'八': case U'九': case U'十':  // zh_enum only
                return line.substr(3).starts_with("是");
            default: break;
        }
    }
    return true;
}

}  // namespace

std::optional<marker_match> match_list_marker(std::string_view line) {
    if (!may_start_marker(line) || !marker_shape(line)) return std::nullopt;
    ast::list_marker a;
    char const* first = line.data();
    char const* const last = line.data() + line.size();
    if (!x3::parse(first, last, list_marker(), a)) return std::nullopt;
    auto const marker_end = static_cast<std::size_t>(first - line.data());
    return marker_match{a.form, marker_end, skip_gap(line, marker_end)};
}

}  // namespace reportx::grammar
