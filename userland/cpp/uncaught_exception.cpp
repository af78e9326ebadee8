// An exception that no handler catches: std::terminate is called, which by
// default calls abort(), so the process dies with SIGABRT (the test expects
// it). libstdc++ prints "terminate called after throwing an instance of ...".
//
// Run: lkmc run --userland userland/cpp/uncaught_exception.cpp --arch aarch64
#include <iostream>
#include <stdexcept>

int main() {
    std::cout << "throwing, nobody catches" << std::endl;
    throw std::runtime_error("uncaught");
}
