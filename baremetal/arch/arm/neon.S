/* neon.S: Advanced SIMD (NEON) in assembly, in a main written in assembly.
 *
 * NEON shares its register file with VFP: 32 64-bit d registers, whose
 * pairs are also seen as 16 128-bit q registers (q1 is d2 and d3). The data
 * type suffix says how an instruction splits them into lanes (.i32: 32-bit
 * integers, four per q register). Vector instructions work on all lanes at
 * once; there is no across-lanes sum as on AArch64, but pairwise adds
 * (vpadd) get there in two steps. None of this would run if start.S had not
 * given PL0 and PL1 access to coprocessors 10 and 11 in CPACR and set
 * FPEXC.EN: every NEON instruction would be undefined.
 *
 * main follows the AAPCS: return value in r0; r4 and lr are saved (r4
 * keeps the failure number across printf; an even count of registers keeps
 * sp 8-byte aligned); d8-d15 are callee-saved and not used. It returns 0
 * when every lane holds what it should, else the number (1-3) of the first
 * failing check. */

.syntax unified
.arch armv7-a
.fpu neon-vfpv4
.arm

.text
.global main
main:
    push {r4, lr}

    /* ldr rN, =symbol: the address from a literal pool placed after the
     * code, which reaches any symbol. */
    ldr r0, =a
    ldr r1, =b
    vld1.32 {q0}, [r0]
    vld1.32 {q1}, [r1]
    /* Lane by lane: {1, 2, 3, 4} + {10, 20, 30, 40} */
    vadd.i32 q2, q0, q1
    /* then times {1, 2, 3, 4}: {11, 44, 99, 176} */
    vmul.i32 q3, q2, q0

    /* 1: the whole vector against the expected one, lane by lane. */
    mov r4, #1
    ldr r2, =expected
    vld1.32 {q1}, [r2]
    vceq.i32 q1, q3, q1
    /* All lanes equal: every bit of q1 (d2 and d3) set. */
    vand d2, d2, d3
    vmov r0, r1, d2
    and r0, r0, r1
    cmn r0, #1
    bne 1f

    /* 2: the sum of the lanes, 11 + 44 + 99 + 176 = 330: pairwise adds
     * {11 + 44, 99 + 176}, then {55 + 275, ...}. */
    mov r4, #2
    vpadd.i32 d4, d6, d7
    vpadd.i32 d4, d4, d4
    vmov.32 r0, d4[0]
    /* 330 does not fit an ARM immediate (8 bits rotated by an even
     * amount): movw takes any 16 bits. */
    movw r1, #330
    cmp r0, r1
    bne 1f

    /* 3: a single lane, the last one of q3 (lane 1 of d7), to r0. */
    mov r4, #3
    vmov.32 r0, d7[1]
    cmp r0, #176
    bne 1f

    /* Calling C from assembly: argument in r0; bl overwrites lr, and the
     * callee may change r0-r3, r12 and d0-d7, d16-d31. */
    ldr r0, =ok_message
    bl puts
    mov r0, #0
    pop {r4, pc}
1:
    ldr r0, =fail_message
    mov r1, r4
    bl printf
    mov r0, r4
    pop {r4, pc}

.section .rodata
.balign 16
a:
    .word 1, 2, 3, 4
b:
    .word 10, 20, 30, 40
expected:
    .word 11, 44, 99, 176
fail_message:
    .asciz "neon: check %d failed\n"
ok_message:
    .asciz "neon: {1, 2, 3, 4} + {10, 20, 30, 40}, times {1, 2, 3, 4}: {11, 44, 99, 176}, sum 330"
