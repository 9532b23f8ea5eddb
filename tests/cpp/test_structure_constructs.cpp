// The structure stage construct by construct, on short texts made of real phrases
// from the corpus (both languages): sections, blocks, markers, nesting, text hygiene,
// the document fields (lang, title, date, year) and the caller's overrides.
#include <doctest/doctest.h>

#include "test_structure_support.hpp"

using namespace reportx;
using rxtest::text_of;

namespace {
document p(std::string text, parse_options o = {}) {
    auto d = parse(std::move(text), o);
    INFO(rxtest::check_structure(d));
    CHECK(rxtest::check_structure(d) == "");
    return d;
}
std::vector<std::string> texts(document const& d) {
    std::vector<std::string> out;
    for (auto const& b : d.blocks) out.emplace_back(text_of(d, b));
    return out;
}
}  // namespace

TEST_CASE("structure: 一、 parts and （一） sub-sections nest; （一） heading ends at the first 。") {
    auto d = p("一、2024年政府工作任务\n\n"
               "（一）着力扩大国内需求。推动消费从疫后恢复转向持续扩大，培育壮大新型消费。\n"
               "实施城市更新行动。\n"
               "（二）更好统筹发展和安全\n"
               "二、对今年政府工作的建议\n");
    REQUIRE(d.sections.size() == 4);
    CHECK(d.sections[0].level == 1);
    CHECK(d.sections[0].label == "一");
    CHECK(d.slice(d.sections[0].heading) == "一、2024年政府工作任务");
    CHECK(d.sections[1].level == 2);
    CHECK(d.sections[1].parent == 0);
    CHECK(d.sections[1].label == "一");
    CHECK(d.slice(d.sections[1].heading) == "（一）着力扩大国内需求");
    CHECK(d.slice(d.sections[2].heading) == "（二）更好统筹发展和安全");
    CHECK(d.sections[2].parent == 0);
    CHECK(d.sections[3].level == 1);
    CHECK_FALSE(d.sections[3].parent);
    CHECK(texts(d) == std::vector<std::string>{"一、2024年政府工作任务", "（一）着力扩大国内需求。",
                                               "推动消费从疫后恢复转向持续扩大，培育壮大新型消费。",
                                               "实施城市更新行动。", "（二）更好统筹发展和安全",
                                               "二、对今年政府工作的建议"});
    CHECK(d.blocks[1].kind == block_kind::heading);
    CHECK(d.blocks[2].kind == block_kind::paragraph);
    CHECK(d.blocks[2].section == 1);
    // the part's whole runs from its heading to the end of its last (nested) block
    CHECK(d.sections[0].whole.begin == 0);
    CHECK(d.sections[0].whole.end == d.blocks[4].where.end);
    CHECK(d.year == 2024);  // 2024年政府工作任务
}

TEST_CASE("structure: Roman-numeral parts need the right sequence; Markdown headings nest by level") {
    auto d = p("I. A Review of Our Work in 2023\n\nGDP grew by 5.2 percent.\n\nII. Major Tasks for 2024\n\n"
               "I will touch on each of these in turn.\n");
    REQUIRE(d.sections.size() == 2);
    CHECK(d.sections[1].label == "II");
    CHECK(d.year == 2024);  // Major Tasks for 2024
    CHECK(d.blocks.back().kind == block_kind::paragraph);

    auto pei = p("I. M. Pei designed the building.\n\nII. Overall Requirements\n");
    REQUIRE(pei.sections.size() == 1);  // the sentence is not part I, so II is the first part
    CHECK(pei.sections[0].label == "II");
    CHECK(pei.blocks[0].kind != block_kind::heading);

    auto m = p("# Budget Speech\n\n## Growth\n\nOur economy grew by 1.1%.\n\n## Jobs\n\n# Annex\n");
    REQUIRE(m.sections.size() == 4);
    CHECK(m.sections[1].parent == 0);
    CHECK(m.sections[2].parent == 0);
    CHECK(m.sections[2].level == 2);
    CHECK_FALSE(m.sections[3].parent);
    CHECK(m.slice(m.sections[1].heading) == "Growth");
    CHECK_FALSE(m.sections[1].label);
}

