#!/bin/sh
# Test of schedule.ko (schedule=1): a busy kernel thread that calls
# schedule() leaves the CPU to the shell, which keeps running.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./schedule.ko
# Both need the CPU while the thread spins.
sleep 2
i=0
while [ $i -lt 1000 ]; do i=$((i + 1)); done
rmmod schedule
dmesg | grep -q 'schedule: turns = [0-9]' || fail "the thread did not print its turns"
