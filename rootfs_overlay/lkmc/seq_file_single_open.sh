#!/bin/sh
# Test of seq_file_single_open.ko: the file holds "ab" and "cd".
fail() { echo "FAIL: $*"; exit 1; }
f=/sys/kernel/debug/lkmc_seq_file_single_open
insmod ./seq_file_single_open.ko
v=$(cat $f | tr '\n' ' ')
w=$(dd if=$f bs=1 skip=3 2>/dev/null | tr '\n' ' ')
rmmod seq_file_single_open
[ "$v" = "ab cd " ] || fail "contents '$v', expected 'ab cd '"
[ "$w" = "cd " ] || fail "from offset 3: '$w', expected 'cd '"
