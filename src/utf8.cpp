#include "reportx/utf8.hpp"

#include <string>

#include "reportx/error.hpp"

namespace reportx::utf8 {

std::size_t find_invalid(std::string_view text) noexcept {
    auto const* s = reinterpret_cast<unsigned char const*>(text.data());
    std::size_t const n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Fast path: eight ASCII bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w;
            __builtin_memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c < 0x80) { ++i; continue; }
        // Fast path: runs of three-byte characters whose lead byte allows any continuation
        // (E1-EC, EE-EF: all of CJK), the bulk of Chinese text. After a run, back to the top
        // (the end, the ASCII fast path); what the run stopped at is checked there.
        std::size_t const run = i;
        while (i + 3 <= n && static_cast<unsigned char>(s[i] - 0xE1) <= 0x0E && s[i] != 0xED &&
               ((s[i + 1] & 0xC0) == 0x80) && ((s[i + 2] & 0xC0) == 0x80))
            i += 3;
        if (i != run) continue;
        std::size_t len;
        char32_t min;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
        else return i;
        if (i + len > n) return i;
        char32_t cp = c & (0xFF >> (len + 1));
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::string_view::npos;
}

void validate(std::string_view text) {
    std::size_t bad = find_invalid(text);
    if (bad == std::string_view::npos) return;
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i < bad; ++i)
        if (text[i] == '\n') { ++line; line_start = i + 1; }
    std::size_t column = 1;
    for (std::size_t i = line_start; i < bad; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    char hex[8];
    static constexpr char digits[] = "0123456789ABCDEF";
    auto b = static_cast<unsigned char>(text[bad]);
    hex[0] = '0'; hex[1] = 'x'; hex[2] = digits[b >> 4]; hex[3] = digits[b & 15]; hex[4] = 0;
    throw parse_error("invalid UTF-8 (byte " + std::string(hex) + ") at byte " + std::to_string(bad) + ", line " +
                          std::to_string(line) + ", column " + std::to_string(column),
                      bad, line, column);
}

}  // namespace reportx::utf8
