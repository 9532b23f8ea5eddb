// Structure stage: lang, title, date, year, sections and blocks, in one pass over the lines.
//
// Each line is classified once, in this order, with the X3 line grammars behind
// grammar/structure_match.hpp and the structure cues of the lexicon (data/lexicon/structure.tsv):
//   licence trailer (`本作品是中华人民共和国的` … to the end: meta, outside every section)
//   website navigation (`下载`, `打印`, `【字号：` …: meta) and horizontal rules (`---`: meta)
//   metadata lines (`Post time: Mar-21-2024`, `来源：`, `时间：2026-02-02`: meta; publication date)
//   headings: `一、` parts (level 1, in sequence; out of sequence they are `一、` items), `（一）`
//     sub-headings (level 2; the heading ends at the first `。`, the rest is a paragraph),
//     Roman numerals (level 1), Markdown `#` (level = count), `**Speaker**` labels (heading blocks)
//   title-block date lines (`——2024年3月5日在…会议上`, `May 22, 2020`: meta; delivery date)
//   list items (`➣ • ● ■ -- - – ——`, `Point N:`, `一是`, `第一，`, `1.`, `(1)`, `(a)`, `①`),
//     several bullets on one line split into several items
//   plain text: a paragraph, or the continuation of the open block when the source broke a
//     sentence, a number or a title across lines (`74.4⏎\u200b⏎万亿元`, `M⏎2⏎`, `政府工作报⏎告`);
//     where paragraphs are separated by blank lines, a single line break never ends a block.
// When a block closes: the first short line of the title block becomes the title (a heading
// block), short lines after it (bylines) become meta; a colon lead-in followed by a list becomes
// a heading block; a paragraph holding a target lead-in (`今年发展主要预期目标是：`) is split so
// that the target paragraph is a block of its own; a short Chinese line standing alone is a
// heading block (and, without numbered parts, `2024年工作回顾` opens a part); items nest under an
// item of another kind that does not end its sentence (`Point 1: … are` ⏎ `➣ …`).
// Blocks and sections are byte spans into the untouched text, starting and ending on visible
// characters; every visible character ends up in exactly one block.
#include <algorithm>  // std::find_if
#include <cstdio>     // std::snprintf
#include <cstring>    // std::memchr
#include <memory>     // std::shared_ptr
#include <optional>   // std::optional
#include <string>     // std::string
#include <vector>     // std::vector


#include "reportx/grammar/structure_match.hpp"
#include "reportx/utf8.hpp"
#include "simd.hpp"
#include "stages.hpp"
#include "avx2.hpp"  // detail::avx2_on: whether the processor (and the tests) let the byte scans use AVX2


namespace reportx::detail {
namespace {

using grammar::heading_form;
using grammar::marker_form;

// ---- characters ------------------------------------------------------------------

/// Ends a sentence or a lead-in: a following line starts something new.
constexpr bool ends_sentence(char32_t c) noexcept {
    return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'：' || c == '.' || c == '!' ||
           c == '?' || c == ';' || c == ':' || c == U'…';
}
/// Ends a sentence (not a lead-in colon).
constexpr bool is_terminal(char32_t c) noexcept {
    return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == '.' || c == '!' || c == '?' || c == ';';
}
constexpr bool is_closing(char32_t c) noexcept {
    return c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U'）' || c == ')' || c == U'】' ||
           c == U'》' || c == '"' || c == '\'';
}
constexpr bool is_opening(char32_t c) noexcept {
    return c == U'“' || c == U'‘' || c == U'「' || c == U'『' || c == U'（' || c == '(' || c == U'【' ||
           c == U'《';
}
/// A line that starts with one of these continues the line before (`，国家机关…`, `》生效`).
constexpr bool continues(char32_t c) noexcept {
    return c == U'，' || c == U'、' || c == U'。' || c == U'；' || c == U'：' || c == U'！' || c == U'？' ||
           c == U'）' || c == U'》' || c == U'」' || c == U'』' || c == U'”' || c == U'’' || c == U'％' ||
           c == '%' || c == ',' || c == ';' || c == ')';
}
/// A Chinese line that ends with one of these has not finished its phrase (`今年经济社会发展的` ⏎ `主要预期目标`).
constexpr bool open_ended(char32_t c) noexcept {
    return c == U'的' || c == U'和' || c == U'与' || c == U'及' || c == U'在' || c == U'对' || c == U'把' ||
           c == U'将' || c == U'从' || c == U'向' || c == U'是' || c == U'为' || c == U'之';
}
constexpr bool is_cjk(char32_t c) noexcept {
    return utf8::is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x2E80 && c <= 0x2FDF);
}
/// Punctuation inside a sentence: a line holding it is prose, not a title fragment.
constexpr bool is_inner_punct(char32_t c) noexcept {
    return c == U'，' || c == U'。' || c == U'、' || c == U'；' || c == U'：' || c == ',' || c == ';';
}

// ---- AVX2 byte counts and searches (thirty-two bytes per step, half the SSE2 work) ------

#if REPORTX_AVX2_PATHS
REPORTX_AVX2 __m256i eq32(__m256i v, char c) noexcept { return _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c)); }
/// The sum of the 32 bytes of c.
REPORTX_AVX2 std::size_t sum32(__m256i c) noexcept {
    __m256i const t = _mm256_sad_epu8(c, _mm256_setzero_si256());
    return static_cast<std::size_t>(_mm256_extract_epi64(t, 0) + _mm256_extract_epi64(t, 1) +
                                    _mm256_extract_epi64(t, 2) + _mm256_extract_epi64(t, 3));
}

