// Lambdas: anonymous function objects. Capture by value (a copy taken at
// creation) or by reference, mutable lambdas, generic (auto) parameters,
// and storing them in std::function.
//
// Run: lkmc run --userland userland/cpp/lambdas.cpp --arch aarch64
#include <algorithm>
#include <functional>
#include <iostream>
#include <vector>

#include <lkmc.h>

int main() {
    int x = 10;
    auto by_value = [x] { return x; };
    auto by_ref = [&x] { return x; };
    x = 20;
    LKMC_ASSERT_EQ(by_value(), 10);
    LKMC_ASSERT_EQ(by_ref(), 20);

    // mutable: the lambda changes its own copy.
    auto counter = [n = 0]() mutable { return ++n; };
    counter();
    LKMC_ASSERT_EQ(counter(), 2);

    auto add = [](auto a, auto b) { return a + b; };
    LKMC_ASSERT_EQ(add(1, 2), 3);
    LKMC_ASSERT_NEAR(add(1.5, 2), 3.5, 0);

    std::vector<int> v{5, 2, 8, 1};
    std::sort(v.begin(), v.end(), [](int a, int b) { return a > b; });
    LKMC_ASSERT_EQ(v[0], 8);
    int threshold = 3;
    LKMC_ASSERT_EQ(std::count_if(v.begin(), v.end(), [=](int i) { return i > threshold; }), 2);

    std::function<int(int)> fact = [&fact](int n) { return n <= 1 ? 1 : n * fact(n - 1); };
    LKMC_ASSERT_EQ(fact(6), 720);

    // A capture-less lambda converts to a plain function pointer.
    int (*fp)(int) = [](int i) { return i * 2; };
    LKMC_ASSERT_EQ(fp(21), 42);
    std::cout << "lambdas ok" << std::endl;
}
