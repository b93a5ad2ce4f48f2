#!/bin/bash
cd /tmp/r301-work/segd
ulimit -n 1024
./segd > /dev/null 2> segd.log 10<&- 251>&- & PID=$!
echo $PID > pid.txt
sleep 1
for i in 1 2 3; do date; ls /proc/$PID/fd | wc -l; sleep 5; done > counts.txt
ls -l /proc/$PID/fd > ls-full.txt
cat /proc/$PID/limits > limits.txt
kill $PID; wait
