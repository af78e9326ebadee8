// constexpr: functions and values evaluated at compile time when possible,
// checked with static_assert, and `if constexpr` to discard branches.
//
// Run: lkmc run --userland userland/cpp/constexpr.cpp --arch aarch64
#include <array>
#include <iostream>
#include <type_traits>

#include <lkmc.h>

constexpr unsigned long long fib(unsigned n) {
    unsigned long long a = 0, b = 1;
    for (unsigned i = 0; i < n; i++) {
        unsigned long long t = a + b;
        a = b;
        b = t;
    }
    return a;
}

constexpr std::array<int, 10> squares() {
    std::array<int, 10> a{};
    for (int i = 0; i < 10; i++)
        a[i] = i * i;
    return a;
}

template <typename T>
constexpr const char *kind() {
    if constexpr (std::is_integral_v<T>)
        return "integral";
    else if constexpr (std::is_floating_point_v<T>)
        return "floating";
    else
        return "other";
}

int main() {
    static_assert(fib(50) == 12586269025ULL, "compile time");
    constexpr auto sq = squares();
    static_assert(sq[9] == 81, "compile time array");
    // The same function also works at run time.
    volatile unsigned n = 20;
    LKMC_ASSERT_EQ(fib(n), 6765);
    LKMC_ASSERT_STREQ(kind<int>(), "integral");
    LKMC_ASSERT_STREQ(kind<double>(), "floating");
    LKMC_ASSERT_STREQ(kind<char *>(), "other");
    std::cout << "fib(50) = " << fib(50) << std::endl;
}
