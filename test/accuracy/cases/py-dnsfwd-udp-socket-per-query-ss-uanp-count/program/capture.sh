#!/bin/bash
W=/tmp/r309-work/dnsfwd/run; rm -rf $W; mkdir -p $W
python3 dnsfwd.py </dev/null >$W/dnsfwd.log 2>&1 & PID=$!
sleep 1; python3 clients.py; sleep 2
{
echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
echo "\$ cat /proc/$PID/limits | grep files"; cat /proc/$PID/limits | grep files
echo "\$ ss -uanp | grep -c pid=$PID,"; ss -uanp | grep -c "pid=$PID,"
echo "\$ ss -uanp | grep pid=$PID, | head -6"; ss -uanp | grep "pid=$PID," | head -6
} > screen.txt 2>&1
kill $PID
