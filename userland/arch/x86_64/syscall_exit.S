/* Leaving with the exit_group system call directly, without returning from
 * main: libc's atexit handlers and stdio flushing are skipped. Exits with
 * status 3 (the test expects it).
 *
 * Run: lkmc run --userland userland/arch/x86_64/syscall_exit.S --arch x86_64; echo $?
 */
#include <lkmc.h>

#define SYS_exit_group 231

LKMC_PROLOGUE
    mov $SYS_exit_group, %eax
    mov $3, %edi
    syscall
    /* Not reached. */
    LKMC_ASSERT_FAIL
LKMC_EPILOGUE
