#!/bin/bash
# capture for tagidx: strace -o without -f, -y, desc+network; then ls -l /proc/PID/fd | tail
cd /tmp/r301-work/tagidx
ulimit -n 256
strace -o tagidx.strace -y -e trace=desc,network ./tagidx /tmp/r301-work/tagidx/tags 2> tagidx.log &
SPID=$!
sleep 4
PID=$(pgrep -x tagidx)
echo "PID=$PID" > pid.txt
ls -l /proc/$PID/fd | tail > ls-tail.txt
cat /proc/$PID/limits > limits.txt
sleep 1
kill $PID; sleep 0.3; kill $SPID 2>/dev/null
wait
