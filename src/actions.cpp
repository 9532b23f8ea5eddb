// Actions stage: policy directives = modifiers + verb(s) + object, from the `verb`,
// `modifier` and `connector` lexicons (data/lexicon/actions.tsv).
//
// One left-to-right pass per block. The scanner alternates between two modes:
//  - looking for a head: the first verb group of a clause. In English any word may
//    start it (word boundaries keep verbs apart); in Chinese, which has no spaces, only
//    a clause start, the place after a connector (要, 并, 一是) or after a non-Han
//    character, so that 发展 inside 高质量发展取得 is not a head.
//  - reading the object: from the group to the end of the clause. Chinese clauses end
//    at ，；。！？：; English ones at ; . ! ? : and also at a comma or a bare `and`
//    (connector of weight 1) when a verb group follows (`..., promote X`,
//    `stabilize the scale and optimize the structure`); a comma followed by anything
//    else continues the object, so `develop A, B, C and D` has one object. Likewise
//    、 and 和/与 end a Chinese object only before a verb group (增强活力、防范风险).
// A verb group is modifiers (separated by white space, `and`, `,`, 、) then a verb, then
// coordinated verbs (`Consolidate and expand`, 稳定和扩大; compounds written without a
// conjunction, 巩固扩大, are verb entries whose `expands` names the parts): one action
// per verb, all sharing the object span. A verb with no object (a `no_object` word such as
// `by`, `in`, 的 after it, or nothing before the clause end) is a passive or intransitive
// use, not a directive, and gives no action. Verbs, modifiers and connectors come from
// the document's lexicon scan (src/scan.cpp): a lookup is a byte test in a per-block
// table of where hits start. The pass visits only those places while looking for a head,
// and skips to the next clause mark or connector while reading an object.
#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "reportx/utf8.hpp"
#include "simd.hpp"
#include "stages.hpp"
#include "topics_actions.hpp"
#include "avx2.hpp"  // detail::avx2_on: whether the processor (and the tests) let the byte scans use AVX2


