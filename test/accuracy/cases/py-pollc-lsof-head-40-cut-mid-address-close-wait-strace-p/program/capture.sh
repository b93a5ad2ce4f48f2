#!/bin/bash
cd /tmp/r301-work/pollc
python3 statusd.py & SRV=$!
sleep 0.5
python3 pollc.py > pollc.log 2>&1 & PID=$!
echo $PID > pid.txt
sleep 9
lsof -p $PID | head -40 > lsof-head.txt
lsof -p $PID | grep -c CLOSE_WAIT > grep-c.txt
cat /proc/$PID/limits > limits.txt
timeout 2 strace -tt -p $PID -e trace=desc,network -o strace.txt
sleep 0.2
kill $PID $SRV; wait
