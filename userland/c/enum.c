/* Enumerations: named integer constants of type int, numbered from 0 or from
 * an explicit value, continuing by one.
 *
 * Run: lkmc run --userland userland/c/enum.c --arch aarch64
 */
#include <stdio.h>

#include <lkmc.h>

enum color { RED, GREEN, BLUE, COLOR_COUNT };
enum flags { READ = 1 << 0, WRITE = 1 << 1, EXEC = 1 << 2 };
enum weird { A = 5, B, C = -1, D };

static const char *color_names[COLOR_COUNT] = {
    [RED] = "red", [GREEN] = "green", [BLUE] = "blue",
};

int main(void) {
    LKMC_ASSERT_EQ(RED, 0);
    LKMC_ASSERT_EQ(BLUE, 2);
    LKMC_ASSERT_EQ(COLOR_COUNT, 3);
    LKMC_ASSERT_EQ(B, 6);
    LKMC_ASSERT_EQ(D, 0);
    LKMC_ASSERT_EQ(sizeof(enum color), sizeof(int));
    LKMC_ASSERT_STREQ(color_names[GREEN], "green");
    int perms = READ | EXEC;
    LKMC_ASSERT_EQ(perms, 5);
    LKMC_ASSERT(!(perms & WRITE));
    /* An enum variable may hold any int, named or not. */
    enum color c = (enum color)7;
    LKMC_ASSERT_EQ(c, 7);
    puts("enum ok");
    return 0;
}
