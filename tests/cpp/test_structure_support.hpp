#pragma once
// Helpers for the structure tests: the invariants every parse must keep, and
// small accessors (block text, blocks by kind).
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reportx/reportx.hpp"
#include "support.hpp"

namespace rxtest {

inline std::string_view text_of(reportx::document const& d, reportx::block const& b) { return d.slice(b.where); }

inline std::vector<reportx::block const*> blocks_of(reportx::document const& d, reportx::block_kind k) {
    std::vector<reportx::block const*> out;
    for (auto const& b : d.blocks)
        if (b.kind == k) out.push_back(&b);
    return out;
}

inline std::vector<reportx::section const*> sections_at(reportx::document const& d, int level) {
    std::vector<reportx::section const*> out;
    for (auto const& s : d.sections)
        if (s.level == level) out.push_back(&s);
    return out;
}

/// The first block whose text starts with `prefix`, or nullptr.
inline reportx::block const* block_starting(reportx::document const& d, std::string_view prefix) {
    for (auto const& b : d.blocks)
        if (text_of(d, b).substr(0, prefix.size()) == prefix) return &b;
    return nullptr;
}

/// The kind of the first block whose text starts with `prefix` (nullopt if none).
inline std::optional<reportx::block_kind> kind_starting(reportx::document const& d, std::string_view prefix) {
    auto const* b = block_starting(d, prefix);
    return b ? std::optional<reportx::block_kind>(b->kind) : std::nullopt;
}

/// The marker of the first block whose text starts with `prefix` ("<none>" if no such block or no marker).
inline std::string marker_starting(reportx::document const& d, std::string_view prefix) {
    auto const* b = block_starting(d, prefix);
    return b && b->marker ? *b->marker : std::string("<none>");
}

/// The structure invariants (see spec/output-schema.md, Section and Block):
/// spans inside the text and on visible characters, blocks in order without overlap,
/// sections nested with `whole` covering heading through last block, item parents
/// earlier items, and every visible character inside exactly one block.
/// Returns "" when all hold, else the first violation (so doctest prints it).
inline std::string check_structure(reportx::document const& d) {
    using namespace reportx;
    std::string_view t = d.text;
    auto visible_at = [&](std::size_t i) { return !utf8::is_blank(utf8::decode(t, i).cp); };
    for (std::size_t i = 0; i < d.blocks.size(); ++i) {
        auto const& b = d.blocks[i];
        std::string where = "block " + std::to_string(i) + " [" + std::to_string(b.where.begin) + "," +
                            std::to_string(b.where.end) + ")";
        if (b.id != static_cast<int>(i)) return where + ": id is not its index";
        if (b.where.begin >= b.where.end || b.where.end > t.size()) return where + ": empty or outside the text";
        if ((static_cast<unsigned char>(t[b.where.begin]) & 0xC0) == 0x80 ||
            (b.where.end < t.size() && (static_cast<unsigned char>(t[b.where.end]) & 0xC0) == 0x80))
            return where + ": not on a character boundary";
        if (!visible_at(b.where.begin)) return where + ": starts on a blank";
        if (!visible_at(utf8::prev(t, b.where.end))) return where + ": ends on a blank";
        if (i > 0 && d.blocks[i - 1].where.end > b.where.begin) return where + ": overlaps the block before";
        if (b.section) {
            if (*b.section < 0 || *b.section >= static_cast<int>(d.sections.size())) return where + ": bad section";
            auto const& s = d.sections[static_cast<std::size_t>(*b.section)];
            if (b.where.begin < s.whole.begin || b.where.end > s.whole.end) return where + ": outside its section";
        }
        if (b.parent) {
            if (*b.parent >= b.id || d.blocks[static_cast<std::size_t>(*b.parent)].kind != block_kind::item)
                return where + ": parent is not an earlier item";
            if (b.kind != block_kind::item) return where + ": only items have parents";
        }
        if ((b.kind == block_kind::item) != b.marker.has_value()) return where + ": marker iff item";
        if (b.marker && t.substr(b.where.begin, b.marker->size()) != *b.marker)
            return where + ": text does not start with its marker";
    }
    for (std::size_t i = 0; i < d.sections.size(); ++i) {
        auto const& s = d.sections[i];
        std::string where = "section " + std::to_string(i);
        if (s.id != static_cast<int>(i)) return where + ": id is not its index";
        if (s.heading.begin < s.whole.begin || s.heading.end > s.whole.end || s.heading.empty())
            return where + ": heading outside the section";
        // the section starts with its heading block (`# Budget Speech` holds the heading `Budget Speech`)
        bool starts = false;
        for (auto const& b : d.blocks)
            if (b.section == s.id) {
                starts = b.kind == block_kind::heading && b.where.begin == s.whole.begin &&
                         b.where.end >= s.heading.end;
                break;
            }
        if (!starts) return where + ": does not start with its heading block";
        if (s.parent) {
            if (*s.parent >= s.id) return where + ": parent after child";
            auto const& p = d.sections[static_cast<std::size_t>(*s.parent)];
            if (p.level >= s.level) return where + ": parent level not above";
            if (s.whole.begin < p.whole.begin || s.whole.end > p.whole.end) return where + ": not inside its parent";
        }
        if (i > 0 && d.sections[i - 1].whole.begin >= s.whole.begin) return where + ": sections out of order";
        // whole ends at the end of its last block (or a descendant's)
        std::size_t last = s.heading.end;
        for (auto const& b : d.blocks)
            for (auto sec = b.section; sec; sec = d.sections[static_cast<std::size_t>(*sec)].parent)
                if (*sec == s.id && b.where.end > last) last = b.where.end;
        if (last != s.whole.end) return where + ": whole does not end at its last block";
    }
    // nothing lost: every visible character lies in a block
    std::size_t k = 0;
    for (std::size_t i = 0; i < t.size();) {
        auto dc = utf8::decode(t, i);
        while (k < d.blocks.size() && d.blocks[k].where.end <= i) ++k;
        bool inside = k < d.blocks.size() && d.blocks[k].where.begin <= i;
        if (!inside && !utf8::is_blank(dc.cp))
            return "visible character at byte " + std::to_string(i) + " is in no block: '" +
                   std::string(t.substr(i, std::min<std::size_t>(30, t.size() - i))) + "'";
        i += dc.length;
    }
    return "";
}

}  // namespace rxtest
