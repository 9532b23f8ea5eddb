#pragma once
// Errors that stop a parse. Everything else is a diagnostic on the document.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace reportx {

/// Input that cannot become a document (not UTF-8, unreadable file).
class parse_error : public std::runtime_error {
public:
    parse_error(std::string message, std::size_t byte_offset, std::size_t line, std::size_t column)
        : std::runtime_error(std::move(message)), byte_offset_(byte_offset), line_(line), column_(column) {}
    [[nodiscard]] std::size_t byte_offset() const noexcept { return byte_offset_; }
    [[nodiscard]] std::size_t line() const noexcept { return line_; }      ///< 1-based
    [[nodiscard]] std::size_t column() const noexcept { return column_; }  ///< 1-based, in code points

private:
    std::size_t byte_offset_, line_, column_;
};

/// A lexicon file that cannot be read: names the file, the line and the problem.
class lexicon_error : public std::runtime_error {
public:
    lexicon_error(std::string file, std::size_t line, std::string problem)
        : std::runtime_error(file + ":" + std::to_string(line) + ": " + problem),
          file_(std::move(file)), line_(line), problem_(std::move(problem)) {}
    [[nodiscard]] std::string const& file() const noexcept { return file_; }
    [[nodiscard]] std::size_t line() const noexcept { return line_; }
    [[nodiscard]] std::string const& problem() const noexcept { return problem_; }

private:
    std::string file_;
    std::size_t line_;
    std::string problem_;
};

}  // namespace reportx
