// statements stage: filled in by its own issue.
#include "stages.hpp"

namespace reportx::detail {

void extract_statements(document&, lexicon const&) {}

}  // namespace reportx::detail
