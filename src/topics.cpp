// Topics stage: the leftmost-longest `topic` hits of each block.
//
// The lexicon scan (src/scan.cpp) has found every alias of every `topic` entry in its
// one pass over the text, so this stage only reads its hits. A hit of a group
// alias (`expands` column: `the new three`, 新三样) gives one topic per expanded id,
// all with the alias's span. Entries whose id is `none` or starts with `none.` are
// stop phrases: they take the text (longest match) and report nothing.
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "stages.hpp"
#include "topics_actions.hpp"

namespace reportx::detail {

bool is_stop_id(std::string_view id) noexcept {
    return id == "none" || id.substr(0, 5) == "none.";
}

void extract_topics(document& doc, lexicon const& lex, lexicon_hits const& hits) {
    std::vector<lexicon_match> found;
    std::unordered_map<std::uint32_t, std::vector<std::pair<std::string, std::string>>> groups;
    for (auto const& b : doc.blocks) {
        if (b.kind == block_kind::meta) continue;
        found.clear();
        hits.find_all(lexicon_hits::topic, b.where.begin, b.where.end, found);
        for (auto const& h : found) {
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
