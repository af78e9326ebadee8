/* The C half of lkmc's baremetal runtime: start-up after start.S, picolibc's
 * stdio on the UART, exit through semihosting (gem5: its m5 ops), and the default exception
 * handler. See include/lkmc_baremetal.h. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lkmc_baremetal.h>

/* Symbols of picolibc.ld, which lays out the image. */
extern char __data_source[], __data_start[], __data_size[];
extern char __tls_base[];
/* The start of RAM and the size of the code and read-only data there
 * (lkmc build baremetal passes them to the linker). */
extern char __flash[], __flash_size[], __stack[];
/* picolibc: point the thread pointer at the TLS block (errno lives there),
 * and run constructors. */
extern void _set_tls(void *tls);
extern void __libc_init_array(void);

int main(int argc, char **argv);

/* main's arguments. `lkmc run --baremetal IMAGE --cli-args ARGS` has QEMU
 * load them (-device loader) at __lkmc_cli_args, a place in RAM past the
 * image that lkmc build baremetal gives the linker, as text:
 *
 *   lkmc-cli-args ARGC\n
 *   LENGTH:ARGUMENT\n      (ARGC times, argv[0] the image's name)
 *
 * They are copied into .bss, as the blob may lie in memory mapped as
 * Device, where unaligned reads fault. Without the blob (no --cli-args,
 * RAM starts zeroed) main gets argv[0] = "baremetal" only. The limits are
 * CLI_ARGS_MAX and CLI_ARGS_BYTES of src/build/baremetal.rs. */
#define LKMC_CLI_ARGS_MAX 64
#define LKMC_CLI_ARGS_BYTES 4096
extern char __lkmc_cli_args[];

static int cli_args(char **argv, char *buf)
{
    static const char magic[] = "lkmc-cli-args ";
    const volatile char *in = __lkmc_cli_args;
    unsigned long argc = 0;
    char *out = buf;

    for (unsigned i = 0; magic[i]; i++)
        if (*in++ != magic[i])
            return 0;
    while (*in >= '0' && *in <= '9')
        argc = argc * 10 + (unsigned long)(*in++ - '0');
    if (*in++ != '\n' || argc > LKMC_CLI_ARGS_MAX)
        return 0;
    for (unsigned long i = 0; i < argc; i++) {
        unsigned long len = 0;
        while (*in >= '0' && *in <= '9' && len <= LKMC_CLI_ARGS_BYTES)
            len = len * 10 + (unsigned long)(*in++ - '0');
        if (*in++ != ':' || len + 1 > (unsigned long)(buf + LKMC_CLI_ARGS_BYTES - out))
            return 0;
        argv[i] = out;
        while (len--)
            *out++ = *in++;
        *out++ = '\0';
        if (*in++ != '\n')
            return 0;
    }
    argv[argc] = NULL;
    return (int)argc;
}

/* Called by start.S on the boot CPU with a stack, FP/SIMD, a clear .bss
 * and the MMU on. */
void lkmc_cstart(void)
{
    /* One object whose size is a multiple of 16: picolibc.ld aligns the
     * heap after .bss to 8 only, and its malloc returns blocks aligned as
     * the heap's start is, so .bss must keep the 16-byte alignment that
     * max_align_t asks on aarch64 (baremetal/malloc.c checks it). */
    static struct {
        char *argv[LKMC_CLI_ARGS_MAX + 1];
        char buf[LKMC_CLI_ARGS_BYTES];
    } __attribute__((aligned(16))) args;
    char **argv = args.argv;
    int argc;

    /* .data is linked to run from RAM but loaded after the code. */
    memcpy(__data_start, __data_source, (uintptr_t)__data_size);
    _set_tls(__tls_base);
    __libc_init_array();
    argc = cli_args(argv, args.buf);
    if (argc == 0) {
        argv[0] = "baremetal";
        argv[1] = NULL;
        argc = 1;
    }
    exit(main(argc, argv));
}

/* The MMU: an identity map (virtual address == physical address), so that
 * RAM is Normal cacheable memory. With the MMU off every data access is to
 * Device (aarch64) or Strongly-ordered (arm) memory, where unaligned
 * accesses fault, and picolibc's string functions and gcc's struct copies
 * make them. The map, in 1 GiB (aarch64) or 1 MiB (arm) blocks, and 2 MiB
 * blocks for the RAM that holds the image on aarch64:
 *
 *   the image's code and read-only data (__flash, __flash_size): normal
 *       memory, read-only, executable, at EL1/PL1 and EL0/PL0;
 *   the rest of that RAM (data, heap, stack): normal memory, read-write at
 *       both levels, never executable (the architecture forbids EL1 to run
 *       what EL0 can write anyway);
 *   everything else (UART, GIC, flash, PCI): Device memory, read-write,
 *       never executable.
 *
 * lkmc_mmu_init builds the tables (in .bss, which start.S cleared) and
 * turns the MMU on; lkmc_mmu_enable turns it on with the tables already
 * built, for secondary CPUs. */
