// UTF-8 validation, the lexicon format and matcher, code-point offsets and JSON.
#include <doctest/doctest.h>

#include "avx2.hpp"  // detail::use_avx2
#include "support.hpp"

using namespace reportx;

TEST_CASE("utf8: invalid input is reported with byte offset, line and column") {
    CHECK(utf8::find_invalid("GDP growth of around 5%") == std::string_view::npos);
    CHECK(utf8::find_invalid("增长5%左右") == std::string_view::npos);
    CHECK(utf8::find_invalid("ab\xC0\xAF") == 2);        // overlong '/'
    CHECK(utf8::find_invalid("\xED\xA0\x80") == 0);      // a surrogate
    CHECK(utf8::find_invalid("增长\xE5\xA2") == 6);       // truncated at the end
    try {
        utf8::validate("第一行\n增长\xFF" "5%");
        FAIL("no error");
    } catch (parse_error const& e) {
        CHECK(e.byte_offset() == 16);
        CHECK(e.line() == 2);
        CHECK(e.column() == 3);
    }
    CHECK_THROWS_AS((void)parse(std::string("ok\x80")), parse_error);
}

namespace {
// The first invalid byte by the definition (RFC 3629's table of well-formed sequences),
// one sequence at a time: what find_invalid's block-wise checking must agree with.
std::size_t first_invalid_by_definition(std::string_view t) {
    struct row {
        unsigned char lo, hi;        // lead byte range
        unsigned char second_lo, second_hi;
        int continuations;
    };
    static constexpr row table[] = {{0xC2, 0xDF, 0x80, 0xBF, 1}, {0xE0, 0xE0, 0xA0, 0xBF, 2}, {0xE1, 0xEC, 0x80, 0xBF, 2},
                                    {0xED, 0xED, 0x80, 0x9F, 2}, {0xEE, 0xEF, 0x80, 0xBF, 2}, {0xF0, 0xF0, 0x90, 0xBF, 3},
                                    {0xF1, 0xF3, 0x80, 0xBF, 3}, {0xF4, 0xF4, 0x80, 0x8F, 3}};
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(t[k]); };
    std::size_t at = 0;
    while (at < t.size()) {
        if (byte(at) < 0x80) { ++at; continue; }
        row const* r = nullptr;
        for (auto const& candidate : table)
            if (byte(at) >= candidate.lo && byte(at) <= candidate.hi) r = &candidate;
        if (!r || at + static_cast<std::size_t>(r->continuations) >= t.size()) return at;
        if (byte(at + 1) < r->second_lo || byte(at + 1) > r->second_hi) return at;
        for (int k = 2; k <= r->continuations; ++k)
            if (byte(at + static_cast<std::size_t>(k)) < 0x80 || byte(at + static_cast<std::size_t>(k)) > 0xBF) return at;
        at += 1 + static_cast<std::size_t>(r->continuations);
    }
    return std::string_view::npos;
}
}  // namespace

