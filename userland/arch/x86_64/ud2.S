/* UD2: the instruction defined to be undefined. The CPU raises #UD and the
 * kernel sends SIGILL, which kills the process (the test expects SIGILL).
 * Compilers emit it for __builtin_trap() and unreachable code.
 *
 * Run: lkmc run --userland userland/arch/x86_64/ud2.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    ud2
LKMC_EPILOGUE
