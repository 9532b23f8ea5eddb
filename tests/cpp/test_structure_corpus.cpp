// Golden structure tests on the real corpus (shared/corpus). Expected values were
// written by reading the files (tests/data/structure/*.tsv and the comments below),
// not copied from reportx's output.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_structure_support.hpp"

using namespace reportx;
using rxtest::text_of;

namespace {

std::vector<std::vector<std::string>> read_tsv(std::string const& name) {
    std::ifstream in(std::string(REPORTX_TEST_DATA_DIR) + "/structure/" + name);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::size_t b = 0;
        for (;;) {
            std::size_t e = line.find('\t', b);
            std::string raw = line.substr(b, e == std::string::npos ? std::string::npos : e - b), c;
            for (std::size_t i = 0; i < raw.size(); ++i) {  // "\\n" in the file stands for a line break
                if (raw[i] == '\\' && i + 1 < raw.size() && raw[i + 1] == 'n') {
                    c.push_back('\n');
                    ++i;
                } else {
                    c.push_back(raw[i]);
                }
            }
            cols.push_back(c);
            if (e == std::string::npos) break;
            b = e + 1;
        }
        rows.push_back(cols);
    }
    return rows;
}

std::vector<std::string> split_bar(std::string const& s) {
    std::vector<std::string> out;
    std::size_t b = 0;
    for (;;) {
        std::size_t e = s.find('|', b);
        out.push_back(s.substr(b, e == std::string::npos ? std::string::npos : e - b));
        if (e == std::string::npos) return out;
        b = e + 1;
    }
}

document parse_corpus(std::string const& name) {
    parse_options o;
    o.doc_id = name;
    return parse(rxtest::corpus(name), o);
}

/// The main-target paragraph must be a block of its own that starts exactly at the
/// lead-in sentence; the block before it must end before it.
void check_target_block(document const& d, std::string const& prefix) {
    auto at = d.text.find(prefix);
    REQUIRE(at != std::string::npos);
    block const* found = nullptr;
    for (auto const& b : d.blocks)
        if (b.where.begin == at) found = &b;
    REQUIRE_MESSAGE(found, "no block starts at the main-target lead-in: " << prefix);
    CHECK(found->kind == block_kind::paragraph);
    if (found->id > 0) CHECK(d.blocks[static_cast<std::size_t>(found->id - 1)].where.end <= at);
}

}  // namespace

TEST_CASE("corpus golden: every national report's parts, title block and main-target paragraph") {
    auto rows = read_tsv("gwr_parts.tsv");
    REQUIRE(rows.size() == 11);
    for (auto const& r : rows) {
        REQUIRE(r.size() == 6);
        CAPTURE(r[0]);
        auto d = parse_corpus(r[0]);
        CHECK(d.lang == "zh");
        CHECK(rxtest::check_structure(d) == "");
        // date, year and title
        if (r[1] == "-") CHECK_FALSE(d.date);
        else CHECK(d.date.value_or("") == r[1]);
        CHECK(d.year.value_or(0) == std::stoi(r[2]));
        if (r[3] == "-") CHECK_FALSE(d.title);
        else CHECK((d.title && d.slice(*d.title) == r[3]));
        // the level-1 sections are exactly the parts, with their headings and labels
        auto expected = split_bar(r[4]);
        auto parts = rxtest::sections_at(d, 1);
        REQUIRE(parts.size() == expected.size());
        static char const* const numerals[] = {"一", "二", "三", "四", "五", "六"};
        for (std::size_t i = 0; i < parts.size(); ++i) {
            CHECK(d.slice(parts[i]->heading) == expected[i]);
            CHECK(parts[i]->label.value_or("") == numerals[i]);
            CHECK_FALSE(parts[i]->parent);
        }
        // level-2 sections are （一）… headings inside a part
        for (auto const* s : rxtest::sections_at(d, 2)) {
            CHECK(d.slice(s->heading).substr(0, 3) == "（");
            REQUIRE(s->parent);
            CHECK(d.sections[static_cast<std::size_t>(*s->parent)].level == 1);
        }
        check_target_block(d, r[5]);
        // the Wikisource licence trailer is metadata outside every section
        auto trailer = d.text.find("本作品是中华人民共和国的");
        REQUIRE(trailer != std::string::npos);
        for (auto const& b : d.blocks)
            if (b.where.begin >= trailer) {
                CHECK(b.kind == block_kind::meta);
                CHECK_FALSE(b.section);
            }
        for (auto const& s : d.sections) CHECK(s.whole.end <= trailer);
    }
}

