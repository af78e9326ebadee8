#!/bin/sh
# Test of virt_to_phys.ko: both physical addresses are right (the value is
# read back through a second mapping), kmalloc memory is in the linear map
# and module variables are not.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./virt_to_phys.ko
v=$(cat /sys/kernel/debug/lkmc_virt_to_phys)
rmmod virt_to_phys
printf '%s\n' "$v"
for name in kmalloc_ptr '&static_var'; do
	printf '%s\n' "$v" | grep -q "^$name read through another mapping of 0x[0-9a-f]* = 0x12345678 ok\$" ||
		fail "$name: not read back through its physical address"
done
printf '%s\n' "$v" | grep -q '^kmalloc_ptr = .* (linear map)$' || fail "kmalloc_ptr not in the linear map"
printf '%s\n' "$v" | grep -q '^&static_var = .* (not linear map)$' || fail "&static_var in the linear map"
dmesg | grep -q 'virt_to_phys: kmalloc_ptr physical = 0x' || fail "nothing printed at init"
