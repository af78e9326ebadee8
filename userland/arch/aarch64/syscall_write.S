/* System calls with SVC #0: the number goes in x8, arguments in x0-x5, the
 * result comes back in x0, negative errno on failure. aarch64 uses the
 * generic system call numbers (write is 64, getpid 172).
 *
 * Run: lkmc run --userland userland/arch/aarch64/syscall_write.S --arch aarch64
 */
#include <lkmc.h>

#define SYS_write 64
#define SYS_getpid 172
#define EBADF 9

LKMC_PROLOGUE
    mov x8, SYS_write
    mov x0, 1
    adr x1, msg
    mov x2, msg_len
    svc 0
    LKMC_ASSERT_EQ(x0, msg_len)

    mov x8, SYS_write
    mov x0, -1
    adr x1, msg
    mov x2, 1
    svc 0
    LKMC_ASSERT_EQ(x0, -EBADF)

    mov x8, SYS_getpid
    svc 0
    mov x19, x0
    bl getpid
    cmp x0, x19
    cset x1, eq
    LKMC_ASSERT_EQ(x1, 1)
LKMC_EPILOGUE

msg:
    .ascii "hello from the write system call\n"
msg_len = . - msg
.balign 4
