// std::string: owns its characters, grows as needed; find, substr, replace,
// comparison, conversion to and from numbers, and the small string
// optimization (short strings need no heap allocation).
//
// Run: lkmc run --userland userland/cpp/string.cpp --arch aarch64
#include <iostream>
#include <string>

#include <lkmc.h>

int main() {
    std::string s = "hello";
    s += ' ';
    s += "world";
    LKMC_ASSERT_EQ(s.size(), 11);
    LKMC_ASSERT_EQ(s.find("world"), 6);
    LKMC_ASSERT(s.find("xyz") == std::string::npos);
    LKMC_ASSERT_STREQ(s.substr(0, 5).c_str(), "hello");
    s.replace(0, 5, "goodbye");
    LKMC_ASSERT_STREQ(s.c_str(), "goodbye world");
    LKMC_ASSERT(std::string("abc") < std::string("abd"));
    LKMC_ASSERT(s == "goodbye world");

    LKMC_ASSERT_EQ(std::stoi("-42"), -42);
    LKMC_ASSERT_STREQ(std::to_string(3.5).c_str(), "3.500000");

    // Embedded NULs are fine: the size is stored.
    std::string z("a\0b", 3);
    LKMC_ASSERT_EQ(z.size(), 3);

    // libstdc++ keeps up to 15 chars inside the object itself.
    std::string shortstr = "short";
    const char *p = shortstr.data();
    const char *obj = reinterpret_cast<const char *>(&shortstr);
    LKMC_ASSERT(p >= obj && p < obj + sizeof shortstr);
    std::cout << s << std::endl;
}
