/* Leaving with the exit_group system call (number 248) directly, without
 * returning from main: atexit handlers and stdio flushing are skipped.
 * Exits with status 3 (the test expects it).
 *
 * Run: lkmc run --userland userland/arch/arm/syscall_exit.S --arch arm; echo $?
 */
#include <lkmc.h>

#define SYS_exit_group 248

LKMC_PROLOGUE
    mov r0, #3
    mov r7, #SYS_exit_group
    svc #0
    LKMC_ASSERT_FAIL
LKMC_EPILOGUE