TEST_CASE("structure: Chinese items (一是, 第一，, ——) start a paragraph; inside one they do not split it") {
    auto d = p("一年来，主要做了以下工作：\n"
               "一是首都功能持续优化提升。圆满完成纪念活动服务保障。\n"
               "二是科技创新加快引领新质生产力发展。\n"
               "第一，坚持稳中求进。\n"
               "——经济运行稳中向好。国内生产总值达到56.9万亿元，比上年增长7.7%。\n"
               "全市经济社会发展总体平稳、稳中有进。一是经济运行回升向好。二是新动能加快成长。\n");
    auto t = texts(d);
    REQUIRE(t.size() == 6);
    CHECK(d.blocks[0].kind == block_kind::heading);  // a colon lead-in followed by a list
    CHECK(d.blocks[1].marker == "一是");
    CHECK(d.blocks[2].marker == "二是");
    CHECK(d.blocks[3].marker == "第一，");
    CHECK(d.blocks[4].marker == "——");
    CHECK(d.blocks[5].kind == block_kind::paragraph);
    CHECK_FALSE(d.blocks[5].marker);
    CHECK(d.lang == "zh");
}

TEST_CASE("structure: English bullets — glued, spaced, several on a line; Point N: nesting") {
    auto d = p("Premier Li Qiang introduced the past year in the government work report:\n\n"
               "➣ New energy vehicle production and sales accounted for more than 60% of the global share.\n"
               "➣Stable supply of energy resources.\n\n"
               "➣ Formulating policies. ➣ Promoting ultra-low emission transformation. ➣ Launch the construction.\n\n"
               "Point 1: The main expected goals for development this year are\n\n"
               "➣ GDP growth of around 5%;\n\n"
               "➣ Reduce energy consumption per unit of GDP by about 2.5 percent.\n\n"
               "Point 2: Consolidate and expand the leading edge of industries.\n");
    auto t = texts(d);
    REQUIRE(t.size() == 10);
    CHECK(d.blocks[0].kind == block_kind::heading);
    CHECK(t[2] == "➣Stable supply of energy resources.");
    CHECK(t[3] == "➣ Formulating policies.");
    CHECK(t[4] == "➣ Promoting ultra-low emission transformation.");
    CHECK(t[5] == "➣ Launch the construction.");
    for (int i = 1; i <= 5; ++i) {
        CHECK(d.blocks[static_cast<std::size_t>(i)].marker == "➣");
        CHECK_FALSE(d.blocks[static_cast<std::size_t>(i)].parent);
    }
    CHECK(d.blocks[6].marker == "Point 1:");
    CHECK(d.blocks[7].parent == 6);
    CHECK(d.blocks[8].parent == 6);
    CHECK(d.blocks[9].marker == "Point 2:");
    CHECK_FALSE(d.blocks[9].parent);
}

TEST_CASE("structure: dashes, numbered and lettered items; a lead-in of several sentences stays a paragraph") {
    auto d = p("Fiscal policy will be more proactive and will deliver more:\n"
               "-- the deficit-to-GDP ratio is projected at more than 3.6 percent;\n"
               "- local governments will issue 3.75 trillion yuan of special-purpose bonds;\n"
               "\u2013 an en dash item;\n"
               "1. first numbered\n"
               "(2) Getting credit to small firms.\n"
               "Budget 2024 is about concrete steps. We will:\n"
               "(a) tackle immediate challenges for households and businesses;\n");
    REQUIRE(d.blocks.size() == 8);
    CHECK(d.blocks[0].kind == block_kind::heading);
    CHECK(d.blocks[1].marker == "--");
    CHECK(d.blocks[2].marker == "-");
    CHECK(d.blocks[3].marker == "\u2013");
    CHECK(d.blocks[4].marker == "1.");
    CHECK(d.blocks[5].marker == "(2)");
    CHECK(d.blocks[6].kind == block_kind::paragraph);
    CHECK(d.blocks[7].marker == "(a)");
}

