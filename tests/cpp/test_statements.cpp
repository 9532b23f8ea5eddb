// Statements stage: number forms, scale, units, bounds, ranges, direction, metric,
// kind/period, and the numbers that are not statements. Expectations are written from
// the contract (shared/spec/output-schema.md, Statement), checked by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "avx2.hpp"  // detail::use_avx2
#include "quantity.hpp"  // detail::word_beginnings
#include "reportx/json.hpp"
#include "support.hpp"

using namespace reportx;

namespace {

document run(std::string text, char const* lang, int year = 2024) {
    parse_options o;
    o.lang = lang;
    o.year = year;
    return parse(std::move(text), o);
}

// The statement whose quantity text is exactly `text`.
statement const* find(document const& d, std::string_view text) {
    for (auto const& s : d.statements)
        if (d.slice(s.where) == text) return &s;
    return nullptr;
}

bool near(std::optional<double> a, double b) { return a && std::fabs(*a - b) <= 1e-6 * std::max(1.0, std::fabs(b)); }

std::string metric_text(document const& d, statement const& s) { return s.metric ? std::string(d.slice(*s.metric)) : ""; }

// Every statement of `d` as "text" lines, for failure messages.
std::string dump(document const& d) {
    std::string out;
    for (auto const& s : d.statements) {
        out.push_back('[');
        out.append(d.slice(s.where));
        out.append("] ");
    }
    return out;
}

}  // namespace

TEST_CASE("statements: English number forms, scale words and currencies") {
    auto d = run("Total spending was 11,000,000 yuan. Wind capacity reached 2 600 MW. Growth was 67. 7 percent. "
                 "The fund holds RMB1.2 trillion. Debt stood at $3.2 trillion. Exports were US$190.48 billion. "
                 "The economy is worth 74 trillion and 400 billion yuan. We hired twelve million workers. "
                 "There was a 5-percent rise in output.",
                 "en");
    INFO(dump(d));
    auto s = find(d, "11,000,000 yuan");
    REQUIRE(s);
    CHECK(near(s->value, 11000000));
    CHECK(s->unit == "yuan");
    s = find(d, "2 600 MW");
    REQUIRE(s);
    CHECK(near(s->value, 2.6e9));
    CHECK(s->unit == "watt");
    s = find(d, "67. 7 percent");
    REQUIRE(s);
    CHECK(near(s->value, 67.7));
    s = find(d, "RMB1.2 trillion");
    REQUIRE(s);
    CHECK(near(s->value, 1.2e12));
    CHECK(s->unit == "yuan");
    s = find(d, "$3.2 trillion");
    REQUIRE(s);
    CHECK(near(s->value, 3.2e12));
    CHECK(s->unit == "usd");
    s = find(d, "US$190.48 billion");
    REQUIRE(s);
    CHECK(near(s->value, 190.48e9));
    CHECK(s->unit == "usd");
    s = find(d, "74 trillion and 400 billion yuan");
    REQUIRE(s);
    CHECK(near(s->value, 74.4e12));
    s = find(d, "twelve million workers");
    REQUIRE(s);
    CHECK(near(s->value, 12e6));
    CHECK(s->unit == "count");
    s = find(d, "5-percent");
    REQUIRE(s);
    CHECK(near(s->value, 5));
    CHECK(s->unit == "percent");
}

