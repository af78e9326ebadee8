/* semihost.c: semihosting, the debugger interface that lets a program without
 * an operating system use the files, clock and console of the machine running
 * the emulator (or of the debugger attached to a board).
 *
 * A semihosting call is an instruction that the debugger (here QEMU, run with
 * -semihosting) traps instead of the CPU: `hlt #0xf000` on aarch64 and
 * `svc #0x123456` in ARM state on arm. The operation number is in x0/r0 and
 * a pointer to its parameter block in x1/r1; the result comes back in x0/r0.
 * The runtime exits this way (SYS_EXIT; SYS_EXIT_EXTENDED on arm, to pass
 * the status); here are some other operations, numbered as in Arm's
 * "Semihosting for AArch32 and AArch64". */

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define SYS_OPEN 0x01
#define SYS_CLOSE 0x02
#define SYS_WRITE0 0x04
#define SYS_WRITE 0x05
#define SYS_CLOCK 0x10
#define SYS_TIME 0x11
#define SYS_ELAPSED 0x30
#define SYS_TICKFREQ 0x31

/* SYS_OPEN modes are the fopen() ones, numbered: 4 is "w". */
#define OPEN_MODE_W 4

static uintptr_t semihost(uintptr_t op, const void *arg)
{
#if defined(__aarch64__)
    register uintptr_t x0 __asm__("x0") = op;
    register const void *x1 __asm__("x1") = arg;
    __asm__ volatile ("hlt #0xf000" : "+r" (x0) : "r" (x1) : "memory");
    return x0;
#elif defined(__arm__)
    register uintptr_t r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    /* lr: were semihosting off, this would be a real svc from SVC mode,
     * which overwrites lr_svc with the return address. */
    __asm__ volatile ("svc #0x123456" : "+r" (r0) : "r" (r1) : "memory", "lr");
    return r0;
#endif
}

int main(void)
{
    static const char tt[] = ":tt";
    static const char line[] = "semihost: SYS_WRITE to the :tt file\n";
    int fails = 0;

    /* A NUL-terminated string straight to QEMU's stdout, not the UART. */
    semihost(SYS_WRITE0, "semihost: SYS_WRITE0\n");

    /* The special file name ":tt" is the console. Blocks are arrays of
     * register-sized words. */
    uintptr_t open_block[3] = {(uintptr_t)tt, OPEN_MODE_W, strlen(tt)};
    intptr_t fd = semihost(SYS_OPEN, open_block);
    if (fd == -1) {
        puts("semihost: SYS_OPEN :tt failed");
        return 1;
    }
    uintptr_t write_block[3] = {fd, (uintptr_t)line, strlen(line)};
    /* SYS_WRITE returns how many bytes were NOT written. */
    uintptr_t left = semihost(SYS_WRITE, write_block);
    uintptr_t close_block[1] = {fd};
    intptr_t closed = semihost(SYS_CLOSE, close_block);
    if (left != 0 || closed != 0) {
        printf("semihost: SYS_WRITE left %lu bytes, SYS_CLOSE returned %ld\n",
               (unsigned long)left, (long)closed);
        fails++;
    }

    /* Host wall-clock time in seconds since 1970: later than 2024-01-01. */
    uintptr_t now = semihost(SYS_TIME, NULL);
    printf("semihost: SYS_TIME %lu\n", (unsigned long)now);
    if (now < 1704067200) {
        puts("semihost: SYS_TIME is before 2024");
        fails++;
    }

    /* SYS_CLOCK counts centiseconds of execution (QEMU: its own CPU time),
     * SYS_ELAPSED ticks of SYS_TICKFREQ per second (64 bits, in a block of
     * two 32-bit words on arm). Spin 5 centiseconds of SYS_CLOCK and see
     * that SYS_ELAPSED moved on accordingly. */
    uint64_t ticks0 = 0, ticks1 = 0;
    uintptr_t freq = semihost(SYS_TICKFREQ, NULL);
    intptr_t clock0 = semihost(SYS_CLOCK, NULL), clock1;
    semihost(SYS_ELAPSED, &ticks0);
    do
        clock1 = semihost(SYS_CLOCK, NULL);
    while (clock1 >= 0 && clock1 < clock0 + 5);
    semihost(SYS_ELAPSED, &ticks1);
    uint64_t ms = (ticks1 - ticks0) * 1000 / freq;
    printf("semihost: SYS_CLOCK %ld -> %ld cs, SYS_ELAPSED %llu ms at %lu Hz\n",
           (long)clock0, (long)clock1, (unsigned long long)ms, (unsigned long)freq);
    /* SYS_CLOCK ticks in whole centiseconds, so 5 of them may be just over
     * 40 ms; and clock() counts the CPU time of all of QEMU's threads, which
     * may run faster than wall time. Hence a loose bound. */
    if (clock0 < 0 || clock1 < 0 || freq == 0 || ms < 20 || ms > 10000) {
        puts("semihost: clocks disagree");
        fails++;
    }
    return fails != 0;
}
