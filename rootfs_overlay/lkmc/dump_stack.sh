#!/bin/sh
# Test of dump_stack.ko: a stack trace through myinit, and execution goes on.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./dump_stack.ko
rmmod dump_stack
dmesg | grep -q 'dump_stack: before dump_stack$' || fail "no 'before dump_stack'"
dmesg | grep -q 'myinit+0x[0-9a-f]*/0x[0-9a-f]* \[dump_stack\]' || fail "myinit [dump_stack] not in the trace"
dmesg | grep -q 'do_init_module' || fail "do_init_module not in the trace"
dmesg | grep -q 'dump_stack: after dump_stack$' || fail "no 'after dump_stack'"
