#!/bin/sh
# Print 0, 1, 2, ... one number a second, forever: something to watch
# while the guest is stopped by GDB, snapshotted or restored. On the host:
#
#   lkmc run --eval-after 'umount -a -t 9p; /lkmc/count.sh'
#   lkmc snapshot save a       # (another shell) the count goes on...
#   lkmc snapshot load a       # ...and jumps back to where it was saved
#
# Also usable as init: lkmc run --kernel-cli init=/lkmc/count.sh
i=0
while true; do
	echo "$i"
	i=$((i + 1))
	sleep 1
done
