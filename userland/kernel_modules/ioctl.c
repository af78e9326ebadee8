/* Userland half of kernel_modules/ioctl.c: calls its two ioctls on
 * /dev/lkmc_ioctl and checks what they return, plus an unknown request code,
 * which must fail with ENOTTY. Needs "insmod ioctl.ko" first.
 * Exit status 0 when everything matched. */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ioctl.h"

int main(void)
{
	struct lkmc_ioctl_struct s = { .i = 1, .j = 1 };
	__u32 n = 1;
	int fd, ret = EXIT_SUCCESS;

	fd = open(LKMC_IOCTL_PATH, O_RDONLY);
	if (fd < 0) {
		perror(LKMC_IOCTL_PATH);
		return EXIT_FAILURE;
	}
	if (ioctl(fd, LKMC_IOCTL_INC, &n) == -1) {
		perror("ioctl LKMC_IOCTL_INC");
		return EXIT_FAILURE;
	}
	printf("LKMC_IOCTL_INC: 1 -> %u\n", n);
	if (n != 2) {
		fprintf(stderr, "expected 2\n");
		ret = EXIT_FAILURE;
	}
	if (ioctl(fd, LKMC_IOCTL_INC_DEC, &s) == -1) {
		perror("ioctl LKMC_IOCTL_INC_DEC");
		return EXIT_FAILURE;
	}
	printf("LKMC_IOCTL_INC_DEC: 1 1 -> %u %u\n", s.i, s.j);
	if (s.i != 2 || s.j != 0) {
		fprintf(stderr, "expected 2 0\n");
		ret = EXIT_FAILURE;
	}
	if (ioctl(fd, _IO(LKMC_IOCTL_MAGIC, 99)) != -1 || errno != ENOTTY) {
		fprintf(stderr, "unknown request: expected ENOTTY, got %s\n", strerror(errno));
		ret = EXIT_FAILURE;
	}
	close(fd);
	return ret;
}
