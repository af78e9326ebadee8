/* lkmc.h: the small assertion library that makes every userland example
 * self-checking. Included from C, C++ and (through the C preprocessor) from
 * .S assembly files. The functions live in userland/lib/lkmc.c, built into
 * liblkmc.a and linked into every program that is not freestanding.
 *
 * A failed check prints the file, the line, what was checked and the values
 * seen and expected on stderr, then exits with status 1.
 *
 * C and C++:
 *
 *   LKMC_ASSERT(cond)            cond must be true
 *   LKMC_ASSERT_EQ(a, b)         integers (compared as intmax_t): prints both
 *   LKMC_ASSERT_NE(a, b)
 *   LKMC_ASSERT_STREQ(a, b)      C strings
 *   LKMC_ASSERT_MEMEQ(a, b, n)   n bytes, prints both in hex on mismatch
 *   LKMC_ASSERT_NEAR(a, b, eps)  doubles: |a - b| <= eps
 *   LKMC_SYS(expr)               expr is a system call wrapper returning -1 on
 *                                error: fails with errno's name, else yields
 *                                the value of expr (GNU statement expression)
 *   LKMC_FAIL(fmt, ...)          unconditional failure with a message
 *
 * Assembly (.S), after LKMC_PROLOGUE (defines main and saves the callee-saved
 * registers) and before LKMC_EPILOGUE (restores them and returns 0):
 *
 *   LKMC_ASSERT_EQ(reg, imm)     reg must equal the constant imm. Write imm
 *                                without the $ or # prefix and without spaces,
 *                                e.g. LKMC_ASSERT_EQ(%rax, 0x10) or
 *                                LKMC_ASSERT_EQ(x0, -1). Only the flags are
 *                                changed when the check passes. On x86_64 any
 *                                register width works (%al, %eax, %rax: the low
 *                                bits of imm are compared); on aarch64 use
 *                                x registers (not sp, x29 or x30).
 *   LKMC_ASSERT_MEMCMP(ra, rb, size)
 *                                the size bytes at the addresses held by
 *                                registers ra and rb must be equal. It calls C
 *                                but saves the registers C may clobber (see
 *                                each arch below): only the flags change.
 *   LKMC_ASSERT_FAIL             reaching this point is a failure (e.g. a
 *                                branch that must not fall through).
 *   LKMC_GLOBAL(name)            start a global function callable from C.
 *   LKMC_ADR(reg, sym)           arm only, ARM (A32) state: the address of
 *                                any symbol, position independent (adr only
 *                                reaches labels of the same section).
 *
 * The checks change the flags: read flags (setc, cset, mrs) before checking
 * anything. The asm body must keep the frame pointer (%rbp on x86_64, x29 on
 * aarch64) and, on arm, leave sp as it found it before LKMC_EPILOGUE. The
 * stack pointer is 16-byte (8 on arm) aligned after LKMC_PROLOGUE, as calls
 * into C require.
 */
#ifndef LKMC_H
#define LKMC_H

#if defined(__ASSEMBLER__)

#define LKMC_PROLOGUE lkmc_prologue
#define LKMC_EPILOGUE lkmc_epilogue
#define LKMC_ASSERT_EQ(reg, imm) lkmc_assert_eq reg, imm, __LINE__, __FILE__
#define LKMC_ASSERT_MEMCMP(ra, rb, size) lkmc_assert_memcmp ra, rb, size, __LINE__, __FILE__
#define LKMC_ASSERT_FAIL lkmc_assert_fail_here __LINE__, __FILE__
#define LKMC_GLOBAL(name) lkmc_global name

/* No executable stack for any object that includes this header. */
.section .note.GNU-stack, "", %progbits
.text

#if defined(__x86_64__)

.macro lkmc_global name
    .text
    .global \name
    .type \name, @function
\name:
.endm

.macro lkmc_prologue
    lkmc_global main
    push %rbp
    mov %rsp, %rbp
    push %rbx
    push %r12
    push %r13
    push %r14
    push %r15
    /* return address + 6 pushes + 8 = 64: %rsp is 16-byte aligned for calls. */
    sub $8, %rsp
.endm

.macro lkmc_epilogue
    lea -40(%rbp), %rsp
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbx
    pop %rbp
    xor %eax, %eax
    ret
.endm

/* The constant lives in .rodata: cmp with a memory operand takes the size of
 * the register, so %al, %ax, %eax and %rax all work and nothing but the flags
 * is touched. The failure path saves both values (zero-extended to 64 bits)
 * in liblkmc variables and calls C, which never returns. */
