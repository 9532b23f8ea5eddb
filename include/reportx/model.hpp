#pragma once
// The document model: plain C++ aggregates, no Spirit, no pybind11.
// Every span is a half-open byte range into document::text (UTF-8).
// The serializers convert bytes to code points; nothing here knows about that.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reportx {

struct span {
    std::size_t begin = 0;
    std::size_t end = 0;
    [[nodiscard]] constexpr std::size_t size() const noexcept { return end - begin; }
    [[nodiscard]] constexpr bool empty() const noexcept { return end <= begin; }
    friend constexpr bool operator==(span, span) = default;
};

enum class block_kind : std::uint8_t { heading, paragraph, item, meta };
enum class bound_kind : std::uint8_t { exact, approx, min, max, range, none };
enum class direction_kind : std::uint8_t { increase, decrease, level };
enum class statement_kind : std::uint8_t { target, outcome, other };
enum class severity : std::uint8_t { info, warning, error };

[[nodiscard]] std::string_view to_string(block_kind) noexcept;
[[nodiscard]] std::string_view to_string(bound_kind) noexcept;
[[nodiscard]] std::string_view to_string(direction_kind) noexcept;
[[nodiscard]] std::string_view to_string(statement_kind) noexcept;
[[nodiscard]] std::string_view to_string(severity) noexcept;

/// A part of the document opened by a heading (`一、…`, `（一）…`, `I. …`, `# …`).
struct section {
    int id = 0;
    std::optional<int> parent;
    int level = 1;                      ///< 1 = top
    std::optional<std::string> label;   ///< numbering as written, without punctuation: "III", "一"
    span heading;                       ///< the heading text (label included)
    span whole;                         ///< the whole section, heading included
};

/// A heading, paragraph, list item or metadata line.
struct block {
    int id = 0;
    std::optional<int> section;
    block_kind kind = block_kind::paragraph;
    std::optional<std::string> marker;  ///< list marker as written: "➣", "Point 1:", "一是"
    std::optional<int> parent;          ///< enclosing item for nested items
    span where;                         ///< marker included
};

/// One quantity in its context (see spec/output-schema.md, Statement).
struct statement {
    int id = 0;
    int block = 0;
    std::optional<int> section;
    span where;                         ///< the quantity expression
    std::optional<span> metric;         ///< the metric phrase as written
    std::optional<std::string> metric_id;
    std::optional<double> value, low, high;
    std::optional<std::string> unit;
    bound_kind bound = bound_kind::exact;
    std::optional<std::string> qualifier;
    std::optional<direction_kind> direction;
    statement_kind kind = statement_kind::other;
    std::optional<int> period, period_end;
};

/// A mention of a taxonomy topic.
struct topic {
    std::string id;                     ///< dotted taxonomy id, e.g. "energy.photovoltaics"
    std::string label;
    span where;
    int block = 0;
};

/// A policy directive: verb + modifiers + object.
struct action {
    std::string verb;                   ///< lemma ("promote") or Chinese verb as written ("推进")
    std::vector<std::string> modifiers; ///< adverbs as written, one entry each
    double intensity = 0;
    std::optional<span> object;
    span where;
    int block = 0;
    std::vector<std::string> topics;    ///< topic ids inside the object
};

struct diagnostic {
    std::string code;
    severity level = severity::warning;
    std::string message;
    span where;
};

struct document {
    std::string text;                   ///< the original input, byte for byte
    std::optional<std::string> doc_id;
    std::optional<std::string> source;
    std::string lang = "en";
    std::optional<span> title;
    std::optional<std::string> date;    ///< "YYYY-MM-DD"
    std::optional<int> year;
    std::vector<section> sections;
    std::vector<block> blocks;
    std::vector<statement> statements;
    std::vector<topic> topics;
    std::vector<action> actions;
    std::vector<diagnostic> diagnostics;

    [[nodiscard]] std::string_view slice(span s) const noexcept {
        return std::string_view(text).substr(s.begin, s.end - s.begin);
    }
};

}  // namespace reportx
