// Topics on real text: the seed summary and the 2024 national report, hand-checked;
// group aliases; no topic inside an unrelated word; spans and blocks.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support.hpp"

using namespace reportx;

namespace {

// The topics whose span lies inside the first occurrence of `passage` (ids, in order).
std::vector<std::string> topics_in(document const& doc, std::string_view passage) {
    auto at = doc.text.find(passage);
    REQUIRE_MESSAGE(at != std::string::npos, passage);
    std::vector<std::string> out;
    for (auto const& t : doc.topics)
        if (t.where.begin >= at && t.where.end <= at + passage.size()) out.push_back(t.id);
    return out;
}

std::vector<std::string> ids(std::initializer_list<char const*> l) { return {l.begin(), l.end()}; }

std::vector<std::string> topic_ids(std::string text) {
    auto doc = parse(std::move(text));
    std::vector<std::string> out;
    for (auto const& t : doc.topics) out.push_back(t.id);
    return out;
}

}  // namespace

TEST_CASE("topics: seed summary Points 2-8, hand-checked") {
    auto doc = parse(rxtest::corpus("seed-2024-summary-en.txt"));
    for (auto const& t : doc.topics) {  // provenance: every hit is its alias, inside its block
        REQUIRE(t.block >= 0);
        REQUIRE(static_cast<std::size_t>(t.block) < doc.blocks.size());
        auto const& b = doc.blocks[t.block];
        CHECK(t.where.begin >= b.where.begin);
        CHECK(t.where.end <= b.where.end);
        CHECK(!t.label.empty());
    }
    CHECK(topics_in(doc, "Point 2: Consolidate and expand the leading edge of industries such as intelligent "
                         "networked new energy vehicles, accelerate the development of cutting-edge emerging "
                         "hydrogen energy, new materials, innovative medicines and other industries, and actively "
                         "build new growth engines such as bio-manufacturing, commercial spaceflight and "
                         "low-altitude economy.") ==
          ids({"industry.new_energy_vehicles", "industry.intelligent_connected_vehicles", "energy.hydrogen",
               "industry.new_materials", "industry.innovative_medicines", "industry.biomanufacturing",
               "industry.commercial_spaceflight", "industry.low_altitude"}));
    CHECK(topics_in(doc, "Point 3: Strengthen the construction of large-scale wind power and photovoltaic bases "
                         "and transmission corridors, promote the development and utilization of distributed "
                         "energy resources, develop new types of energy storage, promote the use of green power "
                         "and international mutual recognition, and give full play to the role of coal and "
                         "coal-powered power generation") ==
          ids({"energy.wind", "energy.photovoltaics", "energy.grid", "energy.distributed", "energy.storage",
               "energy.green_power", "energy.coal", "energy.coal"}));
    CHECK(topics_in(doc, "Point 4: Actively and steadily promote carbon peaking and carbon neutrality. Solidly "
                         "carry out the \"Ten Actions for Peak Carbon\".") ==
          ids({"climate.carbon_peaking", "climate.carbon_neutrality", "climate.peak_carbon_actions",
               "climate.carbon_peaking"}));
    CHECK(topics_in(doc, "Point 5: Enhance the capacity for statistical accounting and verification of carbon "
                         "emissions, establish a carbon footprint management system, and expand the coverage of "
                         "industries in the national carbon market.") ==
          ids({"climate.emissions_accounting", "climate.carbon_footprint", "climate.carbon_market"}));
    CHECK(topics_in(doc, "cultivate and grow advanced manufacturing clusters, create national new "
                         "industrialization demonstration zones") ==
          ids({"industry.advanced_manufacturing", "industry.new_industrialization"}));
    CHECK(topics_in(doc, "encouraging and promoting the replacement of old consumer goods with new ones, and "
                         "boosting bulk consumption of smart Internet-connected new-energy vehicles") ==
          ids({"consumption.trade_in", "consumption.domestic", "industry.new_energy_vehicles",
               "industry.intelligent_connected_vehicles"}));
    CHECK(topics_in(doc, "Point 8: Vigorously develop science and technology finance, green finance, inclusive "
                         "finance, pension finance and digital finance.") ==
          ids({"finance.sci_tech", "finance.green", "finance.inclusive", "finance.pension", "finance.digital"}));
}

