/* Userland half of kernel_modules/poll.c: sleeps in poll(2) on
 * /sys/kernel/debug/lkmc_poll until the module says data is ready, then
 * reads it (the jiffies of the event).
 *
 * Usage: poll.out N   wait for N events, each within 5 s; their jiffies
 *                     must increase
 *        poll.out -n  expect no event within 2 s (the module has pol0=1)
 * Needs "insmod poll.ko" first. Exit status 0 when that held. */

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PATH "/sys/kernel/debug/lkmc_poll"

int main(int argc, char **argv)
{
	struct pollfd pfd = { .events = POLLIN };
	unsigned long last = 0, j;
	int i, n, ret, none = 0;
	char buf[32];
	ssize_t len;

	if (argc != 2) {
		fprintf(stderr, "usage: %s N | -n\n", argv[0]);
		return EXIT_FAILURE;
	}
	if (!strcmp(argv[1], "-n"))
		none = 1;
	n = none ? 1 : atoi(argv[1]);
	pfd.fd = open(PATH, O_RDONLY);
	if (pfd.fd < 0) {
		perror(PATH);
		return EXIT_FAILURE;
	}
	for (i = 0; i < n; i++) {
		ret = poll(&pfd, 1, none ? 2000 : 5000);
		if (ret < 0) {
			perror("poll");
			return EXIT_FAILURE;
		}
		if (none) {
			printf("poll = %d revents = %d\n", ret, pfd.revents);
			if (ret != 0) {
				fprintf(stderr, "expected a timeout\n");
				return EXIT_FAILURE;
			}
			break;
		}
		if (ret == 0) {
			fprintf(stderr, "event %d: poll timed out\n", i);
			return EXIT_FAILURE;
		}
		printf("revents = %d\n", pfd.revents);
		if (!(pfd.revents & POLLIN)) {
			fprintf(stderr, "expected POLLIN\n");
			return EXIT_FAILURE;
		}
		len = read(pfd.fd, buf, sizeof(buf) - 1);
		if (len <= 0) {
			perror("read");
			return EXIT_FAILURE;
		}
		buf[len] = '\0';
		j = strtoul(buf, NULL, 10);
		printf("POLLIN n=%zd buf=%s", len, buf);
		if (j <= last && i) {
			fprintf(stderr, "jiffies did not increase: %lu then %lu\n", last, j);
			return EXIT_FAILURE;
		}
		last = j;
	}
	close(pfd.fd);
	return EXIT_SUCCESS;
}
