// Topics stage: one leftmost-longest pass of the `topic` lexicon over each block.
//
// Every alias of every `topic` entry sits in one byte trie (lexicon::match), so the
// pass is linear in the text whatever the size of the taxonomy. A hit of a group
// alias (`expands` column: `the new three`, 新三样) gives one topic per expanded id,
// all with the alias's span. Entries whose id is `none` or starts with `none.` are
// stop phrases: they take the text (longest match) and report nothing.
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "stages.hpp"

namespace reportx::detail {

bool is_stop_id(std::string_view id) noexcept {
    return id == "none" || id.substr(0, 5) == "none.";
}

void extract_topics(document& doc, lexicon const& lex) {
    auto const& m = lex.match("topic");
    if (m.empty()) return;
    std::string_view const text = doc.text;
    std::vector<lexicon_match> hits;
    std::unordered_map<std::uint32_t, std::vector<std::pair<std::string, std::string>>> groups;
    std::size_t done = 0;  // blocks do not overlap; never scan a byte twice
    for (auto const& b : doc.blocks) {
        if (b.kind == block_kind::meta) continue;
        std::size_t from = b.where.begin < done ? done : b.where.begin;
        if (from >= b.where.end) continue;
        hits.clear();
        m.find_all(text, from, b.where.end, hits);
        done = b.where.end;
        for (auto const& h : hits) {
            auto const& e = lex.entry(h.entry);
            if (is_stop_id(e.id)) continue;
            if (e.expands.empty()) {
                doc.topics.push_back(topic{e.id, e.label, span{h.begin, h.end}, b.id});
                continue;
            }
            // Resolved once per group entry: (id, label) of each expanded id; the label of
            // the id's own entry, or the id itself when the lexicon has none.
            auto it = groups.find(h.entry);
            if (it == groups.end()) {
                std::vector<std::pair<std::string, std::string>> v;
                for (auto const& id : e.expands) {
                    if (is_stop_id(id)) continue;
                    auto const* target = lex.find("topic", id);
                    v.emplace_back(id, target ? target->label : id);
                }
                it = groups.emplace(h.entry, std::move(v)).first;
            }
            for (auto const& [id, label] : it->second)
                doc.topics.push_back(topic{id, label, span{h.begin, h.end}, b.id});
        }
    }
}

}  // namespace reportx::detail
