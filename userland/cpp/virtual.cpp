// Inheritance and virtual functions: calls through a base pointer or
// reference dispatch on the dynamic type (through a vtable pointer stored in
// each object); a virtual destructor makes delete through the base correct.
//
// Run: lkmc run --userland userland/cpp/virtual.cpp --arch aarch64
#include <iostream>
#include <memory>
#include <vector>

#include <lkmc.h>

static int destroyed;

struct Shape {
    virtual ~Shape() { destroyed++; }
    virtual double area() const = 0;
    virtual const char *name() const { return "shape"; }
    const char *static_name() const { return "shape"; }
};

struct Square : Shape {
    double side;
    explicit Square(double s) : side(s) {}
    double area() const override { return side * side; }
    const char *name() const override { return "square"; }
};

struct Circle : Shape {
    double r;
    explicit Circle(double radius) : r(radius) {}
    double area() const override { return 3.0 * r * r; }
};

struct NoVirtual { int x; };
struct WithVirtual { int x; virtual ~WithVirtual() {} };

int main() {
    {
        std::vector<std::unique_ptr<Shape>> shapes;
        shapes.push_back(std::make_unique<Square>(2));
        shapes.push_back(std::make_unique<Circle>(1));
        double total = 0;
        for (const auto &s : shapes)
            total += s->area();
        LKMC_ASSERT_NEAR(total, 7.0, 0);
        LKMC_ASSERT_STREQ(shapes[0]->name(), "square");
        // Not overridden: the base version.
        LKMC_ASSERT_STREQ(shapes[1]->name(), "shape");
        // Non-virtual calls use the static type.
        LKMC_ASSERT_STREQ(shapes[0]->static_name(), "shape");
        // dynamic_cast checks the dynamic type at run time.
        LKMC_ASSERT(dynamic_cast<Square *>(shapes[0].get()) != nullptr);
        LKMC_ASSERT(dynamic_cast<Square *>(shapes[1].get()) == nullptr);
    }
    LKMC_ASSERT_EQ(destroyed, 2);
    // The vtable pointer makes the object bigger.
    LKMC_ASSERT(sizeof(WithVirtual) > sizeof(NoVirtual));
    std::cout << "virtual ok" << std::endl;
}
