#!/bin/sh
# Test of poll.ko: poll(2) wakes up for each event; with pol0=1 it never does.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./poll.ko period_ms=200
./kernel_modules/poll.out 3 || { rmmod poll; fail "poll.out 3 failed"; }
rmmod poll
dmesg | grep -q 'poll: return EPOLLIN$' || fail "poll() never returned EPOLLIN"
dmesg | grep -q 'poll: wake_up$' || fail "the thread never woke the queue"
insmod ./poll.ko period_ms=200 pol0=1
./kernel_modules/poll.out -n || { rmmod poll; fail "poll.out -n failed with pol0=1"; }
rmmod poll
