/* Flexible array member: a struct whose last member is an array of unknown
 * size, allocated together with its header in one malloc.
 *
 * Run: lkmc run --userland userland/c/flexible_array_member.c --arch aarch64
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lkmc.h>

struct message {
    size_t len;
    char data[];
};

static struct message *message_new(const char *s) {
    size_t n = strlen(s);
    struct message *m = malloc(sizeof *m + n + 1);
    if (!m)
        return NULL;
    m->len = n;
    memcpy(m->data, s, n + 1);
    return m;
}

int main(void) {
    /* The array adds nothing to sizeof. */
    LKMC_ASSERT_EQ(sizeof(struct message), sizeof(size_t));
    LKMC_ASSERT_EQ(offsetof(struct message, data), sizeof(size_t));
    struct message *m = message_new("variable length");
    LKMC_ASSERT(m != NULL);
    LKMC_ASSERT_EQ(m->len, 15);
    LKMC_ASSERT_STREQ(m->data, "variable length");
    printf("%zu: %s\n", m->len, m->data);
    free(m);
    return 0;
}
