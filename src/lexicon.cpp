#include "reportx/lexicon.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <mutex>
#include <fstream>
#include <sstream>

#include "reportx/error.hpp"
#include "reportx/utf8.hpp"
#include "trie.hpp"

namespace reportx {

namespace detail {
std::string_view builtin_lexicon_text();  // generated from data/lexicon/*.tsv at build time
}

#if defined(__x86_64__) && defined(__GNUC__) && defined(__linux__)
// The trie's steps count bits: compiled twice, with and without the popcnt instruction,
// and the loader picks the one the CPU supports.
#define REPORTX_POPCNT_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define REPORTX_POPCNT_CLONES
#endif

namespace detail {

// ---- byte_trie ---------------------------------------------------------------

void byte_trie::insert(std::string_view bytes, std::string_view written, std::uint16_t kind, std::uint32_t entry) {
    std::uint32_t n = 0;
    for (unsigned char c : bytes) {
        c = fold_byte(c);
        auto& kids = build_[n].kids;
        std::uint32_t next = 0;
        for (auto const& [b, k] : kids)
            if (b == c) next = k;
        if (!next) {
            next = static_cast<std::uint32_t>(build_.size());
            build_[n].kids.emplace_back(c, next);
            build_.emplace_back();
        }
        n = next;
    }
    auto& terms = build_[n].terms;
    for (auto const& t : terms)
        if (t.kind == kind) return;  // the first alias of a kind wins
    trie_terminal t;
    t.entry = entry;
    t.kind = kind;
    // Acronyms ("PV", "CPI", "GDP") match as written; other aliases ignore ASCII case.
    for (std::size_t i = 1; i < written.size(); ++i)
        if (written[i] >= 'A' && written[i] <= 'Z') {
            t.exact = static_cast<std::int32_t>(exact_.size());
            exact_.emplace_back(written);
            break;
        }
    terms.push_back(t);
}

void byte_trie::finish() {
    nodes_.assign(build_.size(), node{});
    root_.fill(0);
    for (std::uint32_t n = 0; n < build_.size(); ++n) {
        auto& b = build_[n];
        std::sort(b.kids.begin(), b.kids.end());
        node& k = nodes_[n];
        k.term = static_cast<std::uint32_t>(terminals_.size());
        k.nterm = static_cast<std::uint32_t>(b.terms.size());
        terminals_.insert(terminals_.end(), b.terms.begin(), b.terms.end());
        if (n == 0) {
            for (auto const& [c, kid] : b.kids) root_[c] = kid;
            continue;
        }
        k.kids = static_cast<std::uint32_t>(kids_.size());
        for (auto const& [c, kid] : b.kids) {
            k.bits[c >> 6] |= std::uint64_t{1} << (c & 63);
            kids_.push_back(kid);
        }
        for (int w = 1; w < 4; ++w)
            k.before[w] = static_cast<std::uint8_t>(k.before[w - 1] + __builtin_popcountll(k.bits[w - 1]));
    }
    build_.clear();
    build_.shrink_to_fit();
}

// ---- start_filter --------------------------------------------------------------

void start_filter::reset(std::size_t aliases) {
    // About 32 bits per alias (two per alias set), between 2^12 and 2^18 bits.
    int log = 12;
    while (log < 18 && (std::size_t{1} << log) < aliases * 32) ++log;
    shift_ = 32 - log;
    bits_.assign((std::size_t{1} << log) / 64, 0);
    first_.assign(1024, 0);
}

void start_filter::add(std::string_view alias) {
    auto const* s = reinterpret_cast<unsigned char const*>(alias.data());
    if (alias.empty()) return;
    auto a = next_cp(s, 0);
    std::uint32_t f = a.cp < 0x10000 ? a.cp : 0xFFFF;
    first_[f >> 6] |= std::uint64_t{1} << (f & 63);
    std::uint32_t i = a.length >= alias.size() ? single(a.cp) : pair(a.cp, next_cp(s, a.length).cp);
    bits_[i >> 6] |= std::uint64_t{1} << (i & 63);
}

}  // namespace detail

namespace {

using detail::byte_trie;
using detail::start_filter;
using utf8::is_ascii_alnum;
using detail::trie_terminal;

bool alnum_at(std::string_view t, std::size_t i) noexcept {
    return i < t.size() && is_ascii_alnum(static_cast<unsigned char>(t[i]));
}

// The code points at pos and after it (the filter's question), within [.., to).
bool may_start(start_filter const& f, std::string_view t, std::size_t pos, std::size_t to) noexcept {
    auto const* s = reinterpret_cast<unsigned char const*>(t.data());
    auto a = detail::next_cp(s, pos);
    if (pos + a.length > to) return false;
    std::size_t q = pos + a.length;
    char32_t b = start_filter::npos_cp;
    if (q < to) {
        auto n = detail::next_cp(s, q);
        if (q + n.length <= to) b = n.cp;
    }
    return f.may_start(a.cp, b);
}

}  // namespace

// One kind: the forward index (matches from a start, with the start filter) and a
// backward trie (matches ending at a place, aliases stored reversed).
struct matcher::impl {
    detail::alias_index forward;
    byte_trie backward;
};

matcher::matcher() = default;
matcher::~matcher() = default;
matcher::matcher(matcher&&) noexcept = default;
matcher& matcher::operator=(matcher&&) noexcept = default;

bool matcher::empty() const noexcept { return !impl_; }

void matcher::add(std::string_view alias, std::uint32_t entry) {
    if (alias.empty()) return;
    if (!impl_) impl_ = std::make_unique<impl>();
    impl_->forward.add(alias, 0, entry);
    std::string rev(alias.rbegin(), alias.rend());
    impl_->backward.insert(rev, alias, 0, entry);
}

void matcher::finish() {
    if (!impl_) return;
    impl_->forward.finish();
    impl_->backward.finish();
}

REPORTX_POPCNT_CLONES std::optional<lexicon_match> matcher::longest_at(std::string_view text, std::size_t pos) const {
    if (!impl_ || pos >= text.size()) return std::nullopt;
    if (alnum_at(text, pos) && pos > 0 && alnum_at(text, pos - 1)) return std::nullopt;  // inside a word
    if (!may_start(impl_->forward.filter, text, pos, text.size())) return std::nullopt;
    std::optional<lexicon_match> best;
    impl_->forward.trie.walk_forward(text, pos, text.size(), [&](std::size_t end, trie_terminal const& t) {
        if (alnum_at(text, end - 1) && alnum_at(text, end)) return;  // ends inside a word
        best = lexicon_match{pos, end, t.entry};
    });
    return best;
}

REPORTX_POPCNT_CLONES std::optional<lexicon_match> matcher::longest_ending_at(std::string_view text, std::size_t end) const {
    if (!impl_ || end == 0 || end > text.size()) return std::nullopt;
    if (alnum_at(text, end - 1) && alnum_at(text, end)) return std::nullopt;  // inside a word
    std::optional<lexicon_match> best;
    impl_->backward.walk_backward(text, end, 0, [&](std::size_t begin, trie_terminal const& t) {
        if (begin > 0 && alnum_at(text, begin) && alnum_at(text, begin - 1)) return;  // starts inside a word
        best = lexicon_match{begin, end, t.entry};
    });
    return best;
}

void matcher::find_all(std::string_view text, std::size_t from, std::size_t to,
                       std::vector<lexicon_match>& out) const {
    if (!impl_) return;
    to = std::min(to, text.size());
    std::string_view t = text.substr(0, to);
    auto const* s = reinterpret_cast<unsigned char const*>(t.data());
    std::size_t i = from;
    while (i < to) {
        if (alnum_at(t, i) && i > 0 && alnum_at(t, i - 1)) { ++i; continue; }
        if ((s[i] & 0xC0) == 0x80) { ++i; continue; }
        if (auto m = longest_at(t, i)) {
            out.push_back(*m);
            i = m->end;
        } else {
            i += utf8::sequence_length(s[i]);
        }
    }
}

// ---- lexicon_scanner -------------------------------------------------------------

struct lexicon_scanner::impl : detail::alias_index {};

lexicon_scanner::lexicon_scanner(lexicon const& lex, std::vector<std::string> kinds)
    : impl_(std::make_unique<impl>()), kinds_(std::move(kinds)) {
    for (std::uint32_t i = 0; i < lex.entries().size(); ++i) {
        auto const& e = lex.entries()[i];
        for (std::size_t k = 0; k < kinds_.size(); ++k)
            if (e.kind == kinds_[k])
                for (auto const& a : e.aliases) impl_->add(a, static_cast<std::uint16_t>(k), i);
    }
    impl_->finish();
}

lexicon_scanner::~lexicon_scanner() = default;

REPORTX_POPCNT_CLONES void lexicon_scanner::scan(std::string_view text, std::size_t from, std::size_t to,
                                                 std::vector<std::vector<lexicon_match>>& out) const {
    out.resize(kinds_.size());
    to = std::min(to, text.size());
    if (from >= to || impl_->trie.empty()) return;
    std::string_view const t = text.substr(0, to);
    auto const* s = reinterpret_cast<unsigned char const*>(t.data());
    auto const& filter = impl_->filter;
    auto const& trie = impl_->trie;
    std::size_t best_end[64];
    std::uint32_t best_entry[64];
    // Two phases per run of text, so that the common case (a code point no alias begins
    // with) costs no branch that the processor could mispredict: first the places whose
    // first code point may begin an alias, not inside an ASCII word, are collected; then
    // the second code point is tested and the trie walked from the places that remain.
    constexpr std::size_t chunk = 256;
    std::uint32_t places[chunk];
    bool prev_alnum = from > 0 && is_ascii_alnum(s[from - 1]);
    std::size_t i = from;
    while (i < to && (s[i] & 0xC0) == 0x80) ++i;  // `from` inside a character
    while (i < to) {
        std::size_t n = 0;
        for (; i < to && n < chunk;) {
            auto const cur = detail::next_cp(s, i);
            if (i + cur.length > to) { i = to; break; }
            bool const alnum = cur.cp < 0x80 && is_ascii_alnum(static_cast<unsigned char>(cur.cp));
            places[n] = static_cast<std::uint32_t>(i - from);
            n += static_cast<std::size_t>(filter.may_begin(cur.cp) & !(alnum & prev_alnum));
            prev_alnum = alnum;
            i += cur.length;
        }
        for (std::size_t k = 0; k < n; ++k) {
            std::size_t const p = from + places[k];
            auto const cur = detail::next_cp(s, p);
            std::size_t const j = p + cur.length;
            char32_t second = start_filter::npos_cp;
            if (j < to) {
                auto const nxt = detail::next_cp(s, j);
                if (j + nxt.length <= to) second = nxt.cp;
            }
            if (!filter.may_continue(cur.cp, second)) continue;
            std::uint64_t found = 0;  // kinds with a match here
            trie.walk_forward(t, p, to, [&](std::size_t end, trie_terminal const& term) {
                if (alnum_at(t, end - 1) && alnum_at(t, end)) return;  // ends inside a word
                if (term.kind >= 64) return;
                best_end[term.kind] = end;
                best_entry[term.kind] = term.entry;
                found |= std::uint64_t{1} << term.kind;
            });
            for (; found; found &= found - 1) {
                auto kind = static_cast<std::size_t>(__builtin_ctzll(found));
                out[kind].push_back(lexicon_match{p, best_end[kind], best_entry[kind]});
            }
        }
    }
}

void leftmost_longest(std::vector<lexicon_match> const& all, std::size_t from, std::size_t to,
                      std::vector<lexicon_match>& out) {
    auto it = std::lower_bound(all.begin(), all.end(), from,
                               [](lexicon_match const& m, std::size_t v) { return m.begin < v; });
    std::size_t last = from;
    for (; it != all.end() && it->begin < to; ++it) {
        if (it->begin < last || it->end > to) continue;
        out.push_back(*it);
        last = it->end;
    }
}

// ---------------------------------------------------------------------------

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t b = 0;
    while (true) {
        std::size_t e = s.find(sep, b);
        out.emplace_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

void check_entry(lexicon_entry const& e) {
    auto fail = [&](std::string const& why) { throw lexicon_error(e.file, e.line, why); };
    if (e.kind.empty()) fail("empty kind");
    for (char c : e.kind)
        if (!((c >= 'a' && c <= 'z') || c == '_')) fail("kind '" + e.kind + "' must be lower-case letters and _");
    if (e.id.empty()) fail("empty id");
    if (e.aliases.empty()) fail("entry '" + e.id + "' has no aliases");
    for (auto const& a : e.aliases) {
        if (a.empty()) fail("entry '" + e.id + "' has an empty alias (check for '||' or a trailing '|')");
        if (utf8::find_invalid(a) != std::string_view::npos) fail("alias of '" + e.id + "' is not valid UTF-8");
    }
}

}  // namespace

lexicon lexicon::from_text(std::string_view text, std::string_view name) {
    lexicon lex;
    std::size_t line_no = 0, b = 0;
    while (b <= text.size()) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        std::string_view line = text.substr(b, e - b);
        ++line_no;
        b = e + 1;
        std::string_view t = trim(line);
        if (t.empty() || t.front() == '#') {
            if (e == text.size()) break;
            continue;
        }
        auto cols = split(t, '\t');
        if (cols.size() < 5 || cols.size() > 6)
            throw lexicon_error(std::string(name), line_no,
                                "expected 5 or 6 tab-separated columns (kind, id, label, weight, aliases[, expands]), found " +
                                    std::to_string(cols.size()));
        lexicon_entry ent;
        ent.file = std::string(name);
        ent.line = line_no;
        ent.kind = std::string(trim(cols[0]));
        ent.id = std::string(trim(cols[1]));
        ent.label = std::string(trim(cols[2]));
        if (ent.label == "-") ent.label.clear();
        std::string_view w = trim(cols[3]);
        if (w != "-" && !w.empty()) {
            auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), ent.weight);
            if (ec != std::errc{} || p != w.data() + w.size())
                throw lexicon_error(ent.file, line_no, "weight '" + std::string(w) + "' is not a number or '-'");
        }
        for (auto& a : split(trim(cols[4]), '|')) ent.aliases.emplace_back(trim(a));
        if (cols.size() == 6 && !trim(cols[5]).empty() && trim(cols[5]) != "-")
            for (auto& x : split(trim(cols[5]), '|')) ent.expands.emplace_back(trim(x));
        check_entry(ent);
        lex.entries_.push_back(std::move(ent));
        if (e == text.size()) break;
    }
    lex.compile();
    return lex;
}

