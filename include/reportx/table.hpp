#pragma once
// Column tables (struct of arrays) for the contract's record types. JSON, CSV,
// pandas and Arrow are all written from these, so the field lists live in one place.
// Offsets here are code points, as the contract wants outside C++.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reportx/model.hpp"

namespace reportx {

enum class column_type : std::uint8_t { integer, real, string, category, string_list };

struct column {
    std::string name;
    column_type type = column_type::string;
    std::vector<std::int64_t> ints;                    ///< integer
    std::vector<double> reals;                         ///< real
    std::vector<std::string> strings;                  ///< string, category
    std::vector<std::vector<std::string>> lists;       ///< string_list
    std::vector<std::uint8_t> valid;                   ///< 0 = null
    [[nodiscard]] std::size_t size() const noexcept { return valid.size(); }
};

struct table {
    std::string name;
    std::vector<column> columns;
    std::size_t rows = 0;
    [[nodiscard]] column const* find(std::string_view column_name) const noexcept;
};

/// Names of the tables a document has: sections, blocks, statements, topics, actions, diagnostics,
/// topic_counts.
[[nodiscard]] std::vector<std::string_view> table_names();

class codepoint_index;

/// Builds one table. Throws std::invalid_argument for an unknown name.
[[nodiscard]] table make_table(document const& doc, std::string_view name);
/// The same with a code-point index of doc.text built once for several tables.
[[nodiscard]] table make_table(document const& doc, std::string_view name, codepoint_index const& cp);

/// Byte offset -> code point offset, O(1) per lookup with a small checkpoint table.
class codepoint_index {
public:
    explicit codepoint_index(std::string_view text);
    [[nodiscard]] std::int64_t operator()(std::size_t byte_offset) const noexcept;
    [[nodiscard]] std::int64_t length() const noexcept { return (*this)(text_.size()); }

private:
    static constexpr std::size_t step = 256;
    std::string_view text_;
    std::vector<std::uint32_t> checkpoints_;
};

}  // namespace reportx