/// Where `:` or `：` (EF BC 9A) first starts in the steps of 32 bytes from i that begin before
/// `last` (which leaves room to read 34 bytes at each), else npos; i ends at the step where
/// the search stopped.
[[gnu::target("avx2")]] std::size_t find_colon_avx2(unsigned char const* s, std::size_t& i, std::size_t last) noexcept {
    for (; i < last; i += 32) {
        __m256i const first = load32(s + i);
        __m256i const wide = _mm256_and_si256(_mm256_and_si256(eq32(first, '\xEF'), eq32(load32(s + i + 1), '\xBC')),
                                              eq32(load32(s + i + 2), '\x9A'));
        if (auto bits = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_or_si256(eq32(first, ':'), wide))))
            return i + static_cast<std::size_t>(__builtin_ctz(bits));
    }
    return std::string_view::npos;
}

/// Han lead bytes (E4..E9) and ASCII letters in [i, i + 32 * blocks),
/// added to han and latin; blocks <= 255.
[[gnu::target("avx2")]] void count_lang_avx2(unsigned char const* s, std::size_t i, std::size_t blocks, std::size_t& han,
                                            std::size_t& latin) noexcept {
    // Per-byte counters (a match subtracts -1): at most 255 steps, so that they do not wrap.
    __m256i h = _mm256_setzero_si256(), l = _mm256_setzero_si256();
    for (; blocks > 0; --blocks, i += 32) {
        __m256i const v = load32(s + i);
        h = _mm256_sub_epi8(h, in_range32(v, static_cast<char>(0xE4), 5));
        l = _mm256_sub_epi8(l, ascii_letters32(v));
    }
    han += sum32(h);
    latin += sum32(l);
}
#endif

// ---- the builder -------------------------------------------------------------------

struct open_block {
    bool active = false;
    block b;
    std::uint32_t family = 0;   ///< items: which list they belong to (marker kind, bullet symbol)
    std::size_t text_begin = 0; ///< items: first byte after the marker
    bool licence = false;       ///< part of a licence trailer
    bool absorb_value = false;  ///< `来源:` with the value on the next line
};

struct list_entry {
    int id;
    std::uint32_t family;
    bool opens;  ///< its text ends without a full stop ("Point 1: … are"): items of another kind nest under it
};

class builder {
public:
    builder(document& doc, parse_options const& options, lexicon const& lex)
        : doc_(doc), t_(doc.text), options_(options), lex_(lex),
          meta_key_(pick("meta_key")), nav_(pick("nav")), licence_(pick("licence")),
          target_(pick("target_leadin")), year_task_(pick("year_task")), year_review_(pick("year_review")) {}

    void run() {
        std::size_t const n = t_.size();
        // Lines end with LF (and CRLF); text with no LF at all but CRs uses classic Mac line ends.
        if (!std::memchr(t_.data(), '\n', n) && std::memchr(t_.data(), '\r', n)) eol_ = '\r';
        // Every line's end, found once: detect_layout and the line loop both walk them.
        std::vector<std::size_t> ends;
        for (std::size_t pos = 0; pos < n;) {
            auto const* nl = static_cast<char const*>(std::memchr(t_.data() + pos, eol_, n - pos));
            ends.push_back(nl ? static_cast<std::size_t>(nl - t_.data()) : n);
            pos = ends.back() + 1;
        }
        detect_layout(ends, std::min<std::size_t>(n, 65536));
        // About a block per line, or per two where blank lines separate paragraphs (a quarter
        // more for lines split into items and target lists): room for them up front spares
        // moving every block at each growth of the vector.
        std::size_t const lines = ends.size() / (blank_separated_ ? 2 : 1);
        doc_.blocks.reserve(lines + lines / 4 + 8);
        std::size_t pos = 0;
        for (std::size_t e : ends) {
            line(pos, e);
            pos = e + 1;
        }
        close_open();
        finish();
    }

private:
    struct cue {
        matcher const* m;
        lexicon const* lex;
    };

    // A kind from the caller's lexicon, else from the built-in one (a user lexicon that
    // only defines metrics still gets the structure cues).
    cue pick(std::string_view kind) {
        if (!lex_.match(kind).empty()) return {&lex_.match(kind), &lex_};
        if (!builtin_) builtin_ = lexicon::builtin();
        return {&builtin_->match(kind), builtin_.get()};
    }

    // ---- lines ---------------------------------------------------------------------

    /// Whether paragraphs are separated by blank lines (Wikisource, Markdown, most English
    /// texts) or by single line breaks (provincial reports). In the first kind a single
    /// line break inside a paragraph is formatting (a bold lead sentence, a link, a hard
    /// wrap) and does not end the block. Looks at the first `limit` bytes only (of the lines
    /// that end at `ends`).
    void detect_layout(std::vector<std::size_t> const& ends, std::size_t limit) {
        std::size_t single = 0, separated = 0, pos = 0;
        bool prev_content = false, blank_since = false;
        for (std::size_t k = 0; pos < limit; ++k) {
            std::size_t const e = std::min(ends[k], limit);
            bool blank = true;
            for (std::size_t i = pos; i < e && blank;) {
                auto d = utf8::decode(t_, i);
                blank = utf8::is_blank(d.cp);
                i += d.length;
            }
            if (blank) {
                blank_since = prev_content;
            } else {
                if (prev_content) ++(blank_since ? separated : single);
                prev_content = true;
                blank_since = false;
            }
            pos = e + 1;
        }
        blank_separated_ = separated >= 3 && separated >= single;
    }