TEST_CASE("corpus golden: provincial main-target paragraphs (为：, ASCII colon, broken lead-in, mid-paragraph)") {
    auto rows = read_tsv("prov_targets.tsv");
    REQUIRE(rows.size() == 9);
    for (auto const& r : rows) {
        CAPTURE(r[0]);
        auto d = parse_corpus(r[0]);
        CHECK(rxtest::check_structure(d) == "");
        check_target_block(d, r[1]);
    }
}

TEST_CASE("corpus golden: the seed summary (➣ bullets, three on one line, Point N:, Post time)") {
    auto d = parse_corpus("seed-2024-summary-en.txt");
    CHECK(rxtest::check_structure(d) == "");
    CHECK(d.lang == "en");
    REQUIRE(d.title);
    CHECK(d.slice(*d.title) ==
          "Government work report first mentioned lithium batteries, \u201cthe new three kinds of\u201d export "
          "growth of nearly 30 percent");
    CHECK(d.date.value_or("") == "2024-03-21");
    CHECK(d.year.value_or(0) == 2024);
    CHECK(d.sections.empty());

    // Nine ➣ items: lines 7, 10, 11 (glued), three on line 13, line 15, and two under Point 1.
    std::vector<block const*> bullets, points;
    for (auto const& b : d.blocks) {
        if (b.marker == "➣") bullets.push_back(&b);
        if (b.marker && b.marker->rfind("Point ", 0) == 0) points.push_back(&b);
    }
    REQUIRE(bullets.size() == 9);
    CHECK(text_of(d, *bullets[2]) == "➣Stable supply of energy resources.");
    CHECK(text_of(d, *bullets[3]) ==
          "➣ Formulating policies to support the development of green and low-carbon industries.");
    CHECK(text_of(d, *bullets[4]) == "➣ Promoting ultra-low emission transformation in key industries.");
    CHECK(text_of(d, *bullets[5]) ==
          "➣ Launch the construction of the first batch of carbon peaking pilot cities and parks. Actively "
          "participate in and promote global climate governance.");
    for (int i = 0; i < 9; ++i) CHECK(bullets[static_cast<std::size_t>(i)]->kind == block_kind::item);

    // Eight Point N: items, numbered 1..8, marker as written.
    REQUIRE(points.size() == 8);
    for (std::size_t i = 0; i < 8; ++i) {
        std::string expected = "Point ";
        expected += static_cast<char>('1' + i);
        expected += ':';
        CHECK(*points[i]->marker == expected);
        CHECK_FALSE(points[i]->parent);
    }
    CHECK(text_of(d, *points[0]) == "Point 1: The main expected goals for development this year are");
    // The two ➣ after "Point 1: … are" belong to it; the earlier ones to no item.
    CHECK(bullets[7]->parent == points[0]->id);
    CHECK(bullets[8]->parent == points[0]->id);
    CHECK(text_of(d, *bullets[7]) == "➣ GDP growth of around 5%;");
    for (int i = 0; i < 7; ++i) CHECK_FALSE(bullets[static_cast<std::size_t>(i)]->parent);

    // Colon lead-ins followed by a list are heading blocks; Post time is metadata.
    auto lead = rxtest::block_starting(d, "Highlights of this year's energy work:");
    REQUIRE(lead);
    CHECK(lead->kind == block_kind::heading);
    auto premier = rxtest::block_starting(d, "Premier Li Qiang introduced the past year");
    REQUIRE(premier);
    CHECK(premier->kind == block_kind::heading);
    auto post = rxtest::block_starting(d, "Post time:");
    REQUIRE(post);
    CHECK(post->kind == block_kind::meta);
    CHECK(text_of(d, *post) == "Post time: Mar-21-2024");
}

