/* Integer division by zero on x86_64 raises the #DE exception and the kernel
 * sends SIGFPE (the test expects it). Contrast with arm and aarch64, where
 * the divide instructions quietly return 0.
 *
 * Run: lkmc run --userland userland/arch/x86_64/div_zero.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov $1, %eax
    xor %edx, %edx
    xor %ecx, %ecx
    div %rcx
LKMC_EPILOGUE
