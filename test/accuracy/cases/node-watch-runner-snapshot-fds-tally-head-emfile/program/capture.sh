#!/bin/bash
# Start the runner under a 256 soft limit, let it re-run, then capture like on-call would.
cd "$(dirname "$0")"
( ulimit -n 256; exec node runner.js > runner.log 2>&1 ) &
PID=$!
sleep 5
{
  echo "\$ cat /proc/$PID/limits | grep -i 'open files'"
  grep -i 'open files' /proc/$PID/limits
  echo "\$ ls -l /proc/$PID/fd | awk '{print \$11}' | sort | uniq -c | sort -rn | head"
  ls -l /proc/$PID/fd | awk '{print $11}' | sort | uniq -c | sort -rn | head
  echo "\$ tail -5 runner.log"
  tail -5 runner.log
} > screen.txt
kill $PID
