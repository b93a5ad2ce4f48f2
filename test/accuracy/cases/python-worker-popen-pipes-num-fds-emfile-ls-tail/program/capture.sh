#!/bin/bash
# worker (Python) under a 256-fd limit: its log's tail once it ran out, and the tail of ls -l of its fds.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . /tmp/acc246/common.sh; closefds
W=/tmp/acc246/w5; rm -rf $W; mkdir -p $W; cd $W
prlimit --nofile=256:256 python3 -u "$HERE/worker.py" </dev/null >worker.log 2>&1 &
PID=$!
sleep 18
{ fence; p "grep status $W/worker.log | tail -n 5"; p "grep -m1 -A12 'failed to start' $W/worker.log"; p "ls -l /proc/$PID/fd | tail -n 6"; fence; } > "$HERE/transcript.md"
kill $PID; wait
echo "worker pid $PID"
