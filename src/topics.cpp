// Topics stage: the leftmost-longest `topic` hits of each block.
//
// The lexicon scan (src/scan.cpp) has found every alias of every `topic` entry in its
// one pass over the text, so this stage only reads its hits. A hit of a group
// alias (`expands` column: `the new three`, 新三样) gives one topic per expanded id,
// all with the alias's span. Entries whose id is `none` or starts with `none.` are
// stop phrases: they take the text (longest match) and report nothing.
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "search.hpp"
#include "stages.hpp"
#include "topics_actions.hpp"

namespace reportx::detail {

bool is_stop_id(std::string_view id) noexcept {
    return id == "none" || id.substr(0, 5) == "none.";
}

namespace {

/// What a topic hit gives, per lexicon entry, worked out once per lexicon (lexicon::derived)
/// so that no hit compares ids or looks up the entries a group expands to. The strings
/// point into the lexicon, which outlives these tables.
struct topic_tables {
    explicit topic_tables(lexicon const& lex) {
        auto const& es = lex.entries();
        facts.resize(es.size());
        for (std::uint32_t i = 0; i < es.size(); ++i) {
            auto const& e = es[i];
            facts[i] = {&e.id, &e.label, is_stop_id(e.id), !e.expands.empty()};
            if (e.kind != "topic" || !facts[i].group) continue;
            // A group's (id, label) pairs: the label of the id's own topic entry, or the id
            // itself when the lexicon has none.
            auto& pairs = groups[i];
            for (auto const& id : e.expands) {
                if (is_stop_id(id)) continue;
                auto const* t = lex.find("topic", id);
                pairs.emplace_back(&id, t ? &t->label : &id);
            }
        }
    }
    struct entry_facts {
        std::string const* id = nullptr;
        std::string const* label = nullptr;
        bool stop = false;   // none.*: takes the text, reports nothing
        bool group = false;  // reported as the pairs in `groups`
    };
    std::vector<entry_facts> facts;  // by entry index
    std::unordered_map<std::uint32_t, std::vector<std::pair<std::string const*, std::string const*>>> groups;
};

}  // namespace

void extract_topics(document& doc, lexicon const& lex, lexicon_hits const& hits) {
    auto const& all = hits.of[lexicon_hits::topic];
    if (all.empty()) return;
    auto const& tables = lex.derived<topic_tables>();
    // Most hits become a topic: room for all of them saves the copies of regrowth.
    doc.topics.reserve(doc.topics.size() + all.size());
    lexicon_match const* const v = all.data();
    std::size_t const n = all.size();
    // The hits are in text order, and so are the blocks: a cursor finds each block's first
    // hit (a binary search if a block ever started before the one before it ended).
    std::size_t i = 0, last_to = 0;
    for (auto const& b : doc.blocks) {
        if (b.kind == block_kind::meta) continue;
        std::size_t const from = b.where.begin, to = b.where.end;
        if (from < last_to) i = prefix_length(all, [&](lexicon_match const& x) { return x.begin < from; });
        last_to = to;
        while (i < n && v[i].begin < from) ++i;
        // Leftmost-longest (as lexicon_hits::find_all picks them): a hit that overlaps the
        // one taken before, or crosses the block's end, is passed over.
        std::size_t taken_end = from;
        for (; i < n && v[i].begin < to; ++i) {
            lexicon_match const& m = v[i];
            if (m.begin < taken_end || m.end > to) continue;
            taken_end = m.end;
            auto const& f = tables.facts[m.entry];
            if (f.stop) continue;
            if (!f.group) {
                doc.topics.emplace_back(*f.id, *f.label, span{m.begin, m.end}, b.id);
                continue;
            }
            for (auto const& [id, label] : tables.groups.at(m.entry))
                doc.topics.emplace_back(*id, *label, span{m.begin, m.end}, b.id);
        }
    }
}

}  // namespace reportx::detail
