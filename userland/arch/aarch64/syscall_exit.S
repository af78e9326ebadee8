/* Leaving with the exit_group system call (number 94) directly, without
 * returning from main: atexit handlers and stdio flushing are skipped.
 * Exits with status 3 (the test expects it).
 *
 * Run: lkmc run --userland userland/arch/aarch64/syscall_exit.S --arch aarch64; echo $?
 */
#include <lkmc.h>

#define SYS_exit_group 94

LKMC_PROLOGUE
    mov x0, 3
    mov x8, SYS_exit_group
    svc 0
    LKMC_ASSERT_FAIL
LKMC_EPILOGUE
