/* Userland half of kernel_modules/ring0.c (x86_64): runs the same
 * control register reads as ring0.ko, from ring 3, in a child process, and
 * checks that the CPU refused them: the child must die of SIGSEGV (a general
 * protection fault). Needs no module. Exit status 0 when it did. */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ring0.h"

int main(void)
{
	struct lkmc_ring0_regs r;
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0) {
		perror("fork");
		return EXIT_FAILURE;
	}
	if (pid == 0) {
		lkmc_ring0_get_control_regs(&r);
		printf("cr0 = 0x%016lx: read from ring 3?!\n", r.cr0);
		return EXIT_SUCCESS;
	}
	if (waitpid(pid, &status, 0) < 0) {
		perror("waitpid");
		return EXIT_FAILURE;
	}
	if (WIFSIGNALED(status)) {
		printf("child killed by signal %d (%s)\n", WTERMSIG(status),
		       strsignal(WTERMSIG(status)));
		if (WTERMSIG(status) == SIGSEGV)
			return EXIT_SUCCESS;
	} else {
		printf("child exited with status %d\n", WEXITSTATUS(status));
	}
	fprintf(stderr, "expected SIGSEGV\n");
	return EXIT_FAILURE;
}
