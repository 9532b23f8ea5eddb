#pragma once
// Lexicons are data: one tab-separated format for metrics, units, qualifiers,
// topics, verbs and modifiers (documented in data/lexicon/README.md).
//
//   kind <TAB> id <TAB> label <TAB> weight <TAB> aliases [<TAB> expands]
//
// `aliases` and `expands` are `|`-separated. A lexicon compiles every kind into
// one immutable trie per kind, shared read-only across threads.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reportx/utf8.hpp"

namespace reportx {

struct lexicon_entry {
    std::string kind;                  ///< "metric", "topic", "verb", "modifier", "unit", ...
    std::string id;                    ///< canonical id: "gdp_growth", "energy.photovoltaics", "promote"
    std::string label;                 ///< human label ("-" in the file means empty)
    double weight = 0;                 ///< intensity, scale factor, ... by kind ("-" means 0)
    std::vector<std::string> aliases;  ///< surface forms, English and Chinese
    std::vector<std::string> expands;  ///< for group aliases: the ids they stand for
    std::string file;                  ///< where it was read (for messages)
    std::size_t line = 0;
};

class lexicon;

/// A match of one alias in a text: byte range and the entry it names.
struct lexicon_match {
    std::size_t begin = 0, end = 0;
    std::uint32_t entry = 0;           ///< index into lexicon::entries()
};

/// Multi-pattern matcher over UTF-8 bytes for one kind of entry.
/// ASCII letters match case-insensitively unless the alias has an upper-case
/// letter after its first (acronyms such as "PV", "CPI" match as written);
/// an alias that starts or ends with an ASCII letter or digit must not touch
/// another ASCII letter or digit there (word boundary). Chinese needs no boundary.
/// A space in an alias matches any run of ASCII white space. Built by `lexicon`; a kind
/// holds at most 2^20 - 1 distinct alias prefixes (some 100k aliases), beyond which
/// compiling the lexicon throws std::length_error.
class matcher {
public:
    matcher();
    ~matcher();
    matcher(matcher&&) noexcept;
    matcher& operator=(matcher&&) noexcept;

    /// Longest alias that starts exactly at `pos`, if any.
    [[nodiscard]] std::optional<lexicon_match> longest_at(std::string_view text, std::size_t pos) const {
        // Most places a caller asks about are turned down here, inline, by the code point.
        if (pos >= text.size() || !may_begin_at(text, pos)) return std::nullopt;
        return walk_from(text, pos);
    }
    /// Longest alias that ends exactly at `end` (for metric phrases before a number).
    [[nodiscard]] std::optional<lexicon_match> longest_ending_at(std::string_view text, std::size_t end) const {
        if (end == 0 || end > text.size() || !may_end_at(text, end)) return std::nullopt;
        return walk_back_from(text, end);
    }
    /// Leftmost-longest, non-overlapping matches in text[from, to), appended to `out`.
    void find_all(std::string_view text, std::size_t from, std::size_t to, std::vector<lexicon_match>& out) const;
    [[nodiscard]] bool empty() const noexcept;
    /// Whether an alias may start at pos (< text.size()), told inline by the code point
    /// there: false when none begins with it (exact for ASCII and three-byte characters,
    /// nearly all Chinese) or pos is inside an ASCII word. longest_at asks it first.
    [[nodiscard]] bool may_begin_at(std::string_view text, std::size_t pos) const noexcept {
        auto const* s = reinterpret_cast<unsigned char const*>(text.data());
        unsigned const b = s[pos];
        if (b < 0x80) {
            bool const inside_word = utf8::is_ascii_alnum(s[pos]) && pos > 0 && utf8::is_ascii_alnum(s[pos - 1]);
            return first_.has_byte(b) && !inside_word;
        }
        if ((b & 0xF0) != 0xE0 || pos + 3 > text.size()) return true;  // left to the walk
        return first_.has((b & 0x0Fu) << 12 | (s[pos + 1] & 0x3Fu) << 6 | (s[pos + 2] & 0x3Fu));
    }

private:
    friend class lexicon;
    void add(std::string_view alias, std::uint32_t entry);
    void finish();
    [[nodiscard]] std::optional<lexicon_match> walk_from(std::string_view text, std::size_t pos) const;
    [[nodiscard]] std::optional<lexicon_match> walk_back_from(std::string_view text, std::size_t end) const;

    /// The same for an alias that ends at end (0 < end <= text.size()), by the code point
    /// before it.
    [[nodiscard]] bool may_end_at(std::string_view text, std::size_t end) const noexcept {
        auto const* s = reinterpret_cast<unsigned char const*>(text.data());
        unsigned const b = s[end - 1];
        if (b < 0x80) {
            bool const inside_word =
                utf8::is_ascii_alnum(s[end - 1]) && end < text.size() && utf8::is_ascii_alnum(s[end]);
            return last_.has_byte(b) && !inside_word;
        }
        if (end < 3 || (s[end - 3] & 0xF0) != 0xE0 || (s[end - 2] & 0xC0) != 0x80) return true;
        return last_.has((s[end - 3] & 0x0Fu) << 12 | (s[end - 2] & 0x3Fu) << 6 | (b & 0x3Fu));
    }

