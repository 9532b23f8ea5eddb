// A second translation unit including the umbrella header: the public headers must
// be includable from several TUs of one program (no non-inline definitions).
#include <doctest/doctest.h>

#include <reportx/reportx.hpp>

TEST_CASE("umbrella header links from a second translation unit") {
    auto doc = reportx::parse("一、2024年工作回顾\n");
    CHECK(reportx::utf8::decode(doc.text, 0).length == 3);
    CHECK(reportx::to_string(reportx::bound_kind::approx) == "approx");
}
