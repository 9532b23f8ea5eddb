#pragma once
// Entry points: text or file in, document out.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "reportx/error.hpp"
#include "reportx/lexicon.hpp"
#include "reportx/model.hpp"

namespace reportx {

struct parse_options {
    std::optional<std::string> doc_id;       ///< default: file name without extension
    std::optional<std::string> lang;         ///< "en" / "zh"; default: detected
    std::optional<int> year;                 ///< what "this year" means; default: from the text
    std::shared_ptr<reportx::lexicon const> lexicon;  ///< default: lexicon::builtin()
};

/// Parse UTF-8 text. Throws parse_error if it is not valid UTF-8; anything else
/// odd becomes a diagnostic. Thread-safe: parses share nothing mutable.
[[nodiscard]] document parse(std::string text, parse_options const& options = {});

/// Read and parse a file. Throws parse_error naming the file if it cannot be read.
[[nodiscard]] document parse_file(std::filesystem::path const& path, parse_options options = {});

}  // namespace reportx