    static std::uint64_t const no_code_points_[1024];
    /// The code points that aliases begin (or end) with, folded as the trie folds them:
    /// ASCII as a set of bytes (either case, any white space), the rest of the BMP as a
    /// set of 2^16 bits (kept by impl_; above the BMP, U+FFFF stands for all).
    struct code_points {
        std::uint64_t ascii[2] = {0, 0};
        std::uint64_t const* bmp = no_code_points_;
        [[nodiscard]] bool has_byte(unsigned b) const noexcept { return (ascii[b >> 6] >> (b & 63)) & 1; }
        [[nodiscard]] bool has(std::uint32_t cp) const noexcept { return (bmp[cp >> 6] >> (cp & 63)) & 1; }
    };

    struct impl;
    std::unique_ptr<impl> impl_;
    code_points first_, last_;
};

/// Several kinds of a lexicon matched in one pass over a text: one trie of all their
/// aliases, walked only where the start (the first word of English, the first two code
/// points of other text) can begin one.
class lexicon_scanner {
public:
    lexicon_scanner(lexicon const& lex, std::vector<std::string> kinds);
    ~lexicon_scanner();
    lexicon_scanner(lexicon_scanner const&) = delete;
    lexicon_scanner& operator=(lexicon_scanner const&) = delete;

    /// At every place in text[from, to) where a code point starts (not inside an ASCII
    /// word), the longest alias of each kind that starts there and ends by `to`:
    /// out[k] gets the matches of kinds()[k], in text order. Matches may overlap; see
    /// `leftmost_longest` for the reading a single matcher's find_all gives.
    void scan(std::string_view text, std::size_t from, std::size_t to,
              std::vector<std::vector<lexicon_match>>& out) const;
    [[nodiscard]] std::vector<std::string> const& kinds() const noexcept { return kinds_; }

private:
    struct impl;
    std::unique_ptr<impl> impl_;
    std::vector<std::string> kinds_;
};

/// From matches in text order (a scan's output for one kind), the leftmost-longest,
/// non-overlapping ones inside [from, to), appended to `out`.
void leftmost_longest(std::vector<lexicon_match> const& all, std::size_t from, std::size_t to,
                      std::vector<lexicon_match>& out);

class lexicon {
public:
    lexicon();

    /// The lexicon compiled into the library (data/lexicon/*.tsv).
    [[nodiscard]] static std::shared_ptr<lexicon const> builtin();
    /// Read entries in the lexicon format; `name` is used in error messages.
    [[nodiscard]] static lexicon from_text(std::string_view text, std::string_view name = "<text>");
    [[nodiscard]] static lexicon from_file(std::filesystem::path const& path);
    /// Built from entries directly (e.g. a Python dict); entries are validated like file lines.
    [[nodiscard]] static lexicon from_entries(std::vector<lexicon_entry> entries);

    /// A new lexicon: this one's entries plus `other`'s. With `replace`, every kind
    /// that `other` defines is taken from `other` alone.
    [[nodiscard]] lexicon merged(lexicon const& other, bool replace = false) const;

    [[nodiscard]] std::vector<lexicon_entry> const& entries() const noexcept { return entries_; }
    [[nodiscard]] lexicon_entry const& entry(std::uint32_t i) const { return entries_.at(i); }
    /// The matcher over every alias of `kind` (empty matcher for an unknown kind).
    [[nodiscard]] matcher const& match(std::string_view kind) const;
    /// A scanner of these kinds, built on first use and kept with the lexicon (thread-safe).
    [[nodiscard]] std::shared_ptr<lexicon_scanner const> scanner(std::vector<std::string> const& kinds) const;
    /// First entry of `kind` whose id is `id`.
    [[nodiscard]] lexicon_entry const* find(std::string_view kind, std::string_view id) const;

    /// Tables a parse stage derives from this lexicon: a T built as T(*this) on first use
    /// and kept with this lexicon object (thread-safe), so that parses do not build them
    /// per document. T may refer into the lexicon.
    template <class T>
    [[nodiscard]] T const& derived() const {
        static char tag;  // one per T: its address names T's tables
        auto const make = [](lexicon const& lex) -> std::shared_ptr<void const> {
            return std::make_shared<T const>(lex);
        };
        return *static_cast<T const*>(derived(&tag, make));
    }

private:
    void compile();
    [[nodiscard]] void const* derived(void const* tag, std::shared_ptr<void const> (*make)(lexicon const&)) const;
    std::vector<lexicon_entry> entries_;
    std::vector<std::pair<std::string, std::shared_ptr<matcher>>> matchers_;
    struct scanner_cache;
    std::shared_ptr<scanner_cache> scanners_;
    /// What derived() has built, by tag. Tables may point into the lexicon they were built
    /// from, so a copy of a lexicon, a lexicon moved or one assigned to starts with none.
    struct derived_store {
        derived_store() = default;
        derived_store(derived_store const&) noexcept {}
        derived_store& operator=(derived_store const&) noexcept {
            built.clear();
            return *this;
        }
        std::mutex mutex;
        std::vector<std::pair<void const*, std::shared_ptr<void const>>> built;
    };
    mutable derived_store derived_;
};

}  // namespace reportx
