#!/bin/bash
# jobq.sh under `ulimit -n 256`, output to jobq.log; fd counts three times, then ls -l | tail,
# then the log's tail once it ran out. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
W=/tmp/jobq; rm -rf "$W"; mkdir -p "$W/scratch"
(ulimit -n 256; exec bash "$HERE/jobq.sh" "$W/scratch" </dev/null >"$W/jobq.log" 2>&1) & PID=$!
sleep 3
{
run "ls /proc/$PID/fd | wc -l"
sleep 3; run "ls /proc/$PID/fd | wc -l"
sleep 3; run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | tail"
sleep 12
run "tail -5 $W/jobq.log"
run "grep 'open files' /proc/$PID/limits"
} > "$HERE/screen.txt"
kill $PID; rm -rf "$W"
