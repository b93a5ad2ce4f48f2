#!/bin/bash
# Captures case c-thumbd-four-threads-open-close-healthy: run as root; needs gcc, strace.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r257/w6; mkdir -p $W; cd $W
gcc -O1 -Wall -pthread -o thumbd "$HERE/thumbd.c"
./thumbd </dev/null >/dev/null 2>&1 & P=$!
sleep 3
T=$W/transcript.md; open_fence
run "ps -T -p $P"
run "ls /proc/$P/fd | wc -l"
run "timeout -s INT 1 strace -f -tt -p $P -e trace=openat,close"
run "ls /proc/$P/fd | wc -l"
run "ls -l /proc/$P/fd"
run "grep 'Max open files' /proc/$P/limits"
close_fence
kill $P