TEST_CASE("topics: \"the new three\" expands to three ids on one span") {
    auto doc = parse(rxtest::corpus("seed-2024-summary-en.txt"));
    std::size_t groups = 0;
    for (std::size_t i = 0; i < doc.topics.size(); ++i) {
        if (doc.slice(doc.topics[i].where) != "the new three") continue;
        ++groups;
        REQUIRE(i + 2 < doc.topics.size());
        CHECK(doc.topics[i].id == "industry.new_energy_vehicles");
        CHECK(doc.topics[i + 1].id == "industry.lithium_batteries");
        CHECK(doc.topics[i + 2].id == "energy.photovoltaics");
        CHECK(doc.topics[i + 1].where == doc.topics[i].where);
        CHECK(doc.topics[i + 2].where == doc.topics[i].where);
        CHECK(doc.topics[i + 2].label == "photovoltaics and solar power");  // the expanded id's own label
        i += 2;
    }
    // The title (“the new three kinds of”), the opening paragraph and the foreign-trade bullet.
    CHECK(groups == 3);
    // The bullet names the three products and the group: each product twice.
    CHECK(topics_in(doc, "electric vehicles, lithium batteries, photovoltaic products, \"the new three\" export") ==
          ids({"industry.new_energy_vehicles", "industry.lithium_batteries", "energy.photovoltaics",
               "industry.new_energy_vehicles", "industry.lithium_batteries", "energy.photovoltaics",
               "trade.exports"}));
}

TEST_CASE("topics: the 2024 national report, same themes in Chinese") {
    auto doc = parse(rxtest::corpus("gwr-2024-zh.txt"));
    CHECK(topics_in(doc, "推动外贸稳规模、优结构，电动汽车、锂电池、光伏产品“新三样”出口增长近30%。") ==
          ids({"trade.foreign_trade", "industry.new_energy_vehicles", "industry.lithium_batteries",
               "energy.photovoltaics", "industry.new_energy_vehicles", "industry.lithium_batteries",
               "energy.photovoltaics", "trade.exports"}));
    CHECK(topics_in(doc, "巩固扩大智能网联新能源汽车等产业领先优势，加快前沿新兴氢能、新材料、创新药等产业发展，"
                         "积极打造生物制造、商业航天、低空经济等新增长引擎。") ==
          ids({"industry.new_energy_vehicles", "industry.intelligent_connected_vehicles", "energy.hydrogen",
               "industry.new_materials", "industry.innovative_medicines", "industry.biomanufacturing",
               "industry.commercial_spaceflight", "industry.low_altitude"}));
    CHECK(topics_in(doc, "积极稳妥推进碳达峰碳中和。扎实开展“碳达峰十大行动”。提升碳排放统计核算核查能力，"
                         "建立碳足迹管理体系，扩大全国碳市场行业覆盖范围。") ==
          ids({"climate.carbon_peaking", "climate.carbon_neutrality", "climate.peak_carbon_actions",
               "climate.carbon_peaking", "climate.emissions_accounting", "climate.carbon_footprint",
               "climate.carbon_market"}));
    CHECK(topics_in(doc, "加强大型风电光伏基地和外送通道建设，推动分布式能源开发利用，提高电网对清洁能源的接纳、"
                         "配置和调控能力，发展新型储能，促进绿电使用和国际互认，发挥煤炭、煤电兜底作用") ==
          ids({"energy.wind", "energy.photovoltaics", "energy.grid", "energy.distributed", "energy.grid",
               "energy.new_energy", "energy.storage", "energy.green_power", "energy.coal", "energy.coal"}));
    CHECK(topics_in(doc, "大力发展科技金融、绿色金融、普惠金融、养老金融、数字金融。") ==
          ids({"finance.sci_tech", "finance.green", "finance.inclusive", "finance.pension", "finance.digital"}));
    CHECK(topics_in(doc, "大力发展绿色低碳经济。") == ids({"climate.green_low_carbon"}));
    CHECK(topics_in(doc, "鼓励和推动消费品以旧换新，提振智能网联新能源汽车、电子产品等大宗消费。") ==
          ids({"consumption.trade_in", "industry.new_energy_vehicles", "industry.intelligent_connected_vehicles",
               "consumption.domestic"}));
}

