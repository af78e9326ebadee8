/* Sizes and limits of the basic types, which depend on the ABI: x86_64 and
 * aarch64 Linux are LP64 (long and pointers are 64 bits), arm is ILP32.
 *
 * Run: lkmc run --userland userland/c/sizeof_types.c --arch arm
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

#include <lkmc.h>

int main(void) {
    printf("char %zu short %zu int %zu long %zu long long %zu pointer %zu "
           "float %zu double %zu long double %zu\n",
           sizeof(char), sizeof(short), sizeof(int), sizeof(long),
           sizeof(long long), sizeof(void *), sizeof(float), sizeof(double),
           sizeof(long double));
    LKMC_ASSERT_EQ(CHAR_BIT, 8);
    LKMC_ASSERT_EQ(sizeof(char), 1);
    LKMC_ASSERT_EQ(sizeof(short), 2);
    LKMC_ASSERT_EQ(sizeof(int), 4);
    LKMC_ASSERT_EQ(sizeof(long long), 8);
    LKMC_ASSERT_EQ(sizeof(float), 4);
    LKMC_ASSERT_EQ(sizeof(double), 8);
    LKMC_ASSERT_EQ(INT_MAX, 2147483647);
    LKMC_ASSERT_EQ(sizeof(int64_t), 8);
    LKMC_ASSERT_EQ(sizeof(size_t), sizeof(void *));
    LKMC_ASSERT_EQ(sizeof(intptr_t), sizeof(void *));
#if defined(__x86_64__) || defined(__aarch64__)
    LKMC_ASSERT_EQ(sizeof(long), 8);
    LKMC_ASSERT_EQ(sizeof(void *), 8);
    LKMC_ASSERT_EQ(LONG_MAX, INT64_MAX);
#elif defined(__arm__)
    LKMC_ASSERT_EQ(sizeof(long), 4);
    LKMC_ASSERT_EQ(sizeof(void *), 4);
    LKMC_ASSERT_EQ(LONG_MAX, INT32_MAX);
#endif
    /* long double: 80-bit x87 padded to 16 bytes on x86_64, 128-bit IEEE
     * quad (software) on aarch64, the same as double on arm. */
#if defined(__x86_64__) || defined(__aarch64__)
    LKMC_ASSERT_EQ(sizeof(long double), 16);
#else
    LKMC_ASSERT_EQ(sizeof(long double), 8);
#endif
    return 0;
}