.macro lkmc_assert_eq reg, imm, line, file
    cmp .Llkmc_imm\@(%rip), \reg
    je .Llkmc_ok\@
    movq $0, lkmc_assert_seen(%rip)
    mov \reg, lkmc_assert_seen(%rip)
    movq $0, lkmc_assert_expected(%rip)
    mov .Llkmc_imm\@(%rip), \reg
    mov \reg, lkmc_assert_expected(%rip)
    mov lkmc_assert_seen(%rip), %rdi
    mov lkmc_assert_expected(%rip), %rsi
    mov $\line, %edx
    lea .Llkmc_file\@(%rip), %rcx
    and $-16, %rsp
    call lkmc_assert_eq_fail_asm
    .pushsection .rodata
    .balign 8
.Llkmc_imm\@:
    .quad \imm
.Llkmc_file\@:
    .asciz "\file"
    .popsection
.Llkmc_ok\@:
.endm

/* Saves the caller-saved general registers and the x87/SSE state (fxsave)
 * around the call into C, so that only the flags (and the upper halves of
 * %ymm registers) change. */
.macro lkmc_assert_memcmp ra, rb, size, line, file
    push \rb
    push \ra
    push %rbp
    mov %rsp, %rbp
    and $-16, %rsp
    sub $512, %rsp
    fxsave64 (%rsp)
    push %rax
    push %rcx
    push %rdx
    push %rsi
    push %rdi
    push %r8
    push %r9
    push %r10
    push %r11
    push %r11
    mov 8(%rbp), %rdi
    mov 16(%rbp), %rsi
    mov $\size, %rdx
    mov $\line, %ecx
    lea .Llkmc_file\@(%rip), %r8
    call lkmc_assert_memcmp_asm
    pop %r11
    pop %r11
    pop %r10
    pop %r9
    pop %r8
    pop %rdi
    pop %rsi
    pop %rdx
    pop %rcx
    pop %rax
    fxrstor64 (%rsp)
    mov %rbp, %rsp
    pop %rbp
    add $16, %rsp
    .pushsection .rodata
.Llkmc_file\@:
    .asciz "\file"
    .popsection
.endm

.macro lkmc_assert_fail_here line, file
    mov $\line, %edi
    lea .Llkmc_file\@(%rip), %rsi
    and $-16, %rsp
    call lkmc_assert_fail_asm
    .pushsection .rodata
.Llkmc_file\@:
    .asciz "\file"
    .popsection
.endm

#elif defined(__aarch64__)

.macro lkmc_global name
    .text
    .global \name
    .type \name, %function
\name:
.endm

.macro lkmc_prologue
    lkmc_global main
    stp x29, x30, [sp, -160]!
    mov x29, sp
    stp x19, x20, [sp, 16]
    stp x21, x22, [sp, 32]
    stp x23, x24, [sp, 48]
    stp x25, x26, [sp, 64]
    stp x27, x28, [sp, 80]
    /* Only the low 64 bits of v8-v15 are callee-saved. */
    stp d8, d9, [sp, 96]
    stp d10, d11, [sp, 112]
    stp d12, d13, [sp, 128]
    stp d14, d15, [sp, 144]
.endm

.macro lkmc_epilogue
    mov sp, x29
    ldp x19, x20, [sp, 16]
    ldp x21, x22, [sp, 32]
    ldp x23, x24, [sp, 48]
    ldp x25, x26, [sp, 64]
    ldp x27, x28, [sp, 80]
    ldp d8, d9, [sp, 96]
    ldp d10, d11, [sp, 112]
    ldp d12, d13, [sp, 128]
    ldp d14, d15, [sp, 144]
    ldp x29, x30, [sp], 160
    mov w0, 0
    ret
.endm

/* The constant goes through x16 (x17 when reg is x16), saved on the stack
 * (Linux aarch64 has no red zone) and restored: only the flags change. */
.macro lkmc_assert_eq reg, imm, line, file
    .ifc \reg, x16
    str x17, [sp, -16]!
    ldr x17, =\imm
    cmp \reg, x17
    ldr x17, [sp], 16
    .else
    str x16, [sp, -16]!
    ldr x16, =\imm
    cmp \reg, x16
    ldr x16, [sp], 16
    .endif
    b.eq .Llkmc_ok\@
    mov x0, \reg
    ldr x1, =\imm
    mov x2, \line
    adrp x3, .Llkmc_file\@
    add x3, x3, :lo12:.Llkmc_file\@
    bl lkmc_assert_eq_fail_asm
    .pushsection .rodata
