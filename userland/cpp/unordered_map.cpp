// std::unordered_map: a hash table. Average O(1) lookup, no ordering,
// buckets and load factor, and a custom hash for a user type.
//
// Run: lkmc run --userland userland/cpp/unordered_map.cpp --arch aarch64
#include <functional>
#include <iostream>
#include <string>
#include <unordered_map>

#include <lkmc.h>

struct Point {
    int x, y;
    bool operator==(const Point &o) const { return x == o.x && y == o.y; }
};

struct PointHash {
    std::size_t operator()(const Point &p) const {
        return std::hash<int>()(p.x) * 31 + std::hash<int>()(p.y);
    }
};

int main() {
    std::unordered_map<std::string, int> counts;
    for (const char *w : {"a", "b", "a", "c", "a", "b"})
        counts[w]++;
    LKMC_ASSERT_EQ(counts.size(), 3);
    LKMC_ASSERT_EQ(counts["a"], 3);
    LKMC_ASSERT_EQ(counts.at("b"), 2);
    LKMC_ASSERT(counts.find("z") == counts.end());

    for (int i = 0; i < 1000; i++)
        counts[std::to_string(i)] = i;
    // The table rehashes to keep the load factor at most max_load_factor.
    LKMC_ASSERT(counts.load_factor() <= counts.max_load_factor());
    LKMC_ASSERT(counts.bucket_count() >= counts.size());

    std::unordered_map<Point, const char *, PointHash> names;
    names[{0, 0}] = "origin";
    names[{1, 2}] = "p";
    LKMC_ASSERT_STREQ(names.at({0, 0}), "origin");
    LKMC_ASSERT_EQ(names.count({2, 1}), 0);
    std::cout << "unordered_map ok, " << counts.bucket_count() << " buckets" << std::endl;
}
