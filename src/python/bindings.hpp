#pragma once
// Shared declarations of the private binding sources (not installed).
#include <pybind11/pybind11.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

#include "reportx/reportx.hpp"

namespace reportx::python {
namespace py = pybind11;

void register_errors(py::module_& m);
void register_lexicon(py::module_& m);
void register_document(py::module_& m);
void register_tables(py::module_& m);
void register_batch(py::module_& m);  // called by register_document

/// Options shared by parse() and parse_file().
parse_options make_options(py::object doc_id, py::object lang, py::object year, py::object lexicon);

/// Calls fn(i) for every i in [0, count) on up to `threads` threads (the calling one
/// among them, never more threads than items), each taking the next index as it is done.
/// Call with the GIL released; fn must not throw.
template <class Fn>
void parallel_for(std::size_t count, unsigned threads, Fn const& fn) {
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, count));
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++) fn(i);
    };
    std::vector<std::jthread> pool;
    if (threads > 1) pool.reserve(threads - 1);
    for (unsigned k = 1; k < threads; ++k) pool.emplace_back(worker);
    worker();
}  // the jthreads join here

}  // namespace reportx::python
