#!/bin/bash
# poolsvc (Python) for ~20 s: its status lines, and the whole ls -l of its fds.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . /tmp/acc246/common.sh; closefds
W=/tmp/acc246/w6; rm -rf $W; mkdir -p $W; cd $W
python3 -u "$HERE/poolsvc.py" 19466 </dev/null >poolsvc.log 2>&1 &
PID=$!
sleep 20
{ fence; p "tail -n 8 $W/poolsvc.log"; p "ls -l /proc/$PID/fd"; fence; } > "$HERE/transcript.md"
kill $PID; wait
echo "poolsvc pid $PID"