TEST_CASE("corpus golden: the 2020 English sample (parts I-III, • targets, -- items, (1)-(4))") {
    auto d = parse_corpus("dev-gwr-2020-synth-en.txt");
    CHECK(rxtest::check_structure(d) == "");
    CHECK(d.lang == "en");
    REQUIRE(d.title);
    CHECK(d.slice(*d.title) == "REPORT ON THE WORK OF THE GOVERNMENT");
    CHECK(d.date.value_or("") == "2020-05-22");
    CHECK(d.year.value_or(0) == 2020);
    REQUIRE(d.sections.size() == 3);
    CHECK(d.slice(d.sections[0].heading) == "I. A Review of Our Work in 2019 and the First Few Months of 2020");
    CHECK(d.slice(d.sections[1].heading) ==
          "II. Overall Requirements and Policy Orientation for Economic and Social Development in 2020");
    CHECK(d.slice(d.sections[2].heading) == "III. Major Tasks for 2020");
    CHECK(d.sections[0].label == "I");
    CHECK(d.sections[1].label == "II");
    CHECK(d.sections[2].label == "III");
    for (auto const& s : d.sections) CHECK(s.level == 1);

    std::vector<block const*> dots, dashes, numbered;
    for (auto const& b : d.blocks) {
        if (b.marker == "•") dots.push_back(&b);
        if (b.marker == "--") dashes.push_back(&b);
        if (b.marker && (*b.marker)[0] == '(') numbered.push_back(&b);
    }
    REQUIRE(dots.size() == 10);
    CHECK(text_of(d, *dots[9]) ==
          "• no specific target for economic growth, since the course of the epidemic and of world trade is highly "
          "uncertain.");
    for (auto const* b : dots) {
        CHECK(b->section == 1);
        CHECK_FALSE(b->parent);
    }
    REQUIRE(dashes.size() == 4);
    for (auto const* b : dashes) CHECK(b->section == 1);
    REQUIRE(numbered.size() == 4);
    static char const* const parens[] = {"(1)", "(2)", "(3)", "(4)"};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(*numbered[i]->marker == parens[i]);
        CHECK(numbered[i]->section == 2);
    }
    auto targets = rxtest::block_starting(d, "The main targets for this year are:");
    REQUIRE(targets);
    CHECK(targets->kind == block_kind::heading);
    CHECK(targets->id + 1 == dots[0]->id);
    auto fiscal = rxtest::block_starting(d, "Fiscal policy will be more proactive");
    REQUIRE(fiscal);
    CHECK(fiscal->kind == block_kind::heading);
    // the title block: the delivery line and the premier's name are metadata
    auto delivered = rxtest::block_starting(d, "Delivered at the Third Session");
    REQUIRE(delivered);
    CHECK(delivered->kind == block_kind::meta);
    auto premier = rxtest::block_starting(d, "Li Keqiang, Premier of the State Council");
    REQUIRE(premier);
    CHECK(premier->kind == block_kind::meta);
    // "Fellow Deputies," is report text
    CHECK(rxtest::kind_starting(d, "Fellow Deputies,") == block_kind::paragraph);
}

TEST_CASE("corpus: Wikisource formatting breaks are joined into one block (74.4 ⏎ ZWSP ⏎ 万亿元, M ⏎ 2)") {
    auto d = parse_corpus("gwr-2017-zh.txt");
    auto at = d.text.find("国内生产总值达到74.4\n\u200b\n万亿元");
    REQUIRE(at != std::string::npos);
    auto m2 = d.text.find("今年广义货币M\n2\n和社会融资规模");
    REQUIRE(m2 != std::string::npos);
    int holding74 = -1, holdingM2 = -1;
    for (auto const& b : d.blocks) {
        if (b.where.begin <= at && b.where.end >= at + 40) holding74 = b.id;
        if (b.where.begin <= m2 && b.where.end >= m2 + 40) holdingM2 = b.id;
    }
    CHECK(holding74 >= 0);
    CHECK(holdingM2 >= 0);
    // the "——" highlight whose words were broken into link lines (——⏎改革开放⏎深入推进。…) is one item
    auto reform = d.text.find("——\n改革开放\n深入推进。");
    REQUIRE(reform != std::string::npos);
    auto item = rxtest::block_starting(d, "——\n改革开放");
    REQUIRE(item);
    CHECK(item->kind == block_kind::item);
    CHECK(item->marker == "——");
    CHECK(text_of(d, *item).find("一批重大工程和国际产能合作项目落地。") != std::string::npos);
    // Paragraphs here are separated by blank lines, so a single line break is formatting:
    // link text on its own line, and the bold lead sentence of 一是… before its body.
    auto review = rxtest::block_starting(d, "过去一年，我国发展面临国内外诸多矛盾叠加");
    REQUIRE(review);
    CHECK(text_of(d, *review).find("党的十八届六中全会\n正式明确\n习近平\n总书记的核心地位") != std::string::npos);
    auto first = rxtest::block_starting(d, "一是继续创新和加强宏观调控");
    REQUIRE(first);
    CHECK(first->marker == "一是");
    CHECK(text_of(d, *first).find("去年宏观调控面临多难抉择") != std::string::npos);
    auto infra = rxtest::block_starting(d, "——基础设施支撑能力持续提升");
    REQUIRE(infra);
    CHECK(text_of(d, *infra).find("城市轨道交通\n、地下综合管廊建设加快") != std::string::npos);
    // the title broken across lines, and the premier's name: 国务院总理 ⏎ 　李克强
    auto name = rxtest::block_starting(d, "李克强");
    REQUIRE(name);
    CHECK(name->kind == block_kind::meta);
}

