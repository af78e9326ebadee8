#!/bin/sh
# Test of irq.ko: count the interrupts of the shared virtio lines (the disk,
# the network and the 9P shares) while reading files over 9P.
fail() { echo "FAIL: $*"; exit 1; }
if insmod ./irq.ko 2>/dev/null; then rmmod irq; fail "insmod without irqs= succeeded"; fi
# Lines of virtio devices that are not MSI: level-triggered, shareable.
irqs=$(awk '/virtio/ && !/MSI/ { sub(":", "", $1); print $1 }' /proc/interrupts | tr '\n' , | sed 's/,$//')
[ -n "$irqs" ] || fail "no shared virtio interrupt line in /proc/interrupts: $(cat /proc/interrupts)"
insmod ./irq.ko irqs="$irqs"
trap 'rmmod irq' EXIT
# 9P traffic: each request and reply is a virtio interrupt.
cat ./*.ko > /dev/null
ls -lR /mnt/9p/rootfs_overlay > /dev/null
counts=$(cat /sys/kernel/debug/lkmc_irq)
echo "irqs=$irqs counts: $counts"
total=$(printf '%s\n' "$counts" | awk '{ s += $2 } END { print s + 0 }')
[ "$total" -gt 0 ] || fail "no interrupt counted on lines $irqs"
grep -q lkmc_irq /proc/interrupts || fail "lkmc_irq not in /proc/interrupts"
dmesg | grep -q 'irq: first interrupt on irq [0-9]' || fail "no 'first interrupt' in dmesg"
