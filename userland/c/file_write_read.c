/* Files with stdio: fopen/fprintf/fclose to write, fopen/fgets/fread to read
 * back, in the current directory.
 *
 * Run: lkmc run --userland userland/c/file_write_read.c --arch aarch64
 */
#include <stdio.h>
#include <string.h>

#include <lkmc.h>

int main(void) {
    const char *path = "file_write_read.tmp";
    char line[64];
    FILE *f;

    f = fopen(path, "w");
    LKMC_ASSERT(f != NULL);
    LKMC_ASSERT_EQ(fprintf(f, "line %d\n", 1), 7);
    LKMC_ASSERT(fputs("second\n", f) >= 0);
    LKMC_ASSERT_EQ(fclose(f), 0);

    f = fopen(path, "r");
    LKMC_ASSERT(f != NULL);
    LKMC_ASSERT(fgets(line, sizeof line, f) != NULL);
    LKMC_ASSERT_STREQ(line, "line 1\n");
    LKMC_ASSERT(fgets(line, sizeof line, f) != NULL);
    LKMC_ASSERT_STREQ(line, "second\n");
    /* Nothing more: fgets returns NULL and the EOF indicator is set. */
    LKMC_ASSERT(fgets(line, sizeof line, f) == NULL);
    LKMC_ASSERT(feof(f));

    /* Append mode writes at the end whatever the position. */
    LKMC_ASSERT_EQ(fclose(f), 0);
    f = fopen(path, "a");
    LKMC_ASSERT(f != NULL);
    fputs("third\n", f);
    LKMC_ASSERT_EQ(fclose(f), 0);
    f = fopen(path, "rb");
    LKMC_ASSERT(f != NULL);
    memset(line, 0, sizeof line);
    LKMC_ASSERT_EQ(fread(line, 1, sizeof line - 1, f), 20);
    LKMC_ASSERT_STREQ(line, "line 1\nsecond\nthird\n");
    LKMC_ASSERT_EQ(fclose(f), 0);

    LKMC_ASSERT_EQ(remove(path), 0);
    LKMC_ASSERT(fopen(path, "r") == NULL);
    puts("wrote and read back 3 lines");
    return 0;
}
