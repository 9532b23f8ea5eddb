#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"

namespace reportx::python {

parse_options make_options(py::object doc_id, py::object lang, py::object year, py::object lex) {
    parse_options o;
    if (!doc_id.is_none()) o.doc_id = py::cast<std::string>(doc_id);
    if (!lang.is_none()) {
        auto l = py::cast<std::string>(lang);
        if (l != "en" && l != "zh") throw py::value_error("lang must be 'en' or 'zh', not '" + l + "'");
        o.lang = l;
    }
    if (!year.is_none()) o.year = py::cast<int>(year);
    if (!lex.is_none()) o.lexicon = py::cast<std::shared_ptr<lexicon>>(lex);
    return o;
}

void register_document(py::module_& m) {
    py::class_<document, std::shared_ptr<document>>(m, "Document")
        .def_property_readonly("text", [](document const& d) { return py::str(d.text.data(), d.text.size()); })
        .def_property_readonly("doc_id", [](document const& d) { return d.doc_id; })
        .def_property_readonly("source", [](document const& d) { return d.source; })
        .def_property_readonly("lang", [](document const& d) { return d.lang; })
        .def_property_readonly("title", [](document const& d) {
            return d.title ? std::optional<std::string>(std::string(d.slice(*d.title))) : std::nullopt;
        })
        .def_property_readonly("date", [](document const& d) { return d.date; })
        .def_property_readonly("year", [](document const& d) { return d.year; })
        .def_property_readonly("nbytes", [](document const& d) { return d.text.size(); })
        .def("counts", [](document const& d) {
            py::dict c;
            c["sections"] = d.sections.size();
            c["blocks"] = d.blocks.size();
            c["statements"] = d.statements.size();
            c["topics"] = d.topics.size();
            c["actions"] = d.actions.size();
            c["diagnostics"] = d.diagnostics.size();
            return c;
        }, "Number of items per table, without building the tables.")
        .def("to_json", [](document const& d, int indent) { return to_json(d, indent); }, py::arg("indent") = -1);

    m.def("parse", [](std::string text, py::object doc_id, py::object lang, py::object year, py::object lex,
                      std::optional<std::string> source) {
        auto opts = make_options(doc_id, lang, year, lex);
        py::gil_scoped_release release;
        auto doc = std::make_shared<document>(parse(std::move(text), opts));
        if (source) doc->source = std::move(source);
        return doc;
    }, py::arg("text"), py::kw_only(), py::arg("doc_id") = py::none(), py::arg("lang") = py::none(),
       py::arg("year") = py::none(), py::arg("lexicon") = py::none(), py::arg("source") = py::none(),
       R"(Parse UTF-8 text (the GIL is released while C++ parses). `source` is recorded as
the document's source (used when a pickled document is rebuilt).)");

    m.def("parse_file", [](std::filesystem::path const& path, py::object doc_id, py::object lang, py::object year, py::object lex) {
        auto opts = make_options(doc_id, lang, year, lex);
        py::gil_scoped_release release;
        return std::make_shared<document>(parse_file(path, opts));
    }, py::arg("path"), py::kw_only(), py::arg("doc_id") = py::none(), py::arg("lang") = py::none(),
       py::arg("year") = py::none(), py::arg("lexicon") = py::none(),
       R"(Read and parse a UTF-8 file (the GIL is released); doc_id defaults to the file stem.)");

    register_batch(m);
}

}  // namespace reportx::python
