# Writes OUTPUT: a C++ source that returns the concatenated lexicon files as one string.
# Usage: cmake -DOUTPUT=... -DINPUTS="a.tsv;b.tsv" -P embed_lexicon.cmake
set(body "")
foreach(f IN LISTS INPUTS)
  file(READ "${f}" content)
  get_filename_component(name "${f}" NAME)
  string(APPEND body ")rxlex\"\n\"# ---- ${name}\\n\"\nR\"rxlex(${content}\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from data/lexicon/*.tsv by cmake/embed_lexicon.cmake. Do not edit.
#include <string_view>
namespace reportx::detail {
std::string_view builtin_lexicon_text() {
    static constexpr char text[] = R\"rxlex(${body})rxlex\";
    return {text, sizeof(text) - 1};
}
}  // namespace reportx::detail
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
