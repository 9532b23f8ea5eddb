// Policy actions on real text, hand-checked: the seed summary's Points 2-8 and whole
// paragraphs of the 2024 national report; the intensity ladder; coordinated verbs,
// lists of objects; bad input.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

using namespace reportx;

namespace {

// One action as a line: verb {mods} intensity <object> [topics]
std::string show(document const& doc, action const& a) {
    std::ostringstream os;
    os << a.verb << " {";
    for (std::size_t i = 0; i < a.modifiers.size(); ++i) os << (i ? "," : "") << a.modifiers[i];
    os << "} " << a.intensity << " <" << (a.object ? doc.slice(*a.object) : std::string_view("-")) << "> [";
    for (std::size_t i = 0; i < a.topics.size(); ++i) os << (i ? "," : "") << a.topics[i];
    os << "]";
    return os.str();
}

// The actions inside the first occurrence of `passage`, one line each.
std::vector<std::string> actions_in(document const& doc, std::string_view passage) {
    auto at = doc.text.find(passage);
    REQUIRE_MESSAGE(at != std::string::npos, passage);
    std::vector<std::string> out;
    for (auto const& a : doc.actions)
        if (a.where.begin >= at && a.where.end <= at + passage.size()) out.push_back(show(doc, a));
    return out;
}

using lines = std::vector<std::string>;

void check_provenance(document const& doc) {
    for (auto const& a : doc.actions) {
        REQUIRE(static_cast<std::size_t>(a.block) < doc.blocks.size());
        auto const& b = doc.blocks[a.block].where;
        CHECK(a.where.begin >= b.begin);
        CHECK(a.where.end <= b.end);
        CHECK(a.where.begin < a.where.end);
        if (a.object) {
            CHECK(a.object->begin >= a.where.begin);
            CHECK(a.object->end == a.where.end);
            CHECK(!a.object->empty());
        }
        CHECK(a.intensity > 0);
        for (auto const& m : a.modifiers) CHECK(doc.slice(a.where).find(m) != std::string_view::npos);
    }
}

}  // namespace

