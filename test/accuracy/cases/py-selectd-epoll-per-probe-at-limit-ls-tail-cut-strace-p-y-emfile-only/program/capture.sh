#!/bin/bash
cd /tmp/r301-work/selectd
rm -f selectd.log
ulimit -n 256
python3 selectd.py > /dev/null 2>&1 10<&- 251>&- & PID=$!
echo $PID > pid.txt
sleep 7
ls -l /proc/$PID/fd | tail > ls-tail.txt
ls /proc/$PID/fd | wc -l > count.txt
cat /proc/$PID/limits > limits.txt
timeout 2 strace -tt -y -p $PID -o strace.txt
tail -4 selectd.log > log-tail.txt
kill $PID; wait