TEST_CASE("utf8: find_invalid agrees with the definition on long mixed text with one bad byte") {
    // Long enough for the block-wise path; every kind of sequence, the restricted leads
    // (E0, ED, F0, F4) among them; then one byte overwritten (often a lead byte or the one
    // after it), dropped or cut off.
    static constexpr char const* pieces[] = {"a", " ", "\n", "5%", "\xC3\xA9", "增", "长", "：", "，",
                                             "\xE0\xA0\x80", "\xED\x9F\xBF", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF"};
    static constexpr unsigned char bytes[] = {0x00, 0x41, 0x7F, 0x80, 0x9A, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                              0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    std::uint32_t seed = 12345;
    auto next = [&](std::size_t bound) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % static_cast<std::uint32_t>(bound);
    };
    // Each round draws mostly from one stretch of the pieces (ASCII text, Chinese text, or
    // all of them), now and then from any.
    static constexpr std::uint32_t stretches[][2] = {{0, 4}, {4, 5}, {0, std::size(pieces)}};
    // With AVX2 (where the processor has it) and without: odd rounds take the SSE2 path.
    bool const had = detail::use_avx2(true);
    for (int round = 0; round < 12000; ++round) {
        detail::use_avx2(round % 2 == 0);
        std::string t;
        std::size_t const length = 60 + next(300);
        auto const [first, count] = stretches[round % 3];
        while (t.size() < length) t += pieces[next(4) ? first + next(count) : next(std::size(pieces))];
        REQUIRE(utf8::find_invalid(t) == std::string_view::npos);
        std::size_t at = next(t.size());
        auto const other = static_cast<char>(bytes[next(std::size(bytes))]);
        switch (round / 3 % 4) {
            case 0: t[at] = other; break;
            case 1: t.erase(at, 1); break;
            case 2: t.resize(at); break;
            default:  // a lead byte, or the byte after it, where the restricted ranges lie
                while (at + 1 < t.size() && static_cast<unsigned char>(t[at]) < 0xC0) ++at;
                t[std::min(at + next(2), t.size() - 1)] = other;
                break;
        }
        CHECK(utf8::find_invalid(t) == first_invalid_by_definition(t));
    }
    detail::use_avx2(had);
}

TEST_CASE("utf8: the lead-byte test of skip_blank lets every blank of the BMP through") {
    // skip_blank and skip_blank_back decode only where may_begin_blank holds: a blank whose
    // first byte it turned down would never be skipped.
    std::vector<char32_t> missed, wrong_skip;
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates are no characters
        std::string const b = rxtest::utf8_of(cp);
        bool const blank = utf8::is_blank(cp);
        if (blank != (utf8::is_space(cp) || utf8::is_zero_width(cp))) missed.push_back(cp);
        if (blank && !utf8::may_begin_blank(static_cast<unsigned char>(b[0]))) missed.push_back(cp);
        std::string const fwd = b + "a", back = "a" + b;
        if (utf8::skip_blank(fwd, 0, fwd.size()) != (blank ? b.size() : 0) ||
            utf8::skip_blank_back(back, back.size(), 0) != (blank ? 1 : back.size()))
            wrong_skip.push_back(cp);
    }
    CHECK(missed.empty());
    CHECK(wrong_skip.empty());
    CHECK(utf8::skip_blank("\xE3\x80\x80 \xC2\xA0\xEF\xBB\xBF\xE2\x80\x83增长", 0, 18) == 12);
    CHECK(utf8::skip_blank_back("增长\xE3\x80\x80 \xC2\xA0\xEF\xBB\xBF\xE2\x80\x83", 18, 0) == 6);
    CHECK(utf8::skip_blank_back("增长\xE3\x80\x80", 9, 6) == 6);
}

TEST_CASE("codepoint_index: byte offsets become code points") {
    std::string t = "增长5.2%，GDP";
    codepoint_index cp(t);
    CHECK(cp(0) == 0);
    CHECK(cp(3) == 1);
    CHECK(cp(6) == 2);
    CHECK(cp(t.size()) == 10);
    std::string big(1000, 'a');
    big += "左右";
    codepoint_index cb(big);
    CHECK(cb(big.size()) == 1002);
    CHECK(cb(1003) == 1001);
}

