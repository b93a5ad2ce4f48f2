#!/bin/bash
# Captures case py-mailq-three-senders-socketpairs-healthy: run as root; needs python3, strace, lsof.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r257/w7; mkdir -p $W; cd $W
python3 "$HERE/mailq.py" </dev/null >/dev/null 2>&1 & P=$!
sleep 3
T=$W/transcript.md; open_fence
run "ps -T -p $P"
run "timeout -s INT 1 strace -q -f -p $P -e trace=socketpair,close"
run "lsof -p $P"
sleep 2
run "ls /proc/$P/fd | wc -l"
run "cat /proc/$P/limits | grep files"
close_fence
kill $P
