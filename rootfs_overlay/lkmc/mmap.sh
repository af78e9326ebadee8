#!/bin/sh
# Test of mmap.ko: the userland half checks that the mapping and read/write
# see the same page.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./mmap.ko
trap 'rmmod mmap' EXIT
./kernel_modules/mmap.out || fail "mmap.out failed"
dmesg | grep -q 'mmap: mmap vm_start = ' || fail "mmap() was not called"
dmesg | grep -q 'mmap: release$' || fail "release() was not called"