TEST_CASE("lexicon: the file format, with errors naming file and line") {
    auto lex = lexicon::from_text(
        "# comment\n"
        "topic\tenergy.photovoltaics\tPhotovoltaics\t-\tphotovoltaic|photovoltaics|PV|光伏\n"
        "topic\tgroup.new_three\tThe new three\t-\tthe new three|新三样\tindustry.ev|energy.photovoltaics\n"
        "verb\tpromote\t-\t3\tpromote|推动\n",
        "mine.tsv");
    REQUIRE(lex.entries().size() == 3);
    CHECK(lex.entries()[1].expands.size() == 2);
    CHECK(lex.entries()[2].weight == 3);
    auto const& m = lex.match("topic");
    std::string t = "Photovoltaic products, PV panels and 光伏 but not pv or photovoltaicity";
    std::vector<lexicon_match> hits;
    m.find_all(t, 0, t.size(), hits);
    REQUIRE(hits.size() == 3);
    CHECK(t.substr(hits[0].begin, hits[0].end - hits[0].begin) == "Photovoltaic");
    CHECK(t.substr(hits[1].begin, hits[1].end - hits[1].begin) == "PV");
    CHECK(t.substr(hits[2].begin, hits[2].end - hits[2].begin) == "光伏");
    auto back = lex.match("verb").longest_ending_at("we will 推动", std::string("we will 推动").size());
    REQUIRE(back);
    CHECK(back->begin == 8);
    // a space in an alias matches a line break or several spaces
    std::vector<lexicon_match> h2;
    std::string t2 = "the new\n  three";
    m.find_all(t2, 0, t2.size(), h2);
    REQUIRE(h2.size() == 1);
    CHECK(lex.entry(h2[0].entry).id == "group.new_three");

    CHECK_THROWS_WITH_AS((void)lexicon::from_text("topic\tx\t-\t-\n", "bad.tsv"),
                         doctest::Contains("bad.tsv:1: expected 5 or 6"), lexicon_error);
    CHECK_THROWS_WITH_AS((void)lexicon::from_text("\n\ntopic\tx\t-\tstrong\ta\n", "bad.tsv"),
                         doctest::Contains("bad.tsv:3: weight 'strong'"), lexicon_error);
    CHECK_THROWS_WITH_AS((void)lexicon::from_text("topic\tx\t-\t-\ta||b\n", "bad.tsv"),
                         doctest::Contains("empty alias"), lexicon_error);
}

TEST_CASE("lexicon: user entries extend or replace the built-ins") {
    auto user = lexicon::from_text("metric\tsolar_capacity\tSolar capacity\t-\tsolar capacity|光伏装机\n");
    auto both = lexicon::builtin()->merged(user);
    CHECK(both.find("metric", "solar_capacity"));
    CHECK(both.find("metric", "gdp_growth"));
    auto only = lexicon::builtin()->merged(user, true);
    CHECK(only.find("metric", "solar_capacity"));
    CHECK_FALSE(only.find("metric", "gdp_growth"));
}

TEST_CASE("json: code-point offsets, escapes and empty tables keep their shape") {
    auto doc = parse("标题\n增长\"好的\"\n", {.doc_id = "t"});  // no number: an empty statements table
    auto j = to_json(doc);
    CHECK(j.find("\"schema\":\"reportx/1\"") != std::string::npos);
    CHECK(j.find("\"length\":10") != std::string::npos);
    CHECK(j.find("增长\\\"好的\\\"") != std::string::npos);
    CHECK(j.find("\"statements\":[]") != std::string::npos);
    auto t = make_table(doc, "statements");
    CHECK(t.rows == 0);
    CHECK(t.find("metric_id"));
    CHECK_THROWS_AS((void)make_table(doc, "nope"), std::invalid_argument);
}