#if defined(__aarch64__)

/* Block descriptor fields (ARM ARM D8.3, stage 1, 4 KiB granule). */
#define DESC_BLOCK 0x1UL
#define DESC_TABLE 0x3UL
#define DESC_ATTR_DEVICE (0UL << 2) /* MAIR_EL1 attribute 0 */
#define DESC_ATTR_NORMAL (1UL << 2) /* MAIR_EL1 attribute 1 */
#define DESC_AP_RW_ALL (1UL << 6)
#define DESC_AP_RO_ALL (3UL << 6)
#define DESC_SH_INNER (3UL << 8)
#define DESC_AF (1UL << 10)
#define DESC_PXN (1UL << 53)
#define DESC_UXN (1UL << 54)

static uint64_t level1[512] __attribute__((aligned(4096)));
static uint64_t level2[512] __attribute__((aligned(4096)));

void lkmc_mmu_enable(void)
{
    /* Attribute 0: Device-nGnRnE; attribute 1: Normal, write-back. */
    LKMC_SYSREG_WRITE(mair_el1, 0x00UL | (0xffUL << 8));
    /* 39-bit addresses (T0SZ 25, walks start at level 1), 4 KiB granule,
     * cacheable inner-shareable walks, no TTBR1 walks (EPD1), 40-bit
     * physical addresses (IPS). */
    LKMC_SYSREG_WRITE(tcr_el1, 25UL | (1UL << 8) | (1UL << 10) | (3UL << 12) |
                      (1UL << 23) | (2UL << 32));
    LKMC_SYSREG_WRITE(ttbr0_el1, (uintptr_t)level1);
    __asm__ volatile ("isb; tlbi vmalle1; dsb ish; isb" ::: "memory");
    uint64_t sctlr = LKMC_SYSREG_READ(sctlr_el1);
    /* M (MMU), C (data cache), I (instruction cache) on; A (alignment
     * checks) and WXN off. */
    sctlr |= (1UL << 0) | (1UL << 2) | (1UL << 12);
    sctlr &= ~((1UL << 1) | (1UL << 19));
    LKMC_SYSREG_WRITE(sctlr_el1, sctlr);
    __asm__ volatile ("isb" ::: "memory");
}

void lkmc_mmu_init(void)
{
    uint64_t ram_gib = (uintptr_t)__flash >> 30;
    uint64_t code_end = (uintptr_t)__flash + (uintptr_t)__flash_size;

    /* Only EL1 has this translation regime; at EL2 or EL3 (virtualization=on,
     * secure=on) the image runs with the MMU off. */
    if (((LKMC_SYSREG_READ(currentel) >> 2) & 3) != 1)
        return;
    for (uint64_t i = 0; i < 512; i++)
        level1[i] = (i << 30) | DESC_BLOCK | DESC_ATTR_DEVICE | DESC_AP_RW_ALL |
                    DESC_AF | DESC_PXN | DESC_UXN;
    level1[ram_gib] = (uintptr_t)level2 | DESC_TABLE;
    for (uint64_t i = 0; i < 512; i++) {
        uint64_t addr = (ram_gib << 30) | (i << 21);
        uint64_t d = addr | DESC_BLOCK | DESC_ATTR_NORMAL | DESC_SH_INNER | DESC_AF;
        if (addr >= (uintptr_t)__flash && addr < code_end)
            d |= DESC_AP_RO_ALL;
        else
            d |= DESC_AP_RW_ALL | DESC_PXN | DESC_UXN;
        level2[i] = d;
    }
    lkmc_mmu_enable();
}

#elif defined(__arm__)

/* Section descriptor fields (ARM ARM B3.5, short-descriptor format). */
#define SECTION 0x2U
#define SECTION_B (1U << 2)
#define SECTION_C (1U << 3)
#define SECTION_XN (1U << 4)
#define SECTION_AP_RW_ALL (3U << 10)
#define SECTION_AP_RO_ALL ((1U << 15) | (3U << 10))
#define SECTION_TEX(x) ((uint32_t)(x) << 12)
#define SECTION_S (1U << 16)
/* Normal memory, write-back write-allocate (TEX 001, C, B), shareable. */
#define SECTION_NORMAL (SECTION_TEX(1) | SECTION_C | SECTION_B | SECTION_S)
/* Shareable Device memory (TEX 000, C 0, B 1). */
#define SECTION_DEVICE SECTION_B

