#!/bin/sh
# Test of irq.ko: count interrupts on every line that accepts a shared
# handler while the virtio network card (pinging the host) and the 9P
# shares are busy. On arm and aarch64 the virtio cards use MSI, which is
# never shared, so the network card is first sent back to its legacy PCI
# line: MSI forbidden for it (msi_bus = 0) and its driver bound again.
fail() { echo "FAIL: $*"; exit 1; }
if insmod ./irq.ko 2>/dev/null; then rmmod irq; fail "insmod without irqs= succeeded"; fi

pci=/sys/bus/pci
net=$(grep -l 0x1000 $pci/devices/*/device | head -n 1)
net=${net%/device}
[ -n "$net" ] || fail "no virtio network card (1af4:1000) on the PCI bus"
rebind() {
	echo "${net##*/}" > $pci/drivers/virtio-pci/unbind
	echo "${net##*/}" > $pci/drivers/virtio-pci/bind
}
restore() {
	rmmod irq 2>/dev/null || true
	ifconfig eth0 down 2>/dev/null || true
	if [ "$(cat "$net/msi_bus")" = 0 ]; then
		echo 1 > "$net/msi_bus"
		rebind
	fi
}
trap restore EXIT
if [ -d "$net/msi_irqs" ]; then
	echo 0 > "$net/msi_bus"
	rebind
fi

# Numbered, non-MSI lines; keep those that accept a shared handler (the
# others refuse with EBUSY or EINVAL, and dmesg says why).
irqs=
for n in $(awk '$1 ~ /^[0-9]+:$/ && !/MSI/ { sub(":", "", $1); print $1 }' /proc/interrupts); do
	if insmod ./irq.ko irqs="$n" 2>/dev/null; then
		rmmod irq
		irqs="${irqs:+$irqs,}$n"
	fi
done
[ -n "$irqs" ] || fail "no interrupt line accepts a shared handler: $(cat /proc/interrupts)"
insmod ./irq.ko irqs="$irqs"
ifconfig eth0 10.0.2.15 netmask 255.255.255.0 up
ping -c 3 -W 2 10.0.2.2 > /dev/null || echo "ping 10.0.2.2 failed (interrupts may still have come)"
cat ./*.ko > /dev/null
counts=$(cat /sys/kernel/debug/lkmc_irq)
echo "irqs=$irqs counts:" $counts
grep lkmc_irq /proc/interrupts
total=$(printf '%s\n' "$counts" | awk '{ s += $2 } END { print s + 0 }')
[ "$total" -gt 0 ] || fail "no interrupt counted on lines $irqs"
dmesg | grep -q 'irq: first interrupt on irq [0-9]' || fail "no 'first interrupt' in dmesg"
