// Lexicons as user data from C++: extend or replace the built-in topics, verbs and
// modifiers; bad files name the file, the line and the problem.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "support.hpp"
#include "avx2.hpp"  // detail::use_avx2

using namespace reportx;

namespace {

std::filesystem::path write_tmp(std::string const& name, std::string const& content) {
    auto p = std::filesystem::temp_directory_path() / ("reportx-topics-" + name);
    std::ofstream(p, std::ios::binary) << content;
    return p;
}

void expect_error(std::string const& content, std::size_t line, std::string const& problem_part) {
    auto p = write_tmp("bad.tsv", content);
    try {
        (void)lexicon::from_file(p);
        FAIL("no error for: " << content);
    } catch (lexicon_error const& e) {
        CHECK(e.file() == p.string());
        CHECK(e.line() == line);
        CHECK_MESSAGE(e.problem().find(problem_part) != std::string::npos, e.problem());
        CHECK(std::string(e.what()).find(p.string() + ":" + std::to_string(line)) == 0);
    }
    std::filesystem::remove(p);
}

// Checks that a scan of one kind finds, at each place of the text, the longest match the
// matcher finds there (the scan's own way to the same answer); returns how many there are.
std::size_t scan_agrees_with_matcher(lexicon_scanner const& scanner, matcher const& matcher, std::string const& text) {
    std::vector<std::vector<lexicon_match>> out;
    scanner.scan(text, 0, text.size(), out);
    std::vector<std::pair<std::size_t, std::size_t>> got, want;
    for (auto const& m : out[0]) got.emplace_back(m.begin, m.end);
    for (std::size_t p = 0; p < text.size(); ++p)
        if ((static_cast<unsigned char>(text[p]) & 0xC0) != 0x80)
            if (auto m = matcher.longest_at(text, p)) want.emplace_back(m->begin, m->end);
    CHECK_MESSAGE(got == want, text);
    return want.size();
}

}  // namespace

TEST_CASE("lexicon (user): the built-in lexicon has the topic, verb, modifier and connector kinds") {
    auto lex = lexicon::builtin();
    CHECK(!lex->match("topic").empty());
    CHECK(!lex->match("verb").empty());
    CHECK(!lex->match("modifier").empty());
    CHECK(!lex->match("connector").empty());
    auto const* pv = lex->find("topic", "energy.photovoltaics");
    REQUIRE(pv);
    for (char const* alias : {"photovoltaic products", "PV", "光伏", "solar"})
        CHECK(std::find(pv->aliases.begin(), pv->aliases.end(), std::string(alias)) != pv->aliases.end());
    auto const* promote = lex->find("verb", "promote");
    REQUIRE(promote);
    CHECK(promote->aliases == std::vector<std::string>{"promote", "promotes", "promoting", "promoted"});
    // every group alias expands to ids that exist
    for (auto const& e : lex->entries())
        if (e.kind == "topic")
            for (auto const& id : e.expands) CHECK_MESSAGE(lex->find("topic", id), id);
}

TEST_CASE("lexicon (user): bad files name file, line and problem") {
    expect_error("# my topics\n\ntopic\tenergy.geo\tgeothermal\t-\n", 3, "expected 5 or 6 tab-separated columns");
    expect_error("topic\tenergy.geo\tgeothermal\t-\tgeothermal\nverb\tboldly\t-\tstrong\tboldly\n", 2,
                 "weight 'strong' is not a number");
    expect_error("topic\tenergy.geo\tgeothermal\t-\tgeothermal||地热\n", 1, "empty alias");
    expect_error("Topic\tenergy.geo\tgeothermal\t-\tgeothermal\n", 1, "kind 'Topic'");
    expect_error("topic\t\tgeothermal\t-\tgeothermal\n", 1, "empty id");
    expect_error("topic\tenergy.geo\t-\t-\tgeothermal\nmodifier\tx\t-\t1\tx\t-\textra\n", 2, "columns");
    expect_error("topic\tenergy.geo\t-\t-\t\xE5\x9C\n", 1, "UTF-8");
    try {
        (void)lexicon::from_file("/nonexistent/reportx/mine.tsv");
        FAIL("no error");
    } catch (lexicon_error const& e) {
        CHECK(e.file() == "/nonexistent/reportx/mine.tsv");
        CHECK(e.problem().find("cannot open") != std::string::npos);
    }
}

