/* UDF: a permanently undefined instruction. The CPU takes an undefined
 * instruction exception and Linux sends SIGILL, which kills the process
 * (the test expects SIGILL).
 *
 * Run: lkmc run --userland userland/arch/arm/udf.S --arch arm
 */
#include <lkmc.h>

LKMC_PROLOGUE
    udf #0
LKMC_EPILOGUE
