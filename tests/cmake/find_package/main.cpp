// A C++ application that uses reportx as a package: parse a file, check it, print a summary.
#include <reportx/reportx.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    auto doc = reportx::parse_file(argv[1]);
    std::cout << (doc.doc_id ? *doc.doc_id : "?") << ": " << doc.blocks.size() << " blocks, "
              << doc.statements.size() << " statements\n";
    if (doc.blocks.empty()) return 1;
    try {
        (void)reportx::parse(std::string("\xff"));
        return 1;  // invalid UTF-8 must not parse
    } catch (reportx::parse_error const& e) {
        if (e.byte_offset() != 0) return 1;
    }
    return 0;
}
