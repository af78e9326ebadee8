#!/bin/sh
# Test of schedule.ko (schedule=1): a busy kernel thread that calls
# schedule() leaves the CPU to the shell, which keeps running.
fail() { echo "FAIL: $*"; exit 1; }
# wait_dmesg PATTERN SECONDS, delay SECONDS: see test_lib.sh.
. "$(dirname "$0")/test_lib.sh"
insmod ./schedule.ko
# The thread prints once a second; meanwhile this shell must get the CPU too.
wait_dmesg 'schedule: turns = [0-9]' 10 || { rmmod schedule; fail "the thread did not print its turns within 10 s"; }
i=0
while [ $i -lt 1000 ]; do i=$((i + 1)); done
rmmod schedule
