// std::map: a sorted associative container (a red-black tree): ordered
// iteration, operator[] inserts a default value, find, erase, lower_bound.
//
// Run: lkmc run --userland userland/cpp/map.cpp --arch aarch64
#include <iostream>
#include <map>
#include <string>

#include <lkmc.h>

int main() {
    std::map<std::string, int> m{{"two", 2}, {"one", 1}, {"three", 3}};
    // Iteration is in key order.
    std::string order;
    for (const auto &kv : m)
        order += kv.first + " ";
    LKMC_ASSERT_STREQ(order.c_str(), "one three two ");

    LKMC_ASSERT(m.find("four") == m.end());
    // operator[] on a missing key inserts a value-initialized element.
    LKMC_ASSERT_EQ(m["four"], 0);
    LKMC_ASSERT_EQ(m.size(), 4);
    LKMC_ASSERT_EQ(m.count("four"), 1);

    // insert does not overwrite an existing key.
    auto res = m.insert({"one", 100});
    LKMC_ASSERT(!res.second);
    LKMC_ASSERT_EQ(res.first->second, 1);

    LKMC_ASSERT_EQ(m.erase("four"), 1);
    // lower_bound: first key not less than the argument.
    auto it = m.lower_bound("p");
    LKMC_ASSERT_STREQ(it->first.c_str(), "three");

    std::multimap<int, char> mm{{1, 'a'}, {1, 'b'}, {2, 'c'}};
    LKMC_ASSERT_EQ(mm.count(1), 2);
    std::cout << "map ok" << std::endl;
}
