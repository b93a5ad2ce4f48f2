#!/bin/bash
cd /tmp/r301-work/spawnr
./spawnr 2> spawnr.log & PID=$!
echo $PID > pid.txt
sleep 6
{ date; ls /proc/$PID/fd | wc -l; } > count1.txt
ls -l /proc/$PID/fd | tail > ls-tail.txt
timeout 2 strace -tt -p $PID -o strace.txt
{ date; ls /proc/$PID/fd | wc -l; } > count2.txt
cat /proc/$PID/limits > limits.txt
kill $PID; wait
