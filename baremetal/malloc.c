/* malloc.c: dynamic memory without an operating system.
 *
 * picolibc's malloc gets its memory from sbrk(), which here does not ask a
 * kernel for pages: it hands out the RAM between the end of .bss (__heap_start)
 * and the bottom of the stack reserve (__heap_end), symbols of the linker
 * script picolibc.ld. So the heap is fixed in size, and running out makes
 * malloc return NULL, as a hosted program rarely sees. */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char __heap_start[], __heap_end[];

static int fails;

#define CHECK(cond) do { \
    if (!(cond)) { \
        printf("malloc: line %d: %s failed\n", __LINE__, #cond); \
        fails++; \
    } \
} while (0)

static int in_heap(const void *p, size_t size)
{
    return (const char *)p >= __heap_start && (const char *)p + size <= __heap_end;
}

int main(void)
{
    enum { N = 16, SIZE = 1000 };
    unsigned char *blocks[N];
    size_t heap = __heap_end - __heap_start;

    printf("malloc: heap 0x%lx-0x%lx (%lu KiB)\n", (unsigned long)__heap_start,
           (unsigned long)__heap_end, (unsigned long)(heap / 1024));

    for (int i = 0; i < N; i++) {
        blocks[i] = malloc(SIZE);
        CHECK(blocks[i] != NULL);
        if (blocks[i] == NULL)
            return 1;
        CHECK(in_heap(blocks[i], SIZE));
        /* Aligned for any type, as C requires (max_align_t). */
        CHECK((uintptr_t)blocks[i] % _Alignof(max_align_t) == 0);
        memset(blocks[i], i, SIZE);
    }
    /* Blocks must not overlap: each still holds its own pattern. */
    for (int i = 0; i < N; i++)
        for (int j = 0; j < SIZE; j++)
            if (blocks[i][j] != i) {
                printf("malloc: block %d byte %d is %d\n", i, j, blocks[i][j]);
                return 1;
            }

    /* realloc keeps the contents when it grows a block, wherever it moves. */
    blocks[0] = realloc(blocks[0], 4 * SIZE);
    CHECK(blocks[0] != NULL && blocks[0][SIZE - 1] == 0 && in_heap(blocks[0], 4 * SIZE));

    /* calloc memory reads as zero even if reused from freed blocks. */
    free(blocks[1]);
    unsigned char *zeroed = calloc(SIZE, 1);
    CHECK(zeroed != NULL);
    for (int j = 0; zeroed && j < SIZE; j++)
        if (zeroed[j] != 0) {
            CHECK(zeroed[j] == 0);
            break;
        }
    free(zeroed);

    /* More than the whole heap: NULL and ENOMEM, not a crash. */
    errno = 0;
    void *huge = malloc(heap + 1);
    CHECK(huge == NULL);
    CHECK(errno == ENOMEM);

    for (int i = 0; i < N; i++)
        if (i != 1)
            free(blocks[i]);
    /* With everything freed, a large block fits again. */
    void *big = malloc(heap / 2);
    CHECK(big != NULL);
    free(big);

    if (fails)
        return 1;
    puts("malloc: ok");
    return 0;
}
