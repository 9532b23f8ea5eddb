// The X3 Arabic-number rule (grammar/number.hpp) through its Spirit-free wrapper.
#include <doctest/doctest.h>

#include <charconv>
#include <random>
#include <string>
#include <vector>

#include "quantity.hpp"

using reportx::detail::parse_arabic;

TEST_CASE("grammar/number: grouping, decimals, where the number ends") {
    struct row {
        char const* text;
        double value;
        std::size_t end;
        bool grouped, decimal;
    };
    for (row r : {row{"11,000,000 jobs", 11000000, 10, true, false}, row{"2 600 MW", 2600, 5, true, false},
                  row{"1,200萬", 1200, 5, true, false}, row{"67.7%", 67.7, 4, false, true},
                  row{"1,000.5 yuan", 1000.5, 7, true, true}, row{"2024年", 2024, 4, false, false},
                  row{"1,2,3", 1, 1, false, false},         // a group needs exactly three digits
                  row{"1,2345", 1, 1, false, false},        // ... and no fourth
                  row{"12 34", 12, 2, false, false},        // a space group too
                  row{"5.", 5, 1, false, false},            // a point with no digits is not a decimal
                  row{"0.6 percent", 0.6, 3, false, true},
                  row{"12,34", 12, 2, false, false},        // two digits after a comma are no group
                  row{"1234567890123456.5", 1234567890123456.5, 18, false, true}}) {  // past 15 digits
        CAPTURE(r.text);
        auto a = parse_arabic(r.text, 0);
        REQUIRE(a);
        CHECK(a->value == r.value);  // exact: the literal and the parse both round to nearest
        CHECK(a->end == r.end);
        CHECK(a->grouped == r.grouped);
        CHECK(a->decimal == r.decimal);
    }
    CHECK_FALSE(parse_arabic("percent", 0));
    CHECK_FALSE(parse_arabic(",000", 0));
    auto a = parse_arabic("GDP 5.2%", 4);
    REQUIRE(a);
    CHECK(a->end == 7);
    CHECK(parse_arabic("010", 0)->leading_zero);
}

// The value of `digits` (digits and at most one point) as std::from_chars reads it.
static double from_chars_value(std::string const& digits) {
    double v = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    REQUIRE(ec == std::errc{});
    REQUIRE(p == digits.data() + digits.size());
    return v;
}

TEST_CASE("grammar/number: values of up to 15 digits are exactly what std::from_chars reads") {
    // Up to 15 digits the value is computed as m / 10^k: it must be the double nearest the
    // decimal, to the last bit, as from_chars gives it.
    std::mt19937_64 rng(2024);
    std::vector<std::string> wrong;
    for (int i = 0; i < 20000; ++i) {
        std::size_t const n = 1 + rng() % 15;  // digits
        std::string s;
        for (std::size_t k = 0; k < n; ++k) s += static_cast<char>('0' + rng() % 10);
        if (n > 1 && rng() % 4) s.insert(1 + rng() % (n - 1), 1, '.');  // most have decimals
        auto a = parse_arabic(s, 0);
        REQUIRE(a);
        REQUIRE(a->end == s.size());
        if (a->value != from_chars_value(s)) wrong.push_back(s);
    }
    CHECK_MESSAGE(wrong.empty(), (wrong.empty() ? std::string() : wrong.front()));
    for (char const* s : {"0.1", "0.3", "2.675", "123456789012.345", "999999999999999", "0.000000000000001"})
        CHECK(parse_arabic(s, 0)->value == from_chars_value(s));
}
