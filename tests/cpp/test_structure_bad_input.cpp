// Bad and extreme input through the C++ API: a typed error with its position, or a
// correct parse in linear time — never a crash, a hang or lost text.
#include <doctest/doctest.h>

#include <chrono>

#include "test_structure_support.hpp"

using namespace reportx;

namespace {
double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

TEST_CASE("bad input: invalid UTF-8 stops with byte offset, line and column") {
    std::string text = "一、2023年工作回顾\n国内生产总值增长";
    std::size_t at = text.size();
    text += "\xC3\x28";
    try {
        (void)parse(text);
        FAIL("no error");
    } catch (parse_error const& e) {
        CHECK(e.byte_offset() == at);
        CHECK(e.line() == 2);
        CHECK(e.column() == 9);
        CHECK(std::string(e.what()).find("line 2, column 9") != std::string::npos);
    }
    CHECK_THROWS_AS((void)parse(std::string("\x89PNG\r\n\x1a\n", 8)), parse_error);
}

TEST_CASE("bad input: empty, blank and NUL-filled text") {
    auto empty = parse("");
    CHECK(empty.blocks.empty());
    CHECK(empty.sections.empty());
    CHECK_FALSE(empty.title);
    CHECK(empty.lang == "en");
    CHECK(parse("\r\n\n\xE3\x80\x80\n\xE2\x80\x8B\n").blocks.empty());

    static char const raw[] = "GDP\0growth\n\n\0\0\0\n";
    std::string nul(raw, sizeof raw - 1);
    auto d = parse(nul);
    CHECK(rxtest::check_structure(d) == "");
    REQUIRE(d.blocks.size() == 2);
    CHECK(d.slice(d.blocks[0].where) == std::string_view("GDP\0growth", 10));
    CHECK(d.slice(d.blocks[1].where) == std::string_view("\0\0\0", 3));
}

TEST_CASE("bad input: 100,000 bullets, on separate lines and on one line, in linear time") {
    std::string lines, one;
    for (int i = 0; i < 100000; ++i) {
        lines += "➣ GDP growth of around 5%;\n";
        one += "➣ A. ";
    }
    auto t0 = std::chrono::steady_clock::now();
    auto d = parse(lines);
    auto d1 = parse(one);
    CHECK(seconds_since(t0) < 5);
    CHECK(d.blocks.size() == 100000);
    CHECK(d1.blocks.size() == 100000);
    CHECK(d.blocks.back().marker == "➣");
    CHECK(d1.slice(d1.blocks.back().where) == "➣ A.");
    CHECK(d.blocks[0].where.end <= d.blocks[1].where.begin);
}

TEST_CASE("bad input: a single 10 MB line is one paragraph, parsed in linear time") {
    std::string unit = "国内生产总值增长5.2%，城镇新增就业1244万人，";
    std::string text;
    text.reserve(10u << 20);
    while (text.size() < (10u << 20)) text += unit;
    auto t0 = std::chrono::steady_clock::now();
    auto d = parse(text);
    CHECK(seconds_since(t0) < 5);
    REQUIRE(d.blocks.size() == 1);
    CHECK(d.blocks[0].where.begin == 0);
    CHECK(d.blocks[0].where.end == text.size());
    CHECK(d.lang == "zh");
    // the same line broken every 3 characters by formatting is still one block
    std::string broken = "过去一年，";
    for (int i = 0; i < 20000; ++i) broken += "国内生\n产总值\n增长，";
    auto b = parse(broken);
    CHECK(b.blocks.size() == 1);
}
