#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"

namespace reportx::python {

// lexicon has no mutating member functions, so Python may hold it as non-const.
using lexicon_ptr = std::shared_ptr<lexicon>;
namespace {
lexicon_ptr share(lexicon l) { return std::make_shared<lexicon>(std::move(l)); }
}  // namespace

void register_lexicon(py::module_& m) {
    py::class_<lexicon, lexicon_ptr>(m, "Lexicon")
        .def_static("builtin", [] { return std::const_pointer_cast<lexicon>(lexicon::builtin()); })
        .def_static("from_file", [](std::filesystem::path const& p) { return share(lexicon::from_file(p)); })
        .def_static("from_text", [](std::string const& t, std::string const& name) {
            return share(lexicon::from_text(t, name));
        }, py::arg("text"), py::arg("name") = "<text>")
        .def_static("from_entries", [](py::iterable rows) {
            std::vector<lexicon_entry> entries;
            std::size_t n = 0;
            for (py::handle r : rows) {
                ++n;
                auto d = py::cast<py::dict>(r);
                lexicon_entry e;
                e.file = "<dict>";
                e.line = n;
                auto get = [&](char const* k) -> py::object { return d.contains(k) ? py::reinterpret_borrow<py::object>(d[k]) : py::none(); };
                if (get("kind").is_none() || get("id").is_none())
                    throw lexicon_error("<dict>", n, "entry needs 'kind' and 'id'");
                e.kind = py::cast<std::string>(get("kind"));
                e.id = py::cast<std::string>(get("id"));
                if (!get("label").is_none()) e.label = py::cast<std::string>(get("label"));
                if (!get("weight").is_none()) e.weight = py::cast<double>(get("weight"));
                if (!get("aliases").is_none()) {
                    auto a = get("aliases");
                    if (py::isinstance<py::str>(a)) e.aliases.push_back(py::cast<std::string>(a));
                    else e.aliases = py::cast<std::vector<std::string>>(a);
                }
                if (!get("expands").is_none()) e.expands = py::cast<std::vector<std::string>>(get("expands"));
                entries.push_back(std::move(e));
            }
            return share(lexicon::from_entries(std::move(entries)));
        })
        .def("merged", [](lexicon const& self, lexicon const& other, bool replace) {
            return share(self.merged(other, replace));
        }, py::arg("other"), py::arg("replace") = false)
        .def("entries", [](lexicon const& self) {
            py::list out;
            for (auto const& e : self.entries()) {
                py::dict d;
                d["kind"] = e.kind; d["id"] = e.id; d["label"] = e.label; d["weight"] = e.weight;
                d["aliases"] = e.aliases; d["expands"] = e.expands; d["file"] = e.file; d["line"] = e.line;
                out.append(d);
            }
            return out;
        })
        .def("__len__", [](lexicon const& self) { return self.entries().size(); });
}

}  // namespace reportx::python
