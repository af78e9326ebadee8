/* Byte reversal: REV (whole register, endianness conversion), REV16 (bytes
 * within each 16-bit half-word), REV32 (bytes within each 32-bit word).
 *
 * Run: lkmc run --userland userland/arch/aarch64/rev.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    ldr x0, =0x0102030405060708
    rev x1, x0
    LKMC_ASSERT_EQ(x1, 0x0807060504030201)
    rev16 x2, x0
    LKMC_ASSERT_EQ(x2, 0x0201040306050807)
    rev32 x3, x0
    LKMC_ASSERT_EQ(x3, 0x0403020108070605)
    rev w4, w0
    LKMC_ASSERT_EQ(x4, 0x08070605)
LKMC_EPILOGUE