TEST_CASE("structure: text hygiene keeps offsets — CRLF, NBSP, zero-width, U+3000 indentation, ％") {
    std::string text = "\xEF\xBB\xBF一、2023年工作回顾\r\n\r\n"
                       "\u3000\u3000国内生产总值达到74.4\r\n\u200b\r\n万亿元，增长6.7％。\r\n"
                       "\u00a0GDP grew.\u00a0\r\n";
    auto d = p(text);
    auto t = texts(d);
    REQUIRE(t.size() == 3);
    CHECK(t[0] == "一、2023年工作回顾");
    CHECK(t[1] == "国内生产总值达到74.4\r\n\u200b\r\n万亿元，增长6.7％。");  // one block across the break
    CHECK(t[2] == "GDP grew.");
    CHECK(d.blocks[1].where.begin == text.find("国内"));  // the indentation is not part of the block
}

TEST_CASE("structure: classic Mac line ends (CR only) are line ends") {
    auto d = p("一、2023年工作回顾\r\r国内生产总值增长5.2%。\r\r➣ GDP growth of around 5%;\r");
    REQUIRE(d.blocks.size() == 3);
    CHECK(d.sections.size() == 1);
    CHECK(d.blocks[2].marker == "➣");
    CHECK(d.slice(d.blocks[1].where) == "国内生产总值增长5.2%。");
}

TEST_CASE("structure: a number or sentence broken across lines is one block; sentences on their own lines are not") {
    auto d = p("货币政策要保持稳健中性。今年广义货币M\n2\n和社会融资规模余额预期增长均为12%左右。\n"
               "细颗粒物（PM\n2.5\n）浓度明显下降。\n"
               "扎实有效去产能。\n因城施策去库存。\n");
    auto t = texts(d);
    REQUIRE(t.size() == 4);
    CHECK(t[0] == "货币政策要保持稳健中性。今年广义货币M\n2\n和社会融资规模余额预期增长均为12%左右。");
    CHECK(t[1] == "细颗粒物（PM\n2.5\n）浓度明显下降。");
    // English: a list of lines ending with commas stays a list of lines
    auto e = p("overcoming the COVID-19 pandemic,\na massive rollout of infrastructure,\n"
               "the energy tran-\nsition will benefit all.\n");
    auto te = texts(e);
    REQUIRE(te.size() == 3);
    CHECK(te[2] == "the energy tran-\nsition will benefit all.");
}

TEST_CASE("structure: where paragraphs are separated by blank lines, a single line break does not end a block") {
    auto d = p("一、2016年工作回顾\n\n过去一年，经济运行稳中向好。\n\n"
               "一是继续创新和加强宏观调控，经济运行保持在合理区间。\n去年宏观调控面临多难抉择。\n\n"
               "二是着力抓好“三去一降一补”，供给结构有所改善。\n以钢铁、煤炭行业为重点去产能。\n\n"
               "各位代表！\n");
    auto t = texts(d);
    REQUIRE(t.size() == 5);
    CHECK(t[2] == "一是继续创新和加强宏观调控，经济运行保持在合理区间。\n去年宏观调控面临多难抉择。");
    CHECK(d.blocks[3].marker == "二是");
    // the same lines without blank lines between paragraphs (provincial layout) stay apart
    auto q = p("一、2024年工作回顾\n一是经济运行回升向好。\n全市生产总值增长5%。\n二是新动能加快成长。\n");
    CHECK(q.blocks.size() == 4);
}

