// Hello world in C++ with iostream.
//
// Run: lkmc run --userland userland/cpp/hello.cpp --arch aarch64
#include <iostream>
#include <sstream>

#include <lkmc.h>

int main() {
    std::cout << "hello" << std::endl;
    // The same formatting into a string, to check what was produced.
    std::ostringstream s;
    s << "hello " << 42 << ' ' << 1.5;
    LKMC_ASSERT_STREQ(s.str().c_str(), "hello 42 1.5");
    LKMC_ASSERT(std::cout.good());
}
