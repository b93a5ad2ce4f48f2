#!/bin/bash
# Start the scheduler stand-in and the worker; then what the engineer typed: the worker's
# limit, its socket fds counted twice 10 s apart, and the host's CLOSE-WAIT rows (no -p).
cd /tmp/r316-work/dw
rm -f worker.log
python3 sched.py </dev/null >sched.out 2>&1 10<&- 251>&- &
SPID=$!
sleep 0.5
( ulimit -n 1024; exec python3 worker.py /tmp/r316-work/dw/worker.log </dev/null >worker.out 2>&1 10<&- 251>&- ) &
PID=$!
sleep 6
{
  echo "\$ pgrep -af worker.py"
  pgrep -af worker.py
  echo "\$ grep 'open files' /proc/$PID/limits"
  grep 'open files' /proc/$PID/limits
  echo "\$ ls -l /proc/$PID/fd | grep -c socket"
  ls -l /proc/$PID/fd | grep -c socket
  sleep 10
  echo "\$ ls -l /proc/$PID/fd | grep -c socket"
  ls -l /proc/$PID/fd | grep -c socket
  echo "\$ ss -tn state close-wait | wc -l"
  ss -tn state close-wait | wc -l
  echo "\$ ss -tn state close-wait | head -5"
  ss -tn state close-wait | head -5
  echo "\$ tail -2 /tmp/r316-work/dw/worker.log"
  tail -2 worker.log
} > screen.txt 2>&1
kill "$PID" "$SPID"
