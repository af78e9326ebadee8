/* tmpfile, fseek, ftell, rewind and ungetc: random access within a stream.
 *
 * Run: lkmc run --userland userland/c/tmpfile.c --arch aarch64
 */
#include <stdio.h>

#include <lkmc.h>

int main(void) {
    /* An anonymous file, deleted automatically when closed. */
    FILE *f = tmpfile();
    LKMC_ASSERT(f != NULL);
    LKMC_ASSERT(fputs("0123456789", f) >= 0);
    LKMC_ASSERT_EQ(ftell(f), 10);

    LKMC_ASSERT_EQ(fseek(f, 3, SEEK_SET), 0);
    LKMC_ASSERT_EQ(fgetc(f), '3');
    LKMC_ASSERT_EQ(ftell(f), 4);
    LKMC_ASSERT_EQ(fseek(f, -2, SEEK_END), 0);
    LKMC_ASSERT_EQ(fgetc(f), '8');
    LKMC_ASSERT_EQ(fseek(f, -3, SEEK_CUR), 0);
    LKMC_ASSERT_EQ(fgetc(f), '6');

    /* ungetc pushes one character back. */
    LKMC_ASSERT_EQ(ungetc('x', f), 'x');
    LKMC_ASSERT_EQ(fgetc(f), 'x');
    LKMC_ASSERT_EQ(fgetc(f), '7');

    /* Overwrite in the middle. */
    rewind(f);
    LKMC_ASSERT_EQ(ftell(f), 0);
    fseek(f, 5, SEEK_SET);
    fputc('X', f);
    rewind(f);
    char buf[16] = {0};
    LKMC_ASSERT_EQ(fread(buf, 1, sizeof buf - 1, f), 10);
    LKMC_ASSERT_STREQ(buf, "01234X6789");
    LKMC_ASSERT_EQ(fclose(f), 0);
    puts(buf);
    return 0;
}
