/* UDF: a permanently undefined instruction. The CPU takes an undefined
 * instruction exception and Linux sends SIGILL, killing the process (the
 * test expects SIGILL). GCC's __builtin_trap emits brk on aarch64 instead.
 *
 * Run: lkmc run --userland userland/arch/aarch64/udf.S --arch aarch64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    udf 0
LKMC_EPILOGUE
