#!/bin/sh
# Run a program under gdbserver, reachable from the host through the run's
# forwarded port. In the guest:
#
#   /lkmc/gdbserver.sh /lkmc/gdb/add.out [ARGS...]
#
# then on the host, with the same --arch and --run-id as the `lkmc run`:
#
#   lkmc gdb --gdbserver --userland userland/gdb/add.c main
#
# The guest port is fixed (lkmc forwards the run id's hostfwd_generic_port
# to it); gdbserver exits when the program does.
exec gdbserver ":${LKMC_GDBSERVER_PORT:-45455}" "$@"
