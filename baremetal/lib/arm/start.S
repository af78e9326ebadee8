/* Entry point of every arm (ARMv7-A) baremetal image, and its exception
 * vectors.
 *
 * QEMU's -kernel jumps to _start on CPU 0 in SVC mode with the MMU and caches
 * off; the other CPUs stay powered off until PSCI CPU_ON starts them.
 * picolibc.ld puts .text.init.enter first in the image. */

.syntax unified
.arch armv7-a
.fpu neon-vfpv4
.arm

.section .text.init.enter, "ax"
.global _start
_start:
    ldr sp, =__stack
    /* Coprocessors 10 and 11 (VFP and NEON) accessible from every mode,
     * then FPEXC.EN: gcc uses VFP registers for plain C code. */
    mrc p15, 0, r0, c1, c0, 2
    orr r0, r0, #(0xf << 20)
    mcr p15, 0, r0, c1, c0, 2
    isb
    mov r0, #0x40000000
    vmsr fpexc, r0
    ldr r0, =lkmc_vector_table
    mcr p15, 0, r0, c12, c0, 0 /* VBAR */
    isb
    /* Clear .bss one byte at a time: until the MMU is on, RAM is
     * Strongly-ordered memory, where any unaligned access faults. The page
     * table lives in .bss, so this comes before it is built. */
    ldr r0, =__bss_start
    ldr r1, =__bss_size
    add r1, r0, r1
    mov r2, #0
2:
    cmp r0, r1
    strblo r2, [r0], #1
    blo 2b
    /* Identity map with RAM as normal cacheable memory (runtime.c). */
    bl lkmc_mmu_init
    /* Copies .data, sets up TLS, calls main, then exit(). */
    bl lkmc_cstart
1:
    wfe
    b 1b

/* The vector table (VBAR needs 32-byte alignment). Every exception is
 * handled on the SVC-mode stack: srsdb saves the return address and the
 * interrupted CPSR there, then the registers follow, which makes a struct
 * lkmc_arm_frame; lkmc_exception(frame, vector index) may change it, and
 * rfeia resumes at frame->pc with frame->cpsr. */
.section .text.lkmc_vectors, "ax"
.balign 32
.global lkmc_vector_table
lkmc_vector_table:
    b lkmc_vector_reset
    b lkmc_vector_undef
    b lkmc_vector_svc
    b lkmc_vector_prefetch_abort
    b lkmc_vector_data_abort
    b lkmc_vector_unused
    b lkmc_vector_irq
    b lkmc_vector_fiq

/* LR_ADJUST turns the mode's lr into the address to resume at: the next
 * instruction for undef, svc, irq and fiq, the faulting one for aborts. */
.macro lkmc_vector name, index, lr_adjust
lkmc_vector_\name:
    sub lr, lr, #\lr_adjust
    srsdb sp!, #0x13
    cps #0x13
    push {r0-r12, lr}
    /* r4 keeps the frame's address across the call (callee-saved). The
     * VFP/NEON registers and FPSCR go below the frame: a handler in C may
     * use them (gcc does for printf, memcpy, ...), and the interrupted code
     * must find them as it left them. */
    mov r4, sp
    vmrs r2, fpscr
    push {r2, r3}
    vpush {d16-d31}
    vpush {d0-d15}
    mov r0, r4
    mov r1, #\index
    bl lkmc_exception_entry
    vpop {d0-d15}
    vpop {d16-d31}
    pop {r2, r3}
    vmsr fpscr, r2
    pop {r0-r12, lr}
    rfeia sp!
.endm

lkmc_vector reset, 0, 0
lkmc_vector undef, 1, 0
lkmc_vector svc, 2, 0
lkmc_vector prefetch_abort, 3, 4
lkmc_vector data_abort, 4, 8
lkmc_vector unused, 5, 0
lkmc_vector irq, 6, 4
lkmc_vector fiq, 7, 4
