#include "bindings.hpp"

namespace reportx::python {

// C++ errors become the Python classes defined in reportx/_errors.py, so that they
// carry their positions as attributes and can be caught as ValueError.
void register_errors(py::module_&) {
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (parse_error const& e) {
            auto cls = py::module_::import("reportx._errors").attr("ParseError");
            py::object err = cls(e.what(), e.byte_offset(), e.line(), e.column());
            PyErr_SetObject(cls.ptr(), err.ptr());
        } catch (lexicon_error const& e) {
            auto cls = py::module_::import("reportx._errors").attr("LexiconError");
            py::object err = cls(e.what(), e.file(), e.line(), e.problem());
            PyErr_SetObject(cls.ptr(), err.ptr());
        }
    });
}

}  // namespace reportx::python