TEST_CASE("lexicon (user): a file extends the verbs, modifiers and topics used by parse") {
    auto p = write_tmp("mine.tsv",
                       "# kind\tid\tlabel\tweight\taliases\texpands\n"
                       "verb\tdecarbonise\t-\t2.5\tdecarbonise|decarbonises|decarbonising\n"
                       "modifier\tboldly\t-\t1.2\tboldly\n"
                       "topic\tindustry.steel\tsteel\t-\tsteel|钢铁\n"
                       "topic\tgroup.heavy\theavy industry\t-\theavy industries\tindustry.steel|energy.coal\n");
    parse_options opt;
    opt.lexicon = std::make_shared<lexicon const>(lexicon::builtin()->merged(lexicon::from_file(p)));
    auto doc = parse("We will boldly decarbonise steel and the heavy industries.", opt);
    REQUIRE(doc.actions.size() == 1);
    auto const& a = doc.actions[0];
    CHECK(a.verb == "decarbonise");
    CHECK(a.modifiers == std::vector<std::string>{"boldly"});
    CHECK(a.intensity == doctest::Approx(3.7));
    CHECK(doc.slice(*a.object) == "steel and the heavy industries");
    CHECK(a.topics == std::vector<std::string>{"industry.steel", "energy.coal"});
    REQUIRE(doc.topics.size() == 4);  // "decarbonise" is also a built-in climate.emissions alias
    CHECK(doc.topics[0].id == "climate.emissions");
    CHECK(doc.topics[3].label == "coal and coal power");  // a user group pointing at a built-in id
    // Without the user's file none of it is found.
    auto plain = parse("We will boldly decarbonise steel.");
    CHECK(plain.actions.empty());
    REQUIRE(plain.topics.size() == 1);
    CHECK(plain.topics[0].id == "climate.emissions");
    // replace: every kind the file defines (verb, modifier, topic) comes from it alone
    opt.lexicon = std::make_shared<lexicon const>(lexicon::builtin()->merged(lexicon::from_file(p), true));
    doc = parse("Promote solar power and decarbonise steel.", opt);
    REQUIRE(doc.actions.size() == 1);
    CHECK(doc.actions[0].verb == "decarbonise");
    std::filesystem::remove(p);
}

TEST_CASE("lexicon (user): what the stages derive from a lexicon serves parses on several threads, and copies") {
    // The stages keep tables built from a lexicon with it (lexicon::derived): a user's
    // lexicon must give the same document on every thread at once, and so must a copy of
    // it that outlives the original.
    auto user = lexicon::from_text("unit\tbarrel\tbarrels\t1\tbarrels|桶\n"
                                   "verb\tdecarbonise\t-\t2.5\tdecarbonise\n");
    auto lex = std::make_shared<lexicon const>(lexicon::builtin()->merged(user));
    std::string const text =
        "We will decarbonise steel. Output reached 3.5 million barrels in 2023, up 4 percent.\n"
        "原油产量达到2亿桶，比上年增长3%。";
    parse_options opt;
    opt.lexicon = lex;
    auto const expected = to_json(parse(text, opt));
    CHECK(expected.find("barrel") != std::string::npos);
    CHECK(expected.find("decarbonise") != std::string::npos);
    std::vector<std::string> got(4);
    {
        std::vector<std::jthread> threads;
        for (auto& g : got)
            threads.emplace_back([&] {
                for (int k = 0; k < 20; ++k) g = to_json(parse(text, opt));
            });
    }
    for (auto const& g : got) CHECK(g == expected);
    opt.lexicon = std::make_shared<lexicon const>(*lex);
    lex.reset();
    CHECK(to_json(parse(text, opt)) == expected);  // the original's tables are gone with it
}

