#!/bin/sh
# Test of ring0.ko (x86_64): the module reads CR0/CR2/CR3; the same code in
# userland gets SIGSEGV.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./ring0.ko
rmmod ring0
dmesg | grep -q 'ring0: cr0 = 0x[0-9a-f]* PE = 1 PG = 1$' || fail "cr0 not printed, or PE/PG off"
dmesg | grep -q 'ring0: cr2 = 0x' || fail "cr2 not printed"
dmesg | grep -q 'ring0: cr3 = 0x' || fail "cr3 not printed"
./kernel_modules/ring0.out || fail "ring0.out: the userland read was not refused with SIGSEGV"