TEST_CASE("statements: Chinese numerals, 万/亿/萬/兆 and units") {
    auto d = run("城镇新增就业1200万人以上。粮食产量1.3万亿斤以上。专项债券3.9万亿元。新增投资1,200萬元。"
                 "台湾地区预算1.4兆元。新增装机2000万千瓦。新建十四个园区。新增两个试点。发电量达到3.5亿千瓦时。"
                 "新建高标准农田4500万亩。降低0.4个百分点。节约标准煤500万吨标准煤。新建光伏500兆瓦。",
                 "zh");
    INFO(dump(d));
    auto s = find(d, "1200万人以上");
    REQUIRE(s);
    CHECK(near(s->value, 12000000));
    CHECK(near(s->low, 12000000));
    CHECK(s->unit == "count");
    CHECK(s->bound == bound_kind::min);
    CHECK(s->qualifier == "以上");
    s = find(d, "1.3万亿斤以上");
    REQUIRE(s);
    CHECK(near(s->value, 1.3e12));
    CHECK(s->unit == "jin");
    s = find(d, "3.9万亿元");
    REQUIRE(s);
    CHECK(near(s->value, 3.9e12));
    CHECK(s->unit == "yuan");
    s = find(d, "1,200萬元");
    REQUIRE(s);
    CHECK(near(s->value, 12000000));
    s = find(d, "1.4兆元");
    REQUIRE(s);
    CHECK(near(s->value, 1.4e12));
    s = find(d, "2000万千瓦");
    REQUIRE(s);
    CHECK(near(s->value, 2000e4 * 1000));
    CHECK(s->unit == "watt");
    s = find(d, "十四个");
    REQUIRE(s);
    CHECK(near(s->value, 14));
    CHECK(s->unit == "count");
    s = find(d, "两个");
    REQUIRE(s);
    CHECK(near(s->value, 2));
    s = find(d, "3.5亿千瓦时");
    REQUIRE(s);
    CHECK(near(s->value, 3.5e11));
    CHECK(s->unit == "watt_hour");
    s = find(d, "4500万亩");
    REQUIRE(s);
    CHECK(s->unit == "mu");
    s = find(d, "0.4个百分点");
    REQUIRE(s);
    CHECK(s->unit == "percentage_point");
    CHECK(s->direction == direction_kind::decrease);
    s = find(d, "500万吨标准煤");
    REQUIRE(s);
    CHECK(s->unit == "tce");
    // a number broken over lines by PDF extraction, with a zero-width space between
    auto z = run("国内生产总值达到74.4\u200b万亿元，增长6.7%。", "zh");
    INFO(dump(z));
    s = find(z, "74.4\u200b万亿元");
    REQUIRE(s);
    CHECK(near(s->value, 74.4e12));
    CHECK(s->metric_id == "gdp");
    s = find(d, "500兆瓦");
    REQUIRE(s);
    CHECK(near(s->value, 5e8));
    CHECK(s->unit == "watt");
}

TEST_CASE("statements: 零 holds a place in a Chinese numeral (一百零五, 一千零二十)") {
    auto d = run("新增就业一百零五万人。建成一千零二十个站点。", "zh");
    INFO(dump(d));
    CHECK(d.statements.size() == 2);
    for (auto const& [text, value] : {std::pair<std::string, double>{"一百零五万人", 1050000},
                                      std::pair<std::string, double>{"一千零二十个", 1020}}) {
        CAPTURE(text);
        auto s = find(d, text);  // the statement's span is exactly the quantity as written
        REQUIRE(s);
        CHECK(near(s->value, value));
        CHECK(s->unit == "count");
    }
}

TEST_CASE("statements: bounds and qualifiers before or after the number") {
    auto d = run("GDP growth of around 5%. Over 12 million new urban jobs. A deficit within 3%. "
                 "Grain output of no less than 650 million tonnes. The deficit is capped at around 3 percent. "
                 "Export growth of nearly 30 percent. Spending of up to 2 trillion yuan.",
                 "en");
    INFO(dump(d));
    auto s = find(d, "around 5%");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::approx);
    CHECK(s->qualifier == "around");
    CHECK(!s->low);
    CHECK(!s->high);
    s = find(d, "Over 12 million new urban jobs");
    if (!s) s = find(d, "Over 12 million");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::min);
    CHECK(near(s->low, 12e6));
    s = find(d, "within 3%");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::max);
    CHECK(near(s->high, 3));
    s = find(d, "no less than 650 million tonnes");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::min);
    CHECK(s->unit == "tonne");
    CHECK(near(s->value, 6.5e8));
    s = find(d, "capped at around 3 percent");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::max);
    s = find(d, "nearly 30 percent");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::approx);
    s = find(d, "up to 2 trillion yuan");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::max);

    auto z = run("国内生产总值增长5%左右。城镇调查失业率控制在5.5%以内。粮食产量不低于1.3万亿斤。出口增长近30%。"
                 "城镇登记失业率3%以下。",
                 "zh");
    INFO(dump(z));
    s = find(z, "5%左右");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::approx);
    CHECK(s->qualifier == "左右");
    s = find(z, "5.5%以内");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::max);
    CHECK(near(s->high, 5.5));
    s = find(z, "不低于1.3万亿斤");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::min);
    s = find(z, "近30%");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::approx);
    s = find(z, "3%以下");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::max);
}

