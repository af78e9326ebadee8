#!/bin/busybox sh
# Used as init by `lkmc run --quit-after-boot`: power off as soon as the
# kernel hands over to userland. BusyBox applet links may not exist yet.
exec /bin/busybox poweroff -f
