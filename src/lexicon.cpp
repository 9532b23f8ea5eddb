#include "reportx/lexicon.hpp"

#include <array>
#include <charconv>
#include <fstream>
#include <sstream>

#include "reportx/error.hpp"
#include "reportx/utf8.hpp"

namespace reportx {

namespace detail {
std::string_view builtin_lexicon_text();  // generated from data/lexicon/*.tsv at build time
}

#if defined(__x86_64__) && defined(__GNUC__) && defined(__linux__)
#define REPORTX_POPCNT_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define REPORTX_POPCNT_CLONES
#endif

namespace {

using utf8::is_ascii_alnum;
constexpr unsigned char lower(unsigned char c) noexcept { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
constexpr bool is_ascii_ws(unsigned char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Acronyms ("PV", "CPI", "GDP") match as written; other aliases ignore ASCII case.
bool case_sensitive(std::string_view alias) {
    for (std::size_t i = 1; i < alias.size(); ++i)
        if (alias[i] >= 'A' && alias[i] <= 'Z') return true;
    return false;
}

}  // namespace

// A byte trie. A space in an alias matches any run of ASCII white space in the text.
// Each node keeps a 256-bit set of the bytes it has children for and its children in
// byte order, so a step is a bit test and a popcount (no search), whatever the fan-out.
struct matcher::impl {
    struct node {
        std::uint64_t bits[4] = {0, 0, 0, 0};
        std::vector<int> kids;  // in byte order
        std::int64_t entry = -1;
        std::string exact;  // an acronym alias: the text must match it case for case
    };
    std::vector<node> nodes{1};
    std::array<int, 256> root{};  // fast first step; 0 = no child
    bool folded = true;           // walk with lower-cased text bytes

    static int rank(node const& n, unsigned char c) noexcept {
        int r = 0;
        for (int w = 0; w < (c >> 6); ++w) r += __builtin_popcountll(n.bits[w]);
        std::uint64_t below = n.bits[c >> 6] & ((std::uint64_t{1} << (c & 63)) - 1);
        return r + __builtin_popcountll(below);
    }
    int child(int n, unsigned char c) const noexcept {
        if (n == 0) return root[c];
        node const& k = nodes[static_cast<std::size_t>(n)];
        if (!(k.bits[c >> 6] >> (c & 63) & 1)) return 0;
        return k.kids[static_cast<std::size_t>(rank(k, c))];
    }
    int add_child(int n, unsigned char c) {
        int next = static_cast<int>(nodes.size());
        nodes.emplace_back();
        if (n == 0) {
            root[c] = next;
        } else {
            node& k = nodes[static_cast<std::size_t>(n)];
            k.kids.insert(k.kids.begin() + rank(k, c), next);
            k.bits[c >> 6] |= std::uint64_t{1} << (c & 63);
        }
        return next;
    }
    void insert(std::string_view bytes, std::uint32_t entry, std::string_view original) {
        int n = 0;
        for (unsigned char c : bytes) {
            if (folded) c = lower(c);
            int next = child(n, c);
            if (!next) next = add_child(n, c);
            n = next;
        }
        if (nodes[n].entry < 0) {  // first definition of an alias wins
            nodes[n].entry = entry;
            if (case_sensitive(original)) nodes[n].exact = std::string(original);
        }
    }
    // Longest terminal reached walking forward from pos (dir=+1) or backward from pos (dir=-1).
    // Returns the far end (exclusive for forward, inclusive start for backward), or npos.
    // On x86-64 it is compiled twice, with and without the popcnt instruction, and the
    // loader picks the one the CPU supports.
    REPORTX_POPCNT_CLONES std::size_t walk(std::string_view t, std::size_t pos, int dir, std::uint32_t& entry) const noexcept {
        std::size_t best = std::string_view::npos;
        int n = 0;
        std::size_t i = pos;
        while (true) {
            if (dir > 0 ? i >= t.size() : i == 0) break;
            unsigned char c = static_cast<unsigned char>(dir > 0 ? t[i] : t[i - 1]);
            if (folded) c = lower(c);
            if (is_ascii_ws(c)) {
                int next = child(n, ' ');
                if (!next) break;
                while ((dir > 0 ? i < t.size() : i > 0) &&
                       is_ascii_ws(static_cast<unsigned char>(dir > 0 ? t[i] : t[i - 1])))
                    i = dir > 0 ? i + 1 : i - 1;
                n = next;
            } else {
                int next = child(n, c);
                if (!next) break;
                n = next;
                i = dir > 0 ? i + 1 : i - 1;
            }
            if (nodes[n].entry >= 0) {
                auto const& ex = nodes[n].exact;
                if (!ex.empty() && (dir > 0 ? t.substr(pos, i - pos) : t.substr(i, pos - i)) != ex) continue;
                best = i;
                entry = static_cast<std::uint32_t>(nodes[n].entry);
            }
        }
        return best;
    }
};

namespace {
bool boundary_ok(std::string_view t, std::size_t b, std::size_t e) noexcept {
    auto const* s = reinterpret_cast<unsigned char const*>(t.data());
    if (b < e && is_ascii_alnum(s[b]) && b > 0 && is_ascii_alnum(s[b - 1])) return false;
    if (b < e && is_ascii_alnum(s[e - 1]) && e < t.size() && is_ascii_alnum(s[e])) return false;
    return true;
}
}  // namespace

matcher::matcher() = default;
matcher::~matcher() = default;
matcher::matcher(matcher&&) noexcept = default;
matcher& matcher::operator=(matcher&&) noexcept = default;

bool matcher::empty() const noexcept { return !forward_; }

void matcher::add(std::string_view alias, std::uint32_t entry) {
    if (alias.empty()) return;
    if (!forward_) {
        forward_ = std::make_unique<impl>();
        backward_ = std::make_unique<impl>();
    }
    // Stored folded in both tries; an acronym is checked case for case when reached.
    forward_->insert(alias, entry, alias);
    std::string rev(alias.rbegin(), alias.rend());
    backward_->insert(rev, entry, alias);
}

std::optional<lexicon_match> matcher::longest_at(std::string_view text, std::size_t pos) const {
    if (!forward_ || pos >= text.size()) return std::nullopt;
    std::uint32_t entry = 0;
    std::size_t end = forward_->walk(text, pos, +1, entry);
    if (end == std::string_view::npos || !boundary_ok(text, pos, end)) return std::nullopt;
    return lexicon_match{pos, end, entry};
}

std::optional<lexicon_match> matcher::longest_ending_at(std::string_view text, std::size_t end) const {
    if (!backward_ || end == 0 || end > text.size()) return std::nullopt;
    std::uint32_t entry = 0;
    std::size_t begin = backward_->walk(text, end, -1, entry);
    if (begin == std::string_view::npos || !boundary_ok(text, begin, end)) return std::nullopt;
    return lexicon_match{begin, end, entry};
}

void matcher::find_all(std::string_view text, std::size_t from, std::size_t to,
                       std::vector<lexicon_match>& out) const {
    if (!forward_) return;
    to = std::min(to, text.size());
    auto const* s = reinterpret_cast<unsigned char const*>(text.data());
    std::size_t i = from;
    while (i < to) {
        unsigned char c = s[i];
        if ((c & 0xC0) == 0x80 || forward_->root[lower(c)] == 0) { ++i; continue; }
        if (is_ascii_alnum(c) && i > 0 && is_ascii_alnum(s[i - 1])) { ++i; continue; }
        if (auto m = longest_at(text.substr(0, to), i)) {
            out.push_back(*m);
            i = m->end;
        } else {
            ++i;
        }
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
