// Templates: function templates with argument deduction, class templates,
// full specialization, and non-type template parameters, all resolved at
// compile time.
//
// Run: lkmc run --userland userland/cpp/templates.cpp --arch aarch64
#include <cstring>
#include <iostream>
#include <string>

#include <lkmc.h>

template <typename T>
T max_of(T a, T b) {
    return a > b ? a : b;
}

// Specialization for C strings: compare contents, not pointers.
template <>
const char *max_of<const char *>(const char *a, const char *b) {
    return std::strcmp(a, b) > 0 ? a : b;
}

template <typename T, std::size_t N>
class Array {
public:
    T data[N];
    constexpr std::size_t size() const { return N; }
    T sum() const {
        T s{};
        for (std::size_t i = 0; i < N; i++)
            s += data[i];
        return s;
    }
};

// Recursive template computed by the compiler.
template <unsigned N>
struct Factorial {
    static constexpr unsigned long value = N * Factorial<N - 1>::value;
};
template <>
struct Factorial<0> {
    static constexpr unsigned long value = 1;
};

int main() {
    LKMC_ASSERT_EQ(max_of(3, 7), 7);
    LKMC_ASSERT_NEAR(max_of(2.5, -1.0), 2.5, 0);
    LKMC_ASSERT_STREQ(max_of<const char *>("apple", "banana"), "banana");
    LKMC_ASSERT_STREQ(max_of(std::string("b"), std::string("a")).c_str(), "b");

    Array<int, 4> a{{1, 2, 3, 4}};
    static_assert(sizeof(a) == 4 * sizeof(int), "no overhead");
    LKMC_ASSERT_EQ(a.size(), 4);
    LKMC_ASSERT_EQ(a.sum(), 10);

    static_assert(Factorial<10>::value == 3628800, "computed at compile time");
    LKMC_ASSERT_EQ(Factorial<5>::value, 120);
    std::cout << "templates ok" << std::endl;
}
