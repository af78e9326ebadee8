// Exceptions: throw unwinds the stack to the nearest matching catch;
// handlers are tried in order, catch by reference to keep the dynamic type,
// rethrow with `throw;`, and noexcept queries.
//
// Run: lkmc run --userland userland/cpp/exceptions.cpp --arch aarch64
#include <iostream>
#include <stdexcept>
#include <string>

#include <lkmc.h>

struct MyError : std::runtime_error {
    int code;
    MyError(const std::string &what, int c) : std::runtime_error(what), code(c) {}
};

static int depth;

static void thrower(int n) {
    depth = n;
    if (n == 5)
        throw MyError("deep", 42);
    thrower(n + 1);
}

static void rethrower() {
    try {
        throw std::out_of_range("range");
    } catch (const std::logic_error &) {
        throw;  // same object, same dynamic type
    }
}

static void nothrow_function() noexcept {}

int main() {
    try {
        thrower(0);
        LKMC_FAIL("not thrown");
    } catch (const MyError &e) {
        LKMC_ASSERT_EQ(e.code, 42);
        LKMC_ASSERT_STREQ(e.what(), "deep");
        LKMC_ASSERT_EQ(depth, 5);
    }

    // A base class handler catches derived exceptions.
    int which = 0;
    try {
        rethrower();
    } catch (const std::runtime_error &) {
        which = 1;
    } catch (const std::out_of_range &) {
        which = 2;
    } catch (...) {
        which = 3;
    }
    LKMC_ASSERT_EQ(which, 2);

    // Any type can be thrown.
    try {
        throw 7;
    } catch (int i) {
        LKMC_ASSERT_EQ(i, 7);
    }

    static_assert(noexcept(nothrow_function()), "declared noexcept");
    static_assert(!noexcept(thrower(0)), "may throw");
    std::cout << "exceptions ok" << std::endl;
}
