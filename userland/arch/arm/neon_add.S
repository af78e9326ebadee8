/* NEON integer SIMD: 128-bit q registers (or 64-bit d registers) viewed as
 * lanes by the data type suffix: vadd.i32 adds four 32-bit lanes, vqadd.u8
 * saturates sixteen bytes. vld1/vst1 move whole vectors.
 *
 * Run: lkmc run --userland userland/arch/arm/neon_add.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr r0, a
    adr r1, b
    vld1.32 {q0}, [r0]
    vld1.32 {q1}, [r1]
    vadd.i32 q2, q0, q1
    sub sp, sp, #16
    mov r2, sp
    vst1.32 {q2}, [r2]
    adr r3, a_plus_b
    LKMC_ASSERT_MEMCMP(r2, r3, 16)

    /* Lane 3 of q2 is lane 1 of d5. */
    vmov.32 r4, d5[1]
    LKMC_ASSERT_EQ(r4, 44)

    /* Bytes: 250 + 10 wraps to 4 or saturates to 255. */
    vmov.i8 q3, #250
    vmov.i8 q4, #10
    vadd.i8 q5, q3, q4
    vmov.u8 r5, d10[0]
    LKMC_ASSERT_EQ(r5, 4)
    vqadd.u8 q6, q3, q4
    vmov.u8 r6, d13[7]
    LKMC_ASSERT_EQ(r6, 255)

    vmul.i32 q7, q0, q1
    vmov.32 r7, d14[1]
    LKMC_ASSERT_EQ(r7, 40)
    add sp, sp, #16
LKMC_EPILOGUE

.balign 16
a:
    .word 1, 2, 3, 4
b:
    .word 10, 20, 30, 40
a_plus_b:
    .word 11, 22, 33, 44