namespace reportx::detail {

namespace {

using utf8::is_ascii_alpha;

struct verb_hit {
    lexicon_match m;
    std::string const* id = nullptr;  // lemma (an expanded one for 巩固扩大), in the lexicon
    double weight = 0;
    std::size_t own_begin = 0, own_end = 0;  // its own modifiers: group::own[own_begin, own_end)
};

// One verb group; the scanner keeps one and clears it, so its buffers are reused.
struct group {
    std::size_t end = 0;
    std::vector<lexicon_match> mods;  // shared by every verb
    std::vector<verb_hit> verbs;
    std::vector<lexicon_match> own;   // modifiers between a coordinator and a verb
};

// What the scanner derives from a lexicon: compound verbs, and per entry the facts a
// lookup needs (a stop id? its weight?) so that no entry's id is compared per hit. Built
// once per lexicon (lexicon::derived).
struct action_tables {
    explicit action_tables(lexicon const& lex) {
        auto const& es = lex.entries();
        facts.resize(es.size());
        for (std::uint32_t i = 0; i < es.size(); ++i) {
            facts[i] = {&es[i].id, es[i].weight, is_stop_id(es[i].id), false};
            if (es[i].kind == "no_object")
                for (auto const& a : es[i].aliases)
                    if (!a.empty()) add_no_object_start(a);
            if (es[i].kind != "verb" || es[i].expands.empty()) continue;
            // Compound verbs (巩固扩大 -> 巩固, 扩大) resolved once: id and weight of each part.
            facts[i].compound = true;
            auto& parts = compounds[i];
            for (auto const& id : es[i].expands) {
                auto const* e = lex.find("verb", id);
                parts.emplace_back(&id, e ? e->weight : es[i].weight);
            }
        }
    }
    // Ids point into the lexicon's entries, which outlive these tables: an action's verb is
    // copied from a string, in place, with no string made in between.
    struct entry_facts {
        std::string const* id = nullptr;
        double weight = 0;
        bool stop = false;      // none.*: matched so that it wins, reported as nothing
        bool compound = false;  // has parts in `compounds`
    };
    std::vector<entry_facts> facts;  // by entry index
    std::unordered_map<std::uint32_t, std::vector<std::pair<std::string const*, double>>> compounds;
    // The first two bytes a no_object alias may start with in a text (ASCII in either case,
    // any white space for a space, any second byte after a one-byte alias): the matcher
    // is asked only where they occur. A verb's next word rarely is one.
    std::bitset<65536> no_object_starts;

private:
    void add_no_object_start(std::string_view alias) {
        auto forms = [](unsigned char c) -> std::vector<unsigned char> {
            if (is_ascii_alpha(c)) return {static_cast<unsigned char>(c | 32), static_cast<unsigned char>(c & ~32)};
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return {' ', '\t', '\n', '\r'};
            return {c};
        };
        for (auto a : forms(static_cast<unsigned char>(alias[0]))) {
            if (alias.size() == 1) {
                for (unsigned b = 0; b < 256; ++b) no_object_starts.set(a << 8 | b);
                continue;
            }
            for (auto b : forms(static_cast<unsigned char>(alias[1]))) no_object_starts.set(a << 8 | b);
        }
    }
};

// The bytes an object may end at (next_mark): ; ! ? : . and line ends, the comma, and the
// lead bytes of ，；！？： (EF), 。、 (E3) and U+2028/9 (E2). Han (lead E4-E9) never does.
constexpr auto may_end_object = [] {
    std::array<bool, 256> may{};
    for (unsigned char c : {';', '!', '?', ':', '.', '\n', '\r', ',', '\xE2', '\xE3', '\xEF'}) may[c] = true;
    return may;
}();

// What a code point of three bytes is to an object: a clause end (，；！？： are EF BC xx,
// 。 E3 80 82, U+2028/9 E2 80 A8/A9), the list comma 、 (E3 80 81), or nothing (“ ” （ ）
// and the like). Looked up by its three bytes in a table of sixteen slots, where the
// multiplier below puts each mark in a slot of its own: the branches of a search among
// the marks were mispredicted at a good share of the places an object may end.
enum class wide : std::uint8_t { none, clause_end, list_comma };
constexpr std::uint32_t wide_mark_slot(std::uint32_t bytes) noexcept { return bytes * 0x91B7584Bu >> 28; }
struct wide_slot {
    std::uint32_t key = 0;  // no mark's bytes
    wide mark = wide::none;
};
constexpr auto wide_marks = [] {
    std::array<wide_slot, 16> slots{};
    constexpr std::pair<std::uint32_t, wide> marks[] = {
        {0xEFBC8C, wide::clause_end}, {0xEFBC9B, wide::clause_end}, {0xEFBC81, wide::clause_end},  // ，；！
        {0xEFBC9F, wide::clause_end}, {0xEFBC9A, wide::clause_end}, {0xE38082, wide::clause_end},  // ？：。
        {0xE280A8, wide::clause_end}, {0xE280A9, wide::clause_end},                                // U+2028/9
        {0xE38081, wide::list_comma}};                                                             // 、
    for (auto const& [key, mark] : marks) {
        if (slots[wide_mark_slot(key)].key) throw "two marks share a slot: pick another multiplier";
        slots[wide_mark_slot(key)] = {key, mark};
    }
    return slots;
}();

// The bytes of the 64 at s that may end an object (may_end_object), a bit each. The test
// of sixteen bytes with SSE2; it is the byte test above with the same marks.
inline std::uint64_t object_marks_sse2(unsigned char const* s) noexcept {
    std::uint64_t m = 0;
#if defined(__SSE2__)
    for (int k = 0; k < 4; ++k) {
        using simd::eq, simd::masked;
        simd::block const v = _mm_loadu_si128(reinterpret_cast<simd::block const*>(s + 16 * k));
        m |= std::uint64_t{simd::bits(simd::any(eq(masked(v, '\xFE'), '\xE2'), eq(masked(v, '\xFE'), ':'),  // E2|E3, :|;
                                                eq(masked(v, '\xFD'), ','), eq(v, '\xEF'),                  // ,|.
                                                eq(v, '!'), eq(v, '?'), eq(v, '\n'), eq(v, '\r')))}
             << (16 * k);
    }
#else
    for (int k = 0; k < 64; ++k) m |= std::uint64_t{may_end_object[s[k]]} << k;
#endif
    return m;
}

#if REPORTX_AVX2_PATHS
// The same with AVX2, by two table lookups per byte (vpshufb): one by its low four bits, one
// by its high four, each giving a bit per group of marks with that high nibble (0: \n \r,
// 2: ! , ., 3: : ; ?, E: the lead bytes E2 E3 EF); a byte is a mark where the two share a bit.
REPORTX_AVX2 std::uint32_t not_object_marks_avx2(unsigned char const* at) noexcept {
    __m256i const by_low = _mm256_broadcastsi128_si256(_mm_setr_epi8(
        0, 2, 8, 8, 0, 0, 0, 0, 0, 0, 1 | 4, 4, 2, 1, 2, 4 | 8));  // low nibble 0..F
    __m256i const by_high = _mm256_broadcastsi128_si256(_mm_setr_epi8(
        1, 0, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0));          // high nibble 0..F
    __m256i const low4 = _mm256_set1_epi8(0x0F);
    __m256i const v = load32(at);
    __m256i const lo = _mm256_shuffle_epi8(by_low, _mm256_and_si256(v, low4));
    __m256i const hi = _mm256_shuffle_epi8(by_high, _mm256_and_si256(_mm256_srli_epi16(v, 4), low4));
    __m256i const none = _mm256_cmpeq_epi8(_mm256_and_si256(lo, hi), _mm256_setzero_si256());
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(none));
}
[[gnu::target("avx2")]] std::uint64_t object_marks_avx2(unsigned char const* s) noexcept {
    return ~(std::uint64_t{not_object_marks_avx2(s)} | std::uint64_t{not_object_marks_avx2(s + 32)} << 32);
}
#endif

class scanner {
public:
    scanner(document& doc, lexicon const& lex, lexicon_hits const& hits, action_tables const& tables)
        : doc_(doc), hits_(hits), no_object_(lex.match("no_object")),
          no_object_starts_(tables.no_object_starts), facts_(tables.facts),
          compounds_(tables.compounds) {
        // Sized once for the longest block it serves, and never cleared: growing it block by
        // block would copy it, and clearing it would write every byte of every block.
        std::size_t longest = 0;
        for (auto const& b : doc.blocks) longest = std::max(longest, b.where.size());
        index_ = std::make_unique_for_overwrite<std::array<std::uint32_t, 3>[]>(std::min(longest, index_cap));
    }

