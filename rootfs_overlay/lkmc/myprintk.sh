#!/bin/sh
# Test of myprintk.ko: each pr_<level> has its level in the raw log, and
# pr_debug can be switched off with dynamic debug, at run time and at load.
fail() { echo "FAIL: $*"; exit 1; }
insmod ./myprintk.ko
for l in '1 pr_alert' '2 pr_crit' '3 pr_err' '4 pr_warn' '5 pr_notice' '6 pr_info' '7 pr_debug'; do
	dmesg -r | grep -q "^<${l% *}>.*myprintk: ${l#* }\$" || fail "no '<${l% *}>...${l#* }' in dmesg -r"
done
control=/sys/kernel/debug/dynamic_debug/control
grep -q '\[myprintk\]myexit =p ' $control || fail "the exit pr_debug is not on in $control"
echo 'module myprintk -p' > $control
rmmod myprintk
dmesg | grep -q 'myprintk: exit$' || fail "no 'exit' pr_info"
if dmesg | grep -q 'exit pr_debug'; then
	fail "pr_debug printed after 'module myprintk -p'"
fi
dmesg -c > /dev/null
insmod ./myprintk.ko dyndbg=-p
rmmod myprintk
dmesg | grep -q 'myprintk: pr_info$' || fail "no pr_info with dyndbg=-p"
if dmesg | grep -q 'myprintk: pr_debug$'; then
	fail "pr_debug printed with dyndbg=-p"
fi
