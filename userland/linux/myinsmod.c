/* myinsmod FILE.ko [PARAMS] [finit]: load a kernel module with the raw
 * init_module system call (the module image read into memory) or
 * finit_module (given a file descriptor, when a third argument is present),
 * like a minimal insmod. Needs CAP_SYS_MODULE, so root in the guest.
 *
 * Without arguments, checks the kernel's ELF validation without changing
 * anything: loading a 4-byte junk image must fail with ENOEXEC.
 *
 * Run (in the guest): ./linux/myinsmod.out hello.ko && lsmod
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <lkmc.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        static const char junk[4] = "junk";
        long r = syscall(SYS_init_module, junk, sizeof junk, "");
        LKMC_ASSERT_EQ(r, -1);
        int err = errno; /* printf may change errno */
        printf("init_module(junk): %s\n", strerror(err));
        LKMC_ASSERT_EQ(err, ENOEXEC);
        return 0;
    }
    const char *params = argc > 2 ? argv[2] : "";
    int fd = LKMC_SYS(open(argv[1], O_RDONLY | O_CLOEXEC));
    if (argc > 3) {
        LKMC_SYS(syscall(SYS_finit_module, fd, params, 0));
    } else {
        struct stat st;
        LKMC_SYS(fstat(fd, &st));
        void *image = malloc((size_t)st.st_size);
        LKMC_ASSERT(image != NULL);
        LKMC_ASSERT_EQ(read(fd, image, (size_t)st.st_size), st.st_size);
        LKMC_SYS(syscall(SYS_init_module, image, (unsigned long)st.st_size, params));
        free(image);
    }
    close(fd);
    printf("loaded %s\n", argv[1]);
    return 0;
}
