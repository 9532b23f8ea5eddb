#include "reportx/json.hpp"

#include <charconv>
#include <cmath>

#include "reportx/table.hpp"
#include "reportx/version.hpp"

namespace reportx {

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    out += "\\u00";
                    out.push_back(hex[c >> 4]);
                    out.push_back(hex[c & 15]);
                } else {
                    out.push_back(ch);
                }
        }
    }
    out.push_back('"');
}

namespace {

void append_number(std::string& out, double v) {
    if (!std::isfinite(v)) { out += "null"; return; }
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

struct writer {
    std::string& out;
    int indent;
    int depth = 0;
    void newline() {
        if (indent < 0) return;
        out.push_back('\n');
        out.append(static_cast<std::size_t>(depth * indent), ' ');
    }
    void key(std::string_view k, bool first) {
        if (!first) out.push_back(',');
        newline();
        append_json_string(out, k);
        out += indent < 0 ? ":" : ": ";
    }
    void cell(column const& c, std::size_t r) {
        if (!c.valid[r]) { out += "null"; return; }
        switch (c.type) {
            case column_type::integer: out += std::to_string(c.ints[r]); break;
            case column_type::real: append_number(out, c.reals[r]); break;
            case column_type::string:
            case column_type::category: append_json_string(out, c.strings[r]); break;
            case column_type::string_list: {
                out.push_back('[');
                bool first = true;
                for (auto const& s : c.lists[r]) {
                    if (!first) out += indent < 0 ? "," : ", ";
                    first = false;
                    append_json_string(out, s);
                }
                out.push_back(']');
            } break;
        }
    }
    void rows(table const& t) {
        out.push_back('[');
        if (t.rows == 0) { out.push_back(']'); return; }
        ++depth;
        for (std::size_t r = 0; r < t.rows; ++r) {
            if (r) out.push_back(',');
            newline();
            out.push_back('{');
            ++depth;
            bool first = true;
            for (auto const& c : t.columns) {
                key(c.name, first);
                first = false;
                cell(c, r);
            }
            --depth;
            newline();
            out.push_back('}');
        }
        --depth;
        newline();
        out.push_back(']');
    }
};

void opt_string(std::string& out, std::optional<std::string_view> s) {
    if (s) append_json_string(out, *s); else out += "null";
}

}  // namespace

std::string to_json(document const& doc, int indent) {
    std::string out;
    out.reserve(doc.text.size() / 2 + 1024);
    writer w{out, indent};
    codepoint_index cp(doc.text);
    out.push_back('{');
    ++w.depth;
    w.key("schema", true);
    append_json_string(out, REPORTX_SCHEMA);
    w.key("doc_id", false);
    opt_string(out, doc.doc_id ? std::optional<std::string_view>(*doc.doc_id) : std::nullopt);
    w.key("source", false);
    opt_string(out, doc.source ? std::optional<std::string_view>(*doc.source) : std::nullopt);
    w.key("lang", false);
    append_json_string(out, doc.lang);
    w.key("title", false);
    opt_string(out, doc.title ? std::optional<std::string_view>(doc.slice(*doc.title)) : std::nullopt);
    w.key("title_start", false);
    out += doc.title ? std::to_string(cp(doc.title->begin)) : "null";
    w.key("title_end", false);
    out += doc.title ? std::to_string(cp(doc.title->end)) : "null";
    w.key("date", false);
    opt_string(out, doc.date ? std::optional<std::string_view>(*doc.date) : std::nullopt);
    w.key("year", false);
    out += doc.year ? std::to_string(*doc.year) : "null";
    w.key("length", false);
    out += std::to_string(cp.length());
    for (auto name : table_names()) {
        w.key(name, false);
        w.rows(make_table(doc, name, cp));
    }
    --w.depth;
    w.newline();
    out.push_back('}');
    return out;
}

}  // namespace reportx
