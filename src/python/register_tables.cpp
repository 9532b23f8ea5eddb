#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <thread>
#include <string_view>
#include <unordered_map>

#include "bindings.hpp"

namespace reportx::python {

namespace {
template <class T>
py::array_t<T> to_array(std::vector<T> const& v) {
    py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
    if (!v.empty()) std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
}

py::array_t<bool> to_bool_array(std::vector<std::uint8_t> const& v) {
    py::array_t<bool> a(static_cast<py::ssize_t>(v.size()));
    bool* out = a.mutable_data();
    for (std::size_t i = 0; i < v.size(); ++i) out[i] = v[i] != 0;
    return a;
}

char const* type_name(column_type t) {
    switch (t) {
        case column_type::integer: return "integer";
        case column_type::real: return "real";
        case column_type::string: return "string";
        case column_type::category: return "category";
        case column_type::string_list: return "string_list";
    }
    return "string";
}

// Strings as Arrow's large_string layout: int64 offsets (n + 1) into one UTF-8 buffer,
// written straight into the bytes object.
py::tuple arrow_strings(std::vector<std::string_view> const& v) {
    std::size_t total = 0;
    for (auto s : v) total += s.size();
    py::array_t<std::int64_t> offsets(static_cast<py::ssize_t>(v.size() + 1));
    auto* o = offsets.mutable_data();
    auto data = py::reinterpret_steal<py::bytes>(PyBytes_FromStringAndSize(nullptr, static_cast<py::ssize_t>(total)));
    if (!data) throw py::error_already_set();
    char* out = PyBytes_AS_STRING(data.ptr());
    std::size_t at = 0;
    o[0] = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].empty()) std::memcpy(out + at, v[i].data(), v[i].size());
        at += v[i].size();
        o[i + 1] = static_cast<std::int64_t>(at);
    }
    return py::make_tuple(offsets, data);
}

// Dictionary-encodes strings as the rows come: int32 codes (-1 = null) and the categories
// in first-seen order.
struct categories {
    std::unordered_map<std::string_view, std::int32_t> index;
    std::vector<std::string_view> names;  // views into strings that outlive the encoding
    std::vector<std::int32_t> codes;
    // `rows` rows that all hold s (or null), looked up once.
    void add(std::string_view s, bool valid, std::size_t rows = 1) {
        if (rows == 0) return;
        std::int32_t code = -1;
        if (valid) {
            auto [it, fresh] = index.try_emplace(s, static_cast<std::int32_t>(names.size()));
            if (fresh) names.push_back(s);
            code = it->second;
        }
        codes.insert(codes.end(), rows, code);
    }
    [[nodiscard]] py::tuple to_python() const {
        py::list out;
        for (auto n : names) out.append(py::str(n.data(), n.size()));
        return py::make_tuple(to_array(codes), out);
    }
};

// One column gathered over several documents' tables.
struct gathered {
    std::string name;
    column_type type = column_type::string;
    std::vector<std::int64_t> ints;
    std::vector<double> reals;
    std::vector<std::string_view> strings;  // views into the tables kept alive below
    std::vector<std::string> joined;         // string_list cells joined with '|'
    categories dict;                         // category
    std::vector<std::uint8_t> valid;
};

}  // namespace

// A table as {name: (type, values, valid)}: numbers as numpy arrays, strings as
// lists; built from the C++ columns in one go, never one Python object per row.
py::dict table_to_python(table const& t) {
    py::dict out;
    for (auto const& c : t.columns) {
        py::object values;
        switch (c.type) {
            case column_type::integer: values = to_array(c.ints); break;
            case column_type::real: values = to_array(c.reals); break;
            case column_type::string:
            case column_type::category: values = py::cast(c.strings); break;
            case column_type::string_list: values = py::cast(c.lists); break;
        }
        out[py::str(c.name)] = py::make_tuple(type_name(c.type), values, to_bool_array(c.valid));
    }
    return out;
}

