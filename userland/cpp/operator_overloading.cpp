// Operator overloading: arithmetic, comparison, stream output, subscript and
// function-call operators for a small 2D vector type.
//
// Run: lkmc run --userland userland/cpp/operator_overloading.cpp --arch aarch64
#include <iostream>
#include <sstream>

#include <lkmc.h>

struct Vec2 {
    int x, y;
    Vec2 operator+(const Vec2 &o) const { return {x + o.x, y + o.y}; }
    Vec2 operator*(int k) const { return {x * k, y * k}; }
    Vec2 &operator+=(const Vec2 &o) { x += o.x; y += o.y; return *this; }
    bool operator==(const Vec2 &o) const { return x == o.x && y == o.y; }
    bool operator!=(const Vec2 &o) const { return !(*this == o); }
    int &operator[](int i) { return i == 0 ? x : y; }
    int operator()() const { return x * x + y * y; }
};

static Vec2 operator*(int k, const Vec2 &v) { return v * k; }

static std::ostream &operator<<(std::ostream &os, const Vec2 &v) {
    return os << '(' << v.x << ", " << v.y << ')';
}

int main() {
    Vec2 a{1, 2}, b{3, 4};
    LKMC_ASSERT((a + b == Vec2{4, 6}));
    LKMC_ASSERT((2 * a == a * 2));
    a += b;
    LKMC_ASSERT((a != Vec2{1, 2}));
    a[1] = 10;
    LKMC_ASSERT_EQ(a.y, 10);
    LKMC_ASSERT_EQ(b(), 25);
    std::ostringstream s;
    s << a;
    LKMC_ASSERT_STREQ(s.str().c_str(), "(4, 10)");
    std::cout << a << std::endl;
}