TEST_CASE("corpus: ideographic-space indentation, 一是 items, ——, annex lists, navigation") {
    // Beijing 2025: paragraphs indented with U+3000; blocks start at the first visible character
    auto bj = parse_corpus("prov-beijing-2025-zh.txt");
    CHECK(rxtest::check_structure(bj) == "");
    auto part = rxtest::sections_at(bj, 1);
    REQUIRE(part.size() == 2);
    CHECK(bj.slice(part[0]->heading) == "一、2024年工作回顾");
    CHECK(bj.date.value_or("") == "2025-01-14");
    CHECK(bj.slice(bj.title.value_or(span{})) == "2025年北京市政府工作报告");
    CHECK(rxtest::kind_starting(bj, "来源：北京日报") == block_kind::meta);

    // Beijing 2026: website navigation (下载 打印 … 【字号： 加大 还原 减小 】) is metadata;
    // the delivery date wins over the publication line 时间：2026-02-02
    auto bj26 = parse_corpus("prov-beijing-2026-zh.txt");
    CHECK(rxtest::check_structure(bj26) == "");
    REQUIRE(bj26.blocks.size() > 9);
    for (int i = 0; i < 9; ++i) CHECK(bj26.blocks[static_cast<std::size_t>(i)].kind == block_kind::meta);
    CHECK(text_of(bj26, bj26.blocks[0]) == "下载");
    CHECK(text_of(bj26, bj26.blocks[8]) == "】");
    CHECK(bj26.date.value_or("") == "2026-01-25");
    CHECK(rxtest::kind_starting(bj26, "时间：2026-02-02") == block_kind::meta);
    auto yi = rxtest::block_starting(bj26, "一是首都功能持续优化提升");
    REQUIRE(yi);
    CHECK(yi->kind == block_kind::item);
    CHECK(yi->marker == "一是");
    CHECK(rxtest::marker_starting(bj26, "二是科技创新") == "二是");

    // Sichuan 2026: the delivery line beats the earlier time stamp 2026年02月10日 07时41分
    auto sc = parse_corpus("prov-sichuan-2026-zh.txt");
    CHECK(rxtest::check_structure(sc) == "");
    CHECK(sc.date.value_or("") == "2026-02-03");
    CHECK(rxtest::kind_starting(sc, "大") == block_kind::meta);  // 【字体： 大 中 小 】

    // Guangdong 2026: the annex's 一、…十、 list does not become parts
    auto gd = parse_corpus("prov-guangdong-2026-zh.txt");
    CHECK(rxtest::check_structure(gd) == "");
    auto gparts = rxtest::sections_at(gd, 1);
    REQUIRE(gparts.size() == 3);
    CHECK(gd.slice(gparts[2]->heading) == "三、2026年工作安排");
    auto annex = rxtest::block_starting(gd, "一、提高低保、特困人员");
    REQUIRE(annex);
    CHECK(annex->kind == block_kind::item);
    CHECK(annex->marker == "一、");
    CHECK(rxtest::kind_starting(gd, "十、深入推进“四好农村路”") == block_kind::item);
    CHECK(gd.date.value_or("") == "2026-01-26");

    // Guangdong 2025: (十二)… heading shares its line with the body
    auto gd25 = parse_corpus("prov-guangdong-2025-zh.txt");
    bool found = false;
    for (auto const& s : gd25.sections)
        if (gd25.slice(s.heading) == "（十二）全面加强政府自身建设，努力建设人民满意的政府") {
            found = true;
            CHECK(s.level == 2);
            CHECK(s.label == "十二");
        }
    CHECK(found);
    auto body = rxtest::block_starting(gd25, "深入推进全面从严治党，建设法治政府");
    REQUIRE(body);
    CHECK(body->kind == block_kind::paragraph);

    // 2021 national: the lead-in sits mid-paragraph; the sentences before stay their own paragraph
    auto g21 = parse_corpus("gwr-2021-zh.txt");
    auto before = rxtest::block_starting(g21, "今年我国发展仍面临不少风险挑战");
    REQUIRE(before);
    CHECK(text_of(g21, *before).substr(text_of(g21, *before).size() - 3) == "。");
    REQUIRE(static_cast<std::size_t>(before->id + 1) < g21.blocks.size());
    CHECK(text_of(g21, g21.blocks[static_cast<std::size_t>(before->id + 1)]).substr(0, 36) ==
          "今年发展主要预期目标是：");
}

