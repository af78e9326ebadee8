/* Userland half of kernel_modules/anonymous_inode.c: gets an anonymous
 * inode file descriptor with an ioctl, checks that it has no file name
 * (/proc/self/fd/N shows "anon_inode:lkmc_anonymous_inode") and that its
 * reads count 1, 10, 100, ... up to 10^9 and wrap around to 1.
 * Needs "insmod anonymous_inode.ko" first. Exit status 0 when all matched. */

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "anonymous_inode.h"

int main(void)
{
	char buf[32], link[64], path[64];
	unsigned long expect = 1;
	int fd, afd, i;
	ssize_t n;

	fd = open(LKMC_ANONYMOUS_INODE_PATH, O_RDONLY);
	if (fd < 0) {
		perror(LKMC_ANONYMOUS_INODE_PATH);
		return EXIT_FAILURE;
	}
	afd = ioctl(fd, LKMC_ANONYMOUS_INODE_GET_FD);
	if (afd < 0) {
		perror("ioctl LKMC_ANONYMOUS_INODE_GET_FD");
		return EXIT_FAILURE;
	}
	close(fd);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", afd);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0) {
		perror(path);
		return EXIT_FAILURE;
	}
	link[n] = '\0';
	printf("%s -> %s\n", path, link);
	if (strcmp(link, "anon_inode:lkmc_anonymous_inode")) {
		fprintf(stderr, "expected anon_inode:lkmc_anonymous_inode\n");
		return EXIT_FAILURE;
	}
	for (i = 0; i < 12; i++) {
		n = read(afd, buf, sizeof(buf) - 1);
		if (n <= 0) {
			perror("read");
			return EXIT_FAILURE;
		}
		buf[n] = '\0';
		printf("read %d: %s", i, buf);
		if (strtoul(buf, NULL, 10) != expect) {
			fprintf(stderr, "expected %lu\n", expect);
			return EXIT_FAILURE;
		}
		expect = expect >= 1000000000 ? 1 : expect * 10;
	}
	close(afd);
	return EXIT_SUCCESS;
}
