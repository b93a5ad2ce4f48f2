#!/bin/bash
cd /tmp/r301-work/thumbq
python3 thumbq.py > thumbq.log 2>&1 10<&- 251>&- & PID=$!
echo $PID > pid.txt
sleep 3
for i in 1 2 3; do date; ls /proc/$PID/fd | wc -l; sleep 3; done > counts.txt
ls -l /proc/$PID/fd | head -20 > ls-head.txt
ls /proc/$PID/task | tr '\n' ' ' > tasks.txt
timeout 2 strace -tt -p $PID -o strace.txt
cat /proc/$PID/limits > limits.txt
kill $PID; wait
