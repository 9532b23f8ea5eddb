// Topics stage: the leftmost-longest `topic` hits of each block.
//
// The lexicon scan (src/scan.cpp) has found every alias of every `topic` entry in its
// one pass over the text, so this stage only reads its hits. A hit of a group
// alias (`expands` column: `the new three`, 新三样) gives one topic per expanded id,
// all with the alias's span. Entries whose id is `none` or starts with `none.` are
// stop phrases: they take the text (longest match) and report nothing.
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stages.hpp"
#include "topics_actions.hpp"

namespace reportx::detail {

bool is_stop_id(std::string_view id) noexcept {
    return id == "none" || id.substr(0, 5) == "none.";
}

namespace {

/// The (id, label) pairs a group entry expands to: the label of the id's own topic entry,
/// or the id itself when the lexicon has none. Resolved once per group entry and document
/// (group hits are few); a deque, so that the pairs of() returned stay where they are when
/// another entry is resolved.
class group_expansions {
public:
    explicit group_expansions(lexicon const& lex) : lex_(lex) {}

    std::vector<std::pair<std::string, std::string>> const& of(std::uint32_t entry) {
        for (auto const& [e, pairs] : resolved_)
            if (e == entry) return pairs;
        std::vector<std::pair<std::string, std::string>> pairs;
        for (auto const& id : lex_.entry(entry).expands) {
            if (is_stop_id(id)) continue;
            auto const* e = lex_.find("topic", id);
            pairs.emplace_back(id, e ? e->label : id);
        }
        return resolved_.emplace_back(entry, std::move(pairs)).second;
    }

private:
    lexicon const& lex_;
    std::deque<std::pair<std::uint32_t, std::vector<std::pair<std::string, std::string>>>> resolved_;
};

}  // namespace

void extract_topics(document& doc, lexicon const& lex, lexicon_hits const& hits) {
    auto const& all = hits.of[lexicon_hits::topic];
    // Most hits become a topic: room for all of them saves the copies of regrowth.
    doc.topics.reserve(doc.topics.size() + all.size());
    group_expansions groups(lex);
    std::vector<lexicon_match> picked;  // one block's leftmost-longest topic hits, reused
    for (auto const& b : doc.blocks) {
        if (b.kind == block_kind::meta) continue;
        picked.clear();
        hits.find_all(lexicon_hits::topic, b.where.begin, b.where.end, picked);
        for (auto const& m : picked) {
            auto const& e = lex.entry(m.entry);
            if (is_stop_id(e.id)) continue;
            if (e.expands.empty()) {
                doc.topics.emplace_back(e.id, e.label, span{m.begin, m.end}, b.id);
                continue;
            }
            for (auto const& [id, label] : groups.of(m.entry))
                doc.topics.emplace_back(id, label, span{m.begin, m.end}, b.id);
        }
    }
}

}  // namespace reportx::detail
