/* NEON structure loads and stores: vld3.8 deinterleaves RGB bytes into one
 * d register per channel, vst3.8 interleaves them back; vld2 splits pairs;
 * vld1 "all lanes" (vld1.32 {d0[]}) replicates one element.
 *
 * Run: lkmc run --userland userland/arch/arm/neon_ld_st.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    adr r0, rgb
    vld3.8 {d0, d1, d2}, [r0]
    vmov.u8 r1, d0[3]
    LKMC_ASSERT_EQ(r1, 10)
    vmov.u8 r2, d2[1]
    LKMC_ASSERT_EQ(r2, 6)

    /* Swap red and blue. */
    vmov d3, d2
    vmov d4, d1
    vmov d5, d0
    sub sp, sp, #24
    mov r3, sp
    vst3.8 {d3, d4, d5}, [r3]
    adr r4, bgr
    LKMC_ASSERT_MEMCMP(r3, r4, 24)
    add sp, sp, #24

    adr r5, pairs
    vld2.32 {d6, d7}, [r5]
    vmov.32 r6, d6[1]
    LKMC_ASSERT_EQ(r6, 3)
    vmov.32 r7, d7[1]
    LKMC_ASSERT_EQ(r7, 4)

    vld1.32 {d8[]}, [r5]
    vmov.32 r8, d8[1]
    LKMC_ASSERT_EQ(r8, 1)

    /* Writeback: the address advances by the bytes transferred. */
    mov r9, r5
    vld1.32 {d9}, [r9]!
    sub r10, r9, r5
    LKMC_ASSERT_EQ(r10, 8)
LKMC_EPILOGUE

rgb:
    .byte 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    .byte 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24
bgr:
    .byte 3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10
    .byte 15, 14, 13, 18, 17, 16, 21, 20, 19, 24, 23, 22
.balign 8
pairs:
    .word 1, 2, 3, 4
