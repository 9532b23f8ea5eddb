// grammar/date: the date forms the corpus uses, in both languages, and days that do not exist.
#include <doctest/doctest.h>

#include "reportx/grammar/structure_match.hpp"

using namespace reportx::grammar;

namespace {
std::string ymd(std::string_view s) {
    auto d = find_date(s);
    if (!d) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
    return buf;
}
}  // namespace

TEST_CASE("date: Chinese dates in title blocks and publication lines") {
    CHECK(ymd("——2024年3月5日在第十四届全国人民代表大会第二次会议上") == "2024-03-05");
    CHECK(ymd("2025年1月14日在北京市第十六届人民代表大会第三次会议上") == "2025-01-14");
    CHECK(ymd("2026年02月10日 07时41分") == "2026-02-10");
    CHECK(ymd("时间：2026-02-02") == "2026-02-02");
    auto d = match_date("2024年3月5日在", 0);
    REQUIRE(d);
    CHECK(d->end == std::string_view("2024年3月5日").size());
}

TEST_CASE("date: years, months and days written in Chinese numerals") {
    CHECK(ymd("二〇二四年三月五日") == "2024-03-05");
    CHECK(ymd("（二〇二五年三月五日在第十四届全国人民代表大会第三次会议上）") == "2025-03-05");
    CHECK(ymd("二〇一九年十二月三十一日") == "2019-12-31");
    CHECK(ymd("二〇二〇年五月二十二日") == "2020-05-22");
    CHECK(ymd("一是二〇二四年") == "-");
    CHECK_FALSE(find_date("二〇二四年十三月一日")->valid());  // parsed, but there is no 13th month
}

TEST_CASE("date: English forms") {
    CHECK(ymd("Delivered at the Third Session of the 13th National People's Congress of the People's Republic of "
              "China on May 22, 2020") == "2020-05-22");
    CHECK(ymd("March 5, 2024") == "2024-03-05");
    CHECK(ymd("Post time: Mar-21-2024") == "2024-03-21");
    CHECK(ymd("Thursday, 10 February 2022") == "2022-02-10");
    CHECK(ymd(": Monday, 26 February 2024, Sir.") == "2024-02-26");
    CHECK(ymd("21-Mar-2024") == "2024-03-21");
    auto d = match_date("Thursday, 10 February 2022", 0);
    REQUIRE(d);
    CHECK(d->begin == 0);
    CHECK(d->end == 26);
}

TEST_CASE("date: things that are not dates") {
    CHECK(ymd("March 5 at 9:00 am, the second session of the 14th National People's Congress opened") == "-");
    CHECK(ymd("2025年北京市政府工作报告") == "-");
    CHECK(ymd("13th Five-Year Plan (2016-2020)") == "-");
    CHECK(ymd("GDP grew 5.2% to 126 trillion yuan") == "-");
    CHECK(ymd("Mayday 5, 2024") == "-");
}

TEST_CASE("date: days that do not exist parse but are not valid") {
    auto d = find_date("2023年2月29日");
    REQUIRE(d);
    CHECK_FALSE(d->valid());
    CHECK(find_date("2024年2月29日")->valid());
    CHECK_FALSE(find_date("2024-13-01")->valid());
    CHECK(find_date("2024-03-21")->valid());
}
