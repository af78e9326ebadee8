#!/bin/sh
# Stop the kernel and hand it to KGDB (or KDB), as the sysrq key g does.
# Boot with `lkmc run --kgdb` (x86_64) and attach with `lkmc gdb --kgdb`;
# GDB's `continue` gives the guest back, and this script can stop it again.
set -e
echo g > /proc/sysrq-trigger
