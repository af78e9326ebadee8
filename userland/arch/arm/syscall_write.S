/* System calls with SVC #0 (EABI): the number goes in r7, arguments in
 * r0-r6, the result comes back in r0, -errno on failure. arm has its own
 * numbering (write is 4, getpid 20).
 *
 * Run: lkmc run --userland userland/arch/arm/syscall_write.S --arch arm
 */
#include <lkmc.h>

#define SYS_write 4
#define SYS_getpid 20
#define EBADF 9

LKMC_PROLOGUE
    mov r7, #SYS_write
    mov r0, #1
    adr r1, msg
    mov r2, #msg_len
    svc #0
    LKMC_ASSERT_EQ(r0, msg_len)

    mov r7, #SYS_write
    mvn r0, #0
    adr r1, msg
    mov r2, #1
    svc #0
    LKMC_ASSERT_EQ(r0, -EBADF)

    mov r7, #SYS_getpid
    svc #0
    mov r4, r0
    bl getpid
    sub r5, r0, r4
    LKMC_ASSERT_EQ(r5, 0)
LKMC_EPILOGUE

msg:
    .ascii "hello from the write system call\n"
msg_len = . - msg
.balign 4
