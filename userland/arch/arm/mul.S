/* Multiplication: MUL (low 32 bits), MLA/MLS (multiply-accumulate and
 * multiply-subtract), UMULL/SMULL (64-bit product in two registers), and
 * UMLAL (64-bit accumulate).
 *
 * Run: lkmc run --userland userland/arch/arm/mul.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #6
    mov r1, #7
    mul r2, r0, r1
    LKMC_ASSERT_EQ(r2, 42)

    mov r3, #100
    mla r4, r0, r1, r3
    LKMC_ASSERT_EQ(r4, 142)
    mls r5, r0, r1, r3
    LKMC_ASSERT_EQ(r5, 58)

    /* 0xffffffff * 2 = 0x1fffffffe: r6 low, r7 high. */
    mvn r0, #0
    mov r1, #2
    umull r6, r7, r0, r1
    LKMC_ASSERT_EQ(r6, 0xfffffffe)
    LKMC_ASSERT_EQ(r7, 1)
    /* Signed, the same bits are -1 * 2 = -2. */
    smull r6, r7, r0, r1
    LKMC_ASSERT_EQ(r6, 0xfffffffe)
    LKMC_ASSERT_EQ(r7, 0xffffffff)

    /* r9:r8 += r0 * r1 */
    mov r8, #2
    mov r9, #0
    umlal r8, r9, r0, r1
    LKMC_ASSERT_EQ(r8, 0)
    LKMC_ASSERT_EQ(r9, 2)

    /* Low 32 bits only: overflow is silent. */
    mov r10, #0x10000
    mul r11, r10, r10
    LKMC_ASSERT_EQ(r11, 0)
LKMC_EPILOGUE
