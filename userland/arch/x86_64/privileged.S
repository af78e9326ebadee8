/* Privileged instructions from user mode: reading control register %cr0
 * needs ring 0. In ring 3 the CPU raises a general protection fault and the
 * kernel sends SIGSEGV (the test expects it). See kernel_modules/ring0.c
 * for doing it from the kernel.
 *
 * Run: lkmc run --userland userland/arch/x86_64/privileged.S --arch x86_64
 */
#include <lkmc.h>

LKMC_PROLOGUE
    mov %cr0, %rax
LKMC_EPILOGUE