.Llkmc_file\@:
    .asciz "\file"
    .popsection
.Llkmc_ok\@:
.endm

/* Saves x0-x18, x30 and all of q0-q31 around the call into C, so that only
 * the flags change (SVE state beyond the q registers is not saved). */
.macro lkmc_assert_memcmp ra, rb, size, line, file
    /* Layout: ra, rb at sp; x registers from sp + 16; q from sp + 176. */
    sub sp, sp, 688
    stp \ra, \rb, [sp]
    stp x0, x1, [sp, 16]
    stp x2, x3, [sp, 32]
    stp x4, x5, [sp, 48]
    stp x6, x7, [sp, 64]
    stp x8, x9, [sp, 80]
    stp x10, x11, [sp, 96]
    stp x12, x13, [sp, 112]
    stp x14, x15, [sp, 128]
    stp x16, x17, [sp, 144]
    stp x18, x30, [sp, 160]
    stp q0, q1, [sp, 176]
    stp q2, q3, [sp, 208]
    stp q4, q5, [sp, 240]
    stp q6, q7, [sp, 272]
    stp q8, q9, [sp, 304]
    stp q10, q11, [sp, 336]
    stp q12, q13, [sp, 368]
    stp q14, q15, [sp, 400]
    stp q16, q17, [sp, 432]
    stp q18, q19, [sp, 464]
    stp q20, q21, [sp, 496]
    stp q22, q23, [sp, 528]
    stp q24, q25, [sp, 560]
    stp q26, q27, [sp, 592]
    stp q28, q29, [sp, 624]
    stp q30, q31, [sp, 656]
    ldp x0, x1, [sp]
    ldr x2, =\size
    mov x3, \line
    adrp x4, .Llkmc_file\@
    add x4, x4, :lo12:.Llkmc_file\@
    bl lkmc_assert_memcmp_asm
    ldp q30, q31, [sp, 656]
    ldp q28, q29, [sp, 624]
    ldp q26, q27, [sp, 592]
    ldp q24, q25, [sp, 560]
    ldp q22, q23, [sp, 528]
    ldp q20, q21, [sp, 496]
    ldp q18, q19, [sp, 464]
    ldp q16, q17, [sp, 432]
    ldp q14, q15, [sp, 400]
    ldp q12, q13, [sp, 368]
    ldp q10, q11, [sp, 336]
    ldp q8, q9, [sp, 304]
    ldp q6, q7, [sp, 272]
    ldp q4, q5, [sp, 240]
    ldp q2, q3, [sp, 208]
    ldp q0, q1, [sp, 176]
    ldp x18, x30, [sp, 160]
    ldp x16, x17, [sp, 144]
    ldp x14, x15, [sp, 128]
    ldp x12, x13, [sp, 112]
    ldp x10, x11, [sp, 96]
    ldp x8, x9, [sp, 80]
    ldp x6, x7, [sp, 64]
    ldp x4, x5, [sp, 48]
    ldp x2, x3, [sp, 32]
    ldp x0, x1, [sp, 16]
    add sp, sp, 688
    .pushsection .rodata
.Llkmc_file\@:
    .asciz "\file"
    .popsection
.endm

.macro lkmc_assert_fail_here line, file
    mov x0, \line
    adrp x1, .Llkmc_file\@
    add x1, x1, :lo12:.Llkmc_file\@
    bl lkmc_assert_fail_asm
    .pushsection .rodata
.Llkmc_file\@:
    .asciz "\file"
    .popsection
.endm

#elif defined(__arm__)

/* Works in both ARM (A32) and Thumb-2 state. Constants are built with
 * movw/movt (ARMv7), so no literal pool is needed, and the failure paths are
 * out of line (section .text.lkmc_fail) so that the checks stay small and
 * nearby adr targets stay in range. */
.syntax unified
/* NEON and 32 double registers, as on every arm CPU lkmc emulates. */
.fpu neon

.macro lkmc_global name
    .text
    .global \name
    .type \name, %function
\name:
.endm

.macro lkmc_prologue
    lkmc_global main
    /* 10 registers: sp stays 8-byte aligned as the AAPCS requires. */
    push {r4-r12, lr}
    vpush {d8-d15}
.endm

.macro lkmc_epilogue
    vpop {d8-d15}
    mov r0, #0
    pop {r4-r12, pc}
.endm

