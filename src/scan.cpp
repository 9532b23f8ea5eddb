// The lexicon scan: one lexicon_scanner over every block, for all the kinds the
// statements, topics and actions stages look for, so that no stage walks the text
// for lexicon words on its own.
#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "search.hpp"
#include "stages.hpp"

namespace reportx::detail {

std::optional<lexicon_match> lexicon_hits::first(kind k, std::size_t from, std::size_t to) const {
    auto const& v = of[k];
    auto it = v.begin() + static_cast<std::ptrdiff_t>(prefix_length(v, [&](lexicon_match const& m) { return m.begin < from; }));
    for (; it != v.end() && it->begin < to; ++it)
        if (it->end <= to) return *it;
    return std::nullopt;
}

void scan_lexicon(document const& doc, lexicon const& lex, lexicon_hits& hits) {
    static std::vector<std::string> const kinds(std::begin(lexicon_hits::kind_names),
                                                std::end(lexicon_hits::kind_names));
    auto scanner = lex.scanner(kinds);
    for (auto& v : hits.of) v.clear();
    std::size_t done = 0;  // blocks do not overlap; never scan a byte twice
    for (auto const& b : doc.blocks) {
        std::size_t from = std::max(b.where.begin, done);
        if (from >= b.where.end) continue;
        scanner->scan(doc.text, from, b.where.end, hits.of);
        done = b.where.end;
    }
}

}  // namespace reportx::detail