TEST_CASE("statements: ranges in every written form") {
    auto d = run("Growth of 6 to 6.5 percent. Growth of 6-6.5%. Growth of 6%-6.5%. "
                 "Growth between 6 and 6.5 percent. Inflation in the range of 1% to 3%.",
                 "en");
    INFO(dump(d));
    for (char const* t : {"6 to 6.5 percent", "6-6.5%", "6%-6.5%", "between 6 and 6.5 percent"}) {
        CAPTURE(t);
        auto s = find(d, t);
        REQUIRE(s);
        CHECK(s->bound == bound_kind::range);
        CHECK(!s->value);
        CHECK(near(s->low, 6));
        CHECK(near(s->high, 6.5));
        CHECK(s->unit == "percent");
    }
    auto s = find(d, "in the range of 1% to 3%");
    REQUIRE(s);
    CHECK(near(s->low, 1));
    CHECK(near(s->high, 3));

    auto z = run("国内生产总值增长6.5%－7%。增长4.5%—5%。增长6%至6.5%。新增一千多万人。投资数十亿元。新建两三个基地。", "zh");
    INFO(dump(z));
    s = find(z, "6.5%－7%");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::range);
    CHECK(near(s->low, 6.5));
    CHECK(near(s->high, 7));
    CHECK(s->direction == direction_kind::increase);
    CHECK(s->metric_id == "gdp_growth");
    s = find(z, "4.5%—5%");
    REQUIRE(s);
    CHECK(near(s->low, 4.5));
    s = find(z, "6%至6.5%");
    REQUIRE(s);
    CHECK(near(s->high, 6.5));
    s = find(z, "一千多万人");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::min);
    CHECK(near(s->value, 1e7));
    CHECK(near(s->low, 1e7));
    s = find(z, "数十亿元");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::range);
    CHECK(near(s->low, 20e8));
    CHECK(near(s->high, 90e8));
    s = find(z, "两三个");
    REQUIRE(s);
    CHECK(s->bound == bound_kind::range);
    CHECK(near(s->low, 2));
    CHECK(near(s->high, 3));
}

TEST_CASE("statements: direction is the size of a change or a level") {
    auto d = run("There will be a drop of around 2.5 percent in energy consumption per unit of GDP. "
                 "We will reduce energy consumption per unit of GDP by about 2.5 percent. "
                 "We aim for an unemployment rate of around 5.5%. Over 12 million new urban jobs will be created. "
                 "Special bonds of 3.9 trillion yuan will be issued. The rural poor population was reduced by 11.09 million. "
                 "Consumer prices went up by 2.9 percent.",
                 "en");
    INFO(dump(d));
    auto s = find(d, "around 2.5 percent");
    REQUIRE(s);
    CHECK(s->direction == direction_kind::decrease);
    CHECK(metric_text(d, *s) == "energy consumption per unit of GDP");
    CHECK(s->metric_id == "energy_intensity");
    s = find(d, "about 2.5 percent");
    REQUIRE(s);
    CHECK(s->direction == direction_kind::decrease);
    CHECK(s->metric_id == "energy_intensity");
    s = find(d, "around 5.5%");
    REQUIRE(s);
    CHECK(s->direction == direction_kind::level);
    CHECK(s->metric_id == "unemployment_rate");
    s = find(d, "Over 12 million new urban jobs");
    if (!s) s = find(d, "Over 12 million");
    REQUIRE(s);
    CHECK(s->direction == direction_kind::level);
    CHECK(s->metric_id == "urban_jobs");
    s = find(d, "3.9 trillion yuan");
    REQUIRE(s);
    CHECK(s->direction == direction_kind::level);
    CHECK(s->metric_id == "special_bonds");
    s = find(d, "11.09 million");
    REQUIRE(s);
    CHECK(s->direction == direction_kind::decrease);
    s = find(d, "2.9 percent");
    REQUIRE(s);
    CHECK(s->direction == direction_kind::increase);
    CHECK(s->metric_id == "cpi");

    auto z = run("单位国内生产总值能耗降低2.5%左右。城镇调查失业率降到5.2%。农村贫困人口减少1650万人。国内生产总值达到126万亿元、增长5.2%。", "zh");
    INFO(dump(z));
    s = find(z, "2.5%左右");
    REQUIRE(s);
    CHECK(s->direction == direction_kind::decrease);
    CHECK(s->metric_id == "energy_intensity");
    s = find(z, "5.2%");
    REQUIRE(s);
    CHECK(s->direction == direction_kind::level);
    s = find(z, "1650万人");
    REQUIRE(s);
    CHECK(s->direction == direction_kind::decrease);
    s = find(z, "126万亿元");
    REQUIRE(s);
    CHECK(s->direction == direction_kind::level);
    CHECK(metric_text(z, *s) == "国内生产总值");
    // the second number of the clause pair takes the metric of the first: GDP growth
    statement const* g = nullptr;
    for (auto const& x : z.statements)
        if (near(x.value, 5.2) && x.where.begin > s->where.begin) g = &x;
    REQUIRE(g);
    CHECK(g->direction == direction_kind::increase);
    CHECK(metric_text(z, *g) == "国内生产总值");
    CHECK(g->metric_id == "gdp_growth");
}

