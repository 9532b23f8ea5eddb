// actions stage: filled in by its own issue.
#include "stages.hpp"

namespace reportx::detail {

void extract_actions(document&, lexicon const&) {}

}  // namespace reportx::detail
