#pragma once
// Helpers shared by the C++ tests: reading corpus files, slicing spans.
#include <fstream>
#include <sstream>
#include <string>

#include "reportx/reportx.hpp"

namespace rxtest {

inline std::string corpus_path(std::string const& name) { return std::string(REPORTX_CORPUS_DIR) + "/" + name; }

inline std::string read_file(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string corpus(std::string const& name) { return read_file(corpus_path(name)); }

}  // namespace rxtest
