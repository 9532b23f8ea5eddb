#pragma once
// Shared declarations of the private binding sources (not installed).
#include <pybind11/pybind11.h>

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

}  // namespace reportx::python
