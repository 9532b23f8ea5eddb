// The AVX2 switch (see avx2.hpp).
#include "avx2.hpp"

#include <cstdlib>
#include <string_view>

namespace reportx::detail {

#if REPORTX_AVX2_PATHS
namespace {
bool processor_has_avx2() noexcept {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
}
}  // namespace

std::atomic<bool>& avx2_on() noexcept {
    // On where the processor has AVX2, unless REPORTX_NO_AVX2 is set (to a non-empty value
    // other than 0) in the environment: the SSE2 paths then run, with the same results.
    static std::atomic<bool> on{[] {
        char const* off = std::getenv("REPORTX_NO_AVX2");
        bool const refused = off && *off && std::string_view(off) != "0";
        return processor_has_avx2() && !refused;
    }()};
    return on;
}
#endif

bool use_avx2(bool on) noexcept {
#if REPORTX_AVX2_PATHS
    static bool const at_hand = processor_has_avx2();
    return avx2_on().exchange(on && at_hand);
#else
    (void)on;
    return false;
#endif
}

}  // namespace reportx::detail
