#!/bin/sh
# Print the running kernel's config (CONFIG_IKCONFIG_PROC's
# /proc/config.gz); with a pattern, only the lines matching it, ignoring
# case:
#
#   ./conf.sh ikconfig
if [ $# -eq 0 ]; then
	exec zcat /proc/config.gz
fi
zcat /proc/config.gz | grep -i -- "$1"
