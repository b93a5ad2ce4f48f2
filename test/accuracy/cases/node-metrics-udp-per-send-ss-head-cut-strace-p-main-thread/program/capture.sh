#!/bin/bash
cd /tmp/r301-work/statsd
node metrics.js > metrics.log 2>&1 & PID=$!
echo $PID > pid.txt
sleep 5
ls /proc/$PID/fd | wc -l > count1.txt
ss -uanp | head -20 > ss-head.txt
ss -uanp | grep -c "pid=$PID," > ss-c.txt
timeout 1 strace -tt -p $PID -e trace=desc,network -o strace.txt
ls /proc/$PID/fd | wc -l > count2.txt
cat /proc/$PID/limits > limits.txt
kill $PID; wait
