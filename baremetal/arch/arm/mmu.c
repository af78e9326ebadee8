/* mmu.c: walk the translation table the runtime set up, as the MMU does,
 * then change it while it is in use: add a second mapping of RAM, unmap a
 * section, and see the faults.
 *
 * With the short-descriptor format (TTBCR.EAE 0) and TTBCR.N 0, TTBR0 (CP15
 * c2, c0, 0) holds the address (bits 31:14) of one first-level table of 4096
 * 4-byte descriptors, indexed by address bits 31:20. Descriptor bits 1:0:
 * 0b10 a section (1 MiB: output address in bits 31:20, and attributes),
 * 0b01 a pointer to a second-level table of 4 KiB pages, 0b00 invalid.
 * Section attributes: the memory type from TEX (14:12), C (3) and B (2)
 * (TEX 001 C 1 B 1: Normal write-back; TEX 000 C 0 B 1: shareable Device),
 * access permissions AP[2] (15) and AP[1:0] (11:10) (0b011: read-write at
 * PL1 and PL0; 0b111: read-only at both), XN (4: no execution), S (16:
 * shareable), and the domain (8:5), whose DACR entry says whether AP is
 * checked. ATS1CPR (c7, c8, 0) asks the MMU itself to translate an address
 * like a PL1 read; PAR (c7, c4, 0) then holds F (bit 0: it faulted) or the
 * physical page (bits 31:12).
 *
 * Changing a live valid entry needs break-before-make: write it invalid,
 * make that visible to the table walker (the runtime's walks do not look in
 * the data cache: clean the line to memory with DCCMVAC), invalidate the
 * TLB entry (TLBIMVAIS), then write the new one the same way. Checked: the
 * software walk agrees with ATS1CPR; a store through the new alias of RAM
 * reads back at its identity address; loading from the unmapped section is a
 * section translation fault (DFSR FS 0b00101) and storing to the read-only
 * code a section permission fault (FS 0b01101); both entries are restored. */

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <lkmc_baremetal.h>

#define MIB (1U << 20)
/* Two megabytes of the virt board's address map with nothing in them (RAM
 * starts at 1 GiB, and the tests give QEMU 256 MiB), for the experiments. */
#define ALIAS 0x80000000U
#define HOLE 0x80100000U

#define SECTION_TYPE(d) ((d) & 3)
#define SECTION 0x2
#define SECTION_SUPER (1U << 18)
#define SECTION_B (1U << 2)
#define SECTION_C (1U << 3)
#define SECTION_XN (1U << 4)
#define SECTION_TEX(d) (((d) >> 12) & 7)
#define SECTION_AP(d) ((((d) >> 13) & 4) | (((d) >> 10) & 3))

#define DFSR_FS(dfsr) ((((dfsr) >> 6) & 0x10) | ((dfsr) & 0xf))
#define DFSR_WNR (1 << 11)
#define FS_TRANSLATION_SECTION 0x05
#define FS_PERMISSION_SECTION 0x0d

static volatile unsigned int faults;
static volatile uint32_t seen_dfsr, seen_dfar;

int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    if (vector != LKMC_VECTOR_DATA_ABORT)
        return 0;
    faults++;
    seen_dfsr = LKMC_CP15_READ(0, c5, c0, 0);
    seen_dfar = LKMC_CP15_READ(0, c6, c0, 0);
    frame->pc += 4;
    return 1;
}

static int fails;

/* The runtime's table; identity mapped, so its address works as a pointer. */
static uint32_t *table(void)
{
    return (uint32_t *)(uintptr_t)(LKMC_CP15_READ(0, c2, c0, 0) & 0xffffc000);
}

static uint32_t at(uint32_t va)
{
    LKMC_CP15_WRITE(0, c7, c8, 0, va);
    __asm__ volatile ("isb" : : : "memory");
    return LKMC_CP15_READ(0, c7, c4, 0);
}

static const char *memory_type(uint32_t d)
{
    unsigned int tcb = (SECTION_TEX(d) << 2) | (d & (SECTION_C | SECTION_B)) >> 2;

    switch (tcb) {
    case 0x0: return "Strongly-ordered";
    case 0x1: return "Device";
    case 0x7: return "Normal write-back";
    default: return "other";
    }
}

/* Print va's section both ways and check that they agree and that it has
 * the expected type and permissions. */
static void show(const char *name, uint32_t va, const char *type, unsigned int ap, int xn)
{
    uint32_t d = table()[va >> 20];
    uint32_t par = at(va);
    uint32_t pa = (d & 0xfff00000) | (va & (MIB - 1));
    unsigned int d_ap = SECTION_AP(d);

    printf("mmu: %-5s 0x%08lx: descriptor 0x%08lx -> 0x%08lx, %s, AP 0b%u%u%u, %s; PAR 0x%08lx\n",
           name, (unsigned long)va, (unsigned long)d, (unsigned long)pa, memory_type(d),
           (d_ap >> 2) & 1, (d_ap >> 1) & 1, d_ap & 1,
           d & SECTION_XN ? "not executable" : "executable", (unsigned long)par);
    if (SECTION_TYPE(d) != SECTION || (d & SECTION_SUPER) || (par & 1) ||
        (par & 0xfffff000) != (pa & 0xfffff000) || strcmp(memory_type(d), type) != 0 ||
        d_ap != ap || !!(d & SECTION_XN) != xn) {
        printf("mmu: %s: unexpected translation\n", name);
        fails++;
    }
}

