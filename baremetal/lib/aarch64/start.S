/* Entry point of every aarch64 baremetal image, and its exception vectors.
 *
 * QEMU's -kernel jumps to _start on CPU 0 with the MMU and caches off, at
 * EL1 on `-M virt` (EL2 with virtualization=on, EL3 with secure=on); the
 * other CPUs stay powered off until PSCI CPU_ON starts them (see
 * baremetal/arch/aarch64/multicore.c). picolibc.ld puts .text.init.enter
 * first in the image. */

.section .text.init.enter, "ax"
.global _start
_start:
    ldr x0, =__stack
    mov sp, x0
    /* Without CPACR_EL1.FPEN, the first FP/SIMD instruction traps, and gcc
     * uses SIMD registers for plain C (memcpy, varargs, printf). */
    mov x0, #(3 << 20)
    /* ZEN too when the CPU has SVE (ID_AA64PFR0_EL1.SVE, bits 35:32). */
    mrs x1, id_aa64pfr0_el1
    ubfx x1, x1, #32, #4
    cbz x1, 1f
    orr x0, x0, #(3 << 16)
1:
    msr cpacr_el1, x0
    isb
    ldr x0, =lkmc_vector_table
    msr vbar_el1, x0
    isb
    /* Clear .bss one byte at a time: until the MMU is on, RAM is Device
     * memory, where any unaligned access faults. The page tables live in
     * .bss, so this comes before they are built. */
    ldr x0, =__bss_start
    ldr x1, =__bss_size
    add x1, x0, x1
3:
    cmp x0, x1
    b.hs 4f
    strb wzr, [x0], #1
    b 3b
4:
    /* Identity map with RAM as normal cacheable memory (runtime.c). */
    bl lkmc_mmu_init
    /* Copies .data, sets up TLS, calls main, then exit(). */
    bl lkmc_cstart
2:
    wfe
    b 2b

/* The vector table: 16 entries of 0x80 bytes, 2 KiB aligned. Each entry
 * saves the general registers in a struct lkmc_frame on the stack (and the
 * FP/SIMD registers below it),
 * calls lkmc_exception(frame, vector index) and returns with eret, so a C
 * handler can inspect and change the interrupted state (e.g. step ELR_EL1
 * over an svc). */
