// Prints the targets a report sets: metric, bound, value or range, unit.
//   print_targets report.txt
#include <reportx/reportx.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: print_targets FILE\n";
        return 2;
    }
    try {
        reportx::document doc = reportx::parse_file(argv[1]);
        std::cout << (doc.doc_id ? *doc.doc_id : "") << " (" << doc.lang << ", year "
                  << (doc.year ? std::to_string(*doc.year) : "?") << ")\n";
        for (auto const& s : doc.statements) {
            if (s.kind != reportx::statement_kind::target) continue;
            std::cout << "  " << (s.metric_id ? *s.metric_id : "?") << "\t" << reportx::to_string(s.bound) << "\t";
            if (s.value) std::cout << *s.value;
            else if (s.low && s.high) std::cout << *s.low << ".." << *s.high;
            std::cout << "\t" << (s.unit ? *s.unit : "") << "\t" << doc.slice(s.where) << "\n";
        }
    } catch (reportx::parse_error const& e) {
        std::cerr << "print_targets: " << e.what() << "\n";
        return 1;
    }
}
