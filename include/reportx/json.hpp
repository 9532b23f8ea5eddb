#pragma once
// JSON per spec/output-schema.md (schema reportx/1); offsets in code points.

#include <string>

#include "reportx/model.hpp"

namespace reportx {

/// The document as one JSON object. indent < 0: one line (for JSONL).
[[nodiscard]] std::string to_json(document const& doc, int indent = -1);

/// Appends `s` to `out` as a JSON string literal (quotes included).
void append_json_string(std::string& out, std::string_view s);

}  // namespace reportx
