#!/bin/bash
# Runs jobrun.pl under `ulimit -n 256`, then the on-call's journalctl and /proc counts
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
LOG=/tmp/r310-work/jobrun/jobrun.log
( ulimit -n 256; exec perl "$HERE/jobrun.pl" </dev/null >/dev/null 2>"$LOG" ) & PID=$!
sleep 14
# the service's stderr, as journald prints it for `journalctl -u jobrun`
journal() { awk -F'\t' -v pid="$PID" '{ cmd = "date -u -d @" $1 " +\"%b %d %H:%M:%S\""; cmd | getline t; close(cmd); print t " batch2 jobrun[" pid "]: " $2 }' "$LOG"; }
run() { echo "batch2:~# $1"; bash -c "$1" 2>&1; }
{
echo "batch2:~# journalctl -u jobrun --since -1min | tail -6"
journal | tail -6
run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | grep -c pipe"
run "grep 'open files' /proc/$PID/limits"
} > "$HERE/screen.txt"
kill $PID
