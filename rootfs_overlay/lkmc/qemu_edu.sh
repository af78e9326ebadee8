#!/bin/sh
# Test of qemu_edu.ko (x86_64, QEMU started with -device edu): probe()
# checks the device's registers and gets an interrupt from it.
# Not run by lkmc test yet (see configs/kernel_modules.toml); by hand:
#   lkmc run --eval 'cd /mnt/9p/out_rootfs_overlay/lkmc && sh /mnt/9p/rootfs_overlay/lkmc/qemu_edu.sh' -- -device edu
fail() { echo "FAIL: $*"; exit 1; }
grep -q 0x11e8 /sys/bus/pci/devices/*/device || fail "no edu device (1234:11e8): start QEMU with -device edu"
insmod ./qemu_edu.ko
trap 'rmmod qemu_edu' EXIT
[ -n "$(ls /sys/bus/pci/drivers/lkmc_qemu_edu/ | grep ':')" ] || fail "the driver is bound to no device"
for line in 'identification = 0x010000ed' 'liveness: wrote 0x12345678 read 0xedcba987' \
	'factorial 5! = 120' 'probed, irq'; do
	dmesg | grep -q "lkmc_qemu_edu .*: $line" || fail "no '$line' in dmesg"
done
dmesg | grep -q 'qemu_edu: interrupt: irq = [0-9]* status = 0x1$' || fail "no interrupt"
