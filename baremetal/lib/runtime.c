/* The C half of lkmc's baremetal runtime: start-up after start.S, picolibc's
 * stdio on the UART, exit through semihosting, and the default exception
 * handler. See include/lkmc_baremetal.h. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lkmc_baremetal.h>

/* Symbols of picolibc.ld, which lays out the image. */
extern char __data_source[], __data_start[], __data_size[];
extern char __bss_start[], __bss_size[], __tls_base[];
/* picolibc: point the thread pointer at the TLS block (errno lives there),
 * and run constructors. */
extern void _set_tls(void *tls);
extern void __libc_init_array(void);

int main(int argc, char **argv);

/* Called by start.S on the boot CPU with a stack and FP/SIMD enabled. */
void lkmc_cstart(void)
{
    static char *argv[] = {"baremetal", NULL};

    /* .data is linked to run from RAM but loaded after the code. */
    memcpy(__data_start, __data_source, (uintptr_t)__data_size);
    memset(__bss_start, 0, (uintptr_t)__bss_size);
    _set_tls(__tls_base);
    __libc_init_array();
    exit(main(1, argv));
}

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

void _exit(int status)
{
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
