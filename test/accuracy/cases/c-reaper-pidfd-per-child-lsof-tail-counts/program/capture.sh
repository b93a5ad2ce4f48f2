#!/bin/bash
# reaper: lsof -p | tail, two counts five seconds apart, the limit.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
"$HERE/reaper" </dev/null >/dev/null 2>&1 & PID=$!
sleep 6
{
run "lsof -p $PID | tail -n 12"
run "ls /proc/$PID/fd | wc -l"
sleep 5; run "ls /proc/$PID/fd | wc -l"
run "grep 'open files' /proc/$PID/limits"
} > "$HERE/screen.txt"
kill $PID
