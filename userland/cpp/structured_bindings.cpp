// C++17 structured bindings: unpack pairs, tuples, arrays and structs into
// named variables; handy with map iteration and insert results.
//
// Run: lkmc run --userland userland/cpp/structured_bindings.cpp --arch aarch64
#include <iostream>
#include <map>
#include <string>
#include <tuple>

#include <lkmc.h>

static std::tuple<int, std::string, double> record() {
    return {1, "one", 1.5};
}

struct Point { int x, y; };

int main() {
    auto [id, name, score] = record();
    LKMC_ASSERT_EQ(id, 1);
    LKMC_ASSERT_STREQ(name.c_str(), "one");
    LKMC_ASSERT_NEAR(score, 1.5, 0);

    Point p{3, 4};
    auto &[x, y] = p;
    x = 30;
    LKMC_ASSERT_EQ(p.x, 30);
    LKMC_ASSERT_EQ(y, 4);

    int arr[3] = {7, 8, 9};
    auto [a, b, c] = arr;
    LKMC_ASSERT_EQ(a + b + c, 24);

    std::map<std::string, int> m;
    auto [it, inserted] = m.insert({"k", 1});
    LKMC_ASSERT(inserted);
    LKMC_ASSERT_EQ(it->second, 1);
    int total = 0;
    m["j"] = 2;
    for (const auto &[key, value] : m)
        total += value * (key == "j" ? 10 : 1);
    LKMC_ASSERT_EQ(total, 21);
    std::cout << "structured bindings ok" << std::endl;
}
