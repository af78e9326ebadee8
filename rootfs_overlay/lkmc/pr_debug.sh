#!/bin/sh
# Turn on pr_debug() messages with dynamic debug, and show them on the
# console. Default: the kernel's module loader (kernel/module/, or
# kernel/module.c before Linux 5.19), which then logs every insmod. Give a
# dynamic debug query to pick others, e.g.
#
#   ./pr_debug.sh 'module myprintk +p'
#
# See /sys/kernel/debug/dynamic_debug/control for what can be enabled.
set -e
control=/sys/kernel/debug/dynamic_debug/control
[ -e "$control" ] || mount -t debugfs debugfs /sys/kernel/debug
# Console log level 8: debug messages reach the console too.
echo 8 > /proc/sys/kernel/printk
if [ $# -gt 0 ]; then
	echo "$*" > "$control"
elif grep -q '^kernel/module/' "$control"; then
	echo 'file kernel/module/* +p' > "$control"
else
	echo 'file kernel/module.c +p' > "$control"
fi
# The kernel takes a query that matches nothing without a word.
grep -q ' =p' "$control" || { echo "pr_debug.sh: the query enabled no pr_debug" >&2; exit 1; }
