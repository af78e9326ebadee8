/* simd.S: Advanced SIMD (NEON) in assembly, in a main written in assembly.
 *
 * The 32 SIMD&FP registers v0-v31 are 128 bits wide; an arrangement
 * specifier says how an instruction splits them into lanes (.4s: four 32-bit
 * lanes, .16b: sixteen bytes). Vector instructions work on all lanes at once;
 * "across lanes" ones like addv reduce them to a scalar. None of this would
 * run if start.S had not set CPACR_EL1.FPEN: every SIMD instruction would
 * trap with ESR_EL1.EC 0x07.
 *
 * main follows the AAPCS64: return value in w0, x29/x30 saved since it
 * calls C (puts, printf), and v8-v15 (whose low 64 bits are callee-saved)
 * are not used. It returns 0 when every lane holds what it should, else the
 * number (1-3) of the first failing check. */

.text
.global main
main:
    /* x19 is callee-saved: save it to keep the failure number across the
     * printf call. 32 bytes keep sp 16-byte aligned. */
    stp x29, x30, [sp, #-32]!
    mov x29, sp
    str x19, [sp, #16]

    /* adrp + :lo12: reaches any symbol within 4 GiB, in any section. */
    adrp x0, a
    add x0, x0, :lo12:a
    adrp x1, b
    add x1, x1, :lo12:b
    ld1 {v0.4s}, [x0]
    ld1 {v1.4s}, [x1]
    /* Lane by lane: {1, 2, 3, 4} + {10, 20, 30, 40} */
    add v2.4s, v0.4s, v1.4s
    /* then times {1, 2, 3, 4}: {11, 44, 99, 176} */
    mul v3.4s, v2.4s, v0.4s

    /* 1: the whole vector against the expected one, lane by lane. */
    mov w0, #1
    adrp x2, expected
    add x2, x2, :lo12:expected
    ld1 {v4.4s}, [x2]
    cmeq v5.4s, v3.4s, v4.4s
    /* All lanes equal: every bit of v5 set. */
    uminv s6, v5.4s
    fmov w3, s6
    cmn w3, #1
    b.ne 1f

    /* 2: the sum of the lanes, 11 + 44 + 99 + 176 = 330. */
    mov w0, #2
    addv s7, v3.4s
    fmov w3, s7
    cmp w3, #330
    b.ne 1f

    /* 3: a single lane moved to a general register. */
    mov w0, #3
    umov w3, v3.s[3]
    cmp w3, #176
    b.ne 1f

    /* Calling C from assembly: argument in x0; bl overwrites x30, and the
     * callee may change x0-x18 and v0-v7, v16-v31. */
    adrp x0, ok_message
    add x0, x0, :lo12:ok_message
    bl puts
    mov w0, #0
    b 2f
1:
    mov w19, w0
    adrp x0, fail_message
    add x0, x0, :lo12:fail_message
    mov w1, w19
    bl printf
    mov w0, w19
2:
    ldr x19, [sp, #16]
    ldp x29, x30, [sp], #32
    ret

.section .rodata
.balign 16
a:
    .word 1, 2, 3, 4
b:
    .word 10, 20, 30, 40
expected:
    .word 11, 44, 99, 176
fail_message:
    .asciz "simd: check %d failed\n"
ok_message:
    .asciz "simd: {1, 2, 3, 4} + {10, 20, 30, 40}, times {1, 2, 3, 4}: {11, 44, 99, 176}, sum 330"
