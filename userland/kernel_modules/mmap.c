/* Userland half of kernel_modules/mmap.c: maps the kernel page behind
 * /dev/lkmc_mmap, then checks that a store through the mapping is what
 * read() returns, and that what write() puts in is seen through the
 * mapping. Needs "insmod mmap.ko" first. Exit status 0 when both held. */

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	long page_size = sysconf(_SC_PAGESIZE);
	char buf[8] = { 0 };
	char *p;
	int fd;

	fd = open("/dev/lkmc_mmap", O_RDWR);
	if (fd < 0) {
		perror("/dev/lkmc_mmap");
		return EXIT_FAILURE;
	}
	p = mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return EXIT_FAILURE;
	}
	/* Userland writes through the mapping, the kernel reads. */
	memcpy(p, "asdf", 4);
	if (pread(fd, buf, 4, 0) != 4) {
		perror("pread");
		return EXIT_FAILURE;
	}
	printf("stored asdf through the mapping, read() gives %s\n", buf);
	if (memcmp(buf, "asdf", 4)) {
		fprintf(stderr, "expected asdf\n");
		return EXIT_FAILURE;
	}
	/* The kernel writes, userland reads the mapping. */
	if (pwrite(fd, "qwer", 4, 0) != 4) {
		perror("pwrite");
		return EXIT_FAILURE;
	}
	printf("write() qwer, the mapping holds %.4s\n", p);
	if (memcmp(p, "qwer", 4)) {
		fprintf(stderr, "expected qwer\n");
		return EXIT_FAILURE;
	}
	/* More than the one page is refused. */
	if (mmap(NULL, 2 * page_size, PROT_READ, MAP_SHARED, fd, 0) != MAP_FAILED) {
		fprintf(stderr, "a 2-page mapping was not refused\n");
		return EXIT_FAILURE;
	}
	munmap(p, page_size);
	close(fd);
	return EXIT_SUCCESS;
}
