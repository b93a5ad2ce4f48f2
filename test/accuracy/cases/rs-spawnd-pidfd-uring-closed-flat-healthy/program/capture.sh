#!/bin/bash
# spawnd (healthy): three counts, the whole ls -l, the limit.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
"$HERE/spawnd" </dev/null >/dev/null 2>&1 & PID=$!
sleep 5
{
run "ls /proc/$PID/fd | wc -l"
sleep 5; run "ls /proc/$PID/fd | wc -l"
sleep 5; run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd"
run "grep 'open files' /proc/$PID/limits"
} > "$HERE/screen.txt"
kill $PID