TEST_CASE("structure: the title block — title, delivery date, byline, salutation") {
    auto d = p("政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n"
               "国务院总理\u3000\n李\u3000强\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n");
    REQUIRE(d.title);
    REQUIRE(d.blocks.size() == 6);
    CHECK(d.slice(*d.title) == "政府工作报告");
    CHECK(d.date == "2024-03-05");
    CHECK(d.year == 2024);
    CHECK(d.blocks[0].kind == block_kind::heading);
    CHECK(d.blocks[1].kind == block_kind::meta);
    CHECK(d.blocks[2].kind == block_kind::meta);
    CHECK(text_of(d, d.blocks[3]) == "李\u3000强");
    CHECK(d.blocks[3].kind == block_kind::meta);
    CHECK(d.blocks[4].kind == block_kind::paragraph);
    CHECK(d.blocks[5].kind == block_kind::paragraph);

    auto broken = p("\u200b\n\n政府工作报\n告\n\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n");
    CHECK(broken.slice(broken.title.value_or(span{})) == "政府工作报\n告");
    CHECK(broken.date == "2017-03-05");

    auto en = p("REPORT ON THE WORK OF THE GOVERNMENT\n\nDelivered at the Third Session of the 13th National "
                "People's Congress on May 22, 2020\n\nLi Keqiang, Premier of the State Council\n\nFellow Deputies,\n");
    CHECK(en.slice(en.title.value_or(span{})) == "REPORT ON THE WORK OF THE GOVERNMENT");
    CHECK(en.date == "2020-05-22");
    REQUIRE(en.blocks.size() == 4);
    CHECK(en.blocks[2].kind == block_kind::meta);
    CHECK(en.blocks[3].kind == block_kind::paragraph);
}

TEST_CASE("structure: metadata lines and publication dates; a delivery date wins") {
    auto d = p("Point 8: Vigorously develop green finance.\n\nPost time: Mar-21-2024\n");
    REQUIRE(d.blocks.size() == 2);
    CHECK(d.blocks[1].kind == block_kind::meta);
    CHECK(d.date == "2024-03-21");
    CHECK(d.year == 2024);

    auto z = p("2026年北京市政府工作报告\n——2026年1月25日在北京市第十六届人民代表大会第四次会议上\n来源：北京日报\n"
               "时间：2026-02-02\n北京市市长 殷勇\n各位代表：\n");
    CHECK(z.date == "2026-01-25");
    REQUIRE(z.blocks.size() == 6);
    CHECK(z.blocks[2].kind == block_kind::meta);
    CHECK(z.blocks[3].kind == block_kind::meta);
    CHECK(z.blocks[4].kind == block_kind::meta);

    auto stamp = p("2026年四川省人民政府工作报告\n2026年02月10日 07时41分\n来源:\n四川日报\n"
                   "2026年2月3日在四川省第十四届人民代表大会第五次会议上\n各位代表：\n");
    CHECK(stamp.date == "2026-02-03");
    REQUIRE(stamp.blocks.size() == 5);
    CHECK(text_of(stamp, stamp.blocks[2]) == "来源:\n四川日报");
    CHECK(stamp.blocks[2].kind == block_kind::meta);

    auto bad = p("时间：2023-02-29\n");
    CHECK_FALSE(bad.date);
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].code == "invalid_date");
    CHECK(bad.slice(bad.diagnostics[0].where) == "2023-02-29");
}

TEST_CASE("structure: website navigation is metadata, wherever it stands") {
    auto d = p("下载\n打印\n【字号：大 中 小】\n2024年上海市政府工作报告\n各位代表：\n一、2023年工作回顾\n过去一年，稳中有进。\n"
               "打印本页\n关闭窗口\n");
    REQUIRE(d.blocks.size() == 9);
    for (std::size_t i : {0u, 1u, 2u, 7u, 8u}) CHECK(d.blocks[i].kind == block_kind::meta);
    CHECK(d.blocks[3].kind == block_kind::heading);  // the title
    CHECK(d.blocks[6].kind == block_kind::paragraph);
    // 大 / 中 / 小 are navigation only right after other navigation
    auto body = p("一、2023年工作回顾\n过去一年，稳中有进。\n大\n");
    CHECK(body.blocks.back().kind == block_kind::paragraph);
}