    void block(reportx::block const& b) {
        // The block's text only: matches never run past its end.
        t_ = std::string_view(doc_.text).substr(0, b.where.end);
        begin_ = b.where.begin;
        end_ = b.where.end;
        block_ = b.id;
        // Which kinds have a hit at each byte of the block, and which hit: a word lookup is
        // a bit test and an index. Stop entries are left out: they only ever stop a match.
        // Blocks come in text order, so each kind's hits are read once, from a cursor.
        starts_.assign((end_ - begin_) / 64 + 1, {});  // up to end_ included: see starts()
        indexed_ = end_ - begin_ <= index_cap;
        marks_word_ = ~std::size_t{0};
        if (indexed_) [[likely]] {
            mark_hits<lexicon_hits::verb, true>();
            mark_hits<lexicon_hits::modifier, true>();
            mark_hits<lexicon_hits::connector, true>();
        } else {
            mark_hits<lexicon_hits::verb, false>();
            mark_hits<lexicon_hits::modifier, false>();
            mark_hits<lexicon_hits::connector, false>();
        }
        std::size_t p = b.where.begin;
        bool candidate = true;  // Chinese: may a head start here?
        while (p < end_) {
            // Only where a verb, modifier or connector starts can anything happen; the
            // bytes before it only decide `candidate`.
            std::size_t const h = next_hit(p);
            if (h >= end_) break;
            if (h > p) candidate = candidate_at(p, h, candidate);
            p = h;
            auto c = static_cast<unsigned char>(t_[p]);
            if (std::size_t n = hard_break(p)) { p += n; candidate = true; continue; }
            if (c < 0x80) {
                if (is_ascii_alpha(c) && (p == 0 || !is_ascii_alnum(static_cast<unsigned char>(t_[p - 1])))) {
                    if (parse_group(p)) { p = emit(); candidate = true; continue; }
                    while (p < end_ && is_ascii_alnum(static_cast<unsigned char>(t_[p]))) ++p;
                    candidate = true;
                    continue;
                }
                ++p;
                candidate = true;  // ASCII punctuation, digits, spaces
                continue;
            }
            if (han_at(p)) {
                // 要/将/并/一是 open a place for a head; 和/与 (weight 1) only coordinate.
                if (auto cn = word(lexicon_hits::connector, p); cn && weight(*cn) < 1) {
                    p = cn->end;
                    candidate = true;
                    continue;
                }
                if (candidate)
                    if (parse_group(p)) { p = emit(); candidate = true; continue; }
                candidate = false;
                p += 3;  // every Han code point is three bytes
                continue;
            }
            auto d = utf8::decode(t_, p);
            if (!utf8::is_blank(d.cp)) candidate = true;  // “ ” （ ） 、 and other symbols
            p += d.length;
        }
    }

private:
    document& doc_;
    lexicon_hits const& hits_;  // verbs, modifiers, connectors
    matcher const& no_object_;  // words that cannot open an object (by, in, 的)
    std::bitset<65536> const& no_object_starts_;
    std::vector<action_tables::entry_facts> const& facts_;
    std::unordered_map<std::uint32_t, std::vector<std::pair<std::string const*, double>>> const& compounds_;
    std::string_view t_;
    std::size_t begin_ = 0, end_ = 0;
    int block_ = 0;
    // Per 64 bytes of the block, a bit per byte for each kind (slot) with a hit there, and
    // one more for any kind: next_hit tests 64 bytes a word, word() one bit.
    // A fifth word holds where the connectors of weight 1 (and, 和) start: with the marks
    // (next_mark) the only places where an object may end.
    std::vector<std::array<std::uint64_t, 5>> starts_;
    static constexpr std::size_t any_kind = 3, and_kind = 4;
    // Per byte of the block, for each kind whose bit is set there: the hit's index in
    // hits_.of[kind] (only ever read where starts_ has the bit, so never initialized).
    // Twelve bytes a byte, so only for blocks of at most index_cap bytes (every paragraph
    // of the corpus; the index then takes at most 768 KB): a longer block (a text of one
    // paragraph) finds its hits by a binary search of its range of hits_.of[kind] instead,
    // and costs no more memory than starts_, one byte a byte.
    static constexpr std::size_t index_cap = std::size_t{1} << 16;
    std::unique_ptr<std::array<std::uint32_t, 3>[]> index_;
    bool indexed_ = false;        // the current block is in index_
    std::size_t first_[3] = {};  // per kind: the block's first hit
    std::size_t next_[3] = {};   // per kind: the first hit not before the current block, then after it
#if REPORTX_AVX2_PATHS
    bool const avx2_ = avx2_on().load(std::memory_order_relaxed);
#endif
    // The word of starts_ whose marks next_mark found last (none: -1 at each block), and those marks.
    mutable std::size_t marks_word_ = ~std::size_t{0};
    mutable std::uint64_t marks_ = 0;
    // Buffers kept across groups and blocks: the group being emitted, the modifiers of a
    // group that is only looked for, the topic ids of an object.
    group g_;
    std::vector<lexicon_match> head_mods_;
    std::vector<std::string_view> topic_ids_;
    std::size_t next_topic_ = 0;  // the first of doc_.topics not before the last object

