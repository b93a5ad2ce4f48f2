#!/bin/bash
# Captures case c-busd-waker-eventfd-two-pids-traced: run as root; needs gcc, python3, strace.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r257/w8; mkdir -p $W; cd $W
gcc -O1 -Wall -pthread -o busd "$HERE/busd.c"
./busd </dev/null >/dev/null 2>&1 & A=$!
python3 "$HERE/mailq.py" </dev/null >/dev/null 2>&1 & B=$!
sleep 4
T=$W/transcript.md; open_fence
run "ps -eLf | grep -E '[b]usd|[m]ailq'"
run "for p in $A $B; do echo \$p \$(ls /proc/\$p/fd | wc -l); done"
run "timeout -s INT 1 strace -f -tt -p $A -p $B -e trace=eventfd2,openat,socketpair,close"
run "for p in $A $B; do echo \$p \$(ls /proc/\$p/fd | wc -l); done"
run "ls -l /proc/$A/fd | tail -3"
close_fence
kill $A $B
