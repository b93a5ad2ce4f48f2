#!/bin/bash
# Start the server, let kernels come and go, and take the same three looks twice:
# the fd count, lsof's rows tallied by TYPE, and the log's tail.
cd /tmp/r316-work/jsrv
rm -f kernsrv.log
( ulimit -n 1024; exec python3 kernsrv.py /tmp/r316-work/jsrv/kernsrv.log 100000 </dev/null >kernsrv.out 2>&1 10<&- 251>&- ) &
PID=$!
sleep 8
{
  echo "\$ pgrep -af kernsrv"
  pgrep -af kernsrv
  echo "\$ grep 'open files' /proc/$PID/limits"
  grep 'open files' /proc/$PID/limits
  for i in 1 2; do
    echo "\$ date; ls /proc/$PID/fd | wc -l"
    date; ls /proc/$PID/fd | wc -l
    echo "\$ lsof -nP -p $PID | awk '{print \$5}' | sort | uniq -c | sort -nr"
    lsof -nP -p $PID | awk '{print $5}' | sort | uniq -c | sort -nr
    echo "\$ grep -c 'Kernel shutdown' /tmp/r316-work/jsrv/kernsrv.log"
    grep -c 'Kernel shutdown' kernsrv.log
    [ $i = 1 ] && sleep 15
  done
  echo "\$ tail -4 /tmp/r316-work/jsrv/kernsrv.log"
  tail -4 kernsrv.log
} > screen.txt 2>&1
kill "$PID"
