// reportx_bench [corpus-dir] [--repeat N]
// Single thread. Reads every *.txt of the corpus, then times each stage separately
// (structure, statements, topics, actions: the detail:: functions of src/stages.hpp)
// and the whole parse, repeating until each figure is stable. Reports MB/s (input
// bytes per second) and the peak heap the stage allocates above what it started with,
// plus the process's peak resident size, and each stage's time inside whole parses.
#include <sys/resource.h>  // getrusage

#include <algorithm>   // std::sort
#include <chrono>      // std::chrono
#include <cstdio>      // std::printf
#include <cstdlib>     // std::malloc
#include <filesystem>  // std::filesystem
#include <malloc.h>    // malloc_usable_size
#include <new>         // operator new
#include <string>
#include <vector>

#include "reportx/reportx.hpp"
#include "avx2.hpp"
#include "stages.hpp"
#include "../tests/cpp/support.hpp"

// ---- heap accounting: current and peak bytes (reset before each stage) ----------
// Only in the one pass that measures the heap: the timed passes run without it, so that
// the accounting's own cost is not in the times. Single thread, so plain counters.
namespace {
bool g_counting = false;
long long g_current = 0, g_peak = 0;
}  // namespace

void* operator new(std::size_t n) {
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    if (g_counting) {
        g_current += static_cast<long long>(malloc_usable_size(p));
        g_peak = std::max(g_peak, g_current);
    }
    return p;
}
void operator delete(void* p) noexcept {
    if (p && g_counting) g_current -= static_cast<long long>(malloc_usable_size(p));
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

namespace {

using clock_type = std::chrono::steady_clock;

struct result {
    double seconds = 0;   // best time of one pass over the corpus
    long long heap = 0;   // peak heap above the start, bytes
};

template <class Prepare, class Run>
result measure(std::size_t docs, int repeat, Prepare prepare, Run run) {
    result r;
    r.seconds = 1e300;
    for (int k = 0; k < repeat; ++k) {
        double total = 0;
        for (std::size_t i = 0; i < docs; ++i) {
            auto state = prepare(i);
            auto t0 = clock_type::now();
            run(i, state);
            auto t1 = clock_type::now();
            total += std::chrono::duration<double>(t1 - t0).count();
        }
        r.seconds = std::min(r.seconds, total);
    }
    // One more pass, untimed, for the heap: the peak the stage reaches above where it began.
    g_counting = true;
    for (std::size_t i = 0; i < docs; ++i) {
        auto state = prepare(i);
        long long base = g_current;
        g_peak = base;
        run(i, state);
        r.heap = std::max(r.heap, g_peak - base);
    }
    g_counting = false;
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = REPORTX_CORPUS_DIR;
    int repeat = 20;
    for (int a = 1; a < argc; ++a) {
        std::string s = argv[a];
        if (s == "--repeat" && a + 1 < argc) repeat = std::stoi(argv[++a]);
        else dir = s;
    }
    std::vector<std::string> names, texts;
    for (auto const& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".txt") names.push_back(e.path().string());
    std::sort(names.begin(), names.end());
    std::size_t bytes = 0;
    for (auto const& n : names) {
        texts.push_back(rxtest::read_file(n));
        bytes += texts.back().size();
    }
    if (texts.empty()) {
        std::fprintf(stderr, "reportx_bench: no .txt files in %s\n", dir.c_str());
        return 1;
    }
    auto lex = reportx::lexicon::builtin();
    reportx::parse_options opts;
    // Documents after each stage, to start the next stage from.
    auto fresh = [&](std::size_t i) {
        reportx::document d;
        d.text = texts[i];
        return d;
    };
    std::vector<reportx::document> after_structure, after_statements, after_topics;
    std::vector<reportx::detail::lexicon_hits> hits;
    reportx::detail::lexicon_hits scratch;  // reused from document to document, as parse() does
    for (std::size_t i = 0; i < texts.size(); ++i) {
        auto d = fresh(i);
        reportx::detail::build_structure(d, opts, *lex);
        after_structure.push_back(d);
        reportx::detail::scan_lexicon(d, *lex, hits.emplace_back());
        reportx::detail::extract_statements(d, *lex, hits.back());
        after_statements.push_back(d);
        reportx::detail::extract_topics(d, *lex, hits.back());
        after_topics.push_back(d);
    }
    std::size_t n = texts.size();
    std::size_t statements = 0;
    for (auto const& d : after_statements) statements += d.statements.size();

    struct row { char const* name; result r; };
    std::vector<row> rows;
    rows.push_back({"structure", measure(n, repeat, fresh, [&](std::size_t, reportx::document& d) {
                        reportx::detail::build_structure(d, opts, *lex);
                    })});
    rows.push_back({"lexicon scan", measure(n, repeat, [&](std::size_t i) { return after_structure[i]; },
                                            [&](std::size_t, reportx::document& d) {
                                                reportx::detail::scan_lexicon(d, *lex, scratch);
                                            })});
    rows.push_back({"statements", measure(n, repeat, [&](std::size_t i) { return after_structure[i]; },
                                          [&](std::size_t i, reportx::document& d) {
                                              reportx::detail::extract_statements(d, *lex, hits[i]);
                                          })});
    rows.push_back({"topics", measure(n, repeat, [&](std::size_t i) { return after_statements[i]; },
                                      [&](std::size_t i, reportx::document& d) { reportx::detail::extract_topics(d, *lex, hits[i]); })});
    rows.push_back({"actions", measure(n, repeat, [&](std::size_t i) { return after_topics[i]; },
                                       [&](std::size_t i, reportx::document& d) { reportx::detail::extract_actions(d, *lex, hits[i]); })});
    rows.push_back({"parse (all)", measure(n, repeat, [&](std::size_t i) { return texts[i]; },
                                           [&](std::size_t, std::string& s) {
                                               auto d = reportx::parse(std::move(s), opts);
                                               (void)d;
                                           })});
    // The same stages inside one parse, document after document, as parse() runs them:
    // each evicts the others' tables and code from the caches, which the rows above, a
    // stage over all documents at a time, do not show. Best pass of each stage.
    char const* const steps[] = {"validate", "structure", "lexicon scan", "statements", "topics", "actions", "free"};
    double in_parse[7];
    std::fill(std::begin(in_parse), std::end(in_parse), 1e300);
    for (int r = 0; r < repeat; ++r) {
        double pass[7] = {};
        for (std::size_t i = 0; i < n; ++i) {
            std::string text = texts[i];
            auto t0 = clock_type::now();
            reportx::utf8::validate(text);
            reportx::document d;
            d.text = std::move(text);
            auto t1 = clock_type::now();
            reportx::detail::build_structure(d, opts, *lex);
            auto t2 = clock_type::now();
            reportx::detail::scan_lexicon(d, *lex, scratch);
            auto t3 = clock_type::now();
            reportx::detail::extract_statements(d, *lex, scratch);
            auto t4 = clock_type::now();
            reportx::detail::extract_topics(d, *lex, scratch);
            auto t5 = clock_type::now();
            reportx::detail::extract_actions(d, *lex, scratch);
            auto t6 = clock_type::now();
            { auto gone = std::move(d); }
            auto t7 = clock_type::now();
            clock_type::time_point const at[] = {t0, t1, t2, t3, t4, t5, t6, t7};
            for (int k = 0; k < 7; ++k) pass[k] += std::chrono::duration<double>(at[k + 1] - at[k]).count();
        }
        for (int k = 0; k < 7; ++k) in_parse[k] = std::min(in_parse[k], pass[k]);
    }

    std::printf("corpus: %zu files, %.2f MB, %d repeats (best pass), %zu statements\n", n, bytes / 1e6, repeat,
                statements);
#if REPORTX_AVX2_PATHS
    bool const avx2 = reportx::detail::avx2_on().load();
#else
    bool const avx2 = false;
#endif
    std::printf("byte scans: %s (REPORTX_NO_AVX2=1 turns AVX2 off)\n", avx2 ? "AVX2" : "SSE2 or scalar");
    std::printf("%-13s %10s %12s %14s\n", "stage", "MB/s", "ms/pass", "peak heap KB");
    for (auto const& r : rows)
        std::printf("%-13s %10.1f %12.2f %14.1f\n", r.name, bytes / 1e6 / r.r.seconds, r.r.seconds * 1e3,
                    r.r.heap / 1024.0);
    std::printf("inside one parse, document after document (ms/pass):");
    for (int k = 0; k < 7; ++k) std::printf(" %s %.2f%s", steps[k], in_parse[k] * 1e3, k < 6 ? "," : "\n");
    std::size_t kept = 0;
    for (auto const& v : scratch.of) kept += v.capacity() * sizeof(reportx::lexicon_match);
    std::printf("lexicon hits kept per thread between documents (largest document's): %.1f KB\n", kept / 1024.0);
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("process peak RSS: %.1f MB\n", ru.ru_maxrss / 1024.0);
    return 0;
}
