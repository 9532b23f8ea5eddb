#pragma once
// The pipeline's stages (see shared/design/ARCHITECTURE.md). Each adds to the
// document and reads only what earlier stages wrote. Internal: not installed.

#include <cstdint>
#include <optional>
#include <vector>

#include "reportx/lexicon.hpp"
#include "reportx/model.hpp"
#include "reportx/parse.hpp"

namespace reportx::detail {

/// Every alias of the kinds the later stages look for, found in one pass of one
/// lexicon_scanner over the document's blocks (src/scan.cpp): for each kind, at each
/// place a code point starts, the longest alias that starts there (in text order, so
/// matches may overlap), never across a block's end.
struct lexicon_hits {
    enum kind : std::uint8_t {
        topic, verb, modifier, connector,                 // topics and actions
        metric, direction, kind_cue, period_cue,          // statements: cues near quantities
        section_cue, target_list,                         // statements: headings and lead-ins
        count
    };
    /// The lexicon kind each slot holds, in the order above.
    static constexpr char const* kind_names[count] = {"topic",    "verb",      "modifier",   "connector",
                                                      "metric",   "direction", "kind_cue",   "period_cue",
                                                      "section_cue", "target_list"};
    std::vector<std::vector<lexicon_match>> of = std::vector<std::vector<lexicon_match>>(count);

    /// Leftmost-longest, non-overlapping hits of kind k inside [from, to), appended to out
    /// (what matcher::find_all would find there).
    void find_all(kind k, std::size_t from, std::size_t to, std::vector<lexicon_match>& out) const {
        leftmost_longest(of[k], from, to, out);
    }
    /// The first of those: the first hit of kind k inside [from, to).
    [[nodiscard]] std::optional<lexicon_match> first(kind k, std::size_t from, std::size_t to) const;
};

/// lang, title, date, year, sections, blocks (+ diagnostics). src/structure*.cpp
void build_structure(document& doc, parse_options const& options, lexicon const& lex);
/// The lexicon hits of every block, in place of what `hits` held (its vectors keep
/// their room, so a thread reuses one for document after document). src/scan.cpp
void scan_lexicon(document const& doc, lexicon const& lex, lexicon_hits& hits);
/// statements. src/statements*.cpp
void extract_statements(document& doc, lexicon const& lex, lexicon_hits const& hits);
/// topics. src/topics.cpp
void extract_topics(document& doc, lexicon const& lex, lexicon_hits const& hits);
/// actions (after topics: an action lists the topics inside its object). src/actions.cpp
void extract_actions(document& doc, lexicon const& lex, lexicon_hits const& hits);

}  // namespace reportx::detail
