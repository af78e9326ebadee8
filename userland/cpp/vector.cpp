// std::vector: a growable contiguous array. size vs capacity, growth by
// reallocation (which invalidates pointers), erase, and contiguity.
//
// Run: lkmc run --userland userland/cpp/vector.cpp --arch aarch64
#include <iostream>
#include <numeric>
#include <vector>

#include <lkmc.h>

int main() {
    std::vector<int> v;
    LKMC_ASSERT(v.empty());
    for (int i = 0; i < 100; i++)
        v.push_back(i);
    LKMC_ASSERT_EQ(v.size(), 100);
    LKMC_ASSERT(v.capacity() >= v.size());
    LKMC_ASSERT_EQ(std::accumulate(v.begin(), v.end(), 0), 4950);

    // Elements are contiguous: &v[i] == v.data() + i.
    LKMC_ASSERT(&v[42] == v.data() + 42);

    // reserve: no reallocation until the capacity is exceeded.
    std::vector<int> w;
    w.reserve(10);
    int *before = w.data();
    for (int i = 0; i < 10; i++)
        w.push_back(i);
    LKMC_ASSERT(w.data() == before);

    // erase shifts the later elements down.
    v.erase(v.begin(), v.begin() + 10);
    LKMC_ASSERT_EQ(v.front(), 10);
    LKMC_ASSERT_EQ(v.size(), 90);

    // at() checks bounds and throws.
    bool thrown = false;
    try {
        v.at(1000);
    } catch (const std::out_of_range &) {
        thrown = true;
    }
    LKMC_ASSERT(thrown);

    std::vector<int> x{3, 1, 2};
    std::vector<int> y(3, 7);
    LKMC_ASSERT_EQ(x[0] + y[2], 10);
    std::cout << "vector ok" << std::endl;
}
