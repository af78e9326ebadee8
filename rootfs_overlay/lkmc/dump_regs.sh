#!/bin/sh
# Test of dump_regs.ko: the registers of this arch are printed, and the
# kernel runs at its privileged level.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./dump_regs.ko
rmmod dump_regs
case $(uname -m) in
x86_64)
	regs='cs rflags cr0 cr3 cr4 efer gdtr idtr'
	dmesg | grep -q 'dump_regs: privilege: CPL 0 ' || fail "not at CPL 0"
	dmesg | grep -q 'dump_regs: cr0 = .*(PE = 1 PG = 1)' || fail "cr0: protection or paging off"
	dmesg | grep -q 'dump_regs: efer = .*(LMA = 1)' || fail "efer: long mode not active";;
aarch64)
	regs='MIDR_EL1 MPIDR_EL1 SCTLR_EL1 TCR_EL1 TTBR0_EL1 TTBR1_EL1 VBAR_EL1'
	dmesg | grep -q 'dump_regs: privilege: EL[12] ' || fail "not at EL1 or EL2"
	dmesg | grep -q 'dump_regs: SCTLR_EL1 = .*(M = 1)' || fail "SCTLR_EL1: MMU off";;
arm*)
	regs='CPSR MIDR MPIDR SCTLR TTBR0 TTBR1 TTBCR DACR VBAR'
	dmesg | grep -q 'dump_regs: privilege: SVC mode' || fail "not in SVC mode"
	dmesg | grep -q 'dump_regs: SCTLR = .*(M = 1)' || fail "SCTLR: MMU off";;
*)
	fail "no expectations for $(uname -m)";;
esac
for r in $regs; do
	dmesg | grep -q "dump_regs: $r .*= 0x" || fail "$r not printed"
done
