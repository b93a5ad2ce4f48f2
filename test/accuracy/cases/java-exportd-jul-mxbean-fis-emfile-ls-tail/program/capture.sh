#!/bin/bash
# exportd (Java) under a 256-fd limit: its JUL log's tail once it ran out, and the tail of its fd listing.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . /tmp/acc246/common.sh; closefds
W=/tmp/acc246/w2; rm -rf $W; mkdir -p $W; cd $W
javac -d $W "$HERE/Exportd.java"
prlimit --nofile=256:256 java -Xmx64m -cp $W Exportd $W/reports </dev/null >exportd.log 2>&1 &
PID=$!
sleep 34
{ fence; p "grep -B1 'health:' $W/exportd.log | tail -n 8"; p "grep -m1 -A3 SEVERE $W/exportd.log"; p "ls -l /proc/$PID/fd | tail -n 5"; fence; } > "$HERE/transcript.md"
kill $PID; wait
echo "exportd pid $PID"
