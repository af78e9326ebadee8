/* Step through a tiny computation with GDB: the target of `lkmc test gdb`.
 *
 *   lkmc run --userland userland/gdb/add.c --gdb-wait &
 *   lkmc gdb --userland userland/gdb/add.c main
 *
 * then `next` a few times and `print sum`. Lines marked with a comment are
 * where the test stops and what it expects to read there.
 */
#include <stdio.h>

static int add(int a, int b)
{
	int sum = a + b; /* gdb-test: a == 2, b == 3 */
	return sum;
}

int main(void)
{
	int total = 0;
	for (int i = 0; i < 3; i++)
		total = add(total, i + 2);
	printf("%d\n", total); /* gdb-test: total == 9 */
	return total == 9 ? 0 : 1;
}
