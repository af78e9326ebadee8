/* Userland half of kernel_modules/pmccntr.c (arm, aarch64): reads the
 * cycle counter PMCCNTR directly, twice around a busy loop, and checks
 * that it advanced. Needs "insmod pmccntr.ko" first, which allows user
 * access; without it the first read dies of SIGILL. Exit status 0 when
 * the counter advanced. */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t read_pmccntr(void)
{
#if defined(__aarch64__)
	uint64_t v;

	__asm__ __volatile__ ("mrs %0, pmccntr_el0" : "=r" (v));
	return v;
#elif defined(__arm__)
	uint32_t v;

	__asm__ __volatile__ ("mrc p15, 0, %0, c9, c13, 0" : "=r" (v));
	return v;
#else
#error "ARM only"
#endif
}

int main(void)
{
	volatile unsigned long i;
	uint64_t a, b;

	a = read_pmccntr();
	for (i = 0; i < 1000000; i++)
		;
	b = read_pmccntr();
	printf("pmccntr %" PRIu64 " then %" PRIu64 ", difference %" PRIu64 "\n", a, b, b - a);
	if (b == a) {
		fprintf(stderr, "the cycle counter did not advance\n");
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
