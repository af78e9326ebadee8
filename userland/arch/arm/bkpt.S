/* BKPT: the breakpoint instruction. Without a debugger attached, the kernel
 * sends SIGTRAP, which kills the process (the test expects SIGTRAP).
 *
 * Run: lkmc run --userland userland/arch/arm/bkpt.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    bkpt #0
LKMC_EPILOGUE
