// Topics stage: one leftmost-longest pass of the `topic` lexicon over each block.
//
// Every alias of every `topic` entry sits in one byte trie (lexicon::match), so the
// pass is linear in the text whatever the size of the taxonomy. A hit of a group
// alias (`expands` column: `the new three`, 新三样) gives one topic per expanded id,
// all with the alias's span. Entries whose id is `none` or starts with `none.` are
// stop phrases: they take the text (longest match) and report nothing.
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "reportx/utf8.hpp"
#include "stages.hpp"
#include "topics_actions.hpp"

namespace reportx::detail {

bool is_stop_id(std::string_view id) noexcept {
    return id == "none" || id.substr(0, 5) == "none.";
}

prefix_filter::prefix_filter(lexicon const& lex, std::initializer_list<std::string_view> kinds, double min_weight)
    : first_(1024, 0) {
    for (auto& v : prefix_) v.assign(1024, 0);
    for (auto& v : whole_) v.assign(1024, 0);
    for (auto const& e : lex.entries()) {
        if (e.weight < min_weight) continue;
        bool wanted = false;
        for (auto k : kinds) wanted = wanted || e.kind == k;
        if (!wanted) continue;
        for (auto const& a : e.aliases) {
            std::uint32_t h = 2166136261u;
            std::size_t i = 0;
            for (int k = 0; k < depth && i < a.size(); ++k) {
                auto d = utf8::decode(a, i);
                char32_t c = fold(d.cp);
                if (k == 0) set(first_, slot(c));
                h = mix(h, c);
                set(prefix_[k], index(h));
                i += d.length;
                if (i >= a.size() && k + 1 < depth) set(whole_[k], index(h));
            }
        }
    }
}

bool prefix_filter::may_start(std::string_view text, std::size_t pos) const noexcept {
    std::uint32_t h = 2166136261u;
    for (int k = 0; k < depth; ++k) {
        if (pos >= text.size()) return false;
        auto d = utf8::decode(text, pos);
        char32_t c = fold(d.cp);
        if (k == 0 && !test(first_, slot(c))) return false;
        h = mix(h, c);
        if (!test(prefix_[k], index(h))) return false;
        pos += d.length;
        if (c == ' ')  // a run of white space matches the alias's one space
            while (pos < text.size() && fold(static_cast<unsigned char>(text[pos])) == ' ') ++pos;
        if (k + 1 < depth && test(whole_[k], index(h))) return true;
    }
    return true;
}

namespace {

// matcher::find_all (leftmost-longest, no start inside an ASCII word) with a cheap test
// first: most places cannot start any alias (first four code points), so the trie is
// walked from few of them.
void find_all(matcher const& m, prefix_filter const& filter, std::string_view text, std::size_t from,
              std::vector<lexicon_match>& out) {
    auto const* s = reinterpret_cast<unsigned char const*>(text.data());
    std::size_t i = from;
    while (i < text.size()) {
        unsigned char c = s[i];
        if (c < 0x80 && i > 0 && is_ascii_alnum(c) && is_ascii_alnum(s[i - 1])) {  // inside a word
            while (i < text.size() && is_ascii_alnum(s[i])) ++i;
            continue;
        }
        auto d = utf8::decode(text, i);
        std::size_t len = d.length;
        if (!filter.may_begin(d.cp) || !filter.may_start(text, i)) { i += len; continue; }
        if (auto r = m.longest_at(text, i)) {
            out.push_back(*r);
            i = r->end;
        } else {
            i += len;
        }
    }
}

}  // namespace

void extract_topics(document& doc, lexicon const& lex) {
    auto const& m = lex.match("topic");
    if (m.empty()) return;
    // Built once for the built-in lexicon (it lives as long as the program), per call otherwise.
    std::optional<prefix_filter> local;
    auto const builtin = lexicon::builtin();
    prefix_filter const& filter = [&]() -> prefix_filter const& {
        if (&lex == builtin.get()) {
            static prefix_filter const f(*builtin, {"topic"});
            return f;
        }
        return local.emplace(lex, std::initializer_list<std::string_view>{"topic"});
    }();
    std::string_view const text = doc.text;
    std::vector<lexicon_match> hits;
    std::unordered_map<std::uint32_t, std::vector<std::pair<std::string, std::string>>> groups;
    std::size_t done = 0;  // blocks do not overlap; never scan a byte twice
    for (auto const& b : doc.blocks) {
        if (b.kind == block_kind::meta) continue;
        std::size_t from = b.where.begin < done ? done : b.where.begin;
        if (from >= b.where.end) continue;
        hits.clear();
        find_all(m, filter, text.substr(0, b.where.end), from, hits);
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