static uint32_t sections[4096] __attribute__((aligned(16384)));

void lkmc_mmu_enable(void)
{
    /* Domain 0, the only one used, is a client: permissions are checked. */
    LKMC_CP15_WRITE(0, c3, c0, 0, 1);  /* DACR */
    LKMC_CP15_WRITE(0, c2, c0, 2, 0);  /* TTBCR: TTBR0 translates everything */
    LKMC_CP15_WRITE(0, c2, c0, 0, (uintptr_t)sections);  /* TTBR0 */
    __asm__ volatile ("isb" ::: "memory");
    LKMC_CP15_WRITE(0, c8, c7, 0, 0);  /* TLBIALL */
    __asm__ volatile ("dsb; isb" ::: "memory");
    uint32_t sctlr = LKMC_CP15_READ(0, c1, c0, 0);
    /* M (MMU), C (data cache), Z (branch prediction), I (instruction cache)
     * on; A (alignment checks) off. */
    sctlr |= (1U << 0) | (1U << 2) | (1U << 11) | (1U << 12);
    sctlr &= ~(1U << 1);
    LKMC_CP15_WRITE(0, c1, c0, 0, sctlr);
    __asm__ volatile ("isb" ::: "memory");
}

void lkmc_mmu_init(void)
{
    uint32_t code_start = (uintptr_t)__flash;
    uint32_t code_end = code_start + (uintptr_t)__flash_size;
    /* The RAM the image runs in: as much as the linker was told about. */
    uint32_t ram_end = (uintptr_t)__stack;

    for (uint32_t i = 0; i < 4096; i++) {
        uint32_t addr = i << 20;
        uint32_t d = addr | SECTION;
        if (addr >= code_start && addr < code_end)
            d |= SECTION_NORMAL | SECTION_AP_RO_ALL;
        else if (addr >= code_end && addr < ram_end)
            d |= SECTION_NORMAL | SECTION_AP_RW_ALL | SECTION_XN;
        else
            d |= SECTION_DEVICE | SECTION_AP_RW_ALL | SECTION_XN;
        sections[i] = d;
    }
    lkmc_mmu_enable();
}

#endif

/* PL011 registers: data, and flags (TX FIFO full, RX FIFO empty). */
#define UART_DR 0x00
#define UART_FR 0x18
#define UART_FR_RXFE (1 << 4)
#define UART_FR_TXFF (1 << 5)

void lkmc_uart_putc(char c)
{
    while (lkmc_read32(LKMC_UART_BASE + UART_FR) & UART_FR_TXFF)
        ;
    lkmc_write32(LKMC_UART_BASE + UART_DR, (unsigned char)c);
}

int lkmc_uart_getc(void)
{
    while (lkmc_read32(LKMC_UART_BASE + UART_FR) & UART_FR_RXFE)
        ;
    return lkmc_read32(LKMC_UART_BASE + UART_DR) & 0xff;
}

/* The terminal is in raw mode under QEMU -nographic: end lines with CR LF,
 * as the kernel's serial console does. */
static int stdio_putc(char c, FILE *file)
{
    (void)file;
    if (c == '\n')
        lkmc_uart_putc('\r');
    lkmc_uart_putc(c);
    return (unsigned char)c;
}

static int stdio_getc(FILE *file)
{
    (void)file;
    return lkmc_uart_getc();
}

static FILE stdio = FDEV_SETUP_STREAM(stdio_putc, stdio_getc, NULL, _FDEV_SETUP_RW);
FILE *const stdin = &stdio;
FILE *const stdout = &stdio;
FILE *const stderr = &stdio;

/* Semihosting operations and the exit reason "application exit". */
#define SYS_EXIT 0x18
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

void lkmc_semihost_exit(int status)
{
#if defined(__aarch64__)
    uint64_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint64_t)status};
    register uint64_t op __asm__("x0") = SYS_EXIT;
    register uint64_t *arg __asm__("x1") = block;
    __asm__ volatile ("hlt #0xf000" : : "r" (op), "r" (arg) : "memory");
#elif defined(__arm__)
    /* On AArch32, SYS_EXIT takes only a reason; the extended call also
     * carries the status. */
    uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
    register uint32_t op __asm__("r0") = SYS_EXIT_EXTENDED;
    register uint32_t *arg __asm__("r1") = block;
#if defined(__thumb__)
    __asm__ volatile ("svc #0xab" : : "r" (op), "r" (arg) : "memory", "lr");
