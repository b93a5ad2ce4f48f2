#!/bin/bash
# healthd (Java) at its usual 4096-fd limit: its log's tail and a full ls -l of its fds.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . /tmp/acc246/common.sh; closefds
W=/tmp/acc246/w1; rm -rf $W; mkdir -p $W; cd $W
javac -d $W "$HERE/Healthd.java"
prlimit --nofile=4096:4096 java -Xmx64m -cp $W Healthd </dev/null >healthd.log 2>&1 &
PID=$!
sleep 25
{ fence; p "tail -n 6 $W/healthd.log"; p "ls -l /proc/$PID/fd"; fence; } > "$HERE/transcript.md"
kill $PID; wait
echo "healthd pid $PID"