TEST_CASE("actions: seed summary, every Point 2-8 hand-checked") {
    auto doc = parse(rxtest::corpus("seed-2024-summary-en.txt"));
    check_provenance(doc);
    CHECK(actions_in(doc, "Point 2: Consolidate and expand the leading edge of industries such as intelligent "
                          "networked new energy vehicles, accelerate the development of cutting-edge emerging "
                          "hydrogen energy, new materials, innovative medicines and other industries, and actively "
                          "build new growth engines such as bio-manufacturing, commercial spaceflight and "
                          "low-altitude economy.") ==
          lines{"consolidate {} 2 <the leading edge of industries such as intelligent networked new energy "
                "vehicles> [industry.new_energy_vehicles,industry.intelligent_connected_vehicles]",
                "expand {} 2.5 <the leading edge of industries such as intelligent networked new energy "
                "vehicles> [industry.new_energy_vehicles,industry.intelligent_connected_vehicles]",
                "accelerate {} 3 <the development of cutting-edge emerging hydrogen energy, new materials, "
                "innovative medicines and other industries> "
                "[energy.hydrogen,industry.new_materials,industry.innovative_medicines]",
                "build {actively} 2.8 <new growth engines such as bio-manufacturing, commercial spaceflight and "
                "low-altitude economy> "
                "[industry.biomanufacturing,industry.commercial_spaceflight,industry.low_altitude]"});
    CHECK(actions_in(doc, "Point 3: Strengthen the construction of large-scale wind power and photovoltaic bases "
                          "and transmission corridors, promote the development and utilization of distributed "
                          "energy resources, develop new types of energy storage, promote the use of green power "
                          "and international mutual recognition, and give full play to the role of coal and "
                          "coal-powered power generation, so as to ensure that the economic and social development "
                          "of the demand for energy.") ==
          lines{"strengthen {} 2.5 <the construction of large-scale wind power and photovoltaic bases and "
                "transmission corridors> [energy.wind,energy.photovoltaics,energy.grid]",
                "promote {} 2.5 <the development and utilization of distributed energy resources> "
                "[energy.distributed]",
                "develop {} 2.5 <new types of energy storage> [energy.storage]",
                "promote {} 2.5 <the use of green power and international mutual recognition> [energy.green_power]",
                "give full play to {} 2 <the role of coal and coal-powered power generation> [energy.coal]",
                "ensure {} 3 <that the economic and social development of the demand for energy> []"});
    CHECK(actions_in(doc, "Point 4: Actively and steadily promote carbon peaking and carbon neutrality. Solidly "
                          "carry out the \"Ten Actions for Peak Carbon\".") ==
          lines{"promote {Actively,steadily} 2.7 <carbon peaking and carbon neutrality> "
                "[climate.carbon_peaking,climate.carbon_neutrality]",
                "carry out {Solidly} 2.4 <the \"Ten Actions for Peak Carbon\"> "
                "[climate.peak_carbon_actions,climate.carbon_peaking]"});
    CHECK(actions_in(doc, "Point 5: Enhance the capacity for statistical accounting and verification of carbon "
                          "emissions, establish a carbon footprint management system, and expand the coverage of "
                          "industries in the national carbon market.") ==
          lines{"enhance {} 2.5 <the capacity for statistical accounting and verification of carbon emissions> "
                "[climate.emissions_accounting]",
                "establish {} 2 <a carbon footprint management system> [climate.carbon_footprint]",
                "expand {} 2.5 <the coverage of industries in the national carbon market> [climate.carbon_market]"});
    CHECK(actions_in(doc, "Point 6: Implement the manufacturing technology transformation and upgrading project, "
                          "cultivate and grow advanced manufacturing clusters, create national new "
                          "industrialization demonstration zones, and promote the high-end, intelligent and green "
                          "transformation of traditional industries.") ==
          lines{"implement {} 2 <the manufacturing technology transformation and upgrading project> []",
                "cultivate {} 2.5 <advanced manufacturing clusters> [industry.advanced_manufacturing]",
                "grow {} 2.5 <advanced manufacturing clusters> [industry.advanced_manufacturing]",
                "create {} 2.5 <national new industrialization demonstration zones> "
                "[industry.new_industrialization]",
                "promote {} 2.5 <the high-end, intelligent and green transformation of traditional industries> "
                "[climate.green_low_carbon]"});
    CHECK(actions_in(doc, "Point 7: Stabilizing and expanding traditional consumption, encouraging and promoting "
                          "the replacement of old consumer goods with new ones, and boosting bulk consumption of "
                          "smart Internet-connected new-energy vehicles, electronic products and other products.") ==
          lines{"stabilize {} 2 <traditional consumption> [consumption.domestic]",
                "expand {} 2.5 <traditional consumption> [consumption.domestic]",
                "encourage {} 1.5 <the replacement of old consumer goods with new ones> [consumption.trade_in]",
                "promote {} 2.5 <the replacement of old consumer goods with new ones> [consumption.trade_in]",
                "boost {} 2.5 <bulk consumption of smart Internet-connected new-energy vehicles, electronic "
                "products and other products> "
                "[consumption.domestic,industry.new_energy_vehicles,industry.intelligent_connected_vehicles]"});
    CHECK(actions_in(doc, "Point 8: Vigorously develop science and technology finance, green finance, inclusive "
                          "finance, pension finance and digital finance.") ==
          lines{"develop {Vigorously} 3.4 <science and technology finance, green finance, inclusive finance, "
                "pension finance and digital finance> "
                "[finance.sci_tech,finance.green,finance.inclusive,finance.pension,finance.digital]"});
    // Coordinated verbs share the object span and the whole span.
    auto at = doc.text.find("Consolidate and expand");
    std::vector<action const*> shared;
    for (auto const& a : doc.actions)
        if (a.where.begin == at) shared.push_back(&a);
    REQUIRE(shared.size() == 2);
    CHECK(shared[0]->verb == "consolidate");
    CHECK(shared[1]->verb == "expand");
    CHECK(shared[1]->where == shared[0]->where);
    CHECK(shared[1]->object == shared[0]->object);
}

TEST_CASE("actions: \"Vigorously develop\" ranks above \"promote\"") {
    auto doc = parse(rxtest::corpus("seed-2024-summary-en.txt"));
    double vigorous = 0, promote = 0;
    for (auto const& a : doc.actions) {
        if (a.verb == "develop" && a.modifiers == std::vector<std::string>{"Vigorously"}) vigorous = a.intensity;
        if (a.verb == "promote" && a.modifiers.empty()) promote = a.intensity;
    }
    REQUIRE(vigorous > 0);
    REQUIRE(promote > 0);
    CHECK(vigorous > promote);
}

