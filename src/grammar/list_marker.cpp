// Instantiates the list-marker rule once and runs it for the structure stage.
#include "reportx/grammar/list_marker_def.hpp"

namespace reportx::grammar {

BOOST_SPIRIT_INSTANTIATE(list_marker_type, char const*, x3::unused_type)

list_marker_type const& list_marker() { return list_marker_rule; }

std::optional<marker_match> match_list_marker(std::string_view line) {
    ast::list_marker a;
    char const* first = line.data();
    char const* const last = line.data() + line.size();
    if (!x3::parse(first, last, list_marker(), a)) return std::nullopt;
    marker_match m{a.form, static_cast<std::size_t>(first - line.data()), 0};
    std::size_t i = m.marker_end;
    for (;;) {  // the spaces after the marker (ASCII, NBSP, U+3000)
        if (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        else if (line.substr(i, 2) == "\xC2\xA0") i += 2;
        else if (line.substr(i, 3) == "\xE3\x80\x80") i += 3;
        else break;
    }
    m.text_begin = i;
    return m;
}

}  // namespace reportx::grammar
