// <type_traits> and static_assert: compile-time questions about types, and
// SFINAE-free dispatch with std::enable_if / if constexpr.
//
// Run: lkmc run --userland userland/cpp/type_traits.cpp --arch aarch64
#include <iostream>
#include <string>
#include <type_traits>
#include <vector>

#include <lkmc.h>

static_assert(std::is_integral<int>::value, "int is integral");
static_assert(!std::is_integral_v<float>, "float is not");
static_assert(std::is_same_v<std::remove_const_t<const int>, int>, "remove_const");
static_assert(std::is_same_v<std::decay_t<int[3]>, int *>, "arrays decay");
static_assert(std::is_trivially_copyable_v<int[4]>, "memcpy-able");
static_assert(!std::is_trivially_copyable_v<std::string>, "has a copy constructor");
static_assert(std::is_base_of_v<std::exception, std::runtime_error>, "hierarchy");
static_assert(sizeof(std::conditional_t<true, char, double>) == 1, "conditional");

template <typename T>
std::enable_if_t<std::is_unsigned_v<T>, T> halve(T x) { return x >> 1; }

template <typename T>
std::enable_if_t<std::is_signed_v<T>, T> halve(T x) { return x / 2; }

int main() {
    LKMC_ASSERT_EQ(halve(7u), 3);
    LKMC_ASSERT_EQ(halve(-7), -3);
    LKMC_ASSERT(std::is_pointer_v<decltype(&halve<int>)>);
    LKMC_ASSERT(std::is_same_v<decltype(std::vector<int>{}.size()), std::size_t>);
    std::cout << "type traits ok" << std::endl;
}
