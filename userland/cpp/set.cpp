// std::set and std::unordered_set: unique keys. Inserting a duplicate does
// nothing; a set iterates in sorted order.
//
// Run: lkmc run --userland userland/cpp/set.cpp --arch aarch64
#include <iostream>
#include <set>
#include <unordered_set>
#include <vector>

#include <lkmc.h>

int main() {
    std::vector<int> v{5, 3, 5, 1, 3, 9};
    std::set<int> s(v.begin(), v.end());
    LKMC_ASSERT_EQ(s.size(), 4);
    std::vector<int> sorted(s.begin(), s.end());
    LKMC_ASSERT((sorted == std::vector<int>{1, 3, 5, 9}));
    LKMC_ASSERT(!s.insert(3).second);
    LKMC_ASSERT(s.insert(4).second);
    LKMC_ASSERT_EQ(*s.begin(), 1);
    LKMC_ASSERT_EQ(*s.rbegin(), 9);

    std::unordered_set<int> u(v.begin(), v.end());
    LKMC_ASSERT_EQ(u.size(), 4);
    LKMC_ASSERT_EQ(u.count(9), 1);
    LKMC_ASSERT_EQ(u.count(2), 0);

    std::multiset<int> ms(v.begin(), v.end());
    LKMC_ASSERT_EQ(ms.size(), 6);
    LKMC_ASSERT_EQ(ms.count(5), 2);
    std::cout << "set ok" << std::endl;
}