    void line(std::size_t b, std::size_t e) {
        std::size_t vb = b;
        bool zero_width = false;
        while (vb < e) {
            auto c = static_cast<unsigned char>(t_[vb]);
            if (c < 0x80) {
                if (!utf8::is_space(c)) break;
                ++vb;
                continue;
            }
            auto d = utf8::decode(t_, vb);
            if (!utf8::is_blank(d.cp)) break;
            zero_width |= utf8::is_zero_width(d.cp);
            vb += d.length;
        }
        if (vb == e) {  // blank line; one holding only zero-width characters keeps the paragraph open
            if (zero_width && !gap_) zw_pending_ = true;
            else {
                gap_ = true;
                zw_pending_ = false;
            }
            return;
        }
        std::size_t ve = utf8::skip_blank_back(t_, e, vb);
        bool adjacent = !gap_, force = zw_pending_;
        gap_ = zw_pending_ = false;
        content(vb, ve, adjacent, force);
    }

    void content(std::size_t vb, std::size_t ve, bool adjacent, bool force) {
        std::string_view v = t_.substr(vb, ve - vb);
        if (front_ && (front_blocks_ >= 24 || vb > 16384)) front_ = false;

        std::optional<grammar::heading_match> h;  // matched once; a licence line that goes on holds it
        if (in_licence_) {
            // A licence trailer runs to the end, unless a new first part begins (reports
            // concatenated into one file): what follows is report text again, numbered afresh.
            h = grammar::match_heading(v);
            bool first_part = h && h->number == 1 &&
                              (h->form == grammar::heading_form::zh_part || h->form == grammar::heading_form::roman);
            if (!first_part) return plain(vb, ve, adjacent, force);
            in_licence_ = false;
            last_part_ = 0;
            part_items_ = 0;
        }
        // `来源:` on one line and `四川日报` on the next
        if (open_.active && open_.absorb_value && adjacent && ve - vb <= 60) {
            open_.b.where.end = ve;
            open_.absorb_value = false;
            return;
        }
        if (is_nav(vb, ve)) {
            prev_nav_ = true;
            return emit(block_kind::meta, vb, ve);
        }
        prev_nav_ = false;
        if (is_rule(v)) return emit(block_kind::meta, vb, ve);
        if (ve - vb <= 300 && meta_line(vb, ve)) return;
        if (licence_.m->longest_at(t_, vb)) {
            close_open();
            in_licence_ = true;
            lists_.clear();
            return plain(vb, ve, false, false);
        }
        if (!h) h = grammar::match_heading(v);
        if (h && heading_line(*h, vb, ve)) return;
        if (force) return plain(vb, ve, adjacent, force);  // a zero-width line inside a paragraph
        if (front_ && date_line(vb, ve)) return;
        if (auto m = grammar::match_list_marker(v)) return item_line(m->form, m->marker_end, m->text_begin, vb, ve);
        plain(vb, ve, adjacent, force);
    }

    bool is_nav(std::size_t vb, std::size_t ve) const {
        auto m = nav_.m->longest_at(t_, vb);
        if (!m || m->end != ve) return false;
        return nav_.lex->entry(m->entry).weight == 0 || prev_nav_;
    }

    static bool is_rule(std::string_view v) {
        // ---, ***, ___, ===, ———: a horizontal rule (3 or more of one character)
        if (v.size() < 3) return false;
        std::string_view unit = v.substr(0, v[0] == '\xE2' ? 3 : 1);
        if (unit != "-" && unit != "*" && unit != "_" && unit != "=" && unit != "—" && unit != "─") return false;
        std::size_t count = 0;
        for (std::size_t i = 0; i < v.size();) {
            if (v[i] == ' ') { ++i; continue; }
            if (v.substr(i, unit.size()) != unit) return false;
            i += unit.size();
            ++count;
        }
        return count >= 3;
    }

    /// The spaces after a label, a colon or a marker (the grammars' gap), not past `end`.
    std::size_t skip_spaces(std::size_t i, std::size_t end) const { return grammar::skip_gap(t_.substr(0, end), i); }

    // `Post time: Mar-21-2024`, `来源：北京日报`, `时间：2026-02-02`, `**Time:** 3.30 pm`
    bool meta_line(std::size_t vb, std::size_t ve) {
        std::size_t i = vb;
        if (t_.compare(i, 2, "**") == 0) i += 2;
        auto m = meta_key_.m->longest_at(t_, i);
        if (!m || m->end > ve) return false;
        i = m->end;
        if (t_.compare(i, 2, "**") == 0) i += 2;
        i = skip_spaces(i, ve);
        if (i < ve && t_[i] == ':') i += 1;
        else if (t_.compare(i, 3, "：") == 0 && i + 3 <= ve) i += 3;
        else return false;
        if (t_.compare(i, 2, "**") == 0 && i + 2 <= ve) i += 2;
        i = skip_spaces(i, ve);
        emit(block_kind::meta, vb, ve, /*keep_open=*/true);
        open_.absorb_value = i >= ve;
        if (i < ve) {
            if (auto d = grammar::find_date(t_.substr(i, ve - i))) note_date(*d, i, false);
        }
        return true;
    }