    static constexpr std::size_t slot(lexicon_hits::kind k) noexcept { return k - lexicon_hits::verb; }
    double weight(lexicon_match const& m) const noexcept { return facts_[m.entry].weight; }
    // Every place looked up is in [begin_, end_]: starts_ has a word for end_ (whose bit is
    // never set), so no bounds test.
    bool starts(std::size_t p, lexicon_hits::kind k) const noexcept {
        std::size_t const i = p - begin_;
        return starts_[i / 64][slot(k)] >> (i % 64) & 1;
    }

    // The block's hits of kind k into starts_ and, when `indexed`, index_ (connectors of
    // weight 1 into their own bits). Locals, not members, in the loop: its byte stores may alias
    // anything.
    // A connector of weight 1 (and, 和) is left out of the any_kind bits that next_hit
    // follows: where no verb or modifier starts too, block() would only pass over it (no
    // group starts there), and `candidate` after it is what candidate_at finds anyway.
    template <lexicon_hits::kind k, bool indexed>
    void mark_hits() {
        lexicon_match const* const v = hits_.of[k].data();
        std::size_t const n = hits_.of[k].size();
        auto* const starts = starts_.data();
        auto* const index = index_.get();
        auto const* const facts = facts_.data();
        std::size_t const from = begin_, to = end_;
        std::size_t i = next_[slot(k)];
        while (i < n && v[i].begin < from) ++i;
        first_[slot(k)] = i;
        for (; i < n && v[i].begin < to; ++i) {
            if (facts[v[i].entry].stop) continue;
            std::size_t const at = v[i].begin - from;
            starts[at / 64][slot(k)] |= std::uint64_t{1} << (at % 64);
            if constexpr (indexed) index[v[i].begin - from][slot(k)] = static_cast<std::uint32_t>(i);
            if constexpr (k == lexicon_hits::connector)
                if (facts[v[i].entry].weight >= 1) {
                    starts[at / 64][and_kind] |= std::uint64_t{1} << (at % 64);
                    continue;
                }
            starts[at / 64][any_kind] |= std::uint64_t{1} << (at % 64);
        }
        next_[slot(k)] = i;
    }