// Many documents' tables concatenated in C++, with a leading `doc_id` column.
// Layout for the frame builders (python/reportx/frames.py):
//   integer/real -> (type, ndarray, valid ndarray[bool])
//   string/string_list -> ("string"/"string_list", (int64 offsets ndarray, utf8 bytes), valid)
//   category -> ("category", (int32 codes ndarray, [categories]), valid)
// string_list cells are joined with '|' (the contract's rule for tables).
py::dict tables_to_python(std::vector<std::shared_ptr<document>> const& docs, std::string const& name,
                          bool with_doc_id) {
    std::vector<table> tables;
    std::vector<gathered> cols;
    std::vector<std::string> ids;
    {
        py::gil_scoped_release release;
        tables.resize(docs.size());
        ids.reserve(docs.size());
        for (auto const& d : docs) ids.push_back(d->doc_id.value_or(std::string()));
        // Build the documents' tables on a few threads (tables of different documents share nothing).
        table empty = make_table(document{}, name);  // throws for an unknown name before any thread starts
        unsigned n = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()),
                                        static_cast<unsigned>(std::max<std::size_t>(docs.size() / 4, 1)));
        parallel_for(docs.size(), n, [&](std::size_t i) { tables[i] = make_table(*docs[i], name); });
        if (tables.empty()) tables.push_back(std::move(empty));
        if (with_doc_id) cols.push_back(gathered{"doc_id", column_type::category, {}, {}, {}, {}, {}, {}});
        for (auto const& c : tables.front().columns) cols.push_back(gathered{c.name, c.type, {}, {}, {}, {}, {}, {}});
        std::size_t total = 0;
        for (auto const& t : tables) total += t.rows;
        std::size_t joined_total = 0;
        for (auto const& t : tables)
            for (auto const& c : t.columns)
                if (c.type == column_type::string_list) joined_total += c.size();
        for (auto& g : cols) g.valid.reserve(total);
        for (auto& g : cols) g.dict.codes.reserve(g.type == column_type::category ? total : 0);
        for (auto& g : cols) g.joined.reserve(g.type == column_type::string_list ? joined_total : 0);
        for (std::size_t k = 0; k < docs.size(); ++k) {
            auto const& t = tables[k];
            std::size_t j = 0;
            if (with_doc_id) {
                auto& g = cols[j++];
                bool has_id = docs[k]->doc_id.has_value();
                g.dict.add(ids[k], has_id, t.rows);  // one look-up for the document's rows
                g.valid.insert(g.valid.end(), t.rows, has_id);
            }
            for (auto const& c : t.columns) {
                auto& g = cols[j++];
                switch (c.type) {
                    case column_type::integer: g.ints.insert(g.ints.end(), c.ints.begin(), c.ints.end()); break;
                    case column_type::real: g.reals.insert(g.reals.end(), c.reals.begin(), c.reals.end()); break;
                    case column_type::string: g.strings.insert(g.strings.end(), c.strings.begin(), c.strings.end()); break;
                    case column_type::category:
                        for (std::size_t r = 0; r < c.size(); ++r) g.dict.add(c.strings[r], c.valid[r] != 0);
                        break;
                    case column_type::string_list:
                        for (auto const& cell : c.lists) {
                            std::string s;
                            for (std::size_t i = 0; i < cell.size(); ++i) {
                                if (i) s.push_back('|');
                                s += cell[i];
                            }
                            g.joined.push_back(std::move(s));
                        }
                        break;
                }
                g.valid.insert(g.valid.end(), c.valid.begin(), c.valid.end());
            }
        }
        for (auto& g : cols)
            if (g.type == column_type::string_list) g.strings.assign(g.joined.begin(), g.joined.end());
    }
    py::dict out;
    for (auto const& g : cols) {
        py::object values;
        switch (g.type) {
            case column_type::integer: values = to_array(g.ints); break;
            case column_type::real: values = to_array(g.reals); break;
            case column_type::string:
            case column_type::string_list: values = arrow_strings(g.strings); break;
            case column_type::category: values = g.dict.to_python(); break;
        }
        out[py::str(g.name)] = py::make_tuple(type_name(g.type), values, to_bool_array(g.valid));
    }
    return out;
}

void register_tables(py::module_& m) {
    m.def("table_names", [] {
        std::vector<std::string> names;
        for (auto n : table_names()) names.emplace_back(n);
        return names;
    }, "Names of the tables a document has.");
    m.def("table", [](document const& d, std::string const& name) { return table_to_python(make_table(d, name)); },
          py::arg("doc"), py::arg("name"),
          R"(One table of one document as {column: (type, values, valid)}; strings as lists.)");
    m.def("tables", [](std::vector<std::shared_ptr<document>> const& docs, std::string const& name, bool with_doc_id) {
        return tables_to_python(docs, name, with_doc_id);
    }, py::arg("docs"), py::arg("name"), py::kw_only(), py::arg("doc_id") = true,
       R"(One table over many documents, concatenated in C++ (Arrow-style string buffers,
dictionary-encoded categories, numpy numbers, a leading doc_id column).)");
}

}  // namespace reportx::python
