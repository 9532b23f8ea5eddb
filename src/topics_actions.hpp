#pragma once
// Shared by the topics and actions stages (src/topics.cpp, src/actions.cpp). Internal.

#include <cstdint>
#include <string_view>
#include <vector>

#include "reportx/lexicon.hpp"
#include "reportx/utf8.hpp"

namespace reportx::detail {

/// An id of `none` or `none.*`: a stop phrase, matched so that it wins, reported as nothing.
[[nodiscard]] bool is_stop_id(std::string_view id) noexcept;

using utf8::is_ascii_alnum;

}  // namespace reportx::detail
