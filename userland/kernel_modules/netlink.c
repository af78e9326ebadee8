/* Userland half of kernel_modules/netlink.c: sends its argument (default
 * "hello") to the module over a netlink socket and checks the answer is
 * LKMC_NETLINK_REPLY followed by the same text.
 * Needs "insmod netlink.ko" first. Exit status 0 when the answer matched. */

#include <linux/netlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netlink.h"

#define MAX_PAYLOAD 1024

int main(int argc, char **argv)
{
	const char *text = argc > 1 ? argv[1] : "hello";
	struct sockaddr_nl src = { .nl_family = AF_NETLINK };
	struct sockaddr_nl dst = { .nl_family = AF_NETLINK };	/* pid 0: the kernel */
	char expect[MAX_PAYLOAD];
	struct nlmsghdr *nlh;
	char *payload;
	ssize_t n;
	int fd;

	if (strlen(text) + 1 > MAX_PAYLOAD - strlen(LKMC_NETLINK_REPLY)) {
		fprintf(stderr, "text too long\n");
		return EXIT_FAILURE;
	}
	fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_LKMC);
	if (fd < 0) {
		perror("socket (is netlink.ko loaded?)");
		return EXIT_FAILURE;
	}
	/* Port id 0 in bind: the kernel picks one (the pid if it is free). */
	if (bind(fd, (struct sockaddr *)&src, sizeof(src))) {
		perror("bind");
		return EXIT_FAILURE;
	}
	nlh = calloc(1, NLMSG_SPACE(MAX_PAYLOAD));
	if (!nlh) {
		perror("calloc");
		return EXIT_FAILURE;
	}
	nlh->nlmsg_len = NLMSG_LENGTH(strlen(text) + 1);
	nlh->nlmsg_seq = 1;
	strcpy(NLMSG_DATA(nlh), text);
	if (sendto(fd, nlh, nlh->nlmsg_len, 0, (struct sockaddr *)&dst, sizeof(dst)) < 0) {
		perror("sendto");
		return EXIT_FAILURE;
	}
	memset(nlh, 0, NLMSG_SPACE(MAX_PAYLOAD));
	n = recv(fd, nlh, NLMSG_SPACE(MAX_PAYLOAD), 0);
	if (n < 0) {
		perror("recv");
		return EXIT_FAILURE;
	}
	if (!NLMSG_OK(nlh, (size_t)n)) {
		fprintf(stderr, "malformed answer of %zd bytes\n", n);
		return EXIT_FAILURE;
	}
	payload = NLMSG_DATA(nlh);
	printf("%s\n", payload);
	snprintf(expect, sizeof(expect), "%s%s", LKMC_NETLINK_REPLY, text);
	if (strcmp(payload, expect)) {
		fprintf(stderr, "expected: %s\n", expect);
		return EXIT_FAILURE;
	}
	free(nlh);
	close(fd);
	return EXIT_SUCCESS;
}
