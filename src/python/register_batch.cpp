// parse_many: many documents parsed on a small std::thread pool with the GIL released.
#include <pybind11/stl.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <thread>
#include <variant>

#include "bindings.hpp"

namespace reportx::python {

namespace {

struct job {
    std::string text;                      // the text, or the path when is_path
    bool is_path = false;
    std::optional<std::string> doc_id;
};

struct failure {
    std::string message;
    std::size_t byte_offset = 0;
    std::size_t line = 0;
    std::size_t column = 0;
};

using outcome = std::variant<std::monostate, std::shared_ptr<document>, failure>;

void run(job& j, parse_options const& base, outcome& out) {
    try {
        auto opts = base;
        opts.doc_id = j.doc_id;
        if (j.is_path) {
            out = std::make_shared<document>(parse_file(std::filesystem::path(j.text), std::move(opts)));
        } else {
            out = std::make_shared<document>(parse(std::move(j.text), opts));
        }
    } catch (parse_error const& e) {
        out = failure{e.what(), e.byte_offset(), e.line(), e.column()};
    } catch (std::exception const& e) {
        out = failure{std::string(j.is_path ? j.text + ": " : std::string()) + e.what(), 0, 0, 0};
    }
}

}  // namespace

void register_batch(py::module_& m) {
    m.def("parse_many", [](py::sequence items, py::object doc_ids, py::object lang, py::object year, py::object lex,
                           int threads) {
        auto base = make_options(py::none(), lang, year, lex);
        std::vector<job> jobs;
        jobs.reserve(py::len(items));
        auto os = py::module_::import("os");
        for (py::handle it : items) {
            job j;
            if (py::isinstance<py::str>(it) || py::isinstance<py::bytes>(it)) {
                j.text = py::cast<std::string>(it);  // a text: str as UTF-8, bytes as they are
            } else {
                j.is_path = true;
                j.text = py::cast<std::string>(os.attr("fsdecode")(os.attr("fspath")(it)));
            }
            jobs.push_back(std::move(j));
        }
        if (!doc_ids.is_none()) {
            auto ids = py::cast<py::sequence>(doc_ids);
            if (py::len(ids) != jobs.size()) throw py::value_error("doc_ids must have one entry per input");
            for (std::size_t i = 0; i < jobs.size(); ++i) {
                py::object id = ids[i];
                if (!id.is_none()) jobs[i].doc_id = py::cast<std::string>(id);
            }
        }
        std::vector<outcome> results(jobs.size());
        {
            py::gil_scoped_release release;
            unsigned n = threads > 0 ? static_cast<unsigned>(threads) : std::max(1u, std::thread::hardware_concurrency());
            parallel_for(jobs.size(), n, [&](std::size_t i) { run(jobs[i], base, results[i]); });
        }
        py::list out;
        for (auto& r : results) {
            if (auto* d = std::get_if<std::shared_ptr<document>>(&r)) {
                out.append(py::cast(*d));
            } else if (auto* f = std::get_if<failure>(&r)) {
                out.append(py::make_tuple(f->message, f->byte_offset, f->line, f->column));
            } else {
                out.append(py::none());
            }
        }
        return out;
    }, py::arg("items"), py::kw_only(), py::arg("doc_ids") = py::none(), py::arg("lang") = py::none(),
       py::arg("year") = py::none(), py::arg("lexicon") = py::none(), py::arg("threads") = 0,
       R"(Parse many inputs on `threads` C++ threads (0 = one per core) with the GIL released.
An input is a str or bytes (text) or an os.PathLike (a file). Returns, in input order,
a Document or, for an input that failed, a tuple (message, byte_offset, line, column).)");
}

}  // namespace reportx::python