lexicon lexicon::from_file(std::filesystem::path const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw lexicon_error(path.string(), 0, "cannot open the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::size_t bad = utf8::find_invalid(text);
    if (bad != std::string::npos) {
        std::size_t line = 1;
        for (std::size_t i = 0; i < bad; ++i) line += text[i] == '\n';
        throw lexicon_error(path.string(), line, "not valid UTF-8");
    }
    return from_text(text, path.string());
}

lexicon lexicon::from_entries(std::vector<lexicon_entry> entries) {
    lexicon lex;
    for (auto& e : entries) {
        if (e.file.empty()) e.file = "<entries>";
        check_entry(e);
    }
    lex.entries_ = std::move(entries);
    lex.compile();
    return lex;
}

std::shared_ptr<lexicon const> lexicon::builtin() {
    static std::shared_ptr<lexicon const> const lex =
        std::make_shared<lexicon const>(from_text(detail::builtin_lexicon_text(), "<builtin>"));
    return lex;
}

lexicon lexicon::merged(lexicon const& other, bool replace) const {
    lexicon out;
    for (auto const& e : entries_) {
        bool dropped = false;
        if (replace)
            for (auto const& o : other.entries_)
                if (o.kind == e.kind) { dropped = true; break; }
        if (!dropped) out.entries_.push_back(e);
    }
    // The user's entries come first so that their aliases win over built-in ones.
    out.entries_.insert(out.entries_.begin(), other.entries_.begin(), other.entries_.end());
    out.compile();
    return out;
}

struct lexicon::scanner_cache {
    std::mutex mutex;
    std::vector<std::pair<std::vector<std::string>, std::shared_ptr<lexicon_scanner const>>> built;
};

lexicon::lexicon() : scanners_(std::make_shared<scanner_cache>()) {}

void lexicon::compile() {
    matchers_.clear();
    for (std::uint32_t i = 0; i < entries_.size(); ++i) {
        auto const& e = entries_[i];
        matcher* m = nullptr;
        for (auto& [k, mm] : matchers_)
            if (k == e.kind) m = mm.get();
        if (!m) {
            matchers_.emplace_back(e.kind, std::make_shared<matcher>());
            m = matchers_.back().second.get();
        }
        for (auto const& a : e.aliases) m->add(a, i);
    }
    for (auto& [k, m] : matchers_) m->finish();
    scanners_ = std::make_shared<scanner_cache>();
}

std::shared_ptr<lexicon_scanner const> lexicon::scanner(std::vector<std::string> const& kinds) const {
    std::lock_guard<std::mutex> lock(scanners_->mutex);
    for (auto const& [k, s] : scanners_->built)
        if (k == kinds) return s;
    auto s = std::make_shared<lexicon_scanner const>(*this, kinds);
    scanners_->built.emplace_back(kinds, s);
    return s;
}

matcher const& lexicon::match(std::string_view kind) const {
    for (auto const& [k, m] : matchers_)
        if (k == kind) return *m;
    static matcher const none;
    return none;
}

lexicon_entry const* lexicon::find(std::string_view kind, std::string_view id) const {
    for (auto const& e : entries_)
        if (e.kind == kind && e.id == id) return &e;
    return nullptr;
}

}  // namespace reportx
