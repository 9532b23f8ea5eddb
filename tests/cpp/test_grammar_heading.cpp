// grammar/heading: part and sub-headings, Roman numerals, Markdown, speaker labels,
// with phrases from the corpus (national and provincial reports, the 2020 sample,
// the Singapore budget speech).
#include <doctest/doctest.h>

#include <string>

#include "reportx/grammar/heading.hpp"
#include "reportx/grammar/structure_match.hpp"
#include "grammar_support.hpp"

using namespace reportx::grammar;

TEST_CASE("heading: Chinese part headings 一、… (level 1)") {
    auto h = match_heading("一、2023年工作回顾");
    REQUIRE(h);
    CHECK(h->form == heading_form::zh_part);
    CHECK(h->label == "一");
    CHECK(h->number == 1);
    CHECK(std::string_view("一、2023年工作回顾").substr(h->text_begin) == "2023年工作回顾");

    auto h3 = match_heading("三、2024年政府工作任务");
    REQUIRE(h3);
    CHECK(h3->label == "三");
    CHECK(h3->number == 3);

    auto h2 = match_heading("二、“十三五”时期主要目标任务和重大举措");
    REQUIRE(h2);
    CHECK(h2->number == 2);

    auto h10 = match_heading("十、为青少年提供更加普惠专业的心理健康服务。");
    REQUIRE(h10);
    CHECK(h10->label == "十");
    CHECK(h10->number == 10);
}

TEST_CASE("heading: （一） sub-headings (level 2), full-width and ASCII brackets") {
    auto h = match_heading("（一）着力扩大国内需求。推动消费从疫后恢复转向持续扩大");
    REQUIRE(h);
    CHECK(h->form == heading_form::zh_sub);
    CHECK(h->label == "一");
    CHECK(std::string_view("（一）着力扩大国内需求。").substr(h->text_begin) == "着力扩大国内需求。");
    auto h12 = match_heading("（十二）全面加强政府自身建设，努力建设人民满意的政府。");
    REQUIRE(h12);
    CHECK(h12->number == 12);
    auto ascii = match_heading("(三)进一步释放国内需求潜力。");
    REQUIRE(ascii);
    CHECK(ascii->number == 3);
}

TEST_CASE("heading: Roman numerals need a dot and a space") {
    auto h = match_heading("I. A Review of Our Work in 2019 and the First Few Months of 2020");
    REQUIRE(h);
    CHECK(h->form == heading_form::roman);
    CHECK(h->label == "I");
    CHECK(h->number == 1);
    auto h3 = match_heading("III. Major Tasks for 2020");
    REQUIRE(h3);
    CHECK(h3->label == "III");
    CHECK(h3->number == 3);
    CHECK(std::string_view("III. Major Tasks for 2020").substr(h3->text_begin) == "Major Tasks for 2020");
    CHECK(match_heading("IV. Improving people's wellbeing")->number == 4);
    CHECK_FALSE(match_heading("I will touch on each of these in turn in the rest of my speech."));
    CHECK_FALSE(match_heading("It will be more violent."));
    CHECK_FALSE(match_heading("I.Review"));
}

TEST_CASE("heading: Markdown and transcript speaker labels") {
    auto h = match_heading("# Budget Speech");
    REQUIRE(h);
    CHECK(h->form == heading_form::markdown);
    CHECK(h->number == 1);
    CHECK(std::string_view("# Budget Speech").substr(h->text_begin) == "Budget Speech");
    CHECK(match_heading("### Annex")->number == 3);
    CHECK_FALSE(match_heading("#hashtag"));

    auto s = match_heading("**The Deputy Prime Minister and Minister for Finance (Mr Lawrence Wong)**");
    REQUIRE(s);
    CHECK(s->form == heading_form::speaker);
    CHECK(match_heading("**Mr Speaker**")->form == heading_form::speaker);
    // "**Time:** 3.30 pm" is a labelled line, not a speaker label
    CHECK_FALSE(match_heading("**Time:** 3.30 pm"));
}

TEST_CASE("heading: ordinary sentences are not headings") {
    CHECK_FALSE(match_heading("一是继续创新和加强宏观调控，经济运行保持在合理区间。"));
    CHECK_FALSE(match_heading("一年来，我们主要做了以下工作。"));
    CHECK_FALSE(match_heading("2024年工作回顾"));
    CHECK_FALSE(match_heading("各位代表："));
    CHECK_FALSE(match_heading(""));
}

TEST_CASE("chinese_number and roman_number") {
    CHECK(chinese_number("一") == 1);
    CHECK(chinese_number("十") == 10);
    CHECK(chinese_number("十二") == 12);
    CHECK(chinese_number("二十三") == 23);
    CHECK(chinese_number("一百零五") == 105);
    CHECK(chinese_number("二三") == 0);
    CHECK(chinese_number("二〇") == 0);
    CHECK(chinese_number("一千零二十") == 1020);
    // the reader the quantities use: as far as the numeral goes
    auto n = chinese_numeral_at("十四五规划", 0);
    CHECK(n.value == 14);
    CHECK(n.end == 6);
    n = chinese_numeral_at("一百零五万人", 0);
    CHECK(n.value == 105);
    CHECK(n.end == 12);
    CHECK(roman_number("XIV") == 14);
    CHECK(roman_number("III") == 3);
    CHECK(roman_number("A") == 0);
}

TEST_CASE("heading: the first-character test lets through every line the rule matches") {
    // Every BMP code point, followed by what each alternative needs after its first character.
    auto lines = rxtest::bmp_lines_matching<ast::heading>(heading(), {"、x", "．x", "一）x", "一)x", ". x", " x", "*x**"});
    for (auto const& line : lines) CHECK_MESSAGE(may_start_heading(line), line);
    CHECK(lines.size() > 20);
    CHECK_FALSE(may_start_heading("今年发展主要预期目标是："));
    CHECK_FALSE(may_start_heading(""));
}