TEST_CASE("statements: metric after the number and the new three") {
    auto d = run("Electric vehicles, lithium batteries and photovoltaic products, \"the new three\" export growth of "
                 "nearly 30%. We will issue 1 trillion yuan of special treasury bonds.",
                 "en");
    INFO(dump(d));
    REQUIRE(d.statements.size() == 2);
    auto s = find(d, "nearly 30%");
    REQUIRE(s);
    CHECK(metric_text(d, *s) == "export growth");
    CHECK(s->metric_id == "exports");
    CHECK(s->direction == direction_kind::increase);
    s = find(d, "1 trillion yuan");
    REQUIRE(s);
    CHECK(s->metric_id == "special_treasury_bonds");
    CHECK(s->kind == statement_kind::target);
    CHECK(s->period == 2024);
}

TEST_CASE("statements: numbers that are not statements, English") {
    auto d = run("The second session of the 14th National People's Congress opened on March 5 at 9:00 am. "
                 "Point 3: Launch the first batch of pilot cities. (2) Solidly carry out the \"Ten Actions for Peak "
                 "Carbon\". This is the final year of the 14th Five-Year Plan (2021-2025), the year 2024. "
                 "Boost the new three. Growth in M2 and PM2.5 and 5G and COVID-19 control. "
                 "Call 010-12345678 or +86 13812345678. Healthy China 2030. Post time: Mar-21-2024. "
                 "We fought the three critical battles and ensured stability on six fronts.",
                 "en");
    CHECK_MESSAGE(d.statements.empty(), dump(d));
}

TEST_CASE("statements: numbers that are not statements, Chinese") {
    auto d = run("第十四届全国人民代表大会第二次会议于2024年3月5日上午9时开幕。（二）进一步深化改革。一是统一大市场。"
                 "“十四五”规划目标任务。推动“新三样”发展。广义货币M2和PM2.5浓度。第一批试点。十分重要。"
                 "千方百计稳就业。一带一路。联系电话：010-65123456。2025年是“十四五”规划收官之年。",
                 "zh");
    CHECK_MESSAGE(d.statements.empty(), dump(d));
}

