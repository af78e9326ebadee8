/* /proc/self/maps: the process's memory mappings (address range,
 * permissions, offset, device, inode, path). Finds the mappings that hold
 * main's code (executable), a global (writable), the heap and the stack.
 *
 * Run: lkmc run --userland userland/linux/proc_self_maps.c --arch aarch64
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lkmc.h>

static int global = 1;

/* Copies the permissions ("r-xp") of the mapping containing addr. */
static int perms_of(uintptr_t addr, char perms[5], char *name, size_t name_size) {
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    int found = 0;
    LKMC_ASSERT(f != NULL);
    while (fgets(line, sizeof line, f)) {
        uintptr_t lo, hi;
        char path[256] = "";
        if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR " %4s %*s %*s %*s %255s", &lo, &hi, perms, path) < 3)
            continue;
        if (addr >= lo && addr < hi) {
            snprintf(name, name_size, "%s", path);
            found = 1;
            break;
        }
    }
    fclose(f);
    return found;
}

int main(void) {
    char perms[5], name[256];
    int local = 0;
    void *heap = malloc(16);

    LKMC_ASSERT(perms_of((uintptr_t)main, perms, name, sizeof name));
    printf("main   %s %s\n", perms, name);
    LKMC_ASSERT_EQ(perms[0], 'r');
    LKMC_ASSERT_EQ(perms[2], 'x');
    LKMC_ASSERT(strstr(name, "proc_self_maps") != NULL);

    LKMC_ASSERT(perms_of((uintptr_t)&global, perms, name, sizeof name));
    printf("global %s %s\n", perms, name);
    LKMC_ASSERT_EQ(perms[1], 'w');
    LKMC_ASSERT_EQ(perms[2], '-');

    LKMC_ASSERT(perms_of((uintptr_t)heap, perms, name, sizeof name));
    printf("heap   %s %s\n", perms, name);
    LKMC_ASSERT_EQ(perms[1], 'w');

    LKMC_ASSERT(perms_of((uintptr_t)&local, perms, name, sizeof name));
    printf("stack  %s %s\n", perms, name);
    LKMC_ASSERT_STREQ(name, "[stack]");
    LKMC_ASSERT_EQ(perms[2], '-');
    free(heap);
    return local + global - 1;
}