    // The first place at or after p where a kind has a hit (end_ if none): 64 bytes a
    // word of starts_.
    std::size_t next_hit(std::size_t p) const noexcept {
        std::size_t const i = p - begin_, n = starts_.size();
        std::size_t w = i / 64;
        if (w >= n) return end_;
        std::uint64_t bits = starts_[w][any_kind] & (~std::uint64_t{0} << (i % 64));
        while (!bits) {
            if (++w == n) return end_;
            bits = starts_[w][any_kind];
        }
        return begin_ + w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
    }

    // `candidate` at h after the walk in block() went from p (where it was `was`) to h
    // over code points with no hit: the last one that is not a blank decides. Han clears
    // it, anything else sets it; blanks other than the line and paragraph separators
    // (which end a clause) leave it as it was.
    bool candidate_at(std::size_t p, std::size_t h, bool was) const noexcept {
        while (h > p) {
            // The last byte of a longer code point is >= 0x80: one below is ASCII.
            if (static_cast<unsigned char>(t_[h - 1]) < 0x80) return true;
            h = prev_start(h, p);
            auto c = static_cast<unsigned char>(t_[h]);
            if (c >= 0xE5 && c <= 0xE9) return false;  // Han, as in han_at
            auto cp = utf8::decode(t_, h).cp;
            if (utf8::is_han(cp)) return false;
            if (!utf8::is_blank(cp) || cp == 0x2028 || cp == 0x2029) return true;
        }
        return was;
    }

    // Is the code point at p Han? Lead bytes E5-E9 always start one (U+5000-U+9FFF), and
    // none starts below E3 (U+3400); the rest are decoded.
    bool han_at(std::size_t p) const noexcept {
        auto c = static_cast<unsigned char>(t_[p]);
        return (c >= 0xE5 && c <= 0xE9) || (c >= 0xE3 && utf8::is_han(utf8::decode(t_, p).cp));
    }

    // The start of the code point before h (h > from): three bytes back when a lead byte
    // of three bytes is there (Han, CJK marks: the common case), else utf8::prev.
    std::size_t prev_start(std::size_t h, std::size_t from) const noexcept {
        return h - from >= 3 && (static_cast<unsigned char>(t_[h - 3]) & 0xF0) == 0xE0 ? h - 3 : utf8::prev(t_, h);
    }

    // Bytes taken by a clause-ending mark at p, 0 if none.
    std::size_t hard_break(std::size_t p) const noexcept {
        auto c = static_cast<unsigned char>(t_[p]);
        if (!may_end_object[c]) return 0;  // most bytes: no mark starts with them
        if (c == ';' || c == '!' || c == '?' || c == '\n' || c == '\r') return 1;
        if (c == '.' || c == ':')  // not inside 5.2, 9:00, U.S.
            return (p + 1 >= end_ || !is_ascii_alnum(static_cast<unsigned char>(t_[p + 1]))) ? 1 : 0;
        return c >= 0x80 && wide_mark(p) == wide::clause_end ? 3 : 0;
    }

    // What a code point of three bytes (lead E2, E3 or EF: may_end_object) at p is to an
    // object, told from its bytes without decoding them (see wide_marks).
    wide wide_mark(std::size_t p) const noexcept {
        auto const* s = reinterpret_cast<unsigned char const*>(t_.data()) + p;
        if (s[0] < 0xE0) return wide::none;  // two bytes: no mark (and s[2] may be past the text)
        std::uint32_t const key = std::uint32_t{s[0]} << 16 | std::uint32_t{s[1]} << 8 | s[2];
        auto const& slot = wide_marks[wide_mark_slot(key)];
        return slot.key == key ? slot.mark : wide::none;
    }

    std::size_t skip_blank(std::size_t p) const noexcept { return utf8::skip_blank(t_, p, end_); }

    // The hit of kind k at p, unless it is a stop entry; null if none.
    lexicon_match const* word(lexicon_hits::kind k, std::size_t p) const noexcept {
        if (!starts(p, k)) return nullptr;
        if (indexed_) [[likely]]
            return &hits_.of[k][index_[p - begin_][slot(k)]];
        return unindexed_word(k, p);
    }