.macro lkmc_assert_eq reg, imm, line, file
    .ifc \reg, r12
    push {r11}
    movw r11, #:lower16:\imm
    movt r11, #:upper16:\imm
    cmp \reg, r11
    pop {r11}
    .else
    .ifc \reg, ip
    push {r11}
    movw r11, #:lower16:\imm
    movt r11, #:upper16:\imm
    cmp \reg, r11
    pop {r11}
    .else
    push {r12}
    movw r12, #:lower16:\imm
    movt r12, #:upper16:\imm
    cmp \reg, r12
    pop {r12}
    .endif
    .endif
    bne .Llkmc_fail\@
    .pushsection .text.lkmc_fail, "ax", %progbits
.Llkmc_fail\@:
    mov r0, \reg
    movw r1, #:lower16:\imm
    movt r1, #:upper16:\imm
    movw r2, #\line
    adr r3, .Llkmc_file\@
    mov r4, sp
    bic r4, r4, #7
    mov sp, r4
    bl lkmc_assert_eq_fail_asm
.Llkmc_file\@:
    .asciz "\file"
    .balign 4
    .popsection
.endm

/* Saves r0-r3, r12, lr and d0-d7, d16-d31 (the caller-saved VFP/NEON
 * registers) around the call into C, so that only the flags change. The work
 * is done by an out-of-line stub. */
.macro lkmc_assert_memcmp ra, rb, size, line, file
    push {\rb}
    push {\ra}
    push {lr}
    bl .Llkmc_stub\@
    pop {lr}
    add sp, sp, #8
    .pushsection .text.lkmc_fail, "ax", %progbits
