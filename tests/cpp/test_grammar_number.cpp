// The X3 Arabic-number rule (grammar/number.hpp) through its Spirit-free wrapper.
#include <doctest/doctest.h>

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
                  row{"0.6 percent", 0.6, 3, false, true}}) {
        CAPTURE(r.text);
        auto a = parse_arabic(r.text, 0);
        REQUIRE(a);
        CHECK(a->value == doctest::Approx(r.value));
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
