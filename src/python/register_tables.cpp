#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"

namespace reportx::python {

namespace {
template <class T>
py::array_t<T> to_array(std::vector<T> const& v) {
    py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
}
}  // namespace

// A table as {name: (type, values, valid)}: numbers as numpy arrays, strings as
// lists; built from the C++ columns in one go, never one Python object per row.
py::dict table_to_python(table const& t) {
    py::dict out;
    for (auto const& c : t.columns) {
        py::object values;
        char const* type = "string";
        switch (c.type) {
            case column_type::integer: values = to_array(c.ints); type = "integer"; break;
            case column_type::real: values = to_array(c.reals); type = "real"; break;
            case column_type::string: values = py::cast(c.strings); type = "string"; break;
            case column_type::category: values = py::cast(c.strings); type = "category"; break;
            case column_type::string_list: values = py::cast(c.lists); type = "string_list"; break;
        }
        out[py::str(c.name)] = py::make_tuple(type, values, to_array(c.valid).attr("astype")("bool"));
    }
    return out;
}

void register_tables(py::module_& m) {
    m.def("table_names", [] {
        std::vector<std::string> names;
        for (auto n : table_names()) names.emplace_back(n);
        return names;
    });
    m.def("table", [](document const& d, std::string const& name) { return table_to_python(make_table(d, name)); },
          py::arg("doc"), py::arg("name"));
}

}  // namespace reportx::python