    // word() in a block too long for index_: the hit of kind k that starts at p (there is
    // one, and only one: the scan finds one per kind and place) among the block's.
    [[gnu::noinline]] lexicon_match const* unindexed_word(lexicon_hits::kind k, std::size_t p) const noexcept {
        auto const* const v = hits_.of[k].data();
        return std::lower_bound(v + first_[slot(k)], v + next_[slot(k)], p,
                                [](lexicon_match const& m, std::size_t q) { return m.begin < q; });
    }

    // A word that cannot open an object (by, in, 的) at p: looked up once per verb group,
    // so not worth a place in the lexicon scan (的 is the commonest character there is).
    std::optional<lexicon_match> no_object(std::size_t p) const {
        if (p >= end_) return std::nullopt;
        if (p + 1 < end_ && !no_object_starts_.test(static_cast<unsigned char>(t_[p]) << 8 |
                                                     static_cast<unsigned char>(t_[p + 1])))
            return std::nullopt;
        auto r = no_object_.longest_at(t_, p);
        if (!r || facts_[r->entry].stop) return std::nullopt;
        return r;
    }

    // A coordinator between two verbs or two modifiers: `,` `、` or a connector of
    // weight 1 (and, or, 和, 与). Returns the position after it, or p if none.
    std::size_t coordinator(std::size_t p) const {
        if (p >= end_) return p;
        if (t_[p] == ',') return p + 1;
        if (t_[p] == '\xE3' && p + 3 <= end_ && t_[p + 1] == '\x80' && t_[p + 2] == '\x81') return p + 3;  // 、
        if (auto c = word(lexicon_hits::connector, p); c && weight(*c) >= 1) return c->end;
        return p;
    }

    // Modifiers from p on, appended to out; p moves past them (and the blanks after).
    void parse_mods(std::size_t& p, std::vector<lexicon_match>& out) const {
        std::size_t const n = out.size();
        std::size_t q = p;
        while (auto m = word(lexicon_hits::modifier, q)) {
            out.push_back(*m);
            p = m->end;
            q = skip_blank(coordinator(skip_blank(m->end)));
        }
        p = out.size() == n ? p : skip_blank(p);
    }

    // The first verb of a verb group at p, its modifiers appended to mods, and p moved to
    // the verb; null if no group starts at p.
    lexicon_match const* group_head(std::size_t& p, std::vector<lexicon_match>& mods) const {
        if (!starts(p, lexicon_hits::modifier)) return word(lexicon_hits::verb, p);  // most groups
        return modified_head(p, mods);
    }

    // Out of line: the common case above then inlines without the register saves this needs.
    [[gnu::noinline]] lexicon_match const* modified_head(std::size_t& p, std::vector<lexicon_match>& mods) const {
        std::size_t const n = mods.size();
        parse_mods(p, mods);
        lexicon_match const* v = word(lexicon_hits::verb, p);
        if (!v && mods.size() > n) {
            // 加快 is a modifier before a verb (加快发展) and the verb otherwise (加快X发展).
            auto const& last = mods.back();
            auto alt = word(lexicon_hits::verb, last.begin);
            if (alt && alt->end == last.end) { v = alt; mods.pop_back(); }
        }
        return v;
    }

    // The verb group at p, read into g_; false if none starts there. Inlined in its two
    // callers: it runs at every head, and each call saved and restored registers.
    [[gnu::always_inline]] bool parse_group(std::size_t p) {
        g_.mods.clear();
        g_.verbs.clear();
        g_.own.clear();
        auto const* v = group_head(p, g_.mods);
        if (!v) return false;
        add_verb(*v, 0, 0);
        g_.end = v->end;
        std::size_t const r = skip_blank(g_.end);
        if (coordinator(r) != r) coordinated_verbs();  // 巩固扩大 without a conjunction is a compound entry
        return true;
    }

    // The verbs coordinated with the group's last one (`Consolidate and expand`, 稳定和扩大).
    // Out of line, like modified_head: rare, and parse_group runs at every head.
    [[gnu::noinline]] void coordinated_verbs() {
        while (true) {
            std::size_t r = skip_blank(g_.end);
            std::size_t after = coordinator(r);
            if (after == r) break;
            r = skip_blank(after);
            std::size_t const own = g_.own.size();
            parse_mods(r, g_.own);
            auto v2 = word(lexicon_hits::verb, r);
            if (!v2) { g_.own.resize(own); break; }
            add_verb(*v2, own, g_.own.size());
            g_.end = v2->end;
        }
    }

