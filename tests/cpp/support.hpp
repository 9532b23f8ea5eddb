#pragma once
// Helpers shared by the C++ tests: reading corpus files, slicing spans, UTF-8 of a code point.
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

/// The UTF-8 bytes of a code point of the BMP (no surrogates).
inline std::string utf8_of(char32_t cp) {
    auto byte = [](char32_t b) { return static_cast<char>(b); };
    if (cp < 0x80) return {byte(cp)};
    if (cp < 0x800) return {byte(0xC0 | cp >> 6), byte(0x80 | (cp & 0x3F))};
    return {byte(0xE0 | cp >> 12), byte(0x80 | (cp >> 6 & 0x3F)), byte(0x80 | (cp & 0x3F))};
}

}  // namespace rxtest
