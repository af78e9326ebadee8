/* Bit test instructions: BT copies bit n to CF; BTS, BTR and BTC also set,
 * reset or complement it. With a memory operand and a register index, the
 * index can reach beyond the first 64 bits (a bit array).
 *
 * Run: lkmc run --userland userland/arch/x86_64/bt.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $0b1010, %rax
    bt $1, %rax
    setc %bl
    LKMC_ASSERT_EQ(%bl, 1)
    bt $2, %rax
    setc %bl
    LKMC_ASSERT_EQ(%bl, 0)

    bts $0, %rax
    LKMC_ASSERT_EQ(%rax, 0b1011)
    btr $3, %rax
    LKMC_ASSERT_EQ(%rax, 0b0011)
    btc $1, %rax
    setc %bl
    LKMC_ASSERT_EQ(%rax, 0b0001)
    LKMC_ASSERT_EQ(%bl, 1)

    /* Bit 100 of a 256-bit array in memory. */
    mov $100, %rcx
    bts %rcx, bits(%rip)
    mov bits+8(%rip), %rdx
    LKMC_ASSERT_EQ(%rdx, 0x1000000000)
    bt %rcx, bits(%rip)
    setc %bl
    LKMC_ASSERT_EQ(%bl, 1)
LKMC_EPILOGUE

.data
bits:
    .quad 0, 0, 0, 0
