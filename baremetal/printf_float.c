/* printf_float.c: floating point formatting and math from picolibc.
 *
 * This only works because the runtime's start.S enabled the FPU before any C
 * ran (CPACR_EL1.FPEN on aarch64; CPACR cp10/cp11 and FPEXC.EN on arm): the
 * code below uses FP registers for double arithmetic and varargs, which would
 * otherwise trap as undefined instructions. And, on aarch64, because the
 * runtime turned on the MMU: picolibc's snprintf sets up its FILE on the
 * stack with 16-byte `stp q` stores to 8-byte aligned addresses, which fault
 * on the Device memory that all of RAM is with the MMU off (see
 * arch/aarch64/alignment_fault.c). The results are compared as strings,
 * since what printf prints is the point. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fails;

static void check(const char *got, const char *expected)
{
    if (strcmp(got, expected) != 0) {
        printf("printf_float: got \"%s\", expected \"%s\"\n", got, expected);
        fails++;
    } else {
        printf("printf_float: %s\n", got);
    }
}

int main(void)
{
    char buf[64];
    /* volatile: compute at run time on the FPU, not at compile time. */
    volatile double two = 2.0, third = 1.0 / 3.0, zero = 0.0;

    snprintf(buf, sizeof(buf), "%.3f", 3.14159265);
    check(buf, "3.142");
    snprintf(buf, sizeof(buf), "%e", 12345.678);
    check(buf, "1.234568e+04");
    snprintf(buf, sizeof(buf), "%g %g", 0.0001, 1e20);
    check(buf, "0.0001 1e+20");
    snprintf(buf, sizeof(buf), "%.10f", sqrt(two));
    check(buf, "1.4142135624");
    /* 1/3 is not exact in binary, but 3 * (1/3) rounds back to 1. */
    snprintf(buf, sizeof(buf), "%.17g", third * 3.0);
    check(buf, "1");
    snprintf(buf, sizeof(buf), "%f %f %f", 1.0 / zero, -1.0 / zero, zero / zero);
    check(buf, "inf -inf nan");
    snprintf(buf, sizeof(buf), "%.3f", strtod("2.675", NULL) + 1.0);
    check(buf, "3.675");
    snprintf(buf, sizeof(buf), "%7.2f|%-7.1e|", -1.5, 0.25);
    check(buf, "  -1.50|2.5e-01|");
    return fails != 0;
}