    // Inlined: it runs at every head, and a call saved and restored registers that cost
    // more than the push itself. Compound verbs (rare) go out of line.
    [[gnu::always_inline]] void add_verb(lexicon_match const& m, std::size_t own_begin, std::size_t own_end) {
        if (facts_[m.entry].compound) [[unlikely]]
            return add_compound_verb(m, own_begin, own_end);
        g_.verbs.push_back({m, facts_[m.entry].id, weight(m), own_begin, own_end});
    }

    [[gnu::noinline]] void add_compound_verb(lexicon_match const& m, std::size_t own_begin, std::size_t own_end) {
        for (auto const& [id, w] : compounds_.at(m.entry)) g_.verbs.push_back({m, id, w, own_begin, own_end});
    }

    // Does a verb group start at p? Its modifiers go to head_mods_ (the group is only
    // looked for, not read: it ends an object).
    lexicon_match const* head_at(std::size_t p) {
        head_mods_.clear();
        return group_head(p, head_mods_);
    }

    // Does a verb group (after optional connectors) start at p? Used to end an object.
    bool group_follows(std::size_t p) {
        p = skip_blank(p);
        for (int i = 0; i < 4; ++i) {  // `and we will also`: a few connectors at most
            auto c = word(lexicon_hits::connector, p);
            if (!c) break;
            p = skip_blank(c->end);
        }
        return head_at(p) != nullptr;
    }

    std::uint64_t object_marks(unsigned char const* s) const noexcept {
#if REPORTX_AVX2_PATHS
        if (avx2_) return object_marks_avx2(s);
#endif
        return object_marks_sse2(s);
    }

    // The first place at or after p where an object may end, or end_: a byte in
    // may_end_object (ASCII or a lead byte, never part of another code point, so the first
    // found starts a code point) or a connector of weight 1. 64 bytes a step, in the words
    // of starts_, whose marks are found all at once: most objects end in the first.
    // The bytes read run on past the block, not past the text.
    std::size_t next_mark(std::size_t p) const noexcept {
        auto const* const s = reinterpret_cast<unsigned char const*>(doc_.text.data());
        std::size_t const size = doc_.text.size();
        std::size_t w = (p - begin_) / 64;
        std::uint64_t keep = ~std::uint64_t{0} << ((p - begin_) % 64);
        for (;; ++w, keep = ~std::uint64_t{0}) {
            std::size_t const at = begin_ + 64 * w;
            if (at >= end_) return end_;
            if (w != marks_word_) {  // an object's marks that do not end it are found in the same word
                marks_word_ = w;
                marks_ = starts_[w][and_kind];
                if (at + 64 <= size) [[likely]]
                    marks_ |= object_marks(s + at);
                else
                    for (std::size_t k = at; k < size; ++k) marks_ |= std::uint64_t{may_end_object[s[k]]} << (k - at);
            }
            if (std::uint64_t const m = marks_ & keep) return std::min(at + static_cast<std::size_t>(std::countr_zero(m)), end_);
        }
    }

    // The end of the object that starts at p: the clause end (exclusive).
    // Only a mark or a coordinating connector (next_mark) can end it.
    // Inlined in emit, its only caller, to spare a call's register saves per object.
    [[gnu::always_inline]] std::size_t object_end(std::size_t p) {
        while (p < end_) {
            p = next_mark(p);
            if (p >= end_) break;
            auto c = static_cast<unsigned char>(t_[p]);
            if (c >= 0x80) {
                // Chinese lists of verb phrases: 增强经济活力、防范化解风险; 扩大内需和深化改革.
                wide const m = wide_mark(p);
                if (m == wide::clause_end) return p;
                std::size_t after = m == wide::list_comma ? p + 3 : 0;
                if (!after)
                    if (auto cn = word(lexicon_hits::connector, p); cn && weight(*cn) >= 1) after = cn->end;
                if (after && head_at(skip_blank(after))) return p;
                p += utf8::sequence_length(c);
                continue;
            }
            if (hard_break(p)) return p;
            if (c == ',') {
                if (group_follows(p + 1)) return p;
                ++p;
                continue;
            }
            if (is_ascii_alpha(c) && (p == 0 || !is_ascii_alnum(static_cast<unsigned char>(t_[p - 1])))) {
                auto cn = word(lexicon_hits::connector, p);
                if (cn && weight(*cn) >= 1) {
                    // `and optimize the structure` ends the object; `transformation and
                    // upgrading project` does not: an -ing form after a bare `and` is a noun.
                    if (auto const* vm = head_at(skip_blank(cn->end))) {
                        std::string_view vt = t_.substr(vm->begin, vm->end - vm->begin);
                        bool gerund = vt.size() > 3 && vt.substr(vt.size() - 3) == "ing" && head_mods_.empty();
                        if (!gerund) return p;
                    }
                }
                while (p < end_ && is_ascii_alnum(static_cast<unsigned char>(t_[p]))) ++p;
                continue;
            }
            ++p;
        }
        return end_;
    }

