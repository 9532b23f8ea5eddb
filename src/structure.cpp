// Structure stage (placeholder until the structure parser lands): one paragraph per line.
#include "stages.hpp"
#include "reportx/utf8.hpp"

namespace reportx::detail {

void build_structure(document& doc, parse_options const& options, lexicon const&) {
    std::string_view t = doc.text;
    std::size_t han = 0, latin = 0;
    for (std::size_t i = 0; i < t.size();) {
        auto d = utf8::decode(t, i);
        if (utf8::is_han(d.cp)) ++han;
        else if ((d.cp | 32) >= 'a' && (d.cp | 32) <= 'z') ++latin;
        i += d.length;
    }
    doc.lang = options.lang ? *options.lang : (han * 2 > latin / 4 ? "zh" : "en");
    doc.year = options.year;
    std::size_t b = 0;
    while (b < t.size()) {
        std::size_t e = t.find('\n', b);
        if (e == std::string_view::npos) e = t.size();
        std::size_t s = b, f = e;
        while (s < f && (t[s] == ' ' || t[s] == '\r' || t[s] == '\t')) ++s;
        while (f > s && (t[f - 1] == ' ' || t[f - 1] == '\r' || t[f - 1] == '\t')) --f;
        if (s < f) {
            block k;
            k.id = static_cast<int>(doc.blocks.size());
            k.where = {s, f};
            doc.blocks.push_back(k);
        }
        b = e + 1;
    }
}

}  // namespace reportx::detail
