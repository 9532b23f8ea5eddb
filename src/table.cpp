#include "reportx/table.hpp"

#include <map>
#include <optional>
#include <stdexcept>
#include <utility>

namespace reportx {

std::string_view to_string(block_kind k) noexcept {
    switch (k) {
        case block_kind::heading: return "heading";
        case block_kind::paragraph: return "paragraph";
        case block_kind::item: return "item";
        case block_kind::meta: return "meta";
    }
    return "paragraph";
}
std::string_view to_string(bound_kind k) noexcept {
    switch (k) {
        case bound_kind::exact: return "exact";
        case bound_kind::approx: return "approx";
        case bound_kind::min: return "min";
        case bound_kind::max: return "max";
        case bound_kind::range: return "range";
        case bound_kind::none: return "none";
    }
    return "exact";
}
std::string_view to_string(direction_kind k) noexcept {
    switch (k) {
        case direction_kind::increase: return "increase";
        case direction_kind::decrease: return "decrease";
        case direction_kind::level: return "level";
    }
    return "level";
}
std::string_view to_string(statement_kind k) noexcept {
    switch (k) {
        case statement_kind::target: return "target";
        case statement_kind::outcome: return "outcome";
        case statement_kind::other: return "other";
    }
    return "other";
}
std::string_view to_string(severity k) noexcept {
    switch (k) {
        case severity::info: return "info";
        case severity::warning: return "warning";
        case severity::error: return "error";
    }
    return "warning";
}

codepoint_index::codepoint_index(std::string_view text) : text_(text) {
    checkpoints_.reserve(text.size() / step + 1);
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % step == 0) checkpoints_.push_back(count);
        count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    }
}

std::int64_t codepoint_index::operator()(std::size_t b) const noexcept {
    if (b > text_.size()) b = text_.size();
    std::size_t k = b / step;
    if (k >= checkpoints_.size()) {  // b == size, on a checkpoint boundary
        if (checkpoints_.empty()) return 0;
        k = checkpoints_.size() - 1;
    }
    std::int64_t n = checkpoints_[k];
    for (std::size_t i = k * step; i < b; ++i) n += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    return n;
}

column const* table::find(std::string_view n) const noexcept {
    for (auto const& c : columns)
        if (c.name == n) return &c;
    return nullptr;
}

std::vector<std::string_view> table_names() {
    return {"sections", "blocks", "statements", "topics", "actions", "diagnostics", "topic_counts"};
}