TEST_CASE("lexicon (user): a scan finds English aliases whose first word has any length, in any case") {
    // The start filter hashes a text's word sixteen bytes at a time where there is room
    // and byte by byte near the end of the range; both must agree with the aliases' hash.
    std::string const letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string tsv;
    for (std::size_t n = 1; n <= 20; ++n)
        tsv.append("topic\tw").append(std::to_string(n)).append("\tw\t-\t").append(letters, 0, n).append(" end\n");
    auto const lex = lexicon::from_text(tsv, "words.tsv");
    lexicon_scanner const scanner(lex, {"topic"});
    for (std::size_t n = 1; n <= 20; ++n) {
        std::string const id = 'w' + std::to_string(n);
        std::string word = letters.substr(0, n);
        std::string upper = word;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return c >= 'a' && c <= 'z' ? c - 32 : c; });
        for (std::string const& w : {word, upper})
            for (std::size_t pad = 0; pad < 20; ++pad) {
                // the alias at every distance from the end of the text, after a word and a mark
                std::string text = "x, ";
                text.append(w).append(" END").append(pad, '.');
                std::vector<std::vector<lexicon_match>> out;
                scanner.scan(text, 0, text.size(), out);
                REQUIRE(out.size() == 1);
                bool found = false;
                for (auto const& m : out[0])
                    found = found || (m.begin == 3 && m.end == 3 + n + 4 && lex.entry(m.entry).id == id);
                CHECK_MESSAGE(found, text);
            }
    }
}

TEST_CASE("lexicon (user): a scan finds at every place what the matcher finds, in long runs of Chinese and around them") {
    // The scan tests runs of sixteen three-byte characters apart from other text; random
    // texts of a few characters, with ASCII and four-byte characters breaking the runs
    // now and then, check both ways against the matcher's walk from each place.
    std::vector<std::string> const chars = {"碳", "达", "峰", "中", "和", "新", "能", "源", "，", "。"};
    std::mt19937 rng(7);
    std::string tsv;
    for (int e = 0; e < 60; ++e) {
        std::string alias;
        for (std::size_t n = 1 + rng() % 4; n > 0; --n) alias += chars[rng() % 8];
        tsv.append("topic\tt").append(std::to_string(e)).append("\tt\t-\t").append(alias).append("\n");
    }
    auto const lex = lexicon::from_text(tsv, "runs.tsv");
    lexicon_scanner const scanner(lex, {"topic"});
    auto const& matcher = lex.match("topic");
    for (int round = 0; round < 200; ++round) {
        std::string text;
        for (int k = 0, n = 1 + static_cast<int>(rng() % 120); k < n; ++k) {
            auto const r = rng() % 100;
            text += r < 3 ? std::string("ab") : r < 5 ? std::string("\xF0\x9F\x94\x8B") : chars[rng() % chars.size()];
        }
        scan_agrees_with_matcher(scanner, matcher, text);
    }
}

TEST_CASE("lexicon (user): a scan finds at every place what the matcher finds, in English with marks, digits and Chinese") {
    // The scan takes an English word whole (a lookup of the word, not a step per letter):
    // random texts of words, marks and Chinese check it against the matcher's walk from
    // each place, for aliases that go on after their first word with a mark, a digit,
    // Chinese or another word, and first words of 16 bytes or more.
    std::vector<std::string> const aliases = {
        "5G", "5G网络", "R&D", "COVID-19", "U.S.", "new energy", "new energy vehicles", "PV", "a", "ab cd",
        "energy", "abcdefghijklmnop", "abcdefghijklmnopq rst", "abcdefghijklmno", "数字", "x1"};
    std::vector<std::string> const tokens = {
        "5G", "5g", "网络", "R", "&", "D", "COVID", "-", "19", "U", ".", "S", "new", "New", "energy", "vehicles",
        "PV", "pv", "a", "ab", "cd", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmno", "rst",
        "数字", "x1", "x", "1", " ", " ", "  ", "\n", ","};
    std::string tsv;
    for (std::size_t e = 0; e < aliases.size(); ++e)
        tsv.append("topic\te").append(std::to_string(e)).append("\te\t-\t").append(aliases[e]).append("\n");
    auto const lex = lexicon::from_text(tsv, "english.tsv");
    lexicon_scanner const scanner(lex, {"topic"});
    auto const& matcher = lex.match("topic");
    std::mt19937 rng(11);
    std::size_t matches = 0;
    for (int round = 0; round < 400; ++round) {
        std::string text;
        for (int k = 0, n = 1 + static_cast<int>(rng() % 40); k < n; ++k) text += tokens[rng() % tokens.size()];
        matches += scan_agrees_with_matcher(scanner, matcher, text);
    }
    CHECK(matches > 300);  // the texts do hold the aliases
}

