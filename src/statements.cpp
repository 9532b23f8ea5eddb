// Statements stage: every quantity of the text (src/quantity.cpp) with its metric,
// direction, kind and period from the context, plus `bound: none` statements for the
// qualitative items of a main-target list. Reads only the model (blocks, sections,
// doc.year) and the lexicon; every cue is lexicon data (data/lexicon/cues.tsv).
#include <algorithm>  // std::sort, std::min
#include <charconv>   // std::from_chars
#include <span>

#include "quantity.hpp"
#include "search.hpp"
#include "reportx/utf8.hpp"
#include "simd.hpp"
#include "stages.hpp"

namespace reportx::detail {

namespace {

struct context {
    std::optional<statement_kind> kind;
    std::optional<int> period, period_end;
};

constexpr bool is_clause_end(char32_t cp) noexcept {
    return cp == U'，' || cp == ',' || cp == U'；' || cp == ';' || cp == U'、' || cp == U'：' || cp == ':' ||
           cp == U'。' || cp == U'！' || cp == U'？' || cp == '!' || cp == '?';
}
constexpr bool is_sentence_end(char32_t cp) noexcept {
    return cp == U'。' || cp == U'！' || cp == U'？' || cp == '!' || cp == '?' || cp == U'；' || cp == ';';
}

// An English full stop ends a sentence when a blank or the end follows (not 2.5, not U.S.).
bool is_full_stop(std::string_view t, std::size_t pos, std::size_t to) noexcept {
    if (t[pos] != '.') return false;
    if (pos + 1 >= to) return true;
    char n = t[pos + 1];
    if (!(n == ' ' || n == '\n' || n == '\t' || n == '\r')) return false;
    // "No. 5", "U.S. dollars": a single capital letter or "No" before the stop
    if (pos >= 2 && is_ascii_alpha(t[pos - 1]) && !is_ascii_alpha(t[pos - 2])) return false;
    return true;
}

// A four-digit year (1900..2100) standing alone at [b, e).
std::optional<int> year_at(std::string_view t, std::size_t b, std::size_t e) {
    if (e - b != 4) return std::nullopt;
    int y = 0;
    auto [p, ec] = std::from_chars(t.data() + b, t.data() + e, y);
    if (ec != std::errc{} || p != t.data() + e || y < 1900 || y > 2100) return std::nullopt;
    return y;
}

// The first ASCII digit in t[from, to), or `to`. Most text has few digits, so sixteen
// bytes are tested at once with SSE2.
std::size_t find_digit(std::string_view t, std::size_t from, std::size_t to) noexcept {
    return simd::find_byte(
        reinterpret_cast<unsigned char const*>(t.data()), from, to,
        [](auto v) { return simd::bits(simd::in_range(v, '0', 9)); }, [](unsigned char c) { return is_ascii_digit(c); });
}

// Where the run of ASCII digits from i ends (not past to): from a mask of sixteen bytes
// with SSE2, so that no branch asks the length of the run (quantities have runs of any length).
std::size_t digits_end(std::string_view t, std::size_t i, std::size_t to) noexcept {
    return simd::find_byte(
        reinterpret_cast<unsigned char const*>(t.data()), i, to,
        [](auto v) { return ~simd::bits(simd::in_range(v, '0', 9)) & 0xFFFFu; },
        [](unsigned char c) { return !is_ascii_digit(c); });
}

// Years written in the range [from, to): (position, year), in text order.
void find_years(std::string_view t, std::size_t from, std::size_t to, std::vector<std::pair<std::size_t, int>>& out) {
    std::size_t i = from;
    while (i < to) {
        i = find_digit(t, i, to);
        if (i == to) break;
        std::size_t const j = digits_end(t, i, to);
        if (j - i != 4) {  // no year (most runs: the digits of quantities): the tests below would not matter
            i = j;
            continue;
        }
        bool glued = (i > 0 && (is_ascii_alpha(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == ',')) ||
                     (j < to && (t[j] == '.' || t[j] == ',' || t[j] == '%') && j + 1 < to && is_ascii_digit(t[j + 1]));
        // a year stands alone or before 年 / a range dash; `2000个` is a count
        if (!glued && j < to && static_cast<unsigned char>(t[j]) >= 0x80) {
            char32_t cp = utf8::decode(t, j).cp;
            glued = utf8::is_han(cp) && cp != U'年' && cp != U'至' && cp != U'到';
        }
        if (!glued)
            if (auto y = year_at(t, i, j)) out.emplace_back(i, *y);
        i = j;
    }
}

bool is_item_glyph(std::string_view t, std::size_t pos, std::size_t to) {
    if (pos >= to) return false;
    char32_t cp = utf8::decode(t, pos).cp;
    return cp == U'•' || cp == U'➣' || cp == U'·' || cp == U'▪' || cp == U'■' || cp == U'●' || cp == U'◆' ||
           cp == U'➢' || cp == U'—' || cp == U'–' || cp == '-' || cp == '*';
}

// Cue matches of one kind are sorted and do not overlap, so both their starts and their
// ends ascend: lookups are binary searches (a 10 MB paragraph stays linear).
// Index of the last match that ends at or before `pos`, or -1.
// (flattened: out of line, the search cost a call per lookup, four per statement)
[[gnu::flatten]] std::ptrdiff_t last_ending_by(std::vector<lexicon_match> const& v, std::size_t pos) {
    return static_cast<std::ptrdiff_t>(prefix_length(v, [&](lexicon_match const& m) { return m.end <= pos; })) - 1;
}
// Index of the first match that starts at or after `pos` (v.size() if none).
[[gnu::flatten]] std::size_t first_starting_at(std::vector<lexicon_match> const& v, std::size_t pos) {
    return prefix_length(v, [&](lexicon_match const& m) { return m.begin < pos; });
}
constexpr int max_cue_steps = 64;  // how far back a lookup skips unusable cues

// The hits of the document that a kind's lookups (lexicon_hits::first, find_all) are about,
// and where the last lookup left off. The lookups come in text order, block after block,
// so the next one's first hit is a step or two on from there: a short walk, where a binary
// search over all the document's hits took a dozen steps, a miss or two in the cache, and
// a mispredicted end. A lookup behind the last one walks back, so any order is right.
class hit_cursor {
public:
    explicit hit_cursor(std::vector<lexicon_match> const& all) : all_(all) {}
    /// lexicon_hits::first: the first hit inside [from, to).
    std::optional<lexicon_match> first(std::size_t from, std::size_t to) {
        for (std::size_t k = seek(from); k < all_.size() && all_[k].begin < to; ++k)
            if (all_[k].end <= to) return all_[k];
        return std::nullopt;
    }
    /// lexicon_hits::find_all: the leftmost-longest hits inside [from, to), appended to out.
    void find_all(std::size_t from, std::size_t to, std::vector<lexicon_match>& out) {
        std::size_t last = from;
        std::size_t k = seek(from);
        for (; k < all_.size() && all_[k].begin < to; ++k) {
            if (all_[k].begin < last || all_[k].end > to) continue;  // overlaps the last one, or crosses `to`
            out.push_back(all_[k]);
            last = all_[k].end;
        }
        at_ = k;  // the next lookup starts at `to` or later, nearly always
    }
    /// Back to the document's start (for lookups that start over from there).
    void rewind() { at_ = 0; }

private:
    // The index of the first hit that begins at or after pos.
    std::size_t seek(std::size_t pos) {
        std::size_t const n = all_.size();
        std::size_t k = at_;
        if (k < n && all_[k].begin < pos) {
            do ++k;
            while (k < n && all_[k].begin < pos);
        } else {
            while (k > 0 && all_[k - 1].begin >= pos) --k;
        }
        return at_ = k;
    }
    std::vector<lexicon_match> const& all_;
    std::size_t at_ = 0;
};

class extractor {
public:
    extractor(document& doc, lexicon const& lex, lexicon_hits const& hits)
        : doc_(doc), t_(doc.text), lex_(lex), hits_(hits), scanner_(lex.derived<quantity_scanner>()), direction_post_(lex.match("direction_post")),
          metrics_(hits.of[lexicon_hits::metric]), directions_(hits.of[lexicon_hits::direction]),
          kinds_(hits.of[lexicon_hits::kind_cue]), periods_(hits.of[lexicon_hits::period_cue]),
          section_cues_(hits.of[lexicon_hits::section_cue]), target_lists_(hits.of[lexicon_hits::target_list]) {}

    void run();

private:
    struct window_cues {  // cue matches of the sentences with quantities in the current block
        std::vector<lexicon_match> metrics, directions, kinds, periods;
    };

    context heading_context(span s);
    void find_heading_like();
    bool reads_as_heading(block const& b) const;
    bool heading_like(block const& b) const { return heading_like_[static_cast<std::size_t>(b.id)]; }
    void prepare_cues(block const& b, std::span<quantity const> qs);
    // Clause and sentence boundaries of the current block, indexed once (blocks with quantities).
    struct delimiter {
        std::size_t begin, end;
        bool sentence;
    };
    void index_delimiters(block const& b, std::size_t last);
    std::size_t start_of(std::size_t pos, bool sentence) const;
    std::size_t end_of(std::size_t pos, bool sentence) const;
    std::vector<delimiter> delims_, sentence_delims_;  // every clause end; sentence ends only
    span indexed_{};
    std::optional<direction_kind> direction_of(quantity const& q, window_cues const& w, std::size_t clause_begin,
                                               lexicon_entry const* metric) const;
    void add_statement(block const& b, quantity const& q, context const& ctx, bool in_list);
    void add_list_items(block const& b, std::size_t from, std::size_t to, std::span<quantity const> qs,
                        context const& ctx);
    bool comparative_before(std::size_t pos) const;

    document& doc_;
    std::string_view t_;
    lexicon const& lex_;
    lexicon_hits const& hits_;  // metrics, directions, kind, period and section cues, target-list lead-ins
    quantity_scanner const& scanner_;  // built once per lexicon
    matcher const& direction_post_;
    int year_ = 0;  // 0: unknown
    window_cues cues_;  // of the current block (prepare_cues)
    span sentence_{};   // the last sentence located (statements of one sentence share it)
    // years anywhere in the block before its last quantity (a paragraph names its year once: 刚刚过去的2017年，…)
    std::vector<std::pair<std::size_t, int>> block_years_;
    std::vector<char> heading_like_;  // per block id
    // the lookups of the document's hits, per kind (blocks with quantities; headings; lead-ins)
    hit_cursor metrics_, directions_, kinds_, periods_, section_cues_, target_lists_;
};

// The kind and period a heading (or a lead-in line) sets for what follows.
context extractor::heading_context(span s) {
    context c;
    auto const cue = section_cues_.first(s.begin, s.end);
    std::vector<std::pair<std::size_t, int>> years;
    find_years(t_, s.begin, s.end, years);
    std::optional<int> hy;
    if (!years.empty()) hy = years.front().second;
    if (!cue) {
        // A heading with a year and no cue: the report's year (or later) is a plan, earlier years a review.
        if (hy && year_ && s.size() < 200) {
            c.kind = *hy >= year_ ? statement_kind::target : statement_kind::outcome;
            c.period = hy;
        }
        return c;
    }
    auto const& e = lex_.entry(cue->entry);
    int w = static_cast<int>(e.weight);
    if (id_is(e.id, "target")) {
        c.kind = statement_kind::target;
        if (hy) c.period = hy;
        else if (year_) c.period = year_;
    } else if (id_is(e.id, "outcome")) {
        c.kind = statement_kind::outcome;
        if (hy) c.period = hy;
        else if (year_) c.period = year_ - w;
    } else if (id_is(e.id, "outcome_span")) {
        c.kind = statement_kind::outcome;
        if (year_) {
            c.period = year_ - w;
            c.period_end = year_ - 1;
        }
    }
    return c;
}

// Which blocks read like a heading, worked out once per document: heading blocks, blocks
// holding a section's heading, lead-ins ending with a colon and, in a document without
// sections, short lines without a sentence end.
void extractor::find_heading_like() {
    auto const& blocks = doc_.blocks;  // in text order, not overlapping
    heading_like_.assign(blocks.size(), 0);
    for (auto const& s : doc_.sections) {
        auto it = std::upper_bound(blocks.begin(), blocks.end(), s.heading.begin,
                                   [](std::size_t p, block const& b) { return p < b.where.begin; });
        if (it != blocks.begin() && s.heading.begin < std::prev(it)->where.end)
            heading_like_[static_cast<std::size_t>(std::prev(it)->id)] = 1;
    }
    for (auto const& b : blocks) {
        auto& h = heading_like_[static_cast<std::size_t>(b.id)];
        h = h || b.kind == block_kind::heading || reads_as_heading(b);
    }
}

bool extractor::reads_as_heading(block const& b) const {
    std::size_t e = skip_blank_back(t_, b.where.end, b.where.begin);
    if (e == b.where.begin) return false;
    std::size_t last = utf8::prev(t_, e);
    char32_t cp = utf8::decode(t_, last).cp;
    if ((cp == ':' || cp == U'：') && b.where.size() < 400) return true;
    if (b.kind == block_kind::item || is_item_glyph(t_, b.where.begin, b.where.end)) return false;
    if (doc_.sections.empty() && b.where.size() < 160 && !(cp == U'。' || cp == '.' || cp == U'；' || cp == ';' ||
                                                           cp == '!' || cp == '?' || cp == U'！' || cp == U'？' ||
                                                           cp == U'”' || cp == '"' || cp == U'，' || cp == ','))
        return true;
    return false;
}


// Bytes that may begin a clause end: ASCII punctuation and the lead bytes of CJK (E3) and
// full-width (EF) punctuation. None of them occurs inside another character, so the bytes
// are tested independently (sixteen at a time with SSE2) rather than character by
// character, where each step would wait for the length of the one before.
constexpr bool is_delimiter_byte(unsigned char c) noexcept {
    return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '.' || c == 0xE3 || c == 0xEF;
}
// The character at a delimiter byte p: its length, whether it is a clause end and whether a
// sentence end (is_clause_end, is_sentence_end; '.' is both, for is_full_stop to decide).
// It is told by bits of constants, keyed by the ASCII byte or by the third byte of a CJK
// (E3 80 ..: 、。) or full-width (EF BC ..: ！，：；？) mark, with no decoding and no branch
// on which mark it is: Chinese text has one every dozen characters or so, in no order a
// predictor could learn.
struct mark {
    std::size_t length;
    bool clause, sentence;
};
// The code points base + 0..63 that pass `test`, as bits.
template <class Test>
constexpr std::uint64_t marks_of(Test test, char32_t base) {
    std::uint64_t b = 0;
    for (char32_t cp = base; cp < base + 64; ++cp)
        if (test(cp)) b |= std::uint64_t{1} << (cp & 63u);
    return b;
}
mark mark_at(std::string_view t, std::size_t p) noexcept {
    auto const* const s = reinterpret_cast<unsigned char const*>(t.data());
    unsigned const c = s[p];
    std::size_t const more = c >> 7;               // 0 for ASCII, 1 for E3 and EF
    unsigned const lead = more + (c == 0xEF);      // 0 ASCII, 1 E3, 2 EF
    unsigned const key = s[p + 2 * more] & 63u;    // all the marks are 0x21..0x3F, 0x80..0xBF
    static constexpr unsigned char second[3] = {0, 0x80, 0xBC};
    static constexpr std::uint64_t clause[3] = {marks_of([](char32_t cp) { return is_clause_end(cp) || cp == '.'; }, 0),
                                                marks_of(is_clause_end, 0x3000), marks_of(is_clause_end, 0xFF00)};
    static constexpr std::uint64_t sentence[3] = {
        marks_of([](char32_t cp) { return is_sentence_end(cp) || cp == '.'; }, 0), marks_of(is_sentence_end, 0x3000),
        marks_of(is_sentence_end, 0xFF00)};
    std::uint64_t const known = (lead == 0) | (s[p + more] == second[lead]);  // E3 80, EF BC
    return {1 + 2 * more, ((clause[lead] >> key) & known) != 0, ((sentence[lead] >> key) & known) != 0};
}

// Calls f(p) at each delimiter byte p of t[p, end), in order, until it returns true. Every
// such byte begins a character (none is a continuation byte), so all the bytes of a block
// of sixteen that pass are read from one mask: a block is loaded once, not again after
// each delimiter (Chinese text has one every dozen characters or so).
template <class F>
void for_each_delimiter_byte(std::string_view t, std::size_t p, std::size_t end, F&& f) {
    auto const* const s = reinterpret_cast<unsigned char const*>(t.data());
#if defined(__SSE2__)
    for (; p + 16 <= end; p += 16) {
        simd::block const v = _mm_loadu_si128(reinterpret_cast<simd::block const*>(s + p));
        // ',' and '.' differ in one bit, as do ':' and ';': each pair is one test with that bit off
        using simd::eq, simd::masked;
        for (unsigned m = simd::bits(simd::any(eq(masked(v, ~0x02), ','), eq(masked(v, ~0x01), ':'), eq(v, '!'),
                                               eq(v, '?'), eq(v, '\xE3'), eq(v, '\xEF')));
             m; m &= m - 1)
            if (f(p + static_cast<std::size_t>(std::countr_zero(m)))) return;
    }
#endif
    for (; p < end; ++p)
        if (is_delimiter_byte(s[p]) && f(p)) return;
}

// Lookups (start_of, end_of) ask only about places up to `last`, the end of the block's
// last quantity: the index stops at the first sentence end that begins there or later,
// which answers them all as the whole block's index would, and the rest of a long
// paragraph is not read.
void extractor::index_delimiters(block const& b, std::size_t last) {
    delims_.clear();
    sentence_delims_.clear();
    indexed_ = b.where;
    auto add = [&](std::size_t begin, std::size_t end, bool sentence) {
        delims_.push_back({begin, end, sentence});
        if (sentence) sentence_delims_.push_back(delims_.back());
        return sentence && begin >= last;  // the index is done
    };
    for_each_delimiter_byte(t_, b.where.begin, b.where.end, [&](std::size_t p) {
        mark const m = mark_at(t_, p);
        // (Chinese text has few full stops and few full-width characters that are no clause end)
        if (!m.clause || (t_[p] == '.' && !is_full_stop(t_, p, b.where.end))) return false;
        return add(p, p + m.length, m.sentence);
    });
}

// The start of the clause (sentence) at pos: after the last delimiter ending by pos.
std::size_t extractor::start_of(std::size_t pos, bool sentence) const {
    auto const& v = sentence ? sentence_delims_ : delims_;
    std::size_t const k = prefix_length(v, [&](delimiter const& d) { return d.end <= pos; });
    return k == 0 ? indexed_.begin : v[k - 1].end;
}

// The end of the clause (sentence) at pos: the first delimiter that begins at or after pos.
std::size_t extractor::end_of(std::size_t pos, bool sentence) const {
    auto const& v = sentence ? sentence_delims_ : delims_;
    std::size_t const k = prefix_length(v, [&](delimiter const& d) { return d.begin < pos; });
    return k == v.size() ? indexed_.end : v[k].begin;
}

// Cues of one block, from the sentences that hold its quantities (metrics, directions,
// kinds, periods), and the years of the block up to its last quantity.
void extractor::prepare_cues(block const& b, std::span<quantity const> qs) {
    cues_.metrics.clear();
    cues_.directions.clear();
    cues_.kinds.clear();
    cues_.periods.clear();
    std::size_t const bb = b.where.begin;
    std::size_t last_end = bb;
    for (auto const& q : qs) last_end = std::max(last_end, q.where.end);
    index_delimiters(b, last_end);
    std::size_t covered = bb;
    for (auto const& q : qs) {
        std::size_t se = end_of(q.where.end, true);
        if (se <= covered) continue;
        std::size_t sb = std::max(covered, start_of(q.where.begin, true));
        metrics_.find_all(sb, se, cues_.metrics);
        directions_.find_all(sb, se, cues_.directions);
        kinds_.find_all(sb, se, cues_.kinds);
        periods_.find_all(sb, se, cues_.periods);
        covered = se;
    }
    block_years_.clear();
    std::size_t last = qs.empty() ? bb : qs.back().where.begin;
    find_years(t_, bb, last, block_years_);
}

// `will be increased`, `to be reduced`: a participle after `be` is no past tense.
bool after_be(std::string_view t, std::size_t pos) {
    std::size_t p = pos;
    while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '\n')) --p;
    return p >= 3 && t.substr(p - 3, 3) == " be";
}

bool extractor::comparative_before(std::size_t pos) const {
    static constexpr std::string_view words[] = {"比", "较", "than", "over", "from", "同比", "compared with"};
    std::size_t p = skip_blank_back(t_, pos, 0);
    if (p == 0) return false;
    // most places end with a byte none of the words ends with
    char const last = t_[p - 1];
    if (std::none_of(std::begin(words), std::end(words), [&](std::string_view w) { return w.back() == last; }))
        return false;
    auto ends_with = [&](std::string_view w) {
        return p >= w.size() && t_.substr(p - w.size(), w.size()) == w &&
               (p == w.size() || !is_ascii_alpha(t_[p - w.size() - 1]));
    };
    return std::any_of(std::begin(words), std::end(words), ends_with);
}

std::optional<direction_kind> extractor::direction_of(quantity const& q, window_cues const& w,
                                                      std::size_t clause_begin, lexicon_entry const* metric) const {
    bool const pct = q.unit == "percent" || q.unit == "percentage_point";
    lexicon_match const* cue = nullptr;
    std::ptrdiff_t ci = last_ending_by(w.directions, q.where.begin);
    if (ci >= 0 && w.directions[static_cast<std::size_t>(ci)].begin >= clause_begin)
        cue = &w.directions[static_cast<std::size_t>(ci)];
    if (cue) {
        auto const& e = lex_.entry(cue->entry);
        if (id_is(e.id, "increase") || id_is(e.id, "decrease")) {
            direction_kind d = id_is(e.id, "increase") ? direction_kind::increase : direction_kind::decrease;
            if (pct) return d;
            // a count or an amount is the size of a change only right after the verb: 减少1650万人, reduced by
            std::string_view gap = t_.substr(cue->end, q.where.begin - cue->end);
            std::size_t k = 0;
            auto skip = [&] {
                while (k < gap.size() && (gap[k] == ' ' || gap[k] == '\n')) ++k;
            };
            skip();
            for (std::string_view wd : {"by", "of", "了"}) {
                if (gap.substr(k, wd.size()) == wd) {
                    k += wd.size();
                    skip();
                }
            }
            if (k == gap.size()) return d;
            return direction_kind::level;
        }
        // a level cue
        if (e.weight == 0 && pct) {
            if (metric && metric->weight > 0) return direction_kind::increase;
            // `growth target at 5%`: a weak cue after a change word and other words keeps the change;
            // `降到5.2%`, `increased to 5%` (the change word right before it) is a level
            lexicon_match const* prev = nullptr;
            if (ci > 0 && w.directions[static_cast<std::size_t>(ci - 1)].begin >= clause_begin)
                prev = &w.directions[static_cast<std::size_t>(ci - 1)];
            if (prev) {
                auto const& pe = lex_.entry(prev->entry);
                std::size_t gap_end = skip_blank_back(t_, cue->begin, prev->end);
                if ((id_is(pe.id, "increase") || id_is(pe.id, "decrease")) && gap_end > prev->end)
                    return id_is(pe.id, "increase") ? direction_kind::increase : direction_kind::decrease;
            }
        }
        return direction_kind::level;
    }
    std::size_t r = skip_blank(t_, q.where.end, t_.size());
    if (auto m = direction_post_.longest_at(t_, r)) {
        auto const& id = lex_.entry(m->entry).id;
        return id_is(id, "increase")   ? direction_kind::increase
               : id_is(id, "decrease") ? direction_kind::decrease
                                       : direction_kind::level;
    }
    if (pct) {
        if (metric && metric->weight > 0) return direction_kind::increase;
        return std::nullopt;
    }
    if (q.unit.empty()) return std::nullopt;
    return direction_kind::level;
}

void extractor::add_statement(block const& b, quantity const& q, context const& ctx, bool in_list) {
    std::size_t const bb = b.where.begin, be = b.where.end;
    if (!(q.where.begin >= sentence_.begin && q.where.end <= sentence_.end && sentence_.begin >= bb &&
          sentence_.end <= be && sentence_.end > sentence_.begin))
        sentence_ = {start_of(q.where.begin, true), end_of(q.where.end, true)};
    std::size_t const s_begin = sentence_.begin;
    std::size_t c_begin = start_of(q.where.begin, false);
    std::size_t c_end = end_of(q.where.end, false);
    auto const& w = cues_;

    statement& st = doc_.statements.emplace_back();  // filled in place
    st.block = b.id;
    st.section = b.section;
    st.where = q.where;
    st.value = q.value;
    st.low = q.low;
    st.high = q.high;
    st.bound = q.bound;
    if (!q.unit.empty()) st.unit = std::string(q.unit);
    if (q.qualifier) {
        std::string qual(doc_.slice(*q.qualifier));
        if (q.qualifier2) qual += "…" + std::string(doc_.slice(*q.qualifier2));
        st.qualifier = std::move(qual);
    }

    // ---- metric: nearest before in the clause, else after in the clause, else before in the sentence
    lexicon_match const* met = nullptr;
    lexicon_match const* before = nullptr;
    if (auto mi = last_ending_by(w.metrics, q.where.begin); mi >= 0) before = &w.metrics[static_cast<std::size_t>(mi)];
    if (before && before->begin >= c_begin) met = before;
    if (!met) {
        std::size_t ai = first_starting_at(w.metrics, q.where.end);
        if (ai < w.metrics.size() && w.metrics[ai].end <= c_end) met = &w.metrics[ai];
    }
    if (!met && before && before->begin >= s_begin) met = before;
    lexicon_entry const* me = met ? &lex_.entry(met->entry) : nullptr;

    st.direction = direction_of(q, w, c_begin, me);
    if (me) {
        st.metric = span{met->begin, met->end};
        st.metric_id = me->id;
        bool change = st.direction == direction_kind::increase || st.direction == direction_kind::decrease;
        bool pct = q.unit == "percent" || q.unit == "percentage_point";
        // the other reading of the metric (data: `expands`): a level metric's percent change
        // (GDP → GDP growth), a change metric's amount (GDP growth → GDP)
        if (!me->expands.empty() && ((me->weight == 0 && change && pct) || (me->weight > 0 && !pct && !q.unit.empty())))
            st.metric_id = me->expands.front();
    }

    // ---- kind: the target list, then the sentence's own cue, then the heading/section context
    std::optional<statement_kind> kind;
    if (in_list) kind = statement_kind::target;
    if (!kind) {
        lexicon_match const* cue = nullptr;
        // a weak cue word inside a metric phrase (`预期寿命`) is not a cue; a verb is (`economy grew`)
        auto inside_metric = [&](lexicon_match const& m) {
            std::size_t k = prefix_length(w.metrics, [&](lexicon_match const& x) { return x.begin <= m.begin; });
            return k > 0 && m.end <= w.metrics[k - 1].end;
        };
        auto usable = [&](lexicon_match const& m) {
            return !comparative_before(m.begin) && !(lex_.entry(m.entry).weight == 0 && inside_metric(m));
        };
        for (std::ptrdiff_t k = last_ending_by(w.kinds, q.where.begin), steps = 0; k >= 0 && steps < max_cue_steps;
             --k, ++steps) {
            auto const& m = w.kinds[static_cast<std::size_t>(k)];
            if (m.begin < s_begin) break;
            if (usable(m)) { cue = &m; break; }
        }
        if (!cue)
            for (std::size_t k = first_starting_at(w.kinds, q.where.end); k < w.kinds.size(); ++k) {
                auto const& m = w.kinds[k];
                if (m.end > c_end) break;
                if (usable(m)) { cue = &m; break; }
            }
        if (cue && !(lex_.entry(cue->entry).weight == 0 && ctx.kind)) {
            bool target = id_is(lex_.entry(cue->entry).id, "target");
            if (!target && after_be(t_, cue->begin)) target = true;
            kind = target ? statement_kind::target : statement_kind::outcome;
        }
    }
    if (!kind) kind = ctx.kind;
    st.kind = kind.value_or(statement_kind::other);

    // ---- period: a year or period phrase before the number in the sentence, else the context
    std::optional<int> period, period_end;
    if (!in_list) {
        std::size_t best = 0;
        {
            // the last year before the number (not after 比/than)
            std::size_t const ended =
                prefix_length(block_years_, [&](auto const& y) { return y.first + 4 <= q.where.begin; });
            auto it = block_years_.begin() + static_cast<std::ptrdiff_t>(ended);
            int steps = 0;
            while (it != block_years_.begin() && steps++ < max_cue_steps) {
                --it;
                auto const [pos, y] = *it;
                if (comparative_before(pos)) continue;
                best = pos;
                period = y;
                // 2016-2020 / 2021至2025: a span
                std::size_t r = pos + 4;
                auto next = std::next(it);
                if (r < q.where.begin && next != block_years_.end()) {
                    auto d = utf8::decode(t_, r);
                    if ((d.cp == '-' || d.cp == U'—' || d.cp == U'–' || d.cp == U'至') && next->first > r &&
                        next->first <= r + d.length + 1 && next->second > y)
                        period_end = next->second;
                }
                break;
            }
        }
        lexicon_match const* pc = nullptr;
        for (std::ptrdiff_t k = last_ending_by(cues_.periods, q.where.begin), steps = 0;
             k >= 0 && steps < max_cue_steps; --k, ++steps) {
            auto const& m = cues_.periods[static_cast<std::size_t>(k)];
            if (m.begin < best) break;
            if (!comparative_before(m.begin)) { pc = &m; break; }
        }
        if (pc) {
            auto const& m = *pc;
            auto const& e = lex_.entry(m.entry);
            int wgt = static_cast<int>(e.weight);
            best = m.begin;
            period_end.reset();
            period.reset();
            if (id_is(e.id, "offset") && year_) period = year_ - wgt;
            else if (id_is(e.id, "span") && year_) {
                period = year_ - wgt;
                period_end = year_ - 1;
            } else if (id_is(e.id, "years") && e.label.size() == 9) {
                period = std::stoi(e.label.substr(0, 4));
                period_end = std::stoi(e.label.substr(5, 4));
            }
        }
    }
    if (!period) {
        if (st.kind == statement_kind::target) {
            if (ctx.kind == statement_kind::target && ctx.period) period = ctx.period;
            else if (year_) period = year_;
        } else if (st.kind == statement_kind::outcome) {
            if (ctx.kind == statement_kind::outcome && ctx.period) {
                period = ctx.period;
                period_end = ctx.period_end;
            } else if (year_) {
                period = year_ - 1;
            }
        }
    }
    st.period = period;
    st.period_end = period ? period_end : std::nullopt;
}

// Qualitative items of a target list: segments that hold no number become `bound: none`.
void extractor::add_list_items(block const& b, std::size_t from, std::size_t to, std::span<quantity const> qs,
                               context const& ctx) {
    auto emit = [&](std::size_t s, std::size_t e) {
        // trim blanks, bullets, `and`, trailing punctuation
        while (true) {
            s = skip_blank(t_, s, e);
            if (s < e && is_item_glyph(t_, s, e)) { s += utf8::decode(t_, s).length; continue; }
            if (e - s > 4 && t_.substr(s, 4) == "and ") { s += 4; continue; }
            if (s < e && utf8::decode(t_, s).cp == U'和') { s += 3; continue; }
            break;
        }
        while (e > s) {
            std::size_t p = utf8::prev(t_, e);
            char32_t cp = utf8::decode(t_, p).cp;
            if (utf8::is_blank(cp) || cp == '.' || cp == ';' || cp == ',' || cp == U'。' || cp == U'；' || cp == U'，')
                e = p;
            else
                break;
        }
        if (e >= 3 && e - s >= 3 && t_.substr(e - 3, 3) == "and" && (e - s == 3 || t_[e - 4] == ' ')) {
            e = skip_blank_back(t_, e - 3, s);
            while (e > s && (t_[e - 1] == ';' || t_[e - 1] == ',')) --e;
        }
        std::size_t cps = 0;
        for (std::size_t p = s; p < e; p += utf8::decode(t_, p).length) ++cps;
        if (cps < 4) return;
        for (auto const& q : qs)
            if (q.where.begin < e && q.where.end > s) return;
        statement st;
        st.block = b.id;
        st.section = b.section;
        st.where = {s, e};
        st.bound = bound_kind::none;
        st.kind = statement_kind::target;
        st.period = ctx.kind == statement_kind::target && ctx.period ? ctx.period
                    : year_ ? std::optional<int>(year_)
                            : std::nullopt;
        if (auto m = hits_.first(lexicon_hits::metric, s, e)) {
            st.metric = span{m->begin, m->end};
            st.metric_id = lex_.entry(m->entry).id;
        }
        std::vector<lexicon_match> d;
        hits_.find_all(lexicon_hits::direction, s, e, d);
        for (auto const& x : d) {
            auto const& id = lex_.entry(x.entry).id;
            if (id_is(id, "increase")) { st.direction = direction_kind::increase; break; }
            if (id_is(id, "decrease")) { st.direction = direction_kind::decrease; break; }
        }
        doc_.statements.push_back(std::move(st));
    };
    // Split on ；; ，, 、 and `, and`; an English ` and ` splits only between two metrics.
    std::size_t seg = from;
    std::size_t p = from;
    while (p < to) {
        auto d = utf8::decode(t_, p);
        bool cut = d.cp == U'；' || d.cp == ';' || d.cp == U'，' || d.cp == U'。' ||
                   (d.cp == '.' && is_full_stop(t_, p, to));
        if (d.cp == ',' && t_.substr(p, 6) == ", and ") cut = true;
        if (!cut && d.cp == ' ' && t_.substr(p, 5) == " and ") {
            std::size_t re = p + 5;
            while (re < to && t_[re] != ',' && t_[re] != ';') ++re;
            if (hits_.first(lexicon_hits::metric, seg, p) && hits_.first(lexicon_hits::metric, p + 5, re)) cut = true;
        }
        if (cut) {
            emit(seg, p);
            seg = p + d.length;
            // the list ends with a sentence when the next one states no figure and no metric
            // (`这样的目标，是立足发展所需…`, `确定以上目标，…`)
            if (d.cp == U'。' || d.cp == '.') {
                std::size_t ne = seg;
                while (ne < to) {
                    auto dn = utf8::decode(t_, ne);
                    if (dn.cp == U'。' || (dn.cp == '.' && is_full_stop(t_, ne, to))) break;
                    ne += dn.length;
                }
                bool figure = false;
                for (auto const& q : qs) figure = figure || (q.where.begin >= seg && q.where.begin < ne);
                if (!figure && !hits_.first(lexicon_hits::metric, seg, ne)) return;
            }
        }
        p += d.length;
    }
    emit(seg, to);
}

void extractor::run() {
    year_ = doc_.year.value_or(0);
    find_heading_like();
    auto const& blocks = doc_.blocks;
    if (!year_) {
        // No year from the structure stage: take it from a target heading (`Major Tasks for 2020`).
        for (auto const& b : blocks) {
            if (!heading_like(b)) continue;
            auto const cue = hits_.first(lexicon_hits::section_cue, b.where.begin, b.where.end);
            if (!cue) continue;
            std::vector<std::pair<std::size_t, int>> ys;
            find_years(t_, b.where.begin, b.where.end, ys);
            if (ys.empty()) continue;
            auto const& id = lex_.entry(cue->entry).id;
            year_ = id_is(id, "target") ? ys.front().second : ys.front().second + 1;
            break;
        }
    }
    if (!year_) {
        // Still none: the year most often written on short lines (title, dateline such as
        // `Post time: Mar-21-2024`); ties go to the earlier year.
        std::vector<std::pair<int, int>> counts;  // (year, times)
        for (auto const& b : blocks) {
            if (!(b.kind == block_kind::meta || heading_like(b))) continue;
            std::vector<std::pair<std::size_t, int>> ys;
            find_years(t_, b.where.begin, b.where.end, ys);
            for (auto const& [pos, y] : ys) {
                auto it = std::find_if(counts.begin(), counts.end(), [&](auto const& c) { return c.first == y; });
                if (it == counts.end()) counts.emplace_back(y, 1);
                else ++it->second;
            }
        }
        int best = 0;
        for (auto const& [y, c] : counts)
            if (c > best || (c == best && y < year_)) { best = c; year_ = y; }
    }
    // Context of each section from its heading (inherited from the parent when it has no cue).
    std::vector<context> section_ctx(doc_.sections.size());
    for (auto const& s : doc_.sections) {
        context c = heading_context(s.heading);
        if (!c.kind && s.parent && *s.parent >= 0 && *s.parent < s.id) c = section_ctx[*s.parent];
        section_ctx[s.id] = c;
    }
    section_cues_.rewind();  // the blocks' headings come next, from the start

    auto by_start = [](statement const& a, statement const& b) { return a.where.begin < b.where.begin; };
    // The quantities of every block first: a statement each, and a few list items (bound
    // none) besides, so the statements get their room once and are never moved to a larger
    // vector (a statement holds three strings; a growing vector moved some 3,000 per corpus pass).
    std::vector<quantity> quantities;
    quantities.reserve(2 * blocks.size());  // policy texts have up to about two a block
    std::vector<std::size_t> first_quantity(blocks.size() + 1);  // block k's: [first[k], first[k + 1])
    for (std::size_t k = 0; k < blocks.size(); ++k) {
        first_quantity[k] = quantities.size();
        if (blocks[k].kind != block_kind::meta)
            scanner_.scan(t_, blocks[k].where.begin, blocks[k].where.end, quantities);
    }
    first_quantity.back() = quantities.size();
    constexpr std::size_t list_items_room = 16;  // the most a corpus document has is 10
    doc_.statements.reserve(quantities.size() + list_items_room);
    context rolling;                  // from headings / lead-in lines, when sections don't say
    std::optional<int> rolling_section = -1;
    bool list_items = false;          // items after a target-list lead-in
    std::optional<int> list_parent;
    for (auto const& b : blocks) {
        if (b.kind == block_kind::meta) continue;
        if (b.section != rolling_section) {
            rolling_section = b.section;
            if (!doc_.sections.empty()) rolling = {};
            list_items = false;
        }
        context ctx;
        if (b.section && *b.section >= 0 && *b.section < static_cast<int>(section_ctx.size()))
            ctx = section_ctx[*b.section];
        bool const heading = heading_like(b);
        // target list lead-in (`The main targets for this year are:`) or paragraph (`主要预期目标是：…`)
        std::optional<std::size_t> list_from;
        {
            // a lead-in has a target-list cue (seldom there: looked up first) and a colon or a final `are`
            std::optional<lexicon_match> tl = target_lists_.first(b.where.begin, b.where.end);
            std::string_view bt = doc_.slice(b.where);
            std::size_t tail = tl ? skip_blank_back(t_, b.where.end, b.where.begin) - b.where.begin : 0;
            bool lead_in = tl && (bt.find(':') != std::string_view::npos || bt.find("：") != std::string_view::npos ||
                                  (tail >= 3 && bt.substr(tail - 3, 3) == "are"));
            if (!lead_in) tl.reset();
            if (tl) {
                // the lead-in ends at the first colon after the cue (`…this year are:`, `是：`),
                // or at the end of a block that ends with `are`
                std::size_t r = tl->end;
                std::size_t colon = std::string_view::npos;
                for (std::size_t k = r, stop = std::min(b.where.end, r + 120); k < stop;) {
                    auto const d = utf8::decode(t_, k);
                    char32_t const cp = d.cp;
                    k += d.length;
                    if (cp == ':' || cp == U'：') { colon = k; break; }
                    if (is_sentence_end(cp) || cp == U'，' || cp == ',') break;
                }
                if (colon == std::string_view::npos && tail >= 3 && bt.substr(tail - 3, 3) == "are") r = b.where.end;
                std::size_t rest = colon == std::string_view::npos ? b.where.end : skip_blank(t_, colon, b.where.end);
                if (rest >= b.where.end || colon == std::string_view::npos) {
                    list_items = colon != std::string_view::npos || r >= b.where.end;
                    list_parent = b.kind == block_kind::item ? std::optional<int>(b.id) : std::nullopt;
                } else {
                    list_from = rest;
                }
            }
        }
        bool in_list_item = false;
        if (list_items && !heading) {
            bool item = b.kind == block_kind::item || is_item_glyph(t_, b.where.begin, b.where.end);
            if (item && list_parent && b.kind == block_kind::item && b.parent != list_parent) item = false;
            if (item) in_list_item = true;
            else list_items = false;
        } else if (list_items && heading && b.kind != block_kind::item) {
            // a new lead-in closes the list unless it is the list's own lead-in
            if (!target_lists_.first(b.where.begin, b.where.end)) list_items = false;
        }
        if (heading) {
            context h = heading_context(b.where);
            if (h.kind) rolling = h;
        }
        if (rolling.kind) ctx = rolling;

        std::size_t const block_first = doc_.statements.size();
        auto const k = static_cast<std::size_t>(&b - blocks.data());
        std::span<quantity const> const qs(quantities.data() + first_quantity[k], first_quantity[k + 1] - first_quantity[k]);
        sentence_ = {};
        if (!qs.empty()) prepare_cues(b, qs);
        for (auto const& q : qs) {
            bool in_list = in_list_item || (list_from && q.where.begin >= *list_from);
            add_statement(b, q, ctx, in_list);
        }
        context list_ctx = ctx;
        if (!list_ctx.kind || *list_ctx.kind != statement_kind::target) {
            list_ctx.kind = statement_kind::target;
            list_ctx.period = year_ ? std::optional<int>(year_) : std::nullopt;
        }
        if (list_from) add_list_items(b, *list_from, b.where.end, qs, list_ctx);
        else if (in_list_item) add_list_items(b, b.where.begin, b.where.end, qs, list_ctx);
        // A block's list items come after its quantities: its few statements are put in text
        // order here (blocks are in text order), so the document's seldom need sorting below.
        auto const block_statements = doc_.statements.begin() + static_cast<std::ptrdiff_t>(block_first);
        if (!std::is_sorted(block_statements, doc_.statements.end(), by_start))
            std::stable_sort(block_statements, doc_.statements.end(), by_start);
    }
    if (!std::is_sorted(doc_.statements.begin(), doc_.statements.end(), by_start))
        std::stable_sort(doc_.statements.begin(), doc_.statements.end(), by_start);
    for (std::size_t k = 0; k < doc_.statements.size(); ++k) doc_.statements[k].id = static_cast<int>(k);
}

}  // namespace

void extract_statements(document& doc, lexicon const& lex, lexicon_hits const& hits) {
    doc.statements.clear();
    extractor x(doc, lex, hits);
    x.run();
}

}  // namespace reportx::detail
