// Smart pointers: unique_ptr (sole owner, movable, not copyable), shared_ptr
// (reference counted), weak_ptr (observes without owning, breaks cycles).
//
// Run: lkmc run --userland userland/cpp/smart_pointers.cpp --arch aarch64
#include <iostream>
#include <memory>
#include <utility>

#include <lkmc.h>

static int alive;

struct Node {
    int value;
    std::shared_ptr<Node> next;
    std::weak_ptr<Node> prev;
    explicit Node(int v) : value(v) { alive++; }
    ~Node() { alive--; }
};

int main() {
    {
        auto u = std::make_unique<Node>(1);
        LKMC_ASSERT_EQ(alive, 1);
        std::unique_ptr<Node> v = std::move(u);
        LKMC_ASSERT(!u);
        LKMC_ASSERT_EQ(v->value, 1);
        v.reset();
        LKMC_ASSERT_EQ(alive, 0);
        // unique_ptr costs nothing: it is just a pointer.
        static_assert(sizeof(std::unique_ptr<Node>) == sizeof(Node *), "zero overhead");
    }
    {
        auto a = std::make_shared<Node>(2);
        LKMC_ASSERT_EQ(a.use_count(), 1);
        {
            std::shared_ptr<Node> b = a;
            LKMC_ASSERT_EQ(a.use_count(), 2);
        }
        LKMC_ASSERT_EQ(a.use_count(), 1);
        std::weak_ptr<Node> w = a;
        LKMC_ASSERT_EQ(a.use_count(), 1);
        LKMC_ASSERT_EQ(w.lock()->value, 2);
        a.reset();
        LKMC_ASSERT(w.expired());
        LKMC_ASSERT(!w.lock());
        LKMC_ASSERT_EQ(alive, 0);
    }
    {
        // A doubly linked pair: next is owning, prev is weak, so no cycle.
        auto first = std::make_shared<Node>(3);
        auto second = std::make_shared<Node>(4);
        first->next = second;
        second->prev = first;
        LKMC_ASSERT_EQ(second->prev.lock()->value, 3);
        LKMC_ASSERT_EQ(alive, 2);
    }
    LKMC_ASSERT_EQ(alive, 0);
    std::cout << "smart pointers ok" << std::endl;
}
