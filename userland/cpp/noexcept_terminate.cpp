// Throwing out of a noexcept function calls std::terminate even if the caller
// has a matching handler. A custom terminate handler runs first; it must not
// return, so it calls abort(): the test expects SIGABRT.
//
// Run: lkmc run --userland userland/cpp/noexcept_terminate.cpp --arch aarch64
#include <cstdlib>
#include <exception>
#include <iostream>
#include <stdexcept>

static void on_terminate() {
    std::cout << "terminate handler called" << std::endl;
    std::abort();
}

static void thrower() {
    throw std::runtime_error("broken promise");
}

static void promise_not_to_throw() noexcept {
    thrower();
}

int main() {
    std::set_terminate(on_terminate);
    try {
        promise_not_to_throw();
    } catch (...) {
        std::cout << "not reached: noexcept stops the exception" << std::endl;
    }
    return 1;
}