TEST_CASE("topics: no topic inside an unrelated word") {
    // English: word boundaries and case for acronyms.
    CHECK(topic_ids("The coalition said the PVC windfall would wind down; SAID Pvt. oilfield EVERY grid-based plan, "
                    "the maximum loan quantum.")
              .empty());
    CHECK(topic_ids("PV and AI and coal") == ids({"energy.photovoltaics", "industry.ai", "energy.coal"}));
    CHECK(topic_ids("pv or ai").empty());  // acronyms match case for case
    // Chinese: decided by data (longest match, stop phrases).
    CHECK(topic_ids("降低水电气热价格，优化产业生态，推动高质量发展，领略自然风光，使用煤气。").empty());
    CHECK(topic_ids("建设大型水电基地和光伏电站") == ids({"energy.hydro", "energy.photovoltaics"}));
    CHECK(topic_ids("推动房地产市场平稳健康发展") == ids({"social.housing"}));
    CHECK(topic_ids("发展养老金融，完善养老服务，提高基本养老金") ==
          ids({"finance.pension", "social.elderly_care", "social.social_security"}));
    CHECK(topic_ids("新能源汽车和新能源") == ids({"industry.new_energy_vehicles", "energy.new_energy"}));
    // 文化“新三样” (web literature, games, short dramas: prov-zhejiang-2026) is not the EV trio.
    CHECK(topic_ids("文化“新三样”出海快速发展，“新三样”产品出口增长17.4%") ==
          ids({"industry.new_energy_vehicles", "industry.lithium_batteries", "energy.photovoltaics",
               "trade.exports"}));
    // Inside a business-ecosystem phrase 生态 is not ecology; on its own it is.
    CHECK(topic_ids("加强生态保护，打造创新生态") == ids({"social.ecology"}));
}

TEST_CASE("topics: a user lexicon adds topics; the built-in stop phrases still win") {
    auto user = lexicon::from_text("topic\tenergy.hydro\thydropower\t-\t水电\n"
                                   "topic\tenergy.geothermal\tgeothermal\t-\tgeothermal|地热\n",
                                   "user.tsv");
    parse_options opt;
    opt.lexicon = std::make_shared<lexicon const>(lexicon::builtin()->merged(user));
    auto doc = parse("发展水电和地热，降低水电气价格。Develop geothermal energy.", opt);
    std::vector<std::string> got;
    for (auto const& t : doc.topics) got.push_back(t.id);
    CHECK(got == ids({"energy.hydro", "energy.geothermal", "energy.geothermal"}));
    // replace: the user's taxonomy instead of the built-in one
    opt.lexicon = std::make_shared<lexicon const>(lexicon::builtin()->merged(user, true));
    doc = parse("光伏和地热", opt);
    REQUIRE(doc.topics.size() == 1);
    CHECK(doc.topics[0].id == "energy.geothermal");
}

TEST_CASE("topics: topic_counts table counts hits per section and topic") {
    auto doc = parse(rxtest::corpus("seed-2024-summary-en.txt"));
    auto t = make_table(doc, "topic_counts");
    auto const* topic = t.find("topic");
    auto const* count = t.find("count");
    auto const* section = t.find("section");
    REQUIRE(topic);
    REQUIRE(count);
    REQUIRE(section);
    REQUIRE(t.find("section_label"));
    REQUIRE(t.find("label"));
    std::int64_t total = 0, pv = 0;
    for (std::size_t r = 0; r < t.rows; ++r) {
        total += count->ints[r];
        if (topic->strings[r] == "energy.photovoltaics") pv += count->ints[r];
    }
    CHECK(total == static_cast<std::int64_t>(doc.topics.size()));
    // photovoltaic products x2, the new three x3, wind power and photovoltaic (Point 3)
    CHECK(pv == 6);
    auto names = table_names();
    CHECK(std::find(names.begin(), names.end(), "topic_counts") != names.end());
    auto empty = make_table(parse("nothing here"), "topic_counts");
    CHECK(empty.rows == 0);
    CHECK(empty.columns.size() == 5);
}

TEST_CASE("topics: the prefilter never hides a match the matcher would make") {
    // white-space runs for an alias's space, any case, 1-code-point and astral aliases
    CHECK(topic_ids("WIND   POWER and Wind Power and wind\tpower") ==
          ids({"energy.wind", "energy.wind", "energy.wind"}));
    auto user = lexicon::from_text("topic\tx.one\tone\t-\t氢\n"
                                   "topic\tx.astral\tastral\t-\t\xF0\x9F\x94\x8B storage\n"
                                   "topic\tx.ab\tab\t-\tab\n"
                                   "topic\tx.efgh\tefgh\t-\tef gh\n",
                                   "user.tsv");
    parse_options opt;
    opt.lexicon = std::make_shared<lexicon const>(user);
    auto doc = parse("氢 and \xF0\x9F\x94\x8B  storage, AB ab abc ef   gh EF\tGH", opt);
    std::vector<std::string> got;
    for (auto const& t : doc.topics) got.push_back(t.id);
    CHECK(got == ids({"x.one", "x.astral", "x.ab", "x.ab", "x.efgh", "x.efgh"}));
}
