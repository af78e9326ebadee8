#!/bin/sh
# gem5: take a checkpoint here, then run what the host's readfile says.
#
# Boot once, on the fast atomic CPU, with this as the job:
#   lkmc run --arch aarch64 --emulator gem5 --eval /lkmc/gem5.sh
# then restore as often as you like, each time with another command and,
# if you want, a detailed CPU:
#   lkmc run --arch aarch64 --emulator gem5 --gem5-restore 1 \
#     --cpu-type o3 --caches --eval 'm5 resetstats; ./c/hello.out; m5 dumpstats'
# The restored guest goes on from the checkpoint below: `m5 readfile` then
# reads the readfile of the run that restored it (--gem5-readfile, or its
# --eval), which the kernel command line could not carry.
m5 checkpoint
m5 readfile > /tmp/lkmc_readfile.sh
sh /tmp/lkmc_readfile.sh
