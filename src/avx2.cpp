// The AVX2 switch (see avx2.hpp).
#include "avx2.hpp"

#include <cstdlib>
#include <string_view>

namespace reportx::detail {

#if REPORTX_AVX2_PATHS
std::atomic<bool>& avx2_on() noexcept {
    // On where the processor has AVX2, unless REPORTX_NO_AVX2 is set (to a non-empty value
    // other than 0) in the environment: the SSE2 paths then run, with the same results.
    static std::atomic<bool> on{[] {
        __builtin_cpu_init();
        char const* off = std::getenv("REPORTX_NO_AVX2");
        bool const refused = off && *off && std::string_view(off) != "0";
        return __builtin_cpu_supports("avx2") != 0 && !refused;
    }()};
    return on;
}
#endif

bool use_avx2(bool on) noexcept {
#if REPORTX_AVX2_PATHS
    static bool const at_hand = __builtin_cpu_supports("avx2") != 0;
    return avx2_on().exchange(on && at_hand);
#else
    (void)on;
    return false;
#endif
}

}  // namespace reportx::detail
