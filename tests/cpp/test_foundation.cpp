// UTF-8 validation, the lexicon format and matcher, code-point offsets and JSON.
#include <doctest/doctest.h>

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