TEST_CASE("lexicon_scanner: one pass finds what each kind's matcher finds, at every place") {
    // The stages read the one-pass scan instead of asking each matcher; on real text in
    // both languages the two must agree on every start, end and entry.
    auto lex = lexicon::builtin();
    std::vector<std::string> kinds{"topic", "verb", "modifier", "connector", "metric", "direction"};
    auto scanner = lex->scanner(kinds);
    CHECK(lex->scanner(kinds) == scanner);  // built once, then kept
    for (auto const* name : {"seed-2024-summary-en.txt", "gwr-2024-zh.txt", "other-za-sona-2022-en.txt"}) {
        std::string text = rxtest::corpus(name);
        std::size_t n = std::min<std::size_t>(text.size(), 60000);
        while (n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // a character start
        std::string_view t = std::string_view(text).substr(0, n);
        std::vector<std::vector<lexicon_match>> hits;
        scanner->scan(t, 0, t.size(), hits);
        REQUIRE(hits.size() == kinds.size());
        std::size_t total = 0;
        for (std::size_t k = 0; k < kinds.size(); ++k) {
            auto const& m = lex->match(kinds[k]);
            std::vector<lexicon_match> expected;
            for (std::size_t p = 0; p < t.size(); ++p)
                if ((static_cast<unsigned char>(t[p]) & 0xC0) != 0x80)
                    if (auto r = m.longest_at(t, p)) expected.push_back(*r);
            INFO(name, " kind ", kinds[k]);
            REQUIRE(hits[k].size() == expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i) {
                CHECK(hits[k][i].begin == expected[i].begin);
                CHECK(hits[k][i].end == expected[i].end);
                CHECK(hits[k][i].entry == expected[i].entry);
            }
            total += expected.size();
            // leftmost_longest over the hits is matcher::find_all
            std::vector<lexicon_match> a, b;
            leftmost_longest(hits[k], 0, t.size(), a);
            m.find_all(t, 0, t.size(), b);
            CHECK(a.size() == b.size());
        }
        CHECK(total > 100);  // the text is full of them
    }
}

namespace {

// The matching rules of lexicon.hpp read literally, one alias at a time: ASCII letters
// fold case unless the alias is an acronym (an upper-case letter after its first; the
// text must then equal it as written), a space matches a run of ASCII white space, and
// a match must not start or end inside an ASCII word. The end of the alias's match at
// pos, or npos.
bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_alnum_at(std::string_view t, std::size_t i) {
    return i < t.size() && utf8::is_ascii_alnum(static_cast<unsigned char>(t[i]));
}
std::size_t reference_match(std::string_view t, std::size_t pos, std::string_view a) {
    bool acronym = false;
    for (std::size_t k = 1; k < a.size(); ++k) acronym |= a[k] >= 'A' && a[k] <= 'Z';
    std::size_t end = std::string_view::npos;
    if (acronym) {
        if (t.substr(pos, a.size()) == a) end = pos + a.size();
    } else {
        auto fold = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
        std::size_t i = pos, k = 0;
        for (; k < a.size(); ++k) {
            if (is_ws(a[k])) {
                if (i >= t.size() || !is_ws(t[i])) break;
                while (i < t.size() && is_ws(t[i])) ++i;
                while (k + 1 < a.size() && is_ws(a[k + 1])) ++k;
            } else if (i < t.size() && fold(t[i]) == fold(a[k])) {
                ++i;
            } else {
                break;
            }
        }
        if (k == a.size()) end = i;
    }
    if (end == std::string_view::npos) return end;
    if (pos > 0 && is_alnum_at(t, pos - 1) && is_alnum_at(t, pos)) return std::string_view::npos;
    if (is_alnum_at(t, end - 1) && is_alnum_at(t, end)) return std::string_view::npos;
    return end;
}

}  // namespace

TEST_CASE("matcher: longest_at and longest_ending_at agree with the rules read one alias at a time, on real text") {
    auto lex = lexicon::builtin();
    for (auto const* kind : {"topic", "verb", "unit", "metric", "direction", "number", "scale", "qualifier"}) {
        std::vector<std::pair<std::string_view, std::uint32_t>> aliases;
        for (std::uint32_t e = 0; e < lex->entries().size(); ++e)
            if (lex->entries()[e].kind == kind)
                for (auto const& a : lex->entries()[e].aliases) aliases.emplace_back(a, e);
        REQUIRE(!aliases.empty());
        auto const& m = lex->match(kind);
        for (auto const* name : {"seed-2024-summary-en.txt", "gwr-2024-zh.txt"}) {
            std::string text = rxtest::corpus(name);
            std::size_t n = std::min<std::size_t>(text.size(), 20000);
            while (n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
            // and a line of the variants the rules are about: case, acronyms, white-space runs
            text = text.substr(0, n) +
                   "\nPV pv Pv GDP gdp Gdp CPI cpi new  energy\nvehicles New Energy Vehicles NEW\tENERGY VEHICLES "
                   "photovoltaics photovoltaicss wind power windpower 5G 5g 新能源汽车 光伏PV 推动 is to grow by 3 percent\n";
            std::string_view t = text;
            // Every match by the rules: ends[p] holds the ends of the matches starting at p.
            std::vector<std::vector<std::size_t>> ends(t.size() + 1);
            for (std::size_t p = 0; p < t.size(); ++p)
                if ((static_cast<unsigned char>(t[p]) & 0xC0) != 0x80)
                    for (auto const& [a, e] : aliases)
                        if (std::size_t end = reference_match(t, p, a); end != std::string_view::npos) ends[p].push_back(end);
            std::size_t found = 0;
            for (std::size_t p = 0; p < t.size(); ++p) {
                if ((static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) continue;
                // forward: the longest match starting at p
                std::size_t want = std::string_view::npos;
                for (std::size_t end : ends[p])
                    if (want == std::string_view::npos || end > want) want = end;
                auto got = m.longest_at(t, p);
                INFO(name, " kind ", kind, " at ", p);
                REQUIRE(got.has_value() == (want != std::string_view::npos));
                if (got) {
                    ++found;
                    CHECK(got->end == want);
                    bool entry_matches = false;  // the entry it names has an alias that matches there
                    for (auto const& a : lex->entries()[got->entry].aliases)
                        entry_matches |= lex->entries()[got->entry].kind == kind && reference_match(t, p, a) == want;
                    CHECK(entry_matches);
                }
            }
            // backward: the longest match ending at each place
            std::vector<std::size_t> earliest(t.size() + 1, std::string_view::npos);
            for (std::size_t p = t.size(); p-- > 0;)
                for (std::size_t end : ends[p]) earliest[end] = p;
            for (std::size_t end = 1; end <= t.size(); ++end) {
                if (end < t.size() && (static_cast<unsigned char>(t[end]) & 0xC0) == 0x80) continue;
                auto got = m.longest_ending_at(t, end);
                INFO(name, " kind ", kind, " ending at ", end);
                REQUIRE(got.has_value() == (earliest[end] != std::string_view::npos));
                if (got) CHECK(got->begin == earliest[end]);
            }
            if (std::string_view(kind) == "topic" || std::string_view(kind) == "verb") CHECK(found > 20);
        }
    }
}

TEST_CASE("lexicon_scanner: a user's alias that begins with white space or a control character is found") {
    // The scan passes over blanks in English text unless an alias can begin with one.
    std::vector<lexicon_entry> entries(2);
    entries[0].kind = entries[1].kind = "topic";
    entries[0].id = "x";
    entries[0].aliases = {" x"};
    entries[1].id = "page";
    entries[1].aliases = {"\fpage"};
    auto lex = lexicon::from_entries(entries);
    for (std::size_t tail : {0, 40}) {  // short text (byte by byte) and long (sixteen bytes at a time)
        std::string text = "q \fpage x" + std::string(tail, '.');
        std::vector<std::vector<lexicon_match>> hits;
        lex.scanner({"topic"})->scan(text, 0, text.size(), hits);
        INFO("tail ", tail);
        REQUIRE(hits[0].size() == 2);
        CHECK(hits[0][0].begin == 2);
        CHECK(hits[0][0].end == 7);
        CHECK(hits[0][1].begin == 7);
        CHECK(hits[0][1].end == 9);
    }
}

TEST_CASE("lexicon: a kind with more alias prefixes than the trie holds is a clear error") {
    // 2^20 - 1 distinct prefixes per trie: 120k random twelve-letter aliases have more.
    std::vector<lexicon_entry> entries(1);
    entries[0].kind = "topic";
    entries[0].id = "many";
    std::uint64_t x = 88172645463325252ull;
    for (int i = 0; i < 120000; ++i) {
        std::string a;
        for (int k = 0; k < 12; ++k) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            a += static_cast<char>('a' + x % 26);
        }
        entries[0].aliases.push_back(std::move(a));
    }
    try {
        (void)lexicon::from_entries(entries);
        FAIL("no error");
    } catch (std::length_error const& e) {
        CHECK(std::string(e.what()).find("distinct alias prefixes") != std::string::npos);
    }
}

TEST_CASE("matcher: the longest alias that keeps the word boundary wins") {
    auto lex = lexicon::from_text("topic\tcoal\tcoal\t-\tcoal\n"
                                  "topic\tcoal_power\tcoal power\t-\tcoal power\n",
                                  "t.tsv");
    auto const& m = lex.match("topic");
    auto r = m.longest_at("coal powers", 0);  // `coal power` would end inside a word
    REQUIRE(r);
    CHECK(r->end == 4);
    r = m.longest_at("Coal  power plants", 0);
    REQUIRE(r);
    CHECK(r->end == 11);
    CHECK_FALSE(m.longest_at("charcoal", 4));
    r = m.longest_ending_at("use coal power", 14);
    REQUIRE(r);
    CHECK(r->begin == 4);
}