    // Emits one action per verb of g; returns where scanning goes on (the clause end).
    // A verb without an object is no directive: a passive or intransitive use (`jobs were
    // created in urban areas`, `the economy expanded by 6.1 percent`, `trade disputes
    // deepened, and ...`) or a verb at the end of a clause. Then nothing is emitted and the
    // scan goes on after the verb.
    std::size_t emit() {
        group const& g = g_;
        if (g.end < end_ && t_[g.end] == '-') return g.end;  // part of a compound: Build-To-Order
        std::size_t ob = skip_blank(g.end);
        auto no = no_object(ob);
        if (no && weight(*no) >= 1) {  // 了: skipped, the object follows
            ob = skip_blank(no->end);
            no = no_object(ob);
        }
        if (ob >= end_ || hard_break(ob) || t_[ob] == ',' || no) return g.end;
        std::size_t oe = object_end(ob);
        std::size_t next = oe;
        while (oe > ob) {  // trim trailing blanks and list commas (`livelihoods, and ...`)
            std::size_t q = prev_start(oe, ob);
            auto c = static_cast<unsigned char>(t_[q]);
            if (c != ',' && !utf8::may_begin_blank(c)) break;  // most often: no blank, comma or 、
            auto cp = utf8::decode(t_, q).cp;
            if (!utf8::is_blank(cp) && cp != ',' && cp != U'、') break;
            oe = q;
        }
        if (oe <= ob) return g.end;
        span const object{ob, oe};
        topic_ids_.clear();           // the topics inside the object, each id once
        topic const* it = doc_.topics.data() + next_topic_;  // in text order, as objects are:
        topic const* const last = doc_.topics.data() + doc_.topics.size();  // a cursor finds them
        while (it != last && it->where.begin < ob) ++it;
        next_topic_ = static_cast<std::size_t>(it - doc_.topics.data());
        for (; it != last && it->where.begin < oe; ++it)
            if (it->where.end <= oe && std::find(topic_ids_.begin(), topic_ids_.end(), it->id) == topic_ids_.end())
                topic_ids_.push_back(it->id);
        std::size_t start = g.mods.empty() ? g.verbs.front().m.begin : g.mods.front().begin;
        span where{start, oe};
        auto text_of = [&](lexicon_match const& m) { return t_.substr(m.begin, m.end - m.begin); };
        double shared = 0;
        for (auto const& m : g.mods) shared += weight(m);
        for (auto const& v : g.verbs) {
            std::vector<std::string> modifiers;
            double intensity = v.weight + shared;
            if (std::size_t const n = g.mods.size() + (v.own_end - v.own_begin)) {  // most actions have none
                modifiers.reserve(n);
                for (auto const& m : g.mods) modifiers.emplace_back(text_of(m));
                for (std::size_t i = v.own_begin; i < v.own_end; ++i) {
                    modifiers.emplace_back(text_of(g.own[i]));
                    intensity += weight(g.own[i]);
                }
            }
            // Every member given: emplace_back() would zero the whole action first, then build it.
            // Most objects hold no topic: then no range of ids is walked to build none.
            doc_.actions.emplace_back(*v.id, std::move(modifiers), intensity, std::optional<span>(object), where,
                                      block_, topic_ids_.empty() ? std::vector<std::string>()
                                                                 : std::vector<std::string>(topic_ids_.begin(), topic_ids_.end()));
        }
        return next > g.end ? next : g.end;
    }
};

}  // namespace

void extract_actions(document& doc, lexicon const& lex, lexicon_hits const& hits) {
    if (hits.of[lexicon_hits::verb].empty()) return;
    scanner s(doc, lex, hits, lex.derived<action_tables>());
    // About one action per verb hit at most (the corpus has 0.57): room for them up front
    // spares moving every action at each growth of the vector.
    doc.actions.reserve(doc.actions.size() + hits.of[lexicon_hits::verb].size());
    std::size_t done = 0;
    for (auto const& b : doc.blocks) {
        if (b.kind == block_kind::meta || b.where.begin < done) continue;
        s.block(b);
        done = b.where.end;
    }
}

}  // namespace reportx::detail