TEST_CASE("statements: kind and period from the sections of a report (gwr-2024-zh)") {
    auto d = parse_file(rxtest::corpus_path("gwr-2024-zh.txt"), {std::nullopt, std::nullopt, 2024, nullptr});
    INFO(dump(d));
    // the main-target list: 国内生产总值增长5%左右 is a 2024 target, GDP growth, an increase
    statement const* gdp = nullptr;
    for (auto const& s : d.statements)
        if (d.slice(s.where) == "5%左右" && s.metric_id == "gdp_growth") { gdp = &s; break; }
    REQUIRE(gdp);
    CHECK(gdp->kind == statement_kind::target);
    CHECK(gdp->period == 2024);
    CHECK(gdp->direction == direction_kind::increase);
    CHECK(gdp->bound == bound_kind::approx);
    // the review: 城镇新增就业1244万人 is a 2023 outcome
    statement const* jobs = nullptr;
    for (auto const& s : d.statements)
        if (d.slice(s.where) == "1244万人") jobs = &s;
    REQUIRE(jobs);
    CHECK(jobs->kind == statement_kind::outcome);
    CHECK(jobs->period == 2023);
    CHECK(jobs->metric_id == "urban_jobs");
    // qualitative items of the main-target list are bound:none statements
    int none = 0;
    bool bop = false;
    for (auto const& s : d.statements) {
        if (s.bound != bound_kind::none) continue;
        ++none;
        CHECK(s.kind == statement_kind::target);
        CHECK(!s.value);
        if (s.metric_id == "balance_of_payments") bop = true;
    }
    CHECK(none >= 2);
    CHECK(bop);
    // provenance: every span is inside the text and the list is in text order
    std::size_t last = 0;
    for (auto const& s : d.statements) {
        CHECK(s.where.begin < s.where.end);
        CHECK(s.where.end <= d.text.size());
        CHECK(s.where.begin >= last);
        last = s.where.begin;
    }
}

TEST_CASE("statements: the seed summary (English, exhaustive gold)") {
    auto d = parse_file(rxtest::corpus_path("seed-2024-summary-en.txt"), {std::nullopt, std::nullopt, 2024, nullptr});
    INFO(dump(d));
    int targets = 0, outcomes = 0;
    for (auto const& s : d.statements) {
        if (s.bound == bound_kind::none) continue;
        targets += s.kind == statement_kind::target;
        outcomes += s.kind == statement_kind::outcome;
    }
    CHECK(targets == 2);   // GDP growth of around 5%; energy intensity down about 2.5 percent
    CHECK(outcomes == 7);  // 30 percent (title), 60%, 30%, 60%, 30%, two reductions, two cuts
    auto cuts = find(d, "two cuts");
    REQUIRE(cuts);
    CHECK(cuts->unit == "count");
    CHECK(near(cuts->value, 2));
    auto s = find(d, "around 5%");
    REQUIRE(s);
    CHECK(s->metric_id == "gdp_growth");
    CHECK(s->period == 2024);
    s = find(d, "more than 60%");
    REQUIRE(s);
    CHECK(s->kind == statement_kind::outcome);
    CHECK(s->period == 2023);
    CHECK(s->bound == bound_kind::min);
}

TEST_CASE("statements: bad and odd input never crashes") {
    for (char const* t : {"", "5", "%", "约", "6-", "between 6 and", "一千多", "数", "$", "67. ", "1,", "1 000 000 000 000 000 000 000",
                          "99999999999999999999999999999999999999 percent", "两三", "十十十十十个", "--5%", "5%-", "至5%"}) {
        CAPTURE(t);
        auto d = run(t, "en");
        for (auto const& s : d.statements) CHECK(s.where.end <= d.text.size());
        auto z = run(t, "zh");
        for (auto const& s : z.statements) CHECK(s.where.end <= z.text.size());
    }
}

TEST_CASE("statements: kind and period cues in the sentence") {
    auto d = run("Over the past five years, GDP grew at an average annual rate of 5.2 percent. Last year, grain output "
                 "exceeded 650 million tonnes. This year we aim to create over 12 million urban jobs. During the 14th "
                 "Five-Year Plan period, the share of renewables will rise to 20 percent.",
                 "en", 2023);
    INFO(dump(d));
    auto s = find(d, "5.2 percent");
    REQUIRE(s);
    CHECK(s->kind == statement_kind::outcome);
    CHECK(s->period == 2018);
    CHECK(s->period_end == 2022);
    s = find(d, "exceeded 650 million tonnes");
    REQUIRE(s);
    CHECK(s->kind == statement_kind::outcome);
    CHECK(s->period == 2022);
    CHECK(!s->period_end);
    s = find(d, "over 12 million");
    REQUIRE(s);
    CHECK(s->kind == statement_kind::target);
    CHECK(s->period == 2023);
    s = find(d, "20 percent");
    REQUIRE(s);
    CHECK(s->kind == statement_kind::target);
    CHECK(s->period == 2021);
    CHECK(s->period_end == 2025);

    auto z = run("过去五年，国内生产总值年均增长5.2%。去年粮食产量1.39万亿斤。今年赤字率拟按3%安排，比去年预算低0.4个百分点。", "zh",
                 2023);
    INFO(dump(z));
    s = find(z, "5.2%");
    REQUIRE(s);
    CHECK(s->kind == statement_kind::outcome);
    CHECK(s->period == 2018);
    CHECK(s->period_end == 2022);
    s = find(z, "1.39万亿斤");
    REQUIRE(s);
    CHECK(s->kind == statement_kind::outcome);
    CHECK(s->period == 2022);
    s = find(z, "3%");
    REQUIRE(s);
    CHECK(s->kind == statement_kind::target);
    CHECK(s->period == 2023);
    CHECK(s->metric_id == "deficit_ratio");
    // `比去年预算低`: a comparison, not the period of the figure
    s = find(z, "0.4个百分点");
    REQUIRE(s);
    CHECK(s->kind == statement_kind::target);
    CHECK(s->period == 2023);
    CHECK(s->unit == "percentage_point");
}

