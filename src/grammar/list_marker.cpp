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
    auto const marker_end = static_cast<std::size_t>(first - line.data());
    return marker_match{a.form, marker_end, skip_gap(line, marker_end)};
}

}  // namespace reportx::grammar
