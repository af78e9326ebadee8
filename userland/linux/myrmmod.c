/* myrmmod NAME: unload a kernel module with the raw delete_module system
 * call, like a minimal rmmod. O_NONBLOCK makes it fail with EWOULDBLOCK
 * instead of waiting if the module is in use. Needs CAP_SYS_MODULE.
 *
 * Without arguments, removes a module that does not exist and checks that
 * this fails with ENOENT, without changing anything.
 *
 * Run (in the guest): ./linux/myrmmod.out hello
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <lkmc.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        long r = syscall(SYS_delete_module, "lkmc_no_such_module", O_NONBLOCK);
        LKMC_ASSERT_EQ(r, -1);
        int err = errno; /* printf may change errno */
        printf("delete_module(lkmc_no_such_module): %s\n", strerror(err));
        LKMC_ASSERT_EQ(err, ENOENT);
        return 0;
    }
    LKMC_SYS(syscall(SYS_delete_module, argv[1], O_NONBLOCK));
    printf("removed %s\n", argv[1]);
    return 0;
}
