// Variadic templates and C++17 fold expressions: functions that take any
// number of arguments of any types, type-safely.
//
// Run: lkmc run --userland userland/cpp/variadic_templates.cpp --arch aarch64
#include <iostream>
#include <sstream>
#include <string>

#include <lkmc.h>

template <typename... Ts>
auto sum(Ts... xs) {
    return (xs + ... + 0);
}

template <typename... Ts>
std::string join(const Ts &...xs) {
    std::ostringstream s;
    ((s << xs << ','), ...);
    return s.str();
}

template <typename... Ts>
constexpr std::size_t count(Ts...) {
    return sizeof...(Ts);
}

// Classic recursion: peel one argument at a time.
int first_negative() { return 0; }
template <typename T, typename... Rest>
int first_negative(T x, Rest... rest) {
    return x < 0 ? static_cast<int>(x) : first_negative(rest...);
}

int main() {
    LKMC_ASSERT_EQ(sum(), 0);
    LKMC_ASSERT_EQ(sum(1, 2, 3), 6);
    LKMC_ASSERT_NEAR(sum(1, 2.5, 3L), 6.5, 0);
    LKMC_ASSERT_STREQ(join(1, "two", 3.5, 'c').c_str(), "1,two,3.5,c,");
    static_assert(count(1, 'a', "s") == 3, "three arguments");
    LKMC_ASSERT_EQ(first_negative(3, 4L, -5, -6), -5);
    std::cout << "variadic templates ok" << std::endl;
}
