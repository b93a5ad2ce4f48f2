#!/bin/bash
# thumbq under a 512-fd limit; counts three times, ls -l | tail -n 12, limits, then its log once
# it ran out. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
W=/tmp/thumbq; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=512:512 python3 "$HERE/thumbq.py" </dev/null >"$W/thumbq.log" 2>&1 & PID=$!
sleep 4
{
run "ls /proc/$PID/fd | wc -l"
sleep 4; run "ls /proc/$PID/fd | wc -l"
sleep 4; run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | tail -n 12"
run "cat /proc/$PID/limits | grep -i 'open files'"
sleep 12
run "tail -3 $W/thumbq.log"
} > "$HERE/screen.txt"
kill $PID; rm -rf "$W"
