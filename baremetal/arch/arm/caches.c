/* caches.c: discover the cache hierarchy from the CP15 ID registers, as a
 * kernel does before cleaning or invalidating caches by set/way or by line.
 *
 * CTR (c0, c0, 1) gives the smallest line of all data caches (DminLine,
 * bits 19:16) and instruction caches (IminLine, bits 3:0), as log2 of 4-byte
 * words: the stride for clean/invalidate-by-address loops (DCCMVAC, ICIMVAU).
 * CLIDR (op1 1, c0, c0, 1) lists per level (Ctype<n>, 3 bits each from bit
 * 0) whether there is an instruction (1), data (2), separate I+D (3) or
 * unified (4) cache. Each cache's geometry is in CCSIDR (op1 1, c0, c0, 0),
 * which shows the cache that CSSELR (op1 2, c0, c0, 0) selects (Level in
 * bits 3:1, InD in bit 0: 1 for instruction); an isb must separate the
 * write of CSSELR from the read of CCSIDR. CCSIDR: LineSize (2:0) is
 * log2(bytes) - 4, Associativity (12:3) and NumSets (27:13) are minus one.
 *
 * The description is there whether the caches are on (SCTLR.C and I, which
 * the runtime sets) or not; QEMU reports the sizes of the core it imitates
 * but does not simulate the caches. Checked: line sizes are powers of two in
 * 16..2048 bytes, CTR's minimum agrees with every cache's line, and level 1
 * has a data cache. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

static int fails;

static int sane_line(uint32_t bytes)
{
    return bytes >= 16 && bytes <= 2048 && (bytes & (bytes - 1)) == 0;
}

/* Print and check one cache; returns its line size in bytes. */
static uint32_t describe(unsigned int level, int instruction)
{
    uint32_t ccsidr, line, ways, sets;

    LKMC_CP15_WRITE(2, c0, c0, 0, ((level - 1) << 1) | (instruction ? 1 : 0));
    __asm__ volatile ("isb");
    ccsidr = LKMC_CP15_READ(1, c0, c0, 0);
    line = 16U << (ccsidr & 7);
    ways = ((ccsidr >> 3) & 0x3ff) + 1;
    sets = ((ccsidr >> 13) & 0x7fff) + 1;
    printf("caches: L%u %s: CCSIDR 0x%08lx: %lu-byte lines, %lu ways, %lu sets, %lu KiB\n",
           level, instruction ? "instruction" : "data/unified", (unsigned long)ccsidr,
           (unsigned long)line, (unsigned long)ways, (unsigned long)sets,
           (unsigned long)(line * ways * sets / 1024));
    if (!sane_line(line)) {
        printf("caches: L%u line size %lu is not sane\n", level, (unsigned long)line);
        fails++;
    }
    return line;
}

int main(void)
{
    uint32_t ctr = LKMC_CP15_READ(0, c0, c0, 1);
    uint32_t clidr = LKMC_CP15_READ(1, c0, c0, 1);
    uint32_t dmin = 4U << ((ctr >> 16) & 0xf);
    uint32_t imin = 4U << (ctr & 0xf);
    static const char *const types[] = {
        "none", "instruction", "data", "separate I+D", "unified", "?", "?", "?",
    };

    printf("caches: CTR 0x%08lx: smallest lines %lu bytes data, %lu bytes instruction\n",
           (unsigned long)ctr, (unsigned long)dmin, (unsigned long)imin);
    printf("caches: CLIDR 0x%08lx, LoC %lu, LoUU %lu\n", (unsigned long)clidr,
           (unsigned long)(clidr >> 24) & 7, (unsigned long)(clidr >> 27) & 7);
    if (!sane_line(dmin) || !sane_line(imin)) {
        puts("caches: CTR line sizes are not sane");
        fails++;
    }
    if ((clidr & 7) != 2 && (clidr & 7) != 3 && (clidr & 7) != 4) {
        puts("caches: no level 1 data cache in CLIDR");
        fails++;
    }
    for (unsigned int level = 1; level <= 7; level++) {
        unsigned int type = (clidr >> (3 * (level - 1))) & 7;

        if (type == 0)
            break;
        printf("caches: L%u is %s\n", level, types[type]);
        if (type == 1 || type == 3) {
            if (describe(level, 1) < imin) {
                printf("caches: L%u instruction line below CTR.IminLine\n", level);
                fails++;
            }
        }
        if (type >= 2) {
            if (describe(level, 0) < dmin) {
                printf("caches: L%u data line below CTR.DminLine\n", level);
                fails++;
            }
        }
    }
    return fails != 0;
}