.Llkmc_stub\@:
    push {r0-r3, r12, lr}
    vpush {d0-d7}
    vpush {d16-d31}
    /* r4 is callee-saved: use it to realign sp to 8 for the call. */
    push {r4, r5}
    mov r4, sp
    bic r5, r4, #7
    mov sp, r5
    /* ra and rb are above: 8 (r4, r5) + 192 (d) + 24 (r0-r3, r12, lr)
     * + 4 (the caller's lr). */
    ldr r0, [r4, #228]
    ldr r1, [r4, #232]
    movw r2, #:lower16:\size
    movt r2, #:upper16:\size
    movw r3, #\line
    adr r12, .Llkmc_file\@
    /* Fifth argument on the stack, keeping sp 8-byte aligned. */
    push {r12, lr}
    bl lkmc_assert_memcmp_asm
    mov sp, r4
    pop {r4, r5}
    vpop {d16-d31}
    vpop {d0-d7}
    pop {r0-r3, r12, lr}
    bx lr
.Llkmc_file\@:
    .asciz "\file"
    .balign 4
    .popsection
.endm

.macro lkmc_assert_fail_here line, file
    b .Llkmc_fail\@
    .pushsection .text.lkmc_fail, "ax", %progbits
.Llkmc_fail\@:
    movw r0, #\line
    adr r1, .Llkmc_file\@
    mov r4, sp
    bic r4, r4, #7
    mov sp, r4
    bl lkmc_assert_fail_asm
.Llkmc_file\@:
    .asciz "\file"
    .balign 4
    .popsection
.endm

/* LKMC_ADR(reg, sym): the address of any symbol (also in .data or .bss)
 * without an absolute address, as GCC does for PIC code: a literal holding
 * the distance from the add, plus pc. ARM (A32) state only: there pc reads
 * as the address of the instruction + 8 (+ 4 in Thumb). */
#define LKMC_ADR(reg, sym) lkmc_adr reg, sym
.macro lkmc_adr reg, sym
    ldr \reg, .Llkmc_off\@
.Llkmc_pc\@:
    add \reg, pc, \reg
    b .Llkmc_end\@
.Llkmc_off\@:
    .word \sym - (.Llkmc_pc\@ + 8)
.Llkmc_end\@:
.endm

#endif /* arch */

#else /* C and C++ */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

__attribute__((noreturn, format(printf, 3, 4)))
void lkmc_fail(const char *file, int line, const char *fmt, ...);
__attribute__((noreturn))
void lkmc_assert_fail(const char *file, int line, const char *expr);
__attribute__((noreturn))
void lkmc_assert_eq_fail(const char *file, int line, const char *op,
        const char *a_expr, const char *b_expr, intmax_t a, intmax_t b);
__attribute__((noreturn))
void lkmc_assert_streq_fail(const char *file, int line,
        const char *a_expr, const char *b_expr, const char *a, const char *b);
__attribute__((noreturn))
void lkmc_assert_memeq_fail(const char *file, int line,
        const char *a_expr, const char *b_expr, const void *a, const void *b, size_t n);
__attribute__((noreturn))
void lkmc_assert_near_fail(const char *file, int line,
        const char *a_expr, const char *b_expr, double a, double b, double eps);
__attribute__((noreturn))
void lkmc_sys_fail(const char *file, int line, const char *expr);

/* Called from the assembly macros. */
extern uint64_t lkmc_assert_seen;
extern uint64_t lkmc_assert_expected;
__attribute__((noreturn))
void lkmc_assert_eq_fail_asm(unsigned long seen, unsigned long expected,
        unsigned long line, const char *file);
void lkmc_assert_memcmp_asm(const void *a, const void *b, unsigned long size,
        unsigned long line, const char *file);
__attribute__((noreturn))
void lkmc_assert_fail_asm(unsigned long line, const char *file);

/* Helpers for the calling convention examples: C functions that assembly
 * calls. lkmc_sum10 returns 1*a1 + 2*a2 + ... + 10*a10, so argument order
 * matters; lkmc_add2 returns a + b and counts its calls. */
long lkmc_sum10(long a1, long a2, long a3, long a4, long a5,
        long a6, long a7, long a8, long a9, long a10);
long lkmc_add2(long a, long b);
extern long lkmc_add2_calls;

/* Busy-wait helper: spins for about n iterations without being optimized out. */
void lkmc_busy_loop(unsigned long n);

#ifdef __cplusplus
}
#endif

#define LKMC_FAIL(...) lkmc_fail(__FILE__, __LINE__, __VA_ARGS__)

/* Variadic so that conditions with unparenthesized commas (templates) work. */
#define LKMC_ASSERT(...) do { \
    if (!(__VA_ARGS__)) lkmc_assert_fail(__FILE__, __LINE__, #__VA_ARGS__); \
} while (0)

#define LKMC_ASSERT_EQ(a, b) do { \
    intmax_t lkmc_a_ = (intmax_t)(a), lkmc_b_ = (intmax_t)(b); \
    if (lkmc_a_ != lkmc_b_) \
        lkmc_assert_eq_fail(__FILE__, __LINE__, "==", #a, #b, lkmc_a_, lkmc_b_); \
} while (0)

#define LKMC_ASSERT_NE(a, b) do { \
    intmax_t lkmc_a_ = (intmax_t)(a), lkmc_b_ = (intmax_t)(b); \
    if (lkmc_a_ == lkmc_b_) \
        lkmc_assert_eq_fail(__FILE__, __LINE__, "!=", #a, #b, lkmc_a_, lkmc_b_); \
} while (0)

#define LKMC_ASSERT_STREQ(a, b) do { \
    const char *lkmc_a_ = (a), *lkmc_b_ = (b); \
    if (lkmc_a_ == NULL || lkmc_b_ == NULL || lkmc_strcmp_(lkmc_a_, lkmc_b_) != 0) \
        lkmc_assert_streq_fail(__FILE__, __LINE__, #a, #b, lkmc_a_, lkmc_b_); \
} while (0)

#define LKMC_ASSERT_MEMEQ(a, b, n) do { \
    const void *lkmc_a_ = (a), *lkmc_b_ = (b); \
    size_t lkmc_n_ = (n); \
    if (__builtin_memcmp(lkmc_a_, lkmc_b_, lkmc_n_) != 0) \
        lkmc_assert_memeq_fail(__FILE__, __LINE__, #a, #b, lkmc_a_, lkmc_b_, lkmc_n_); \
} while (0)

#define LKMC_ASSERT_NEAR(a, b, eps) do { \
    double lkmc_a_ = (a), lkmc_b_ = (b), lkmc_e_ = (eps); \
    double lkmc_d_ = lkmc_a_ - lkmc_b_; \
    if (!(lkmc_d_ <= lkmc_e_ && -lkmc_d_ <= lkmc_e_)) \
        lkmc_assert_near_fail(__FILE__, __LINE__, #a, #b, lkmc_a_, lkmc_b_, lkmc_e_); \
} while (0)

#define LKMC_SYS(expr) ({ \
    __typeof__(expr) lkmc_r_ = (expr); \
    if (lkmc_r_ == -1) lkmc_sys_fail(__FILE__, __LINE__, #expr); \
    lkmc_r_; \
})

static inline int lkmc_strcmp_(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return (unsigned char)*a - (unsigned char)*b;
}

#endif /* __ASSEMBLER__ */

#endif /* LKMC_H */
