#!/bin/sh
# Test of netlink.ko: the userland half sends a message and checks the
# answer; then four senders at once with sleep=1 must all be answered.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./netlink.ko
trap 'rmmod netlink' EXIT
./kernel_modules/netlink.out hello || fail "netlink.out hello failed"
dmesg | grep -q 'netlink: from port [0-9]*: hello' || fail "the module did not print the message"
echo 1 > /sys/module/netlink/parameters/sleep
pids=
for i in 1 2 3 4; do
	./kernel_modules/netlink.out "sender $i" & pids="$pids $!"
done
for pid in $pids; do
	wait "$pid" || fail "a concurrent netlink.out failed"
done