#else
    __asm__ volatile ("svc #0x123456" : : "r" (op), "r" (arg) : "memory", "lr");
#endif
#endif
    /* Without semihosting (QEMU lacks -semihosting), stop here. */
    for (;;)
        __asm__ volatile ("wfi");
}

#if defined(LKMC_MACHINE_VEXPRESS_GEM5_V1)
/* gem5's m5 ops (gem5's include/gem5/asm/generic/m5ops.h and util/m5's
 * ABIs): m5_exit(delay) ends the simulation, m5_fail(delay, code) ends it
 * with that exit code, which lkmc run exits with. gem5 has no semihosting
 * on its ARM boards unless a config script adds it; fs.py does not. */
#define LKMC_M5OP_EXIT 0x21
#define LKMC_M5OP_FAIL 0x22
#define LKMC_STR(x) #x
#define LKMC_XSTR(x) LKMC_STR(x)

static void lkmc_m5_exit(int status)
{
#if defined(__aarch64__)
    register uint64_t delay __asm__("x0") = 0;
    register uint64_t code __asm__("x1") = (uint64_t)status;
    if (status == 0)
        __asm__ volatile (".inst 0xff000110 | (" LKMC_XSTR(LKMC_M5OP_EXIT) " << 16)"
                          : : "r" (delay) : "memory");
    else
        __asm__ volatile (".inst 0xff000110 | (" LKMC_XSTR(LKMC_M5OP_FAIL) " << 16)"
                          : : "r" (delay), "r" (code) : "memory");
#elif defined(__arm__)
    /* The 64-bit delay in r0:r1, the code in r2. */
    register uint32_t delay_lo __asm__("r0") = 0;
    register uint32_t delay_hi __asm__("r1") = 0;
    register uint32_t code __asm__("r2") = (uint32_t)status;
    if (status == 0)
        __asm__ volatile (".inst 0xee000110 | (" LKMC_XSTR(LKMC_M5OP_EXIT) " << 16)"
                          : : "r" (delay_lo), "r" (delay_hi) : "memory");
    else
        __asm__ volatile (".inst 0xee000110 | (" LKMC_XSTR(LKMC_M5OP_FAIL) " << 16)"
                          : : "r" (delay_lo), "r" (delay_hi), "r" (code) : "memory");
#endif
}
#endif

void _exit(int status)
{
#if defined(LKMC_MACHINE_VEXPRESS_GEM5_V1)
    lkmc_m5_exit(status);
#endif
    lkmc_semihost_exit(status);
}

unsigned int lkmc_cpu_id(void)
{
#if defined(__aarch64__)
    return LKMC_SYSREG_READ(mpidr_el1) & 0xff;
#elif defined(__arm__)
    return LKMC_CP15_READ(0, c0, c0, 5) & 0xff;
#endif
}

void lkmc_frame_print(const struct lkmc_frame *frame, unsigned int vector)
{
#if defined(__aarch64__)
    printf("exception: vector %u, ESR_EL1 0x%llx (class 0x%llx), ELR_EL1 0x%llx, SPSR_EL1 0x%llx\n",
           vector, (unsigned long long)frame->esr,
           (unsigned long long)LKMC_ESR_EC(frame->esr),
           (unsigned long long)frame->pc, (unsigned long long)frame->spsr);
    for (int i = 0; i < 31; i++)
        printf("x%-2d 0x%016llx%s", i, (unsigned long long)frame->x[i],
               i % 4 == 3 || i == 30 ? "\n" : "  ");
#elif defined(__arm__)
    printf("exception: vector %u, pc 0x%08lx, cpsr 0x%08lx, lr 0x%08lx\n",
           vector, (unsigned long)frame->pc, (unsigned long)frame->cpsr,
           (unsigned long)frame->lr);
    for (int i = 0; i < 13; i++)
        printf("r%-2d 0x%08lx%s", i, (unsigned long)frame->r[i],
               i % 4 == 3 || i == 12 ? "\n" : "  ");
#endif
}

__attribute__((weak)) int lkmc_exception(struct lkmc_frame *frame, unsigned int vector)
{
    (void)frame;
    (void)vector;
    return 0;
}

/* Called by the vector entries of start.S. */
void lkmc_exception_entry(struct lkmc_frame *frame, unsigned int vector)
{
    static int failing;

    if (lkmc_exception(frame, vector))
        return;
    /* An exception while reporting one (or a semihosting call that trapped
     * because semihosting is off): stop rather than recurse. */
    if (failing)
        for (;;)
            __asm__ volatile ("wfi");
    failing = 1;
    printf("lkmc: unhandled ");
    lkmc_frame_print(frame, vector);
    exit(1);
}