TEST_CASE("structure: a licence trailer is metadata outside the sections") {
    auto d = p("一、2023年工作回顾\n\n过去一年，经济回升向好。\n\n本作品是中华人民共和国的\n法律\n、\n法规\n，国家机关的决议。\n\n"
               "Public domain\n");
    REQUIRE(d.sections.size() == 1);
    CHECK(d.sections[0].whole.end == d.blocks[1].where.end);
    REQUIRE(d.blocks.size() == 4);
    CHECK(text_of(d, d.blocks[2]) == "本作品是中华人民共和国的\n法律\n、\n法规\n，国家机关的决议。");
    for (std::size_t i = 2; i < 4; ++i) {
        CHECK(d.blocks[i].kind == block_kind::meta);
        CHECK_FALSE(d.blocks[i].section);
    }
}

TEST_CASE("structure: the main-target paragraph is its own block") {
    auto d = p("我们要坚定信心，攻坚克难。今年发展主要预期目标是：国内生产总值增长6%以上；城镇新增就业1100万人以上。\n");
    REQUIRE(d.blocks.size() == 2);
    CHECK(text_of(d, d.blocks[0]) == "我们要坚定信心，攻坚克难。");
    CHECK(text_of(d, d.blocks[1]).substr(0, 36) == "今年发展主要预期目标是：");
    auto broken = p("2026年是“十五五”第一年。今年经济社会发展的\n主要预期目标\n是：地区生产总值增长4.5%—5%。\n");
    REQUIRE(broken.blocks.size() == 2);
    CHECK(text_of(broken, broken.blocks[1]).substr(0, 27) == "今年经济社会发展的");
    // the lead-in broken across lines at the start of a paragraph (single-line-break layout)
    auto opening = p("三、2026年工作安排\n今年经济社会发展的\n主要预期目标\n是：地区生产总值增长4.5%—5%。\n"
                     "重点抓好以下14个方面的工作。\n");
    REQUIRE(opening.blocks.size() == 3);
    CHECK(text_of(opening, opening.blocks[1]) == "今年经济社会发展的\n主要预期目标\n是：地区生产总值增长4.5%—5%。");
    auto ascii = p("主要预期目标是:经济增长5.5%左右。\n");
    CHECK(ascii.blocks.size() == 1);
    // "上述主要预期目标，" is not a lead-in
    auto not_lead = p("上述主要预期目标，体现了推动高质量发展要求。\n");
    CHECK(not_lead.blocks.size() == 1);
}

TEST_CASE("structure: lang detection and the caller's overrides") {
    CHECK(p("GDP growth of around 5%.").lang == "en");
    CHECK(p("国内生产总值增长5%左右。").lang == "zh");
    CHECK(p("Point 1: 国内生产总值增长5%左右，城镇新增就业1200万人以上。").lang == "zh");
    parse_options o;
    o.lang = "en";
    o.year = 2030;
    auto d = p("——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国内生产总值增长5%左右。\n", o);
    CHECK(d.lang == "en");
    CHECK(d.year == 2030);
    CHECK(d.date == "2024-03-05");
}

TEST_CASE("structure: transcripts — speaker labels and labelled lines") {
    auto d = p("# Budget Speech\n\n**Time:** 3.30 pm\n\n---\n\n**Mr Speaker**\n\n: Order. The Clerk will now proceed.\n");
    REQUIRE(d.blocks.size() == 5);
    CHECK(d.blocks[1].kind == block_kind::meta);
    CHECK(d.blocks[2].kind == block_kind::meta);
    CHECK(d.blocks[3].kind == block_kind::heading);
    CHECK(text_of(d, d.blocks[3]) == "**Mr Speaker**");
    CHECK(d.blocks[4].kind == block_kind::paragraph);
    CHECK(d.sections.size() == 1);
}
