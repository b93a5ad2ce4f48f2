#!/bin/bash
cd /tmp/r301-work/echod
python3 kvd.py > kvd.log 2>&1 10<&- 251>&- & PID=$!
echo $PID > pid.txt
sleep 0.5
./client.sh & CL=$!
sleep 2
{ date; ls /proc/$PID/fd | wc -l; } > count1.txt
timeout 2 strace -tt -p $PID -e trace=desc,network -o strace.txt
{ date; ls /proc/$PID/fd | wc -l; } > count2.txt
ls -l /proc/$PID/fd > ls-full.txt
cat /proc/$PID/limits > limits.txt
kill $CL; kill $PID; wait
