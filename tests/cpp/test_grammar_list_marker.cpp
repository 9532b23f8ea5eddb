// grammar/list_marker: every marker the contract names, glued and spaced, in both
// languages, with phrases from the corpus; and the look-alikes that must not match.
#include <doctest/doctest.h>

#include <string>

#include "reportx/grammar/list_marker.hpp"
#include "reportx/grammar/structure_match.hpp"
#include "grammar_support.hpp"

using namespace reportx::grammar;

namespace {
// The marker as written and the text after it.
std::pair<std::string, std::string> split(std::string_view line) {
    auto m = match_list_marker(line);
    if (!m) return {"<none>", std::string(line)};
    return {std::string(line.substr(0, m->marker_end)), std::string(line.substr(m->text_begin))};
}
}  // namespace

TEST_CASE("list_marker: English bullets, glued or spaced") {
    CHECK(split("➣ GDP growth of around 5%;") == std::pair<std::string, std::string>{"➣", "GDP growth of around 5%;"});
    CHECK(split("➣Stable supply of energy resources.") ==
          std::pair<std::string, std::string>{"➣", "Stable supply of energy resources."});
    CHECK(split("• over 9 million new urban jobs;").first == "•");
    CHECK(split("● item").first == "●");
    CHECK(split("■ item").first == "■");
    CHECK(split("-- the deficit-to-GDP ratio is projected at more than 3.6 percent").first == "--");
    CHECK(split("--the central government").first == "--");
    CHECK(split("- local governments will issue 3.75 trillion yuan").first == "-");
    CHECK(split("– an en-dash item").first == "–");
    CHECK(split("* a Markdown bullet").first == "*");
}

TEST_CASE("list_marker: Point N:, numbered and lettered items") {
    CHECK(split("Point 1: The main expected goals for development this year are") ==
          std::pair<std::string, std::string>{"Point 1:", "The main expected goals for development this year are"});
    CHECK(split("Point 8: Vigorously develop science and technology finance").first == "Point 8:");
    CHECK(split("(1) Keeping market entities afloat.") ==
          std::pair<std::string, std::string>{"(1)", "Keeping market entities afloat."});
    CHECK(split("(4) Protecting people's health.").first == "(4)");
    CHECK(split("(a) tackle immediate challenges for households and businesses;").first == "(a)");
    CHECK(split("1. First item").first == "1.");
    CHECK(split("1.“四上”企业：").first == "1.");
    CHECK(split("10.除险保安方面。建设低标堤防除险加固和标准海塘145公里。").first == "10.");
    CHECK(split("（2）分类推进").first == "（2）");
    CHECK(split("① 第一项").first == "①");
}

TEST_CASE("list_marker: Chinese enumerations and highlight dashes") {
    CHECK(split("一是继续创新和加强宏观调控，经济运行保持在合理区间。") ==
          std::pair<std::string, std::string>{"一是", "继续创新和加强宏观调控，经济运行保持在合理区间。"});
    CHECK(split("八是推进政府建设和治理创新，社会保持和谐稳定。").first == "八是");
    CHECK(split("第一，坚持稳中求进。").first == "第一，");
    CHECK(split("——经济运行稳中向好。国内生产总值达到56.9万亿元").first == "——");
    CHECK(split("——").first == "——");
}

TEST_CASE("list_marker: look-alikes are not markers") {
    CHECK(split("2.5").first == "<none>");                 // PM2.5 broken across lines
    CHECK(split("2024. A year of change").first == "<none>");
    CHECK(split("-5% is a fall").first == "<none>");
    CHECK(split("----2025年1月15日龚正市长").first == "<none>");
    CHECK(split("———").first == "<none>");
    CHECK(split("第一次全国经济普查").first == "<none>");
    CHECK(split("第一批碳达峰试点城市").first == "<none>");
    CHECK(split("**Mr Speaker**").first == "<none>");
    CHECK(split("Pointers are useful").first == "<none>");
    CHECK(split("一年来，我们主要做了以下工作。").first == "<none>");
    CHECK(split("过去一年是本届政府依法履职的第一年").first == "<none>");
    CHECK(split("I. A Review").first == "<none>");
}

TEST_CASE("list_marker: the first-character test lets through every line the rule matches") {
    // Every BMP code point, followed by what each alternative needs after its first character.
    auto lines = rxtest::bmp_lines_matching<ast::list_marker>(list_marker(), {"oint 1:", "是", "一，", "—x", "- x", " x", "x", ". x", "1)", "1）", "a) x"});
    for (auto const& line : lines) CHECK_MESSAGE(may_start_marker(line), line);
    CHECK(lines.size() > 50);
    CHECK_FALSE(may_start_marker("今年发展主要预期目标是："));
    CHECK_FALSE(may_start_marker(""));
}
