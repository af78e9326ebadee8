/* virt_to_phys_test: put a known value (0x12345678) in memory, print its
 * virtual address and our pid, then wait until something outside changes it,
 * e.g. a write to its physical address found with linux/virt_to_phys_user.out
 * and done with `devmem`. Interactive, so the tests only build it.
 *
 * Run (in the guest): ./posix/virt_to_phys_test.out &
 *   ./linux/virt_to_phys_user.out PID VADDR ; devmem PADDR 32 0x1
 */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    static volatile uint32_t value = 0x12345678;
    printf("vaddr %p\npid %d\n", (void *)&value, (int)getpid());
    fflush(stdout);
    while (value == 0x12345678)
        sleep(1);
    printf("value changed to 0x%x\n", (unsigned)value);
    return 0;
}