TEST_CASE("actions: the intensity ladder of Chinese policy wording holds") {
    // 研究 → 积极研究 → 推进 → 积极稳妥推进 → 积极推进 → 加快推进 → 择机推动 → 推动 → 积极推动 → 大力推动
    char const* ladder[] = {"研究", "积极研究", "推进", "积极稳妥推进", "积极推进",
                            "加快推进", "择机推动", "推动", "积极推动", "大力推动"};
    double prev = 0;
    for (auto const* w : ladder) {
        auto doc = parse(std::string(w) + "碳达峰碳中和。");
        REQUIRE_MESSAGE(doc.actions.size() == 1, w);
        auto const& a = doc.actions[0];
        CHECK_MESSAGE(a.intensity > prev, w);
        CHECK(doc.slice(*a.object) == "碳达峰碳中和");
        prev = a.intensity;
    }
    auto doc = parse("加快推进X。");
    REQUIRE(doc.actions.size() == 1);
    CHECK(doc.actions[0].verb == "推进");
    CHECK(doc.actions[0].modifiers == std::vector<std::string>{"加快"});
}

TEST_CASE("actions: 2024 national report, whole paragraphs hand-checked") {
    auto doc = parse(rxtest::corpus("gwr-2024-zh.txt"));
    check_provenance(doc);
    CHECK(actions_in(doc, "积极稳妥推进碳达峰碳中和。扎实开展“碳达峰十大行动”。提升碳排放统计核算核查能力，"
                          "建立碳足迹管理体系，扩大全国碳市场行业覆盖范围。深入推进能源革命，控制化石能源消费，"
                          "加快建设新型能源体系。加强大型风电光伏基地和外送通道建设，推动分布式能源开发利用，"
                          "提高电网对清洁能源的接纳、配置和调控能力，发展新型储能，促进绿电使用和国际互认，"
                          "发挥煤炭、煤电兜底作用，确保经济社会发展用能需求。") ==
          lines{"推进 {积极稳妥} 2.2 <碳达峰碳中和> [climate.carbon_peaking,climate.carbon_neutrality]",
                "开展 {扎实} 2.4 <“碳达峰十大行动”> [climate.peak_carbon_actions,climate.carbon_peaking]",
                "提升 {} 2.5 <碳排放统计核算核查能力> [climate.emissions_accounting]",
                "建立 {} 2 <碳足迹管理体系> [climate.carbon_footprint]",
                "扩大 {} 2.5 <全国碳市场行业覆盖范围> [climate.carbon_market]",
                "推进 {深入} 2.4 <能源革命> []",
                "控制 {} 2 <化石能源消费> [energy.fossil]",
                "建设 {加快} 3.1 <新型能源体系> [energy.new_energy]",
                "加强 {} 2.5 <大型风电光伏基地和外送通道建设> [energy.wind,energy.photovoltaics,energy.grid]",
                "推动 {} 3 <分布式能源开发利用> [energy.distributed]",
                "提高 {} 2.5 <电网对清洁能源的接纳、配置和调控能力> [energy.grid,energy.new_energy]",
                "发展 {} 2.5 <新型储能> [energy.storage]",
                "促进 {} 2.5 <绿电使用和国际互认> [energy.green_power]",
                "发挥 {} 2 <煤炭、煤电兜底作用> [energy.coal]",
                "确保 {} 3 <经济社会发展用能需求> []"});
    CHECK(actions_in(doc, "巩固扩大智能网联新能源汽车等产业领先优势，加快前沿新兴氢能、新材料、创新药等产业发展，"
                          "积极打造生物制造、商业航天、低空经济等新增长引擎。") ==
          lines{"巩固 {} 2 <智能网联新能源汽车等产业领先优势> "
                "[industry.new_energy_vehicles,industry.intelligent_connected_vehicles]",
                "扩大 {} 2.5 <智能网联新能源汽车等产业领先优势> "
                "[industry.new_energy_vehicles,industry.intelligent_connected_vehicles]",
                "加快 {} 3 <前沿新兴氢能、新材料、创新药等产业发展> "
                "[energy.hydrogen,industry.new_materials,industry.innovative_medicines]",
                "打造 {积极} 2.8 <生物制造、商业航天、低空经济等新增长引擎> "
                "[industry.biomanufacturing,industry.commercial_spaceflight,industry.low_altitude]"});
    CHECK(actions_in(doc, "大力发展绿色低碳经济。推进产业结构、能源结构、交通运输结构、城乡建设发展绿色转型。"
                          "落实全面节约战略，加快重点领域节能节水改造。完善支持绿色发展的财税、金融、投资、价格政策"
                          "和相关市场化机制，推动废弃物循环利用产业发展，促进节能降碳先进技术研发应用，加快形成绿色"
                          "低碳供应链。建设美丽中国先行区，打造绿色低碳发展高地。") ==
          lines{"发展 {大力} 3.4 <绿色低碳经济> [climate.green_low_carbon]",
                "推进 {} 2 <产业结构、能源结构、交通运输结构、城乡建设发展绿色转型> [climate.green_low_carbon]",
                "落实 {} 2 <全面节约战略> []",
                "加快 {} 3 <重点领域节能节水改造> [energy.conservation]",
                "完善 {} 2 <支持绿色发展的财税、金融、投资、价格政策和相关市场化机制> [climate.green_low_carbon]",
                "推动 {} 3 <废弃物循环利用产业发展> []",
                "促进 {} 2.5 <节能降碳先进技术研发应用> [energy.conservation]",
                "加快 {} 3 <形成绿色低碳供应链> [climate.green_low_carbon]",
                "建设 {} 2.5 <美丽中国先行区> [social.ecology]",
                "打造 {} 2.5 <绿色低碳发展高地> [climate.green_low_carbon]"});
    CHECK(actions_in(doc, "稳定和扩大传统消费，鼓励和推动消费品以旧换新，提振智能网联新能源汽车、电子产品等大宗消费。") ==
          lines{"稳定 {} 2 <传统消费> [consumption.domestic]",
                "扩大 {} 2.5 <传统消费> [consumption.domestic]",
                "鼓励 {} 1.5 <消费品以旧换新> [consumption.trade_in]",
                "推动 {} 3 <消费品以旧换新> [consumption.trade_in]",
                "提振 {} 2.5 <智能网联新能源汽车、电子产品等大宗消费> "
                "[industry.new_energy_vehicles,industry.intelligent_connected_vehicles,consumption.domestic]"});
    CHECK(actions_in(doc, "大力发展科技金融、绿色金融、普惠金融、养老金融、数字金融。") ==
          lines{"发展 {大力} 3.4 <科技金融、绿色金融、普惠金融、养老金融、数字金融> "
                "[finance.sci_tech,finance.green,finance.inclusive,finance.pension,finance.digital]"});
    CHECK(actions_in(doc, "推动外贸稳规模、优结构，电动汽车、锂电池、光伏产品“新三样”出口增长近30%。") ==
          lines{"推动 {} 3 <外贸稳规模、优结构> [trade.foreign_trade]"});
}

