#!/bin/bash
# gatewayd (Go), ~20 s of steady calls: its slog text log's tail and its /proc/PID/limits. No listing.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . /tmp/acc246/common.sh; closefds
W=/tmp/acc246/w8; rm -rf $W; mkdir -p $W; cd $W
(cd "$HERE" && GOCACHE=/tmp/acc246/gocache GO111MODULE=off go build -o $W/gatewayd gatewayd.go)
prlimit --nofile=1024:4096 ./gatewayd </dev/null >gatewayd.log 2>&1 &
PID=$!
sleep 20
{ fence; p "tail -n 6 $W/gatewayd.log"; p "cat /proc/$PID/limits"; fence; } > "$HERE/transcript.md"
kill $PID; wait
echo "gatewayd pid $PID"
