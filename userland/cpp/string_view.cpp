// C++17 std::string_view: a non-owning (pointer, length) view of characters.
// Substrings without copies; must not outlive the characters it views.
//
// Run: lkmc run --userland userland/cpp/string_view.cpp --arch aarch64
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <lkmc.h>

static std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    while (true) {
        auto pos = s.find(sep);
        out.push_back(s.substr(0, pos));
        if (pos == std::string_view::npos)
            break;
        s.remove_prefix(pos + 1);
    }
    return out;
}

int main() {
    std::string text = "usr/local/bin";
    auto parts = split(text, '/');
    LKMC_ASSERT_EQ(parts.size(), 3);
    LKMC_ASSERT(parts[1] == "local");
    // The views point into text itself: no copies were made.
    LKMC_ASSERT(parts[1].data() == text.data() + 4);
    // Not NUL-terminated: its length is what counts.
    LKMC_ASSERT_EQ(parts[0].size(), 3);
    LKMC_ASSERT_EQ(parts[0].data()[3], '/');

    constexpr std::string_view sv = "compile time";
    static_assert(sv.size() == 12, "constexpr size");
    LKMC_ASSERT(sv.substr(8) == "time");
    LKMC_ASSERT(sv.find("time") == 8);
    std::cout << "string_view ok" << std::endl;
}
