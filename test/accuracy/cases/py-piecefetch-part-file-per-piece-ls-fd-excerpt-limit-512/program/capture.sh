#!/bin/bash
# Run on this machine; soft limit 512 set for the run. Outputs pasted into transcript.md
W=/tmp/r309-work/piecefetch/run; rm -rf $W; mkdir -p $W
(ulimit -n 512; exec python3 piecefetch.py $W </dev/null >$W/stdout.txt 2>&1) & PID=$!
sleep 12
{
echo "\$ pgrep -af piecefetch"; pgrep -af piecefetch.py | grep -v pgrep
echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
echo "\$ grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
echo "\$ ls -l /proc/$PID/fd | head -15"; ls -l /proc/$PID/fd | head -15
echo "\$ ls -l /proc/$PID/fd | tail -5"; ls -l /proc/$PID/fd | tail -5
echo "\$ tail -4 $W/piecefetch.log"; tail -4 $W/piecefetch.log
} > screen.txt 2>&1
kill $PID