TEST_CASE("actions: clause rules in small cases") {
    auto one = [](std::string text) {
        auto doc = parse(std::move(text));
        std::vector<std::string> out;
        for (auto const& a : doc.actions) out.push_back(show(doc, a));
        return out;
    };
    // A comma before a verb ends the object; before anything else it continues the list.
    CHECK(one("Promote foreign trade to stabilize the scale and optimize the structure.") ==
          lines{"promote {} 2.5 <foreign trade to stabilize the scale> [trade.foreign_trade]",
                "optimize {} 2 <the structure> []"});
    CHECK(one("We will continue to improve the ecological environment, and we will further expand exports.") ==
          lines{"improve {continue to} 2.2 <the ecological environment> [social.ecology]",
                "expand {further} 2.9 <exports> [trade.exports]"});
    // An -ing form after a bare `and` is a noun; participles used as adjectives are not verbs.
    CHECK(one("Support developing countries.") == lines{"support {} 1.5 <developing countries> []"});
    CHECK(one("The production and sales of new energy vehicles grew.") == lines{});
    // Shared modifiers before the first verb; a modifier after the coordinator is that verb's own.
    CHECK(one("Vigorously encourage and actively guide private investment.") ==
          lines{"encourage {Vigorously} 2.4 <private investment> []",
                "guide {Vigorously,actively} 2.7 <private investment> []"});
    CHECK(one("We will move faster to develop new quality productive forces.") ==
          lines{"develop {move faster to} 3.1 <new quality productive forces> [industry.new_productive_forces]"});
    // Chinese: a verb inside a word is not a head; connectors open a place for one.
    CHECK(one("高质量发展取得新进展，我们要大力推进改革。") == lines{"推进 {大力} 2.9 <改革> []"});
    CHECK(one("一是深化改革，二是扩大开放。") == lines{"深化 {} 2.5 <改革> []", "扩大 {} 2.5 <开放> []"});
    // 了 after the verb is skipped; a verb inside a noun (保护主义) is none.
    CHECK(one("深化了对经济工作的规律性认识，保护主义加剧。") == lines{"深化 {} 2.5 <对经济工作的规律性认识> []"});
    CHECK(one("增强经济活力、防范化解风险、改善社会预期。") ==
          lines{"增强 {} 2.5 <经济活力> []", "防范 {} 2 <风险> []", "化解 {} 2 <风险> []",
                "改善 {} 2 <社会预期> []"});
}

