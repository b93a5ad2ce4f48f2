#!/bin/bash
# Run the runner under the usual 1024 soft limit, wait until it fails, then take what
# an on-call engineer takes: the log tail, the limits, the fd count and the listing's tail.
cd /tmp/r316-work/nbrun
rm -f nbrunner.log
( ulimit -n 1024; exec python3 nbrunner.py /tmp/r316-work/nbrun/nbrunner.log ) &
PID=$!
echo "$PID" > runner.pid
until grep -q 'Too many open files' nbrunner.log 2>/dev/null; do sleep 0.5; done
sleep 3
{
  echo "\$ pgrep -af nbrunner"
  pgrep -af nbrunner
  echo "\$ tail -5 /tmp/r316-work/nbrun/nbrunner.log"
  tail -5 nbrunner.log
  echo "\$ cat /proc/$PID/limits"
  cat /proc/$PID/limits
  echo "\$ ls /proc/$PID/fd | wc -l"
  ls /proc/$PID/fd | wc -l
  echo "\$ ls -l /proc/$PID/fd | tail -8"
  ls -l /proc/$PID/fd | tail -8
} > screen.txt 2>&1
kill "$PID"