TEST_CASE("corpus: unnumbered part headings standing alone (Sichuan 2025) and annex headings") {
    // lines 7, 31, 79 and 86 of prov-sichuan-2025-zh.txt stand alone between paragraphs
    auto sc = parse_corpus("prov-sichuan-2025-zh.txt");
    CHECK(rxtest::check_structure(sc) == "");
    auto parts = rxtest::sections_at(sc, 1);
    REQUIRE(parts.size() == 4);
    CHECK(sc.slice(parts[0]->heading) == "2024年工作回顾");
    CHECK(sc.slice(parts[1]->heading) == "2025年工作安排建议");
    CHECK(sc.slice(parts[2]->heading) == "加强政府自身建设");
    CHECK(sc.slice(parts[3]->heading) == "名词解释");
    for (auto const* s : parts) CHECK_FALSE(s->label);
    for (auto const* s : rxtest::sections_at(sc, 2)) CHECK(s->parent.has_value());
    // Guangdong 2025: the annex titles are heading blocks, not report paragraphs
    auto gd = parse_corpus("prov-guangdong-2025-zh.txt");
    auto annex = rxtest::block_starting(gd, "附件1");
    REQUIRE(annex);
    CHECK(annex->kind == block_kind::heading);
    CHECK(rxtest::kind_starting(gd, "附件2 名词解释") == block_kind::heading);
    CHECK(rxtest::sections_at(gd, 1).size() == 2);  // numbered parts: standalone lines open no part
}

TEST_CASE("corpus: English speeches (Markdown, speaker labels, (a) items, title-block dates)") {
    auto sg = parse_corpus("other-sg-budget-2024-en.txt");
    CHECK(rxtest::check_structure(sg) == "");
    CHECK(sg.lang == "en");
    REQUIRE(sg.sections.size() == 1);
    CHECK(sg.slice(sg.sections[0].heading) == "Budget Speech");
    CHECK_FALSE(sg.sections[0].label);
    CHECK(sg.slice(sg.title.value_or(span{})) == "Budget Speech");
    CHECK(rxtest::kind_starting(sg, "**Time:** 3.30 pm") == block_kind::meta);
    CHECK(rxtest::kind_starting(sg, "---") == block_kind::meta);
    auto speaker = rxtest::block_starting(sg, "**Mr Speaker**");
    REQUIRE(speaker);
    CHECK(speaker->kind == block_kind::heading);
    auto a = rxtest::block_starting(sg, "(a) tackle immediate challenges");
    REQUIRE(a);
    CHECK(a->marker == "(a)");
    CHECK(rxtest::kind_starting(sg, "Budget 2024 is therefore about") == block_kind::paragraph);

    auto za = parse_corpus("other-za-sona-2022-en.txt");
    CHECK(rxtest::check_structure(za) == "");
    CHECK(za.date.value_or("") == "2022-02-10");
    CHECK(za.year.value_or(0) == 2022);
    CHECK(rxtest::kind_starting(za, "Thursday, 10 February 2022") == block_kind::meta);
}

TEST_CASE("corpus property: every document keeps the structure invariants") {
    namespace fs = std::filesystem;
    int n = 0;
    for (auto const& e : fs::directory_iterator(REPORTX_CORPUS_DIR)) {
        if (e.path().extension() != ".txt") continue;
        CAPTURE(e.path().filename().string());
        auto d = parse_corpus(e.path().filename().string());
        CHECK(rxtest::check_structure(d) == "");
        CHECK(!d.blocks.empty());
        ++n;
    }
    CHECK(n == 28);
}
