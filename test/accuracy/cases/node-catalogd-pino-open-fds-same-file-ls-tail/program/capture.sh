#!/bin/bash
# catalogd (Node) at a 4096-fd limit, a request every ~40 ms for ~25 s: its log's tail and the tail of ls -l of its fds.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . /tmp/acc246/common.sh; closefds
W=/tmp/acc246/w3; rm -rf $W; mkdir -p $W; cd $W
prlimit --nofile=4096:4096 node "$HERE/catalogd.js" $W/catalog.json 19463 </dev/null >catalogd.log 2>&1 &
PID=$!
sleep 1
( for i in $(seq 1 600); do curl -s localhost:19463/ >/dev/null; sleep 0.04; done ) &
LOAD=$!
sleep 25
{ fence; p "tail -n 6 $W/catalogd.log"; p "ls -l /proc/$PID/fd | tail -n 4"; fence; } > "$HERE/transcript.md"
kill $LOAD $PID 2>/dev/null; wait
echo "catalogd pid $PID"
