// <algorithm> and <numeric>: sort, stable_sort, find_if, transform,
// accumulate, remove_if + erase, unique, binary_search, min/max_element,
// iota, partial_sum, reverse, rotate, next_permutation.
//
// Run: lkmc run --userland userland/cpp/algorithms.cpp --arch aarch64
#include <algorithm>
#include <iostream>
#include <numeric>
#include <vector>

#include <lkmc.h>

int main() {
    std::vector<int> v(10);
    std::iota(v.begin(), v.end(), 1);  // 1..10
    LKMC_ASSERT_EQ(std::accumulate(v.begin(), v.end(), 0), 55);

    std::vector<int> sq(v.size());
    std::transform(v.begin(), v.end(), sq.begin(), [](int x) { return x * x; });
    LKMC_ASSERT_EQ(sq[9], 100);

    // Erase-remove idiom: remove_if only moves, erase shrinks.
    v.erase(std::remove_if(v.begin(), v.end(), [](int x) { return x % 2; }), v.end());
    LKMC_ASSERT((v == std::vector<int>{2, 4, 6, 8, 10}));

    std::vector<int> w{3, 1, 3, 3, 2, 1};
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
    LKMC_ASSERT((w == std::vector<int>{1, 2, 3}));
    LKMC_ASSERT(std::binary_search(w.begin(), w.end(), 2));

    auto it = std::find_if(v.begin(), v.end(), [](int x) { return x > 5; });
    LKMC_ASSERT_EQ(*it, 6);
    LKMC_ASSERT_EQ(*std::max_element(sq.begin(), sq.end()), 100);

    std::vector<int> ps(5);
    std::partial_sum(v.begin(), v.end(), ps.begin());
    LKMC_ASSERT_EQ(ps[4], 30);

    std::reverse(v.begin(), v.end());
    LKMC_ASSERT_EQ(v[0], 10);
    std::rotate(v.begin(), v.begin() + 1, v.end());
    LKMC_ASSERT((v == std::vector<int>{8, 6, 4, 2, 10}));

    // 3! = 6 permutations of {1, 2, 3}.
    std::vector<int> p{1, 2, 3};
    int perms = 1;
    while (std::next_permutation(p.begin(), p.end()))
        perms++;
    LKMC_ASSERT_EQ(perms, 6);

    // stable_sort keeps the original order of equal elements.
    std::vector<std::pair<int, char>> s{{2, 'a'}, {1, 'b'}, {2, 'c'}, {1, 'd'}};
    std::stable_sort(s.begin(), s.end(), [](auto &a, auto &b) { return a.first < b.first; });
    LKMC_ASSERT_EQ(s[0].second, 'b');
    LKMC_ASSERT_EQ(s[1].second, 'd');
    LKMC_ASSERT_EQ(s[2].second, 'a');
    std::cout << "algorithms ok" << std::endl;
}
