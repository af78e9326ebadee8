/* INT3: the one-byte breakpoint instruction (0xcc) that debuggers patch into
 * code. Without a debugger attached, the kernel sends SIGTRAP, which kills
 * the process (the test expects SIGTRAP).
 *
 * Run: lkmc run --userland userland/arch/x86_64/int3.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    int3
LKMC_EPILOGUE
