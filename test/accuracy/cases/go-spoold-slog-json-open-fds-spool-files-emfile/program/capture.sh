#!/bin/bash
# spoold (Go) under a 256-fd limit: its slog JSON log's tail once it ran out, and the tail of ls -l of its fds.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . /tmp/acc246/common.sh; closefds
W=/tmp/acc246/w7; rm -rf $W; mkdir -p $W; cd $W
(cd "$HERE" && GOCACHE=/tmp/acc246/gocache GO111MODULE=off go build -o $W/spoold spoold.go)
prlimit --nofile=256:256 ./spoold $W/spool </dev/null >spoold.log 2>&1 &
PID=$!
sleep 25
{ fence; p "grep -m3 ERROR $W/spoold.log; grep stats $W/spoold.log | tail -n 5"; p "ls -l /proc/$PID/fd | tail -n 4"; fence; } > "$HERE/transcript.md"
kill $PID; wait
echo "spoold pid $PID"