TEST_CASE("actions: bad and odd input neither crashes nor hangs") {
    CHECK(parse("").actions.empty());
    CHECK(parse("promote").actions.empty());  // a verb with nothing after it is no directive
    CHECK(parse("Jobs were created in urban areas, and the economy expanded by 6.1 percent.").actions.empty());
    CHECK(parse("Trade disputes deepened, and output fell.").actions.empty());
    CHECK(parse("大力").actions.empty());
    CHECK(parse("，，，。。。and and and ,,,").actions.empty());
    // Random bytes (made valid UTF-8) and long degenerate lines stay linear.
    std::mt19937 rng(7);
    char const* pieces[] = {"promote ", "and ", ", ", "推动", "和", "、", "，", "大力", "actively ", "x", "。", ". ",
                            "the new three", "新三样", "\n", "\xE3\x80\x80", "coal"};
    for (int round = 0; round < 50; ++round) {
        std::string s;
        for (int i = 0; i < 400; ++i) s += pieces[rng() % std::size(pieces)];
        auto doc = parse(s);
        check_provenance(doc);
    }
    std::string longline;
    for (int i = 0; i < 20000; ++i) longline += "develop and promote A, B and ";
    auto t0 = std::chrono::steady_clock::now();
    auto doc = parse(longline);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    CHECK(ms < 2000);  // ~600 KB in one clause
    CHECK(!doc.actions.empty());
}

TEST_CASE("actions: a paragraph longer than the per-byte hit index finds the same actions") {
    // Past 64 KB a block's hits are looked up by a binary search, not the per-byte index:
    // a paragraph of ~100 KB made of one passage repeated gives that passage's actions each time.
    std::string const passage =
        "Promote foreign trade to stabilize the scale and optimize the structure. 一是深化改革，二是扩大开放。"
        "Vigorously encourage and actively guide private investment, and we will further expand exports. "
        "增强经济活力、防范化解风险、改善社会预期。我们要大力推进改革。 ";
    auto lines_of = [](document const& doc) {
        std::vector<std::string> out;
        for (auto const& a : doc.actions) out.push_back(show(doc, a));
        return out;
    };
    auto const once = lines_of(parse(passage));
    REQUIRE(once.size() >= 10);
    std::string text;
    int n = 0;
    for (; text.size() < 100000; ++n) text += passage;
    auto const doc = parse(text);
    REQUIRE(doc.blocks.size() == 1);
    check_provenance(doc);
    auto const all = lines_of(doc);
    REQUIRE(all.size() == once.size() * static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < all.size(); ++i) {
        CAPTURE(i);
        CHECK(all[i] == once[i % once.size()]);
    }
}

TEST_CASE("actions and topics: invariants on every corpus document") {
    std::size_t docs = 0, actions = 0, topics = 0;
    for (auto const& entry : std::filesystem::directory_iterator(REPORTX_CORPUS_DIR)) {
        if (entry.path().extension() != ".txt") continue;
        auto doc = parse_file(entry.path());
        ++docs;
        check_provenance(doc);
        for (std::size_t i = 1; i < doc.topics.size(); ++i)  // topics in text order (actions rely on it)
            CHECK(doc.topics[i - 1].where.begin <= doc.topics[i].where.begin);
        for (auto const& a : doc.actions) {
            CHECK(a.object);
            for (auto const& id : a.topics) {  // every listed topic is a hit inside the object
                bool found = false;
                for (auto const& t : doc.topics)
                    found = found || (t.id == id && t.where.begin >= a.object->begin && t.where.end <= a.object->end);
                CHECK_MESSAGE(found, id);
            }
        }
        for (auto const& t : doc.topics) CHECK(t.id.substr(0, 5) != "none.");
        actions += doc.actions.size();
        topics += doc.topics.size();
    }
    CHECK(docs >= 20);
    CHECK(actions > 10000);  // ~600-800 per national report
    CHECK(topics > 5000);
}
