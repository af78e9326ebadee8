/* mmu.c: walk the translation tables the runtime set up, as the MMU does,
 * then change them while they are in use: add a second mapping of RAM,
 * unmap a region, and see the faults.
 *
 * TTBR0_EL1 holds the physical address of the first table; TCR_EL1.T0SZ
 * (bits 5:0) sets the virtual address size, 64 - T0SZ bits. With the 4 KiB
 * granule each table has 512 8-byte descriptors, indexed by 9 bits of the
 * address: level 1 by bits 38:30 (1 GiB each), level 2 by bits 29:21 (2 MiB
 * each). Descriptor bits 1:0: 0b01 a block (the output address, bits
 * 47:n, and attributes), 0b11 at levels 0-2 a pointer to the next table,
 * 0bx0 invalid. Block attributes: AttrIndx (4:2) picks the memory type from
 * MAIR_EL1 (one byte per index: 0x00 Device-nGnRnE, 0xff Normal write-back),
 * AP (7:6: bit 7 read-only, bit 6 EL0 access too), SH (9:8), AF (bit 10:
 * clear = fault on first access), PXN (53) and UXN (54): no execution at
 * EL1 / EL0. `at s1e1r` asks the MMU itself to translate an address, the
 * result in PAR_EL1 (bit 0 F: it faulted; else the physical page in bits
 * 47:12 and the MAIR attribute in 63:56).
 *
 * Changing a live valid entry needs break-before-make: write it invalid,
 * invalidate the TLB entry (tlbi vae1is), then write the new one, with dsb
 * barriers so each step is seen by the walker before the next. Checked: the
 * software walk agrees with `at`; a store through the new alias of RAM reads
 * back at its identity address; loading from the unmapped gigabyte is a
 * level 1 translation fault (ESR_EL1 DFSC 0x05) and storing to the read-only
 * code a level 2 permission fault (DFSC 0x0e); both entries are restored. */

#include <stdint.h>
#include <stdio.h>

#include <lkmc_baremetal.h>

#define DESC_VALID 0x1
#define DESC_TABLE 0x3
#define DESC_ATTR(d) (((d) >> 2) & 7)
#define DESC_AP_RO (1ULL << 7)
#define DESC_AF (1ULL << 10)
#define DESC_PXN (1ULL << 53)
#define DESC_UXN (1ULL << 54)
/* Output address bits 47:12 (a block's low bits below its size are 0). */
#define DESC_ADDR(d) ((d) & 0x0000fffffffff000ULL)

#define GIB (1ULL << 30)
/* Two gigabytes of the virt board's address map with nothing in them (RAM
 * starts at 1 GiB, and the tests give QEMU 256 MiB), for the experiments. */
#define ALIAS (2 * GIB)
#define HOLE (3 * GIB)

#define EC_DABT_CUR 0x25
#define DFSC_TRANSLATION_L1 0x05
#define DFSC_PERMISSION_L2 0x0e
#define ISS_WNR (1 << 6)

static volatile unsigned int faults;
static volatile uint64_t seen_esr, seen_far;

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    if (vector != LKMC_VECTOR_SYNC_SPX || LKMC_ESR_EC(frame->esr) != EC_DABT_CUR)
        return 0;
    faults++;
    seen_esr = frame->esr;
    seen_far = LKMC_SYSREG_READ(far_el1);
    frame->pc += 4;
    return 1;
}

static int fails;

/* The last-level descriptor for va, and its level; 0 if unmapped. The
 * tables are identity mapped, so their physical addresses work as
 * pointers. */
static uint64_t walk(uint64_t va, int *level)
{
    uint64_t *table = (uint64_t *)(uintptr_t)DESC_ADDR(LKMC_SYSREG_READ(ttbr0_el1));
    uint64_t t0sz = LKMC_SYSREG_READ(tcr_el1) & 0x3f;
    uint64_t d;

    /* This walker knows walks that start at level 1: 31 to 39-bit spaces. */
    if (t0sz < 25 || t0sz > 33)
        return 0;
    for (*level = 1; *level <= 3; (*level)++) {
        d = table[(va >> (39 - 9 * *level)) & 0x1ff];
        if ((d & DESC_TABLE) != DESC_TABLE || *level == 3)
            break;
        table = (uint64_t *)(uintptr_t)DESC_ADDR(d);
    }
    return d & DESC_VALID ? d : 0;
}

static uint64_t at(uint64_t va)
{
    __asm__ volatile ("at s1e1r, %0\n\tisb" : : "r" (va) : "memory");
    return LKMC_SYSREG_READ(par_el1);
}

/* Print va's translation both ways and check that they agree and that it
 * has the expected MAIR attribute and permissions. */
