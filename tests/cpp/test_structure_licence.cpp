// The Wikisource licence trailer is metadata; report text after it (a second report
// in the same file) is report text again.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace reportx;

namespace {
int parts(document const& d) {
    int n = 0;
    for (auto const& s : d.sections) n += s.level == 1;
    return n;
}
}  // namespace

TEST_CASE("licence trailer: two national reports in one file keep both reports' parts and statements") {
    std::string a = rxtest::corpus("gwr-2014-zh.txt"), b = rxtest::corpus("gwr-2015-zh.txt");
    auto da = parse(a), db = parse(b), both = parse(a + "\n" + b);
    REQUIRE(parts(da) > 0);
    REQUIRE(parts(db) > 0);
    CHECK(parts(both) == parts(da) + parts(db));
    // the second report's numbers are statements, not metadata
    CHECK(both.statements.size() >= da.statements.size() + db.statements.size() / 2);
    std::size_t second_licence = a.size() + 1 + b.find("本作品是中华人民共和国的");
    REQUIRE(second_licence > a.size());
    bool text_after_first = false;
    for (auto const& k : both.blocks)
        if (k.where.begin > a.size() && k.where.end < second_licence && k.kind == block_kind::paragraph)
            text_after_first = true;
    CHECK(text_after_first);
    // and the trailer itself is still metadata outside every section
    for (auto const& k : both.blocks)
        if (k.where.begin == second_licence) {
            CHECK(k.kind == block_kind::meta);
            CHECK_FALSE(k.section.has_value());
        }
}