TEST_CASE("statements: the AVX2 prescan of English text finds the same numbers as the SSE2 one") {
    // Number words among words that share their first letters, lengths or third letters
    // (the, this, there, ten-fold, forty, fortune), at every place of a block, its start
    // and end, and in blocks shorter and longer than the 64 bytes the prescan reads.
    std::vector<std::string> const words = {
        "a",       "A",      "an",       "a dozen", "half",   "half a", "one",     "One",    "two",     "three",
        "Three",   "four",   "five",     "six",     "seven",  "eight",  "nine",    "ten",    "eleven",  "twelve",
        "thirteen", "twenty", "thirty",  "forty",   "fifty",  "ninety", "the",     "this",   "there",   "thr",
        "for",     "fortune", "oneself", "tenfold", "sixes",  "nineteenth", "eighty-five", "twenty-one",
        "hundreds", "energy", "firms",   "percent", "billion", "million", "new",    "jobs",   "schools", "x",
        "extraordinarilylongwordwithmorethansixtyfourlettersinarowtoseethetailpath", "5",  "12.5%", "2024",
        "\n",     ",",      ".",       "(",       "3)",     "中",      "三个",    "\n\n"};
    std::mt19937 rng(7);
    bool const had = detail::use_avx2(true);
    std::size_t found = 0;
    for (int round = 0; round < 300; ++round) {
        std::string text;
        for (int k = 0, n = static_cast<int>(rng() % 90); k < n; ++k) {
            text += words[rng() % words.size()];
            text += rng() % 4 ? " " : "";
        }
        CAPTURE(text);
        detail::use_avx2(true);
        document const d = run(text, "en");
        found += d.statements.size();
        std::string const vector_path = to_json(d);
        detail::use_avx2(false);
        CHECK(to_json(run(text, "en")) == vector_path);
    }
    CHECK(found > 300);
    detail::use_avx2(had);
}

TEST_CASE("statements: the word beginnings of the AVX2 prescan hold every word, also when groups are joined") {
    // more than 16 first-two-letter pairs: groups get joined, and must still hold each word
    std::vector<std::string_view> const words = {"one",  "two",   "three", "four", "five",  "six",    "seven",
                                                 "ten",  "a",     "half",  "dozen", "zero", "hundred", "thousand",
                                                 "million", "billion", "trillion", "quarter", "pair", "gross",
                                                 "score", "nil",  "Eleven", "xy"};
    detail::word_beginnings const b(words);
    auto class_of = [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? c & 31 : 0; };
    auto held = [&](std::string_view w) {  // w's first three bytes, past its end no letter
        int const x = class_of(w[0]), y = w.size() > 1 ? class_of(w[1]) : 0, z = w.size() > 2 ? class_of(w[2]) : 0;
        return ((b.first[0][x] & b.second[0][y] & b.third[0][z]) | (b.first[1][x] & b.second[1][y] & b.third[1][z])) != 0;
    };
    for (std::string_view w : words) {
        CAPTURE(w);
        CHECK(held(w));
    }
    CHECK(held("a dozen"));  // after a one-letter word, any byte
    CHECK(held("TEN"));      // either case
    CHECK(!held("the"));
    CHECK(!held("an"));
    CHECK(!held("xyz"));
}
