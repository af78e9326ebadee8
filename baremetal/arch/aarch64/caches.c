/* caches.c: discover the cache hierarchy from the ID registers, as a kernel
 * does before cleaning or invalidating caches by set/way or by line.
 *
 * CTR_EL0 gives the smallest line of all data caches (DminLine, bits 19:16)
 * and instruction caches (IminLine, bits 3:0), as log2 of 4-byte words: the
 * stride for `dc civac` / `ic ivau` loops over an address range. CLIDR_EL1
 * lists per level (Ctype<n>, 3 bits each from bit 0) whether there is an
 * instruction (1), data (2), separate I+D (3) or unified (4) cache. Each
 * cache's geometry is in CCSIDR_EL1, which shows the cache that CSSELR_EL1
 * selects (Level in bits 3:1, InD in bit 0: 1 for instruction); an isb must
 * separate the write of CSSELR_EL1 from the read of CCSIDR_EL1. Its LineSize
 * (bits 2:0) is log2(bytes) - 4; the associativity and set count fields
 * move when FEAT_CCIDX is implemented (ID_AA64MMFR2_EL1.CCIDX, bits 23:20).
 * DCZID_EL0.BS (bits 3:0) is the block size of `dc zva`, log2 of words.
 *
 * The description is there whether the caches are on (SCTLR_EL1.C and I,
 * which the runtime sets) or not; QEMU reports the sizes of the core it
 * imitates but does not simulate the caches. Checked: line sizes are powers
 * of two in 16..2048 bytes, CTR_EL0's minimum agrees with every cache's
 * line, and level 1 has a data cache. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

static int fails;

static int sane_line(uint64_t bytes)
{
    return bytes >= 16 && bytes <= 2048 && (bytes & (bytes - 1)) == 0;
}

/* Print and check one cache; returns its line size in bytes. */
static uint64_t describe(unsigned int level, int instruction, int ccidx)
{
    uint64_t ccsidr, line, ways, sets;

    LKMC_SYSREG_WRITE(csselr_el1, ((level - 1) << 1) | (instruction ? 1 : 0));
    __asm__ volatile ("isb");
    ccsidr = LKMC_SYSREG_READ(ccsidr_el1);
    line = 16ULL << (ccsidr & 7);
    if (ccidx) {
        ways = ((ccsidr >> 3) & 0x1fffff) + 1;
        sets = ((ccsidr >> 32) & 0xffffff) + 1;
    } else {
        ways = ((ccsidr >> 3) & 0x3ff) + 1;
        sets = ((ccsidr >> 13) & 0x7fff) + 1;
    }
    printf("caches: L%u %s: CCSIDR_EL1 0x%llx: %llu-byte lines, %llu ways, %llu sets, %llu KiB\n",
           level, instruction ? "instruction" : "data/unified",
           (unsigned long long)ccsidr, (unsigned long long)line, (unsigned long long)ways,
           (unsigned long long)sets, (unsigned long long)(line * ways * sets / 1024));
    if (!sane_line(line)) {
        printf("caches: L%u line size %llu is not sane\n", level, (unsigned long long)line);
        fails++;
    }
    return line;
}

int main(void)
{
    uint64_t ctr = LKMC_SYSREG_READ(ctr_el0);
    uint64_t clidr = LKMC_SYSREG_READ(clidr_el1);
    uint64_t dczid = LKMC_SYSREG_READ(dczid_el0);
    int ccidx = ((LKMC_SYSREG_READ(id_aa64mmfr2_el1) >> 20) & 0xf) != 0;
    uint64_t dmin = 4ULL << ((ctr >> 16) & 0xf);
    uint64_t imin = 4ULL << (ctr & 0xf);
    static const char *const types[] = {
        "none", "instruction", "data", "separate I+D", "unified", "?", "?", "?",
    };

    printf("caches: CTR_EL0 0x%llx: smallest lines %llu bytes data, %llu bytes instruction\n",
           (unsigned long long)ctr, (unsigned long long)dmin, (unsigned long long)imin);
    printf("caches: CLIDR_EL1 0x%llx, LoC %llu, LoUU %llu, FEAT_CCIDX %s\n",
           (unsigned long long)clidr, (unsigned long long)(clidr >> 24) & 7,
           (unsigned long long)(clidr >> 27) & 7, ccidx ? "yes" : "no");
    if (!sane_line(dmin) || !sane_line(imin)) {
        puts("caches: CTR_EL0 line sizes are not sane");
        fails++;
    }
    /* DZP (bit 4) set means dc zva is prohibited. */
    printf("caches: DCZID_EL0 0x%llx: dc zva zeroes %llu bytes%s\n", (unsigned long long)dczid,
           4ULL << (dczid & 0xf), dczid & 0x10 ? " (prohibited)" : "");

    if (((clidr & 7) != 2 && (clidr & 7) != 3 && (clidr & 7) != 4)) {
        puts("caches: no level 1 data cache in CLIDR_EL1");
        fails++;
    }
    for (unsigned int level = 1; level <= 7; level++) {
        unsigned int type = (clidr >> (3 * (level - 1))) & 7;

        if (type == 0)
            break;
        printf("caches: L%u is %s\n", level, types[type]);
        if (type == 1 || type == 3) {
            uint64_t line = describe(level, 1, ccidx);

            if (line < imin) {
                printf("caches: L%u instruction line below CTR_EL0.IminLine\n", level);
                fails++;
            }
        }
        if (type >= 2) {
            uint64_t line = describe(level, 0, ccidx);

            if (line < dmin) {
                printf("caches: L%u data line below CTR_EL0.DminLine\n", level);
                fails++;
            }
        }
    }
    return fails != 0;
}
