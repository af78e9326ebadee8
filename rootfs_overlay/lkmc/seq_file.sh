#!/bin/sh
# Test of seq_file.ko: the numbers 0 to max - 1, whole and in small reads.
fail() { echo "FAIL: $*"; exit 1; }
f=/sys/kernel/debug/lkmc_seq_file
insmod ./seq_file.ko max=5
trap 'rmmod seq_file' EXIT
v=$(cat $f | tr '\n' ' ')
[ "$v" = "0 1 2 3 4 " ] || fail "contents '$v', expected '0 1 2 3 4 '"
v=$(dd if=$f bs=1 2>/dev/null | tr '\n' ' ')
[ "$v" = "0 1 2 3 4 " ] || fail "read 1 byte at a time: '$v'"
v=$(dd if=$f bs=1 skip=4 count=3 2>/dev/null | tr '\n' ' ')
[ "$v" = "2 3" ] || fail "3 bytes at offset 4: '$v', expected '2 3'"
echo 1000 > /sys/module/seq_file/parameters/max
n=$(wc -l < $f)
[ "$n" = 1000 ] || fail "max=1000 gave $n lines"
[ "$(tail -n 1 $f)" = 999 ] || fail "the last of 1000 lines is not 999"
dmesg | grep -q 'seq_file: start pos = 0$' || fail "start() not called at position 0"
