#pragma once
// The pipeline's stages (see shared/design/ARCHITECTURE.md). Each adds to the
// document and reads only what earlier stages wrote. Internal: not installed.

#include "reportx/lexicon.hpp"
#include "reportx/model.hpp"
#include "reportx/parse.hpp"

namespace reportx::detail {

/// lang, title, date, year, sections, blocks (+ diagnostics). src/structure*.cpp
void build_structure(document& doc, parse_options const& options, lexicon const& lex);
/// statements. src/statements*.cpp
void extract_statements(document& doc, lexicon const& lex);
/// topics. src/topics.cpp
void extract_topics(document& doc, lexicon const& lex);
/// actions (after topics: an action lists the topics inside its object). src/actions.cpp
void extract_actions(document& doc, lexicon const& lex);

}  // namespace reportx::detail
