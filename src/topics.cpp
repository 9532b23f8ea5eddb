// Topics stage: the leftmost-longest `topic` hits of each block.
//
// The lexicon scan (src/scan.cpp) has found every alias of every `topic` entry in its
// one pass over the text, so this stage only reads its hits. A hit of a group
// alias (`expands` column: `the new three`, 新三样) gives one topic per expanded id,
// all with the alias's span. Entries whose id is `none` or starts with `none.` are
// stop phrases: they take the text (longest match) and report nothing.
#include <algorithm>
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
    // Blocks come in text order, so one walk over the hits (in text order) serves them all:
    // for each block, the leftmost-longest hits inside it (what lexicon_hits::find_all
    // gives), without a search per block.
    auto it = all.begin();
    std::size_t walked_to = 0;
    for (auto const& b : doc.blocks) {
        if (b.kind == block_kind::meta) continue;
        if (b.where.begin < walked_to)  // not after the block before: search afresh
            it = std::lower_bound(all.begin(), all.end(), b.where.begin,
                                  [](lexicon_match const& m, std::size_t v) { return m.begin < v; });
        walked_to = b.where.end;
        while (it != all.end() && it->begin < b.where.begin) ++it;
        for (std::size_t taken_to = b.where.begin; it != all.end() && it->begin < b.where.end; ++it) {
            if (it->begin < taken_to || it->end > b.where.end) continue;
            taken_to = it->end;
            auto const& e = lex.entry(it->entry);
            if (is_stop_id(e.id)) continue;
            if (e.expands.empty()) {
                doc.topics.emplace_back(e.id, e.label, span{it->begin, it->end}, b.id);
                continue;
            }
            for (auto const& [id, label] : groups.of(it->entry))
                doc.topics.emplace_back(id, label, span{it->begin, it->end}, b.id);
        }
    }
}

}  // namespace reportx::detail