TEST_CASE("lexicon (user): a scan finds the same with and without AVX2") {
    // Runs of Chinese text and of ASCII take AVX2 paths where the processor has it; the
    // scalar paths stand in elsewhere. Both must give the same matches, on real reports and
    // on random runs of the characters and words the built-in lexicon begins with, cut
    // anywhere.
    auto const lex = lexicon::builtin();
    std::vector<std::string> kinds;
    for (auto const* k : {"topic", "verb", "modifier", "connector", "metric", "direction"}) kinds.emplace_back(k);
    lexicon_scanner const scanner(*lex, kinds);
    std::vector<std::string> texts = {rxtest::corpus("gwr-2024-zh.txt")};
    std::vector<std::string> const chars = {"推", "进", "发", "展", "新", "能", "源", "汽", "车", "积", "极", "稳",
                                            "妥", "碳", "达", "峰", "和", "增", "长", "，", "5", "G", "\n"};
    std::vector<std::string> const words = {"promote", "Promote", " ", "  ", "and", "new", "energy", "vehicles", ",",
                                            "PV", "pv", "\t", "\n", "GDP", "growth", "of", "5", "%", "(", "the",
                                            "vigorously", "develop", "green", "finance", "-", "x"};
    std::mt19937 rng(3);
    for (int round = 0; round < 300; ++round) {
        std::string text;
        for (int k = 0, n = static_cast<int>(rng() % 200); k < n; ++k) text += chars[rng() % chars.size()];
        texts.push_back(text);
        text.clear();  // English, with Chinese now and then
        for (int k = 0, n = static_cast<int>(rng() % 120); k < n; ++k)
            text += rng() % 20 ? words[rng() % words.size()] : chars[rng() % chars.size()];
        texts.push_back(text);
    }
    texts.push_back(rxtest::corpus("seed-2024-summary-en.txt"));
    auto scan = [&](std::string const& text, std::size_t from, std::size_t to) {
        std::vector<std::vector<lexicon_match>> out;
        scanner.scan(text, from, to, out);
        std::vector<std::tuple<std::size_t, std::size_t, std::size_t, std::uint32_t>> all;
        for (std::size_t k = 0; k < out.size(); ++k)
            for (auto const& m : out[k]) all.emplace_back(k, m.begin, m.end, m.entry);
        return all;
    };
    bool const had = detail::use_avx2(true);
    for (auto const& text : texts)
        for (std::size_t from : {std::size_t{0}, std::size_t{1}, std::size_t{3}})
            for (std::size_t cut : {0, 1, 2, 3, 7, 50}) {  // ends anywhere, inside characters too
                std::size_t const to = text.size() > cut ? text.size() - cut : 0;
                if (from > to) continue;
                detail::use_avx2(true);
                auto const vector_path = scan(text, from, to);
                detail::use_avx2(false);
                auto const scalar_path = scan(text, from, to);
                CHECK(vector_path == scalar_path);
                std::size_t const half = to / 2;  // and a range ending halfway
                detail::use_avx2(true);
                auto const vector_half = scan(text, from, std::max(from, half));
                detail::use_avx2(false);
                CHECK(vector_half == scan(text, from, std::max(from, half)));
            }
    detail::use_avx2(had);
    CHECK(!scan(texts[0], 0, texts[0].size()).empty());
}

TEST_CASE("parse: with AVX2 and without, the stages that use it (scan, structure, actions) give the same document") {
    bool const had = detail::use_avx2(true);
    for (char const* name : {"gwr-2024-zh.txt", "other-sg-budget-2025-en.txt", "prov-guangdong-2026-zh.txt"}) {
        CAPTURE(name);
        std::string const text = rxtest::corpus(name);
        detail::use_avx2(true);
        std::string const vector_path = to_json(parse(text));
        detail::use_avx2(false);
        CHECK(to_json(parse(text)) == vector_path);
    }
    detail::use_avx2(had);
}

TEST_CASE("lexicon (user): a scan appends to what `out` holds; it replaces only its own shorter matches") {
    lexicon_scanner const scanner(*lexicon::builtin(), {"topic"});
    std::vector<std::vector<lexicon_match>> out;
    std::string const a = "光伏 and more", b = "光伏发电";
    scanner.scan(a, 0, a.size(), out);
    scanner.scan(b, 0, b.size(), out);
    REQUIRE(out[0].size() == 2);
    CHECK(out[0][0].begin == 0);
    CHECK(out[0][0].end == 6);   // 光伏 in a
    CHECK(out[0][1].end == 12);  // 光伏发电 in b: the longest from 0, one match
    scanner.scan(b, 0, b.size(), out);  // the same range again: appended again
    CHECK(out[0].size() == 3);
}
