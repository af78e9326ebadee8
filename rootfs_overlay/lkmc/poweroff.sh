#!/bin/busybox sh
# Power the guest off at once. Used as init by `lkmc run --quit-after-boot`
# (BusyBox applet links may not exist yet) and by rcS after --eval.
# On gem5 (lkmc_emulator=gem5 from the kernel command line) `m5 exit` ends
# the simulation: gem5's bootloader gives the kernel no PSCI to power off.
if [ "$lkmc_emulator" = gem5 ]; then
	exec /usr/bin/m5 exit
fi
exec /bin/busybox poweroff -f
