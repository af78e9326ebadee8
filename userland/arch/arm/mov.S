/* Constants: an ARM-mode immediate is 8 bits rotated right by an even
 * amount (0xff, 0x3fc, 0xff000000 work; 0x101 does not). MVN moves the
 * inverse; MOVW/MOVT (ARMv7) load any 16-bit half; ldr =const uses a
 * literal pool.
 *
 * Run: lkmc run --userland userland/arch/arm/mov.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov r0, #0xff000000
    LKMC_ASSERT_EQ(r0, 0xff000000)
    mov r1, #0x3fc
    LKMC_ASSERT_EQ(r1, 0x3fc)
    mvn r2, #0
    LKMC_ASSERT_EQ(r2, 0xffffffff)
    mvn r3, #0xff
    LKMC_ASSERT_EQ(r3, 0xffffff00)

    /* Any 32-bit value in two instructions. */
    movw r4, #0x5678
    movt r4, #0x1234
    LKMC_ASSERT_EQ(r4, 0x12345678)
    /* movw zeroes the top half, movt keeps the bottom. */
    movw r4, #1
    LKMC_ASSERT_EQ(r4, 1)

    /* From a literal pool placed after the code by the assembler. */
    ldr r5, =0xdeadbeef
    LKMC_ASSERT_EQ(r5, 0xdeadbeef)

    mov r6, r5
    LKMC_ASSERT_EQ(r6, 0xdeadbeef)
    /* mov with a shifted register: r7 = r4 << 8 */
    mov r7, r4, lsl #8
    LKMC_ASSERT_EQ(r7, 0x100)
LKMC_EPILOGUE