.macro lkmc_vector index
    .balign 0x80
    sub sp, sp, #(34 * 8)
    stp x0, x1, [sp, #(0 * 8)]
    mov x1, #\index
    b lkmc_vector_common
.endm

.section .text.lkmc_vectors, "ax"
.balign 0x800
.global lkmc_vector_table
lkmc_vector_table:
    /* Current EL with SP_EL0 */
    lkmc_vector 0
    lkmc_vector 1
    lkmc_vector 2
    lkmc_vector 3
    /* Current EL with SP_ELx */
    lkmc_vector 4
    lkmc_vector 5
    lkmc_vector 6
    lkmc_vector 7
    /* Lower EL, AArch64 */
    lkmc_vector 8
    lkmc_vector 9
    lkmc_vector 10
    lkmc_vector 11
    /* Lower EL, AArch32 */
    lkmc_vector 12
    lkmc_vector 13
    lkmc_vector 14
    lkmc_vector 15

lkmc_vector_common:
    stp x2, x3, [sp, #(2 * 8)]
    stp x4, x5, [sp, #(4 * 8)]
    stp x6, x7, [sp, #(6 * 8)]
    stp x8, x9, [sp, #(8 * 8)]
    stp x10, x11, [sp, #(10 * 8)]
    stp x12, x13, [sp, #(12 * 8)]
    stp x14, x15, [sp, #(14 * 8)]
    stp x16, x17, [sp, #(16 * 8)]
    stp x18, x19, [sp, #(18 * 8)]
    stp x20, x21, [sp, #(20 * 8)]
    stp x22, x23, [sp, #(22 * 8)]
    stp x24, x25, [sp, #(24 * 8)]
    stp x26, x27, [sp, #(26 * 8)]
    stp x28, x29, [sp, #(28 * 8)]
    mrs x2, elr_el1
    stp x30, x2, [sp, #(30 * 8)]
    mrs x2, spsr_el1
    mrs x3, esr_el1
    stp x2, x3, [sp, #(32 * 8)]
    /* The FP/SIMD registers and their status and control below the frame:
     * a handler in C may use them (gcc does for printf, memcpy, ...), and
     * the interrupted code must find them as it left them. */
    sub sp, sp, #(32 * 16 + 16)
    stp q0, q1, [sp, #(16 + 0 * 32)]
    stp q2, q3, [sp, #(16 + 1 * 32)]
    stp q4, q5, [sp, #(16 + 2 * 32)]
    stp q6, q7, [sp, #(16 + 3 * 32)]
    stp q8, q9, [sp, #(16 + 4 * 32)]
    stp q10, q11, [sp, #(16 + 5 * 32)]
    stp q12, q13, [sp, #(16 + 6 * 32)]
    stp q14, q15, [sp, #(16 + 7 * 32)]
    stp q16, q17, [sp, #(16 + 8 * 32)]
    stp q18, q19, [sp, #(16 + 9 * 32)]
    stp q20, q21, [sp, #(16 + 10 * 32)]
    stp q22, q23, [sp, #(16 + 11 * 32)]
    stp q24, q25, [sp, #(16 + 12 * 32)]
    stp q26, q27, [sp, #(16 + 13 * 32)]
    stp q28, q29, [sp, #(16 + 14 * 32)]
    stp q30, q31, [sp, #(16 + 15 * 32)]
    mrs x2, fpsr
    mrs x3, fpcr
    stp x2, x3, [sp]
    /* lkmc_exception_entry(frame, index): the entry left the index in x1. */
    add x0, sp, #(32 * 16 + 16)
    bl lkmc_exception_entry
    ldp x2, x3, [sp]
    msr fpsr, x2
    msr fpcr, x3
    ldp q0, q1, [sp, #(16 + 0 * 32)]
    ldp q2, q3, [sp, #(16 + 1 * 32)]
    ldp q4, q5, [sp, #(16 + 2 * 32)]
    ldp q6, q7, [sp, #(16 + 3 * 32)]
    ldp q8, q9, [sp, #(16 + 4 * 32)]
    ldp q10, q11, [sp, #(16 + 5 * 32)]
    ldp q12, q13, [sp, #(16 + 6 * 32)]
    ldp q14, q15, [sp, #(16 + 7 * 32)]
    ldp q16, q17, [sp, #(16 + 8 * 32)]
    ldp q18, q19, [sp, #(16 + 9 * 32)]
    ldp q20, q21, [sp, #(16 + 10 * 32)]
    ldp q22, q23, [sp, #(16 + 11 * 32)]
    ldp q24, q25, [sp, #(16 + 12 * 32)]
    ldp q26, q27, [sp, #(16 + 13 * 32)]
    ldp q28, q29, [sp, #(16 + 14 * 32)]
    ldp q30, q31, [sp, #(16 + 15 * 32)]
    add sp, sp, #(32 * 16 + 16)
    ldp x2, x3, [sp, #(32 * 8)]
    msr spsr_el1, x2
    ldp x30, x2, [sp, #(30 * 8)]
    msr elr_el1, x2
    ldp x28, x29, [sp, #(28 * 8)]
    ldp x26, x27, [sp, #(26 * 8)]
    ldp x24, x25, [sp, #(24 * 8)]
    ldp x22, x23, [sp, #(22 * 8)]
    ldp x20, x21, [sp, #(20 * 8)]
    ldp x18, x19, [sp, #(18 * 8)]
    ldp x16, x17, [sp, #(16 * 8)]
    ldp x14, x15, [sp, #(14 * 8)]
    ldp x12, x13, [sp, #(12 * 8)]
    ldp x10, x11, [sp, #(10 * 8)]
    ldp x8, x9, [sp, #(8 * 8)]
    ldp x6, x7, [sp, #(6 * 8)]
    ldp x4, x5, [sp, #(4 * 8)]
    ldp x2, x3, [sp, #(2 * 8)]
    ldp x0, x1, [sp, #(0 * 8)]
    add sp, sp, #(34 * 8)
    eret