    // ——2024年3月5日在第十四届全国人民代表大会第二次会议上 / 2026年02月10日 07时41分 /
    // Thursday, 10 February 2022 / Delivered at … on May 22, 2020 (title block only)
    bool date_line(std::size_t vb, std::size_t ve) {
        std::string_view v = t_.substr(vb, ve - vb);
        std::size_t i = 0;
        while (i < v.size()) {
            if (v.compare(i, 3, "—") == 0 || v.compare(i, 3, "─") == 0) i += 3;
            else if (v[i] == '-') ++i;
            else break;
        }
        i = skip_spaces(vb + i, ve) - vb;
        auto d = grammar::match_date(v, i);
        if (!d && v.size() <= 250) d = grammar::find_date(v);
        if (!d) return false;
        // A clock time after the date (07时41分, 09:30) marks a publication stamp, not the delivery date.
        note_date(*d, vb, !has_clock_time(v.substr(d->end)));
        emit(block_kind::meta, vb, ve);
        return true;
    }

    /// `07时41分`, `09:30`: a digit before 时, or a colon between digits.
    static bool has_clock_time(std::string_view s) {
        auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
        for (std::size_t i = 1; i < s.size(); ++i) {
            if (s[i] == ':' && digit(i - 1) && digit(i + 1)) return true;
            if (s.compare(i, 3, "时") == 0 && digit(i - 1)) return true;
        }
        return false;
    }

    void note_date(grammar::date_match const& d, std::size_t base, bool delivery) {
        span where{base + d.begin, base + d.end};
        if (!d.valid()) {
            doc_.diagnostics.push_back({"invalid_date", severity::warning,
                                        "date does not exist: " + std::string(t_.substr(where.begin, where.size())),
                                        where});
            return;
        }
        auto& slot = delivery ? delivery_ : publication_;
        if (!slot) slot = d;
    }

    // ---- headings and sections -------------------------------------------------------

    bool heading_line(grammar::heading_match const& h, std::size_t vb, std::size_t ve) {
        std::string_view v = t_.substr(vb, ve - vb);
        switch (h.form) {
            case heading_form::speaker:
                if (v.size() > 400) return false;
                lists_.clear();
                emit(block_kind::heading, vb, ve);
                return true;
            case heading_form::markdown: {
                if (h.text_begin >= v.size()) return false;
                span heading{vb + h.text_begin, ve};
                if (front_ && !doc_.title) doc_.title = heading;
                open_section(h.number, std::nullopt, heading, {vb, ve}, ve);
                return true;
            }
            case heading_form::zh_part:
            case heading_form::roman: {
                bool zh = h.form == heading_form::zh_part;
                std::size_t stop = zh ? v.find("。") : std::string_view::npos;
                std::size_t hend = stop == std::string_view::npos ? ve : vb + stop;
                std::size_t limit = zh ? 60 : 200;
                // 一、… again after 三、… is a numbered list (an annex's 十件民生实事), not a part; once
                // such a list has started, its next number stays an item even where it would fit the parts.
                bool in_sequence = (last_part_ == 0 || h.number == last_part_ + 1) &&
                                   !(zh && part_items_ > 0 && h.number == part_items_ + 1);
                bool short_enough = code_points(vb, hend, limit + 1) <= limit && hend > vb + h.text_begin;
                // `I. M. Pei designed it.` is a sentence: a Roman heading has no full stop in it or at its end
                if (!zh && short_enough) {
                    std::string_view words = v.substr(h.text_begin);
                    char last = words.back();
                    short_enough = last != '.' && last != '!' && last != '?' && last != ';' &&
                                   words.find(". ") == std::string_view::npos && words.find("? ") == std::string_view::npos;
                }
                if (!in_sequence || !short_enough) {
                    if (!zh) return false;
                    if (!in_sequence) {
                        if (part_items_ == 0 || h.number != part_items_ + 1)
                            doc_.diagnostics.push_back(
                                {"heading_sequence", severity::info,
                                 "'" + h.label + "、' does not continue the part numbering; read as a list item",
                                 {vb, vb + h.label.size() + 3}});
                        part_items_ = h.number;
                    }
                    item_line(marker_form::zh_part_item, h.label.size() + 3, h.text_begin, vb, ve);
                    return true;
                }
                last_part_ = h.number;
                part_items_ = 0;
                std::size_t bend = stop == std::string_view::npos ? ve : hend + 3;
                open_section(1, h.label, {vb, hend}, {vb, bend}, ve);
                return true;
            }
            case heading_form::zh_sub: {
                std::size_t stop = v.find("。");
                std::size_t hend = stop == std::string_view::npos ? ve : vb + stop;
                if (hend <= vb + h.text_begin) return false;
                std::size_t bend = stop == std::string_view::npos ? ve : hend + 3;
                open_section(2, h.label, {vb, hend}, {vb, bend}, ve);
                return true;
            }
        }
        return false;
    }

    /// A section and its heading block; the rest of the line (after `。`) opens a paragraph in it.
    void open_section(int level, std::optional<std::string> label, span heading, span heading_block,
                      std::size_t line_end) {
        close_open();
        lists_.clear();
        front_ = false;
        while (!open_sections_.empty() && doc_.sections[static_cast<std::size_t>(open_sections_.back())].level >= level)
            open_sections_.pop_back();
        section s;
        s.id = static_cast<int>(doc_.sections.size());
        if (!open_sections_.empty()) s.parent = open_sections_.back();
        s.level = level;
        s.label = std::move(label);
        s.heading = heading;
        s.whole = heading_block;
        doc_.sections.push_back(std::move(s));
        open_sections_.push_back(doc_.sections.back().id);
        year_from_heading(heading);

        emit(block_kind::heading, heading_block.begin, heading_block.end);

        std::size_t rest = utf8::skip_blank(t_, heading_block.end, line_end);  // blanks between 。 and the body
        if (rest < line_end) start(block_kind::paragraph, rest, line_end);
    }

    std::optional<int> current_section() const {
        if (in_licence_ || open_sections_.empty()) return std::nullopt;
        return open_sections_.back();
    }

