#include "reportx/parse.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "reportx/utf8.hpp"
#include "stages.hpp"

namespace reportx {

document parse(std::string text, parse_options const& options) {
    utf8::validate(text);
    auto lex = options.lexicon ? options.lexicon : lexicon::builtin();
    document doc;
    doc.text = std::move(text);
    doc.doc_id = options.doc_id;
    detail::build_structure(doc, options, *lex);
    // The hits are the stages' scratch, kept by the thread from one document to the next
    // so that their vectors do not grow anew each time. A big document's are let go when
    // the parse ends, however it ends: a thread keeps at most 10 kinds x 8,192 matches
    // (2 MB; the corpus's largest report needs 165 KB).
    thread_local detail::lexicon_hits hits;
    struct let_go_big {
        detail::lexicon_hits& hits;
        ~let_go_big() {
            for (auto& v : hits.of)
                if (v.capacity() > 8192) v = {};
        }
    } const guard{hits};
    detail::scan_lexicon(doc, *lex, hits);
    detail::extract_statements(doc, *lex, hits);
    detail::extract_topics(doc, *lex, hits);
    detail::extract_actions(doc, *lex, hits);
    return doc;
}

document parse_file(std::filesystem::path const& path, parse_options options) {
    std::string text;
    {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) throw parse_error(path.string() + ": cannot open: " + std::strerror(errno), 0, 0, 0);
        char buf[1 << 16];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
        bool failed = std::ferror(f);
        std::fclose(f);
        if (failed) throw parse_error(path.string() + ": read error", text.size(), 0, 0);
    }
    if (!options.doc_id) options.doc_id = path.stem().string();
    try {
        auto doc = parse(std::move(text), options);
        doc.source = path.string();
        return doc;
    } catch (parse_error const& e) {
        throw parse_error(path.string() + ": " + e.what(), e.byte_offset(), e.line(), e.column());
    }
}

}  // namespace reportx