static void show(const char *name, uint64_t va, uint8_t mair_attr, int read_only, int pxn)
{
    int level;
    uint64_t d = walk(va, &level);
    uint64_t par = at(va);
    uint64_t block = 1ULL << (39 - 9 * level);
    uint64_t pa = DESC_ADDR(d) | (va & (block - 1));
    uint8_t attr = LKMC_SYSREG_READ(mair_el1) >> (8 * DESC_ATTR(d));

    printf("mmu: %-5s 0x%09llx: level %d descriptor 0x%016llx -> 0x%09llx, MAIR attr 0x%02x, "
           "%s, %s; PAR_EL1 0x%llx\n",
           name, (unsigned long long)va, level, (unsigned long long)d, (unsigned long long)pa,
           attr, d & DESC_AP_RO ? "read-only" : "read-write",
           d & DESC_PXN ? "not executable" : "executable", (unsigned long long)par);
    if (!d || (par & 1) || DESC_ADDR(par) != (pa & ~0xfffULL) || (par >> 56) != attr ||
        attr != mair_attr || !!(d & DESC_AP_RO) != read_only || !!(d & DESC_PXN) != pxn) {
        printf("mmu: %s: unexpected translation\n", name);
        fails++;
    }
}

/* Break-before-make update of one level 1 entry. */
static void set_level1(uint64_t va, uint64_t desc)
{
    uint64_t *table = (uint64_t *)(uintptr_t)DESC_ADDR(LKMC_SYSREG_READ(ttbr0_el1));
    volatile uint64_t *entry = &table[(va >> 30) & 0x1ff];

    *entry = 0;
    __asm__ volatile ("dsb ishst\n\ttlbi vae1is, %0\n\tdsb ish" : : "r" (va >> 12) : "memory");
    *entry = desc;
    __asm__ volatile ("dsb ishst\n\tisb" : : : "memory");
}

static void expect_fault(const char *what, unsigned int dfsc, int write, uint64_t addr)
{
    printf("mmu: %s: %u fault(s), ESR_EL1 0x%llx (DFSC 0x%02llx), FAR_EL1 0x%llx\n", what, faults,
           (unsigned long long)seen_esr, (unsigned long long)seen_esr & 0x3f,
           (unsigned long long)seen_far);
    if (faults != 1 || (seen_esr & 0x3f) != dfsc || !!(seen_esr & ISS_WNR) != write ||
        seen_far != addr) {
        printf("mmu: expected fault DFSC 0x%02x at 0x%llx\n", dfsc, (unsigned long long)addr);
        fails++;
    }
    faults = 0;
}

static volatile uint64_t data = 0x1111;

int main(void)
{
    int level;
    uint64_t ram_desc, alias_old, hole_old, v = 0;
    uint64_t data_pa = (uintptr_t)&data;
    volatile uint64_t *alias;

    if (!(LKMC_SYSREG_READ(sctlr_el1) & 1)) {
        puts("mmu: the MMU is off: the runtime should have turned it on");
        return 1;
    }
    printf("mmu: TTBR0_EL1 0x%llx, TCR_EL1 0x%llx (T0SZ %llu), MAIR_EL1 0x%llx\n",
           (unsigned long long)LKMC_SYSREG_READ(ttbr0_el1),
           (unsigned long long)LKMC_SYSREG_READ(tcr_el1),
           (unsigned long long)LKMC_SYSREG_READ(tcr_el1) & 0x3f,
           (unsigned long long)LKMC_SYSREG_READ(mair_el1));
    /* The runtime's map: code read-only and executable, data read-write and
     * not executable, both Normal; devices Device-nGnRnE. */
    show("code", (uintptr_t)main, 0xff, 1, 0);
    show("data", data_pa, 0xff, 0, 1);
    show("uart", LKMC_UART_BASE, 0x00, 0, 1);

    /* A 1 GiB block at ALIAS onto the gigabyte of RAM that holds data:
     * Normal (the attribute index of data's mapping), read-write, not
     * executable. */
    ram_desc = walk(data_pa, &level);
    alias_old = walk(ALIAS, &level);
    set_level1(ALIAS, (data_pa & ~(GIB - 1)) | (ram_desc & (7 << 2)) | (3 << 8) | DESC_AF |
                      DESC_PXN | DESC_UXN | DESC_VALID);
    alias = (volatile uint64_t *)(uintptr_t)(ALIAS + (data_pa & (GIB - 1)));
    show("alias", (uintptr_t)alias, 0xff, 0, 1);
    *alias = 0x2222;
    printf("mmu: wrote 0x2222 at 0x%llx, read 0x%llx at 0x%llx\n",
           (unsigned long long)(uintptr_t)alias, (unsigned long long)data,
           (unsigned long long)data_pa);
    if (data != 0x2222)
        fails++;

    /* Unmap a gigabyte: the load faults, at level 1. */
    hole_old = walk(HOLE, &level);
    set_level1(HOLE, 0);
    if (!(at(HOLE) & 1)) {
        puts("mmu: at s1e1r translated the unmapped address");
        fails++;
    }
    __asm__ volatile ("ldr %0, [%1]" : "+r" (v) : "r" (HOLE) : "memory");
    expect_fault("load from the hole", DFSC_TRANSLATION_L1, 0, HOLE);

    /* Code is read-only: a store there is a permission fault, at level 2
     * where the runtime maps RAM in 2 MiB blocks. */
    __asm__ volatile ("str xzr, [%0]" : : "r" (main) : "memory");
    expect_fault("store to main", DFSC_PERMISSION_L2, 1, (uintptr_t)main);

    set_level1(ALIAS, alias_old);
    set_level1(HOLE, hole_old);
    return fails != 0;
}
