#!/bin/bash
# pricesvc (Node), steady traffic for ~20 s: its log's tail, the whole ls -l of its fds, its limits' open-files row.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . /tmp/acc246/common.sh; closefds
W=/tmp/acc246/w4; rm -rf $W; mkdir -p $W; cd $W
prlimit --nofile=1024:4096 node "$HERE/pricesvc.js" 19464 </dev/null >pricesvc.log 2>&1 &
PID=$!
sleep 1
( for i in $(seq 1 400); do curl -s localhost:19464/ >/dev/null; sleep 0.05; done ) &
LOAD=$!
sleep 20
{ fence; p "tail -n 5 $W/pricesvc.log"; p "ls -l /proc/$PID/fd"; p "grep 'open files' /proc/$PID/limits"; fence; } > "$HERE/transcript.md"
kill $LOAD $PID 2>/dev/null; wait
echo "pricesvc pid $PID"