namespace {

// Appends one row at a time to named columns; keeps the builder code one line per field.
struct builder {
    table& t;
    std::size_t i = 0;
    column& col(std::string_view name, column_type type) {
        if (i < t.columns.size()) return t.columns[i++];
        t.columns.push_back(column{std::string(name), type, {}, {}, {}, {}, {}});
        ++i;
        return t.columns.back();
    }
    void integer(std::string_view n, std::optional<std::int64_t> v) {
        auto& c = col(n, column_type::integer);
        c.ints.push_back(v.value_or(0));
        c.valid.push_back(v.has_value());
    }
    void real(std::string_view n, std::optional<double> v) {
        auto& c = col(n, column_type::real);
        c.reals.push_back(v.value_or(0));
        c.valid.push_back(v.has_value());
    }
    void string(std::string_view n, std::optional<std::string_view> v, column_type type = column_type::string) {
        auto& c = col(n, type);
        c.strings.emplace_back(v.value_or(std::string_view{}));
        c.valid.push_back(v.has_value());
    }
    void category(std::string_view n, std::optional<std::string_view> v) { string(n, v, column_type::category); }
    void list(std::string_view n, std::vector<std::string> const& v) {
        auto& c = col(n, column_type::string_list);
        c.lists.push_back(v);
        c.valid.push_back(1);
    }
};

template <class T>
std::optional<std::int64_t> opt(std::optional<T> const& v) {
    return v ? std::optional<std::int64_t>(*v) : std::nullopt;
}

// An optional string as an optional view of it.
std::optional<std::string_view> opt(std::optional<std::string> const& v) {
    return v ? std::optional<std::string_view>(*v) : std::nullopt;
}

// The one dispatch on the table name. cp(byte offset) gives the code point offset.
template <class CodePoints>
table build(document const& doc, std::string_view name, CodePoints const& cp) {
    table t;
    t.name = std::string(name);
    auto row = [&] { return builder{t}; };
    auto spans = [&](builder& b, span s, bool with_text = true) {
        b.integer("start", cp(s.begin));
        b.integer("end", cp(s.end));
        if (with_text) b.string("text", doc.slice(s));
    };
    if (name == "sections") {
        for (auto const& s : doc.sections) {
            auto b = row();
            b.integer("id", s.id);
            b.integer("parent", opt(s.parent));
            b.integer("level", s.level);
            b.string("label", opt(s.label));
            b.string("heading", doc.slice(s.heading));
            spans(b, s.whole, false);
        }
        t.rows = doc.sections.size();
    } else if (name == "blocks") {
        for (auto const& k : doc.blocks) {
            auto b = row();
            b.integer("id", k.id);
            b.integer("section", opt(k.section));
            b.category("kind", to_string(k.kind));
            b.string("marker", opt(k.marker));
            b.integer("parent", opt(k.parent));
            spans(b, k.where);
        }
        t.rows = doc.blocks.size();
    } else if (name == "statements") {
        for (auto const& s : doc.statements) {
            auto b = row();
            b.integer("id", s.id);
            b.integer("block", s.block);
            b.integer("section", opt(s.section));
            spans(b, s.where);
            b.string("metric", s.metric ? std::optional<std::string_view>(doc.slice(*s.metric)) : std::nullopt);
            b.integer("metric_start", s.metric ? std::optional<std::int64_t>(cp(s.metric->begin)) : std::nullopt);
            b.integer("metric_end", s.metric ? std::optional<std::int64_t>(cp(s.metric->end)) : std::nullopt);
            b.category("metric_id", opt(s.metric_id));
            b.real("value", s.value);
            b.real("low", s.low);
            b.real("high", s.high);
            b.category("unit", opt(s.unit));
            b.category("bound", to_string(s.bound));
            b.string("qualifier", opt(s.qualifier));
            b.category("direction", s.direction ? std::optional<std::string_view>(to_string(*s.direction)) : std::nullopt);
            b.category("kind", to_string(s.kind));
            b.integer("period", opt(s.period));
            b.integer("period_end", opt(s.period_end));
        }
        t.rows = doc.statements.size();
    } else if (name == "topics") {
        for (auto const& s : doc.topics) {
            auto b = row();
            b.category("id", s.id);
            b.string("label", s.label);
            spans(b, s.where);
            b.integer("block", s.block);
        }
        t.rows = doc.topics.size();
    } else if (name == "actions") {
        for (auto const& a : doc.actions) {
            auto b = row();
            b.category("verb", a.verb);
            b.list("modifiers", a.modifiers);
            b.real("intensity", a.intensity);
            b.string("object", a.object ? std::optional<std::string_view>(doc.slice(*a.object)) : std::nullopt);
            b.integer("object_start", a.object ? std::optional<std::int64_t>(cp(a.object->begin)) : std::nullopt);
            b.integer("object_end", a.object ? std::optional<std::int64_t>(cp(a.object->end)) : std::nullopt);
            spans(b, a.where);
            b.integer("block", a.block);
            b.list("topics", a.topics);
        }
        t.rows = doc.actions.size();
    } else if (name == "diagnostics") {
        for (auto const& d : doc.diagnostics) {
            auto b = row();
            b.category("code", d.code);
            b.category("severity", to_string(d.level));
            b.string("message", d.message);
            spans(b, d.where, false);
        }
        t.rows = doc.diagnostics.size();
    } else if (name == "topic_counts") {
        // Topic hits per section (null = outside every section) and topic id, sections in
        // document order, topics by id within a section.
        std::map<std::pair<int, std::string_view>, std::pair<std::string_view, std::int64_t>> counts;
        for (auto const& s : doc.topics) {
            int sec = -1;
            if (s.block >= 0 && static_cast<std::size_t>(s.block) < doc.blocks.size() && doc.blocks[s.block].section)
                sec = *doc.blocks[s.block].section;
            auto& c = counts[{sec, s.id}];
            c.first = s.label;
            ++c.second;
        }
        for (auto const& [key, value] : counts) {
            auto b = row();
            bool in_section = key.first >= 0 && static_cast<std::size_t>(key.first) < doc.sections.size();
            b.integer("section", key.first >= 0 ? std::optional<std::int64_t>(key.first) : std::nullopt);
            b.string("section_label", in_section ? opt(doc.sections[key.first].label) : std::nullopt);
            b.category("topic", key.second);
            b.string("label", value.first);
            b.integer("count", value.second);
        }
        t.rows = counts.size();
    } else {
        std::string known;
        for (auto n : table_names()) known += (known.empty() ? "" : ", ") + std::string(n);
        throw std::invalid_argument("unknown table '" + std::string(name) + "' (" + known + ")");
    }
    if (t.rows == 0 && t.columns.empty()) {
        // An empty table still has its columns: build one default row, then drop it.
        document probe;
        probe.sections.emplace_back();
        probe.blocks.emplace_back();
        probe.statements.emplace_back();
        probe.topics.emplace_back();
        probe.actions.emplace_back();
        probe.diagnostics.emplace_back();
        t = make_table(probe, name);
        for (auto& c : t.columns) {
            c.ints.clear(); c.reals.clear(); c.strings.clear(); c.lists.clear(); c.valid.clear();
        }
        t.rows = 0;
    }
    return t;
}

}  // namespace

table make_table(document const& doc, std::string_view name) {
    // The index is built at the first offset asked for: a table without rows (or one without
    // offsets, like topic_counts) needs none.
    std::optional<codepoint_index> index;
    return build(doc, name, [&](std::size_t b) {
        if (!index) index.emplace(doc.text);
        return (*index)(b);
    });
}

table make_table(document const& doc, std::string_view name, codepoint_index const& cp) { return build(doc, name, cp); }

}  // namespace reportx