/* Break-before-make update of one section entry. */
static void set_section(uint32_t va, uint32_t desc)
{
    volatile uint32_t *entry = &table()[va >> 20];

    *entry = 0;
    LKMC_CP15_WRITE(0, c7, c10, 1, (uintptr_t)entry);  /* DCCMVAC */
    __asm__ volatile ("dsb ish" : : : "memory");
    LKMC_CP15_WRITE(0, c8, c3, 1, va & 0xfffff000);    /* TLBIMVAIS */
    __asm__ volatile ("dsb ish" : : : "memory");
    *entry = desc;
    LKMC_CP15_WRITE(0, c7, c10, 1, (uintptr_t)entry);
    __asm__ volatile ("dsb ish\n\tisb" : : : "memory");
}

static void expect_fault(const char *what, unsigned int fs, int write, uint32_t addr)
{
    printf("mmu: %s: %u fault(s), DFSR 0x%lx (FS 0x%02lx), DFAR 0x%08lx\n", what, faults,
           (unsigned long)seen_dfsr, (unsigned long)DFSR_FS(seen_dfsr), (unsigned long)seen_dfar);
    if (faults != 1 || DFSR_FS(seen_dfsr) != fs || !!(seen_dfsr & DFSR_WNR) != write ||
        seen_dfar != addr) {
        printf("mmu: expected fault FS 0x%02x at 0x%08lx\n", fs, (unsigned long)addr);
        fails++;
    }
    faults = 0;
}

static volatile uint32_t data = 0x1111;

int main(void)
{
    uint32_t ttbcr = LKMC_CP15_READ(0, c2, c0, 2);
    uint32_t data_pa = (uintptr_t)&data;
    uint32_t alias_old, hole_old, v = 0;
    volatile uint32_t *alias;

    printf("mmu: SCTLR 0x%08lx, TTBCR 0x%lx, TTBR0 0x%08lx, DACR 0x%08lx\n",
           (unsigned long)LKMC_CP15_READ(0, c1, c0, 0), (unsigned long)ttbcr,
           (unsigned long)LKMC_CP15_READ(0, c2, c0, 0),
           (unsigned long)LKMC_CP15_READ(0, c3, c0, 0));
    /* This walker knows one table for everything, short descriptors. */
    if (!(LKMC_CP15_READ(0, c1, c0, 0) & 1) || (ttbcr & ((1U << 31) | 7))) {
        puts("mmu: expected the MMU on, TTBCR.EAE 0 and TTBCR.N 0");
        return 1;
    }
    /* The runtime's map: code read-only and executable, data read-write and
     * not executable, both Normal; devices Device. */
    show("code", (uintptr_t)main, "Normal write-back", 7, 0);
    show("data", data_pa, "Normal write-back", 3, 1);
    show("uart", LKMC_UART_BASE, "Device", 3, 1);

    /* A section at ALIAS onto the megabyte of RAM that holds data, with
     * data's attributes. */
    alias_old = table()[ALIAS >> 20];
    set_section(ALIAS, (data_pa & 0xfff00000) | (table()[data_pa >> 20] & 0x000fffff));
    alias = (volatile uint32_t *)(uintptr_t)(ALIAS + (data_pa & (MIB - 1)));
    show("alias", (uintptr_t)alias, "Normal write-back", 3, 1);
    *alias = 0x2222;
    printf("mmu: wrote 0x2222 at 0x%08lx, read 0x%lx at 0x%08lx\n", (unsigned long)(uintptr_t)alias,
           (unsigned long)data, (unsigned long)data_pa);
    if (data != 0x2222)
        fails++;

    /* Unmap a section: the load faults. */
    hole_old = table()[HOLE >> 20];
    set_section(HOLE, 0);
    if (!(at(HOLE) & 1)) {
        puts("mmu: ATS1CPR translated the unmapped address");
        fails++;
    }
    __asm__ volatile ("ldr %0, [%1]" : "+r" (v) : "r" (HOLE) : "memory");
    expect_fault("load from the hole", FS_TRANSLATION_SECTION, 0, HOLE);

    /* Code is read-only: a store there is a permission fault. */
    __asm__ volatile ("str %0, [%1]" : : "r" (0), "r" (main) : "memory");
    expect_fault("store to main", FS_PERMISSION_SECTION, 1, (uintptr_t)main);

    set_section(ALIAS, alias_old);
    set_section(HOLE, hole_old);
    return fails != 0;
}