    /// The report's year from a heading: `三、2024年政府工作任务`, `III. Major Tasks for 2020`,
    /// or the year after a review heading (`一、2023年工作回顾`).
    void year_from_heading(span h) {
        if (year_task_heading_) return;
        int year = year_in(h);
        if (!year) return;
        if (has_cue(year_task_, h)) year_task_heading_ = year;
        else if (has_cue(year_review_, h) && !year_review_heading_) year_review_heading_ = year + 1;
    }

    /// The first year (1900-2199, four digits on their own) in a span, or 0.
    int year_in(span h) const {
        std::string_view v = t_.substr(h.begin, h.size());
        auto digit = [&](std::size_t k) { return k < v.size() && v[k] >= '0' && v[k] <= '9'; };
        for (std::size_t i = 0; i + 4 <= v.size(); ++i) {
            if (!digit(i) || (i > 0 && digit(i - 1))) continue;
            if (digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)) {
                int y = (v[i] - '0') * 1000 + (v[i + 1] - '0') * 100 + (v[i + 2] - '0') * 10 + (v[i + 3] - '0');
                if (y >= 1900 && y <= 2199) return y;
            }
        }
        return 0;
    }

    /// Whether a cue occurs in the span: the first place where one starts (and ends inside).
    bool has_cue(cue const& c, span h) const {
        std::string_view const t = t_.substr(0, h.end);
        for (std::size_t i = h.begin; i < h.end; i += utf8::sequence_length(static_cast<unsigned char>(t_[i])))
            if (c.m->longest_at(t, i)) return true;
        return false;
    }

    /// A short line of Chinese words standing alone in the body, without any punctuation:
    /// an unnumbered heading (`2024年工作回顾`, `加强政府自身建设`, `附件1`, `名词解释`).
    bool standalone_heading(span w) const {
        std::size_t n = code_points(w.begin, w.end, 21);
        if (w.size() > 80 || n > 20 || n < 2) return false;
        bool han = false;
        for (std::size_t i = w.begin; i < w.end;) {
            auto d = utf8::decode(t_, i);
            if (is_terminal(d.cp) || is_inner_punct(d.cp) || is_opening(d.cp) || is_closing(d.cp) || d.cp == ':')
                return false;
            han |= utf8::is_han(d.cp);
            i += d.length;
        }
        return han;
    }

    // ---- items -----------------------------------------------------------------------

    static std::uint32_t family_of(marker_form f, std::string_view marker) {
        std::uint32_t fam = static_cast<std::uint32_t>(f) << 24;
        if (f == marker_form::symbol) fam |= utf8::decode(marker, 0).cp & 0xFFFFFF;
        return fam;
    }

    void item_line(marker_form form, std::size_t marker_end, std::size_t text_begin, std::size_t vb, std::size_t ve) {
        close_open();
        front_ = false;
        std::string_view v = t_.substr(vb, ve - vb);
        std::string_view marker = v.substr(0, marker_end);
        std::uint32_t fam = family_of(form, marker);
        // `➣ A. ➣ B. ➣ C.`: every later occurrence of the same bullet symbol starts another item.
        std::size_t piece = 0, text = text_begin;  // offsets in v of the current marker and its text
        if (form == marker_form::symbol) {
            for (std::size_t next = v.find(marker, text); next != std::string_view::npos;
                 next = v.find(marker, text)) {
                start_item(fam, marker, vb + piece, trim_back(vb + piece, vb + next), vb + text);
                close_open();
                piece = next;
                text = skip_spaces(vb + piece + marker.size(), ve) - vb;
            }
        }
        start_item(fam, marker, vb + piece, ve, vb + text);
    }

    void start_item(std::uint32_t fam, std::string_view marker, std::size_t b, std::size_t e, std::size_t text) {
        start(block_kind::item, b, e);
        open_.b.marker = std::string(marker);
        open_.family = fam;
        open_.text_begin = std::min(text, e);
    }

    std::size_t trim_back(std::size_t b, std::size_t e) const { return utf8::skip_blank_back(t_, e, b); }

    // ---- plain lines and joining -------------------------------------------------------

    void plain(std::size_t vb, std::size_t ve, bool adjacent, bool force) {
        if (open_.active && adjacent && can_join(vb, ve, force)) return extend(vb, ve);
        start(block_kind::paragraph, vb, ve);
        open_.licence = in_licence_;
    }

    /// Whether a plain line continues the open block: the source broke a sentence, a
    /// number or a title across lines (`74.4` ⏎ `万亿元`, `M` ⏎ `2`, `政府工作报` ⏎ `告`).
    bool can_join(std::size_t vb, std::size_t ve, bool force) const {
        auto const& o = open_;
        if (o.b.kind == block_kind::heading || (o.b.kind == block_kind::meta && !o.licence)) return false;
        if (force) return true;
        char32_t first = utf8::decode(t_, vb).cp;
        if (continues(first)) return true;
        if (o.b.kind == block_kind::item && o.text_begin >= o.b.where.end) return true;  // `——` ⏎ `改革开放`
        std::size_t p = utf8::prev(t_, o.b.where.end);
        char32_t last = utf8::decode(t_, p).cp, eff = last;
        // a soft line break inside a paragraph (in the title block only after a comma: a salutation)
        if (blank_separated_ && (!front_ || last == ',' || last == U'，')) return true;
        while (is_closing(eff) && p > o.b.where.begin) {
            p = utf8::prev(t_, p);
            eff = utf8::decode(t_, p).cp;
        }
        if (ends_sentence(eff)) return false;
        if (is_cjk(last) || is_cjk(first)) {
            // Chinese: a broken sentence, unless the open block is a short title-block line
            // (`2025年四川省政府工作报告` ⏎ `来源…`) and the new line is more than a fragment.
            return o.b.kind == block_kind::item || o.b.where.size() >= 90 || is_opening(last) || open_ended(last) ||
                   code_points(vb, ve, 3) <= 2 || copula_colon(vb, ve) || has_inner_punct(o.b.where.begin, o.b.where.end);
        }
        // English: a word or number broken by a line break, continued in lower case or digits.
        if ((last < 0x80 && utf8::is_ascii_alnum(static_cast<unsigned char>(last))) || last == '-')
            return (first >= 'a' && first <= 'z') || (first >= '0' && first <= '9');
        return false;
    }

    /// `是：` / `为:` at the start of a line: the rest of a lead-in broken before its verb.
    bool copula_colon(std::size_t vb, std::size_t ve) const {
        if (t_.compare(vb, 3, "是") != 0 && t_.compare(vb, 3, "为") != 0) return false;
        std::size_t i = skip_spaces(vb + 3, ve);
        return (i < ve && t_[i] == ':') || (t_.compare(i, 3, "：") == 0 && i + 3 <= ve);
    }

    void start(block_kind kind, std::size_t b, std::size_t e) {
        close_open();
        // Field by field: assigning a whole new open_block moved its optionals and string,
        // with branches that were mispredicted at a good share of the lines.
        open_.active = true;
        open_.b.id = 0;
        open_.b.section = current_section();
        open_.b.kind = kind;
        open_.b.marker.reset();
        open_.b.parent.reset();
        open_.b.where = {b, e};
        open_.family = 0;
        open_.text_begin = 0;
        open_.licence = false;
        open_.absorb_value = false;
    }

    void extend(std::size_t, std::size_t ve) { open_.b.where.end = ve; }

    /// Sentence-inner punctuation within the first 90 bytes (enough for the join rule, which
    /// joins any block of 90 bytes or more).
    bool has_inner_punct(std::size_t b, std::size_t e) const {
        e = std::min(e, b + 90);
        for (std::size_t i = b; i < e;) {
            auto d = utf8::decode(t_, i);
            if (is_inner_punct(d.cp)) return true;
            i += d.length;
        }
        return false;
    }

    /// Code points in [b, e), counted up to `limit`.
    std::size_t code_points(std::size_t b, std::size_t e, std::size_t limit) const {
        if (e - b >= 4 * limit) return limit;  // no code point is longer than four bytes
        std::size_t n = 0;
        for (std::size_t i = b; i < e && n < limit; ++i) n += (static_cast<unsigned char>(t_[i]) & 0xC0) != 0x80;
        return n;
    }

    /// A simple block of one line (metadata, navigation, speaker label).
    void emit(block_kind kind, std::size_t b, std::size_t e, bool keep_open = false) {
        start(kind, b, e);
        if (!keep_open) close_open();
    }

    // ---- closing blocks ----------------------------------------------------------------

    void close_open() {
        if (!open_.active) return;
        open_.active = false;
        block k = std::move(open_.b);
        if (k.kind == block_kind::paragraph) {
            if (open_.licence) {
                k.kind = block_kind::meta;
                k.section.reset();
                return push(std::move(k));
            }
            if (front_) {
                if (!doc_.title && title_like(k.where)) {
                    k.kind = block_kind::heading;
                    doc_.title = k.where;
                    return push(std::move(k));
                }
                if (doc_.title && byline_like(k.where)) {
                    k.kind = block_kind::meta;
                    return push(std::move(k));
                }
                front_ = false;
            }
            lists_.clear();
            if (standalone_heading(k.where)) {
                k.kind = block_kind::heading;
                // `2024年工作回顾` / `2025年工作安排建议` in a report without numbered parts opens a part;
                // after such a part, the next standalone heading (`加强政府自身建设`) opens the next one.
                if (last_part_ == 0 && (standalone_parts_ || (year_in(k.where) && (has_cue(year_task_, k.where) ||
                                                                                  has_cue(year_review_, k.where))))) {
                    standalone_parts_ = true;
                    open_sections_.clear();
                    section s;
                    s.id = static_cast<int>(doc_.sections.size());
                    s.heading = s.whole = k.where;
                    doc_.sections.push_back(std::move(s));
                    open_sections_.push_back(doc_.sections.back().id);
                    year_from_heading(k.where);
                    k.section = open_sections_.back();
                }
                return push(std::move(k));
            }
            // A target list's lead-in (`今年发展主要预期目标是：`, the plan's `主要目标是：`) starts a
            // block: the sentences before it stay a paragraph of their own.
            if (auto s = target_start(k.where); s && *s > k.where.begin) {
                block before = k;
                before.where.end = trim_back(k.where.begin, *s);
                push(std::move(before));
                k.where.begin = *s;
            }
            return push(std::move(k));
        }
        if (k.kind == block_kind::item) return push_item(std::move(k), open_.family, open_.text_begin);
        if (k.kind == block_kind::heading) lists_.clear();
        push(std::move(k));
    }

    /// Whether a sentence ends inside [b, e): `。！？；!?`, `. ` (a full stop before a space
    /// in the span), and `;` where `semicolon` says so.
    bool has_sentence_end(std::size_t b, std::size_t e, bool semicolon) const {
        for (std::size_t i = b; i < e;) {
            auto d = utf8::decode(t_, i);
            if (d.cp == U'。' || d.cp == U'！' || d.cp == U'？' || d.cp == U'；' || d.cp == '!' || d.cp == '?' ||
                (semicolon && d.cp == ';') || (d.cp == '.' && i + 1 < e && t_[i + 1] == ' '))
                return true;
            i += d.length;
        }
        return false;
    }

    bool title_like(span w) const {
        if (code_points(w.begin, w.end, 201) > 200) return false;
        if (has_sentence_end(w.begin, w.end, /*semicolon=*/false)) return false;
        char32_t last = utf8::decode(t_, utf8::prev(t_, w.end)).cp;
        return !(is_terminal(last) || last == ':' || last == U'：' || last == ',' || last == U'，' || last == U'、');
    }

    bool byline_like(span w) const {
        if (code_points(w.begin, w.end, 61) > 60) return false;
        for (std::size_t i = w.begin; i < w.end;) {
            auto d = utf8::decode(t_, i);
            if (is_terminal(d.cp) || d.cp == ':' || d.cp == U'：') return false;
            i += d.length;
        }
        char32_t last = utf8::decode(t_, utf8::prev(t_, w.end)).cp;
        return !(last == ',' || last == U'，' || last == U'、');
    }

    /// Start of the sentence that introduces the main targets (`今年发展主要预期目标是：`,
    /// `主要预期目标为：`, `主要预期目标是:`, `…发展的⏎主要预期目标⏎是：`), if the block holds one.
    /// The first lead-in at a full-width colon wins, unless a lead-in at an ASCII colon comes
    /// before the sentence that one starts.
    std::optional<std::size_t> target_start(span w) const {
        std::optional<std::size_t> ascii;    // start of the first lead-in at an ASCII colon
        std::size_t ascii_colon = w.end;     // and that colon
        for (std::size_t i = w.begin; (i = find_colon(i, w.end)) < w.end;) {
            bool const wide = t_[i] != ':';
            if (!wide && ascii) {
                i += 1;
                continue;
            }
            if (auto s = lead_in_before(w, i)) {
                if (wide) return ascii && ascii_colon < *s ? ascii : s;
                ascii = s;
                ascii_colon = i;
            }
            i += wide ? 3 : 1;
        }
        return ascii;
    }

    /// The first colon, `:` or `：` (EF BC 9A), that lies in [from, to), or `to`. Colons are
    /// rare: SSE2 compares 32 places at a time, all three bytes of `：` (its last byte alone
    /// also ends many Chinese characters: a test on it would branch unpredictably). It reads
    /// on past `to` (inside the text) rather than finish byte by byte.
    std::size_t find_colon(std::size_t from, std::size_t to) const {
        auto const* s = reinterpret_cast<unsigned char const*>(t_.data());
        std::size_t i = from;
#if defined(__SSE2__)
        auto load = [&](std::size_t at) { return _mm_loadu_si128(reinterpret_cast<__m128i const*>(s + at)); };
        using simd::eq;
        // Where `:` or `：` starts in [at, at + 16), as bits.
        auto colons = [&](std::size_t at) {
            __m128i const first = load(at);
            __m128i const wide = _mm_and_si128(_mm_and_si128(eq(first, '\xEF'), eq(load(at + 1), '\xBC')), eq(load(at + 2), '\x9A'));
            return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(eq(first, ':'), wide)));
        };
        std::size_t const last = t_.size() >= 2 + 32 ? std::min(to, t_.size() - 2 - 32 + 1) : 0;
        // The colon found at p (maybe past `to`) if it lies in [from, to), else `to`.
        auto inside = [&](std::size_t p) { return p + (s[p] == ':' ? 1 : 3) <= to ? p : to; };
