/* The auxiliary vector: key/value pairs the kernel puts on the initial stack
 * after the environment, read with getauxval: page size, hardware
 * capabilities (AT_HWCAP), 16 random bytes for stack protector and pointer
 * guard (AT_RANDOM), the vDSO's address, the executable's path.
 *
 * Run: lkmc run --userland userland/linux/auxv.c --arch aarch64
 */
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include <lkmc.h>

int main(void) {
    unsigned long page = getauxval(AT_PAGESZ);
    unsigned long hwcap = getauxval(AT_HWCAP);
    unsigned long vdso = getauxval(AT_SYSINFO_EHDR);
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
    printf("AT_PAGESZ %lu\nAT_HWCAP 0x%lx\nAT_HWCAP2 0x%lx\nAT_SYSINFO_EHDR 0x%lx\nAT_EXECFN %s\n",
            page, hwcap, getauxval(AT_HWCAP2), vdso, execfn ? execfn : "(none)");
    LKMC_ASSERT_EQ(page, (unsigned long)sysconf(_SC_PAGESIZE));
    LKMC_ASSERT(rnd != NULL);
    LKMC_ASSERT(execfn != NULL);
    LKMC_ASSERT_EQ(getauxval(AT_UID), getuid());
    /* The vDSO, when present, is a whole ELF image. */
    if (vdso)
        LKMC_ASSERT_MEMEQ((const void *)vdso, "\177ELF", 4);
#if defined(__aarch64__)
    /* Every aarch64 CPU has FP and Advanced SIMD (HWCAP_FP, HWCAP_ASIMD). */
    LKMC_ASSERT((hwcap & 3) == 3);
#elif defined(__arm__)
    /* armhf needs VFP (HWCAP_VFP, bit 6). */
    LKMC_ASSERT(hwcap & (1 << 6));
#endif
    return 0;
}
