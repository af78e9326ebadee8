/* BRK: the breakpoint instruction (debuggers use it; so does
 * __builtin_trap). Without a debugger the kernel sends SIGTRAP, which kills
 * the process (the test expects SIGTRAP).
 *
 * Run: lkmc run --userland userland/arch/aarch64/brk.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    brk 0
LKMC_EPILOGUE