#if REPORTX_AVX2_PATHS
        // Leaves i at or past `last`, so that the SSE2 loop below does not run.
        if (avx2_on().load(std::memory_order_relaxed))
            if (std::size_t const p = find_colon_avx2(s, i, last); p != std::string_view::npos) return inside(p);
#endif
        for (; i < last; i += 32) {
            if (auto bits = colons(i) | colons(i + 16) << 16)
                return inside(i + static_cast<std::size_t>(__builtin_ctz(bits)));
        }
#endif
        for (; i < to; ++i)
            if (s[i] == ':' || (i + 3 <= to && s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] == 0x9A)) return i;
        return to;
    }

    /// The start of the sentence whose lead-in (phrase, 是/为, blanks) ends at the colon at `colon`.
    std::optional<std::size_t> lead_in_before(span w, std::size_t colon) const {
        std::size_t q = trim_back(w.begin, colon);
        if (q < w.begin + 3) return std::nullopt;
        std::string_view copula = t_.substr(q - 3, 3);
        if (copula != "是" && copula != "为") return std::nullopt;
        q = trim_back(w.begin, q - 3);
        auto m = target_.m->longest_ending_at(t_, q);
        if (!m || m->begin < w.begin) return std::nullopt;
        // back to the end of the previous sentence
        std::size_t s = m->begin;
        while (s > w.begin) {
            std::size_t p = utf8::prev(t_, s);
            if (is_terminal(utf8::decode(t_, p).cp)) break;
            s = p;
        }
        return utf8::skip_blank(t_, s, m->begin);
    }

    void push_item(block&& k, std::uint32_t fam, std::size_t text_begin) {
        // A lead-in that ends with a colon and is followed by a list is a heading block.
        if (!doc_.blocks.empty()) {
            auto& prev = doc_.blocks.back();
            if (prev.kind == block_kind::paragraph && prev.section == k.section && lists_.empty() && lead_in(prev.where))
                prev.kind = block_kind::heading;
        }
        // Nesting: the same marker again is a sibling (of the nearest item with that marker:
        // `Point 2:` after Point 1's ➣ children); another marker after an item that does not
        // end its sentence (`Point 1: … are`) is its child. The stack holds one entry per
        // marker kind at most, so this stays constant time per item.
        auto same = std::find_if(lists_.rbegin(), lists_.rend(), [&](list_entry const& e) { return e.family == fam; });
        if (same != lists_.rend()) lists_.erase(std::prev(same.base()), lists_.end());
        else if (lists_.empty() || !lists_.back().opens) lists_.clear();
        if (!lists_.empty()) k.parent = lists_.back().id;
        bool opens = false;
        if (text_begin < k.where.end) {
            char32_t last = utf8::decode(t_, utf8::prev(t_, k.where.end)).cp;
            opens = !is_terminal(last) || last == ':' || last == U'：';
            opens = opens && !is_closing(last);
        }
        push(std::move(k));
        lists_.push_back({doc_.blocks.back().id, fam, opens});
    }

    /// `Highlights of this year's energy work:` — one sentence ending with a colon.
    bool lead_in(span w) const {
        std::size_t p = utf8::prev(t_, w.end);
        char32_t last = utf8::decode(t_, p).cp;
        if (last != ':' && last != U'：') return false;
        return !has_sentence_end(w.begin, p, /*semicolon=*/true);
    }

    void push(block&& k) {
        k.id = static_cast<int>(doc_.blocks.size());
        if (front_) ++front_blocks_;
        for (auto s = k.section; s;) {
            auto& sec = doc_.sections[static_cast<std::size_t>(*s)];
            if (sec.whole.end < k.where.end) sec.whole.end = k.where.end;
            s = sec.parent;
        }
        doc_.blocks.push_back(std::move(k));
    }

    // ---- document fields ---------------------------------------------------------------

    void finish() {
        auto const& d = delivery_ ? delivery_ : publication_;
        if (d) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
            doc_.date = buf;
        }
        if (options_.year) doc_.year = options_.year;
        else if (d) doc_.year = d->year;
        else if (year_task_heading_) doc_.year = year_task_heading_;
        else if (year_review_heading_) doc_.year = year_review_heading_;
        doc_.lang = options_.lang ? *options_.lang : detect_lang();
    }

    std::string detect_lang() const {
        // Han ideographs (UTF-8 lead bytes E4..E9 cover U+4000..U+9FFF) against ASCII letters,
        // counted thirty-two bytes at a time with AVX2, sixteen with SSE2. The count stops once the bytes
        // left could not make it "en" even if every one were a letter (a Chinese text after
        // about a third of its bytes).
        auto const* s = reinterpret_cast<unsigned char const*>(t_.data());
        std::size_t han = 0, latin = 0, i = 0;
#if REPORTX_AVX2_PATHS
        if (avx2_on().load(std::memory_order_relaxed)) {
            while (i + 32 <= t_.size()) {
                std::size_t const blocks = std::min<std::size_t>((t_.size() - i) / 32, 255);
                count_lang_avx2(s, i, blocks, han, latin);
                i += 32 * blocks;
                if (han * 8 > latin + (t_.size() - i)) return "zh";
            }
        }
#endif
#if defined(__SSE2__)
        // Per-byte counters (a match subtracts -1), summed every 255 blocks before they wrap.
        while (i + 16 <= t_.size()) {
            __m128i h = _mm_setzero_si128(), l = _mm_setzero_si128();
            for (int k = 0; k < 255 && i + 16 <= t_.size(); ++k, i += 16) {
                __m128i v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(s + i));
                h = _mm_sub_epi8(h, simd::in_range(v, static_cast<char>(0xE4), 5));
                l = _mm_sub_epi8(l, simd::ascii_letters(v));
            }
            auto sum = [](__m128i c) {
                __m128i t = _mm_sad_epu8(c, _mm_setzero_si128());
                return static_cast<std::size_t>(_mm_cvtsi128_si32(t) + _mm_extract_epi16(t, 4));
            };
            han += sum(h);
            latin += sum(l);
            if (han * 8 > latin + (t_.size() - i)) return "zh";
        }
