#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "reportx's compiled core. Use the `reportx` package, not this module.";
    m.attr("__version__") = std::to_string(REPORTX_VERSION_MAJOR) + "." + std::to_string(REPORTX_VERSION_MINOR) +
                            "." + std::to_string(REPORTX_VERSION_PATCH);
    m.attr("SCHEMA") = REPORTX_SCHEMA;
    reportx::python::register_errors(m);
    reportx::python::register_lexicon(m);
    reportx::python::register_document(m);
    reportx::python::register_tables(m);
}
