// C++17 std::optional (a value or nothing) and std::variant (a type-safe
// union that knows which alternative it holds), with std::visit.
//
// Run: lkmc run --userland userland/cpp/optional_variant.cpp --arch aarch64
#include <iostream>
#include <optional>
#include <string>
#include <variant>

#include <lkmc.h>

static std::optional<int> parse_digit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    return std::nullopt;
}

template <class... Ts> struct overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> overloaded(Ts...) -> overloaded<Ts...>;

int main() {
    auto d = parse_digit('7');
    LKMC_ASSERT(d.has_value());
    LKMC_ASSERT_EQ(*d, 7);
    auto none = parse_digit('x');
    LKMC_ASSERT(!none);
    LKMC_ASSERT_EQ(none.value_or(-1), -1);
    bool thrown = false;
    try {
        (void)none.value();
    } catch (const std::bad_optional_access &) {
        thrown = true;
    }
    LKMC_ASSERT(thrown);

    std::variant<int, double, std::string> v = 3;
    LKMC_ASSERT_EQ(v.index(), 0);
    LKMC_ASSERT_EQ(std::get<int>(v), 3);
    v = std::string("text");
    LKMC_ASSERT_EQ(v.index(), 2);
    LKMC_ASSERT(std::holds_alternative<std::string>(v));
    LKMC_ASSERT(std::get_if<int>(&v) == nullptr);
    thrown = false;
    try {
        (void)std::get<double>(v);
    } catch (const std::bad_variant_access &) {
        thrown = true;
    }
    LKMC_ASSERT(thrown);

    auto describe = overloaded{
        [](int i) { return "int " + std::to_string(i); },
        [](double x) { return "double " + std::to_string(x); },
        [](const std::string &s) { return "string " + s; },
    };
    LKMC_ASSERT_STREQ(std::visit(describe, v).c_str(), "string text");
    v = 2.5;
    LKMC_ASSERT_STREQ(std::visit(describe, v).c_str(), "double 2.500000");
    std::cout << "optional and variant ok" << std::endl;
}