#endif
        for (; i < t_.size(); ++i) {
            unsigned char const c = s[i];
            han += c >= 0xE4 && c <= 0xE9;
            latin += ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        }
        return han * 8 > latin ? "zh" : "en";
    }

    document& doc_;
    std::string_view t_;
    parse_options const& options_;
    lexicon const& lex_;
    std::shared_ptr<lexicon const> builtin_;
    cue meta_key_, nav_, licence_, target_, year_task_, year_review_;

    char eol_ = '\n';
    bool blank_separated_ = false;  // paragraphs are separated by blank lines (see detect_layout)
    bool gap_ = true;          // a blank line (or the start) since the last content line
    bool zw_pending_ = false;  // a zero-width-only line since the last content line
    bool prev_nav_ = false;
    bool front_ = true;        // still in the title block
    int front_blocks_ = 0;
    bool in_licence_ = false;
    int last_part_ = 0;
    bool standalone_parts_ = false;  // parts are unnumbered standalone headings (2024年工作回顾)
    int part_items_ = 0;  // last number of a 一、二、… list that is not the parts
    open_block open_;
    std::vector<int> open_sections_;
    std::vector<list_entry> lists_;
    std::optional<grammar::date_match> delivery_, publication_;
    std::optional<int> year_task_heading_, year_review_heading_;
};

}  // namespace

void build_structure(document& doc, parse_options const& options, lexicon const& lex) {
    builder(doc, options, lex).run();
}

}  // namespace reportx::detail
